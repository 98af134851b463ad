// « Editer les listes des résultats » (seed 001 §6): « Titre édition * », the juries (only those closed
// at 211 can be chosen; « Sélectionner / désélectionner tous les jurys »), « Liste d'affichage des
// admis » (to post in the centre: never a liste-rouge or présumé-fraudeur candidate) or « Liste des non
// admis » (not to post), « Visualiser »: the PDF.
import { useState } from 'react';
import { AvecJurys, BASE_DELIBERATION, BoutonVisualiser, ChoixJurys, ChoixParametre, PageDeliberation, TitreEdition, useVisualiser, type JurysCentre } from './deliberation-commun.tsx';

type ListeResultats = 'admis' | 'non_admis';

const LISTES: Array<{ valeur: ListeResultats; libelle: string; aide: string }> = [
  { valeur: 'admis', libelle: 'Liste d’affichage des admis', aide: 'À afficher dans le centre de délibération. Les candidats inscrits en liste rouge ou présumés fraudeurs n’y figurent pas.' },
  { valeur: 'non_admis', libelle: 'Liste des non admis', aide: 'À ne pas afficher.' },
];

function EditionListes({ donnees }: { donnees: JurysCentre }) {
  const [titre, setTitre] = useState('');
  const [selection, setSelection] = useState<number[]>([]);
  const [liste, setListe] = useState<ListeResultats>('admis');
  const visualiser = useVisualiser<{ titre: string; juryIds: number[]; liste: ListeResultats }>(`${BASE_DELIBERATION}/listes-resultats`, 'liste-resultats.pdf');
  return (
    <>
      <TitreEdition valeur={titre} surChangement={setTitre} edition={visualiser} />
      <ChoixJurys
        legende="► Pour quel(s) jury(s) voulez-vous éditer la liste ?"
        jurys={donnees.jurys}
        operation="editer_listes"
        selection={selection}
        surSelection={setSelection}
        edition={visualiser}
        toutSelectionner
        note="Seuls les jurys clos (à l’état 211) peuvent être sélectionnés."
      />
      <ChoixParametre legende="► Choix de la liste à éditer" nom="liste" options={LISTES} valeur={liste} surChangement={setListe} edition={visualiser} />
      <BoutonVisualiser edition={visualiser} surClic={() => void visualiser.lancer({ titre, juryIds: selection, liste })} idErreur="erreur-listes" />
    </>
  );
}

export default function ListesResultats() {
  return (
    <PageDeliberation
      etape={6}
      intro={
        <>
          <p>
            Cette activité permet au chef de centre d’éditer les listes d’affichage des admis (à afficher dans le centre de délibération). Elle permet aussi d’éditer la liste des
            candidats non admis (à ne pas afficher).
          </p>
          <p>Cette étape n’est possible que si le jury est clos et à l’état 211.</p>
        </>
      }
    >
      <AvecJurys>{(d) => <EditionListes donnees={d} />}</AvecJurys>
    </PageDeliberation>
  );
}
