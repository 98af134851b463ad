// Message d'accueil (administrateur, seed 003 §2.2): the text shown on the home page of each service
// of the académie. A text being typed survives the end of the session (useBrouillon).
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { useBrouillon } from '../../app/brouillons.ts';
import { consoleMessages } from '../../app/console.ts';
import { useSession, useSessionOuverte } from '../../app/session.tsx';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface MessageAccueil {
  service: string;
  libelleService: string;
  texte: string;
}

const MAX = 4000;

const colonnes: Colonne<MessageAccueil>[] = [
  { id: 'service', libelle: 'Service', valeur: (m) => m.libelleService, poids: 2 },
  { id: 'etat', libelle: 'Message', valeur: (m) => (m.texte ? 'Renseigné' : 'Aucun') },
  { id: 'texte', libelle: 'Début du texte', valeur: (m) => (m.texte.length > 90 ? `${m.texte.slice(0, 90).replace(/\s+/g, ' ')}…` : m.texte.replace(/\s+/g, ' ')), poids: 3 },
];

function useMessages() {
  return useQuery(lecture<MessageAccueil[]>(LECTURES.messagesAccueil));
}

function ListeMessages() {
  const a = useActivite();
  const q = useMessages();
  return (
    <Liste
      id="messages-accueil"
      titre="Messages d’accueil des services"
      lignes={q.data}
      colonnes={colonnes}
      cle={(m) => m.service}
      triParDefaut={{ colonne: 'service', sens: 'asc' }}
      lien={(m) => `${a.base}/${m.service}`}
      libelleLien={(m) => `Message d’accueil : ${m.libelleService}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
    />
  );
}

function Edition({ m }: { m: MessageAccueil }) {
  const session = useSessionOuverte();
  const { recharger } = useSession();
  const client = useQueryClient();
  const b = useBrouillon(`message-accueil:${m.service}`, `Message d’accueil — ${m.libelleService}`, m.texte);
  useEffect(() => {
    if (b.restaure) consoleMessages.info(`Votre saisie non enregistrée du message d’accueil (${m.libelleService}) a été restaurée : vérifiez-la puis enregistrez-la.`);
    // Only once, when the form opens with a restored draft.
  }, []);
  // The whole action is retried after a lost connection, follow-ups included.
  const enregistrer = useAction(
    async (texte: string) => {
      const r = await api.put<{ message: string }>(`/api/admin/message-accueil/${m.service}`, { texte });
      b.enregistre(texte.trim());
      await client.invalidateQueries({ queryKey: ['admin', 'message-accueil'] });
      if (m.service === session.service.code) await recharger().catch(() => undefined);
      return r;
    },
    { succes: (r) => `${r.message} (${m.libelleService})` },
  );
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (b.valeur.length > MAX) return enregistrer.signalerChamps({ texte: `Le message d'accueil est trop long (4 000 caractères au plus).` });
    void enregistrer.executer(b.valeur);
  };
  return (
    <form onSubmit={soumettre} noValidate>
      {b.restaure && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>Ce texte est votre saisie non enregistrée, conservée lors de la fin de votre session précédente. Enregistrez-la ou annulez-la.</p>
        </div>
      )}
      <Input
        textArea
        label="Texte du message d’accueil"
        hintText={`Affiché sur l’écran d’accueil du service. Laissez vide pour ne rien afficher. ${b.valeur.length} / ${MAX} caractères.`}
        state={enregistrer.erreursChamps.texte ? 'error' : 'default'}
        stateRelatedMessage={enregistrer.erreursChamps.texte}
        nativeTextAreaProps={{ id: 'texte-accueil', name: 'texte', rows: 8, value: b.valeur, onChange: (e) => b.modifier(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={enregistrer.enCours || !b.modifie}>
            Enregistrer
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={b.annuler} disabled={!b.modifie}>
            Annuler les modifications
          </button>
        </li>
      </ul>
    </form>
  );
}

function DetailMessage({ service }: { service: string }) {
  const q = useMessages();
  const m = q.data?.find((x) => x.service === service);
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Message d’accueil sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.data && !m && <p>Ce service n’existe pas.</p>}
      {m && (
        <>
          <Details lignes={[['Service', m.libelleService]]} />
          <Edition key={m.service} m={m} />
        </>
      )}
    </>
  );
}

export default function MessagesAccueil() {
  return <ListeOuDetail liste={<ListeMessages />} detail={(s) => <DetailMessage service={s} />} />;
}
