// « Imports de données » (gestionnaire, issue 15): one screen for every kind of import (the server's
// list: today the SANTORIN correction states; issue 17 adds others). Choose the kind, read its
// columns, send the file (CSV « ; » or « , », UTF-8 or Windows-1252): a treatment checks every line
// and its compte rendu, shown here when it ends, lists each rejected line (number, column, reason).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/imports';

interface Genre {
  code: string;
  libelle: string;
  description: string;
  documentation: string;
  colonnes: Array<{ nom: string; obligatoire: boolean; description: string }>;
}

interface Import {
  id: string;
  titre: string;
  statut: 'en_attente' | 'en_cours' | 'termine' | 'erreur';
  genre: string;
  creeLe: string;
  fin: string | null;
  par: string | null;
}

interface CompteRendu {
  id: string;
  titre: string;
  statut: Import['statut'];
  journal?: Array<{ le: string; niveau: string; message: string }>;
  logs?: Array<{ le: string; niveau: string; message: string }>;
  documents: Array<{ id: string; nom: string; url?: string }>;
}

const STATUTS: Record<Import['statut'], string> = { en_attente: 'En attente', en_cours: 'En cours', termine: 'Terminé', erreur: 'En erreur' };

/** The file's bytes as base64 (the server reads the encoding itself: UTF-8 or Windows-1252). */
async function base64(fichier: File): Promise<string> {
  const octets = new Uint8Array(await fichier.arrayBuffer());
  let binaire = '';
  for (let i = 0; i < octets.length; i += 0x8000) binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

function Suivi({ id }: { id: string }) {
  const a = useActivite();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['traitements', id],
    queryFn: () => api.get<CompteRendu>(`/api/traitements/${encodeURIComponent(id)}`, { passif: true }),
    refetchInterval: (qq) => (qq.state.data && (qq.state.data.statut === 'termine' || qq.state.data.statut === 'erreur') ? false : 700),
  });
  const t = q.data;
  const fini = t && (t.statut === 'termine' || t.statut === 'erreur');
  const lignes = (t?.journal ?? t?.logs ?? []).filter((l) => l.message.startsWith('Ligne rejetée') || l.message.startsWith('Bilan') || l.niveau === 'erreur');
  // Once, when it ends: the list of the last imports shows its final state.
  useEffect(() => {
    if (fini) void client.invalidateQueries({ queryKey: ['gestion', 'imports'] });
  }, [fini, client]);
  return (
    <section className="fr-mt-3w" aria-labelledby="titre-suivi-import" id="suivi-import">
      <h2 className="fr-h6" id="titre-suivi-import">
        Compte rendu : {t?.titre ?? 'import en cours'}
      </h2>
      {!fini && (
        <p role="status" aria-busy="true">
          Import en cours : les lignes sont contrôlées…
        </p>
      )}
      {fini && (
        <div className={`fr-alert fr-alert--sm ${t.statut === 'erreur' ? 'fr-alert--error' : lignes.some((l) => l.message.startsWith('Ligne rejetée')) ? 'fr-alert--warning' : 'fr-alert--success'}`} role="status">
          <p>{t.statut === 'erreur' ? "L'import a échoué : aucune ligne n'a été prise en compte." : 'Import terminé.'}</p>
        </div>
      )}
      {fini && lignes.length > 0 && (
        <ul className="fr-mt-1w import-rejets">
          {lignes.map((l, i) => (
            <li key={i} className="fr-text--sm fr-mb-0">
              {l.message}
            </li>
          ))}
        </ul>
      )}
      <p className="fr-text--sm fr-mt-1w">
        <Link to={`/${a.service}/traitements/${encodeURIComponent(id)}`}>Afficher le compte rendu complet</Link>
        {t?.documents.length ? ' (les lignes rejetées y sont aussi téléchargeables en CSV)' : ''}
      </p>
    </section>
  );
}

export default function Imports() {
  const a = useActivite();
  const q = useQuery({ queryKey: ['gestion', 'imports'], queryFn: () => api.get<{ genres: Genre[]; derniers: Import[] }>(BASE) });
  const [genre, setGenre] = useState<string | null>(null);
  const [lance, setLance] = useState<string | null>(null);
  const champ = useRef<HTMLInputElement>(null);
  const importer = useAction(
    async (g: Genre, fichier: File) => {
      const r = await api.post<{ traitementId: string }>(BASE, { genre: g.code, nomFichier: fichier.name, contenu: await base64(fichier) });
      if (champ.current) champ.current.value = '';
      setLance(r.traitementId);
      return r;
    },
    { succes: () => 'Fichier reçu : ses lignes sont contrôlées par un traitement, le compte rendu s’affiche ci-dessous.' },
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
  const erreur = importer.erreursChamps.fichier ?? importer.erreursChamps.contenu;
  const lancer = () => {
    const f = champ.current?.files?.[0];
    if (!f) {
      importer.signalerChamps({ fichier: 'Fichier : choisissez le fichier CSV à importer.' });
      return;
    }
    if (f.size > 1024 * 1024) {
      importer.signalerChamps({ fichier: 'Fichier : 1 Mo au plus ; découpez-le en plusieurs fichiers.' });
      return;
    }
    void importer.executer(g, f);
  };
  const colonnes: Colonne<Import>[] = [
    { id: 'creeLe', libelle: 'Lancé le', valeur: (i) => i.creeLe, type: 'dateHeure' },
    { id: 'titre', libelle: 'Fichier', valeur: (i) => i.titre, poids: 3 },
    { id: 'par', libelle: 'Par', valeur: (i) => i.par },
    { id: 'statut', libelle: 'Etat', valeur: (i) => STATUTS[i.statut] },
  ];
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
          <span className="fr-hint-text">1 Mo au plus. Importer deux fois le même fichier ne change rien.</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="fichier-import"
          name="fichier-import"
          accept=".csv,.txt,text/csv"
          ref={champ}
          aria-describedby={erreur ? 'erreur-fichier-import' : undefined}
          onChange={() => importer.effacerChamp('fichier')}
        />
        {erreur && (
          <p className="fr-error-text" id="erreur-fichier-import">
            {erreur}
          </p>
        )}
      </div>
      <button type="button" className="fr-btn fr-mt-2w" onClick={lancer} disabled={importer.enCours}>
        Importer
      </button>
      {lance && <Suivi key={lance} id={lance} />}
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
