// « Terminer l'épreuve de contrôle » (seed 001 §8): the closed juries (211) move to 214, globally from
// the synthetic view (198, 200, 210, 211, 214) or jury by jury; the DEC then publishes the results.
import { PageDeliberation } from './deliberation-commun.tsx';
import { VuesDeliberation } from './deliberation-vues.tsx';

export default function TerminerControle() {
  return (
    <PageDeliberation
      etape={7}
      intro={
        <>
          <p>
            Cette activité permet au chef de centre de <strong>terminer</strong> la délibération du 2nd groupe.
          </p>
          <p>
            Cette opération n’est possible que si le jury est clos et à l’état 211. Cela peut se faire globalement depuis la vue synthétique ou « jury par jury » dans la vue
            détaillée.
          </p>
          <p>
            Le procès-verbal de tenue de délibération est indispensable : un jury ne se termine qu’une fois son PV édité (étape 5). Les jurys sélectionnés qui ne peuvent pas
            l’être sont nommés, avec la raison ; les autres sont terminés.
          </p>
        </>
      }
    >
      <VuesDeliberation vue="terminaison" />
      <div className="fr-callout fr-mt-3w" id="apres-terminer">
        <p className="fr-callout__text fr-text--md">Le gestionnaire DEC reprend ensuite la main pour publier les résultats</p>
      </div>
    </PageDeliberation>
  );
}
