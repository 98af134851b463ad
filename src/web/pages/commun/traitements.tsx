// Comptes rendus des traitements: the long treatments (documents, mass mail, imports) of the
// user's scope, their progress, their log and the documents they produced.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Traitement {
  id: string;
  type: string;
  titre: string;
  statut: 'en_attente' | 'en_cours' | 'termine' | 'erreur';
  libelleStatut?: string;
  progression: number;
  total: number | null;
  creeLe: string;
  debut: string | null;
  fin: string | null;
  dureeSecondes: number | null;
  nbDocuments: number;
  erreur?: string | null;
}

interface Document {
  id: string;
  nom: string;
  fichier?: string;
  taille: number;
  type?: string;
  typeMime: string;
  url?: string;
}

interface CompteRendu extends Traitement {
  parametres: Record<string, unknown> | null;
  serveur: string | null;
  tentatives?: number;
  journal?: Array<{ le: string; niveau: string; message: string }>;
  logs?: Array<{ le: string; niveau: string; message: string }>;
  documents: Document[];
  /** In error and of a type that resumes where it stopped (« Relancer »). */
  relancable?: boolean;
}

const STATUTS: Record<Traitement['statut'], string> = { en_attente: 'En attente', en_cours: 'En cours', termine: 'Terminé', erreur: 'En erreur' };

export function duree(s: number | null): string {
  if (s === null || s === undefined) return '';
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function progression(t: Traitement): string {
  if (t.total) return `${t.progression} / ${t.total}`;
  return t.statut === 'termine' ? 'Terminé' : String(t.progression || '');
}

export function taille(octets: number): string {
  if (octets < 1024) return `${octets} o`;
  if (octets < 1024 * 1024) return `${(octets / 1024).toFixed(1).replace('.', ',')} Ko`;
  return `${(octets / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

const colonnes: Colonne<Traitement>[] = [
  { id: 'creeLe', libelle: 'Lancé le', valeur: (t) => t.creeLe, type: 'dateHeure' },
  { id: 'titre', libelle: 'Traitement', valeur: (t) => t.titre, poids: 3 },
  { id: 'statut', libelle: 'État', valeur: (t) => t.libelleStatut ?? STATUTS[t.statut] },
  { id: 'progression', libelle: 'Avancement', valeur: (t) => (t.total ? t.progression / t.total : t.statut === 'termine' ? 1 : 0), texte: progression, alignement: 'droite' },
  { id: 'duree', libelle: 'Durée', valeur: (t) => t.dureeSecondes, texte: (t) => duree(t.dureeSecondes), alignement: 'droite' },
  { id: 'documents', libelle: 'Documents', valeur: (t) => t.nbDocuments, type: 'nombre', alignement: 'droite' },
];

const enCours = (t: Traitement) => t.statut === 'en_attente' || t.statut === 'en_cours';

function ListeTraitements() {
  const a = useActivite();
  const q = useQuery({
    ...lecture<Traitement[]>(LECTURES.traitements),
    // Running treatments are followed every few seconds, only while the page is visible.
    refetchInterval: (query) => (query.state.data?.some(enCours) ? 3000 : false),
    refetchIntervalInBackground: false,
  });
  return (
    <Liste
      id="traitements"
      titre="Liste des traitements"
      lignes={q.data}
      colonnes={colonnes}
      cle={(t) => t.id}
      triParDefaut={{ colonne: 'creeLe', sens: 'desc' }}
      lien={(t) => `${a.base}/${t.id}`}
      libelleLien={(t) => `${formaterDateHeure(t.creeLe)} — compte rendu : ${t.titre}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun traitement n’a encore été lancé."
    />
  );
}

const colonnesJournal: Colonne<{ n: number; le: string; niveau: string; message: string }>[] = [
  { id: 'le', libelle: 'Heure', valeur: (l) => l.le, type: 'dateHeure' },
  { id: 'niveau', libelle: 'Niveau', valeur: (l) => l.niveau },
  { id: 'message', libelle: 'Message', valeur: (l) => l.message, poids: 4 },
];

function DetailTraitement({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['traitements', id],
    queryFn: () => api.get<CompteRendu>(`/api/traitements/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data && enCours(query.state.data) ? 2000 : false),
  });
  const dl = useAction((d: Document) => telecharger(d.url ?? `/api/documents/${d.id}`, d.fichier ?? d.nom), { succes: (nom) => `Document téléchargé : ${nom}.` });
  const relance = useAction(
    async () => {
      const r = await api.post<{ message: string }>(`/api/traitements/${encodeURIComponent(id)}/relancer`, {});
      await q.refetch();
      return r;
    },
    { succes: (r) => r.message },
  );
  const t = q.data;
  const journal = useMemo(() => (t?.journal ?? t?.logs ?? []).map((l, n) => ({ ...l, n })), [t]);
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Compte rendu du traitement</h2>
      {q.isPending && <Chargement />}
      {t && (
        <>
          <Details
            lignes={[
              ['Traitement', t.titre],
              ['État', t.libelleStatut ?? STATUTS[t.statut]],
              ['Avancement', progression(t)],
              ['Lancé le', formaterDateHeure(t.creeLe)],
              ['Début', formaterDateHeure(t.debut)],
              ['Fin', formaterDateHeure(t.fin)],
              ['Durée', duree(t.dureeSecondes)],
              ['Serveur', t.serveur],
              ['Paramètres', t.parametres && Object.keys(t.parametres).length ? Object.entries(t.parametres).map(([k, v]) => `${k} : ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ; ') : ''],
              ['Erreur', t.erreur ?? ''],
            ]}
          />
          {t.relancable && (
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
              <p>
                Ce traitement s’est arrêté sur une erreur. « Relancer le traitement » le reprend là où il s’était arrêté : ce qui a déjà été fait (comptes créés, mots de passe)
                n’est pas refait et les documents manquants sont produits.
              </p>
              <button type="button" className="fr-btn fr-btn--sm fr-mt-1w fr-icon-refresh-line fr-btn--icon-left" onClick={() => void relance.executer()} disabled={relance.enCours}>
                Relancer le traitement
              </button>
            </div>
          )}
          <h3 className="fr-h6">Documents produits</h3>
          {t.documents.length === 0 ? (
            <p>Aucun document.</p>
          ) : (
            <ul className="fr-btns-group fr-btns-group--icon-left">
              {t.documents.map((d) => (
                <li key={d.id}>
                  <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" onClick={() => void dl.executer(d)} disabled={dl.enCours}>
                    {d.nom} ({d.type ?? d.typeMime}, {taille(d.taille)})
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Liste
            id={`journal-${id}`}
            titre="Journal du traitement"
            lignes={journal}
            colonnes={colonnesJournal}
            cle={(l) => l.n}
            exports={['csv']}
          />
        </>
      )}
    </>
  );
}

export default function Traitements() {
  return <ListeOuDetail liste={<ListeTraitements />} detail={(id) => <DetailTraitement id={id} />} />;
}
