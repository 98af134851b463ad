// What the pages of the CYCLADES établissement service share (issue 6, seed 002): the shapes of the
// API's answers, the prerequisite (an établissement without « service de gestion des candidats en
// établissement » reads why and nothing else), and « Liste des documents générés »: the papillons of
// every generation or regeneration, downloadable at any time, a replaced run marked as such.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import type { Regroupement } from '../../../domain/cyclades/comptes.ts';
import { taille } from '../commun/traitements.tsx';

export const BASE_CYCLADES = '/api/cyclades/etablissement';


export interface EtatComptes {
  serviceGestionCandidats: boolean;
  messageIndisponible: string | null;
  sessions: Array<{ id: number; libelle: string }>;
  nbCandidatures: number;
  nbEligibles: number;
  nbAvecCompte: number;
  nbSansCompte: number;
  /** Eligible pupils with a "prenom.nom" account: those « Forcer » regenerates. */
  nbRegenerables: number;
  nbNonEligibles: number;
  message: string;
  dejaGenere: boolean;
}

export interface DocumentGenere {
  id: string;
  nom: string;
  libelle: string;
  taille: number;
  type: string;
}

type StatutTraitement = 'en_attente' | 'en_cours' | 'termine' | 'erreur';

export interface Generation {
  id: number;
  type: 'generation' | 'regeneration';
  titre: string;
  creeLe: string;
  creePar: string | null;
  regroupement: Regroupement | null;
  forcer: boolean;
  nbComptesCrees: number;
  nbMotsDePasseRegeneres: number;
  traitementId: string;
  statut: StatutTraitement;
  documents: DocumentGenere[];
  remplacee: boolean;
}

export interface Eleve {
  candidatId: number;
  candidatureId: number;
  numeroCandidat: string | null;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  division: string | null;
  serieLibelle: string | null;
  qualification: string | null;
  etat: string;
  email: string | null;
  login: string | null;
  typeLogin: 'prenom_nom' | 'email' | null;
  session: string;
}

export interface ListeEleves {
  lignes: Eleve[];
  divisions: string[];
  series: string[];
  qualifications: string[];
}

export const pluriel = (n: number, mot: string, pluriel = `${mot}s`) => `${n} ${n > 1 ? pluriel : mot}`;

/** The établissement's state; every other route of the service answers 409 without the prerequisite. */
export function useEtatComptes() {
  return useQuery(lecture<EtatComptes>(LECTURES.cycladesEtatComptes));
}

/**
 * The prerequisite (seed 002 §1.1): without « service de gestion des candidats en établissement », the
 * activity says why and offers nothing else; otherwise the children, given the state.
 */
export function AvecServiceGestion({ children }: { children: (etat: EtatComptes) => ReactNode }) {
  const q = useEtatComptes();
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
      </div>
    );
  if (!q.data.serviceGestionCandidats)
    return (
      <div className="fr-alert fr-alert--warning" id="service-indisponible">
        <h2 className="fr-alert__title">Service de gestion des candidats indisponible</h2>
        <p>{q.data.messageIndisponible}</p>
      </div>
    );
  return <>{children(q.data)}</>;
}

/** What a list says of its read: loading, the error, « Réessayer ». */
export function etatLecture(q: { isPending: boolean; error: unknown; refetch: () => Promise<unknown> }) {
  return { chargement: q.isPending, erreur: q.error, surReessayer: () => void q.refetch() };
}

const enCours = (g: Generation) => g.statut === 'en_attente' || g.statut === 'en_cours';

/** The runs, followed every few seconds while one of them is still running. */
export function useGenerations() {
  return useQuery({
    ...lecture<{ lignes: Generation[] }>(LECTURES.cycladesGenerations),
    refetchInterval: (query) => (query.state.data?.lignes.some(enCours) ? 2000 : false),
    refetchIntervalInBackground: false,
  });
}

export interface Lancement {
  traitementId: string;
  generationId: number;
  message: string;
}

const LIBELLE_STATUT: Record<StatutTraitement, string> = {
  en_attente: 'en attente',
  en_cours: 'en cours',
  termine: 'terminé',
  erreur: 'en erreur',
};

/**
 * What follows a « Générer »: the server's message, the treatment's state (followed until it ends, then
 * the counts, the pupils and the documents are read again) and the link to its compte rendu.
 */
