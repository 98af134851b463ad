// « Consultation missions » of the intervenant (seed 004 §2.3, docs/decisions/0020): the missions to
// which the académie of the session convoked him, and one tab per other académie that convoked him
// (read-only); a row opens the pop-up of the mission (examen, centre, type, numéro, qualité, jury and
// its qualité, the mission's text, dates); each row has the duplicata of its convocation (PDF).
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details } from '../../liste/ListeOuDetail.tsx';
import { ParAcademie } from './par-academie.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/intervenant/missions';

interface Onglet {
  code: string;
  /** « Académie de Nantes », « SIEC » */
  libelle: string;
  /** « l'académie de Nantes », « le SIEC » */
  designation: string;
  intitule: string;
  courante: boolean;
  convoquees: number;
  affectees: number;
}

interface Mission {
  convocationId: number;
  academieCode: string;
  lectureSeule: boolean;
  numero: number;
  examen: string;
  type: string;
  centre: string | null;
  qualite: string | null;
  debut: string | null;
  fin: string | null;
  duplicata: string;
}

interface DateMission {
  jour: string;
  heureDebut: string;
  heureFin: string;
  /** « lundi 29 juin 2026 08:00 » */
  debut: string;
  fin: string;
}

interface DetailMission extends Mission {
  academie: string;
  designationAcademie: string;
  examenLibelle: string;
  session: string;
  specialite: string | null;
  epreuve: string | null;
  adresseCentre: string | null;
  lieu: string | null;
  jury: string | null;
  qualiteJury: string | null;
  commission: string | null;
  salle: string | null;
  texte: string;
  dates: DateMission[];
}

interface Reponse {
  academieSession: string;
  onglets: Onglet[];
  total: number;
  lignes: Mission[];
}

const TRI: Tri = { colonne: 'debut', sens: 'asc' };
const modaleMission = createModal({ id: 'modale-mission-intervenant', isOpenedByDefault: false });

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

function DetailDeLaMission({ convocationId }: { convocationId: number }) {
  const q = useQuery({ queryKey: ['intervenant', 'missions', convocationId], queryFn: () => api.get<DetailMission>(`${BASE}/${convocationId}`) });
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
      </div>
    );
  const m = q.data;
  const lignes: Array<[string, ReactNode]> = [
    ['Examen', m.examenLibelle],
    ["Centre d'examen", m.centre ? (m.adresseCentre ? <>{m.centre}<br />{m.adresseCentre}</> : m.centre) : null],
    ['Type de mission', m.type],
    ['Numéro de mission', String(m.numero)],
    ['Qualité', m.qualite],
    ['Jury', m.jury],
    ['Qualité dans le jury', m.qualiteJury],
  ];
  if (m.commission) lignes.push(['Commission', m.commission]);
  if (m.salle) lignes.push(['Salle', m.salle]);
  if (m.lieu) lignes.push(['Lieu', m.lieu]);
  lignes.push(
    [
      'Dates',
      m.dates.length === 0 ? (
        'Les dates seront précisées par le service des examens.'
      ) : (
        <ul className="fr-m-0 fr-p-0" style={{ listStyle: 'none' }}>
          {m.dates.map((d) => (
            <li key={d.debut} className="fr-p-0">{`${d.debut} – ${d.heureFin}`}</li>
          ))}
        </ul>
      ),
    ],
    ['Précisions', m.texte ? <span style={{ whiteSpace: 'pre-line' }}>{m.texte}</span> : null],
    ['Session', m.session],
    ['Epreuve', m.epreuve],
  );
  return (
    <>
      {m.lectureSeule && <p className="fr-text--sm fr-mb-1w">Mission convoquée par {m.designationAcademie} : consultation seule.</p>}
      <Details lignes={lignes} />
    </>
  );
}

