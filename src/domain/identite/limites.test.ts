import { describe, expect, it } from 'vitest';
import { apresEchecLimite, dureeBlocageMinutes, FENETRE_ECHECS_MS, finBlocage, REGLES_LIMITES } from './limites.ts';

const T0 = new Date('2027-06-20T07:00:00Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);

describe('limites contre la force brute', () => {
  it('bloque au seuil 1 minute, puis double à chaque échec jusqu’au plafond de la règle', () => {
    const r = REGLES_LIMITES.compteAdresse;
    expect([1, 4, 5, 6, 7, 10, 11, 40].map((n) => dureeBlocageMinutes(n, r))).toEqual([0, 0, 1, 2, 4, 32, 60, 60]);
    expect(dureeBlocageMinutes(1000, REGLES_LIMITES.compte)).toBe(15);
  });

  it('compte les échecs rapprochés, oublie ceux de plus d’une heure', () => {
    let e = { echecs: 0, dernierEchec: null as Date | null };
    for (let i = 0; i < 4; i++) {
      const a = apresEchecLimite(e, REGLES_LIMITES.compteAdresse, T0);
      expect(a.bloqueJusqua).toBeNull();
      e = { echecs: a.echecs, dernierEchec: T0 };
    }
    expect(apresEchecLimite(e, REGLES_LIMITES.compteAdresse, T0)).toEqual({ echecs: 5, bloqueJusqua: plus(60_000) });
    expect(apresEchecLimite(e, REGLES_LIMITES.compteAdresse, plus(FENETRE_ECHECS_MS))).toEqual({ echecs: 1, bloqueJusqua: null });
  });

  it('un blocage expire toujours : la fin la plus tardive de ceux qui courent encore', () => {
    expect(finBlocage([null, plus(-1), plus(120_000), plus(60_000)], T0)).toEqual(plus(120_000));
    expect(finBlocage([plus(-1), null], T0)).toBeNull();
  });
});
