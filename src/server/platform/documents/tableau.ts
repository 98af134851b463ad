// What the PDF and CSV toolkits share: a column (label + how to read a row) and how a cell value is
// written, so that one list definition serves its PDF edition and its CSV export alike.

export type Cellule = string | number | boolean | Date | null | undefined;

export interface Colonne<L> {
  libelle: string;
  /** Reads the cell from a row; without it the row is an array read by column position. */
  valeur?: (ligne: L) => Cellule;
}

export const FUSEAU = 'Europe/Paris';

const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, day: '2-digit', month: '2-digit', year: 'numeric' });
const HEURE = new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 23/11/2026, in Europe/Paris whatever the server's time zone. */
export function dateFr(d: Date): string {
  return DATE.format(d);
}

/** 14:18, in Europe/Paris. */
export function heureFr(d: Date): string {
  return HEURE.format(d);
}

/** "23/11/2026 à 14:18", as the editions print their date. */
export function dateHeureFr(d: Date): string {
  return `${dateFr(d)} à ${heureFr(d)}`;
}

/**
 * The text of a cell. Numbers keep every digit (mission and candidate numbers must not get thousands
 * separators) and take a decimal comma, as French spreadsheets read them.
 */
export function texteCellule(v: Cellule): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  // A date at midnight in Paris is a calendar date; otherwise the time matters too.
  const heure = heureFr(v);
  return heure === '00:00' ? dateFr(v) : `${dateFr(v)} ${heure}`;
}

export function valeurCellule<L>(colonne: Colonne<L>, ligne: L, index: number): Cellule {
  if (colonne.valeur) return colonne.valeur(ligne);
  return Array.isArray(ligne) ? (ligne[index] as Cellule) : undefined;
}

export async function* iterer<T>(source: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* source as AsyncIterable<T>;
}
