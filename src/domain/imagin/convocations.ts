// The rules of a convocation made by a centre d'examen (seed 003 §4.2.3) or by the gestionnaire:
// which qualités are offered, which dates may be chosen (mission, commission, COEC/PRECE date fixed by
// the gestionnaire, dates carried over on the mission), the COEC popup, the EC oral and HLP rules,
// and the warnings on indisponibilités and other convocations. Pure functions: no I/O.
import { chevauche, periodeCreneau, type Periode } from './periodes.ts';
import { dateFr, heureCourte, minutes, type Creneau } from './dates.ts';

export interface TypeMissionRegles {
  code: string;
  libelle: string;
  correctionDematerialisee: boolean;
  sansQualite: boolean;
  ouverteSansCiblage: boolean;
}

export interface QualiteRegles {
  id: number;
  libelle: string;
  santorin: boolean;
}

/** Codes of the EC (évaluations communes) and ECE mission types in the reference data. */
export const TYPE_CORRECTION_EC = 'CEC';
export const TYPE_COEC = 'COEC';
export const TYPE_PRECE = 'PRECE';
export const TYPE_NUMERISATION = 'NUMCOP';
export const TYPE_INTERROGATION_ORALE = 'INTORA';
export const QUALITE_CORRECTEUR_SANTORIN = 'Correcteur Santorin';

/** The épreuves of the évaluations communes have codes "C001A", "C0038", "C010"… (codes.md). */
export function estEpreuveEC(codeEpreuve: string | null | undefined): boolean {
  return !!codeEpreuve && /^C\d/.test(codeEpreuve);
}

/** COEC and PRECE: the centre convokes on the date the gestionnaire set, nothing else. */
export function datesLimiteesAuGestionnaire(typeCode: string): boolean {
  return typeCode === TYPE_COEC || typeCode === TYPE_PRECE;
}

/** The qualités offered: none for numérisation, the SANTORIN ones for dematerialised correction. */
export function qualitesProposees<Q extends QualiteRegles>(type: TypeMissionRegles, qualites: readonly Q[]): Q[] {
  if (type.sansQualite) return [];
  if (type.correctionDematerialisee) return qualites.filter((q) => q.santorin);
  return [...qualites];
}

/**
 * The qualité a convocation gets: the chosen one; on an EC correction mission left empty, "Correcteur
 * Santorin"; none on a numérisation mission. Returns an error message when the choice is not offered.
 */
export function qualiteRetenue<Q extends QualiteRegles>(
  type: TypeMissionRegles,
  qualites: readonly Q[],
  choisie: number | null,
): { ok: true; qualite: Q | null } | { ok: false; message: string } {
  if (type.sansQualite) {
    if (choisie !== null) return { ok: false, message: `Qualité : aucune qualité n'est à renseigner pour une mission « ${type.libelle} ».` };
    return { ok: true, qualite: null };
  }
  const offertes = qualitesProposees(type, qualites);
  if (choisie === null) {
    if (type.correctionDematerialisee) {
      const santorin = qualites.find((q) => q.libelle === QUALITE_CORRECTEUR_SANTORIN) ?? null;
      return { ok: true, qualite: santorin };
    }
    return { ok: true, qualite: null };
  }
  const q = offertes.find((x) => x.id === choisie);
  if (!q) {
    return {
      ok: false,
      message: type.correctionDematerialisee
        ? 'Qualité : pour une correction dématérialisée, choisissez une qualité SANTORIN (correcteur, correcteur suppléant ou référent correcteur).'
        : 'Qualité : choisissez une qualité de la liste.',
    };
  }
  return { ok: true, qualite: q };
}

export interface DatesMission {
  typeCode: string;
  mission: readonly Creneau[];
  /** The chosen commission's dates; null when no commission is chosen. */
  commission: readonly Creneau[] | null;
  /** Whether the mission has commissions (then a commission must be chosen before any date). */
  aDesCommissions: boolean;
  /** COEC / PRECE: the gestionnaire's date. */
  dateLimitee: string | null;
}

