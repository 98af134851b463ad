// « Tableau de bord » (gestionnaire, issue 17, decision 0037): for the session chosen, four panels —
// convocations per mission against need, constat de service fait per centre, états de frais per status
// with amounts, CYCLADES jurys per centre and état (140 → 214) — each with its chart AND its data table
// beside it (RGAA: a chart is never the only way to read a figure) and « Exporter en CSV ». Refreshed
// every 15 s (deliberation day), with the time of the last update.
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { Chargement } from '../../shell/Pages.tsx';
import { COULEURS_DSFR, Histogramme, SERIE_DSFR } from './tableau-de-bord/graphiques.tsx';
import type { SessionTdb, TableauDeBord } from '../../../domain/imagin/tableau-de-bord.ts';

const URL = '/api/gestion/tableau-de-bord';
/** Live refresh period (deliberation day). */
export const RAFRAICHISSEMENT_MS = 15_000;

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euros = (centimes: number) => EUROS.format(centimes / 100);
const HEURE = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const libelleSession = (s: SessionTdb) => `${s.libelle} (${s.examen_code} – ${s.code})`;

const STYLE = (
  <style>
    {'.tableau-de-bord__panneau { border: 1px solid var(--border-default-grey); padding: 1rem; margin-bottom: 1.5rem; } ' +
      '.tableau-de-bord__entete { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; } ' +
      // Chart and table side by side at 1280 px (the table wider), one under the other with the large font.
      '.tableau-de-bord__corps { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; } ' +
      '.tableau-de-bord__corps > :first-child { flex: 2 1 16rem; min-width: 0; } ' +
      '.tableau-de-bord__corps > .tableau-de-bord__table { flex: 3 1 30rem; min-width: 0; } ' +
      '.tableau-de-bord__table { max-height: 36rem; overflow: auto; } ' +
      '.tableau-de-bord__table .fr-table { margin-bottom: 0; } ' +
      // Only the panel's frame scrolls (focusable, for the keyboard), not the DSFR's inner containers.
      '.tableau-de-bord__table .fr-table__wrapper, .tableau-de-bord__table .fr-table__container { overflow: visible !important; } ' +
      '.tableau-de-bord__table td, .tableau-de-bord__table th { white-space: normal; padding: 0.375rem 0.5rem; } ' +
      '.tableau-de-bord__table td.nombre, .tableau-de-bord__table th.nombre { text-align: right; white-space: nowrap; } ' +
      '.tableau-de-bord__barre { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-end; margin-bottom: 1rem; }'}
  </style>
);

export default function TableauDeBordPage() {
  const sessions = useQuery({ queryKey: ['gestion', 'tableau-de-bord', 'sessions'], queryFn: () => api.get<{ sessions: SessionTdb[] }>(`${URL}/sessions`) });
  const [choisie, setChoisie] = useState<number | null>(null);
  const liste = sessions.data?.sessions ?? [];
  const sid = choisie ?? liste[0]?.id ?? null;
  return (
    <div className="tableau-de-bord">
      {STYLE}
      {sessions.isPending && <Chargement />}
      {sessions.error && (
        <div className="fr-alert fr-alert--error fr-mb-2w">
          <p>Les sessions d'examen n'ont pas pu être lues : {sessions.error.message}</p>
        </div>
      )}
      {sessions.data && liste.length === 0 && <p>Aucune session d'examen ne concerne votre académie (ni mission, ni jury).</p>}
      {sid !== null && (
        <>
          <div className="tableau-de-bord__barre">
            <Select
              label="Session d'examen"
              className="fr-mb-0"
              nativeSelectProps={{ id: 'tableau-de-bord-session', value: String(sid), onChange: (e) => setChoisie(Number(e.target.value)) }}
            >
              {liste.map((s) => (
                <option key={s.id} value={s.id}>
                  {libelleSession(s)}
                </option>
              ))}
            </Select>
          </div>
          <Panneaux sid={sid} />
        </>
      )}
    </div>
  );
}

function Panneaux({ sid }: { sid: number }) {
  const q = useQuery({
    queryKey: ['gestion', 'tableau-de-bord', sid],
    queryFn: () => api.get<TableauDeBord>(`${URL}/sessions/${sid}`),
    refetchInterval: RAFRAICHISSEMENT_MS,
    refetchIntervalInBackground: false,
  });
  const t = q.data;
  return (
    <>
      <p className="fr-text--sm fr-mb-2w" id="tableau-de-bord-mise-a-jour" aria-live="off">
        {q.dataUpdatedAt ? `Dernière mise à jour : ${HEURE.format(new Date(q.dataUpdatedAt))}` : 'Lecture des chiffres…'} — actualisé toutes les {RAFRAICHISSEMENT_MS / 1000} secondes.{' '}
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-refresh-line fr-btn--icon-left" disabled={q.isFetching} onClick={() => void q.refetch()}>
          Actualiser
        </button>
      </p>
      {q.isPending && <Chargement />}
      {q.error && !t && (
        <div className="fr-alert fr-alert--error fr-mb-2w">
          <p>Les chiffres de la session n'ont pas pu être lus : {q.error.message}</p>
        </div>
      )}
      {q.error && t && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>L'actualisation a échoué ; les chiffres affichés sont ceux de la dernière mise à jour.</p>
        </div>
      )}
      {t && (
        <>
          <PanneauConvocations t={t} />
          <PanneauCsf t={t} />
          <PanneauFrais t={t} />
          <PanneauJurys t={t} />
        </>
      )}
    </>
  );
}

