// Reference lists of IMAG'IN for the demo (shared/reference/codes.md, seeds 003 and 004): types de
// mission, qualités, the correspondence matières ↔ épreuves-options, motifs of indisponibilité.
import type { ModeRemuneration } from '../platform/db/tables.ts';

export interface TypeMissionDemo {
  code: string;
  libelle: string;
  mode_remuneration: ModeRemuneration;
  ouverte_sans_ciblage?: boolean;
  correction_dematerialisee?: boolean;
  sans_qualite?: boolean;
}

// Codes are the demo's; libellés as the seeds print them. Remuneration per codes.md.
export const TYPES_MISSION: readonly TypeMissionDemo[] = [
  { code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' },
  { code: 'CORPLA', libelle: 'CORRECTION SUR PLACE', mode_remuneration: 'copies' },
  { code: 'INTORA', libelle: 'INTERROGATION ORALE', mode_remuneration: 'candidats' },
  { code: 'ORAL2', libelle: 'Oral 2nd groupe', mode_remuneration: 'candidats' },
  { code: 'JURY', libelle: 'JURY DE DELIBERATION', mode_remuneration: 'gestionnaire' },
  { code: 'CEC', libelle: 'Correction EC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
  { code: 'COEC', libelle: 'COEC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
  { code: 'PRECE', libelle: 'PRECE', mode_remuneration: 'demi_journees', ouverte_sans_ciblage: true },
  { code: 'NUMCOP', libelle: 'NUMERISATION DES COPIES', mode_remuneration: 'gestionnaire', ouverte_sans_ciblage: true, sans_qualite: true },
  { code: 'SURV', libelle: 'SURVEILLANCE', mode_remuneration: 'heures' },
  { code: 'LECDOS', libelle: 'LECTURE DE DOSSIER', mode_remuneration: 'copies' },
  { code: 'AIDEXT', libelle: 'AIDE EXTER. AU DEROULEMENT DES EPREUVES', mode_remuneration: 'heures' },
  { code: 'COMSUJ', libelle: 'COMMISSION DE CHOIX DE SUJETS', mode_remuneration: 'gestionnaire' },
  { code: 'ECCC', libelle: 'Epreuve commune de contrôle continu', mode_remuneration: 'santorin', ouverte_sans_ciblage: true },
  { code: 'VAE', libelle: 'ENTRETIEN DOSSIER DE VAE', mode_remuneration: 'candidats' },
  { code: 'REUORG', libelle: 'reun. org', mode_remuneration: 'gestionnaire' },
  { code: 'CCONF', libelle: 'CCONF', mode_remuneration: 'gestionnaire' },
  { code: 'COMPO', libelle: 'COMPO', mode_remuneration: 'gestionnaire' },
  { code: 'EPSACA', libelle: 'Commission académique EPS', mode_remuneration: 'gestionnaire' },
  { code: 'EPSCCF', libelle: 'Notation EPS CCF', mode_remuneration: 'demi_journees' },
  { code: 'HARMO', libelle: 'harmonisation', mode_remuneration: 'heures' },
  { code: 'RECRUT', libelle: 'entretien recrutement sans concours', mode_remuneration: 'heures_minutes' },
  { code: 'MEMOIRE', libelle: 'lecture de mémoire', mode_remuneration: 'heures_minutes' },
  { code: 'PRATIQUE', libelle: 'épreuve pratique', mode_remuneration: 'demi_journees' },
  { code: 'SPORT', libelle: 'épreuve sportive', mode_remuneration: 'demi_journees' },
];

export interface QualiteDemo {
  libelle: string;
  santorin?: boolean;
  deliberation?: boolean;
}

/** Each académie's list of qualités (the gestionnaire keeps it up to date; 003 §4.2.3). */
export const QUALITES: readonly QualiteDemo[] = [
  { libelle: 'Président de jury', deliberation: true },
  { libelle: 'Vice-président', deliberation: true },
  { libelle: 'Responsable de délibération', deliberation: true },
  { libelle: 'Correcteur', santorin: true },
  { libelle: 'Correcteur suppléant (SANTORIN)', santorin: true },
  { libelle: 'Référent correcteur', santorin: true },
  { libelle: 'Correcteur Santorin', santorin: true },
  { libelle: 'Interrogateur' },
  { libelle: "CONSEILLER D'ENSEIGNEMENT TECHN." },
];

/**
 * Matières enseignées (STS-WEB, as donnees.ts names them) ↔ épreuves-options, by
 * "<examen>/<spécialité>/<épreuve>": the table the SYS(C) compétences are generated from.
 */
export const CORRESPONDANCES: Readonly<Record<string, readonly string[]>> = {
  MATHEMATIQUES: ['470/BCG/C010', '47A/BCG/C010', '100/GEN/MATH', '100/PRO/MATH', '400/31202/E12', '400/25510/E11', '500/TOUTES/EG2'],
  'MATHEMATIQUES EXPERTES': ['470/BCG/C010'],
  FRANCAIS: ['47A/BCG/1-T001-1', '47A/BCG/1-T002-1', '100/GEN/FRAN', '400/31202/E51', '500/TOUTES/EG1'],
  'HISTOIRE-GEOGRAPHIE': ['47A/BCG/C001A', '100/GEN/HGEO'],
  'HIST.GEO.GEOPOLITIQUE & SC.POLITIQUES': ['470/BCG/C008'],
  'ENSEIGNEMENT MORAL ET CIVIQUE': ['100/GEN/EMC'],
  'ANGLAIS LV1': ['47A/BCG/C002B', '320/31209/E2', '400/31202/E41'],
  'ANGLAIS LV2': ['47A/BCG/C0038'],
  'ESPAGNOL LV1': ['47A/BCG/C002B'],
  'ESPAGNOL LV2': ['47A/BCG/C0038', '400/31202/E42'],
  'ALLEMAND LV1': ['47A/BCG/C002B'],
  'ALLEMAND LV2': ['47A/BCG/C0038'],
  'PHYSIQUE-CHIMIE': ['470/BCG/C012', '47A/BCG/C012', '100/GEN/SCIE', '400/25510/E12'],
  'SCIENCES VIE & TERRE': ['470/BCG/C013', '100/GEN/SCIE'],
  'ENSEIGNEMENT SCIENTIFIQUE': ['47A/BCG/C004'],
  PHILOSOPHIE: ['470/BCG/1-T003-1'],
  'HUMANITES, LITTERATURE & PHILOSOPHIE': ['470/BCG/C009', '47A/BCG/C009'],
  'SCIENCES ECONOMIQUES ET SOCIALES': ['470/BCG/1-T004-1'],
  MANAGEMENT: ['430/STMG/T-MSGN'],
  'SC.GESTION & NUMERIQUE': ['430/STMG/T-MSGN'],
  'DROIT ET ECONOMIE': ['430/STMG/T-DE'],
  "SCIENCES DE L'INGENIEUR": ['470/BCG/C014'],
  'INGENIERIE, INNOVATION & DEVELOP. DURABLE': ['430/STI2D/T-2I2D'],
  'BIOCHIMIE-BIOLOGIE-BIOTECHNOLOGIES': ['430/STL/T-BBB'],
  'SCIENCES & TECHNIQUES SANITAIRES & SOCIALES': ['430/ST2S/T-STSS'],
  'ECONOMIE-DROIT': ['400/31202/E11'],
  'ECONOMIE-GESTION': ['400/25510/E34'],
  'HISTOIRE-GEOGRAPHIE-EMC': ['400/31202/E52'],
  'PREVENTION-SANTE-ENVIRONNEMENT': ['400/31202/E35'],
  'EDUCATION PHYSIQUE ET SPORTIVE': ['400/31202/E7'],
  'CULTURE GENERALE ET EXPRESSION': ['320/31209/E1'],
  'CULTURE ECONOMIQUE, JURIDIQUE ET MANAGERIALE': ['320/31209/E3'],
  'MANAGEMENT DES ENTREPRISES': ['320/31209/E4'],
};

export const MOTIFS_EPP: readonly string[] = ['CONGE DE MALADIE', 'CONGE DE MATERNITE', 'STAGE DE FORMATION CONTINUE', "AUTORISATION D'ABSENCE"];
export const MOTIFS_SIRHEN: readonly string[] = ['CONGE DE FORMATION PROFESSIONNELLE', 'CONGE PARENTAL', 'TEMPS PARTIEL THERAPEUTIQUE'];
export const MOTIFS_ETABLISSEMENT: readonly string[] = ['SORTIE PEDAGOGIQUE', 'SECRETARIAT EXAMEN DNB', 'VOYAGE SCOLAIRE', 'CONSEILS DE CLASSE'];

export const OBSERVATIONS: readonly string[] = [
  "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.",
  "Munissez-vous de votre convocation et d'une pièce d'identité.",
  'Les copies sont à retirer au centre le premier jour de la mission, à partir de 8 h.',
  'Réunion d’entente et d’harmonisation à 8 h 30 en salle des professeurs.',
];

/** "Code gestionnaire" of the demo's gestionnaires, as the compétence authors print it. */
export const CODE_GESTIONNAIRE: Readonly<Record<string, string>> = { '14': 'DEC.RENNES', '16': 'DEC.TOULOUSE' };

/** Académies where the demo generates missions. */
export const ACADEMIES_MISSIONS: readonly string[] = ['14', '16'];
