// Constat de service fait (seed 003 §4.3): which missions are concerned, the état of a mission, what
// the centre records for each convoked intervenant according to how the mission is paid, and the
// figures as the list and the PDF « Constat de service » print them. Pure rules, no I/O.
import { minutes, type Lecture } from './dates.ts';

/** How a mission is paid (type_mission.mode_remuneration, codes.md "Remuneration by type"). */
export type ModeRemuneration = 'copies' | 'candidats' | 'demi_journees' | 'heures' | 'heures_minutes' | 'santorin' | 'gestionnaire';

export type EtatMissionCsf = 'non_effectuee' | 'commencee' | 'effectuee' | 'constatee';

export const LIBELLE_ETAT_CSF: Record<EtatMissionCsf, string> = {
  non_effectuee: 'Mission non effectuée',
  commencee: 'Mission commencée',
  effectuee: 'Mission effectuée',
  constatee: 'Mission constatée',
};

export type ServiceFait = 'fait' | 'non_fait';

export const LIBELLE_SERVICE: Record<ServiceFait, string> = { fait: 'Service fait', non_fait: 'Service non fait' };

export const TRAITE_PAR_GESTIONNAIRE = 'Traité par le gestionnaire';

/** The frais of a « Traité par le gestionnaire » line has been paid (liquidation's payment return, decision 0033). */
export const ACCEPTE = 'Accepté';

/** États de frais that the gestionnaire has validated: the constat of that intervenant is then frozen (003 §4.3.3). */
export const FRAIS_TRAITES: ReadonlySet<string> = new Set(['valide_gestionnaire', 'traite_gestionnaire']);

/** The figure the centre enters for an intervenant, by pay mode (003 §4.3.2). */
export type ChiffreCsf = 'copies' | 'candidats' | 'horaires' | 'heures' | null;

export function chiffreSaisi(mode: ModeRemuneration): ChiffreCsf {
  switch (mode) {
    case 'copies':
      return 'copies';
    case 'candidats':
      return 'candidats';
    case 'demi_journees':
      return 'horaires';
    case 'heures':
    case 'heures_minutes':
      return 'heures';
    default:
      // SANTORIN counts and pay computed by the gestionnaire: service fait / non fait only.
      return null;
  }
}

/**
 * Missions outside the constat (003 §4.3): correction dématérialisée (SANTORIN says what was done),
 * the concours and the Diplôme Comptable Supérieur. The référentiel has no flag for the last two: they
 * are recognised by their exam's sigle or title (decision 0015).
 */
export function horsConstat(m: { correctionDematerialisee: boolean; examenSigle: string; examenLibelle: string }): boolean {
  if (m.correctionDematerialisee) return true;
  if (['DCS', 'CAGE', 'CE1'].includes(m.examenSigle.toUpperCase())) return true;
  return /CONCOURS|COMPTABLE\s+SUP/i.test(m.examenLibelle);
}

/** The état of a mission (003 §4.3): from its dates, its pay mode and how many convoked intervenants have a constat. */
export function etatMission(m: { debut: string | null; fin: string | null; mode: ModeRemuneration; nbConvoques: number; nbConstates: number; aujourdhui: string }): EtatMissionCsf {
  if (m.nbConvoques > 0 && m.nbConstates >= m.nbConvoques) return 'constatee';
  if (!m.debut || !m.fin) return 'non_effectuee';
  if (m.fin < m.aujourdhui) return 'effectuee';
  if (m.mode === 'demi_journees' && m.debut <= m.aujourdhui) return 'commencee';
  return 'non_effectuee';
}

/** Whether service fait / non fait and the figures may be entered (a past mission). */
export function constatOuvert(etat: EtatMissionCsf): boolean {
  return etat === 'effectuee' || etat === 'constatee';
}

/** Whether the half-day hours may be entered: a started half-day mission already allows it, day by day. */
export function horairesOuverts(etat: EtatMissionCsf, mode: ModeRemuneration): boolean {
  return mode === 'demi_journees' && (etat === 'commencee' || constatOuvert(etat));
}

/**
 * An oral of the 2nd group of the bac général or technologique: the number of candidates is required
 * when the service is done, 0 allowed (003 §4.3.3.2).
 */
export function nombreCandidatsExige(m: { typeCode: string; typeLibelle: string; examenCode: string }): boolean {
  const bacGT = m.examenCode === '470' || m.examenCode === '430';
  return bacGT && (m.typeCode === 'ORAL2' || /2nd\s+groupe|second\s+groupe/i.test(m.typeLibelle));
}

