// « Générer le plan de secours » (seed 001 §3): the seed's explanation, « Générer » (the treatment
// 'cyclades.plan-de-secours') and « Afficher le compte rendu »: /plan-de-secours/<traitement>, the
// « Compte rendu des éditions de plan de secours » with the ZIP to download (the disquette), the
// server, start, end, duration and the per-jury lines of the treatment.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { duree, taille } from '../commun/traitements.tsx';
import { BASE_DELIBERATION, ErreurGenerale, PageDeliberation, useRelireDeliberation } from './deliberation-commun.tsx';

export const TYPE_PLAN_DE_SECOURS = 'cyclades.plan-de-secours';

type Statut = 'en_attente' | 'en_cours' | 'termine' | 'erreur';

interface TraitementResume {
  id: string;
  type: string;
  statut: Statut;
  creeLe: string;
}

interface DocumentProduit {
  id: string;
  nom: string;
  fichier?: string;
  taille: number;
  type?: string;
  typeMime: string;
  url?: string;
}

interface CompteRenduPlan extends TraitementResume {
  titre: string;
  serveur: string | null;
  debut: string | null;
  fin: string | null;
  dureeSecondes: number | null;
  erreur?: string | null;
  journal?: Array<{ le: string; niveau: string; message: string }>;
  documents: DocumentProduit[];
}

const enCours = (s: Statut | undefined) => s === 'en_attente' || s === 'en_cours';

function Generation() {
  const a = useActivite();
  const navigate = useNavigate();
  const relire = useRelireDeliberation();
  const traitements = useQuery(lecture<TraitementResume[]>(LECTURES.traitements));
  const [lance, setLance] = useState<string | null>(null);
  const dernier = useMemo(
    () =>
      (traitements.data ?? [])
        .filter((t) => t.type === TYPE_PLAN_DE_SECOURS)
        .sort((x, y) => y.creeLe.localeCompare(x.creeLe))[0]?.id,
    [traitements.data],
  );
  const generer = useAction(
    async () => {
      const r = await api.post<{ traitementId: string; message?: string; jurysNonCompris?: string[] }>(`${BASE_DELIBERATION}/plan-de-secours`, {});
      setLance(r.traitementId);
      setNonCompris(r.jurysNonCompris ?? []);
      void traitements.refetch();
      void relire();
      return r;
    },
    { succes: (r) => r.message ?? 'La génération du plan de secours est lancée : cliquez sur « Afficher le compte rendu » pour suivre le traitement et télécharger le plan de secours.' },
  );
  const [sansPlan, setSansPlan] = useState(false);
  /** The juries this plan leaves out (not at 200 or 210): it must be generated again for them. */
  const [nonCompris, setNonCompris] = useState<string[]>([]);
  const afficher = () => {
    const id = lance ?? dernier;
    setSansPlan(!id);
    if (id) navigate(`${a.base}/${encodeURIComponent(id)}`);
  };
  return (
    <>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="button" className="fr-btn" onClick={() => void generer.executer()} disabled={generer.enCours}>
            Générer
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={afficher}>
            Afficher le compte rendu
          </button>
        </li>
      </ul>
      {lance && (
        <div className="fr-alert fr-alert--info fr-alert--sm" id="plan-lance" role="status">
          <p>La génération du plan de secours est lancée. Cliquez sur « Afficher le compte rendu » pour consulter le compte rendu du traitement et télécharger le plan de secours généré.</p>
          {nonCompris.length > 0 && (
            <p id="plan-jurys-non-compris">
              {nonCompris.length > 1 ? `Les jurys ${nonCompris.join(', ')} ne sont pas compris` : `Le jury ${nonCompris[0]} n’est pas compris`} dans ce plan de secours (le plan de secours demande
              l’état 200 ou 210) : générez-le à nouveau quand {nonCompris.length > 1 ? 'ils y seront' : 'il y sera'}.
            </p>
          )}
        </div>
      )}
      {sansPlan && (
        <div className="fr-alert fr-alert--warning fr-alert--sm" id="aucun-plan" role="status">
          <p>Aucun plan de secours n’a encore été généré pour votre centre : cliquez d’abord sur « Générer ».</p>
        </div>
      )}
      <ErreurGenerale id="erreur-plan-de-secours" erreur={generer.erreur} champs={{}} />
      <p className="fr-mt-3w">
        Lancez la génération du Plan de secours en cliquant sur le bouton <strong>Générer</strong>.
      </p>
      <p>
        Cliquez ensuite sur <strong>Afficher le compte rendu</strong> pour consulter le CR du traitement et télécharger le Plan de Secours généré.
      </p>
    </>
  );
}

const nomDocument = (d: DocumentProduit) => d.nom.replace(/\.zip$/i, '');