/** The days highlighted in the calendar (the others are greyed). */
export function joursSelectionnables(d: DatesMission): Creneau[] {
  if (d.aDesCommissions && d.commission === null) return [];
  let base = d.commission ?? d.mission;
  if (datesLimiteesAuGestionnaire(d.typeCode) && d.dateLimitee) {
    const jour = d.dateLimitee;
    const existant = base.find((c) => c.jour === jour);
    base = [existant ?? { jour, heureDebut: '08:00', heureFin: '18:00' }];
  }
  return [...base].sort((a, b) => a.jour.localeCompare(b.jour));
}

/**
 * Checks the dates chosen for an affectation: at least one, each among the selectable days, each with a
 * start before its end. Returns French messages keyed by field ("dates", "dates.2.heureFin"…).
 */
export function erreursDates(d: DatesMission, choisies: readonly Creneau[]): Record<string, string> {
  const erreurs: Record<string, string> = {};
  if (d.aDesCommissions && d.commission === null) {
    erreurs.commissionId = 'Commission : choisissez la commission sur laquelle vous convoquez.';
    return erreurs;
  }
  const permis = new Set(joursSelectionnables(d).map((c) => c.jour));
  if (choisies.length === 0) {
    erreurs.dates = "Dates de l'affectation : sélectionnez au moins une date dans le calendrier.";
    return erreurs;
  }
  const vus = new Set<string>();
  choisies.forEach((c, i) => {
    if (vus.has(c.jour)) erreurs[`dates.${i}.jour`] = `Date : le ${dateFr(c.jour)} est sélectionné deux fois.`;
    vus.add(c.jour);
    if (!permis.has(c.jour)) {
      erreurs[`dates.${i}.jour`] = datesLimiteesAuGestionnaire(d.typeCode) && d.dateLimitee
        ? `Date : pour cette mission, la convocation ne peut porter que sur le ${dateFr(d.dateLimitee)}, date fixée par le gestionnaire.`
        : `Date : le ${dateFr(c.jour)} n'est pas une date de la ${d.commission ? 'commission' : 'mission'}.`;
    }
    if (minutes(c.heureFin) <= minutes(c.heureDebut)) {
      erreurs[`dates.${i}.heureFin`] = `Heure de fin : le ${dateFr(c.jour)}, l'heure de fin (${heureCourte(c.heureFin)}) doit être postérieure à l'heure de début (${heureCourte(c.heureDebut)}).`;
    }
  });
  return erreurs;
}

/** Whether the chosen dates are exactly the mission's (or commission's): then the convocation keeps no dates of its own. */
export function memesDates(a: readonly Creneau[], b: readonly Creneau[]): boolean {
  if (a.length !== b.length) return false;
  const k = (c: Creneau) => `${c.jour} ${heureCourte(c.heureDebut)} ${heureCourte(c.heureFin)}`;
  const sb = new Set(b.map(k));
  return a.every((c) => sb.has(k(c)));
}

/**
 * COEC (003 §4.2.3): the popup "Vous avez modifié les dates d'affectation…" opens on the mission's first
 * convocation, or when the dates or observations differ from those carried over on the mission.
 */
export function demanderReportCOEC(p: {
  typeCode: string;
  premiereConvocation: boolean;
  reportees: { dates: readonly Creneau[]; observation: string | null };
  saisies: { dates: readonly Creneau[]; observation: string };
}): boolean {
  if (p.typeCode !== TYPE_COEC) return false;
  if (p.premiereConvocation) return true;
  if (p.reportees.dates.length === 0 && p.reportees.observation === null) return true;
  return !memesDates(p.reportees.dates, p.saisies.dates) || (p.reportees.observation ?? '').trim() !== p.saisies.observation.trim();
}

/** The message when an EC oral interrogation is chosen before CYCLADES has assigned its candidates. */
export function refusInterrogationEC(p: { typeCode: string; codeEpreuve: string | null; candidatsAffectes: boolean }): string | null {
  if (p.typeCode !== TYPE_INTERROGATION_ORALE || !estEpreuveEC(p.codeEpreuve) || p.candidatsAffectes) return null;
  return "La convocation à cette mission d'interrogation orale n'est possible qu'une fois l'affectation des candidats à l'épreuve achevée dans CYCLADES. Réessayez lorsque le service des examens l'aura terminée.";
}

// --- HLP (Humanités, littérature et philosophie), COEC -------------------------------------------

export type ProfilHLP = 'lettres' | 'philosophie';

