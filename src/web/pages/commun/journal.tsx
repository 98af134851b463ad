// Journal d'audit: the connections and changes recorded for the académie (gestionnaire,
// administrateur, DSI), with a period filter and the before/after of each change.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { useActivite } from '../../app/activite.tsx';
import { ChampDate } from '../../forms/ChampDate.tsx';
import { formaterDateHeure, lireDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Entree {
  id: number;
  le: string;
  acteur: string;
  action: string;
  entite: string;
  entiteId: string | null;
  avant: unknown;
  apres: unknown;
  ip: string | null;
}

const LIMITE = 5000;

const colonnes: Colonne<Entree>[] = [
  { id: 'le', libelle: 'Date', valeur: (e) => e.le, type: 'dateHeure' },
  { id: 'acteur', libelle: 'Acteur', valeur: (e) => e.acteur },
  { id: 'action', libelle: 'Action', valeur: (e) => e.action },
  { id: 'entite', libelle: 'Objet', valeur: (e) => e.entite },
  { id: 'entiteId', libelle: 'Identifiant', valeur: (e) => e.entiteId },
  { id: 'ip', libelle: 'Adresse IP', valeur: (e) => e.ip },
];

function useJournal() {
  return useQuery(lecture<Entree[]>(LECTURES.journal));
}

const FILTRES_INITIAUX = { du: '', au: '', action: '' };

function valider(f: typeof FILTRES_INITIAUX) {
  const e: Partial<Record<keyof typeof FILTRES_INITIAUX, string>> = {};
  const du = f.du.trim() ? lireDate(f.du, 'La date de début') : null;
  const au = f.au.trim() ? lireDate(f.au, 'La date de fin') : null;
  if (du && !du.ok) e.du = du.message;
  if (au && !au.ok) e.au = au.message;
  if (du?.ok && au?.ok && du.iso > au.iso) e.au = 'La date de fin doit être postérieure ou égale à la date de début.';
  return e;
}

function ListeJournal() {
  const a = useActivite();
  const q = useJournal();
  const f = useFiltres('journal', FILTRES_INITIAUX, valider);
  const actions = useMemo(() => [...new Set((q.data ?? []).map((e) => e.action))].sort(), [q.data]);
  const lignes = useMemo(() => {
    if (!q.data) return undefined;
    const du = lireDate(f.appliques.du);
    const au = lireDate(f.appliques.au);
    return q.data.filter((e) => {
      const jour = formaterDateHeure(e.le).slice(0, 10).split('/').reverse().join('-');
      if (du.ok && jour < du.iso) return false;
      if (au.ok && jour > au.iso) return false;
      if (f.appliques.action && e.action !== f.appliques.action) return false;
      return true;
    });
  }, [q.data, f.appliques]);

  return (
    <>
      {q.data && q.data.length >= LIMITE && (
        <p className="fr-text--sm">Seules les {LIMITE.toLocaleString('fr-FR')} entrées les plus récentes sont chargées.</p>
      )}
      <Liste
        id="journal"
        titre="Journal d’audit"
        lignes={lignes}
        colonnes={colonnes}
        cle={(e) => e.id}
        triParDefaut={{ colonne: 'le', sens: 'desc' }}
        lien={(e) => `${a.base}/${e.id}`}
        libelleLien={(e) => `${formaterDateHeure(e.le)} — ${e.action} par ${e.acteur}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune entrée ne correspond aux filtres."
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer par période et par action',
          contenu: (
            <>
              <ChampDate label="Du" valeur={f.saisie.du} surChangement={(v) => f.modifier('du', v)} erreur={f.erreurs.du} name="du" />
              <ChampDate label="Au" valeur={f.saisie.au} surChangement={(v) => f.modifier('au', v)} erreur={f.erreurs.au} name="au" />
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="filtre-action">
                  Action
                </label>
                <select className="fr-select" id="filtre-action" value={f.saisie.action} onChange={(e) => f.modifier('action', e.target.value)}>
                  <option value="">Toutes les actions</option>
                  {actions.map((x) => (
                    <option key={x} value={x}>
                      {x}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ),
        }}
      />
    </>
  );
}

function json(v: unknown) {
  if (v === null || v === undefined) return '—';
  return <pre className="detail__json">{JSON.stringify(v, null, 2)}</pre>;
}

function DetailEntree({ id }: { id: string }) {
  const q = useJournal();
  const e = q.data?.find((x) => String(x.id) === id);
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Entrée du journal</h2>
      {q.isPending && <Chargement />}
      {q.data && !e && <p>Cette entrée ne figure pas parmi les {LIMITE.toLocaleString('fr-FR')} plus récentes.</p>}
      {e && (
        <Details
          lignes={[
            ['Date', formaterDateHeure(e.le)],
            ['Acteur', e.acteur],
            ['Action', e.action],
            ['Objet', e.entite],
            ['Identifiant', e.entiteId],
            ['Adresse IP', e.ip],
            ['Avant', json(e.avant)],
            ['Après', json(e.apres)],
          ]}
        />
      )}
    </>
  );
}

export default function Journal() {
  return <ListeOuDetail liste={<ListeJournal />} detail={(id) => <DetailEntree id={id} />} />;
}