/** Reads a whole number typed in a field ("12"), between min and max. Empty: null. */
export function lireEntier(saisie: string | number | null | undefined, champ: string, min: number, max: number): Lecture<number | null> {
  if (saisie === null || saisie === undefined) return { ok: true, valeur: null };
  const s = String(saisie).trim();
  if (s === '') return { ok: true, valeur: null };
  if (!/^\d+$/.test(s)) return { ok: false, message: `${champ} : saisissez un nombre entier (chiffres seulement), entre ${min} et ${max}.` };
  const n = Number(s);
  if (n < min || n > max) return { ok: false, message: `${champ} : la valeur doit être comprise entre ${min} et ${max}.` };
  return { ok: true, valeur: n };
}

/**
 * Reads a decimal number typed the French way ("7", "7,5", "7.25") with at most `decimales` digits
 * after the comma, into an integer count of 1/10^decimales (7,5 with 1 decimal → 75). Empty: null.
 */
export function lireDecimal(saisie: string | number | null | undefined, champ: string, o: { decimales: number; format: string; min?: number; max: number; maxInclus?: boolean; strictementPositif?: boolean }): Lecture<number | null> {
  if (saisie === null || saisie === undefined) return { ok: true, valeur: null };
  const s = String(saisie).trim().replace(/\s/g, '');
  if (s === '') return { ok: true, valeur: null };
  const m = /^(\d{1,6})(?:[.,](\d*))?$/.exec(s);
  if (!m) return { ok: false, message: `${champ} : saisissez un nombre (format ${o.format}).` };
  const dec = m[2] ?? '';
  if (dec.length > o.decimales) return { ok: false, message: `${champ} : ${o.decimales === 0 ? 'pas de décimale' : `${o.decimales} chiffre${o.decimales > 1 ? 's' : ''} après la virgule au plus`} (format ${o.format}).` };
  const facteur = 10 ** o.decimales;
  const n = Number(m[1]) * facteur + Number(dec.padEnd(o.decimales, '0') || '0');
  const max = o.max * facteur;
  const maxInclus = o.maxInclus ?? true;
  if (maxInclus ? n > max : n >= max) return { ok: false, message: `${champ} : la valeur doit être ${maxInclus ? 'inférieure ou égale à' : 'inférieure à'} ${String(o.max).replace('.', ',')} (format ${o.format}).` };
  if (o.strictementPositif && n <= 0) return { ok: false, message: `${champ} : la valeur doit être supérieure à 0 (format ${o.format}).` };
  if (o.min !== undefined && n < o.min * facteur) return { ok: false, message: `${champ} : la valeur doit être supérieure ou égale à ${o.min} (format ${o.format}).` };
  return { ok: true, valeur: n };
}

/** One day of a half-day mission: « Début matin / Fin matin / Début après-midi / Fin après-midi » (HH:MM or null). */
export interface HoraireJour {
  jour: string;
  debutMatin: string | null;
  finMatin: string | null;
  debutApresMidi: string | null;
  finApresMidi: string | null;
}

const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The errors of the half-day hours, by field `horaires.<jour>.<champ>`: each half-day has both ends
 * or none, the end after the start, the afternoon after the morning, on a date of the mission.
 */
export function erreursHoraires(horaires: readonly HoraireJour[], joursMission: readonly string[]): Record<string, string> {
  const e: Record<string, string> = {};
  const vus = new Set<string>();
  for (const h of horaires) {
    const base = `horaires.${h.jour}`;
    const jj = h.jour.split('-').reverse().join('/');
    if (vus.has(h.jour)) e[`${base}.jour`] = `Le ${jj} est saisi deux fois.`;
    vus.add(h.jour);
    if (!joursMission.includes(h.jour)) e[`${base}.jour`] = `Le ${jj} n'est pas une date de la mission (les dates en vert).`;
    for (const [champ, v] of [['debutMatin', h.debutMatin], ['finMatin', h.finMatin], ['debutApresMidi', h.debutApresMidi], ['finApresMidi', h.finApresMidi]] as const) {
      if (v !== null && !HEURE.test(v)) e[`${base}.${champ}`] = `${jj} : l'heure doit être au format HH:MM (par exemple 08:30).`;
    }
    const paire = (d: string | null, f: string | null, moment: string, cd: string, cf: string) => {
      if ((d === null) !== (f === null)) e[`${base}.${d === null ? cd : cf}`] = `${jj} : saisissez le début et la fin ${moment}.`;
      else if (d !== null && f !== null && HEURE.test(d) && HEURE.test(f) && minutes(f) <= minutes(d)) e[`${base}.${cf}`] = `${jj} : la fin ${moment} doit être après son début.`;
    };
    paire(h.debutMatin, h.finMatin, 'du matin', 'debutMatin', 'finMatin');
    paire(h.debutApresMidi, h.finApresMidi, "de l'après-midi", 'debutApresMidi', 'finApresMidi');
    if (h.finMatin && h.debutApresMidi && HEURE.test(h.finMatin) && HEURE.test(h.debutApresMidi) && minutes(h.debutApresMidi) < minutes(h.finMatin) && !e[`${base}.debutApresMidi`]) {
      e[`${base}.debutApresMidi`] = `${jj} : l'après-midi commence après la fin du matin.`;
    }
    if (h.debutMatin === null && h.debutApresMidi === null && h.finMatin === null && h.finApresMidi === null) e[`${base}.debutMatin`] = `${jj} : saisissez au moins une demi-journée, ou retirez la date.`;
  }
  return e;
}

