// « Editer la liste des candidats présumés fraudeurs ou inscrits en liste rouge » (seed 001, Délibération
// › Général): « Titre édition * », « Visualiser »: the PDF of the centre's juries' candidates concerned,
// who are left out of the official lists posted.
import { useState } from 'react';
import { BASE_DELIBERATION, BoutonVisualiser, PageDeliberation, TitreEdition, useVisualiser } from './deliberation-commun.tsx';

function EditionListeRouge() {
  const [titre, setTitre] = useState('');
  const visualiser = useVisualiser<{ titre: string }>(`${BASE_DELIBERATION}/liste-rouge`, 'liste-rouge-fraudeurs.pdf');
  return (
    <>
      <TitreEdition valeur={titre} surChangement={setTitre} edition={visualiser} />
      <BoutonVisualiser edition={visualiser} surClic={() => void visualiser.lancer({ titre })} idErreur="erreur-liste-rouge" />
    </>
  );
}

export default function ListeRougeFraudeurs() {
  return (
    <PageDeliberation
      etape={6}
      intro={
        <p>
          Cette activité permet au chef de centre d’éditer la liste des candidats inscrits sur « liste rouge » ou suspectés de fraude. Ces candidats seront exclus des listes
          officielles d’affichage des résultats.
        </p>
      }
    >
      <EditionListeRouge />
    </PageDeliberation>
  );
}
