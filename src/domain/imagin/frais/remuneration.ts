// The « Rémunération » tab of an état de frais (seed 004 §2.4.4.2, decision 0028): which input a mission
// asks the intervenant for, the checks of what he typed (French messages naming the field), whether the
// tab is read-only, and the estimated pay from the dated rates (arrêté du 13 avril 2012). Pure functions:
// the rates come from frais_taux_remuneration (the row in force on the mission's first day).
//
// Conventions (decision 0028):
// - amounts are integers in centimes, rounded to the cent once, on the total (half up);
// - a candidate examined counts 20 minutes of the hourly rate (an oral interrogation is usually a
//   20-minute slot, préparation excluded): pay = candidats × 20 min × hourly rate;
// - half-days and hours and minutes count the time entered × hourly rate;
// - taux of an épreuve-option (1–5) is data; without one, baccalauréat and BTS pay copies at taux 5
//   and hours at taux 3, other exams (DNB, CAP, BEP…) at taux 1 (domain-rules.md, « usual mapping »).
import { estEpreuveEC } from '../convocations.ts';
import { minutes } from '../dates.ts';
import type { DemiJournee, ModeRemuneration, SaisieAttendue, SaisieRemuneration } from './types.ts';

/** Minutes of pay counted for one candidate examined (decision 0028). */
export const MINUTES_PAR_CANDIDAT = 20;

/** Bounds of the figures (codes.md: copies 0–999). */
export const LIMITES_REMUNERATION = { copies: 999, candidats: 999, heures: 200, demiJournees: 120 } as const;

const sansAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The input the Rémunération tab asks for (004 §2.4.4.2):
 * - correction de copies → number of copies;
 * - interrogation orale (except an EC épreuve), VAE → number of candidates;
 * - épreuve pratique or sportive, épreuve orale ponctuelle du contrôle continu (an oral on an EC
 *   épreuve) → dates and hours per half-day;
 * - entretien de recrutement sans concours, lecture de mémoire → hours and minutes;
 * - épreuve écrite ponctuelle du contrôle continu, and every correction dématérialisée → the SANTORIN
 *   count, shown read-only;
 * - any other (aide au déroulement, surveillance, jury…) → null: the gestionnaire computes the pay, no tab.
 */
export function saisieAttendue(m: { mode: ModeRemuneration; typeCode: string; typeLibelle: string; epreuveCode: string | null; correctionDematerialisee: boolean }): SaisieAttendue {
  if (m.correctionDematerialisee) return 'santorin';
  const libelle = sansAccents(m.typeLibelle);
  if (/ecrite\s+ponctuelle/.test(libelle)) return 'santorin';
  if (/orale\s+ponctuelle/.test(libelle)) return 'demi_journees';
  switch (m.mode) {
    case 'copies':
      return 'copies';
    case 'candidats':
      // An oral on an épreuve of the évaluations communes is the oral ponctuel of the contrôle continu.
      return estEpreuveEC(m.epreuveCode) ? 'demi_journees' : 'candidats';
    case 'demi_journees':
      return 'demi_journees';
    case 'heures_minutes':
      return 'heures_minutes';
    case 'santorin':
      return 'santorin';
    default:
      return null;
  }
}

/**
 * Whether the Rémunération tab is read-only for the intervenant: SANTORIN counts (correction
 * dématérialisée, écrite ponctuelle du contrôle continu) and convocations issued by the ministry (the
 * président de jury enters the figures).
 */
export function remunerationLectureSeule(m: { saisieAttendue: SaisieAttendue; emiseParMinistere: boolean; correctionDematerialisee: boolean }): boolean {
  return m.saisieAttendue === 'santorin' || m.emiseParMinistere || m.correctionDematerialisee;
}

/** The seed's sentence for a convocation issued by the ministry (004 §2.4.4.2). */
export const MESSAGE_MINISTERE =
  "Cette convocation a pour entête « MINISTERE DE L'EDUCATION NATIONALE » : vous n'avez pas à saisir les informations nécessaires au calcul de l'indemnité. Celles-ci seront saisies par le président de jury.";

/** An empty entry of the expected kind (what the tab shows before anything is typed). */
export function saisieVide(attendue: SaisieAttendue): SaisieRemuneration | null {
  switch (attendue) {
    case 'copies':
      return { type: 'copies', copies: null };
    case 'candidats':
      return { type: 'candidats', candidats: null };
    case 'demi_journees':
      return { type: 'demi_journees', demiJournees: [] };
    case 'heures_minutes':
      return { type: 'heures_minutes', heures: null, minutes: null };
    default:
      return null;
  }
}

