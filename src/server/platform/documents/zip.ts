// ZIP archives (the plan de secours, batches of convocations) streamed with archiver: entries are
// opened one at a time, only when the previous one is written, so neither the archive nor its
// entries are ever whole in memory, and a lazily produced entry (a PDF) is built only when its turn comes.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { Body, DocumentStore } from './store.ts';
import { iterer } from './tableau.ts';

export const TYPE_ZIP = 'application/zip';

export type EntreeZip = (
  | { nom: string; contenu: Body | (() => Body | Promise<Body>) }
  | { nom: string; cleStockage: string }
) & {
  /** Already compressed (a PDF, whose streams pdfkit deflates): stored as is, not deflated a second time. */
  dejaCompresse?: boolean;
};

export interface OptionsZip {
  /** Needed for entries read from the document store. */
  store?: DocumentStore;
  /** The date stamped on every entry (the edition date). */
  date?: Date;
}

function source(body: Body): Readable | Buffer | string {
  if (typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Readable.from(body);
}

/** An entry name safe to unpack anywhere: relative, no "..", no backslash. */
export function nomEntree(nom: string): string {
  const parties = nom
    .replaceAll('\\', '/')
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p && p !== '.' && p !== '..');
  if (parties.length === 0) throw new Error(`Nom d'entrée d'archive invalide : « ${nom} »`);
  return parties.join('/');
}

/** "liste.pdf" twice becomes "liste.pdf" and "liste (2).pdf": an archive must not hide a file. */
function dedoublonner(nom: string, vus: Map<string, number>): string {
  const cle = nom.toLowerCase();
  const n = (vus.get(cle) ?? 0) + 1;
  vus.set(cle, n);
  if (n === 1) return nom;
  const point = nom.lastIndexOf('.');
  const autre = point > nom.lastIndexOf('/') && point > 0 ? `${nom.slice(0, point)} (${n})${nom.slice(point)}` : `${nom} (${n})`;
  return vus.has(autre.toLowerCase()) ? dedoublonner(autre, vus) : (vus.set(autre.toLowerCase(), 1), autre);
}

export function genererZip(entrees: Iterable<EntreeZip> | AsyncIterable<EntreeZip>, options: OptionsZip = {}): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const date = options.date ?? new Date();
  const vus = new Map<string, number>();
  const alimenter = async () => {
    for await (const entree of iterer(entrees)) {
      let body: Body;
      if ('cleStockage' in entree) {
        if (!options.store) throw new Error('genererZip : une entrée lue dans le stockage demande options.store');
        body = await options.store.get(entree.cleStockage);
      } else {
        body = typeof entree.contenu === 'function' ? await entree.contenu() : entree.contenu;
      }
      const ecrite = once(archive, 'entry');
      archive.append(source(body), { name: dedoublonner(nomEntree(entree.nom), vus), date, store: entree.dejaCompresse === true });
      await ecrite;
    }
    await archive.finalize();
  };
  // Started on the next tick, once the caller has attached its reader.
  setImmediate(() => {
    alimenter().catch((err: unknown) => archive.destroy(err instanceof Error ? err : new Error(String(err))));
  });
  // archiver's streams come from readable-stream; hand callers a Node Readable. The pipeline carries
  // an error of either side to the other (a failed entry fails the download; a closed reader stops the archive).
  const flux = new PassThrough();
  pipeline(archive as unknown as NodeJS.ReadableStream, flux).catch(() => {});
  return flux;
}
