import { describe, expect, it } from 'vitest';
import { intituleAcademie } from './academies.ts';

describe("intitulé d'une académie (en-tête des écrans et des documents)", () => {
  it('« ACADEMIE DE » suivi du nom en majuscules pour une académie', () => {
    expect(intituleAcademie({ nomMajuscule: 'RENNES', interAcademique: false })).toBe('ACADEMIE DE RENNES');
  });
  it('son propre nom pour un service inter-académique (SIEC, DGRH)', () => {
    expect(intituleAcademie({ nomMajuscule: 'SIEC', interAcademique: true })).toBe('SIEC');
    expect(intituleAcademie({ nomMajuscule: 'DGRH', interAcademique: true })).toBe('DGRH');
  });
});
