import { afterAll, describe, expect, it } from 'vitest';
import { pdfPapillonsJurys, type EnteteEdition, type PapillonJury } from '../../cyclades-deliberation/centre.editions.ts';
import { lireFlux, textePdf } from '../../testing/documents.ts';
import { arreterAtelier, enAvance, nombreTravailleurs, pdfEnAtelier, travailleursPdf } from './atelier.ts';

const MODULE = new URL('../../cyclades-deliberation/centre.editions.ts', import.meta.url).href;
const ENTETE: EnteteEdition = { academie: 'ACADEMIE DE RENNES', centre: 'LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)', session: 'BCP JUIN 2026', editeLe: new Date('2026-06-17T07:59:27Z') };
const papillons = (n: number): PapillonJury[] =>
  Array.from({ length: n }, (_, i) => ({ numero: String(40000 + i), specialite: 'Commerce', url: 'https://imagin.example/connexion/jury/secours', login: `JURY-${40000 + i}-0350059Z`, motDePasse: `Mdp-${i}-xK9#pQ` }));

afterAll(() => arreterAtelier());

describe("atelier PDF (fils d'exécution)", () => {
  it('un fil par cœur (au plus 4), aucun sur un seul cœur ou avec PDF_TRAVAILLEURS=0', () => {
    expect(nombreTravailleurs({ PDF_TRAVAILLEURS: '0' })).toBe(0);
    expect(nombreTravailleurs({ PDF_TRAVAILLEURS: '3' })).toBe(3);
    expect(nombreTravailleurs({ PDF_TRAVAILLEURS: 'beaucoup' })).toBe(nombreTravailleurs({}));
    expect(nombreTravailleurs({})).toBeLessThanOrEqual(4);
  });

  it("écrit dans un fil exactement les mêmes octets que sur le fil principal, plusieurs documents côte à côte", async () => {
    const attendus = await Promise.all([3, 5, 1].map((n) => lireFlux(pdfPapillonsJurys(ENTETE, papillons(n)))));
    const obtenus = await Promise.all(
      [3, 5, 1].map(async (n) => {
        const r = await pdfEnAtelier({ module: MODULE, fonction: 'pdfPapillonsJurys', arguments: [ENTETE, papillons(n)] });
        return Buffer.isBuffer(r) ? r : lireFlux(r);
      }),
    );
    for (const [i, o] of obtenus.entries()) expect(o.equals(attendus[i]!)).toBe(true);
    expect((await textePdf(obtenus[1]!)).pages[4]).toContain('JURY-40004-0350059Z');
  });

  it("rend l'erreur d'une édition (message seul), puis continue de servir", async () => {
    if (travailleursPdf() === 0) return;
    await expect(pdfEnAtelier({ module: MODULE, fonction: 'pdfPapillonsJurys', arguments: [ENTETE, null] })).rejects.toThrow(/null|papillons|iterable/i);
    const r = await pdfEnAtelier({ module: MODULE, fonction: 'pdfPapillonsJurys', arguments: [ENTETE, papillons(2)] });
    expect((await textePdf(Buffer.isBuffer(r) ? r : await lireFlux(r))).pages).toHaveLength(2);
  });

  it("enAvance rend les résultats dans l'ordre, jamais plus de `fenetre` en cours, une erreur à son tour", async () => {
    let enCours = 0;
    let max = 0;
    const tache = (i: number) => async () => {
      enCours++;
      max = Math.max(max, enCours);
      await new Promise((r) => setTimeout(r, (7 - i) * 3));
      enCours--;
      if (i === 5) throw new Error('cinquième');
      return i;
    };
    const lus: number[] = [];
    const it = enAvance(Array.from({ length: 7 }, (_, i) => tache(i)), 3);
    await expect(
      (async () => {
        for await (const v of it) lus.push(v);
      })(),
    ).rejects.toThrow('cinquième');
    expect(lus).toEqual([0, 1, 2, 3, 4]);
    expect(max).toBe(3);
  });
});
