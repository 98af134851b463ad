// « Imports de données » (gestionnaire, issues 15 and 17; decision 0034): one screen for every kind of
// import (the server's list). Choose the kind (its description, columns, documentation and sample
// file), send the file (sent as is, with its progression; up to 200 Mo): its « Aperçu » counts what
// would be created, updated, unchanged, and lists each rejected line (number, column, reason) — nothing
// is written. Then choose « tout ou rien » or « lignes valides seulement » and « Appliquer » (the app's
// confirmation dialog): the progression, then the compte rendu. Below, the last imports of the académie.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ErreurApi, telecharger, televerser } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/imports';

interface Genre {
  code: string;
  libelle: string;
  description: string;
  documentation: string;
  exemple: boolean;
  complet: boolean;
  colonnes: Array<{ nom: string; obligatoire: boolean; description: string }>;
}

type Statut = 'en_attente' | 'en_cours' | 'termine' | 'erreur';
type Mode = 'apercu' | 'tout-ou-rien' | 'lignes-valides';

interface Import {
  id: string;
  titre: string;
  statut: Statut;
  genre: string;
  mode: Mode;
  fichier: string;
  creeLe: string;
  fin: string | null;
  par: string | null;
}

interface Rejet {
  ligne: number;
  champ: string;
  motif: string;
}

interface Resultat {
  mode: Mode;
  encodage: string;
  separateur: string;
  lignes: number;
  ajoutees: number;
  modifiees: number;
  inchangees: number;
  lignesRejetees: number;
  rejets: Rejet[];
  rejetsTronques: boolean;
  absents: string[];
  nbAbsents: number;
  refuse: boolean;
}

interface SuiviImport {
  id: string;
  titre: string;
  statut: Statut;
  mode: Mode;
  fichier: string;
  progression: number;
  total: number | null;
  erreur: string | null;
  resultat: Resultat | null;
  documents: Array<{ id: string; nom: string }>;
}

const STATUTS: Record<Statut, string> = { en_attente: 'En attente', en_cours: 'En cours', termine: 'Terminé', erreur: 'En erreur' };
const MODES: Record<Mode, string> = { apercu: 'Aperçu', 'tout-ou-rien': 'Tout ou rien', 'lignes-valides': 'Lignes valides seulement' };
const TAILLE_MAX = 200 * 1024 * 1024;

const nombre = (n: number) => n.toLocaleString('fr-FR');

function useSuivi(id: string) {
  return useQuery({
    queryKey: ['gestion', 'imports', 'suivi', id],
    queryFn: () => api.get<SuiviImport>(`${BASE}/${encodeURIComponent(id)}`, { passif: true }),
    refetchInterval: (q) => (q.state.data && (q.state.data.statut === 'termine' || q.state.data.statut === 'erreur') ? false : 700),
  });
}

function Progression({ s, quoi }: { s: SuiviImport | undefined; quoi: string }) {
  const total = s?.total ?? 0;
  const pc = total ? Math.min(100, Math.floor((100 * (s?.progression ?? 0)) / total)) : 0;
  return (
    <p role="status" aria-busy="true" className="fr-mb-1w">
      <label htmlFor={`progression-${s?.id ?? 'import'}`}>
        {quoi} : {s?.statut === 'en_attente' || !s ? 'en attente…' : `${pc} %`}
      </label>{' '}
      <progress id={`progression-${s?.id ?? 'import'}`} max={100} value={pc} />
    </p>
  );
}

