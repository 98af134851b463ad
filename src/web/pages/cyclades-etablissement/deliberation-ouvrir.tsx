// « Ouvrir la délibération de l'épreuve de contrôle » (seed 001 §4): the juries of the centre at 200
// move to 210, globally from the synthetic view (140, 198, 200, 210) or jury by jury in the detailed one.
import { PageDeliberation } from './deliberation-commun.tsx';
import { VuesDeliberation } from './deliberation-vues.tsx';

export default function OuvrirDeliberation() {
  return (
    <PageDeliberation
      etape={4}
      intro={
        <>
          <p>Cette activité permet au chef de centre de délibération d’ouvrir les délibérations pour le 2nd groupe.</p>
          <p>
            Cette opération n’est possible que si la DEC a ouvert l’épreuve de contrôle et que le jury est à l’état 200. Cela peut se faire globalement depuis la vue synthétique
            ou « jury par jury » dans la vue détaillée.
          </p>
        </>
      }
    >
      <VuesDeliberation vue="ouverture" />
    </PageDeliberation>
  );
}
