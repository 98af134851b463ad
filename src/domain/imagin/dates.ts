// Dates and times as IMAG'IN users type them (JJ/MM/AAAA, HH:MM) and as its documents print them
// ("Le mardi 15/03/2016 09:00 - 12:00", "Le lundi 18/01/2016 à 09:00 Durée : 1 journée(s)").
// Calendar dates travel as ISO 'AAAA-MM-JJ' strings and times as 'HH:MM' (the database gives
// 'HH:MM:SS'): no Date object, hence no time-zone surprise, except for time stamps (isoParis).

export type Lecture<T> = { ok: true; valeur: T } | { ok: false; message: string };

const p2 = (n: number) => String(n).padStart(2, '0');

export function estBissextile(annee: number): boolean {
  return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
}

export function joursDansMois(annee: number, mois: number): number {
  return [31, estBissextile(annee) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mois - 1]!;
}

/**
 * Reads a date typed as JJ/MM/AAAA (also J/M/AAAA), or sent by the web app as ISO AAAA-MM-JJ, into
 * ISO. `champ` names the field in the message: "La date de début doit être au format JJ/MM/AAAA…".
 */
export function lireDate(saisie: string | null | undefined, champ: string): Lecture<string> {
  const s = (saisie ?? '').trim();
  if (!s) return { ok: false, message: `${champ} est obligatoire (format JJ/MM/AAAA).` };
  let jour: number;
  let mois: number;
  let annee: number;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    [jour, mois, annee] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    [annee, mois, jour] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return { ok: false, message: `${champ} doit être au format JJ/MM/AAAA (par exemple 15/06/2026).` };
  }
  if (annee < 1900 || annee > 2100) return { ok: false, message: `${champ} doit être comprise entre 1900 et 2100.` };
  if (mois < 1 || mois > 12) return { ok: false, message: `${champ} (${s}) n'existe pas : le mois doit être compris entre 01 et 12.` };
  if (jour < 1 || jour > joursDansMois(annee, mois)) return { ok: false, message: `${champ} (${s}) n'existe pas.` };
  return { ok: true, valeur: `${annee}-${p2(mois)}-${p2(jour)}` };
}

/** Reads "14:05" (also "9:05", "9h05") into '14:05'. */
export function lireHeure(saisie: string | null | undefined, champ: string): Lecture<string> {
  const s = (saisie ?? '').trim();
  if (!s) return { ok: false, message: `${champ} est obligatoire (format HH:MM).` };
  const m = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(s);
  if (!m) return { ok: false, message: `${champ} doit être au format HH:MM (par exemple 09:30).` };
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return { ok: false, message: `${champ} (${s}) n'existe pas : les heures vont de 00:00 à 23:59.` };
  return { ok: true, valeur: `${p2(h)}:${p2(min)}` };
}

/** '09:00:00' or '09:00' → '09:00'. */
export function heureCourte(heure: string): string {
  return heure.slice(0, 5);
}

export function minutes(heure: string): number {
  return Number(heure.slice(0, 2)) * 60 + Number(heure.slice(3, 5));
}

/** '2016-03-15' → '15/03/2016'. */
export function dateFr(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

/** '2016-03-15' → 'mardi'. */
export function jourSemaine(iso: string): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
  return JOURS[d.getUTCDay()]!;
}

/** '2016-06-17' → 'vendredi 17 juin 2016', as the affectation details print it. */
export function dateLongue(iso: string): string {
  return `${jourSemaine(iso)} ${Number(iso.slice(8, 10))} ${MOIS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

export function ajouterJours(iso: string, n: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + n));
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** One date of a mission, a commission or a convocation; times 'HH:MM' or 'HH:MM:SS'. */
export interface Creneau {
  jour: string;
  heureDebut: string;
  heureFin: string;
}

/** "Le mardi 15/03/2016 09:00 - 12:00". */
export function creneauFr(c: Creneau): string {
  return `Le ${jourSemaine(c.jour)} ${dateFr(c.jour)} ${heureCourte(c.heureDebut)} - ${heureCourte(c.heureFin)}`;
}

/** Below this, a single date reads as hours ("Durée : 3 heure(s)"), otherwise as a day. */
const MINUTES_JOURNEE = 6 * 60;

/** "3 heure(s)", "3 heure(s) 30". */
function dureeHeures(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m ? `${h} heure(s) ${p2(m)}` : `${h} heure(s)`;
}

/**
 * "Le lundi 18/01/2016 à 09:00 Durée : 1 journée(s)": the first date and how long it lasts — in
 * days when the mission spans several dates or a whole day, in hours for a single shorter date.
 */
export function debutDureeFr(creneaux: readonly Creneau[]): string {
  if (creneaux.length === 0) return '';
  const tries = [...creneaux].sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut));
  const premier = tries[0]!;
  const jours = new Set(tries.map((c) => c.jour)).size;
  const duree = minutes(premier.heureFin) - minutes(premier.heureDebut);
  const texte = jours === 1 && duree < MINUTES_JOURNEE ? dureeHeures(duree) : `${jours} journée(s)`;
  return `Le ${jourSemaine(premier.jour)} ${dateFr(premier.jour)} à ${heureCourte(premier.heureDebut)} Durée : ${texte}`;
}

/**
 * The "Dates" of a mission in the editions: the convocation's own dates one by one (a VAE interview
 * "Le mardi 15/03/2016 09:00 - 12:00"), otherwise the mission's or commission's start and duration.
 */
export function libellesDates(creneaux: readonly Creneau[], datesPropres: boolean): string[] {
  if (creneaux.length === 0) return [];
  if (!datesPropres) return [debutDureeFr(creneaux)];
  return [...creneaux].sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut)).map(creneauFr);
}

const PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date, in Paris, of a time stamp: 'AAAA-MM-JJ'. */
export function isoParis(d: Date): string {
  return PARIS.format(d);
}

/**
 * The school year of a date: from 1 September, "2026-2027". The compétences campaign and the
 * enseignements (STS-WEB, after the rentrée) are per school year.
 */
export function anneeScolaire(maintenant: Date): string {
  const iso = isoParis(maintenant);
  const annee = Number(iso.slice(0, 4));
  const debut = Number(iso.slice(5, 7)) >= 9 ? annee : annee - 1;
  return `${debut}-${debut + 1}`;
}
