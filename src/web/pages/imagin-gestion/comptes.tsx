// Comptes des intervenants (gestionnaire DEC, seed 004 §2): find an intervenant's account, enter
// his e-mail address (a reset link is sent to it) or give him a temporary password, shown once.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Compte {
  id: number;
  login: string;
  email: string | null;
  motDePasseTemporaire: boolean;
  derniereConnexion: string | null;
  nom: string | null;
  prenom: string | null;
}

const MAX = 200;

const colonnes: Colonne<Compte>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (c) => c.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (c) => c.prenom },
  { id: 'login', libelle: 'Identifiant', valeur: (c) => c.login },
  { id: 'email', libelle: 'Adresse électronique', valeur: (c) => c.email, texte: (c) => c.email ?? 'Aucune' },
  { id: 'temporaire', libelle: 'Mot de passe temporaire', valeur: (c) => c.motDePasseTemporaire, type: 'booleen' },
  { id: 'derniereConnexion', libelle: 'Dernière connexion', valeur: (c) => c.derniereConnexion, type: 'dateHeure' },
];

function useComptes(q: string) {
  return useQuery(lecture<Compte[]>({ cle: [...LECTURES.comptes.cle.slice(0, 2), q], url: `${LECTURES.comptes.url}${encodeURIComponent(q)}` }));
}

function ListeComptes() {
  const a = useActivite();
  const f = useFiltres('comptes', { q: '' });
  const q = useComptes(f.appliques.q.trim());
  return (
    <>
      {q.data && q.data.length >= MAX && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>Seuls les {MAX} premiers comptes sont affichés : précisez la recherche.</p>
        </div>
      )}
      <Liste
        id="comptes"
        titre="Comptes des intervenants"
        lignes={q.data}
        colonnes={colonnes}
        cle={(c) => c.id}
        triParDefaut={{ colonne: 'nom', sens: 'asc' }}
        lien={(c) => `${a.base}/${c.id}`}
        libelleLien={(c) => `${c.nom ?? ''} ${c.prenom ?? ''} (${c.login})`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun compte d’intervenant ne correspond à la recherche."
        filtres={{
          ...f.proprietes,
          legende: 'Rechercher un compte',
          libelleFiltrer: 'Rechercher',
          contenu: (
            <Input
              label="Nom, prénom ou identifiant"
              nativeInputProps={{ id: 'recherche-compte', name: 'q', value: f.saisie.q, maxLength: 100, onChange: (e) => f.modifier('q', e.target.value) }}
            />
          ),
        }}
      />
    </>
  );
}

function DetailCompte({ id }: { id: string }) {
  const client = useQueryClient();
  // The account comes from the last search; after a reload, from a search on nothing.
  const enCache = client
    .getQueriesData<Compte[]>({ queryKey: ['gestion', 'comptes'] })
    .flatMap(([, d]) => d ?? [])
    .find((c) => String(c.id) === id);
  const q = useComptes('');
  const c = enCache ?? q.data?.find((x) => String(x.id) === id);
  const [email, setEmail] = useState('');
  const [motDePasse, setMotDePasse] = useState<string | null>(null);

  const rafraichir = () => client.invalidateQueries({ queryKey: ['gestion', 'comptes'] });
  // Each action is retried whole after a lost connection, follow-ups included.
  const envoyerEmail = useAction(
    async (adresse: string) => {
      const r = await api.put<{ message: string }>(`/api/gestion/comptes/${id}/email`, { email: adresse });
      setEmail('');
      await rafraichir();
      return r;
    },
    { succes: (r) => r.message },
  );
  const temporaire = useAction(
    async () => {
      const r = await api.post<{ motDePasse: string; message: string }>(`/api/gestion/comptes/${id}/mot-de-passe-temporaire`);
      setMotDePasse(r.motDePasse);
      await rafraichir();
      return r;
    },
    { succes: (r) => r.message },
  );

  const soumettreEmail = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) return envoyerEmail.signalerChamps({ email: "L'adresse électronique est obligatoire." });
    void envoyerEmail.executer(email.trim());
  };
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Compte sélectionné</h2>
      {!c && q.isPending && <Chargement />}
      {!c && q.data && <p>Ce compte ne figure pas dans la recherche : revenez à la liste et recherchez-le.</p>}
      {c && (
        <>
          <Details
            lignes={[
              ['Nom', `${c.nom ?? ''} ${c.prenom ?? ''}`.trim()],
              ['Identifiant', c.login],
              ['Adresse électronique', c.email ?? 'Aucune'],
              ['Mot de passe temporaire', c.motDePasseTemporaire ? 'Oui : à changer à la prochaine connexion' : 'Non'],
              ['Dernière connexion', formaterDateHeure(c.derniereConnexion)],
            ]}
          />
          <div className="fr-grid-row fr-grid-row--gutters">
            <form className="fr-col-12 fr-col-lg-6" onSubmit={soumettreEmail} noValidate>
              <h3 className="fr-h6">Renseigner l’adresse électronique</h3>
              <p className="fr-text--sm">Un courriel sera envoyé à cette adresse pour que l’intervenant réinitialise lui-même son mot de passe.</p>
              <Input
                label="Adresse électronique"
                hintText="Format attendu : prenom.nom@exemple.fr"
                state={envoyerEmail.erreursChamps.email ? 'error' : 'default'}
                stateRelatedMessage={envoyerEmail.erreursChamps.email}
                nativeInputProps={{ id: 'email-intervenant', name: 'email', type: 'email', value: email, onChange: (e) => setEmail(e.target.value) }}
              />
              <button type="submit" className="fr-btn" disabled={envoyerEmail.enCours}>
                Enregistrer et envoyer le lien
              </button>
            </form>
            <div className="fr-col-12 fr-col-lg-6">
              <h3 className="fr-h6">Attribuer un mot de passe temporaire</h3>
              <p className="fr-text--sm">Si l’intervenant n’a pas d’adresse électronique : il devra changer ce mot de passe à sa prochaine connexion.</p>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => void temporaire.executer()} disabled={temporaire.enCours}>
                Attribuer un mot de passe temporaire
              </button>
              {motDePasse && (
                <div className="fr-mt-2w" role="status">
                  <p className="fr-mb-1w">Mot de passe temporaire (affiché une seule fois) :</p>
                  <p className="mot-de-passe-affiche" id="mot-de-passe-temporaire">
                    {motDePasse}
                  </p>
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}

export default function Comptes() {
  return <ListeOuDetail liste={<ListeComptes />} detail={(id) => <DetailCompte id={id} />} />;
}
