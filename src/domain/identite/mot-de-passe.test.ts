import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genererMotDePasseTemporaire, reglesNonRespectees } from './mot-de-passe.ts';

describe('règles du mot de passe', () => {
  it('accepte un mot de passe conforme', () => {
    expect(reglesNonRespectees('Examens-2026!ok')).toEqual([]);
  });
  it('énonce chaque règle non respectée', () => {
    expect(reglesNonRespectees('abc')).toEqual([
      'au moins 12 caractères',
      'au moins une lettre minuscule et une lettre majuscule',
      'au moins un chiffre',
      'au moins un caractère spécial (par exemple ! ? < > # @)',
    ]);
    expect(reglesNonRespectees('Prof.Martin2026!', { login: 'prof.martin' })).toEqual(["ne pas contenir l'identifiant"]);
  });
});

describe('mot de passe temporaire', () => {
  it('compte 10 caractères et mêle minuscule, majuscule, chiffre et caractère spécial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        let s = seed;
        const rnd = (max: number) => {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          return s % max;
        };
        const mdp = genererMotDePasseTemporaire(rnd);
        expect(mdp).toHaveLength(10);
        expect(mdp).toMatch(/[a-z]/);
        expect(mdp).toMatch(/[A-Z]/);
        expect(mdp).toMatch(/[0-9]/);
        expect(mdp).toMatch(/[^A-Za-z0-9]/);
      }),
    );
  });
  it('tire ses caractères de la source aléatoire fournie (cryptographique en production)', () => {
    const seen = new Set(Array.from({ length: 200 }, () => genererMotDePasseTemporaire(randomInt)));
    expect(seen.size).toBe(200);
  });
});
