// États de frais (issue 16, seed 004 §2.4): the shapes every part shares — what the intervenant enters,
// what the server returns for one état, the statuses. Pure types; the rules are in the sibling files:
//   statuts.ts       the two statuses users read (rémunération, déplacement) and their explanation
//   remuneration.ts  which input a mission asks for, and the estimated pay (dated rates)
//   deplacement.ts   the déplacement lines: checks, amounts (dated rates), first mission of the day
//   pieces.ts        the receipts required, and the checks of an uploaded file
import type { ModeRemuneration } from '../constat.ts';

export type { ModeRemuneration };

/** The stored workflow state (etat_frais.statut, migration 022). */
export type EtatWorkflow = 'non_valide' | 'mission_non_effectuee' | 'valide' | 'valide_gestionnaire' | 'traite_gestionnaire' | 'annule';

/** The statuses the seed lists (004 §2.4.2), as shown for each nature. */
export type StatutAffiche =
  | 'pas_de_frais'
  | 'annule'
  | 'mission_non_effectuee'
  | 'mission_en_cours'
  | 'non_valide'
  | 'valide'
  | 'valide_gestionnaire'
  | 'invalidable'
  | 'traite_gestionnaire'
  | 'a_traiter_gestionnaire';

export const LIBELLE_STATUT: Record<StatutAffiche, string> = {
  pas_de_frais: 'Pas de frais',
  annule: 'Annulé',
  mission_non_effectuee: 'Mission non effectuée',
  mission_en_cours: 'Mission en cours',
  non_valide: 'Non validé',
  valide: 'Validé',
  valide_gestionnaire: 'Validé par gestionnaire',
  invalidable: 'Invalidable',
  traite_gestionnaire: 'Traité par le gestionnaire',
  a_traiter_gestionnaire: 'A traiter par le gestionnaire',
};

/** The seed's explanation of each status (004 §2.4.2). */
export const EXPLICATION_STATUT: Record<StatutAffiche, string> = {
  pas_de_frais: "La mission n'ouvre pas droit à rémunération et il n'y a pas de déplacement à rembourser.",
  annule: "L'état de frais a été annulé par le gestionnaire académique, il n'est pas accessible.",
  mission_non_effectuee: "La mission est à venir, l'état de frais n'est pas encore accessible en saisie.",
  mission_en_cours: "La mission est en cours de déroulement, l'état de frais peut commencer à être complété.",
  non_valide: "La mission est achevée, l'état de frais est en attente de validation de votre part.",
  valide: 'Les informations nécessaires à la liquidation de l’état de frais sont saisies et validées. Votre dossier est transmis au gestionnaire académique pour traitement.',
  valide_gestionnaire: "Les informations nécessaires à la liquidation de l'état de frais sont saisies, votre dossier est accepté par le gestionnaire académique.",
  invalidable: 'La mission donne lieu à remboursement de frais de déplacement mais les informations sont à compléter sur la première mission de la journée.',
  traite_gestionnaire: "Vous n'avez rien à saisir, l'état de frais est pris en charge par le gestionnaire.",
  a_traiter_gestionnaire: 'Le frais de rémunération doit être traité par le gestionnaire (exemple : mission de travaux administratifs).',
};

/** A half-day worked (épreuve pratique / sportive, oral ponctuel du contrôle continu). Times 'HH:MM'. */
export interface DemiJournee {
  jour: string; // AAAA-MM-JJ
  debut: string;
  fin: string;
}

/** What the intervenant enters on the Rémunération tab, by the input the mission asks for. */
export type SaisieRemuneration =
  | { type: 'copies'; copies: number | null }
  | { type: 'candidats'; candidats: number | null }
  | { type: 'demi_journees'; demiJournees: DemiJournee[] }
  | { type: 'heures_minutes'; heures: number | null; minutes: number | null };

/** The input a mission's Rémunération tab asks for; null: no tab (no pay, or computed by the gestionnaire). */
export type SaisieAttendue = SaisieRemuneration['type'] | 'santorin' | null;

export type ModeTransport =
  | 'AUTOMOBILE'
  | 'TRAIN_2EME_CLASSE'
  | 'TRANSPORT_EN_COMMUN'
  | 'BON_DE_TRANSPORT'
  | 'AVION'
  | 'BATEAU'
  | 'MOTO'
  | 'CYCLOMOTEUR'
  | 'COVOITURAGE_PASSAGER'
  | 'AUCUN';

