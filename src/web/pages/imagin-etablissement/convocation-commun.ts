// The shapes of the API's answers for « Convocation par mission » (src/server/imagin-centre/convocation-mission.*).

export const BASE_CONVOCATION = '/api/centre/convocation';

export interface Creneau {
  jour: string;
  heureDebut: string;
  heureFin: string;
}

export interface MissionProposee {
  id: number;
  numero: number;
  session: string;
  examen: string;
  sigle: string;
  specialite: string | null;
  epreuveOption: string | null;
  typeMission: string;
  typeCode: string;
  debut: string | null;
  nbIntervenants: number | null;
  signature: string;
  annee: number;
}

export interface FiltresMissions {
  annees: number[];
  anneesParDefaut: number[];
  examens: Array<{ code: string; libelle: string }>;
}

export interface CommissionMission {
  id: number;
  code: string;
  nbCandidats: number;
  dates: Creneau[];
  joursSelectionnables: Creneau[];
}

export interface DetailMission {
  mission: MissionProposee;
  regles: {
    correctionDematerialisee: boolean;
    sansQualite: boolean;
    qualiteParDefaut: string | null;
    datesLimitees: boolean;
    dateLimitee: string | null;
    coec: boolean;
  };
  refusEC: string | null;
  avertissementHLP: string | null;
  qualites: Array<{ id: number; libelle: string }>;
  commissions: CommissionMission[];
  jurys: Array<{ id: number; code: string; libelle: string }>;
  salles: Array<{ id: number; code: string; libelle: string; nbCandidats: number }>;
  datesMission: Creneau[];
  joursSelectionnables: Creneau[];
  datesReportees: Creneau[];
  observation: string;
}

export interface ConvocationMission {
  id: number;
  personneId: number;
  nom: string;
  prenom: string;
  etablissement: string | null;
  disciplinePoste: string | null;
  affectation: string;
  qualite: string | null;
  duCentre: boolean;
  editeeLe: string | null;
  envoyeeLe: string | null;
}

export interface ConvocationLue {
  id: number;
  missionId: number;
  personne: { id: number; nom: string; prenom: string };
  qualiteId: number | null;
  commissionId: number | null;
  juryId: number | null;
  salleId: number | null;
  codeSalle: string;
  observation: string;
  dates: Creneau[];
}

export interface IntervenantPropose {
  id: number;
  nom: string;
  prenom: string;
  disciplinePoste: string | null;
  etablissement?: string | null;
  principal?: boolean;
  dejaConvoque: boolean;
}

export interface ResultatConvocation {
  message: string;
  avertissementHLP: string | null;
  reportSurMission: boolean;
}

export const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;