/** « Nombre d'heures constatées »: the sum of the half-days, in hundredths of an hour (7 h 30 → 750). */
export function centiemesHeures(horaires: readonly HoraireJour[]): number {
  let total = 0;
  for (const h of horaires) {
    if (h.debutMatin && h.finMatin) total += minutes(h.finMatin) - minutes(h.debutMatin);
    if (h.debutApresMidi && h.finApresMidi) total += minutes(h.finApresMidi) - minutes(h.debutApresMidi);
  }
  return Math.round((total * 100) / 60);
}

/** Hundredths of an hour as typed and printed: 750 → "7,5"; 700 → "7"; 725 → "7,25". */
export function heuresFr(centiemes: number): string {
  const e = Math.floor(centiemes / 100);
  const d = centiemes % 100;
  if (d === 0) return String(e);
  return `${e},${String(d).padStart(2, '0').replace(/0$/, '')}`;
}

/** What one row of the constat holds once read. */
export interface LigneConstat {
  serviceFait: ServiceFait | null;
  motif: string;
  nbCopies: number | null;
  nbCandidats: number | null;
  /** Hundredths of an hour (heures mode); the half-day mode computes it from the hours. */
  heures: number | null;
}

/** The errors of one row, by field (nbCopies, nbCandidats, heures, serviceFait, motif). */
export function erreursLigne(l: LigneConstat, o: { chiffre: ChiffreCsf; candidatsExiges: boolean }): Record<string, string> {
  const e: Record<string, string> = {};
  if (l.serviceFait === 'non_fait' && !l.motif.trim()) e.motif = 'Motif service non fait : obligatoire lorsque le service n’est pas fait.';
  if (l.motif.length > 500) e.motif = 'Motif service non fait : 500 caractères au plus.';
  if (l.serviceFait === 'fait' && o.chiffre === 'candidats' && o.candidatsExiges && l.nbCandidats === null) {
    e.nbCandidats = 'Nombre de candidats : obligatoire pour un oral du 2nd groupe lorsque le service est fait (saisissez 0 si vous ne le connaissez pas).';
  }
  if (l.serviceFait === null && (l.motif.trim() !== '' || l.nbCopies !== null || l.nbCandidats !== null || l.heures !== null)) {
    e.serviceFait = 'Service fait : choisissez « Service fait » ou « Service non fait » pour enregistrer ce constat.';
  }
  return e;
}

/** The « Rémunération » column of the PDF « Constat de service » (« Nombre de copies : 12 »…). */
export function remunerationTexte(chiffre: ChiffreCsf, l: { nbCopies: number | null; nbCandidats: number | null; heures: number | null }): string {
  switch (chiffre) {
    case 'copies':
      return l.nbCopies === null ? '' : `Nombre de copies : ${l.nbCopies}`;
    case 'candidats':
      return l.nbCandidats === null ? '' : `Nombre de candidats : ${l.nbCandidats}`;
    case 'horaires':
      return l.heures === null ? '' : `Nombre d'heures constatées : ${heuresFr(l.heures)}`;
    case 'heures':
      return l.heures === null ? '' : `Nombre d'heures effectuées : ${heuresFr(l.heures)}`;
    default:
      return '';
  }
}

/** The frais of an intervenant when the constat changes: « Service non fait » cancels, back to « Service fait » restores (decision 0015). */
export function fraisApresConstat(f: { statut: string; statutAvantAnnulation: string | null }, service: ServiceFait | null): { statut: string; statutAvantAnnulation: string | null } | null {
  if (FRAIS_TRAITES.has(f.statut)) return null;
  if (service === 'non_fait') {
    if (f.statut === 'annule') return null;
    return { statut: 'annule', statutAvantAnnulation: f.statut };
  }
  if (f.statut === 'annule' && f.statutAvantAnnulation !== null) return { statut: f.statutAvantAnnulation, statutAvantAnnulation: null };
  return null;
}