export const LIBELLE_MODE_TRANSPORT: Record<ModeTransport, string> = {
  AUTOMOBILE: 'AUTOMOBILE',
  TRAIN_2EME_CLASSE: 'TRAIN 2EME CLASSE',
  TRANSPORT_EN_COMMUN: 'TRANSPORT EN COMMUN',
  BON_DE_TRANSPORT: 'BON DE TRANSPORT TRAIN, AVION, BATEAU',
  AVION: 'AVION',
  BATEAU: 'BATEAU',
  MOTO: 'MOTOCYCLETTE (plus de 125 cm³)',
  CYCLOMOTEUR: 'VÉLOMOTEUR ET AUTRES VÉHICULES À MOTEUR',
  COVOITURAGE_PASSAGER: 'COVOITURAGE (PASSAGER)',
  AUCUN: 'AUCUN (SUR PLACE)',
};

/** One déplacement line (frais_deplacement_ligne), as entered in the dialog. Dates-times 'AAAA-MM-JJTHH:MM' (Paris). */
export interface LigneDeplacement {
  villeDepart: string;
  villeArrivee: string;
  depart: string;
  retour: string;
  mode: ModeTransport;
  /** AUTOMOBILE: puissance fiscale (CV). */
  puissanceFiscale: number | null;
  /** AUTOMOBILE, MOTO, CYCLOMOTEUR: km of one trip. */
  km: number | null;
  /** Daily return trips over a multi-day mission: one line, this many trips. */
  trajets: number;
  nuitees: number;
  repas: number;
  /** Tolls and parking: AUTOMOBILE and BON_DE_TRANSPORT only, and then a comment is required. */
  fraisDiversCentimes: number;
  /** Price of the tickets (train, bus, plane, boat), refunded on receipts. */
  billetsCentimes: number;
  commentaire: string;
}

export type GroupePiece = 'paie' | 'deplacement';

export interface PieceVue {
  id: string;
  groupe: GroupePiece;
  nom: string;
  typeMime: string;
  taille: number;
  deposeLe: string; // ISO
  deposeParGestionnaire: boolean;
  /** The intervenant may remove it (not validated, not deposited by the gestionnaire). */
  supprimable: boolean;
}

/** A receipt the récapitulatif asks for (004 §2.4.4.4). */
export interface PieceRequise {
  groupe: GroupePiece;
  code: 'rib' | 'carte_vitale' | 'facture_nuitee' | 'billet_transport';
  libelle: string;
}

/** One état de frais as the intervenant (and the gestionnaire) read it (issue 16, contract; built by intervenant.service.ts vueEtat). */
export interface EtatFraisVue {
  id: number;
  version: number;
  academieCode: string;
  numeroOrdre: number | null;
  workflow: EtatWorkflow;
  statuts: { remuneration: StatutAffiche; deplacement: StatutAffiche };
  suivi: string[];
  mission: {
    numero: number;
    examen: string;
    typeCode: string;
    type: string;
    lieu: string | null;
    centre: string | null;
    specialite: string | null;
    epreuveOption: string | null;
    dates: Array<{ jour: string; debut: string; fin: string }>;
    debut: string | null;
    fin: string | null;
    /** « 2 jour(s) », « 3 h 30 »: the duration as the header prints it. */
    duree: string;
    emiseParMinistere: boolean;
    correctionDematerialisee: boolean;
  };
  saisieAttendue: SaisieAttendue;
  /** The Rémunération tab is read-only (SANTORIN count, correction dématérialisée, ministry convocation). */
  remunerationLectureSeule: boolean;
  remuneration: SaisieRemuneration | null;
  /** The centre's constat figure (copies, candidates, or hours in hundredths) beside the intervenant's. */
  constat: { chiffre: number | null; libelle: string; serviceFait: 'fait' | 'non_fait' | null } | null;
  ecartConstat: boolean;
  deplacementOuvert: boolean;
  invalidable: boolean;
  lignes: LigneDeplacement[];
  lignePreremplie: LigneDeplacement | null;
  montants: { remunerationCentimes: number | null; deplacementCentimes: number | null; retenuRemunerationCentimes: number | null; retenuDeplacementCentimes: number | null };
  pieces: PieceVue[];
  piecesRequises: PieceRequise[];
  piecesDematerialisees: boolean;
  piecesParCourrier: boolean;
  saisieCommencee: boolean;
  /** The first-access choice (« Mission non effectuée » / « Compléter ») is offered. */
  premierAcces: boolean;
  modifiable: boolean;
  devalidable: boolean;
  rejetMotif: string | null;
  commentaireRegroupement: string | null;
  personne: { nom: string; prenom: string };
}
