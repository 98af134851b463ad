// « Contrôler les notes manquantes » (seed 001 §2): « Titre édition * », the centre's juries (Jury,
// Spécialité, Etat d'avancement du jury, Sélectionner jurys; only those at 200 can be chosen, all of
// them chosen at first), « Visualiser »: the server answers « Pas de notes manquantes. » or sends the
// PDF « CONTROLE DES NOTES MANQUANTES A L'EPREUVE DE CONTROLE »; « Rafraîchir » reads the juries again.
import { useEffect, useMemo, useState } from 'react';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { etatPermet } from '../../../domain/cyclades/jury.ts';
import {
  BASE_DELIBERATION,
  BoutonVisualiser,
  COLONNES_JURY,
  jurysPermis,
  PageDeliberation,
  TitreEdition,
  useJurysCentre,
  useRelireDeliberation,
  useVisualiser,
  type JuryCentre,
  type ResultatEdition,
} from './deliberation-commun.tsx';

const TRI: Tri = { colonne: 'jury', sens: 'asc' };

type Reponse = { manquantes: false; message: string };

function NotesManquantes() {
  const q = useJurysCentre();
  const relire = useRelireDeliberation();
  const [titre, setTitre] = useState('');
  const [selection, setSelection] = useState<number[]>([]);
  const [resultat, setResultat] = useState<ResultatEdition<Reponse> | null>(null);
  const jurys = q.data?.jurys;
  const permis = useMemo(() => jurysPermis(jurys, 'controler_notes_manquantes').map((j) => j.id), [jurys]);
  // As the seed shows it: every jury at 200 is chosen, at first and whenever that set changes.
  const clePermis = permis.join(',');
  useEffect(() => setSelection(clePermis ? clePermis.split(',').map(Number) : []), [clePermis]);
  const choisis = selection.filter((id) => permis.includes(id));

  const visualiser = useVisualiser<{ titre: string; juryIds: number[] }, Reponse>(`${BASE_DELIBERATION}/notes-manquantes`, 'notes-manquantes.pdf', (r) => r.message);
  const lancer = async () => {
    setResultat(null);
    setResultat((await visualiser.lancer({ titre, juryIds: choisis })) ?? null);
  };
  const err = visualiser.erreursChamps;

  const cocher = (id: number, coche: boolean) => {
    visualiser.effacerErreurs();
    setSelection(coche ? [...choisis, id] : choisis.filter((x) => x !== id));
  };

  const colonnes = useMemo<Colonne<JuryCentre>[]>(
    () => [
      ...COLONNES_JURY,
      {
        id: 'selection',
        libelle: 'Sélectionner jurys',
        valeur: () => '',
        triable: false,
        exportable: false,
        alignement: 'centre',
        rendu: (j) => (
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input
              type="checkbox"
              id={`jury-${j.id}`}
              name="jurys"
              value={j.id}
              disabled={!etatPermet(j.etat, 'controler_notes_manquantes')}
              checked={choisis.includes(j.id)}
              onChange={(e) => cocher(j.id, e.target.checked)}
            />
            <label className="fr-label" htmlFor={`jury-${j.id}`}>
              <span className="fr-sr-only">Sélectionner le jury {j.numero}</span>
            </label>
          </div>
        ),
      },
    ],
    // cocher only reads the selection.
    [choisis.join(',')],
  );

  const tous = permis.length > 0 && permis.every((id) => choisis.includes(id));
  return (
    <>
      {resultat && 'reponse' in resultat && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="resultat-notes-manquantes" role="status">
          <p>{resultat.reponse.message}</p>
        </div>
      )}
      {resultat && 'fichier' in resultat && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="resultat-notes-manquantes" role="status">
          <p>Des notes de l’épreuve de contrôle manquent : la liste des candidats concernés a été téléchargée ({resultat.fichier}).</p>
        </div>
      )}
      <TitreEdition valeur={titre} surChangement={setTitre} edition={visualiser} />
      <Liste
        id="jurys-notes-manquantes"
        titre="Jurys de votre centre de délibération"
        lignes={jurys}
        colonnes={colonnes}
        cle={(j) => j.id}
        triParDefaut={TRI}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun jury n’est délibéré dans votre centre pour cette session."
        exports={false}
        actions={
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input
              type="checkbox"
              id="tous-les-jurys"
              checked={tous}
              disabled={permis.length === 0}
              onChange={(e) => {
                visualiser.effacerErreurs();
                setSelection(e.target.checked ? permis : []);
              }}
            />
            <label className="fr-label" htmlFor="tous-les-jurys">
              Sélectionner / désélectionner tous les jurys à l’état 200
            </label>
          </div>
        }
      />
      {err.juryIds && (
        <p className="fr-message fr-message--error fr-mt-1w" id="choix-jurys-erreur">
          {err.juryIds}
        </p>
      )}
      <BoutonVisualiser edition={visualiser} surClic={() => void lancer()} idErreur="erreur-notes-manquantes">
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left"
            onClick={() => {
              setResultat(null);
              visualiser.effacerErreurs();
              void relire();
            }}
          >
            Rafraîchir
          </button>
        </li>
      </BoutonVisualiser>
    </>
  );
}

export default function ControleNotesManquantes() {
  return (
    <PageDeliberation
      etape={2}
      intro={
        <>
          <p>Cette activité permet au chef de centre de délibération de contrôler si aucune note ne manque à l’issue de l’épreuve de contrôle.</p>
          <p>
            Cette opération n’est possible que si la DEC a ouvert l’épreuve de contrôle (pour le recueil des notes de l’épreuve de contrôle) et que le jury est à l’état 200. Si
            des notes manquent, une édition est produite avec la liste des candidats et l’épreuve de contrôle pour laquelle il manque une note.
          </p>
        </>
      }
    >
      <NotesManquantes />
    </PageDeliberation>
  );
}
