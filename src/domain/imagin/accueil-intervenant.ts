// The home page of the intervenant service (seed 004 §2.2): « Différentes activités peuvent vous être
// proposées selon vos habilitations », then one line per activity of the menu. The page shows the
// lines of the activities this person's menu holds, and only those (the menu is already limited to
// what he is entitled to, src/server/identite/identite.routes.ts descriptionSession).
import { SERVICES } from '../services.ts';

export const INTRODUCTION_ACCUEIL_INTERVENANT = 'Différentes activités peuvent vous être proposées selon vos habilitations :';

/** What each activity is for, after « Cliquez sur le menu "<libellé>" pour » (seed 004 §2.2). */
const SUITES: Readonly<Record<string, string>> = {
  'consultation-missions': 'consulter la liste des missions auxquelles vous êtes convoqué(e).',
  'etats-frais': 'compléter et valider les états de frais (rémunération, déplacements, pièces justificatives) des missions que vous avez effectuées.',
  'informations-personnelles': 'vérifier ou modifier vos informations personnelles.',
  'portail-acces-missions': "accéder si besoin aux modules (de correction par exemple) de l'application SANTORIN ou de l'application CYCLADES.",
  'gestion-epreuves-eps': "accéder à l'application CYCLADES pour y gérer les épreuves EPS.",
  'portail-deliberation-jury': 'accéder au portail Jury de CYCLADES et délibérer les jurys auxquels vous êtes convoqué(e).',
  'gestion-sujets': "accéder au module BNS (banque nationale de sujets) de l'application DELOS.",
  'statistiques-notation': 'accéder au module de statistiques nationales de notation dans SANTORIN.',
  'enquete-dcs': "répondre à l'enquête sur vos enseignements au DCS (diplômes de comptabilité et de gestion).",
};

/** What the activity is for (the end of its line), or null for an unknown code. */
export function suiteAccueilIntervenant(code: string): string | null {
  return SUITES[code] ?? null;
}

/** The home page's line of an activity of the intervenant service, or null for an unknown code. */
export function ligneAccueilIntervenant(code: string, libelle?: string): string | null {
  const suite = SUITES[code];
  if (!suite) return null;
  const nom = libelle ?? SERVICES['imagin-intervenant'].activites.find((a) => a.code === code)?.libelle ?? code;
  return `Cliquez sur le menu « ${nom} » pour ${suite}`;
}

/** The codes that have a line (checked against the service's activities by the unit test). */
export const ACTIVITES_AVEC_LIGNE: readonly string[] = Object.keys(SUITES);
