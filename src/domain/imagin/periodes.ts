// Periods of date + time, as IMAG'IN compares them: an indisponibilité against the filter period of
// "Consultation des personnels" (003 §3.1.1), a convocation's dates against that period, and a new
// indisponibilité against the missions the person is affected to (003 §3.2, the mail to the gestionnaire).
//
// Boundaries are INCLUSIVE, at the minute: a period is the closed interval [début, fin]. Two periods
// that share a single minute overlap (an indisponibilité ending at 12:00 and a mission starting at
// 12:00 conflict). A day-only period (the filters "du … au …") runs from du 00:00 to au 23:59, which is
// also how an indisponibilité without hours is stored (00:00 – 23:59).
import { heureCourte, type Creneau } from './dates.ts';

export interface Instant {
  /** 'AAAA-MM-JJ' */
  date: string;
  /** 'HH:MM' (or 'HH:MM:SS', seconds ignored) */
  heure: string;
}

export interface Periode {
  debut: Instant;
  fin: Instant;
}

/** A sortable key: 'AAAA-MM-JJTHH:MM'. */
export function cle(i: Instant): string {
  return `${i.date}T${heureCourte(i.heure)}`;
}

export function avant(a: Instant, b: Instant): boolean {
  return cle(a) < cle(b);
}

/** Closed intervals: they overlap when each starts no later than the other ends. */
export function chevauche(a: Periode, b: Periode): boolean {
  return cle(a.debut) <= cle(b.fin) && cle(b.debut) <= cle(a.fin);
}

/** The filter "du … au …": whole days, du 00:00 to au 23:59. */
export function periodeJours(du: string, au: string): Periode {
  return { debut: { date: du, heure: '00:00' }, fin: { date: au, heure: '23:59' } };
}

export function periodeCreneau(c: Creneau): Periode {
  return { debut: { date: c.jour, heure: c.heureDebut }, fin: { date: c.jour, heure: c.heureFin } };
}

/**
 * Checks an indisponibilité (or any period typed by a user): its end must come strictly after its
 * start. Returns the French message to show, or null when it is valid.
 */
export function erreurPeriode(p: Periode, libelle = "L'indisponibilité"): string | null {
  if (cle(p.fin) > cle(p.debut)) return null;
  const fr = (i: Instant) => `${i.date.slice(8, 10)}/${i.date.slice(5, 7)}/${i.date.slice(0, 4)} ${heureCourte(i.heure)}`;
  if (cle(p.fin) === cle(p.debut)) return `${libelle} se termine au moment où elle commence (${fr(p.debut)}) : la fin doit être postérieure au début.`;
  return `${libelle} se termine (${fr(p.fin)}) avant de commencer (${fr(p.debut)}) : la date et l'heure de fin doivent être postérieures à celles de début.`;
}

/** The filter "de disponibilité": no declared indisponibilité overlaps the period. */
export function disponibleSur(indisponibilites: readonly Periode[], filtre: Periode): boolean {
  return !indisponibilites.some((i) => chevauche(i, filtre));
}

/** The filter "de convocation": one date of a convocation overlaps the period. */
export function convoqueSur(creneaux: readonly Creneau[], filtre: Periode): boolean {
  return creneaux.some((c) => chevauche(periodeCreneau(c), filtre));
}

/** The affectations (each with its dates) that a new indisponibilité overlaps. */
export function affectationsChevauchees<A extends { creneaux: readonly Creneau[] }>(indisponibilite: Periode, affectations: readonly A[]): A[] {
  return affectations.filter((a) => a.creneaux.some((c) => chevauche(periodeCreneau(c), indisponibilite)));
}

export type OrigineDates = 'convocation' | 'commission' | 'mission';

/**
 * The dates a convocation holds the person: its own dates when it has some (partial or specific
 * affectation), otherwise those of its commission, otherwise those of the mission. The SQL view
 * `convocation_creneau` (migration 004) applies the same precedence.
 */
export function datesEffectives(d: { convocation: readonly Creneau[]; commission: readonly Creneau[]; mission: readonly Creneau[] }): {
  origine: OrigineDates;
  creneaux: readonly Creneau[];
} {
  if (d.convocation.length) return { origine: 'convocation', creneaux: d.convocation };
  if (d.commission.length) return { origine: 'commission', creneaux: d.commission };
  return { origine: 'mission', creneaux: d.mission };
}
