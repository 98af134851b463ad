// Consultation des missions (seed 003 §4.1): the missions of the centre d'examen that have convoked
// intervenants, filtered by session year and exam, and the downloads of the displayed missions; a
// mission's header, its convoked intervenants (duplicata of each convocation, « Détails de
// l'affectation » on a row click) and the downloads of the displayed intervenants.
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQuery } from '@tanstack/react-query';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/centre/consultation';

interface Mission {
  id: number;
  numero: number;
  session: string;
  examen: string;
  annee: number;
  specialite: string | null;
  epreuveOption: string | null;
  type: string;
  debut: string | null;
  nbIntervenants: number;
}

interface DateAffectation {
  jour: string;
  heureDebut: string;
  heureFin: string;
  debut: string;
  fin: string;
}

interface Intervenant {
  convocationId: number;
  civilite: string;
  nom: string;
  prenom: string;
  etablissementPrincipal: string | null;
  telPerso: string | null;
  telPro: string | null;
  qualite: string | null;
  datesSpecifiques: string;
  commission: string | null;
  jury: string | null;
  salle: string | null;
  observation: string;
  origine: string;
  dates: DateAffectation[];
  duplicata: string;
}

interface Filtres {
  annees: number[];
  anneeCourante: number;
  examens: Array<{ code: string; sigle: string; libelle: string }>;
}

interface FiltreMissions extends Record<string, string> {
  /** Comma-separated years. */
  annees: string;
  /** Comma-separated exam codes. */
  examens: string;
}

const TRI_MISSIONS: Tri = { colonne: 'numero', sens: 'asc' };
const TRI_INTERVENANTS: Tri = { colonne: 'nom', sens: 'asc' };

