import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avecCleNir, avecCleUai, cleNir, cleUai, controlerIban, controlerNir, controlerNumen, controlerUai, masquerIban } from './identifiants.ts';

describe('UAI', () => {
  it.each(['0750654D', '0752524L', '0920131T', '0120006S'])('accepte %s', (uai) => {
    expect(controlerUai(uai)).toEqual({ ok: true });
  });
  it('refuse une mauvaise clé en donnant la lettre attendue', () => {
    expect(controlerUai('0750654E')).toEqual({ ok: false, message: "La clé de l'UAI 0750654E est incorrecte : la lettre attendue est D." });
  });
  it('refuse un format incorrect', () => {
    for (const bad of ['075065D', '07506544', 'ABCDEFGH', '']) expect(controlerUai(bad).ok).toBe(false);
  });
  it('calcule une clé hors de I, O, Q, que le contrôle accepte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const seven = String(n).padStart(7, '0');
        const key = cleUai(seven);
        expect('IOQ').not.toContain(key);
        expect(controlerUai(avecCleUai(seven)).ok).toBe(true);
      }),
    );
  });
});

describe('NIR', () => {
  it("vérifie l'exemple de référence (clé 94)", () => {
    expect(cleNir('1631278477042')).toBe(94);
    expect(controlerNir('163127847704294')).toEqual({ ok: true });
    expect(controlerNir('1 63 12 78 477 042 94')).toEqual({ ok: true });
  });
  it('refuse une mauvaise clé', () => {
    const r = controlerNir('163127847704295');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('la clé attendue est 94');
  });
  it('traite la Corse (2A → 19, 2B → 18)', () => {
    const a = avecCleNir('185022A123456');
    const b = avecCleNir('1850219123456');
    expect(a.slice(13)).toBe(b.slice(13));
    expect(controlerNir(a).ok).toBe(true);
    expect(controlerNir(avecCleNir('290022B012345')).ok).toBe(true);
    expect(avecCleNir('290022B012345').slice(13)).toBe(avecCleNir('2900218012345').slice(13));
  });
  it('toute clé calculée est acceptée, toute autre refusée', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 1, max: 96 }), (sexe, n, delta) => {
        const thirteen = String(sexe) + String(n).padStart(12, '0');
        const nir = avecCleNir(thirteen);
        expect(controlerNir(nir).ok).toBe(true);
        const bad = thirteen + String(((Number(nir.slice(13)) + delta - 1) % 97) + 1).padStart(2, '0');
        if (bad !== nir) expect(controlerNir(bad).ok).toBe(false);
      }),
    );
  });
});

describe('NUMEN et IBAN', () => {
  it('contrôle le format du NUMEN', () => {
    expect(controlerNumen('14E0312345ABC').ok).toBe(true);
    expect(controlerNumen('14E031234ABC').ok).toBe(false);
  });
  it("contrôle la clé de l'IBAN et le masque à l'affichage", () => {
    expect(controlerIban('FR76 3000 6000 0112 3456 7890 189').ok).toBe(true);
    expect(controlerIban('FR76 3000 6000 0112 3456 7890 188').ok).toBe(false);
    expect(masquerIban('0189')).toBe('FR•• •••• •••• •••• •••• ••0189');
    expect(masquerIban(null)).toBe('');
  });
});
