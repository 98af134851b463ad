import { describe, expect, it } from 'vitest';
import { correspond, siglesProposes } from './examens.ts';

describe("examens proposés selon la catégorie de l'établissement", () => {
  it('propose le DNB aux collèges', () => {
    expect(siglesProposes('CLG')).toEqual(['DNB']);
  });
  it('propose les bacs, les épreuves anticipées et le BTS aux lycées', () => {
    for (const t of ['LGT', 'LP', 'LPO']) expect(siglesProposes(t)).toEqual(['BCP', 'BTN', 'BCG', 'EA-BCG', 'EA-BTN', 'BTS']);
  });
  it("ne propose rien aux services qui n'ont pas d'enseignants", () => {
    for (const t of ['RECT', 'DSDEN', 'AUTRE']) expect(siglesProposes(t)).toEqual([]);
  });
});

describe('listes de propositions qui se restreignent au fil de la saisie', () => {
  it('retient les libellés qui contiennent chaque mot saisi, sans accents ni casse', () => {
    expect(correspond('C010, Mathématiques', 'math')).toBe(true);
    expect(correspond('C010, Mathématiques', 'MATHEMATIQUES c010')).toBe(true);
    expect(correspond('C012, Physique-Chimie', 'math')).toBe(false);
    expect(correspond('C012, Physique-Chimie', '')).toBe(true);
  });
});
