// The two statuses of an état de frais as users read them (seed 004 §2.4.2: frais de rémunération, frais
// de déplacement), computed at every read from the stored workflow state (etat_frais.statut), today's
// date against the mission's dates, how the mission is paid and whether a déplacement is refunded
// (decisions 0027, 0028); the messages of the « Suivi » tab; whether the intervenant may still edit.
// Pure functions: `aujourdhui` is the Paris date given by the caller.
import { dateFr } from '../dates.ts';
import { euros } from '../icc.ts';
import type { EtatWorkflow, SaisieAttendue, StatutAffiche } from './types.ts';
import { LIBELLE_STATUT } from './types.ts';

export interface EntreeStatuts {
  workflow: EtatWorkflow;
  /** Today, 'AAAA-MM-JJ' (Paris). */
  aujourdhui: string;
  /** The mission's first and last days for this person ('AAAA-MM-JJ'), null when it has no date. */
  premierJour: string | null;
  dernierJour: string | null;
  /** The input the Rémunération tab asks for (remuneration.ts); null: the gestionnaire computes the pay. */
  saisieAttendue: SaisieAttendue;
  correctionDematerialisee: boolean;
  /** The Déplacement tab is open (transport or lodging refunded). */
  deplacementOuvert: boolean;
  /** Another mission of the same day carries the day's trips (« Invalidable »). */
  invalidable: boolean;
}

/** Where the mission stands against today: not started, running, over. */
export function momentMission(e: Pick<EntreeStatuts, 'aujourdhui' | 'premierJour' | 'dernierJour'>): 'a_venir' | 'en_cours' | 'terminee' {
  if (!e.premierJour) return 'terminee';
  if (e.aujourdhui < e.premierJour) return 'a_venir';
  if (e.aujourdhui <= (e.dernierJour ?? e.premierJour)) return 'en_cours';
  return 'terminee';
}

/** The status from the workflow once the intervenant acted, else from the dates (« Mission en cours », « Non validé »…). */
function statutCircuit(e: EntreeStatuts): StatutAffiche {
  switch (e.workflow) {
    case 'annule':
      return 'annule';
    case 'mission_non_effectuee':
      return 'mission_non_effectuee';
    case 'valide':
      return 'valide';
    case 'valide_gestionnaire':
      return 'valide_gestionnaire';
    case 'traite_gestionnaire':
      return 'traite_gestionnaire';
    case 'non_valide': {
      const m = momentMission(e);
      return m === 'a_venir' ? 'mission_non_effectuee' : m === 'en_cours' ? 'mission_en_cours' : 'non_valide';
    }
  }
}

/**
 * The statuses shown for each nature (004 §2.4.2):
 * - annulé, mission non effectuée (declared, or not started yet), validé, validé par gestionnaire,
 *   traité par le gestionnaire follow the workflow; before the first day « Mission non effectuée », during
 *   the mission « Mission en cours », after it « Non validé »;
 * - rémunération: a correction dématérialisée is « Traité par le gestionnaire » (SANTORIN's figures,
 *   nothing to enter); a mission whose pay the gestionnaire computes (no input) is « A traiter par le
 *   gestionnaire » while the intervenant has not validated;
 * - déplacement: « Pas de frais » when no transport or lodging is refunded; « Invalidable » when the
 *   day's trips go on another mission of that day.
 */
export function statutsAffiches(e: EntreeStatuts): { remuneration: StatutAffiche; deplacement: StatutAffiche } {
  const circuit = statutCircuit(e);
  const fige = e.workflow === 'annule' || e.workflow === 'mission_non_effectuee';
  const avant = circuit === 'mission_non_effectuee';

  let remuneration: StatutAffiche = circuit;
  if (!fige && !avant) {
    if (e.correctionDematerialisee) remuneration = 'traite_gestionnaire';
    else if (e.saisieAttendue === null && e.workflow === 'non_valide') remuneration = 'a_traiter_gestionnaire';
  }

  let deplacement: StatutAffiche = circuit;
  if (e.workflow !== 'annule' && !e.deplacementOuvert) deplacement = 'pas_de_frais';
  else if (e.workflow === 'non_valide' && e.invalidable) deplacement = 'invalidable';
  return { remuneration, deplacement };
}

/** The intervenant may still edit: not validated, not cancelled, not declared non effectuée, and the mission has started. */
export function saisieModifiable(e: Pick<EntreeStatuts, 'workflow' | 'aujourdhui' | 'premierJour' | 'dernierJour'>): boolean {
  return e.workflow === 'non_valide' && momentMission(e) !== 'a_venir';
}

/** The first-access choice (« Mission non effectuée » / « Compléter ») is offered: modifiable and never completed. */
export function premierAcces(e: Pick<EntreeStatuts, 'workflow' | 'aujourdhui' | 'premierJour' | 'dernierJour'> & { saisieCommencee: boolean }): boolean {
  return saisieModifiable(e) && !e.saisieCommencee;
}

