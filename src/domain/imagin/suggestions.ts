// « Proposer des intervenants » on a mission (issue 17 §4, docs/decisions/0038-propositions.md): the
// académie's people ranked for the mission's épreuve-option. Pure: the server loads the candidates
// (with their compétence marks, periods that make them unavailable, load and établissement) and the
// mission (dates, centre), this file excludes, scores and explains.
//
// Exclusion (never proposed, whatever the score): an indisponibilité or another convocation that
// overlaps one of the mission's dates (same inclusive rule as the convocation warning,
// src/domain/imagin/periodes.ts), or already convoked on this mission.
// Score (higher first; ties by name): compétence by author, minus load in the session, plus
// proximity to the centre, minus établissements already convoked (parity).
import { existe, type Marque } from './competences.ts';
import type { Creneau } from './dates.ts';
import { chevauche, periodeCreneau, type Periode } from './periodes.ts';

export interface Coordonnees {
  lat: number;
  lon: number;
}

export interface CandidatSuggestion {
  personneId: number;
  civilite: string;
  nom: string;
  prenom: string;
  disciplinePoste: string;
  etablissementId: number | null;
  etablissementLibelle: string | null;
  /** Coordinates of the commune of the établissement principal; null when unknown. */
  coordonnees: Coordonnees | null;
  /** The marks of the compétence for the mission's épreuve-option (empty: no compétence). */
  marques: readonly Marque[];
  /** Indisponibilités and other convocations' dates, already narrowed by the server to the mission's days. */
  occupations: readonly Periode[];
  /** Convocations « convoquée » of this person in the mission's session. */
  convocationsSession: number;
  /** Already convoked (or affected) on this mission. */
  dejaSurMission: boolean;
}

export interface MissionSuggestion {
  dates: readonly Creneau[];
  /** Coordinates of the centre's commune; null when unknown or no centre. */
  centre: Coordonnees | null;
  /** Convocations on this mission per établissement principal id of the intervenant. */
  parEtablissementMission: ReadonlyMap<number, number>;
  /** Convocations in the session per établissement principal id of the intervenant. */
  parEtablissementSession: ReadonlyMap<number, number>;
}

export interface Raison {
  /** true: a criterion met (shown as a plus); false: a reason it ranks lower. */
  favorable: boolean;
  texte: string;
}

export interface Suggestion {
  personneId: number;
  civilite: string;
  nom: string;
  prenom: string;
  disciplinePoste: string;
  etablissementLibelle: string | null;
  score: number;
  distanceKm: number | null;
  convocationsSession: number;
  competent: boolean;
  raisons: Raison[];
}

/** Points, documented in docs/decisions/0038-propositions.md. */
export const POINTS = {
  competenceEtablissement: 40,
  competenceGestionnaire: 30,
  competenceIntervenant: 20,
  competenceSysteme: 15,
  /** A compétence only invalidated (I) by an établissement where the person works. */
  invalideeEtablissement: -25,
  /** Per convocation already held in the session, up to `chargeMax`. */
  parConvocationSession: -6,
  chargeMax: -30,
  /** Proximity: `proximiteMax` at 0 km, decreasing linearly to 0 at `distanceNulle` km. */
  proximiteMax: 25,
  distanceNulle: 150,
  /** Per intervenant of the same établissement already convoked on the mission. */
  parMemeEtablissementMission: -10,
  /** Per intervenant of the same établissement already convoked in the session, up to `sessionEtablissementMax`. */
  parMemeEtablissementSession: -1,
  sessionEtablissementMax: -10,
} as const;

const RAYON_TERRE_KM = 6371;

