// The portals' pure rules (decision 0022): the application of each mission type, the SANTORIN states
// read from a file, the addresses an administrator may record.
import { describe, expect, it } from 'vitest';
import { APPLICATION_DU_TYPE, controlerUrlApplication, lireEtatSantorin } from './portails.ts';

describe('portails', () => {
  it('les commissions académiques EPS ouvrent CYCLADES, les corrections et numérisations SANTORIN', () => {
    expect(APPLICATION_DU_TYPE.EPSACA).toBe('CYCLADES');
    for (const t of ['CORCOP', 'CEC', 'NUMCOP', 'EPSCCF', 'LECDOS']) expect(APPLICATION_DU_TYPE[t]).toBe('SANTORIN');
    expect(APPLICATION_DU_TYPE.INTORA).toBeUndefined();
  });

  it('un état se lit par son code ou son libellé, casse et accents ignorés', () => {
    expect(lireEtatSantorin('A_CORRIGER')).toBe('a_corriger');
    expect(lireEtatSantorin('a numériser dans Santorin')).toBe('a_numeriser');
    expect(lireEtatSantorin('Service fait SANTORIN')).toBe('service_fait');
    expect(lireEtatSantorin('service_fait')).toBe('service_fait');
    expect(lireEtatSantorin('Corrigé')).toBeNull();
    expect(lireEtatSantorin('')).toBeNull();
  });

  it('une adresse complète en http(s), sans identifiants, fragment ni paramètre jeton', () => {
    expect(controlerUrlApplication('https://santorin.ac-rennes.fr/correcteur?x=1')).toBeNull();
    expect(controlerUrlApplication('santorin.ac-rennes.fr')).toMatch(/^Adresse : une adresse complète est attendue/);
    expect(controlerUrlApplication('ftp://santorin.ac-rennes.fr')).toMatch(/https:\/\//);
    expect(controlerUrlApplication('https://u:p@santorin.ac-rennes.fr')).toMatch(/ni identifiant ni mot de passe/);
    expect(controlerUrlApplication('https://santorin.ac-rennes.fr/#a')).toMatch(/fragment/);
    expect(controlerUrlApplication('https://santorin.ac-rennes.fr/?jeton=abc')).toMatch(/« jeton »/);
  });
});
