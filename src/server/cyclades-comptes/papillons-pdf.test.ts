// The papillons de connexion as printed (issue 13, item 24): read back with pdfjs, with the position of
// each line. Two per page means one papillon in each half of the A4 sheet and the cut line at
// mid-page; the « Titre édition » of a regeneration is on every papillon.
import { describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { genererPapillons, LEGENDE_DECOUPE, type OptionsPapillons, type Papillon } from './papillons-pdf.ts';

interface Ligne {
  texte: string;
  /** Points from the top edge of the page. */
  y: number;
}

/** Each page's text items with their distance from the top edge, and the y of each dashed stroke. */
async function pagesPositionnees(octets: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const chargement = pdfjs.getDocument({ data: new Uint8Array(octets), useSystemFonts: false });
  const doc = await chargement.promise;
  const pages: Array<{ hauteur: number; lignes: Ligne[]; pointilles: number[] }> = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const hauteur = page.view[3]!;
    const c = await page.getTextContent();
    const lignes = c.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ texte: it.str, y: hauteur - it.transform[5] }] : []));
    // The dashed strokes: a setDash with a non-empty pattern, then the path it strokes.
    const ops = await page.getOperatorList();
    const pointilles: number[] = [];
    let tirets = false;
    for (let k = 0; k < ops.fnArray.length; k++) {
      const fn = ops.fnArray[k];
      if (fn === pdfjs.OPS.setDash) tirets = ((ops.argsArray[k] as [number[]])[0] ?? []).length > 0;
      if (fn === pdfjs.OPS.restore) tirets = false;
      if (fn === pdfjs.OPS.constructPath && tirets) {
        const nombres = JSON.stringify(ops.argsArray[k]).match(/-?\d+(\.\d+)?/g)!.map(Number);
        // The path's points in user space: y is the PDF's (from the bottom), flipped by pdfkit's matrix.
        pointilles.push(...nombres.filter((n) => Math.abs(n - hauteur / 2) < 1 || Math.abs(hauteur - n - hauteur / 2) < 1));
      }
    }
    pages.push({ hauteur, lignes, pointilles });
  }
  await chargement.destroy();
  return pages;
}

const papillon = (i: number): Papillon => ({
  nom: `NOM${i}`,
  prenom: `Prénom${i}`,
  numeroCandidat: `N00000${i}`,
  session: 'DNB 2027',
  regroupement: 'Division de classe : 3A',
  login: `prenom${i}.nom${i}`,
  motDePasse: `Mdp-${i}-abcd`,
});

const options: OptionsPapillons = {
  academie: 'ACADÉMIE DE RENNES',
  etablissement: 'CLG DU PARC RENNES (0350711H)',
  adresseEspaceCandidat: 'https://cyclades.example.fr/connexion/candidat',
  editeLe: new Date('2026-12-06T10:00:00Z'),
  parPage: 2,
};

describe('papillons de connexion', () => {
  it('deux par page : un papillon dans chaque moitié de la feuille, le pointillé au milieu de la page', async () => {
    const pages = await pagesPositionnees(await lireFlux(genererPapillons([1, 2, 3].map(papillon), options)));
    expect(pages).toHaveLength(2);
    for (const [n, page] of pages.entries()) {
      const milieu = page.hauteur / 2;
      // The cut line: drawn at mid-page (the legend just above it), on every page.
      expect(page.pointilles.length, `page ${n + 1}`).toBeGreaterThan(0);
      const legende = page.lignes.find((l) => l.texte.includes(LEGENDE_DECOUPE));
      expect(legende, `page ${n + 1}`).toBeDefined();
      expect(Math.abs(legende!.y - milieu)).toBeLessThan(15);
    }
    const [p1, p2] = pages;
    const milieu = p1!.hauteur / 2;
    // Every line of the first papillon in the top half, every line of the second in the bottom half.
    const du = (page: typeof p1, i: number) => page!.lignes.filter((l) => l.texte.includes(`NOM${i}`) || l.texte.includes(`prenom${i}.nom${i}`) || l.texte.includes(`Mdp-${i}-`));
    expect(du(p1, 1).length).toBeGreaterThanOrEqual(2);
    for (const l of du(p1, 1)) expect(l.y).toBeLessThan(milieu);
    expect(du(p1, 2).length).toBeGreaterThanOrEqual(2);
    for (const l of du(p1, 2)) expect(l.y).toBeGreaterThan(milieu);
    // The whole first papillon (down to its advice) stays above the cut line.
    const conseils = p1!.lignes.filter((l) => l.texte.startsWith('(*) Nous vous conseillons'));
    expect(conseils).toHaveLength(2);
    expect(conseils[0]!.y).toBeLessThan(milieu - 10);
    expect(conseils[1]!.y).toBeGreaterThan(milieu);
    // The last page's single papillon sits in the top half.
    for (const l of du(p2, 3)) expect(l.y).toBeLessThan(milieu);
  });

  it('imprime le « Titre édition » de la régénération sur chaque papillon', async () => {
    const titreEdition = 'Papillon perdu — 3B';
    for (const parPage of [1, 2] as const) {
      const pages = await pagesPositionnees(await lireFlux(genererPapillons([1, 2].map(papillon), { ...options, parPage, titreEdition })));
      const tous = pages.flatMap((p) => p.lignes);
      // Once in the header of each page, once on each papillon (a papillon cut off still says it).
      const surPapillons = tous.filter((l) => l.texte === titreEdition);
      expect(surPapillons, `${parPage} par page`).toHaveLength(2);
      for (const p of pages) expect(p.lignes.some((l) => l.texte.startsWith(`${titreEdition} — `))).toBe(true);
    }
  });

  it('imprime le mot de passe sans crénage : un lecteur le copie sans espace, même « QJ » ou « Qj » (Marianne les écarte)', async () => {
    const motsDePasse = ['HcQJ@nP2dS', '!mSQjsFd*8', 'WQJ4b?xU6#'];
    const pdf = await lireFlux(genererPapillons(motsDePasse.map((motDePasse, i) => ({ ...papillon(i), motDePasse })), { ...options, parPage: 1 }));
    const { pages } = await textePdf(pdf);
    expect(pages.map((pg) => /Votre mot de passe \(\*\) : (\S+)/.exec(pg)?.[1])).toEqual(motsDePasse);
  });
});
