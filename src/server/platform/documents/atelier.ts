// The PDF workshop (issue 18 §12, decision 0026): independent documents of one batch — a PVI per jury,
// a convocation per intervenant — built side by side in worker threads, on every core, while this
// thread writes the ZIP and keeps serving requests.
//
// - A task names an edition function by its module (a file URL of this code base, never user input)
//   and its export, and gives its arguments (plain data, copied to the worker); the function returns
//   the PDF as a stream, exactly as on this thread: the worker reads it whole and hands the bytes back.
//   The same code with the same arguments writes the same bytes, whichever thread runs it.
// - The workers are started on first use (about 0.3 s each: modules and fonts), kept while documents
//   keep coming, and stopped after a minute idle; they never keep the process alive.
// - Memory stays bounded: `enAvance` keeps at most `fenetre` documents in progress (one per worker and
//   the one being written), and each worker holds one document at a time.
// - PDF_TRAVAILLEURS=0 (or a single core) builds everything on this thread, as before.
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

export interface TachePdf {
  /** import.meta.url of the module exporting the edition function. */
  module: string;
  /** Its export: a function (...arguments) => Readable of the PDF. */
  fonction: string;
  arguments: unknown[];
}

interface Travailleur {
  worker: Worker;
  occupe: { tache: TachePdf; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null;
}

const INACTIVITE_MS = 60_000;

/** Worker threads for the PDFs: PDF_TRAVAILLEURS, by default one per core (none with a single core), at most 4. */
export function nombreTravailleurs(env: NodeJS.ProcessEnv = process.env): number {
  const voulu = env.PDF_TRAVAILLEURS;
  if (voulu !== undefined && voulu.trim() !== '') {
    const n = Number(voulu);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 16);
  }
  const coeurs = availableParallelism();
  return coeurs > 1 ? Math.min(coeurs, 4) : 0;
}

class Atelier {
  readonly #taille: number;
  readonly #travailleurs: Travailleur[] = [];
  readonly #file: Array<{ tache: TachePdf; resolve: (b: Buffer) => void; reject: (e: Error) => void }> = [];
  #minuterie: NodeJS.Timeout | null = null;

  constructor(taille: number) {
    this.#taille = taille;
  }

  get taille(): number {
    return this.#taille;
  }

  executer(tache: TachePdf): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.#file.push({ tache, resolve, reject });
      this.#distribuer();
    });
  }

  #distribuer(): void {
    if (this.#minuterie) {
      clearTimeout(this.#minuterie);
      this.#minuterie = null;
    }
    while (this.#file.length) {
      let t = this.#travailleurs.find((x) => !x.occupe);
      if (!t && this.#travailleurs.length < this.#taille) t = this.#demarrer();
      if (!t) return;
      const travail = this.#file.shift()!;
      t.occupe = travail;
      t.worker.ref();
      t.worker.postMessage(travail.tache);
    }
    if (this.#travailleurs.every((x) => !x.occupe)) {
      this.#minuterie = setTimeout(() => void this.arreter(), INACTIVITE_MS);
      this.#minuterie.unref();
    }
  }

  #demarrer(): Travailleur {
    const worker = new Worker(new URL('./atelier.travailleur.ts', import.meta.url));
    const t: Travailleur = { worker, occupe: null };
    this.#travailleurs.push(t);
    const liberer = () => {
      const travail = t.occupe;
      t.occupe = null;
      worker.unref();
      return travail;
    };
    worker.on('message', (m: { octets?: ArrayBuffer; erreur?: string }) => {
      const travail = liberer();
      if (m.erreur !== undefined) travail?.reject(new Error(m.erreur));
      else travail?.resolve(Buffer.from(m.octets!));
      this.#distribuer();
    });
    const perdu = (err: Error) => {
      const i = this.#travailleurs.indexOf(t);
      if (i < 0) return;
      this.#travailleurs.splice(i, 1);
      liberer()?.reject(err);
      this.#distribuer();
    };
    worker.on('error', perdu);
    worker.on('exit', (code) => perdu(new Error(`Le travailleur PDF s'est arrêté (code ${code}).`)));
    worker.unref();
    return t;
  }

  /** Stops the idle workers (the busy ones finish their document first, then are not reused). */
  async arreter(): Promise<void> {
    const inactifs = this.#travailleurs.filter((t) => !t.occupe);
    for (const t of inactifs) this.#travailleurs.splice(this.#travailleurs.indexOf(t), 1);
    await Promise.all(inactifs.map((t) => t.worker.terminate()));
  }
}

let atelier: Atelier | null = null;

function lAtelier(): Atelier {
  atelier ??= new Atelier(nombreTravailleurs());
  return atelier;
}

/**
 * The PDF of `tache`, built in a worker thread when there are some, on this thread otherwise (then
 * returned as the stream itself).
 */
export async function pdfEnAtelier(tache: TachePdf): Promise<Buffer | Readable> {
  const a = lAtelier();
  if (a.taille === 0) {
    const m = (await import(tache.module)) as Record<string, (...args: unknown[]) => Readable>;
    return m[tache.fonction]!(...tache.arguments);
  }
  return a.executer(tache);
}

/** Whether documents are built in worker threads (and how many side by side). */
export function travailleursPdf(): number {
  return lAtelier().taille;
}

/**
 * The results of `taches` in order, with at most `fenetre` of them started at once: while the reader
 * handles one result, the next `fenetre - 1` are being built. A failure reaches the reader in its turn.
 */
export async function* enAvance<T>(taches: Iterable<() => Promise<T>>, fenetre: number): AsyncGenerator<T> {
  const file: Array<Promise<T>> = [];
  const it = taches[Symbol.iterator]();
  for (;;) {
    while (file.length < Math.max(1, fenetre)) {
      const n = it.next();
      if (n.done) break;
      const p = n.value();
      p.catch(() => {}); // read in its turn below: not an unhandled rejection meanwhile
      file.push(p);
    }
    const p = file.shift();
    if (!p) return;
    yield await p;
  }
}

/** How many documents to keep in progress for a batch: one per worker, plus the one being written. */
export function fenetrePdf(): number {
  return travailleursPdf() + 1;
}

/** For tests: stops the workers now. */
export async function arreterAtelier(): Promise<void> {
  await atelier?.arreter();
  atelier = null;
}