const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;
const JOUR = /^\d{4}-\d{2}-\d{2}$/;
const jj = (iso: string) => iso.split('-').reverse().join('/');
const entier = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** Minutes worked over the half-days (those well formed). */
export function dureeDemiJournees(dj: readonly DemiJournee[]): number {
  return dj.reduce((s, d) => (HEURE.test(d.debut) && HEURE.test(d.fin) && minutes(d.fin) > minutes(d.debut) ? s + minutes(d.fin) - minutes(d.debut) : s), 0);
}

/**
 * Checks what the intervenant typed against what the mission asks (field → French message naming the
 * field; empty when correct). Fields: `remuneration.copies`, `remuneration.candidats`,
 * `remuneration.heures`, `remuneration.minutes`, `remuneration.demiJournees.<i>.jour|debut|fin`.
 * `joursMission`: the mission's dates (a half-day is on one of them). A figure left empty is allowed
 * (Enregistrer keeps a draft); `complete` asks every figure (the validation).
 */
export function verifierRemuneration(attendue: SaisieAttendue, s: SaisieRemuneration | null, joursMission: readonly string[], o: { complete?: boolean } = {}): Record<string, string> {
  const e: Record<string, string> = {};
  if (attendue === null || attendue === 'santorin') {
    if (s !== null) e['remuneration'] = "Rémunération : cette mission ne demande pas de saisie de votre part (elle est calculée par le gestionnaire ou transmise par SANTORIN).";
    return e;
  }
  if (s === null) {
    if (o.complete) e['remuneration'] = 'Rémunération : à compléter.';
    return e;
  }
  if (s.type !== attendue) {
    e['remuneration'] = 'Rémunération : la saisie ne correspond pas au type de la mission ; rechargez la page.';
    return e;
  }
  const nombre = (v: number | null, champ: string, nom: string, max: number) => {
    if (v === null) {
      if (o.complete) e[`remuneration.${champ}`] = `${nom} : obligatoire.`;
    } else if (!entier(v) || v < 0) e[`remuneration.${champ}`] = `${nom} : entier positif attendu.`;
    else if (v > max) e[`remuneration.${champ}`] = `${nom} : ${max} au plus.`;
  };
  switch (s.type) {
    case 'copies':
      nombre(s.copies, 'copies', 'Nombre de copies corrigées', LIMITES_REMUNERATION.copies);
      break;
    case 'candidats':
      nombre(s.candidats, 'candidats', 'Nombre de candidats interrogés', LIMITES_REMUNERATION.candidats);
      break;
    case 'heures_minutes': {
      nombre(s.heures, 'heures', "Nombre d'heures", LIMITES_REMUNERATION.heures);
      if (s.minutes !== null && (!entier(s.minutes) || s.minutes < 0 || s.minutes > 59)) e['remuneration.minutes'] = 'Minutes : entier entre 0 et 59 attendu.';
      if (o.complete && !e['remuneration.heures'] && (s.heures ?? 0) * 60 + (s.minutes ?? 0) <= 0) e['remuneration.heures'] = "Nombre d'heures : la durée effectuée doit être supérieure à 0.";
      break;
    }
    case 'demi_journees': {
      if (s.demiJournees.length > LIMITES_REMUNERATION.demiJournees) e['remuneration.demiJournees'] = `Demi-journées : ${LIMITES_REMUNERATION.demiJournees} au plus.`;
      if (o.complete && s.demiJournees.length === 0) e['remuneration.demiJournees'] = 'Demi-journées : saisissez au moins une demi-journée effectuée.';
      const parJour = new Map<string, Array<{ i: number; d: number; f: number }>>();
      s.demiJournees.forEach((d, i) => {
        const base = `remuneration.demiJournees.${i}`;
        const n = i + 1;
        if (!JOUR.test(d.jour ?? '')) {
          e[`${base}.jour`] = `Demi-journée ${n}, date : obligatoire (format JJ/MM/AAAA).`;
          return;
        }
        if (joursMission.length && !joursMission.includes(d.jour)) e[`${base}.jour`] = `Demi-journée ${n}, date : le ${jj(d.jour)} n'est pas une date de la mission.`;
        const okD = HEURE.test(d.debut ?? '');
        const okF = HEURE.test(d.fin ?? '');
        if (!okD) e[`${base}.debut`] = `Demi-journée ${n}, heure de début : format HH:MM attendu (par exemple 08:30).`;
        if (!okF) e[`${base}.fin`] = `Demi-journée ${n}, heure de fin : format HH:MM attendu (par exemple 12:00).`;
        if (okD && okF) {
          const a = minutes(d.debut);
          const b = minutes(d.fin);
          if (b <= a) e[`${base}.fin`] = `Demi-journée ${n}, heure de fin : doit être après l'heure de début.`;
          else {
            const l = parJour.get(d.jour) ?? [];
            for (const x of l) if (a < x.f && x.d < b) e[`${base}.debut`] = `Demi-journée ${n} : chevauche la demi-journée ${x.i + 1} du ${jj(d.jour)}.`;
            l.push({ i, d: a, f: b });
            parJour.set(d.jour, l);
            if (l.length > 2) e[`${base}.jour`] = `Demi-journée ${n}, date : deux demi-journées au plus le ${jj(d.jour)} (matin et après-midi).`;
          }
        }
      });
      break;
    }
  }
  return e;
}

