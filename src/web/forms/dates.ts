// Dates as users type and read them (JJ/MM/AAAA, HH:MM), and as the API exchanges them (ISO
// 'AAAA-MM-JJ'). Pure functions, no DOM: the server may use the same rules for its checks.

export type ResultatDate = { ok: true; iso: string } | { ok: false; message: string };
export type ResultatHeure = { ok: true; heure: string; minutes: number } | { ok: false; message: string };

const p2 = (n: number) => String(n).padStart(2, '0');

export function estBissextile(annee: number): boolean {
  return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
}

export function joursDansMois(annee: number, mois: number): number {
  return [31, estBissextile(annee) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mois - 1]!;
}

/** Reads "15/06/2026" (also "5/6/2026") into '2026-06-15'; says what is wrong otherwise. */
export function lireDate(saisie: string, libelle = 'La date'): ResultatDate {
  const s = saisie.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return { ok: false, message: `${libelle} doit être au format JJ/MM/AAAA (par exemple 15/06/2026).` };
  const jour = Number(m[1]);
  const mois = Number(m[2]);
  const annee = Number(m[3]);
  if (annee < 1900 || annee > 2100) return { ok: false, message: `${libelle} doit être comprise entre 1900 et 2100.` };
  if (mois < 1 || mois > 12) return { ok: false, message: `${libelle} ${s} n’existe pas : le mois doit être compris entre 01 et 12.` };
  if (jour < 1 || jour > joursDansMois(annee, mois)) return { ok: false, message: `${libelle} ${s} n’existe pas.` };
  return { ok: true, iso: `${annee}-${p2(mois)}-${p2(jour)}` };
}

/** '2026-06-15' (or a full ISO timestamp) → '15/06/2026'. */
export function isoVersFr(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function dateVersIso(d: Date): string {
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}

export function isoVersDate(iso: string): Date {
  const [a, m, j] = iso.slice(0, 10).split('-').map(Number);
  return new Date(a!, m! - 1, j!);
}

export function ajouterJours(iso: string, n: number): string {
  const d = isoVersDate(iso);
  d.setDate(d.getDate() + n);
  return dateVersIso(d);
}

export function ajouterMois(iso: string, n: number): string {
  const d = isoVersDate(iso);
  const jour = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() + n);
  d.setDate(Math.min(jour, joursDansMois(d.getFullYear(), d.getMonth() + 1)));
  return dateVersIso(d);
}

/** Reads "14:05" (also "9:05", "9h05") into '14:05'. */
export function lireHeure(saisie: string, libelle = 'L’heure'): ResultatHeure {
  const m = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(saisie.trim());
  if (!m) return { ok: false, message: `${libelle} doit être au format HH:MM (par exemple 09:30).` };
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return { ok: false, message: `${libelle} ${saisie.trim()} n’existe pas : les heures vont de 00:00 à 23:59.` };
  return { ok: true, heure: `${p2(h)}:${p2(min)}`, minutes: h * 60 + min };
}

function versDate(d: Date | string | number): Date {
  return d instanceof Date ? d : new Date(d);
}

/**
 * The platform's time is Paris time (the documents, the PV, the audit are dated in it), whatever
 * the browser's time zone: a DEC or a school abroad reads on screen the hour its documents print.
 */
const HEURE_DE_PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partiesParis(x: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const r = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of HEURE_DE_PARIS.formatToParts(x)) if (p.type in r) r[p.type as keyof typeof r] = p.value;
  return r;
}

/** A server time stamp (an instant) in Paris time: '15/06/2026 14:18'. */
export function formaterDateHeure(d: Date | string | number | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  const x = versDate(d);
  if (Number.isNaN(x.getTime())) return '';
  const p = partiesParis(x);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The console's stamp, in Paris time: '12/12/2016 14:18:38'. */
export function formaterDateHeureSecondes(d: Date | string | number): string {
  const x = versDate(d);
  if (Number.isNaN(x.getTime())) return '';
  const p = partiesParis(x);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

export function formaterDate(d: Date | string | number | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return isoVersFr(d);
  return formaterDateHeure(d).slice(0, 10);
}

export const NOMS_MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const NOMS_JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "lundi 15 juin 2026", as a screen reader should say a calendar day. */
export function libelleJour(iso: string): string {
  const d = isoVersDate(iso);
  return `${NOMS_JOURS[(d.getDay() + 6) % 7]} ${d.getDate()} ${NOMS_MOIS[d.getMonth()]} ${d.getFullYear()}`;
}

/**
 * The weeks (Monday first) of the month holding `iso`, each day as an ISO date, or null outside
 * the month: the grid the calendar draws.
 */
export function semainesDuMois(iso: string): Array<Array<string | null>> {
  const d = isoVersDate(iso);
  const annee = d.getFullYear();
  const mois = d.getMonth() + 1;
  const premier = new Date(annee, mois - 1, 1);
  const decalage = (premier.getDay() + 6) % 7;
  const n = joursDansMois(annee, mois);
  const cases: Array<string | null> = Array.from({ length: decalage }, () => null);
  for (let j = 1; j <= n; j++) cases.push(`${annee}-${p2(mois)}-${p2(j)}`);
  while (cases.length % 7) cases.push(null);
  const semaines: Array<Array<string | null>> = [];
  for (let i = 0; i < cases.length; i += 7) semaines.push(cases.slice(i, i + 7));
  return semaines;
}