function Panneau({ id, titre, sid, panneau, graphique, table }: { id: string; titre: string; sid: number; panneau: string; graphique: ReactNode; table: ReactNode }) {
  const dl = useAction(() => telecharger(`${URL}/sessions/${sid}/export/${panneau}`, `tableau-de-bord-${panneau}.csv`), {
    succes: (nom) => `Tableau « ${titre} » exporté : ${nom}.`,
  });
  return (
    <section className="tableau-de-bord__panneau" id={id} aria-labelledby={`${id}-titre`}>
      <div className="tableau-de-bord__entete">
        <h2 className="fr-h5 fr-mb-1w" id={`${id}-titre`}>
          {titre}
        </h2>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left" disabled={dl.enCours} onClick={() => void dl.executer()}>
          Exporter en CSV
        </button>
      </div>
      <div className="tableau-de-bord__corps">
        <div>{graphique}</div>
        {/* A scrolling frame: reachable with the keyboard, named after its panel. */}
        <div className="tableau-de-bord__table" tabIndex={0} role="region" aria-label={`Tableau de données : ${titre}`}>
          {table}
        </div>
      </div>
    </section>
  );
}

function Table({ id, legende, entetes, lignes, vide }: { id: string; legende: string; entetes: { libelle: string; nombre?: boolean }[]; lignes: (string | number)[][]; vide: string }) {
  if (lignes.length === 0) return <p id={id}>{vide}</p>;
  return (
    <div className="fr-table fr-table--sm fr-table--no-caption">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table id={id}>
              <caption>{legende}</caption>
              <thead>
                <tr>
                  {entetes.map((e) => (
                    <th key={e.libelle} scope="col" className={e.nombre ? 'nombre' : undefined}>
                      {e.libelle}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lignes.map((l, i) => (
                  <tr key={i}>
                    {l.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={j} className={entetes[j]?.nombre ? 'nombre' : undefined}>
                          {c}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function PanneauConvocations({ t }: { t: TableauDeBord }) {
  const l = t.convocations;
  const besoin = l.reduce((n, x) => n + (x.besoin ?? 0), 0);
  const convoquees = l.reduce((n, x) => n + x.convoquees, 0);
  return (
    <Panneau
      id="tdb-convocations"
      titre="Convocations par mission au regard du besoin"
      sid={t.session.id}
      panneau="convocations"
      graphique={
        l.length === 0 ? null : (
          <Histogramme
            id="tdb-convocations-graphique"
            horizontal
            description={`Histogramme des convocations de ${l.length} missions : ${convoquees} convocations pour un besoin déclaré de ${besoin} (commissions et jurys). Les chiffres sont dans le tableau à côté.`}
            categories={l.map((x) => x.mission)}
            series={[
              { libelle: 'Besoin (commissions et jurys)', valeurs: l.map((x) => x.besoin ?? 0), couleur: COULEURS_DSFR.grisClair },
              { libelle: 'Convoquées', valeurs: l.map((x) => x.convoquees), couleur: COULEURS_DSFR.bleuFrance },
              { libelle: 'Affectées, non convoquées', valeurs: l.map((x) => x.affectees), couleur: COULEURS_DSFR.orangeTerreBattue },
            ]}
          />
        )
      }
      table={
        <Table
          id="tdb-convocations-table"
          legende="Convocations par mission"
          vide="Aucune mission de l'académie dans cette session."
          entetes={[{ libelle: 'Mission' }, { libelle: 'Centre' }, { libelle: 'Besoin', nombre: true }, { libelle: 'Convoquées', nombre: true }, { libelle: 'Affectées', nombre: true }, { libelle: 'Manquantes', nombre: true }]}
          lignes={l.map((x) => [x.mission, x.centre ?? '—', x.besoin ?? '—', x.convoquees, x.affectees, x.manquantes])}
        />
      }
    />
  );
}

function PanneauCsf({ t }: { t: TableauDeBord }) {
  const l = t.csf;
  return (
    <Panneau
      id="tdb-csf"
      titre="Avancement du constat de service fait par centre"
      sid={t.session.id}
      panneau="csf"
      graphique={
        l.length === 0 ? null : (
          <Histogramme
            id="tdb-csf-graphique"
            horizontal
            empile
            description={`Histogramme empilé du constat de service fait de ${l.length} centres : service fait, service non fait et restant à constater. Les chiffres sont dans le tableau à côté.`}
            categories={l.map((x) => x.centre)}
            series={[
              { libelle: 'Service fait', valeurs: l.map((x) => x.serviceFait), couleur: COULEURS_DSFR.vertEmeraude },
              { libelle: 'Service non fait', valeurs: l.map((x) => x.serviceNonFait), couleur: COULEURS_DSFR.rougeMarianne },
              { libelle: 'À constater', valeurs: l.map((x) => x.convoquees - x.constatees), couleur: COULEURS_DSFR.grisClair },
            ]}
          />
        )
      }
      table={
        <Table
          id="tdb-csf-table"
          legende="Constat de service fait par centre"
          vide="Aucune convocation de la session."
          entetes={[{ libelle: 'Centre' }, { libelle: 'Convocations', nombre: true }, { libelle: 'Constatées', nombre: true }, { libelle: 'Fait', nombre: true }, { libelle: 'Non fait', nombre: true }, { libelle: 'Avancement', nombre: true }]}
          lignes={l.map((x) => [x.centre, x.convoquees, x.constatees, x.serviceFait, x.serviceNonFait, `${x.pourcentage} %`])}
        />
      }
    />
  );
}

function PanneauFrais({ t }: { t: TableauDeBord }) {
  const l = t.frais;
  const total = l.reduce((n, x) => n + x.nombre, 0);
  const montant = l.reduce((n, x) => n + x.totalCentimes, 0);
  return (
    <Panneau
      id="tdb-frais"
      titre="États de frais par statut"
      sid={t.session.id}
      panneau="frais"
      graphique={
        <Histogramme
          id="tdb-frais-graphique"
          horizontal
          description={`Histogramme des ${total} états de frais de la session par statut, pour ${euros(montant)} au total. Les chiffres et les montants sont dans le tableau à côté.`}
          categories={l.map((x) => x.libelle)}
          series={[{ libelle: 'États de frais', valeurs: l.map((x) => x.nombre), couleur: COULEURS_DSFR.bleuEcume }]}
        />
      }
      table={
        <Table
          id="tdb-frais-table"
          legende="États de frais par statut, avec leurs montants"
          vide="Aucun état de frais."
          entetes={[{ libelle: 'Statut' }, { libelle: 'Nombre', nombre: true }, { libelle: 'Rémunération', nombre: true }, { libelle: 'Déplacement', nombre: true }, { libelle: 'Total', nombre: true }]}
          lignes={[
            ...l.map((x) => [x.libelle, x.nombre, euros(x.remunerationCentimes), euros(x.deplacementCentimes), euros(x.totalCentimes)]),
            ['Ensemble', total, euros(l.reduce((n, x) => n + x.remunerationCentimes, 0)), euros(l.reduce((n, x) => n + x.deplacementCentimes, 0)), euros(montant)],
          ]}
        />
      }
    />
  );
}

function PanneauJurys({ t }: { t: TableauDeBord }) {
  const l = t.jurys;
  const total = l.reduce((n, x) => n + x.total, 0);
  return (
    <Panneau
      id="tdb-jurys"
      titre="États des jurys par centre de délibération"
      sid={t.session.id}
      panneau="jurys"
      graphique={
        l.length === 0 ? null : (
          <Histogramme
            id="tdb-jurys-graphique"
            horizontal
            empile
            description={`Histogramme empilé des ${total} jurys de ${l.length} centres de délibération par état, de 140 à 214. Les chiffres sont dans le tableau à côté.`}
            categories={l.map((x) => x.centre)}
            series={t.etatsJury.map((e, i) => ({ libelle: `${e.etat} - ${e.libelle}`, valeurs: l.map((x) => x.parEtat[String(e.etat)] ?? 0), couleur: SERIE_DSFR[i % SERIE_DSFR.length]! }))}
          />
        )
      }
      table={
        <>
        <Table
          id="tdb-jurys-table"
          legende="Jurys par centre de délibération et par état"
          vide="Aucun jury de délibération dans cette session."
          entetes={[{ libelle: 'Centre' }, ...t.etatsJury.map((e) => ({ libelle: String(e.etat), nombre: true })), { libelle: 'Total', nombre: true }]}
          lignes={l.map((x) => [x.centre, ...t.etatsJury.map((e) => x.parEtat[String(e.etat)] ?? 0), x.total])}
        />
        {/* The columns are the états' numbers: their meaning, for the table read alone. */}
        <p className="fr-text--xs fr-mt-1w fr-mb-0" id="tdb-jurys-etats">
          {t.etatsJury.map((e) => `${e.etat} : ${e.libelle}`).join(' ; ')}.
        </p>
        </>
      }
    />
  );
}
