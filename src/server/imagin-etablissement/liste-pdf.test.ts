import { describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { genererListePdf, type ColonneListe } from './liste-pdf.ts';

const OPTIONS = {
  entete: { academie: 'ACADEMIE DE RENNES', etablissement: 'LGT LA PROMENADE RENNES (0350710G)' },
  titre: 'Liste des missions affectées par personne',
  sousTitre: 'Missions de 2026',
  // 13:18 UTC is 14:18 in Paris in November.
  editeLe: new Date('2026-11-23T13:18:00Z'),
};

interface L {
  n: number;
  texte: string;
}
const COLONNES: ColonneListe<L>[] = [
  { libelle: 'N° Mission', largeur: 1, valeur: (l) => String(l.n) },
  { libelle: 'Spécialité Epreuve-option', largeur: 3, valeur: (l) => l.texte },
  { libelle: 'Statut', largeur: 1, alignement: 'centre', valeur: () => 'Convoquée' },
];

describe('éditions en liste', () => {
  it('répète la ligne d’en-tête sur chaque page, numérote « Page X / Y » et imprime chaque ligne une fois', async () => {
    const lignes = Array.from({ length: 150 }, (_, i) => ({ n: 111700 + i, texte: i === 7 ? 'TOUTES SERIES BCG, 0144-1 EVALUATION SPEC.LANG.S.EUROP. ANGLAIS, une épreuve au libellé très long qui passe à la ligne' : 'C010, Mathématiques' }));
    const octets = await lireFlux(genererListePdf(OPTIONS, [{ type: 'tableau', legende: 'Intervenant : Mme DUPONT Hélène\nDiscipline de poste : MATHEMATIQUES', colonnes: COLONNES, lignes }]));
    const { pages, titre } = await textePdf(octets);
    expect(titre).toBe(OPTIONS.titre);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((t, i) => {
      for (const x of ['ACADEMIE DE RENNES', 'LGT LA PROMENADE RENNES (0350710G)', OPTIONS.titre, 'Missions de 2026', 'Edité le 23/11/2026 à 14:18', `Page ${i + 1} / ${pages.length}`, 'N° Mission', 'Spécialité Epreuve-option']) {
        expect(t, `page ${i + 1}`).toContain(x);
      }
    });
    expect(pages[0]).toContain('Intervenant : Mme DUPONT Hélène');
    expect(pages[1]).not.toContain('Intervenant :');
    const tout = pages.join(' ');
    for (let i = 0; i < 150; i++) expect(tout.match(new RegExp(`\\b${111700 + i}\\b`, 'g')), `ligne ${i}`).toHaveLength(1);
    for (const mot of ['SPEC.LANG.S.EUROP.', 'libellé', 'ligne']) expect(tout).toContain(mot);
  });

  it('garde la légende avec le début de son tableau, dit quand un tableau est vide, coupe une cellule démesurée', async () => {
    const enorme = 'mot '.repeat(3000);
    const octets = await lireFlux(
      genererListePdf({ ...OPTIONS, orientation: 'paysage' }, [
        ...Array.from({ length: 12 }, (_, p) => ({ type: 'tableau' as const, legende: `Intervenant : PERSONNE-${p}`, colonnes: COLONNES, lignes: Array.from({ length: 4 }, (_, i) => ({ n: p * 10 + i, texte: 'x' })), siVide: 'Aucune mission.' })),
        { type: 'tableau' as const, legende: 'Intervenant : SANS-MISSION', colonnes: COLONNES, lignes: [], siVide: 'Aucune mission affectée sur ces années.' },
        { type: 'tableau' as const, colonnes: COLONNES, lignes: [{ n: 999_999, texte: enorme }, { n: 888_888, texte: 'X'.repeat(5000) }] },
        { type: 'intertitre' as const, texte: 'Mme ALICE-TEST Anne' },
        { type: 'paires' as const, paires: [['Adresse', '3 RUE DES LILAS, 35000 RENNES'], ['Téléphone', '06 39 98 00 01 / professionnel : 02 61 91 00 02']] },
      ]),
    );
    const { pages } = await textePdf(octets);
    for (const t of pages) {
      // A caption is never the last thing of a page: its table's header row follows on the same page.
      const i = t.lastIndexOf('Intervenant : ');
      if (i >= 0) expect(t.slice(i)).toContain('N° Mission');
    }
    const tout = pages.join(' ');
    expect(tout).toContain('Aucune mission affectée sur ces années.');
    expect(tout).toContain('999999');
    // A single word wider than its cell is cut across lines (then ellipsed), not overflowing.
    expect(tout).toContain('888888');
    expect(tout).toMatch(/XXXXXXXXXX/);
    expect(tout).toContain('…');
    expect((tout.match(/\bmot\b/g) ?? []).length).toBeLessThan(3000);
    expect(tout).toContain('Adresse : 3 RUE DES LILAS, 35000 RENNES');
    expect(tout).toContain('Téléphone : 06 39 98 00 01 / professionnel : 02 61 91 00 02');
  });
});