/** The épreuve HLP of the évaluations communes ("C009, Humanités, littérature philo"). */
export function estEpreuveHLP(codeEpreuve: string | null | undefined, libelle?: string | null): boolean {
  if (codeEpreuve && /^C009/.test(codeEpreuve)) return true;
  return !!libelle && /humanit[eé]s.*litt[eé]rature.*philo/i.test(libelle);
}

/** A teacher's profile for HLP, from the discipline de poste (LETTRES MODERNES, PHILOSOPHIE…). */
export function profilHLP(disciplinePoste: string): ProfilHLP | null {
  const d = disciplinePoste.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  if (d.includes('PHILO')) return 'philosophie';
  if (d.includes('LETTRE')) return 'lettres';
  return null;
}

/** The warning shown until both a "lettres" and a "philosophie" profile are convoked on a HLP COEC mission. */
export function avertissementHLP(p: { typeCode: string; codeEpreuve: string | null; libelleEpreuve?: string | null; disciplinesConvoquees: readonly string[] }): string | null {
  if (p.typeCode !== TYPE_COEC || !estEpreuveHLP(p.codeEpreuve, p.libelleEpreuve)) return null;
  const profils = new Set(p.disciplinesConvoquees.map(profilHLP).filter((x): x is ProfilHLP => x !== null));
  const manquants: string[] = [];
  if (!profils.has('lettres')) manquants.push('un professeur de lettres');
  if (!profils.has('philosophie')) manquants.push('un professeur de philosophie');
  if (manquants.length === 0) return null;
  return `Épreuve Humanités, littérature et philosophie : deux profils de correcteurs doivent être missionnés. Il manque ${manquants.join(' et ')}.`;
}

// --- Overlaps ------------------------------------------------------------------------------------

export interface IndisponibiliteConflit {
  periode: Periode;
  motif: string;
}

export interface ConvocationConflit {
  numeroMission: number;
  typeMission: string;
  creneaux: readonly Creneau[];
}

export interface ConflitsPersonne {
  nom: string;
  prenom: string;
  indisponibilites: readonly IndisponibiliteConflit[];
  convocations: readonly ConvocationConflit[];
}

/**
 * The warning naming each person who, on the chosen dates, is unavailable or already convoked elsewhere
 * (the centre then decides). Null when nobody is.
 */
export function avertissementChevauchements(dates: readonly Creneau[], personnes: readonly ConflitsPersonne[]): string | null {
  const periodes = dates.map(periodeCreneau);
  const touche = (p: Periode) => periodes.some((x) => chevauche(x, p));
  const lignes: string[] = [];
  for (const p of personnes) {
    const raisons: string[] = [];
    for (const i of p.indisponibilites) if (touche(i.periode)) raisons.push(`indisponible (${i.motif})`);
    for (const c of p.convocations) {
      if (c.creneaux.some((cr) => touche(periodeCreneau(cr)))) raisons.push(`déjà convoqué(e) sur la mission n° ${c.numeroMission} (${c.typeMission})`);
    }
    if (raisons.length) lignes.push(`${p.nom} ${p.prenom} : ${raisons.join(', ')}`);
  }
  if (lignes.length === 0) return null;
  return `Attention, sur les dates choisies : ${lignes.join(' ; ')}.`;
}

/** The motif of the indisponibilité given in the home académie by a convocation of another académie (003 §4.2). */
export function motifConvocationAutreAcademie(nomAcademieMajuscule: string): string {
  return `CONVOCATION PAR IMAGIN ${nomAcademieMajuscule}`;
}

/** The ZIP of a mission's convocations: "SIGLE_MISSION_AAAAMMJJ.zip", as BCG_112121_20161214.zip. */
export function nomZipConvocations(sigle: string, numero: number, jourIso: string): string {
  return `${sigle.replace(/[^A-Za-z0-9-]+/g, '-')}_${numero}_${jourIso.replaceAll('-', '')}.zip`;
}

/** Years offered by the filters: current − 3 … current + 1 (003 §4.1.1). */
export function anneesProposees(anneeCourante: number): number[] {
  return [anneeCourante - 3, anneeCourante - 2, anneeCourante - 1, anneeCourante, anneeCourante + 1];
}
