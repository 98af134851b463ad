import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../../testing/documents.ts';
import { creerPdf, genererPdf, type OptionsPdf } from './pdf.ts';

const OPTIONS: OptionsPdf = {
  entete: { academie: 'ACADEMIE DE TOULOUSE', etablissement: 'LGT LA DECOUVERTE DECAZEVILLE (0120006S)' },
  titre: 'Liste des missions affectées par personne',
  // 13:18 UTC is 14:18 in Paris in November (UTC+1).
  editeLe: new Date('2026-11-23T13:18:00Z'),
};

const COLONNES = [
  { libelle: 'N° Mission', largeur: 1 },
  { libelle: 'Nom Prénom', largeur: 2 },
  { libelle: 'Spécialité Epreuve-option', largeur: 3 },
  { libelle: 'Statut', largeur: 1, alignement: 'centre' as const },
];

function ligne(i: number) {
  return [String(111700 + i), `DUPONT-${i} Hélène`, i === 3 ? 'TOUTES SERIES BCG, 0144-1 EVALUATION SPEC.LANG.S.EUROP. ANGLAIS, épreuve orale de section européenne avec un libellé très long' : 'BIOTECHNOLOGIES, VAE', 'Convoqué'];
}

describe('PDF', () => {
  it("imprime l'en-tête, le titre, les lignes, la ligne d'en-tête répétée et « Page X / Y »", async () => {
    let pages = 0;
    const octets = await lireFlux(
      genererPdf(OPTIONS, async (doc) => {
        doc.intertitre('Intervenant : M. DUPONT Jean');
        doc.cleValeur([['Discipline de poste', 'GÉNIE THERMIQUE'], ['Mission', 'n° 112121']]);
        await doc.tableau({ colonnes: COLONNES, lignes: Array.from({ length: 60 }, (_, i) => ligne(i)) });
        pages = doc.pages;
      }),
    );
    expect(octets.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages: textes, titre } = await textePdf(octets);
    expect(titre).toBe(OPTIONS.titre);
    expect(textes).toHaveLength(2);
    expect(pages).toBe(2);
    const [p1, p2] = textes as [string, string];
    for (const [texte, n] of [[p1, 1], [p2, 2]] as const) {
      expect(texte).toContain('ACADEMIE DE TOULOUSE');
      expect(texte).toContain('LGT LA DECOUVERTE DECAZEVILLE (0120006S)');
      expect(texte).toContain('Liste des missions affectées par personne');
      expect(texte).toContain('Edité le 23/11/2026 à 14:18');
      expect(texte).toContain(`Page ${n} / 2`);
      // The header row, on both pages.
      expect(texte).toContain('N° Mission');
      expect(texte).toContain('Spécialité Epreuve-option');
    }
    expect(p1).toContain('Intervenant : M. DUPONT Jean');
    expect(p1).toContain('Discipline de poste : GÉNIE THERMIQUE');
    // Page 2 starts with the header row, then the rows that did not fit on page 1.
    const premiereLigneP2 = /\b1117(\d\d)\b/.exec(p2)!;
    expect(p2.indexOf('N° Mission')).toBeLessThan(premiereLigneP2.index);
    // Every row is printed exactly once, across the two pages; the long cell wraps without loss.
    const tout = `${p1} ${p2}`;
    for (let i = 0; i < 60; i++) expect(tout.match(new RegExp(`\\b${111700 + i}\\b`, 'g')), `ligne ${i}`).toHaveLength(1);
    for (const mot of ['TOUTES', 'SERIES', 'SPEC.LANG.S.EUROP.', 'européenne', 'libellé', 'long']) expect(tout).toContain(mot);
    expect(tout).toContain('DUPONT-59 Hélène');
  });

  it('fait suivre un long paragraphe sur les pages suivantes, en-tête et pied compris', async () => {
    const octets = await lireFlux(
      genererPdf({ ...OPTIONS, entete: { academie: 'ACADEMIE DE RENNES' }, orientation: 'paysage' }, (doc) => {
        doc.paragraphe('Veuillez vous présenter à l’accueil à votre arrivée. '.repeat(400), { alignement: 'justifie' });
      }),
    );
    const { pages } = await textePdf(octets);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((texte, i) => {
      expect(texte).toContain('ACADEMIE DE RENNES');
      expect(texte).toContain(`Page ${i + 1} / ${pages.length}`);
    });
  });

  it('dit « Aucune ligne. » pour un tableau vide', async () => {
    const octets = await lireFlux(genererPdf(OPTIONS, (doc) => doc.tableau({ colonnes: COLONNES, lignes: [], siVide: 'Aucune mission affectée.' })));
    const { pages } = await textePdf(octets);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Aucune mission affectée.');
    expect(pages[0]).toContain('Page 1 / 1');
  });

  it("s'arrête d'écrire tant que le lecteur ne lit pas (mémoire bornée), puis reprend", async () => {
    const doc = creerPdf(OPTIONS);
    let lues = 0;
    async function* lignes() {
      for (let i = 0; i < 8_000; i++) {
        lues++;
        yield ligne(i);
      }
    }
    const fini = doc.tableau({ colonnes: COLONNES, lignes: lignes() }).then(() => doc.terminer());
    await new Promise((r) => setTimeout(r, 300));
    // Nobody reads: the builder waits with a bounded buffer instead of producing the whole document.
    expect(lues).toBeLessThan(8_000);
    expect(doc.flux.readableLength).toBeLessThan(2 * 1024 * 1024);
    const octets = await lireFlux(doc.flux);
    const { pages } = await fini;
    expect(lues).toBe(8_000);
    expect(pages).toBeGreaterThan(150);
    const { pages: textes } = await textePdf(octets);
    expect(textes).toHaveLength(pages);
    expect(textes.at(-1)).toContain(`Page ${pages} / ${pages}`);
  });

  it("fait échouer le flux si la construction échoue, sans document tronqué", async () => {
    const flux = genererPdf(OPTIONS, async (doc) => {
      doc.paragraphe('Début');
      throw new Error('Données introuvables');
    });
    await expect(pipeline(flux, new PassThrough().resume())).rejects.toThrow('Données introuvables');
  });
});