const colonnesMissions: Colonne<Mission>[] = [
  { id: 'numero', libelle: 'N°', valeur: (m) => m.numero, texte: (m) => String(m.numero) },
  { id: 'session', libelle: 'Session examen', valeur: (m) => m.session, poids: 2 },
  { id: 'specialite', libelle: 'Spécialité', valeur: (m) => m.specialite, poids: 2 },
  { id: 'epreuve', libelle: 'Epreuve-option', valeur: (m) => m.epreuveOption, poids: 2 },
  { id: 'type', libelle: 'Type de mission', valeur: (m) => m.type, poids: 2 },
  { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
  { id: 'nb', libelle: 'Nbr. itv.', valeur: (m) => m.nbIntervenants, type: 'nombre', alignement: 'droite' },
];

const LIBELLES_MISSIONS = { csv: 'Extraction CSV', 'liste-pdf': 'Télécharger liste (pdf)', 'details-pdf': 'Télécharger détails (pdf)' } as const;
const LIBELLES_MISSION = { csv: 'Extraction CSV', 'liste-jury-pdf': 'Télécharger liste par jury (pdf)', 'details-pdf': 'Télécharger détails (pdf)' } as const;

const modaleAffectation = createModal({ id: 'modale-details-affectation', isOpenedByDefault: false });

const liste = (s: string) => s.split(',').filter(Boolean);
const basculer = (s: string, v: string, coche: boolean) => {
  const l = liste(s).filter((x) => x !== v);
  return (coche ? [...l, v] : l).sort().join(',');
};
const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

function BoutonsExport({ boutons, enCours }: { boutons: Array<{ libelle: string; pdf: boolean; surClic: () => void }>; enCours: boolean }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
      {boutons.map((b) => (
        <li key={b.libelle}>
          <button type="button" className={`fr-btn fr-btn--secondary ${b.pdf ? 'fr-icon-file-pdf-line' : 'fr-icon-download-line'}`} onClick={b.surClic} disabled={enCours}>
            {b.libelle}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Inline checkboxes; `complement`: the rest of a short label, for screen readers (the sigle is shown, the exam's name is read). */
function CasesACocher({ id, legende, options, valeur, surChangement }: { id: string; legende: string; options: Array<{ valeur: string; libelle: string; complement?: string }>; valeur: string; surChangement: (v: string) => void }) {
  const choisies = liste(valeur);
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}-legende`}>
      <legend className="fr-fieldset__legend fr-text--regular" id={`${id}-legende`}>
        {legende}
      </legend>
      {options.length === 0 && <p className="fr-fieldset__element fr-text--sm">Aucun choix proposé.</p>}
      {options.map((o) => (
        <div className="fr-fieldset__element fr-fieldset__element--inline" key={o.valeur}>
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${id}-${o.valeur}`} name={id} value={o.valeur} checked={choisies.includes(o.valeur)} onChange={(e) => surChangement(basculer(valeur, o.valeur, e.target.checked))} />
            <label className="fr-label" htmlFor={`${id}-${o.valeur}`} title={o.complement ? `${o.libelle}${o.complement}` : undefined}>
              {o.libelle}
              {o.complement && <span className="fr-sr-only">{o.complement}</span>}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function ListeMissions() {
  const a = useActivite();
  const f = useFiltres<FiltreMissions>('missions', { annees: '', examens: '' });
  const { annees, examens } = f.appliques;
  const params = new URLSearchParams();
  if (annees) params.set('annees', annees);
  if (examens) params.set('examens', examens);
  const qs = params.toString() ? `?${params}` : '';
  const filtres = useQuery({ queryKey: ['centre', 'consultation-missions', 'filtres'], queryFn: () => api.get<Filtres>(`${BASE}/filtres`) });
  const q = useQuery({
    queryKey: ['centre', 'consultation-missions', 'missions', qs],
    queryFn: () => api.get<{ total: number; annees: number[]; lignes: Mission[] }>(`${BASE}/missions${qs}`),
  });

  const exporter = useAction(
    async (document: 'csv' | 'liste-pdf' | 'details-pdf', ids: number[]) => {
      const nom = await telecharger(`${BASE}/missions/exports`, `missions.${document === 'csv' ? 'csv' : 'pdf'}`, { methode: 'POST', corps: { document, ids } });
      return { nom, n: ids.length, document };
    },
    {
      succes: (r) => `« ${LIBELLES_MISSIONS[r.document]} » : ${pluriel(r.n, 'mission')} dans ${r.nom}.`,
    },
  );
  const lancer = (document: 'csv' | 'liste-pdf' | 'details-pdf', affichees: Mission[]) => {
    if (affichees.length === 0) {
      consoleMessages.erreur('La liste affichée est vide : aucune mission à télécharger.');
      return;
    }
    void exporter.executer(document, affichees.map((m) => m.id));
  };

  const resume = [annees && `années ${liste(annees).join(', ')}`, examens && `examens ${liste(examens).map((c) => filtres.data?.examens.find((x) => x.code === c)?.sigle ?? c).join(', ')}`].filter(Boolean).join(' ; ');

  return (
    <>
      <Liste
        id="missions"
        titre="Liste des missions"
        lignes={q.data?.lignes}
        colonnes={colonnesMissions}
        cle={(m) => m.id}
        triParDefaut={TRI_MISSIONS}
        lien={(m) => `${a.base}/${m.id}`}
        libelleLien={(m) => `Mission n° ${m.numero}, ${m.type}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide={resume ? 'Aucune mission ne correspond à ces filtres.' : 'Aucune mission de votre centre ne comporte de convocation.'}
        exports={false}
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer les missions',
          libelleFiltrer: 'Filtrer missions',
          contenu: filtres.isPending ? (
            <Chargement />
          ) : (
            <>
              <CasesACocher
                id="filtre-annees"
                legende="Année"
                options={(filtres.data?.annees ?? []).map((x) => ({ valeur: String(x), libelle: String(x) }))}
                valeur={f.saisie.annees}
                surChangement={(v) => f.modifier('annees', v)}
              />
              <CasesACocher
                id="filtre-examens"
                legende="Examen"
                options={(filtres.data?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.sigle, complement: x.libelle.slice(x.sigle.length) }))}
                valeur={f.saisie.examens}
                surChangement={(v) => f.modifier('examens', v)}
              />
            </>
          ),
        }}
        actions={(affichees) => (
          <div role="group" aria-labelledby="titre-exports-missions">
            <p className="fr-text--sm fr-mb-1w" id="titre-exports-missions">
              Télécharger les missions affichées ({pluriel(affichees.length, 'mission')}, affectations convoquées seulement)
            </p>
            <BoutonsExport
              enCours={exporter.enCours}
              boutons={[
                { libelle: LIBELLES_MISSIONS.csv, pdf: false, surClic: () => lancer('csv', affichees) },
                { libelle: LIBELLES_MISSIONS['liste-pdf'], pdf: true, surClic: () => lancer('liste-pdf', affichees) },
                { libelle: LIBELLES_MISSIONS['details-pdf'], pdf: true, surClic: () => lancer('details-pdf', affichees) },
              ]}
            />
          </div>
        )}
      />
      <p className="fr-text--sm fr-mt-1w" role="status">
        {resume ? `Missions filtrées : ${resume}.` : q.data ? `Missions des sessions ${q.data.annees[0]} à ${q.data.annees.at(-1)}.` : ''}
      </p>
    </>
  );
}

function DetailsAffectation({ i }: { i: Intervenant }) {
  return (
    <>
      <Details
        lignes={[
          ['Nom', i.nom],
          ['Prénom', i.prenom],
          ['Qualité', i.qualite],
          ['Commission(s)', i.commission],
          ['Jury(s)', i.jury],
          ['Salle', i.salle],
          ['Observation', i.observation ? <span style={{ whiteSpace: 'pre-line' }}>{i.observation}</span> : null],
        ]}
      />
      <div className="fr-table fr-table--sm fr-mt-2w fr-mb-0">
        <table>
          <caption>Dates</caption>
          <thead>
            <tr>
              <th scope="col">Date de début</th>
              <th scope="col">Date de fin</th>
            </tr>
          </thead>
          <tbody>
            {i.dates.length === 0 && (
              <tr>
                <td colSpan={2}>Les dates seront précisées par le service des examens.</td>
              </tr>
            )}
            {i.dates.map((d) => (
              <tr key={d.jour}>
                <td>{d.debut}</td>
                <td>{d.fin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DetailMission({ id }: { id: string }) {
  const entete = useQuery({ queryKey: ['centre', 'consultation-missions', id], queryFn: () => api.get<Mission>(`${BASE}/missions/${id}`) });
  const q = useQuery({
    queryKey: ['centre', 'consultation-missions', id, 'intervenants'],
    queryFn: () => api.get<{ total: number; lignes: Intervenant[] }>(`${BASE}/missions/${id}/intervenants`),
    enabled: entete.isSuccess,
  });
  const [choisi, setChoisi] = useState<Intervenant | null>(null);
  const ouvrir = (i: Intervenant) => {
    setChoisi(i);
    modaleAffectation.open();
  };
  const m = entete.data;

  const dl = useAction((i: Intervenant) => telecharger(i.duplicata, `convocation-${i.nom}.pdf`), { succes: (nom) => `Duplicata de la convocation téléchargé : ${nom}.` });
  const exporter = useAction(
    async (document: 'csv' | 'liste-jury-pdf' | 'details-pdf', ids: number[]) => {
      const nom = await telecharger(`${BASE}/missions/${id}/exports`, `mission.${document === 'csv' ? 'csv' : 'pdf'}`, { methode: 'POST', corps: { document, ids } });
      return { nom, n: ids.length, document };
    },
    {
      succes: (r) => `« ${LIBELLES_MISSION[r.document]} » : ${pluriel(r.n, 'intervenant')} dans ${r.nom}.`,
    },
  );
  const lancer = (document: 'csv' | 'liste-jury-pdf' | 'details-pdf', affichees: Intervenant[]) => {
    if (affichees.length === 0) {
      consoleMessages.erreur('La liste affichée est vide : aucun intervenant à télécharger.');
      return;
    }
    void exporter.executer(document, affichees.map((i) => i.convocationId));
  };

  const colonnes: Colonne<Intervenant>[] = [
    {
      id: 'nom',
      libelle: 'Nom',
      valeur: (i) => i.nom,
      rendu: (i) => (
        <button
          type="button"
          className="fr-link fr-text--sm"
          data-convocation={i.convocationId}
          aria-haspopup="dialog"
          aria-label={`${i.nom} ${i.prenom} : détails de l’affectation`}
          onClick={() => ouvrir(i)}
        >
          {i.nom}
        </button>
      ),
    },
    { id: 'prenom', libelle: 'Prénom', valeur: (i) => i.prenom },
    { id: 'etablissement', libelle: 'Etablissement principal', valeur: (i) => i.etablissementPrincipal, poids: 2 },
    { id: 'telPerso', libelle: 'Tél pers.', valeur: (i) => i.telPerso },
    { id: 'telPro', libelle: 'Tél prof.', valeur: (i) => i.telPro },
    { id: 'qualite', libelle: 'Qualité', valeur: (i) => i.qualite },
    { id: 'dates', libelle: 'Dates spécifiques', valeur: (i) => i.datesSpecifiques, poids: 1.5 },
    {
      id: 'duplicata',
      libelle: 'Duplicata',
      valeur: () => '',
      triable: false,
      exportable: false,
      rendu: (i) => (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-file-pdf-line fr-btn--icon-left"
          aria-label={`Duplicata PDF de la convocation de ${i.nom} ${i.prenom}`}
          title={`Télécharger le duplicata de la convocation de ${i.nom} ${i.prenom}`}
          onClick={() => void dl.executer(i)}
          disabled={dl.enCours}
        >
          Duplicata
        </button>
      ),
    },
  ];

  // A click anywhere on a row (outside its buttons) shows the affectation, as the name's button does.
  const surClicLigne = (e: MouseEvent<HTMLDivElement>) => {
    const cible = e.target as HTMLElement;
    if (cible.closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    const bouton = cible.closest('tr.liste__ligne')?.querySelector<HTMLElement>('[data-convocation]');
    const i = bouton && q.data?.lignes.find((l) => l.convocationId === Number(bouton.dataset.convocation));
    if (i) ouvrir(i);
  };

  let contenu: ReactNode = null;
  if (entete.isPending) contenu = <Chargement />;
  else if (entete.isError)
    contenu = (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{entete.error.message}</p>
      </div>
    );
  else if (m)
    contenu = (
      <>
        <div className="detail-mission fr-mb-2w">
          <Details
            lignes={[
              ['Numéro mission', String(m.numero)],
              ['Type de mission', m.type],
              ['Date début mission', formaterDate(m.debut)],
              ['Session examen', m.session],
              ['Spécialité', m.specialite],
              ['Epreuve-option', m.epreuveOption],
            ]}
          />
        </div>
        <style>{'.intervenants-mission tr.liste__ligne { cursor: pointer; } .intervenants-mission tr.liste__ligne:hover td { background: var(--background-contrast-blue-france) !important; }'}</style>
        {/* The rows are also reachable by keyboard: the name in each row is a button. */}
        <div className="intervenants-mission" onClick={surClicLigne}>
          <Liste
            id={`intervenants-${id}`}
            titre="Liste des intervenants convoqués"
            lignes={q.data?.lignes}
            colonnes={colonnes}
            cle={(i) => i.convocationId}
            triParDefaut={TRI_INTERVENANTS}
            chargement={q.isPending}
            erreur={q.error}
            surReessayer={() => void q.refetch()}
            messageVide="Aucun intervenant n’est convoqué à cette mission."
            exports={false}
            actions={(affichees) => (
              <div role="group" aria-labelledby="titre-exports-intervenants">
                <p className="fr-text--sm fr-mb-1w" id="titre-exports-intervenants">
                  Télécharger les intervenants affichés ({pluriel(affichees.length, 'intervenant')})
                </p>
                <BoutonsExport
                  enCours={exporter.enCours}
                  boutons={[
                    { libelle: LIBELLES_MISSION.csv, pdf: false, surClic: () => lancer('csv', affichees) },
                    { libelle: LIBELLES_MISSION['liste-jury-pdf'], pdf: true, surClic: () => lancer('liste-jury-pdf', affichees) },
                    { libelle: LIBELLES_MISSION['details-pdf'], pdf: true, surClic: () => lancer('details-pdf', affichees) },
                  ]}
                />
              </div>
            )}
          />
        </div>
      </>
    );

  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Mission sélectionnée</h2>
      {contenu}
      <modaleAffectation.Component title="Détails de l'affectation" titleAs="h2" size="large" buttons={[{ children: 'OK', doClosesModal: true }]}>
        {choisi && <DetailsAffectation i={choisi} />}
      </modaleAffectation.Component>
    </>
  );
}

export default function ConsultationMissions() {
  return <ListeOuDetail liste={<ListeMissions />} detail={(id) => <DetailMission id={id} />} />;
}
