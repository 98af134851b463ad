// Ouverture des activités (gestionnaire DEC): for the académie, which activity of each service is
// open; a closed one is greyed in the users' menu with the reason given here (seed 003 §1.3.2).
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { useSession } from '../../app/session.tsx';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface ServiceActivites {
  service: string;
  libelleService: string;
  activites: Array<{ code: string; libelle: string; groupe: string; ouverte: boolean; fermable: boolean; motif: string | null }>;
}

interface Ligne {
  cle: string;
  service: string;
  libelleService: string;
  code: string;
  libelle: string;
  groupe: string;
  ouverte: boolean;
  fermable: boolean;
  motif: string | null;
}

const etat = (l: Ligne) => (!l.fermable ? 'Toujours ouverte' : l.ouverte ? 'Ouverte' : 'Fermée');

const colonnes: Colonne<Ligne>[] = [
  { id: 'libelle', libelle: 'Activité', valeur: (l) => l.libelle, poids: 2 },
  { id: 'service', libelle: 'Service', valeur: (l) => l.libelleService, poids: 2 },
  { id: 'groupe', libelle: 'Groupe', valeur: (l) => l.groupe },
  {
    id: 'etat',
    libelle: 'État',
    valeur: etat,
    rendu: (l) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${!l.fermable ? '' : l.ouverte ? 'fr-badge--success' : 'fr-badge--warning'}`}>{etat(l)}</span>,
  },
  { id: 'motif', libelle: 'Motif de fermeture', valeur: (l) => (l.ouverte ? '' : (l.motif ?? '')), poids: 2 },
];

function useActivites() {
  const q = useQuery(lecture<ServiceActivites[]>(LECTURES.activites));
  const lignes = useMemo(
    () =>
      q.data?.flatMap((s) =>
        s.activites.map((a) => ({ ...a, cle: `${s.service}:${a.code}`, service: s.service, libelleService: s.libelleService })),
      ),
    [q.data],
  );
  return { q, lignes };
}

function ListeActivites() {
  const a = useActivite();
  const { q, lignes } = useActivites();
  const f = useFiltres('activites', { service: '', etat: '' });
  const services = useMemo(() => q.data?.map((s) => ({ code: s.service, libelle: s.libelleService })) ?? [], [q.data]);
  const affichees = useMemo(
    () => lignes?.filter((l) => (!f.appliques.service || l.service === f.appliques.service) && (!f.appliques.etat || etat(l) === f.appliques.etat)),
    [lignes, f.appliques],
  );
  return (
    <Liste
      id="activites"
      titre="Liste des activités"
      lignes={affichees}
      colonnes={colonnes}
      cle={(l) => l.cle}
      triParDefaut={{ colonne: 'service', sens: 'asc' }}
      lien={(l) => `${a.base}/${encodeURIComponent(l.cle)}`}
      libelleLien={(l) => `${l.libelle} (${l.libelleService})`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      filtres={{
        ...f.proprietes,
        contenu: (
          <>
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filtre-service">
                Service
              </label>
              <select className="fr-select" id="filtre-service" value={f.saisie.service} onChange={(e) => f.modifier('service', e.target.value)}>
                <option value="">Tous les services</option>
                {services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.libelle}
                  </option>
                ))}
              </select>
            </div>
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filtre-etat">
                État
              </label>
              <select className="fr-select" id="filtre-etat" value={f.saisie.etat} onChange={(e) => f.modifier('etat', e.target.value)}>
                <option value="">Tous les états</option>
                <option value="Ouverte">Ouverte</option>
                <option value="Fermée">Fermée</option>
                <option value="Toujours ouverte">Toujours ouverte</option>
              </select>
            </div>
          </>
        ),
      }}
    />
  );
}

function DetailActivite({ cle }: { cle: string }) {
  const { q, lignes } = useActivites();
  const l = lignes?.find((x) => x.cle === cle);
  const client = useQueryClient();
  const { recharger } = useSession();
  const [ouverte, setOuverte] = useState(true);
  const [motif, setMotif] = useState('');
  useEffect(() => {
    if (l) {
      setOuverte(l.ouverte);
      setMotif(l.motif ?? '');
    }
  }, [l?.cle, l?.ouverte, l?.motif]);
  // The whole action is retried after a lost connection, follow-ups included.
  const enregistrer = useAction(
    async (choix: { ouverte: boolean; motif?: string }) => {
      const r = await api.put<{ message: string }>(`/api/gestion/activites/${encodeURIComponent(l!.service)}/${encodeURIComponent(l!.code)}`, choix);
      await client.invalidateQueries({ queryKey: ['gestion', 'activites'] });
      await recharger().catch(() => undefined);
      return r;
    },
    { succes: (r) => `${r.message} « ${l!.libelle} » (${l!.libelleService}).` },
  );
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    void enregistrer.executer({ ouverte, motif: ouverte ? undefined : motif.trim() || undefined });
  };
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Activité sélectionnée</h2>
      {q.isPending && <Chargement />}
      {q.data && !l && <p>Cette activité n’existe pas.</p>}
      {l && (
        <>
          <Details
            lignes={[
              ['Activité', l.libelle],
              ['Service', l.libelleService],
              ['Groupe', l.groupe],
              ['État actuel', etat(l)],
            ]}
          />
          {!l.fermable ? (
            <p>Cette activité fait partie de la plateforme : elle est toujours ouverte.</p>
          ) : (
            <form onSubmit={soumettre} noValidate>
              <RadioButtons
                legend="Ouverture pour l’académie"
                name="ouverte"
                orientation="horizontal"
                state={enregistrer.erreursChamps.ouverte ? 'error' : 'default'}
                stateRelatedMessage={enregistrer.erreursChamps.ouverte}
                options={[
                  { label: 'Ouverte', nativeInputProps: { value: 'oui', checked: ouverte, onChange: () => setOuverte(true) } },
                  { label: 'Fermée', nativeInputProps: { value: 'non', checked: !ouverte, onChange: () => setOuverte(false) } },
                ]}
              />
              {!ouverte && (
                <Input
                  label="Motif de fermeture (facultatif)"
                  hintText="Affiché aux utilisateurs sous le libellé grisé de l’activité, par exemple « Ouverture le 2 mai »."
                  state={enregistrer.erreursChamps.motif ? 'error' : 'default'}
                  stateRelatedMessage={enregistrer.erreursChamps.motif}
                  nativeInputProps={{ id: 'motif', name: 'motif', value: motif, maxLength: 300, onChange: (e) => setMotif(e.target.value) }}
                />
              )}
              <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
                Enregistrer
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}

export default function OuvertureActivites() {
  return <ListeOuDetail liste={<ListeActivites />} detail={(cle) => <DetailActivite cle={cle} />} />;
}