/** The counts of a preview or an application, as a table (read by a screen reader as such). */
function Comptes({ r, apercu, unite }: { r: Resultat; apercu: boolean; unite: string }) {
  return (
    <div className="fr-table fr-table--sm fr-table--no-caption fr-mb-1w">
      <table>
        <caption>{apercu ? 'Ce que changerait l’import' : 'Ce que l’import a changé'}</caption>
        <thead>
          <tr>
            <th scope="col">{apercu ? 'À créer' : 'Créés'}</th>
            <th scope="col">{apercu ? 'À modifier' : 'Modifiés'}</th>
            <th scope="col">Inchangés</th>
            <th scope="col">Lignes rejetées</th>
            {r.nbAbsents > 0 && <th scope="col">Absents du fichier</th>}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{nombre(r.ajoutees)}</td>
            <td>{nombre(r.modifiees)}</td>
            <td>{nombre(r.inchangees)}</td>
            <td>{nombre(r.lignesRejetees)}</td>
            {r.nbAbsents > 0 && <td>{nombre(r.nbAbsents)}</td>}
          </tr>
        </tbody>
      </table>
      <p className="fr-text--xs fr-mb-0">
        {nombre(r.lignes)} ligne(s) de données lue(s) ({r.encodage}, séparateur « {r.separateur} ») ; unité : {unite}.
      </p>
    </div>
  );
}

function Rejets({ r, id }: { r: Resultat; id: string }) {
  const colonnes: Colonne<Rejet & { n: number }>[] = [
    { id: 'ligne', libelle: 'Ligne', valeur: (x) => x.ligne, type: 'nombre' },
    { id: 'champ', libelle: 'Colonne', valeur: (x) => x.champ },
    { id: 'motif', libelle: 'Motif du rejet', valeur: (x) => x.motif, poids: 4 },
  ];
  return (
    <Liste
      id={`rejets-${id}`}
      titre={`Lignes rejetées${r.rejetsTronques ? ` (les ${nombre(r.rejets.length)} premiers motifs ; tous dans le compte rendu complet)` : ''}`}
      lignes={r.rejets.map((x, n) => ({ ...x, n }))}
      colonnes={colonnes}
      cle={(x) => x.n}
      triParDefaut={{ colonne: 'ligne', sens: 'asc' }}
      messageVide="Aucune ligne rejetée."
      exports={['csv']}
    />
  );
}

