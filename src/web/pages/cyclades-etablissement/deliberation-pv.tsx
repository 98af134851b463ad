// « Editer les Procès Verbaux de tenue de délibération » (seed 001 §5): the juries of the centre, those
// not closed (211) greyed, « Une édition contenant tous les documents du PV » (one PDF) or « Une édition
// par document du PV (regroupés dans un fichier Zip) », « Visualiser ».
import { useState } from 'react';
import { AvecJurys, BASE_DELIBERATION, BoutonVisualiser, ChoixJurys, ChoixParametre, PageDeliberation, useVisualiser, type JurysCentre } from './deliberation-commun.tsx';

type Mode = 'unique' | 'zip';

const MODES: Array<{ valeur: Mode; libelle: string }> = [
  { valeur: 'unique', libelle: 'Une édition contenant tous les documents du PV' },
  { valeur: 'zip', libelle: 'Une édition par document du PV (regroupés dans un fichier Zip)' },
];

function EditionPv({ donnees }: { donnees: JurysCentre }) {
  const [selection, setSelection] = useState<number[]>([]);
  const [mode, setMode] = useState<Mode>('unique');
  const visualiser = useVisualiser<{ juryIds: number[]; mode: Mode }>(`${BASE_DELIBERATION}/pv`, 'pv-deliberation');
  return (
    <>
      <ChoixJurys
        legende="Jury à éditer"
        jurys={donnees.jurys}
        operation="editer_pv"
        selection={selection}
        surSelection={setSelection}
        edition={visualiser}
        note="Les jurys grisés sont ceux qui ne sont pas clos (à l’état 211)."
      />
      <ChoixParametre legende="Paramètres d’édition" nom="mode" options={MODES} valeur={mode} surChangement={setMode} edition={visualiser} />
      <BoutonVisualiser edition={visualiser} surClic={() => void visualiser.lancer({ juryIds: selection, mode })} idErreur="erreur-pv" />
      <p className="fr-mt-3w">Le PV de tenue de délibération est composé des documents suivants :</p>
      <ul>
        <li>PV des admis,</li>
        <li>PV de la liste des notes modifiées au cours de la délibération,</li>
        <li>et enfin PV des candidats non admis.</li>
      </ul>
    </>
  );
}

export default function PvDeliberation() {
  return (
    <PageDeliberation
      etape={5}
      intro={
        <>
          <p>
            Cette activité permet au chef de centre d’éditer les PVs de tenue de délibération <strong>à faire signer par le Président du Jury.</strong>
          </p>
          <p>Cette étape est indispensable ; elle n’est possible que si le jury est clos et à l’état 211.</p>
          <p>
            Le PV de tenue de délibération doit être imprimé par vos soins et signé par l’intervenant (président ou vice-président) qui a modifié les notes en délibération.
          </p>
        </>
      }
    >
      <AvecJurys>{(d) => <EditionPv donnees={d} />}</AvecJurys>
    </PageDeliberation>
  );
}
