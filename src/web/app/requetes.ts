// The main read of each list page, named once: the page reads it, and at start-up the page being
// opened has it asked for at the same time as the session (no waterfall on the first page).
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { api } from './api.ts';

export interface Lecture {
  cle: QueryKey;
  url: string;
}

export const LECTURES = {
  journal: { cle: ['audit', 5000], url: '/api/audit?limite=5000' },
  boiteEnvoi: { cle: ['boite-envoi'], url: '/api/admin/boite-envoi' },
  messagesAccueil: { cle: ['admin', 'message-accueil'], url: '/api/admin/message-accueil' },
  activites: { cle: ['gestion', 'activites'], url: '/api/gestion/activites' },
  comptes: { cle: ['gestion', 'comptes', ''], url: '/api/gestion/comptes?q=' },
  traitements: { cle: ['traitements'], url: '/api/traitements' },
  validationCompetences: { cle: ['gestion', 'validation-competences'], url: '/api/gestion/validation-competences' },
  missionsGestion: { cle: ['gestion', 'missions', 'liste', ''], url: '/api/gestion/missions' },
  qualites: { cle: ['gestion', 'qualites'], url: '/api/gestion/qualites' },
  intervenants: { cle: ['gestion', 'intervenants', 'liste', ''], url: '/api/gestion/intervenants?q=' },
  cycladesEtatComptes: { cle: ['cyclades', 'comptes', 'etat'], url: '/api/cyclades/etablissement/comptes/etat' },
  cycladesGenerations: { cle: ['cyclades', 'comptes', 'generations'], url: '/api/cyclades/etablissement/comptes/generations' },
  cycladesEleves: { cle: ['cyclades', 'eleves', ''], url: '/api/cyclades/etablissement/eleves' },
  gestionCandidats: { cle: ['gestion', 'gestion-candidats'], url: '/api/gestion/gestion-candidats' },
  dossierCandidat: { cle: ['candidat', 'candidatures'], url: '/api/candidat/candidatures' },
  resultatsCandidat: { cle: ['candidat', 'resultats'], url: '/api/candidat/resultats' },
  deliberationJurys: { cle: ['cyclades', 'deliberation', 'jurys'], url: '/api/cyclades/deliberation/jurys' },
  deliberationEtapes: { cle: ['cyclades', 'deliberation', 'ou-en-sommes-nous'], url: '/api/cyclades/deliberation/ou-en-sommes-nous' },
} as const satisfies Record<string, Lecture>;

export function lecture<T>(l: Lecture) {
  return queryOptions({ queryKey: l.cle, queryFn: () => api.get<T>(l.url) });
}