function Absents({ r }: { r: Resultat }) {
  if (!r.nbAbsents) return null;
  return (
    <details className="fr-mb-2w">
      <summary>
        {nombre(r.nbAbsents)} élément(s) de l’académie absent(s) du fichier (extraction complète) : rien n’est supprimé
      </summary>
      <ul className="fr-text--sm">
        {r.absents.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ul>
    </details>
  );
}

/** An application (second treatment): progression, then its compte rendu. */
function Application({ id, unite }: { id: string; unite: string }) {
  const a = useActivite();
  const client = useQueryClient();
  const q = useSuivi(id);
  const s = q.data;
  const fini = s && (s.statut === 'termine' || s.statut === 'erreur');
  useEffect(() => {
    if (fini) void client.invalidateQueries({ queryKey: ['gestion', 'imports', 'ecran'] });
  }, [fini, client]);
  return (
    <section className="fr-mt-3w" aria-labelledby={`titre-application-${id}`} id="application-import">
      <h2 className="fr-h6" id={`titre-application-${id}`}>
        Compte rendu de l’import {s ? `(${MODES[s.mode].toLowerCase()})` : ''}
      </h2>
      {!fini && <Progression s={s} quoi="Application des lignes" />}
      {fini && (
        <div className={`fr-alert fr-alert--sm ${s.statut === 'erreur' ? 'fr-alert--error' : s.resultat?.lignesRejetees ? 'fr-alert--warning' : 'fr-alert--success'}`} role="status">
          <p>{s.statut === 'erreur' ? (s.erreur ?? "L'import a échoué : aucune ligne n'a été appliquée.") : s.resultat?.lignesRejetees ? `Import terminé : les lignes valides sont appliquées, ${nombre(s.resultat.lignesRejetees)} ligne(s) rejetée(s).` : 'Import terminé : toutes les lignes sont appliquées.'}</p>
        </div>
      )}
      {fini && s.resultat && !s.resultat.refuse && <Comptes r={s.resultat} apercu={false} unite={unite} />}
      <p className="fr-text--sm fr-mt-1w">
        <Link to={`/${a.service}/traitements/${encodeURIComponent(id)}`}>Afficher le compte rendu complet</Link>
        {s?.documents.length ? ' (lignes rejetées et absents téléchargeables en CSV)' : ''}
      </p>
    </section>
  );
}

/** The preview: progression, counts, rejected lines, then the mode and « Appliquer ». */
function Apercu({ id, genre }: { id: string; genre: Genre }) {
  const a = useActivite();
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const q = useSuivi(id);
  const s = q.data;
  const fini = s && (s.statut === 'termine' || s.statut === 'erreur');
  const [mode, setMode] = useState<'tout-ou-rien' | 'lignes-valides'>('tout-ou-rien');
  const [application, setApplication] = useState<string | null>(null);
  useEffect(() => {
    if (fini) void client.invalidateQueries({ queryKey: ['gestion', 'imports', 'ecran'] });
  }, [fini, client]);
  const appliquer = useAction(
    async (m: 'tout-ou-rien' | 'lignes-valides') => {
      const r = await api.post<{ traitementId: string }>(`${BASE}/${encodeURIComponent(id)}/appliquer`, { mode: m });
      setApplication(r.traitementId);
      void client.invalidateQueries({ queryKey: ['gestion', 'imports', 'ecran'] });
      return r;
    },
    { succes: () => 'Import lancé : sa progression et son compte rendu s’affichent ci-dessous.' },
  );
  const r = s?.resultat;
  const demander = () =>
    confirmation.demander({
      titre: 'Appliquer l’import',
      message:
        mode === 'tout-ou-rien'
          ? r?.lignesRejetees
            ? `Tout ou rien : ${nombre(r.lignesRejetees)} ligne(s) sont rejetées, l'import sera refusé et rien ne sera appliqué. Corrigez le fichier, ou choisissez « Lignes valides seulement ».`
            : `Tout ou rien : ${nombre(r?.ajoutees ?? 0)} création(s) et ${nombre(r?.modifiees ?? 0)} modification(s) seront appliquées ensemble.`
          : `Lignes valides seulement : ${nombre(r?.ajoutees ?? 0)} création(s) et ${nombre(r?.modifiees ?? 0)} modification(s) seront appliquées ; les ${nombre(r?.lignesRejetees ?? 0)} ligne(s) rejetée(s) seront ignorées.`,
      bouton: 'Appliquer',
      surConfirmation: () => void appliquer.executer(mode),
    });
  return (
    <section className="fr-mt-3w" aria-labelledby="titre-apercu-import" id="apercu-import">
      <h2 className="fr-h6" id="titre-apercu-import">
        Aperçu : {s?.fichier ?? 'fichier envoyé'}
      </h2>
      {!fini && <Progression s={s} quoi="Contrôle des lignes" />}
      {fini && s.statut === 'erreur' && (
        <div className="fr-alert fr-alert--error fr-alert--sm" role="status">
          <p>{s.erreur ?? "L'aperçu a échoué."}</p>
        </div>
      )}
      {fini && r && (
        <>
          <div className={`fr-alert fr-alert--sm fr-mb-2w ${r.lignesRejetees ? 'fr-alert--warning' : 'fr-alert--info'}`} role="status">
            <p>
              Aperçu terminé, rien n’a encore été appliqué : {nombre(r.ajoutees)} à créer, {nombre(r.modifiees)} à modifier, {nombre(r.inchangees)} inchangé(s), {nombre(r.lignesRejetees)} ligne(s) rejetée(s).
            </p>
          </div>
          <Comptes r={r} apercu unite={genre.libelle} />
          {r.rejets.length > 0 && <Rejets r={r} id={id} />}
          <Absents r={r} />
          {!application && (
            <>
              <fieldset className="fr-fieldset fr-mt-2w" aria-labelledby="legende-mode">
                <legend className="fr-fieldset__legend fr-text--regular" id="legende-mode">
                  Comment appliquer ce fichier ?
                </legend>
                <div className="fr-fieldset__element">
                  <div className="fr-radio-group">
                    <input type="radio" id="mode-tout-ou-rien" name="mode-import" checked={mode === 'tout-ou-rien'} onChange={() => setMode('tout-ou-rien')} />
                    <label className="fr-label" htmlFor="mode-tout-ou-rien">
                      Tout ou rien
                      <span className="fr-hint-text">Rien n’est appliqué si une seule ligne est rejetée.</span>
                    </label>
                  </div>
                </div>
                <div className="fr-fieldset__element">
                  <div className="fr-radio-group">
                    <input type="radio" id="mode-lignes-valides" name="mode-import" checked={mode === 'lignes-valides'} onChange={() => setMode('lignes-valides')} />
                    <label className="fr-label" htmlFor="mode-lignes-valides">
                      Lignes valides seulement
                      <span className="fr-hint-text">Les lignes valides sont appliquées, les lignes rejetées ignorées.</span>
                    </label>
                  </div>
                </div>
              </fieldset>
              <button type="button" className="fr-btn" onClick={demander} disabled={appliquer.enCours}>
                Appliquer
              </button>
            </>
          )}
        </>
      )}
      <p className="fr-text--sm fr-mt-1w">
        <Link to={`/${a.service}/traitements/${encodeURIComponent(id)}`}>Afficher le compte rendu complet de l’aperçu</Link>
      </p>
      {application && <Application key={application} id={application} unite={genre.libelle} />}
      {confirmation.dialogue}
    </section>
  );
}

export default function Imports() {
  const a = useActivite();
  const q = useQuery({ queryKey: ['gestion', 'imports', 'ecran'], queryFn: () => api.get<{ genres: Genre[]; derniers: Import[]; tailleMax: number }>(BASE) });
  const [genre, setGenre] = useState<string | null>(null);
  const [apercu, setApercu] = useState<{ id: string; genre: string } | null>(null);
  const [envoi, setEnvoi] = useState<{ nom: string; fraction: number } | null>(null);
  const champ = useRef<HTMLInputElement>(null);
  const deposer = useAction(
    async (g: Genre, fichier: File) => {
      setEnvoi({ nom: fichier.name, fraction: 0 });
      try {
        const r = await televerser<{ traitementId: string }>(`${BASE}/fichier?genre=${encodeURIComponent(g.code)}&nom=${encodeURIComponent(fichier.name)}`, fichier, (fraction) => setEnvoi({ nom: fichier.name, fraction }));
        if (champ.current) champ.current.value = '';
        setApercu({ id: r.traitementId, genre: g.code });
        return r;
      } finally {
        setEnvoi(null);
      }
    },
    { succes: () => 'Fichier reçu : son aperçu (ce qui changerait) s’affiche ci-dessous ; rien n’est appliqué avant « Appliquer ».' },
  );
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
      </div>
    );
  const genres = q.data.genres;
  const g = genres.find((x) => x.code === genre) ?? genres[0]!;
  const erreur = deposer.erreursChamps.fichier ?? deposer.erreursChamps.genre;
  const lancer = () => {
    const f = champ.current?.files?.[0];
    if (!f) {
      deposer.signalerChamps({ fichier: 'Fichier : choisissez le fichier CSV à importer.' });
      return;
    }
    if (f.size > TAILLE_MAX) {
      deposer.signalerChamps({ fichier: 'Fichier : 200 Mo au plus ; découpez-le en plusieurs fichiers.' });
      return;
    }
    setApercu(null);
    void deposer.executer(g, f);
  };
  const colonnes: Colonne<Import>[] = [
    { id: 'titre', libelle: 'Fichier', valeur: (i) => i.titre, poids: 3 },
    { id: 'creeLe', libelle: 'Lancé le', valeur: (i) => i.creeLe, type: 'dateHeure' },
    { id: 'mode', libelle: 'Mode', valeur: (i) => MODES[i.mode] ?? i.mode },
    { id: 'par', libelle: 'Par', valeur: (i) => i.par },
    { id: 'statut', libelle: 'Etat', valeur: (i) => STATUTS[i.statut] },
  ];
  const genreApercu = apercu ? (genres.find((x) => x.code === apercu.genre) ?? g) : g;
  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby="legende-genre">
        <legend className="fr-fieldset__legend fr-text--regular" id="legende-genre">
          Fichier à importer
        </legend>
        {genres.map((x) => (
          <div className="fr-fieldset__element" key={x.code}>
            <div className="fr-radio-group">
              <input type="radio" id={`genre-${x.code}`} name="genre-import" checked={x.code === g.code} onChange={() => setGenre(x.code)} />
              <label className="fr-label" htmlFor={`genre-${x.code}`}>
                {x.libelle}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <p className="fr-text--sm">{g.description}</p>
      <p className="fr-text--sm">
        <a href={`${BASE}/genres/${encodeURIComponent(g.code)}/documentation`} target="_blank" rel="noopener">
          Documentation du fichier « {g.libelle} » (nouvelle fenêtre)
        </a>
        {g.exemple && (
          <>
            {' · '}
            <button type="button" className="fr-link" onClick={() => void telecharger(`${BASE}/genres/${encodeURIComponent(g.code)}/exemple`, `exemple-${g.code}.csv`)}>
              Télécharger le fichier d’exemple
            </button>
          </>
        )}
        {g.complet && ' · Extraction complète : les éléments de l’académie absents du fichier sont signalés, jamais supprimés.'}
      </p>
      <div className="fr-table fr-table--sm fr-mb-2w">
        <table>
          <caption>Colonnes du fichier (première ligne : leurs noms ; séparateur « ; » ou « , » ; UTF-8 ou Windows-1252)</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Obligatoire</th>
              <th scope="col">Contenu</th>
            </tr>
          </thead>
          <tbody>
            {g.colonnes.map((c) => (
              <tr key={c.nom}>
                <td>
                  <code>{c.nom}</code>
                </td>
                <td>{c.obligatoire ? 'Oui' : 'Non'}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={`fr-upload-group${erreur ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="fichier-import">
          Fichier CSV
          <span className="fr-hint-text">200 Mo au plus. Un aperçu montre ce qui changerait avant toute application ; importer deux fois le même fichier ne change rien.</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="fichier-import"
          name="fichier-import"
          accept=".csv,.txt,text/csv"
          ref={champ}
          aria-describedby={erreur ? 'erreur-fichier-import' : undefined}
          onChange={() => deposer.effacerChamp('fichier')}
        />
        {erreur && (
          <p className="fr-error-text" id="erreur-fichier-import">
            {erreur}
          </p>
        )}
      </div>
      <button type="button" className="fr-btn fr-mt-2w" onClick={lancer} disabled={deposer.enCours}>
        Envoyer et prévisualiser
      </button>
      {envoi && (
        <p role="status" className="fr-mt-1w">
          <label htmlFor="envoi-import">Envoi de « {envoi.nom} » : {Math.round(envoi.fraction * 100)} %</label>{' '}
          <progress id="envoi-import" max={100} value={Math.round(envoi.fraction * 100)} />
        </p>
      )}
      {apercu && <Apercu key={apercu.id} id={apercu.id} genre={genreApercu} />}
      <div className="fr-mt-4w">
        <Liste
          id="imports"
          titre="Derniers imports de l'académie"
          lignes={q.data.derniers}
          colonnes={colonnes}
          cle={(i) => i.id}
          triParDefaut={{ colonne: 'creeLe', sens: 'desc' }}
          lien={(i) => `/${a.service}/traitements/${encodeURIComponent(i.id)}`}
          libelleLien={(i) => `Compte rendu de l'import ${i.titre}`}
          messageVide="Aucun import n'a encore été fait dans votre académie."
          exports={false}
        />
      </div>
    </>
  );
}
