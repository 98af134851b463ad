import { describe, expect, it } from 'vitest';
import { estControleContinu, euros, heuresMinutes, refusDecision, texteValeur, verifierRegroupement, type EtatARegrouper } from './gestion.ts';

describe('décisions du gestionnaire', () => {
  it('valider : seulement un état « Validé » hors lot', () => {
    expect(refusDecision('valider', { workflow: 'valide', enLot: false })).toBeNull();
    expect(refusDecision('valider', { workflow: 'non_valide', enLot: false })).toMatch(/ne l'a pas validé/);
    expect(refusDecision('valider', { workflow: 'valide_gestionnaire', enLot: false })).toMatch(/déjà validé/);
    expect(refusDecision('valider', { workflow: 'valide', enLot: true })).toMatch(/lot de liquidation/);
  });
  it('rejeter : validé ou validé par gestionnaire', () => {
    expect(refusDecision('rejeter', { workflow: 'valide', enLot: false })).toBeNull();
    expect(refusDecision('rejeter', { workflow: 'valide_gestionnaire', enLot: false })).toBeNull();
    expect(refusDecision('rejeter', { workflow: 'non_valide', enLot: false })).not.toBeNull();
    expect(refusDecision('rejeter', { workflow: 'traite_gestionnaire', enLot: false })).toMatch(/lot/);
  });
  it('annuler : tout sauf un état en lot ou déjà annulé', () => {
    for (const w of ['non_valide', 'mission_non_effectuee', 'valide', 'valide_gestionnaire'] as const) expect(refusDecision('annuler', { workflow: w, enLot: false })).toBeNull();
    expect(refusDecision('annuler', { workflow: 'annule', enLot: false })).toMatch(/annulé/);
    expect(refusDecision('annuler', { workflow: 'valide_gestionnaire', enLot: true })).toMatch(/lot/);
  });
  it('corriger : pas une mission non effectuée', () => {
    expect(refusDecision('corriger', { workflow: 'mission_non_effectuee', enLot: false })).toMatch(/non effectuée/);
    expect(refusDecision('corriger', { workflow: 'valide', enLot: false })).toBeNull();
  });
});

describe('présentation', () => {
  it('montants et heures', () => {
    expect(euros(126800)).toBe('1\u202f268,00 €');
    expect(euros(5)).toBe('0,05 €');
    expect(heuresMinutes(185)).toBe('3 h 05');
    expect(texteValeur('copies', 12)).toBe('12');
    expect(texteValeur('montantRetenuDeplacement', 1999)).toBe('19,99 €');
    expect(texteValeur('heures', null)).toBeNull();
  });
});

describe('regroupement du contrôle continu', () => {
  const e = (o: Partial<EtatARegrouper>): EtatARegrouper => ({
    id: 1, personneId: 7, sessionExamenId: 3, typeCode: 'ECCC', typeLibelle: 'Epreuve commune de contrôle continu', missionNumero: 100, regroupeDansId: null, workflow: 'non_valide', enLot: false, ...o,
  });
  it('reconnaît les épreuves du contrôle continu', () => {
    expect(estControleContinu('ECCC', 'x')).toBe(true);
    expect(estControleContinu('ORCC', 'Epreuve orale ponctuelle du CONTROLE CONTINU')).toBe(true);
    expect(estControleContinu('CORCOP', 'CORRECTION DE COPIES')).toBe(false);
  });
  it('même intervenant, même session, épreuves du contrôle continu, non traités', () => {
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, missionNumero: 101 })])).toEqual({});
    expect(verifierRegroupement([e({ id: 1 })]).etatIds).toMatch(/au moins deux/);
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, personneId: 8 })]).etatIds).toMatch(/même intervenant/);
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, sessionExamenId: 4 })]).etatIds).toMatch(/même session/);
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, typeCode: 'CORCOP', typeLibelle: 'CORRECTION DE COPIES', missionNumero: 55 })]).etatIds).toMatch(/n° 55 n'est pas/);
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, workflow: 'traite_gestionnaire' })]).etatIds).toMatch(/lot/);
    expect(verifierRegroupement([e({ id: 1 }), e({ id: 2, regroupeDansId: 9 })]).etatIds).toMatch(/déjà regroupé/);
  });
});
