// « Contrôle des jurys avant délibération » (DSI, issue 8 §1, seed 000 Cas 1): the checklist the DSI
// goes through before the deliberations. For every centre de délibération and every jury of the
// académie, the number of usable OTP keys (remises or actives; at least two, the seed recommends)
// and, for every jury, whether its président and vice-présidents are convoked in IMAG'IN. The alerts
// are the server's French texts; the points the application cannot check stay as reminders.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { pluriel } from '../imagin-gestion/jurys-deliberation.tsx';
import { BASE_DSI } from './cles-otp.tsx';

interface CentreControle {
  id: number;
  uai: string;
  libelle: string;
  nbClesUtilisables: number;
  alerte: string | null;
}

interface JuryControle {
  id: number;
  numero: string;
  session?: string;
  specialite: { code: string; libelle: string };
  centre: { id: number; uai: string; libelle: string };
  etat: number;
  nbClesUtilisables: number;
  presidentConvoque: boolean;
  vicePresidents: number;
  alertes: string[];
}

interface ReponseControle {
  centres: CentreControle[];
  jurys: JuryControle[];
}

function Alertes({ textes }: { textes: string[] }) {
  if (!textes.length) return <span className="fr-badge fr-badge--sm fr-badge--success">Conforme</span>;
  return (
    <ul className="fr-text--sm fr-mb-0 controle__alertes">
      {textes.map((t) => (
        <li key={t}>
          <span className="fr-badge fr-badge--sm fr-badge--warning fr-mr-1v">Alerte</span>
          {t}
        </li>
      ))}
    </ul>
  );
}

const colonnesCentres: Colonne<CentreControle>[] = [
  { id: 'libelle', libelle: 'Centre de délibération', valeur: (c) => c.libelle, poids: 3 },
  { id: 'cles', libelle: 'Clés utilisables', valeur: (c) => c.nbClesUtilisables, type: 'nombre', alignement: 'droite' },
  { id: 'alerte', libelle: 'Alerte', valeur: (c) => c.alerte ?? 'Conforme', rendu: (c) => <Alertes textes={c.alerte ? [c.alerte] : []} />, poids: 4 },
];

const colonnesJurys: Colonne<JuryControle>[] = [
  { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'specialite', libelle: 'Spécialité', valeur: (j) => j.specialite.libelle, poids: 2 },
  { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => j.centre.libelle, poids: 2 },
  { id: 'etat', libelle: 'Etat', valeur: (j) => j.etat, type: 'nombre', alignement: 'droite' },
  { id: 'cles', libelle: 'Clés utilisables', valeur: (j) => j.nbClesUtilisables, type: 'nombre', alignement: 'droite' },
  { id: 'president', libelle: 'Président convoqué', valeur: (j) => j.presidentConvoque, type: 'booleen' },
  { id: 'vp', libelle: 'Vice-présidents convoqués', valeur: (j) => j.vicePresidents, type: 'nombre', alignement: 'droite' },
  { id: 'alertes', libelle: 'Alertes', valeur: (j) => (j.alertes.length ? j.alertes.join(' ') : 'Conforme'), rendu: (j) => <Alertes textes={j.alertes} />, poids: 4 },
];

/** One line of the seed's checklist: checked by the application (with its count of alerts) or a reminder. */
function Point({ texte, alertes }: { texte: string; alertes?: number }) {
  const statut =
    alertes === undefined ? (
      <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">À vérifier par vos soins</span>
    ) : alertes === 0 ? (
      <span className="fr-badge fr-badge--sm fr-badge--success">Conforme</span>
    ) : (
      <span className="fr-badge fr-badge--sm fr-badge--warning">{pluriel(alertes, 'alerte')}</span>
    );
  return (
    <li className="fr-mb-1w">
      {texte} {statut}
    </li>
  );
}

export default function ControleJurys() {
  const q = useQuery({ queryKey: ['dsi', 'controle-jurys'], queryFn: () => api.get<ReponseControle>(`${BASE_DSI}/controle-jurys`) });
  const d = q.data;
  /** What both lists show while the read is pending or failed. */
  const lecture = { chargement: q.isPending, erreur: q.error, surReessayer: () => void q.refetch() };
  const compte = useMemo(() => {
    if (!d) return null;
    const cles = d.centres.filter((c) => c.nbClesUtilisables < 2).length;
    // The convocation alerts are the server's (président not convoked, vice-présidents assigned but not convoked).
    const convocations = d.jurys.filter((j) => j.alertes.some((a) => /convoqu/i.test(a))).length;
    return { cles, convocations, total: d.centres.filter((c) => c.alerte).length + d.jurys.filter((j) => j.alertes.length).length };
  }, [d]);
  return (
    <>
      <section aria-labelledby="titre-points-controle" className="fr-mb-4w">
        <h2 className="fr-h6" id="titre-points-controle">
          Points de contrôle avant les délibérations (cas général)
        </h2>
        {compte && (
          <div className={`fr-alert fr-alert--sm fr-mb-2w ${compte.total ? 'fr-alert--warning' : 'fr-alert--success'}`} role="status">
            <p>{compte.total ? `${pluriel(compte.total, 'centre ou jury en alerte', 'centres ou jurys en alerte')} : voir les listes ci-dessous.` : 'Aucune alerte : tous les centres et jurys sont prêts.'}</p>
          </div>
        )}
        <ul className="fr-text--sm">
          <Point texte="Le président et les vice-présidents de chaque jury sont affectés et convoqués dans IMAG'IN." alertes={compte?.convocations} />
          <Point texte="Au moins 2 clés OTP ont été remises au centre de délibération de chaque jury." alertes={compte?.cles} />
          <Point texte="Les convocations ont été transmises." />
          <Point texte="Les présidents et vice-présidents savent où trouver leur identifiant et leur mot de passe ; un mot de passe temporaire doit être modifié dès réception de la convocation." />
        </ul>
      </section>
      <Liste
        id="controle-centres"
        titre="Centres de délibération"
        lignes={d?.centres}
        colonnes={colonnesCentres}
        cle={(c) => c.id}
        triParDefaut={{ colonne: 'libelle', sens: 'asc' }}
        {...lecture}
        messageVide="Aucun centre de délibération pour les jurys de votre académie."
      />
      <div className="fr-mt-4w">
        <Liste
          id="controle-jurys"
          titre="Jurys de l’académie"
          lignes={d?.jurys}
          colonnes={colonnesJurys}
          cle={(j) => j.id}
          triParDefaut={{ colonne: 'numero', sens: 'asc' }}
          {...lecture}
          messageVide="Aucun jury dans votre académie."
        />
      </div>
    </>
  );
}
