// The récapitulatif PDF read back (decision 0031): its own pages, then every page of each PDF receipt and
// one page per image receipt (PNG, JPEG, GIF converted), in one file; a receipt that cannot be reproduced
// (protected or damaged PDF) gets a page saying so instead of failing the whole document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { decoderGif, gifEnPng } from './recapitulatif-gif.ts';
import { deposer, GIF_1X1, jpegEntete, pdfDePages, pngRouge } from './recapitulatif.fixtures.ts';
import { PDFDocument } from 'pdf-lib';
import { assemblerRecapitulatif, genererRecapitulatif, orientationJpeg, PHRASE_COURRIER, TITRE_RECAPITULATIF } from './recapitulatif-pdf.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  // The académie takes receipts online (otherwise they all go by post and nothing is missing).
  await p.ctx.db.insertInto('frais_parametres').values({ academie_code: '14', conditions_texte: 'Conditions.', pieces_dematerialisees: true }).execute();
});
afterAll(async () => {
  await p?.close();
});

describe('les images GIF', () => {
  it('sont décodées (première image, palette) et réécrites en PNG', () => {
    const g = decoderGif(GIF_1X1);
    expect(g).toMatchObject({ largeur: 1, hauteur: 1 });
    expect([...g.rgb]).toEqual([0, 0, 0]);
    const png = gifEnPng(GIF_1X1);
    expect(Buffer.from(png.subarray(1, 4)).toString('ascii')).toBe('PNG');
  });
  it("un fichier qui n'est pas un GIF est refusé", () => {
    expect(() => decoderGif(Buffer.from('<html>pas une image</html>'))).toThrow(/GIF illisible/);
  });
});

describe('les photos JPEG', () => {
  it("sont tournées comme le dit leur orientation EXIF (photo de téléphone prise en portrait)", async () => {
    expect(orientationJpeg(jpegEntete(40, 30))).toBe(1);
    expect(orientationJpeg(jpegEntete(40, 30, 6))).toBe(6);
    expect(orientationJpeg(jpegEntete(40, 30, 8))).toBe(8);
    expect(orientationJpeg(Buffer.from('pas un jpeg'))).toBe(1);
    const recap = await pdfDePages('RECAP', 1);
    const octets = await assemblerRecapitulatif(recap, [
      { nom: 'paysage.jpg', typeMime: 'image/jpeg', groupe: 'deplacement', lire: async () => jpegEntete(40, 30) },
      { nom: 'portrait.jpg', typeMime: 'image/jpeg', groupe: 'deplacement', lire: async () => jpegEntete(40, 30, 6) },
    ]);
    const d = await PDFDocument.load(octets);
    const [, paysage, portrait] = d.getPages().map((p) => p.getSize());
    expect(paysage!.width).toBeGreaterThan(paysage!.height);
    expect(portrait!.height).toBeGreaterThan(portrait!.width);
  });
});

describe("le récapitulatif de l'état de frais", () => {
  it('contient ses pages puis les 2 pages du PDF déposé et une page pour l’image PNG, le texte des pièces lisible', async () => {
    const id = f.frais.alice;
    await p.ctx.db.updateTable('etat_frais').set({ remuneration: JSON.stringify({ type: 'copies', copies: 40 }), numero_ordre: 77 }).where('id', '=', id).execute();
    await deposer(p, id, { groupe: 'paie', nom: 'releve-identite-bancaire.pdf', typeMime: 'application/pdf', octets: await pdfDePages('RIB-ALICE-JUSTIFICATIF', 2) });
    p.clock.advance(60_000);
    await deposer(p, id, { groupe: 'paie', nom: 'carte_vitale.png', typeMime: 'image/png', octets: pngRouge() });

    const seul = await textePdf(await lireFlux(await genererRecapitulatif(p.ctx, id)));
    const pages = seul.pages;
    const recap = pages.length - 3;
    expect(recap).toBeGreaterThanOrEqual(1);
    const texteRecap = pages.slice(0, recap).join(' ');
    expect(seul.titre).toBe(TITRE_RECAPITULATIF);
    expect(texteRecap).toContain('ACADEMIE DE RENNES');
    expect(texteRecap).toContain(TITRE_RECAPITULATIF);
    expect(texteRecap).toContain("Numéro d'ordre : 77");
    expect(texteRecap).toContain('ALICE-CSF');
    expect(texteRecap).toContain('40 copies corrigées');
    // 40 copies at the bac's copy rate (taux 5: 5,00 €).
    expect(texteRecap.replace(/\u00a0|\u202f/g, ' ')).toContain('200,00 €');
    expect(texteRecap).toContain('Récapitulatif des pièces justificatives du dossier paie');
    expect(texteRecap).toContain('releve-identite-bancaire.pdf');
    expect(texteRecap).toContain(PHRASE_COURRIER.slice(0, 40));
    expect(pages[recap]).toContain('RIB-ALICE-JUSTIFICATIF page 1');
    expect(pages[recap + 1]).toContain('RIB-ALICE-JUSTIFICATIF page 2');
    expect(pages[recap + 2]).toContain('carte_vitale.png');
  });

  it("une pièce PDF illisible ou un GIF donnent une page chacun, sans faire échouer l'ensemble", async () => {
    const recap = await pdfDePages('RECAP', 1);
    const octets = await assemblerRecapitulatif(recap, [
      { nom: 'abime.pdf', typeMime: 'application/pdf', groupe: 'deplacement', lire: async () => Buffer.from('%PDF-1.7 tronqué') },
      { nom: 'ticket.gif', typeMime: 'image/gif', groupe: 'deplacement', lire: async () => GIF_1X1 },
      { nom: 'perdu.pdf', typeMime: 'application/pdf', groupe: 'deplacement', lire: async () => Promise.reject(new Error('absent')) },
    ]);
    const { pages } = await textePdf(octets);
    expect(pages).toHaveLength(4);
    expect(pages[1]).toMatch(/abime\.pdf.*n'a pas pu être reproduite/);
    expect(pages[2]).toContain('ticket.gif');
    expect(pages[3]).toMatch(/perdu\.pdf.*introuvable/);
  });
});
