// The shapes the Jury portal receives (GET /api/jury/jurys and /api/jury/jurys/:id, issue 8 §5) and
// the small pieces its pages share.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const BASE_JURY = '/api/jury';

export interface Libelle {
  code: string;
  libelle: string;
}

export interface JuryPortail {
  id: number;
  numero: string;
  academie: Libelle;
  session: Libelle;
  specialite: Libelle;
  centre: { uai: string; libelle: string };
  etat: number;
  libelleEtat: string;
  version: number;
  qualite: string;
  nbCandidats: number;
  nbSansResultat: number;
  deliberable: boolean;
}

export interface NoteAffichee {
  statut: string;
  valeur: number | null;
  texte: string;
}

export interface NoteCandidat {
  epreuveOptionId: number;
  groupe: 1 | 2;
  code: string;
  libelle: string;
  coefficient: string;
  domaine: string | null;
  oral?: 'scientifique' | 'francais_hg';
  /** Contrôle: the label of the first-group épreuve this grade replaces. */
  remplace?: string;
  note: NoteAffichee | null;
  modifiable: boolean;
}

export interface ResultatPortail {
  decision: string;
  libelleDecision: string;
  moyenne: string | null;
  mention: string | null;
  explication: string[];
}

export interface ModificationNote {
  epreuve: string;
  ancienne: string;
  nouvelle: string;
  motif: string;
  par: string;
  le: string;
}

export interface CandidatPortail {
  candidatureId: number;
  numeroCandidat: string;
  civilite: string;
  nom: string;
  prenom: string;
  notes: NoteCandidat[];
  resultat: ResultatPortail;
  modifications: ModificationNote[];
}

export interface ReponseJurys {
  academies: Libelle[];
  jurys: JuryPortail[];
}

export interface ReponseJury {
  jury: JuryPortail;
  candidats: CandidatPortail[];
}

export const CLE_JURYS = ['portail-jury', 'jurys'] as const;
export const cleJury = (id: string | number) => ['portail-jury', 'jury', String(id)] as const;

export function useJurysPortail() {
  return useQuery({ queryKey: CLE_JURYS, queryFn: () => api.get<ReponseJurys>(`${BASE_JURY}/jurys`) });
}

/** « Jury 25590 — BOULANGER (académie de Rennes) ». */
export const nomCandidat = (c: Pick<CandidatPortail, 'nom' | 'prenom'>) => `${c.nom} ${c.prenom}`;

/** The key of one grade of one candidate. */
export const cleNote = (c: Pick<CandidatPortail, 'candidatureId'>, n: Pick<NoteCandidat, 'groupe' | 'epreuveOptionId'>) => `${c.candidatureId}:${n.groupe}:${n.epreuveOptionId}`;

/** The colour of a decision's badge: admitted in green, refused in red, otherwise blue. */
export function couleurDecision(libelle: string): string {
  const l = libelle.toLowerCase();
  if (/non admis|ajourn|refus|élimin|elimin/.test(l)) return 'fr-badge--error';
  if (/admis/.test(l)) return 'fr-badge--success';
  if (/incomplet|manqu|attente/.test(l)) return 'fr-badge--warning';
  return 'fr-badge--info';
}
