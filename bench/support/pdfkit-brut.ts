// The raw-pdfkit baseline of the document benchmarks (issue 18 §12): what pdfkit alone takes to write
// pages comparable to a platform document, measured in the same run as the platform (the machine is
// shared: only a ratio measured side by side means something).
//
// « Comparable »: the same page size (A4), the same Marianne fonts embedded the same way (the DSFR's
// WOFF files, registered in each document, subsetted by pdfkit), the same text on each page — the text
// runs of a sample platform document read back with pdfjs, written in the same order with wrapping on —
// the same compression (pdfkit's default, deflated streams), and the same cut into documents (a PVI per
// jury, a PDF per convocation…), each written to its own file. What the baseline does not do is what
// the platform adds: measuring before drawing (tables, keep-together), headers and footers, grids.
// pdfkit at its fastest: the font files read and parsed once (fontkit), the parsed fonts registered in
// each document (registered by path, pdfkit would read and parse them again for every document — some
// 45 ms of CPU per document here, more than a whole convocation takes on the platform).
import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export type PoliceBrute = 'Marianne-Regular' | 'Marianne-Bold' | 'Marianne-Regular_Italic';

/** What a platform document looks like, page by page: its text runs, and the fonts it embeds. */
export interface ModeleBrut {
  /** For each page of the sample, its text runs in content order. */
  pages: string[][];
  polices: PoliceBrute[];
  paysage?: boolean;
}

const require = createRequire(import.meta.url);
// fontkit, the one pdfkit uses: the fonts parsed once, pdfkit given the parsed font (pdfkit >= 0.16).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): unknown };
const polices = new Map<PoliceBrute, unknown>();
function police(p: PoliceBrute): Buffer {
  let f = polices.get(p);
  if (!f) polices.set(p, (f = fontkit.create(readFileSync(require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/${p}.woff`)))));
  return f as Buffer;
}

/** The model of a sample platform PDF: the text runs of each page (pdfjs), the Marianne fonts it embeds. */
export async function modeleDepuisPdf(octets: Buffer, paysage = false): Promise<ModeleBrut> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const chargement = pdfjs.getDocument({ data: new Uint8Array(octets), useSystemFonts: false });
  const doc = await chargement.promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.trim()));
  }
  await chargement.destroy();
  const texte = octets.toString('latin1');
  const polices = (['Marianne-Regular', 'Marianne-Bold', 'Marianne-Regular_Italic'] as const).filter((p) => new RegExp(`/BaseFont /[A-Z]{6}\\+${p}\\b`).test(texte));
  if (!polices.length) throw new Error("Le document modèle n'embarque aucune police Marianne.");
  return { pages, polices, paysage };
}

/** One document of the baseline: pages cycling through the model's pages. */
export interface DocumentBrut {
  modele: ModeleBrut;
  pages: number;
}

/**
 * Writes the documents with raw pdfkit, each into its own file in `dossier` (the runs of a page cycle
 * through the model's fonts). Resolves once every file is on disk.
 */
export async function ecrireBrut(documents: readonly DocumentBrut[], dossier: string): Promise<{ pages: number; octets: number }> {
  let pages = 0;
  let octets = 0;
  for (const [d, { modele, pages: n }] of documents.entries()) {
    const doc = new PDFDocument({ size: 'A4', layout: modele.paysage ? 'landscape' : 'portrait', autoFirstPage: false, margin: 36, font: null as unknown as string });
    for (const p of modele.polices) doc.registerFont(p, police(p));
    const fichier = createWriteStream(join(dossier, `brut-${d}.pdf`));
    doc.pipe(fichier);
    const largeur = (modele.paysage ? 841.89 : 595.28) - 72;
    const bas = (modele.paysage ? 595.28 : 841.89) - 60;
    for (let i = 0; i < n; i++) {
      doc.addPage();
      let y = 36;
      for (const [r, run] of modele.pages[i % modele.pages.length]!.entries()) {
        doc.font(modele.polices[r % modele.polices.length]!).fontSize(9);
        doc.text(run, 36, y, { width: largeur });
        // Runs written down the page, back to the top if a page holds more than it fits (no page break).
        y = doc.y > bas ? 36 : doc.y;
      }
      pages++;
    }
    doc.end();
    await once(fichier, 'finish');
    octets += fichier.bytesWritten;
  }
  return { pages, octets };
}

export interface Comparaison {
  /** Median wall time of the platform's runs, ms. */
  plateformeMs: number;
  /** Median wall time of the baseline's runs, ms. */
  brutMs: number;
  /** plateformeMs / brutMs. */
  rapport: number;
  /** Pages per second, platform and baseline. */
  pagesParSeconde: { plateforme: number; brut: number };
  /**
   * Median CPU time of the process (user + system, every thread) over the same runs, and its ratio: on
   * a loaded machine the wall times grow with the others' load, the CPU times hardly.
   */
  cpu: { plateformeMs: number; brutMs: number; rapport: number };
  tours: number;
  mesures: { plateforme: number[]; brut: number[] };
}

/** The median; with an even count, the mean of the two middle values. */
const mediane = (xs: number[]) => {
  const t = [...xs].sort((a, b) => a - b);
  const m = Math.floor(t.length / 2);
  return Math.round(t.length % 2 ? t[m]! : (t[m - 1]! + t[m]!) / 2);
};

/**
 * Runs the platform and the baseline alternately (`tours` rounds, the order swapped every round, after
 * one unmeasured round of each to warm up) and compares their medians: both see the same machine load.
 */
export async function comparer(tours: number, pages: number, plateforme: () => Promise<unknown>, brut: () => Promise<unknown>, log: (m: string) => void = () => {}): Promise<Comparaison> {
  await plateforme();
  await brut();
  const mesures = { plateforme: [] as number[], brut: [] as number[] };
  const cpu = { plateforme: [] as number[], brut: [] as number[] };
  for (let t = 0; t < tours; t++) {
    const ordre = t % 2 === 0 ? (['plateforme', 'brut'] as const) : (['brut', 'plateforme'] as const);
    for (const qui of ordre) {
      const debut = performance.now();
      const cpu0 = process.cpuUsage();
      await (qui === 'plateforme' ? plateforme() : brut());
      const u = process.cpuUsage(cpu0);
      mesures[qui].push(Math.round(performance.now() - debut));
      cpu[qui].push(Math.round((u.user + u.system) / 1000));
    }
    log(`  tour ${t + 1} : plateforme ${mesures.plateforme.at(-1)} ms (CPU ${cpu.plateforme.at(-1)} ms), pdfkit brut ${mesures.brut.at(-1)} ms (CPU ${cpu.brut.at(-1)} ms)`);
  }
  const plateformeMs = mediane(mesures.plateforme);
  const brutMs = mediane(mesures.brut);
  return {
    plateformeMs,
    brutMs,
    rapport: Math.round((plateformeMs / brutMs) * 100) / 100,
    pagesParSeconde: { plateforme: Math.round((pages * 1000) / plateformeMs), brut: Math.round((pages * 1000) / brutMs) },
    cpu: { plateformeMs: mediane(cpu.plateforme), brutMs: mediane(cpu.brut), rapport: Math.round((mediane(cpu.plateforme) / mediane(cpu.brut)) * 100) / 100 },
    tours,
    mesures,
  };
}
