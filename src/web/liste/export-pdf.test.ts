import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { couperLignes, genererPdfTable, versWinAnsi } from './export-pdf.ts';

async function texteDuPdf(octets: Uint8Array): Promise<{ pages: number; texte: string; titre: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: octets, useSystemFonts: false, standardFontDataUrl: resolve('node_modules/pdfjs-dist/standard_fonts') + '/' }).promise;
  let texte = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const c = await page.getTextContent();
    texte += c.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  const meta = await doc.getMetadata();
  return { pages: doc.numPages, texte, titre: (meta.info as { Title?: string }).Title ?? '' };
}

describe('PDF des lignes affichées', () => {
  it('encode le français en WinAnsi', () => {
    expect(versWinAnsi('é€œ’…')).toEqual([0xe9, 0x80, 0x9c, 0x92, 0x85]);
    expect(versWinAnsi('a\u202fb')).toEqual([0x61, 0x20, 0x62]);
    expect(versWinAnsi('漢')).toEqual([0x3f]);
  });

  it('coupe les libellés trop longs sans rien perdre', () => {
    const lignes = couperLignes('GENIE MECANIQUE-MAINTENANCE VEHICULES', 60, false, 8);
    expect(lignes.length).toBeGreaterThan(1);
    const recompose = lignes.map((l) => String.fromCharCode(...l)).join(' ');
    expect(recompose.replace(/\s/g, '')).toBe('GENIEMECANIQUE-MAINTENANCEVEHICULES');
  });

  it('produit un PDF lisible, paginé, avec toutes les lignes', async () => {
    const lignes = Array.from({ length: 120 }, (_, i) => [`NOM-${i}`, `Prénom ${i}`, i % 2 ? 'SCIENCES ÉCONOMIQUES ET SOCIALES' : 'LETTRES MODERNES', '15/11/2018']);
    const octets = genererPdfTable({
      titre: 'Liste des personnels (120 lignes)',
      sousTitre: 'ACADEMIE DE RENNES - Édité le 15/06/2026 à 10:00',
      entetes: ['Nom', 'Prénom', 'Discipline de poste', 'Dernière convoc.'],
      lignes,
    });
    const { pages, texte, titre } = await texteDuPdf(octets);
    expect(pages).toBeGreaterThan(1);
    expect(titre).toBe('Liste des personnels (120 lignes)');
    expect(texte).toContain('Liste des personnels (120 lignes)');
    expect(texte).toContain('Édité le 15/06/2026');
    expect(texte).toContain('SCIENCES ÉCONOMIQUES ET SOCIALES');
    for (let i = 0; i < 120; i++) expect(texte).toContain(`NOM-${i} `);
    expect(texte).toContain(`Page ${pages} / ${pages}`);
    expect(texte.match(/Discipline de poste/g)!.length).toBe(pages);
  });

  it('dit quand la liste est vide', async () => {
    const { texte } = await texteDuPdf(genererPdfTable({ titre: 'Vide (0 ligne)', entetes: ['A'], lignes: [] }));
    expect(texte).toContain('Aucune ligne.');
  });
});
