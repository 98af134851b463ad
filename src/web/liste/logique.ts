// The pure part of the list component (seeds 003 §1.3.6–1.3.9): what a cell says, keyword search
// over every displayed label ignoring accents and case, column sort, and the CSV of displayed rows.
import type { ReactNode } from 'react';
import { formaterDate, formaterDateHeure } from '../forms/dates.ts';

export type TypeColonne = 'texte' | 'nombre' | 'date' | 'dateHeure' | 'booleen';
export type ValeurCellule = string | number | boolean | Date | null | undefined;
export type SensTri = 'asc' | 'desc';

export interface Colonne<T> {
  id: string;
  libelle: string;
  /** The raw value: sorts the column, and gives the label when `texte` is absent. */
  valeur: (ligne: T) => ValeurCellule;
  type?: TypeColonne;
  /** The label shown, searched and exported; by default the value formatted by its type. */
  texte?: (ligne: T) => string;
  /** A richer rendering of the cell (badge, icon); the search still uses `texte`. */
  rendu?: (ligne: T) => ReactNode;
  /** Default true. */
  triable?: boolean;
  /** Default true: part of the CSV and PDF. */
  exportable?: boolean;
  alignement?: 'gauche' | 'droite' | 'centre';
  /** Width hint for the PDF (relative weight). */
  poids?: number;
  /**
   * On one line, cut with an ellipsis, the whole text in the tooltip (long labels: examen, centre),
   * so that a row keeps one line and a list shows its ten rows at 1280×720. Searched and exported whole.
   * A number is the widest the cell may be, in rem (it grows with the large font); true: 12 rem.
   */
  coupe?: boolean | number;
}

export interface Tri {
  colonne: string;
  sens: SensTri;
}

const FORMAT_NOMBRE = new Intl.NumberFormat('fr-FR');

export function texteDeValeur(v: ValeurCellule, type: TypeColonne = 'texte'): string {
  if (v === null || v === undefined || v === '') return '';
  switch (type) {
    case 'nombre':
      return typeof v === 'number' ? FORMAT_NOMBRE.format(v).replace(/\u202f|\u00a0/g, ' ') : String(v);
    case 'date':
      return formaterDate(v as string | Date);
    case 'dateHeure':
      return formaterDateHeure(v as string | Date);
    case 'booleen':
      return v ? 'Oui' : 'Non';
    default:
      return v instanceof Date ? formaterDateHeure(v) : String(v);
  }
}

export function texteCellule<T>(c: Colonne<T>, ligne: T): string {
  return c.texte ? c.texte(ligne) : texteDeValeur(c.valeur(ligne), c.type);
}

/** "Élève  ŒUVRE" → "eleve oeuvre": the form under which keyword and labels are compared. */
export function normaliser(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function termesRecherche(motCle: string): string[] {
  const n = normaliser(motCle);
  return n ? n.split(' ') : [];
}

/** Every term of the keyword appears somewhere in the row's labels. */
export function correspond(texteNormalise: string, termes: string[]): boolean {
  for (const t of termes) if (!texteNormalise.includes(t)) return false;
  return true;
}

/** The searchable text of each row: all displayed labels, normalised, joined by a separator. */
export function indexRecherche<T>(lignes: readonly T[], colonnes: readonly Colonne<T>[]): string[] {
  return lignes.map((l) => normaliser(colonnes.map((c) => texteCellule(c, l)).join(' \u0001 ')));
}

/** Indices of the rows whose labels hold every term of the keyword. */
export function filtrerIndices(index: readonly string[], motCle: string): number[] {
  const termes = termesRecherche(motCle);
  const out: number[] = [];
  for (let i = 0; i < index.length; i++) if (termes.length === 0 || correspond(index[i]!, termes)) out.push(i);
  return out;
}

type Cle = number | string | null;

/** A sort key: numbers as numbers; text normalised with its digit runs padded ("lot 2" < "lot 10"). */
export function cleTri(v: ValeurCellule, type: TypeColonne = 'texte'): Cle {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (type === 'date' || type === 'dateHeure') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  if (type === 'nombre') {
    const n = Number(String(v).replace(',', '.'));
    if (!Number.isNaN(n)) return n;
  }
  return normaliser(String(v)).replace(/\d+/g, (d) => d.padStart(15, '0'));
}

function comparerCles(a: Cle, b: Cle): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return (a as string) < (b as string) ? -1 : 1;
}

/**
 * Sorts row indices by a column; empty cells always last, ties keep the original order (so a
 * second sort on another column keeps the first as secondary order).
 */
export function trierIndices<T>(lignes: readonly T[], indices: readonly number[], colonne: Colonne<T>, sens: SensTri): number[] {
  const cles = new Map<number, Cle>();
  for (const i of indices) cles.set(i, cleTri(colonne.valeur(lignes[i]!), colonne.type));
  const signe = sens === 'asc' ? 1 : -1;
  return [...indices].sort((i, j) => {
    const a = cles.get(i)!;
    const b = cles.get(j)!;
    if (a === null && b === null) return i - j;
    if (a === null) return 1;
    if (b === null) return -1;
    return signe * comparerCles(a, b) || i - j;
  });
}

/** The next sort after a click on a column header: same column inverts, another starts ascending. */
export function triSuivant(actuel: Tri | null, colonne: string): Tri {
  if (actuel && actuel.colonne === colonne) return { colonne, sens: actuel.sens === 'asc' ? 'desc' : 'asc' };
  return { colonne, sens: 'asc' };
}

function champCsv(s: string): string {
  // A leading = + - @ would make a spreadsheet run a formula: neutralise it.
  const sur = /^[=+\-@\t\r]/.test(s) && !/^-?\d+([.,]\d+)?$/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(sur) ? `"${sur.replace(/"/g, '""')}"` : sur;
}

/** CSV as the seeds describe it: ';' separated, first line the column labels (003 §1.3.9). */
export function versCsv(entetes: readonly string[], lignes: readonly (readonly string[])[]): string {
  return [entetes, ...lignes].map((l) => l.map(champCsv).join(';')).join('\r\n') + '\r\n';
}

/** The exported table: exportable columns, displayed rows in displayed order. */
export function tableExport<T>(colonnes: readonly Colonne<T>[], lignes: readonly T[]): { entetes: string[]; lignes: string[][] } {
  const cols = colonnes.filter((c) => c.exportable !== false);
  return { entetes: cols.map((c) => c.libelle), lignes: lignes.map((l) => cols.map((c) => texteCellule(c, l))) };
}

/** "Liste des personnels (154 lignes)"; French keeps 0 and 1 singular. */
export function titreAvecCompte(titre: string, n: number): string {
  return `${titre} (${FORMAT_NOMBRE.format(n).replace(/\u202f|\u00a0/g, ' ')} ligne${n > 1 ? 's' : ''})`;
}

/** A file name from a title: "Boîte d'envoi" → "boite-d-envoi". */
export function nomFichier(titre: string, extension: string, date = new Date()): string {
  const base = normaliser(titre).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'liste';
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${base}-${date.getFullYear()}${p2(date.getMonth() + 1)}${p2(date.getDate())}.${extension}`;
}
