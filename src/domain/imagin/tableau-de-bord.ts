// What the « Tableau de bord » (issue 17, decision 0037) sends to the page: one session of the académie
// and its four panels as rows. Shared by the server that computes them and the page that draws them.
import type { EtatJury } from '../cyclades/jury.ts';
import type { StatutAffiche } from './frais/types.ts';

export interface SessionTdb {
  id: number;
  examen_code: string;
  code: string;
  libelle: string;
  annee: number;
}

export interface LigneConvocationsTdb {
  missionId: number;
  numero: number;
  mission: string;
  centre: string | null;
  besoin: number | null;
  affectees: number;
  convoquees: number;
  /** Convocations still missing against the need (0 when the need is met or unknown). */
  manquantes: number;
}

export interface LigneCsfTdb {
  centre: string;
  convoquees: number;
  constatees: number;
  serviceFait: number;
  serviceNonFait: number;
  /** Recorded / convoquées, in whole percent. */
  pourcentage: number;
}

export interface LigneFraisTdb {
  statut: StatutAffiche;
  libelle: string;
  nombre: number;
  remunerationCentimes: number;
  deplacementCentimes: number;
  totalCentimes: number;
}

export interface LigneJurysTdb {
  centre: string;
  /** Number of jurys in each état, in the order of ETATS_JURY. */
  parEtat: Record<string, number>;
  total: number;
}

export interface TableauDeBord {
  session: SessionTdb;
  genereLe: string;
  convocations: LigneConvocationsTdb[];
  csf: LigneCsfTdb[];
  frais: LigneFraisTdb[];
  etatsJury: { etat: EtatJury; libelle: string }[];
  jurys: LigneJurysTdb[];
}
