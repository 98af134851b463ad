// The gestionnaire's processing of the états de frais (issue 16 §7, decision 0032), as pure rules: which
// decision each workflow state allows, the figures a correction may change, and the grouping of the
// contrôle continu missions of one session onto one état. No I/O.
import type { EtatWorkflow } from './types.ts';

export type DecisionGestion = 'valider' | 'rejeter' | 'annuler' | 'corriger' | 'regrouper';

export interface EtatDecision {
  workflow: EtatWorkflow;
  /** In a liquidation batch (liquidation_ligne): nothing changes any more. */
  enLot: boolean;
}

/**
 * Why the decision is refused in this state (French, for the 409), or null when it is allowed.
 * Valider: « Validé » → « Validé par gestionnaire ». Rejeter: back to the intervenant, from « Validé »
 * or « Validé par gestionnaire » while not in a batch. Annuler: anything not in a batch nor cancelled.
 * Corriger: while not in a batch nor cancelled nor declared « mission non effectuée ».
 */
export function refusDecision(d: DecisionGestion, e: EtatDecision): string | null {
  if (e.enLot || e.workflow === 'traite_gestionnaire') return "il est déjà dans un lot de liquidation : il n'est plus modifiable.";
  if (e.workflow === 'annule') return 'il est annulé.';
  switch (d) {
    case 'valider':
      if (e.workflow === 'valide_gestionnaire') return 'il est déjà validé par le gestionnaire.';
      if (e.workflow !== 'valide') return "l'intervenant ne l'a pas validé : seul un état « Validé » peut être validé par le gestionnaire.";
      return null;
    case 'rejeter':
      if (e.workflow !== 'valide' && e.workflow !== 'valide_gestionnaire') return "il n'est pas validé : il est déjà entre les mains de l'intervenant.";
      return null;
    case 'corriger':
      if (e.workflow === 'mission_non_effectuee') return "l'intervenant a déclaré la mission non effectuée.";
      return null;
    case 'regrouper':
      if (e.workflow === 'mission_non_effectuee') return "l'intervenant a déclaré la mission non effectuée.";
      return null;
    case 'annuler':
      return null;
  }
}

/** The figures a gestionnaire may correct. */
export type ChampCorrection = 'copies' | 'candidats' | 'heures' | 'montantRetenuRemuneration' | 'montantRetenuDeplacement';

export const LIBELLE_CHAMP_CORRECTION: Record<ChampCorrection, string> = {
  copies: 'Nombre de copies',
  candidats: 'Nombre de candidats',
  heures: "Nombre d'heures",
  montantRetenuRemuneration: 'Montant retenu de la rémunération',
  montantRetenuDeplacement: 'Montant retenu du déplacement',
};

/** « 1 268,00 € » from centimes. */
export function euros(centimes: number | null | undefined): string {
  if (centimes === null || centimes === undefined) return '';
  const s = (Math.abs(centimes) / 100).toFixed(2).replace('.', ',');
  const [e, d] = s.split(',') as [string, string];
  return `${centimes < 0 ? '-' : ''}${e.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${d} €`;
}

/** « 3 h 05 » from minutes. */
export function heuresMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** How a corrected value reads (old → new, in the history). */
export function texteValeur(champ: ChampCorrection, v: number | null): string | null {
  if (v === null) return null;
  if (champ === 'heures') return heuresMinutes(v);
  if (champ === 'montantRetenuRemuneration' || champ === 'montantRetenuDeplacement') return euros(v);
  return String(v);
}

/**
 * A mission of the contrôle continu (épreuve écrite or orale ponctuelle du contrôle continu): its
 * missions of one session may be grouped onto one état (seed 004 §2.4.4.2).
 */
export function estControleContinu(typeCode: string, typeLibelle: string): boolean {
  if (typeCode === 'ECCC') return true;
  const l = typeLibelle.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return /controle continu/.test(l);
}

export interface EtatARegrouper extends EtatDecision {
  id: number;
  personneId: number;
  sessionExamenId: number;
  typeCode: string;
  typeLibelle: string;
  missionNumero: number;
  regroupeDansId: number | null;
}

/** Why these états cannot be grouped (field → French message), empty when they can. The first is kept. */
export function verifierRegroupement(etats: EtatARegrouper[]): Record<string, string> {
  const e: Record<string, string> = {};
  if (etats.length < 2) e.etatIds = 'États à regrouper : choisissez au moins deux états de frais.';
  const [garde] = etats;
  if (!garde) return e;
  for (const x of etats) {
    if (!estControleContinu(x.typeCode, x.typeLibelle)) {
      e.etatIds = `La mission n° ${x.missionNumero} n'est pas une épreuve du contrôle continu : seules celles-ci se regroupent.`;
      break;
    }
    if (x.personneId !== garde.personneId) {
      e.etatIds = "Les états à regrouper doivent être ceux d'un même intervenant.";
      break;
    }
    if (x.sessionExamenId !== garde.sessionExamenId) {
      e.etatIds = "Les états à regrouper doivent porter sur des missions d'une même session d'examen.";
      break;
    }
    if (x.regroupeDansId !== null) {
      e.etatIds = `L'état de la mission n° ${x.missionNumero} est déjà regroupé sur un autre état.`;
      break;
    }
    const refus = refusDecision('regrouper', x);
    if (refus) {
      e.etatIds = `L'état de la mission n° ${x.missionNumero} ne peut pas être regroupé : ${refus}`;
      break;
    }
  }
  return e;
}
