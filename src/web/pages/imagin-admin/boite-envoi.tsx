// Boîte d'envoi des messages (administrateur): every e-mail the platform wrote for the académie,
// its status, its text, and the .eml to download; below, the SMS (codes of the Jury portal, issue 8)
// kept in the outbox when no SMS gateway is plugged in.
import { useQuery } from '@tanstack/react-query';
import { api, telecharger } from '../../app/api.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Message {
  id: string;
  creeLe: string;
  destinataires: string[];
  copies?: string[];
  objet: string;
  statut: string;
  envoyeLe: string | null;
  tentatives?: number;
  erreur?: string | null;
}

interface MessageDetail extends Message {
  texte: string;
}

export const LIBELLE_STATUT_MAIL: Record<string, string> = {
  en_attente: 'En attente d’envoi',
  envoye: 'Envoyé',
  boite_sortie: 'Dans la boîte d’envoi (pas de serveur de messagerie)',
  echec: 'Échec de l’envoi',
};

const colonnes: Colonne<Message>[] = [
  { id: 'creeLe', libelle: 'Créé le', valeur: (m) => m.creeLe, type: 'dateHeure' },
  { id: 'objet', libelle: 'Objet', valeur: (m) => m.objet, poids: 2 },
  { id: 'destinataires', libelle: 'Destinataires', valeur: (m) => m.destinataires.join(', '), poids: 2 },
  { id: 'statut', libelle: 'Statut', valeur: (m) => LIBELLE_STATUT_MAIL[m.statut] ?? m.statut },
  { id: 'envoyeLe', libelle: 'Envoyé le', valeur: (m) => m.envoyeLe, type: 'dateHeure' },
];

function ListeMessages() {
  const a = useActivite();
  const q = useQuery(lecture<Message[]>(LECTURES.boiteEnvoi));
  return (
    <Liste
      id="messages"
      titre="Boîte d’envoi des messages"
      lignes={q.data}
      colonnes={colonnes}
      cle={(m) => m.id}
      triParDefaut={{ colonne: 'creeLe', sens: 'desc' }}
      lien={(m) => `${a.base}/${m.id}`}
      libelleLien={(m) => `${formaterDateHeure(m.creeLe)} — ${m.objet}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun message n’a été émis pour votre académie."
    />
  );
}

function DetailMessage({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['boite-envoi', id], queryFn: () => api.get<MessageDetail>(`/api/admin/boite-envoi/${encodeURIComponent(id)}`) });
  const eml = useAction(() => telecharger(`/api/admin/boite-envoi/${encodeURIComponent(id)}/eml`, `message-${id}.eml`), { succes: (nom) => `Message téléchargé : ${nom}.` });
  const m = q.data;
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Message sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {m && (
        <>
          <Details
            lignes={[
              ['Objet', m.objet],
              ['Destinataires', m.destinataires.join(', ')],
              ['Copies', (m.copies ?? []).join(', ')],
              ['Créé le', formaterDateHeure(m.creeLe)],
              ['Statut', LIBELLE_STATUT_MAIL[m.statut] ?? m.statut],
              ['Envoyé le', formaterDateHeure(m.envoyeLe)],
              ['Erreur', m.erreur ?? ''],
            ]}
          />
          <h3 className="fr-h6">Texte du message</h3>
          <pre className="detail__texte" id="texte-message">
            {m.texte}
          </pre>
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" onClick={() => void eml.executer()} disabled={eml.enCours}>
            Télécharger le message (.eml)
          </button>
        </>
      )}
    </>
  );
}

interface Sms {
  id: number;
  telephone: string;
  texte: string;
  statut: 'en_attente' | 'envoye' | 'conserve';
  creeLe: string;
}

const LIBELLE_STATUT_SMS: Record<Sms['statut'], string> = {
  en_attente: 'En attente d’envoi',
  envoye: 'Envoyé',
  conserve: 'Dans la boîte d’envoi (pas de passerelle SMS)',
};

const colonnesSms: Colonne<Sms>[] = [
  { id: 'creeLe', libelle: 'Créé le', valeur: (m) => m.creeLe, type: 'dateHeure' },
  { id: 'telephone', libelle: 'Téléphone', valeur: (m) => m.telephone },
  { id: 'texte', libelle: 'Texte', valeur: (m) => m.texte, poids: 3 },
  { id: 'statut', libelle: 'Statut', valeur: (m) => LIBELLE_STATUT_SMS[m.statut] },
];

/** Shown once the platform has sent an SMS (codes of the Jury portal): most académies never will. */
function ListeSms() {
  const q = useQuery({ queryKey: ['boite-envoi-sms'], queryFn: () => api.get<{ sms: Sms[] }>('/api/admin/boite-envoi-sms') });
  if (!q.error && !q.data?.sms.length) return null;
  return (
    <Liste
      id="sms"
      titre="SMS émis"
      lignes={q.data?.sms}
      colonnes={colonnesSms}
      cle={(m) => String(m.id)}
      triParDefaut={{ colonne: 'creeLe', sens: 'desc' }}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun SMS n’a été émis pour votre académie."
    />
  );
}

export default function BoiteEnvoi() {
  return (
    <ListeOuDetail
      liste={
        <>
          <ListeMessages />
          <ListeSms />
        </>
      }
      detail={(id) => <DetailMessage id={id} />}
    />
  );
}