function CompteRendu({ id }: { id: string }) {
  const relire = useRelireDeliberation();
  const q = useQuery({
    queryKey: ['traitements', id],
    queryFn: () => api.get<CompteRenduPlan>(`/api/traitements/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data && !enCours(query.state.data.statut) ? false : 1500),
  });
  // At the end, the step list says the plan de secours is generated.
  const fini = q.data && !enCours(q.data.statut);
  useEffect(() => {
    if (fini) void relire();
  }, [fini]);
  const dl = useAction((d: DocumentProduit) => telecharger(d.url ?? `/api/documents/${encodeURIComponent(d.id)}`, d.fichier ?? d.nom), { succes: (nom) => `Document téléchargé : ${nom}.` });
  const { executer: telechargerDocument, enCours: telechargement } = dl;
  const t = q.data;
  const colonnes = useMemo<Colonne<DocumentProduit>[]>(
    () => [
      {
        id: 'document',
        libelle: 'Document',
        valeur: (d) => nomDocument(d),
        poids: 3,
        rendu: (d) => (
          <span className="plan-secours__document">
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-only fr-icon-save-3-line"
              title={`Télécharger ${d.fichier ?? d.nom}`}
              onClick={() => void telechargerDocument(d)}
              disabled={telechargement}
            >
              <span className="fr-sr-only">Télécharger {d.fichier ?? d.nom}</span>
            </button>
            {nomDocument(d)}
          </span>
        ),
      },
      { id: 'taille', libelle: 'Taille', valeur: (d) => d.taille, texte: (d) => taille(d.taille), alignement: 'droite' },
      { id: 'type', libelle: 'Type', valeur: (d) => d.type ?? d.typeMime },
    ],
    [telechargerDocument, telechargement],
  );
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Compte rendu des éditions de plan de secours</h2>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {t && (
        <>
          <p>Cliquez sur la disquette pour télécharger le Plan de secours généré.</p>
          <Liste
            id={`documents-plan-${id}`}
            titre="Liste des documents générés"
            lignes={t.documents}
            colonnes={colonnes}
            cle={(d) => d.id}
            exports={false}
            messageVide={enCours(t.statut) ? 'Le traitement est en cours : le plan de secours apparaîtra ici à la fin.' : 'Aucun document n’a été généré.'}
          />
          <h3 className="fr-h6 fr-mt-3w">Compte rendu</h3>
          <div
            className={`fr-alert fr-alert--sm fr-mb-2w ${t.statut === 'termine' ? 'fr-alert--success' : t.statut === 'erreur' ? 'fr-alert--error' : 'fr-alert--info'}`}
            id="statut-plan-de-secours"
            role="status"
          >
            <p>
              {t.statut === 'termine'
                ? 'Le traitement s’est bien déroulé.'
                : t.statut === 'erreur'
                  ? `Le traitement a échoué${t.erreur ? ` : ${t.erreur}` : '.'}`
                  : 'Le traitement est en cours…'}
            </p>
          </div>
          <Details
            lignes={[
              ['Serveur', t.serveur],
              ['Début du traitement', formaterDateHeure(t.debut)],
              ['Fin du traitement', formaterDateHeure(t.fin)],
              ['Temps d’exécution', duree(t.dureeSecondes)],
            ]}
          />
          <ul className="plan-secours__journal fr-mt-2w" id="journal-plan-de-secours" aria-label="Journal du traitement">
            {(t.journal ?? []).map((l, n) => (
              <li key={n} className={l.niveau === 'erreur' || l.niveau === 'error' ? 'fr-error-text fr-mt-0' : undefined}>
                {l.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <style>
        {'.plan-secours__document { display: inline-flex; gap: 0.25rem; align-items: center; } .plan-secours__journal { list-style: none; padding-left: 0; font-family: monospace; font-size: 0.875rem; } .plan-secours__journal li { padding: 0; }'}
      </style>
    </>
  );
}

function Explication() {
  return (
    <PageDeliberation
      etape={3}
      intro={
        <>
          <p>Le centre de délibération est tenu de générer le plan de secours avant la délibération du 2nd groupe.</p>
          <p>Le dossier généré contient les éléments suivants nécessaires à la délibération :</p>
          <ul>
            <li>Edition des procès-verbaux individuels de notes des candidats,</li>
            <li>
              Edition des papillons d’accès aux jurys, en cas de mise en place du plan de secours (
              <strong>à utiliser seulement si vous avez eu l’accord de votre correspondant académique - et nécessite l’intervention de la DSII</strong>).
            </li>
          </ul>
          <p>Vous allez générer le plan de secours, en vue de la délibération de l’épreuve de contrôle, des jurys de votre centre de délibération :</p>
          <p>Le plan de secours est un fichier .zip que vous trouverez dans le compte-rendu d’activité. Il contient :</p>
          <ul>
            <li>
              pour chaque jury délibéré dans votre centre pour la session d’examen, l’ensemble des documents nécessaires à la délibération, utiles dans le cas d’un problème de
              connexion à l’application CYCLADES :
              <ul>
                <li>les procès-verbaux individuels de notes des candidats du jury admis à passer l’épreuve de contrôle,</li>
              </ul>
            </li>
            <li>
              les papillons d’accès aux jurys, utiles dans le cas d’une indisponibilité de l’application IMAG’IN de votre académie :
              <ul>
                <li>un papillon de jury contient les informations utiles à un jury pour accéder au portail CYCLADES-JURY de secours : l’URL d’accès, le login du jury et son mot de passe.</li>
                <li>Notons toutefois que cette URL d’accès ne sera disponible qu’en cas de nécessité et après autorisation du RSSI académique.</li>
              </ul>
            </li>
          </ul>
          <p>
            Veillez à télécharger et conserver ce fichier sur votre poste de travail. Pour votre information, le traitement peut durer quelques minutes, en fonction du nombre de
            candidats dans vos jurys.
          </p>
        </>
      }
    >
      <Generation />
    </PageDeliberation>
  );
}

export default function PlanDeSecours() {
  return (
    <ListeOuDetail
      liste={<Explication />}
      detail={(id) => (
        <PageDeliberation etape={3} intro={null}>
          <CompteRendu id={id} />
        </PageDeliberation>
      )}
    />
  );
}