/** The rate row in force on `jour` (the latest `depuis` ≤ jour) for that taux, or null. */
export function tauxEnVigueur<T extends { taux: number; depuis: string }>(lignes: readonly T[], taux: number, jour: string): T | null {
  let r: T | null = null;
  for (const l of lignes) if (l.taux === taux && l.depuis <= jour && (!r || l.depuis > r.depuis)) r = l;
  return r;
}

/**
 * The taux (1–5) that applies: the épreuve-option's when set; else by the exam — baccalauréat (sigles
 * BAC, BCG, BTN, BCP, BGT…) and BTS pay copies at taux 5 and hours at taux 3, other exams at taux 1
 * (decision 0028). Taux 5 has no hourly rate: hours then use taux 4.
 */
export function tauxApplicables(o: { tauxEpreuve: number | null; examenSigle: string }): { copie: number; heure: number } {
  if (o.tauxEpreuve !== null && o.tauxEpreuve >= 1 && o.tauxEpreuve <= 5) return { copie: o.tauxEpreuve, heure: Math.min(o.tauxEpreuve, 4) };
  const sigle = o.examenSigle.toUpperCase();
  if (/^(BAC|BC|BT|BG|BTS)/.test(sigle)) return { copie: 5, heure: 3 };
  return { copie: 1, heure: 1 };
}

/**
 * The estimated pay in centimes, rounded to the cent (half up) on the total; null when nothing can be
 * computed (no entry, no rate, an hourly rate missing, figures not entered).
 * - copies × copy rate;
 * - candidats × 20 min × hourly rate;
 * - half-days: the minutes worked × hourly rate;
 * - hours and minutes × hourly rate.
 */
export function montantRemuneration(saisie: SaisieRemuneration | null, taux: { copieCentimes: number; heureCentimes: number | null } | null): number | null {
  if (!saisie || !taux) return null;
  if (saisie.type === 'copies') return saisie.copies === null ? null : Math.round(saisie.copies * taux.copieCentimes);
  if (taux.heureCentimes === null) return null;
  let min: number;
  if (saisie.type === 'candidats') {
    if (saisie.candidats === null) return null;
    min = saisie.candidats * MINUTES_PAR_CANDIDAT;
  } else if (saisie.type === 'demi_journees') {
    min = dureeDemiJournees(saisie.demiJournees);
  } else {
    if (saisie.heures === null && saisie.minutes === null) return null;
    min = (saisie.heures ?? 0) * 60 + (saisie.minutes ?? 0);
  }
  return Math.round((min * taux.heureCentimes) / 60);
}

/** « 12 copies », « 3 h 20 »…: the entry as the récapitulatif and the Suivi read it. */
export function libelleSaisie(s: SaisieRemuneration | null): string {
  if (!s) return 'Rien de saisi';
  switch (s.type) {
    case 'copies':
      return s.copies === null ? 'Nombre de copies non saisi' : `${s.copies} copie${s.copies > 1 ? 's' : ''} corrigée${s.copies > 1 ? 's' : ''}`;
    case 'candidats':
      return s.candidats === null ? 'Nombre de candidats non saisi' : `${s.candidats} candidat${s.candidats > 1 ? 's' : ''} interrogé${s.candidats > 1 ? 's' : ''}`;
    case 'heures_minutes':
      return s.heures === null && s.minutes === null ? 'Durée non saisie' : `${s.heures ?? 0} h ${String(s.minutes ?? 0).padStart(2, '0')}`;
    case 'demi_journees': {
      const n = s.demiJournees.length;
      const d = dureeDemiJournees(s.demiJournees);
      return n === 0 ? 'Aucune demi-journée saisie' : `${n} demi-journée${n > 1 ? 's' : ''} (${Math.floor(d / 60)} h ${String(d % 60).padStart(2, '0')})`;
    }
  }
}

/** The figure compared with the centre's constat: copies, candidates, or hours in hundredths. */
export function chiffreCompare(s: SaisieRemuneration | null): number | null {
  if (!s) return null;
  switch (s.type) {
    case 'copies':
      return s.copies;
    case 'candidats':
      return s.candidats;
    case 'heures_minutes':
      return s.heures === null && s.minutes === null ? null : Math.round((((s.heures ?? 0) * 60 + (s.minutes ?? 0)) * 100) / 60);
    case 'demi_journees':
      return s.demiJournees.length ? Math.round((dureeDemiJournees(s.demiJournees) * 100) / 60) : null;
  }
}