/** Great-circle distance (haversine) in km. */
export function distanceKm(a: Coordonnees, b: Coordonnees): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * RAYON_TERRE_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when one of the person's occupations overlaps one of the mission's dates: never proposed. */
export function estIndisponible(dates: readonly Creneau[], occupations: readonly Periode[]): boolean {
  if (occupations.length === 0) return false; // most candidates: no period to convert
  const periodes = dates.map(periodeCreneau);
  return occupations.some((o) => periodes.some((p) => chevauche(p, o)));
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

function pointsCompetence(marques: readonly Marque[]): { points: number; raisons: Raison[] } {
  const raisons: Raison[] = [];
  let points = 0;
  const declare = (type: Marque['type']) => marques.some((m) => m.type === type && m.nature === 'C');
  if (existe(marques)) {
    if (declare('ETABLISSEMENT')) {
      points += POINTS.competenceEtablissement;
      raisons.push({ favorable: true, texte: 'Compétence validée par l’établissement' });
    }
    if (declare('GESTIONNAIRE')) {
      points += POINTS.competenceGestionnaire;
      raisons.push({ favorable: true, texte: 'Compétence reconnue par le gestionnaire' });
    }
    if (declare('INTERVENANT')) {
      points += POINTS.competenceIntervenant;
      raisons.push({ favorable: true, texte: 'Compétence déclarée par l’intervenant' });
    }
    if (declare('SYS')) {
      points += POINTS.competenceSysteme;
      raisons.push({ favorable: true, texte: 'Compétence issue de ses enseignements' });
    }
  }
  if (marques.some((m) => m.type === 'ETABLISSEMENT' && m.nature === 'I')) {
    points += POINTS.invalideeEtablissement;
    raisons.push({ favorable: false, texte: 'Compétence invalidée par un établissement' });
  }
  if (!existe(marques)) raisons.push({ favorable: false, texte: 'Aucune compétence sur cette épreuve' });
  return { points, raisons };
}

/** Scores one available candidate (the caller has excluded the unavailable ones). */
export function evaluer(c: CandidatSuggestion, m: MissionSuggestion): Suggestion {
  const competence = pointsCompetence(c.marques);
  const raisons = [...competence.raisons];
  let score = competence.points;

  let distance: number | null = null;
  if (c.coordonnees && m.centre) {
    distance = distanceKm(c.coordonnees, m.centre);
    const km = Math.round(distance);
    score += POINTS.proximiteMax * Math.max(0, 1 - distance / POINTS.distanceNulle);
    raisons.push({ favorable: distance < POINTS.distanceNulle / 2, texte: km === 0 ? 'Même commune que le centre' : `${km} km du centre` });
  } else {
    raisons.push({ favorable: false, texte: 'Distance au centre inconnue' });
  }

  const n = c.convocationsSession;
  score += Math.max(POINTS.chargeMax, n * POINTS.parConvocationSession);
  raisons.push({ favorable: n === 0, texte: n === 0 ? 'Aucune convocation dans la session' : `${pluriel(n, 'convocation')} dans la session` });

  if (c.etablissementId !== null) {
    const surMission = m.parEtablissementMission.get(c.etablissementId) ?? 0;
    const surSession = m.parEtablissementSession.get(c.etablissementId) ?? 0;
    score += surMission * POINTS.parMemeEtablissementMission;
    score += Math.max(POINTS.sessionEtablissementMax, surSession * POINTS.parMemeEtablissementSession);
    raisons.push(
      surMission === 0
        ? { favorable: true, texte: 'Aucun collègue de son établissement sur la mission' }
        : { favorable: false, texte: `${pluriel(surMission, 'collègue')} de son établissement déjà ${surMission > 1 ? 'convoqués' : 'convoqué'} sur la mission` },
    );
  }

  return {
    personneId: c.personneId,
    civilite: c.civilite,
    nom: c.nom,
    prenom: c.prenom,
    disciplinePoste: c.disciplinePoste,
    etablissementLibelle: c.etablissementLibelle,
    score: Math.round(score * 10) / 10,
    distanceKm: distance === null ? null : Math.round(distance),
    convocationsSession: n,
    competent: existe(c.marques),
    raisons,
  };
}

/**
 * The ranked proposals: unavailable people and those already on the mission are removed, the others
 * scored, best first (ties: nom, prénom, id), at most `limite`.
 */
export function proposer(candidats: readonly CandidatSuggestion[], m: MissionSuggestion, limite = 50): Suggestion[] {
  const retenus: Suggestion[] = [];
  for (const c of candidats) {
    if (c.dejaSurMission || estIndisponible(m.dates, c.occupations)) continue;
    retenus.push(evaluer(c, m));
  }
  retenus.sort((a, b) => b.score - a.score || a.nom.localeCompare(b.nom) || a.prenom.localeCompare(b.prenom) || a.personneId - b.personneId);
  return retenus.slice(0, limite);
}

/** Commune names as établissements and data sets spell them: no accents, case, « CEDEX n », hyphens or apostrophes. */
export function normaliserCommune(nom: string): string {
  return nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\bCEDEX\b.*$/, '')
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The key used to find a commune's coordinates: département (from the code postal) + normalised name. */
export function cleCommune(nom: string, codePostal: string | null | undefined): string {
  const cp = (codePostal ?? '').trim();
  const dep = cp.startsWith('97') ? cp.slice(0, 3) : cp.slice(0, 2);
  return `${dep}|${normaliserCommune(nom)}`;
}