export default function ConsultationMissionsIntervenant() {
  const q = useQuery({ queryKey: ['intervenant', 'missions'], queryFn: () => api.get<Reponse>(BASE) });
  const [choisi, setChoisi] = useEtatPersistant<string | null>('intervenant-missions:onglet', null);
  const [ouverte, setOuverte] = useState<Mission | null>(null);
  const ouvrir = (m: Mission) => {
    setOuverte(m);
    modaleMission.open();
  };

  const dl = useAction((m: Mission) => telecharger(m.duplicata, `convocation-${m.numero}.pdf`), { succes: (nom) => `Duplicata de la convocation téléchargé : ${nom}.` });

  const colonnes = useMemo<Colonne<Mission>[]>(
    () => [
      {
        id: 'numero',
        libelle: 'N°',
        valeur: (m) => m.numero,
        texte: (m) => String(m.numero),
        rendu: (m) => (
          <button type="button" className="fr-link fr-text--sm" data-convocation={m.convocationId} aria-haspopup="dialog" aria-label={`Mission n° ${m.numero}, ${m.type} : détail`} onClick={() => ouvrir(m)}>
            {m.numero}
          </button>
        ),
      },
      { id: 'examen', libelle: 'Examen', valeur: (m) => m.examen, poids: 1.5, coupe: 6 },
      { id: 'centre', libelle: "Centre d'examen", valeur: (m) => m.centre, poids: 2, coupe: 8 },
      { id: 'type', libelle: 'Type de mission', valeur: (m) => m.type, poids: 2, coupe: 8 },
      { id: 'qualite', libelle: 'Qualité', valeur: (m) => m.qualite, poids: 1.5, coupe: 6 },
      { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
      {
        id: 'duplicata',
        libelle: 'Duplicata',
        valeur: () => '',
        triable: false,
        exportable: false,
        rendu: (m) => (
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-file-pdf-line"
            title={`Télécharger le duplicata de la convocation de la mission n° ${m.numero} (PDF)`}
            onClick={() => void dl.executer(m)}
            disabled={dl.enCours}
          >
            {`Duplicata PDF de la convocation de la mission n° ${m.numero}`}
          </button>
        ),
      },
    ],
    [dl.enCours],
  );

  const d = q.data;
  const onglets = d?.onglets ?? [];
  const actif = onglets.find((o) => o.code === choisi) ?? onglets[0];
  const lignes = useMemo(() => (d && actif ? d.lignes.filter((l) => l.academieCode === actif.code) : undefined), [d, actif]);

  // A click anywhere on a row (outside its buttons) opens the pop-up, as the number's button does.
  const surClicLigne = (e: MouseEvent<HTMLDivElement>) => {
    const cible = e.target as HTMLElement;
    if (cible.closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    const bouton = cible.closest('tr.liste__ligne')?.querySelector<HTMLElement>('[data-convocation]');
    const m = bouton && lignes?.find((l) => l.convocationId === Number(bouton.dataset.convocation));
    if (m) ouvrir(m);
  };

  const liste = actif ? (
    <>
      {!actif.courante && <p className="fr-text--sm fr-mb-1w">Missions auxquelles {actif.designation} vous a convoqué(e), lues dans ses données : consultation seule.</p>}
      {actif.courante && actif.affectees > 0 && (
        <p className="fr-text--sm fr-mb-1w" role="status">
          {actif.affectees === 1
            ? 'Une autre mission vous est affectée mais pas encore convoquée : elle apparaîtra dans cette liste avec sa convocation.'
            : `${pluriel(actif.affectees, 'autre mission')} vous sont affectées mais pas encore convoquées : elles apparaîtront dans cette liste avec leur convocation.`}
        </p>
      )}
      {/* At 1280×720 every column fits: long labels wrap, the tab panel keeps a narrow margin. */}
      <style>
        {'.missions-intervenant tr.liste__ligne { cursor: pointer; } .missions-intervenant tr.liste__ligne:hover td { background: var(--background-contrast-blue-france) !important; } ' +
          '.missions-intervenant .liste__table tbody td { white-space: normal; line-height: 1.25rem; } .onglets-missions > .fr-tabs__panel { padding: 1rem 0.75rem; }'}
      </style>
      {/* The rows are also reachable by keyboard: the number in each row is a button. */}
      <div className="missions-intervenant" onClick={surClicLigne}>
        <Liste
          key={actif.code}
          id={`missions-${actif.code}`}
          titre="Liste des missions"
          lignes={lignes}
          colonnes={colonnes}
          cle={(m) => m.convocationId}
          triParDefaut={TRI}
          chargement={q.isPending}
          erreur={q.error}
          surReessayer={() => void q.refetch()}
          messageVide={`Vous n'êtes convoqué(e) à aucune mission par ${actif.designation}.`}
          exports={false}
        />
      </div>
    </>
  ) : null;

  return (
    <>
      <ParAcademie requete={q} onglets={onglets} actif={actif} surChoix={setChoisi} libelleOnglet={(o) => `${o.libelle} (${o.convoquees})`} className="onglets-missions">
        {liste}
      </ParAcademie>
      <modaleMission.Component title={ouverte ? `Mission n° ${ouverte.numero}` : 'Mission'} titleAs="h2" size="large" buttons={[{ children: 'Fermer', doClosesModal: true }]}>
        {ouverte && <DetailDeLaMission convocationId={ouverte.convocationId} />}
      </modaleMission.Component>
    </>
  );
}
