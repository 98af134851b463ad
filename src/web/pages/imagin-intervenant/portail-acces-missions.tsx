// « Portail d'accès aux missions » (seed 004 §2.6): the missions that give access to SANTORIN or
// CYCLADES, one tab per académie (the session's first), with examen, spécialité, épreuve-option, type,
// numéro, début and the état de correction; a click on a row opens the application in a new tab with
// a hand-off token (passage.ts); when it is not available, the console says so.
import { useQuery } from '@tanstack/react-query';
import { useMemo, type MouseEvent } from 'react';
import { api } from '../../app/api.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { ParAcademie } from './par-academie.tsx';
import { usePassage } from './passage.ts';

const BASE = '/api/intervenant/portails';

interface MissionPortail {
  convocationId: number;
  academieCode: string;
  examen: string;
  examenLibelle: string;
  session: string;
  specialite: string | null;
  epreuveOption: string | null;
  typeCode: string;
  type: string;
  numero: number;
  debut: string | null;
  etat: string | null;
  etatLibelle: string | null;
  application: string;
  applicationLibelle: string;
}

interface Reponse {
  academies: Array<{ code: string; libelle: string; courante: boolean; missions: MissionPortail[] }>;
}

const TRI: Tri = { colonne: 'debut', sens: 'desc' };

export default function PortailAccesMissions() {
  const q = useQuery({ queryKey: ['intervenant', 'portail-missions'], queryFn: () => api.get<Reponse>(`${BASE}/missions`) });
  const [choisi, setChoisi] = useEtatPersistant<string | null>('intervenant-portail:onglet', null);
  const passage = usePassage();
  const acceder = (m: MissionPortail) => {
    if (!passage.enCours) void passage.executer(`${BASE}/missions/${m.convocationId}/acces`, m.application === 'CYCLADES' ? 'CYCLADES' : 'SANTORIN');
  };

  const colonnes = useMemo<Colonne<MissionPortail>[]>(
    () => [
      {
        id: 'numero',
        libelle: 'N°',
        valeur: (m) => m.numero,
        texte: (m) => String(m.numero),
        rendu: (m) => (
          <button
            type="button"
            className="fr-link fr-text--sm"
            data-convocation={m.convocationId}
            aria-label={`Mission n° ${m.numero} : ouvrir ${m.applicationLibelle} dans un nouvel onglet`}
            title={`Ouvrir ${m.applicationLibelle} dans un nouvel onglet`}
            onClick={() => acceder(m)}
          >
            {m.numero}
          </button>
        ),
      },
      { id: 'examen', libelle: 'Examen', valeur: (m) => m.examen, rendu: (m) => <abbr title={m.examenLibelle}>{m.examen}</abbr> },
      { id: 'epreuve', libelle: 'Epreuve-option', valeur: (m) => m.epreuveOption, poids: 2 },
      { id: 'type', libelle: 'Type de mission', valeur: (m) => m.type, poids: 1.5 },
      { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
      { id: 'etat', libelle: 'Etat de correction', valeur: (m) => m.etatLibelle, poids: 1.5 },
      { id: 'specialite', libelle: 'Spécialité', valeur: (m) => m.specialite, poids: 1.5 },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [passage.enCours],
  );

  const d = q.data;
  const onglets = d?.academies ?? [];
  const actif = onglets.find((o) => o.code === choisi) ?? onglets[0];

  // A click anywhere on a row (outside its buttons) opens the application, as the number's button does.
  const surClicLigne = (e: MouseEvent<HTMLDivElement>) => {
    const cible = e.target as HTMLElement;
    if (cible.closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    const bouton = cible.closest('tr.liste__ligne')?.querySelector<HTMLElement>('[data-convocation]');
    const m = bouton && actif?.missions.find((l) => l.convocationId === Number(bouton.dataset.convocation));
    if (m) acceder(m);
  };

  const liste = actif ? (
    <>
      <p className="fr-text--sm fr-mb-1w">
        Cliquez sur une mission pour ouvrir SANTORIN ou CYCLADES dans un nouvel onglet
        {actif.courante ? '' : ` (application de l'académie de ${actif.libelle})`}. Si l'application n'est pas disponible, un message
        s'affiche dans la console : prenez alors contact avec votre gestionnaire.
      </p>
      <style>{'.portail-missions tr.liste__ligne { cursor: pointer; } .portail-missions tr.liste__ligne:hover td { background: var(--background-contrast-blue-france) !important; }'}</style>
      <div className="portail-missions" onClick={surClicLigne} aria-busy={passage.enCours}>
        <Liste
          key={actif.code}
          id={`portail-${actif.code}`}
          titre="Liste des missions"
          lignes={actif.missions}
          colonnes={colonnes}
          cle={(m) => m.convocationId}
          triParDefaut={TRI}
          messageVide={`Aucune mission de l'académie de ${actif.libelle} ne vous donne accès à SANTORIN ou à CYCLADES.`}
          exports={false}
        />
      </div>
    </>
  ) : null;

  return (
    <ParAcademie requete={q} onglets={onglets} actif={actif} surChoix={setChoisi} libelleOnglet={(o) => `${o.libelle} (${o.missions.length})`}>
      {liste}
    </ParAcademie>
  );
}