export function SuiviLancement({ lancement, libelleLien = 'Afficher le compte rendu' }: { lancement: Lancement; libelleLien?: string }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['traitements', lancement.traitementId],
    queryFn: () => api.get<{ statut: StatutTraitement }>(`/api/traitements/${encodeURIComponent(lancement.traitementId)}`),
    refetchInterval: (query) => {
      const s = query.state.data?.statut;
      return s === 'termine' || s === 'erreur' ? false : 1500;
    },
  });
  const statut = q.data?.statut;
  const fini = statut === 'termine' || statut === 'erreur';
  useEffect(() => {
    if (fini) void client.invalidateQueries({ queryKey: ['cyclades'] });
  }, [fini, client]);
  const generations = useGenerations();
  const documents = fini ? (generations.data?.lignes.find((g) => g.id === lancement.generationId)?.documents ?? []) : [];
  const dl = useTelechargementDocument();
  return (
    <div className={`fr-alert fr-alert--sm fr-mt-2w ${statut === 'erreur' ? 'fr-alert--error' : statut === 'termine' ? 'fr-alert--success' : 'fr-alert--info'}`} id="suivi-traitement">
      <p role="status">
        {lancement.message} {statut && `Traitement ${LIBELLE_STATUT[statut]}.`}
      </p>
      <p className="fr-mt-1w">
        <LienCompteRendu traitementId={lancement.traitementId}>{libelleLien}</LienCompteRendu>
      </p>
      {documents.length > 0 && (
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-1w">
          {documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line" onClick={() => void dl.executer(d)} disabled={dl.enCours}>
                {d.libelle} ({d.type}, {taille(d.taille)})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** GET /api/documents/:id, saved under the server's file name. */
function useTelechargementDocument() {
  return useAction((d: DocumentGenere) => telecharger(`/api/documents/${encodeURIComponent(d.id)}`, d.nom), { succes: (nom) => `Document téléchargé : ${nom}.` });
}

/** The link to a treatment's compte rendu (« Comptes rendus des traitements » of this service). */
export function LienCompteRendu({ traitementId, children }: { traitementId: string; children: ReactNode }) {
  const a = useActivite();
  return <Link to={`/${a.service}/traitements/${encodeURIComponent(traitementId)}`}>{children}</Link>;
}

interface LigneDocument {
  generation: Generation;
  document: DocumentGenere;
}

const libelleEdition = (g: Generation) => (g.type === 'regeneration' ? `Régénération — ${g.titre}` : g.titre);

const TRI_DOCUMENTS: Tri = { colonne: 'creeLe', sens: 'desc' };

/** « Liste des documents générés » (seed 002 §1 « Accéder aux comptes », §2 « Accéder aux codes déjà générés »). */
export function DocumentsGeneres({ type, titre = 'Liste des documents générés' }: { type?: Generation['type']; titre?: string }) {
  const q = useGenerations();
  const dl = useTelechargementDocument();
  const generations = q.data?.lignes.filter((g) => !type || g.type === type);
  const lignes = generations?.flatMap((g) => g.documents.map((document) => ({ generation: g, document })));
  const enCoursOuErreur = generations?.filter((g) => enCours(g) || g.statut === 'erreur') ?? [];

  const colonnes: Colonne<LigneDocument>[] = [
    {
      id: 'document',
      libelle: 'Document',
      valeur: (l) => l.document.libelle,
      poids: 2.5,
      rendu: (l) => (
        <span className="documents-generes__document">
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-only fr-icon-download-line"
            title={`Télécharger ${l.document.nom}`}
            onClick={() => void dl.executer(l.document)}
            disabled={dl.enCours}
          >
            <span className="fr-sr-only">Télécharger {l.document.nom}</span>
          </button>
          {l.document.libelle}
        </span>
      ),
    },
    { id: 'taille', libelle: 'Taille', valeur: (l) => l.document.taille, texte: (l) => taille(l.document.taille), alignement: 'droite' },
    { id: 'type', libelle: 'Type', valeur: (l) => l.document.type },
    { id: 'creeLe', libelle: 'Édité le', valeur: (l) => l.generation.creeLe, type: 'dateHeure' },
    {
      id: 'edition',
      libelle: 'Édition',
      valeur: (l) => libelleEdition(l.generation),
      poids: 2.5,
      rendu: (l) => <span className="documents-generes__edition">{libelleEdition(l.generation)}</span>,
    },
    {
      id: 'validite',
      libelle: 'Validité',
      valeur: (l) => (l.generation.remplacee ? 'Remplacée' : 'En vigueur'),
      rendu: (l) =>
        l.generation.remplacee ? (
          <span className="fr-badge fr-badge--sm fr-badge--warning" title="Les mots de passe de ces papillons ont tous été régénérés depuis : ils ne permettent plus de se connecter.">
            Remplacée
          </span>
        ) : (
          <span className="fr-badge fr-badge--sm fr-badge--success">En vigueur</span>
        ),
    },
    {
      id: 'compteRendu',
      libelle: 'Compte rendu',
      valeur: () => '',
      triable: false,
      exportable: false,
      rendu: (l) => (
        <LienCompteRendu traitementId={l.generation.traitementId}>
          Afficher<span className="fr-sr-only"> le compte rendu de l’édition du {formaterDateHeure(l.generation.creeLe)}</span>
        </LienCompteRendu>
      ),
    },
  ];

  return (
    <>
      {enCoursOuErreur.map((g) => (
        <div key={g.id} className={`fr-alert fr-alert--sm fr-mb-2w ${g.statut === 'erreur' ? 'fr-alert--error' : 'fr-alert--info'}`}>
          <p>
            {g.statut === 'erreur'
              ? `Le traitement « ${g.titre} » lancé le ${formaterDateHeure(g.creeLe)} a échoué : consultez son compte rendu. `
              : `Le traitement « ${g.titre} » lancé le ${formaterDateHeure(g.creeLe)} est en cours : ses papillons apparaîtront dans cette liste à la fin. `}
            <LienCompteRendu traitementId={g.traitementId}>Afficher le compte rendu</LienCompteRendu>
          </p>
        </div>
      ))}
      <Liste
        id={`documents-${type ?? 'tous'}`}
        titre={titre}
        lignes={lignes}
        colonnes={colonnes}
        cle={(l) => `${l.generation.id}-${l.document.id}`}
        triParDefaut={TRI_DOCUMENTS}
        {...etatLecture(q)}
        messageVide="Aucun papillon de connexion n’a encore été édité."
        exports={false}
        hauteurMax="24rem"
      />
      <p className="fr-text--sm fr-mt-1w">
        Les papillons contiennent des mots de passe : seul votre établissement peut les télécharger. Une édition « Remplacée » ne permet plus de se connecter : les mots de passe
        de tous ses élèves ont été régénérés depuis.
      </p>
      <style>{'.documents-generes__document { display: inline-flex; gap: 0.25rem; align-items: center; } .documents-generes__edition { display: inline-block; white-space: normal; min-width: 10rem; max-width: 16rem; }'}</style>
    </>
  );
}
