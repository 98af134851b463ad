// Reading generated documents back in tests: the text of each PDF page (pdfjs, as a viewer reads it)
// and the entries of a ZIP (a small reader of the central directory, no system unzip needed).
import { inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';

export async function lireFlux(flux: Readable | AsyncIterable<Uint8Array>): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const m of flux) morceaux.push(Buffer.from(m));
  return Buffer.concat(morceaux);
}

/** The text of each page, items joined by spaces, in reading order of the content stream. */
export async function textePdf(octets: Uint8Array): Promise<{ pages: string[]; titre: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const chargement = pdfjs.getDocument({ data: new Uint8Array(octets), useSystemFonts: false });
  const doc = await chargement.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const c = await page.getTextContent();
    pages.push(
      c.items
        .map((it) => ('str' in it ? it.str : ''))
        .filter((s) => s.trim())
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  const meta = await doc.getMetadata();
  await chargement.destroy();
  return { pages, titre: (meta.info as { Title?: string }).Title ?? '' };
}

export interface EntreeLue {
  nom: string;
  contenu: Buffer;
}

/** Entries of a ZIP archive (stored or deflated), read from its central directory. */
export function lireZip(zip: Buffer): EntreeLue[] {
  let fin = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new Error("Ce n'est pas une archive ZIP (fin du répertoire central introuvable).");
  const nombre = zip.readUInt16LE(fin + 10);
  let p = zip.readUInt32LE(fin + 16);
  const entrees: EntreeLue[] = [];
  for (let n = 0; n < nombre; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('Répertoire central ZIP invalide.');
    const methode = zip.readUInt16LE(p + 10);
    const taille = zip.readUInt32LE(p + 20);
    const lgNom = zip.readUInt16LE(p + 28);
    const lgExtra = zip.readUInt16LE(p + 30);
    const lgComm = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const nom = zip.subarray(p + 46, p + 46 + lgNom).toString('utf8');
    const debut = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const donnees = zip.subarray(debut, debut + taille);
    entrees.push({ nom, contenu: methode === 0 ? Buffer.from(donnees) : inflateRawSync(donnees) });
    p += 46 + lgNom + lgExtra + lgComm;
  }
  return entrees;
}
