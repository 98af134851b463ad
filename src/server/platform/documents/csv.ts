// CSV exports as French spreadsheets open them: UTF-8 with a BOM (so Excel reads accents), ';' between
// fields, CRLF line ends, a first line of column labels. Rows are streamed from an (async) iterable.
import { Readable } from 'node:stream';
import { iterer, texteCellule, valeurCellule, type Cellule, type Colonne } from './tableau.ts';

export const TYPE_CSV = 'text/csv; charset=utf-8';
export const BOM = '\uFEFF';
const SEPARATEUR = ';';
const FIN_DE_LIGNE = '\r\n';
/** Rows are written in chunks of about this size rather than one tiny chunk each. */
const TAILLE_MORCEAU = 64 * 1024;

/**
 * One field. A field holding the separator, a quote, CR or LF is quoted, its quotes doubled. Text that
 * a spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with an apostrophe:
 * exports carry text typed by users (OWASP "CSV injection").
 */
export function champCsv(v: Cellule): string {
  let s = texteCellule(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+([.,]\d+)?$/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function ligneCsv(cellules: readonly Cellule[]): string {
  return cellules.map(champCsv).join(SEPARATEUR) + FIN_DE_LIGNE;
}

/** The CSV of `lignes`, label line first, as a stream to hand to the document store or a response. */
export function genererCsv<L>(colonnes: readonly Colonne<L>[], lignes: Iterable<L> | AsyncIterable<L>): Readable {
  async function* morceaux(): AsyncGenerator<Buffer> {
    let tampon = BOM + ligneCsv(colonnes.map((c) => c.libelle));
    for await (const ligne of iterer(lignes)) {
      tampon += ligneCsv(colonnes.map((c, i) => valeurCellule(c, ligne, i)));
      if (tampon.length >= TAILLE_MORCEAU) {
        yield Buffer.from(tampon, 'utf8');
        tampon = '';
      }
    }
    if (tampon) yield Buffer.from(tampon, 'utf8');
  }
  // Readable.from pulls the generator only as fast as the reader reads: memory stays flat.
  return Readable.from(morceaux(), { objectMode: false });
}

/** Fields of one line of an imported CSV file (`;` or `,`, quotes doubled inside quoted fields), trimmed. */
export function champsCsv(ligne: string, sep = ';'): string[] {
  const out: string[] = [];
  let cur = '';
  let guillemets = false;
  for (let i = 0; i < ligne.length; i++) {
    const c = ligne[i]!;
    if (guillemets) {
      if (c === '"' && ligne[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') guillemets = false;
      else cur += c;
    } else if (c === '"') guillemets = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}
