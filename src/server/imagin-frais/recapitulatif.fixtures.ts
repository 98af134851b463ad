// Receipts for the tests of the validation and the récapitulatif (decision 0031): small PDFs and images,
// and a receipt put in the store and the frais_piece table as an upload would.
import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Platform } from '../server.ts';
import { encoderPng } from './recapitulatif-gif.ts';

/** A PDF of `n` pages, page i reading « <texte> page i ». */
export async function pdfDePages(texte: string, n: number): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  const police = await d.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) d.addPage([595, 842]).drawText(`${texte} page ${i}`, { x: 60, y: 700, size: 14, font: police });
  return d.save();
}

/** A small PNG (a red square). */
export function pngRouge(cote = 12): Uint8Array {
  const rgb = new Uint8Array(cote * cote * 3);
  for (let i = 0; i < cote * cote; i++) rgb[i * 3] = 255;
  return encoderPng(cote, cote, rgb);
}

/** The classic 1×1 GIF: palette black, white; the pixel is black. */
export const GIF_1X1 = Buffer.from('47494638396101000100800000000000ffffff2c00000000010001000002024401003b', 'hex');

export async function deposer(plateforme: Platform, etatFraisId: number, o: { groupe: 'paie' | 'deplacement'; nom: string; typeMime: string; octets: Uint8Array; gestionnaire?: boolean }) {
  const e = await plateforme.ctx.db.selectFrom('etat_frais').select(['academie_code', 'personne_id']).where('id', '=', etatFraisId).executeTakeFirstOrThrow();
  const id = randomUUID();
  const cle = `etats-frais/${e.academie_code}/${etatFraisId}/pieces/${id}`;
  const s = await plateforme.ctx.store.put(cle, o.octets, o.typeMime);
  await plateforme.ctx.db
    .insertInto('frais_piece')
    .values({
      id,
      etat_frais_id: etatFraisId,
      academie_code: e.academie_code,
      personne_id: e.personne_id,
      groupe: o.groupe,
      nom: o.nom,
      type_mime: o.typeMime,
      taille: s.taille,
      sha256: s.sha256,
      cle_stockage: cle,
      depose_le: plateforme.ctx.clock.now(),
      depose_par: null,
      depose_par_gestionnaire: o.gestionnaire ?? false,
      analyse_antivirus: 'saine',
    })
    .execute();
  return id;
}


/**
 * A JPEG header (no image data: pdf-lib only reads its size) of `largeur` × `hauteur`, with an EXIF
 * orientation when given (big-endian TIFF, one IFD0 entry).
 */
export function jpegEntete(largeur: number, hauteur: number, orientation?: number): Uint8Array {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, hauteur >> 8, hauteur & 255, largeur >> 8, largeur & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const parties: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (orientation !== undefined) {
    const tiff = Buffer.alloc(8 + 2 + 12 + 4);
    tiff.write('MM', 0, 'latin1');
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x0112, 10);
    tiff.writeUInt16BE(3, 12);
    tiff.writeUInt32BE(1, 14);
    tiff.writeUInt16BE(orientation, 18);
    const contenu = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const entete = Buffer.alloc(4);
    entete.writeUInt16BE(0xffe1, 0);
    entete.writeUInt16BE(contenu.length + 2, 2);
    parties.push(entete, contenu);
  }
  parties.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parties);
}