export interface EntreeSuivi extends EntreeStatuts {
  numeroOrdre: number | null;
  valideLe: string | null; // ISO
  traiteLe: string | null;
  payeLe: string | null;
  rejetMotif: string | null;
  annulationMotif: string | null;
  serviceNonFait: boolean;
  emiseParMinistere: boolean;
  commentaireRegroupement: string | null;
  montantRemunerationCentimes: number | null;
  montantDeplacementCentimes: number | null;
  retenuRemunerationCentimes: number | null;
  retenuDeplacementCentimes: number | null;
}

const dateDe = (iso: string | null) => (iso ? dateFr(iso.slice(0, 10)) : '');

/**
 * The messages of the « Suivi » tab (004 §2.4.4.1): presence or absence of frais, validation or
 * cancellation, progress of the processing, amounts (estimated, then retained by the gestionnaire).
 */
export function messagesSuivi(e: EntreeSuivi): string[] {
  const m: string[] = [];
  const s = statutsAffiches(e);
  const moment = momentMission(e);
  m.push(`Frais de rémunération : ${LIBELLE_STATUT[s.remuneration]}. Frais de déplacement : ${LIBELLE_STATUT[s.deplacement]}.`);
  if (e.workflow === 'annule') {
    m.push(
      e.serviceNonFait
        ? "L'état de frais a été annulé : le centre d'examen a constaté le service non fait pour cette mission."
        : `L'état de frais a été annulé par le gestionnaire académique${e.annulationMotif ? ` (motif : ${e.annulationMotif})` : ''} ; il ne sera pas traité.`,
    );
    return m;
  }
  if (e.workflow === 'mission_non_effectuee') {
    m.push("Vous avez indiqué ne pas avoir effectué cette mission : le gestionnaire en est informé, l'état de frais ne sera pas traité.");
    return m;
  }
  if (e.commentaireRegroupement) m.push(`Regroupement : ${e.commentaireRegroupement}`);
  if (e.saisieAttendue === null && !e.correctionDematerialisee) m.push("La rémunération de cette mission est calculée par le gestionnaire : vous n'avez rien à saisir dans l'onglet Rémunération.");
  if (e.correctionDematerialisee) m.push("Mission de correction dématérialisée : le nombre de copies et de candidats est transmis par SANTORIN, la rémunération est traitée par le gestionnaire (consultation uniquement).");
  if (e.emiseParMinistere) m.push("Convocation du ministère : les informations nécessaires au calcul de l'indemnité sont saisies par le président de jury.");
  if (!e.deplacementOuvert) m.push("Cette mission ne donne pas lieu à remboursement de frais de déplacement.");
  else if (e.invalidable) m.push('Vous avez une autre mission ce jour-là : saisissez tous les déplacements de la journée sur la première mission de la journée.');
  if (e.workflow === 'non_valide') {
    if (moment === 'a_venir') m.push(`La mission commence le ${dateDe(e.premierJour)} : l'état de frais pourra être complété à partir de cette date.`);
    else if (moment === 'en_cours') m.push("La mission est en cours : vous pouvez commencer à compléter l'état de frais, puis le valider.");
    else m.push("La mission est achevée : complétez l'état de frais puis validez-le pour qu'il soit transmis au gestionnaire.");
    if (e.rejetMotif) m.push(`Votre état de frais vous a été renvoyé par le gestionnaire : ${e.rejetMotif}`);
  } else {
    if (e.valideLe) m.push(`Vous avez validé l'état de frais le ${dateDe(e.valideLe)}${e.numeroOrdre !== null ? ` ; numéro d'ordre ${e.numeroOrdre}, à rappeler pour tout échange avec le gestionnaire` : ''}.`);
    if (e.workflow === 'valide') m.push('Votre dossier est transmis au gestionnaire académique pour traitement ; vous pouvez le dévalider tant qu’il ne l’a pas traité.');
    if (e.workflow === 'valide_gestionnaire') m.push('Le gestionnaire académique a accepté votre dossier : il sera mis en paiement.');
    if (e.workflow === 'traite_gestionnaire') m.push(`Le gestionnaire a transmis votre dossier pour paiement${e.traiteLe ? ` le ${dateDe(e.traiteLe)}` : ''}.`);
    if (e.payeLe) m.push(`Payé le ${dateDe(e.payeLe)}.`);
  }
  const montant = (nature: string, estime: number | null, retenu: number | null) => {
    if (retenu !== null) m.push(`Montant ${nature} retenu par le gestionnaire : ${euros(retenu)}.`);
    else if (estime !== null) m.push(`Montant ${nature} estimé : ${euros(estime)} (le montant retenu par le gestionnaire fait foi).`);
  };
  montant('de la rémunération', e.montantRemunerationCentimes, e.retenuRemunerationCentimes);
  if (e.deplacementOuvert) montant('du déplacement', e.montantDeplacementCentimes, e.retenuDeplacementCentimes);
  return m;
}
