// « Dates de mission » of the form « Détail de l'affectation » (003 §4.2.3): a month grid where the
// days that may be chosen (the mission's, the chosen commission's, or the gestionnaire's date for COEC
// and PRECE) are highlighted and the others greyed; each selectable day is a toggle button (aria-pressed).
import { useState } from 'react';
import { ajouterMois, libelleJour, NOMS_JOURS, NOMS_MOIS, semainesDuMois } from '../../forms/dates.ts';
import type { Creneau } from './convocation-commun.ts';

const premierDuMois = (iso: string) => `${iso.slice(0, 7)}-01`;

export function CalendrierAffectation(props: {
  /** The days that may be chosen; empty: all greyed (a commission must be chosen first). */
  selectionnables: readonly Creneau[];
  /** The chosen days (ISO). */
  choisis: readonly string[];
  surBasculer: (c: Creneau) => void;
  /** The month shown when nothing is selectable (the mission's first date). */
  moisParDefaut: string;
  indice?: string;
}) {
  const jours = new Map(props.selectionnables.map((c) => [c.jour, c]));
  const premier = props.selectionnables[0]?.jour ?? props.choisis[0] ?? props.moisParDefaut;
  const [mois, setMois] = useState(premierDuMois(premier));
  // Back to the first selectable month when the selectable days change (another commission).
  const [cle, setCle] = useState(props.selectionnables.map((c) => c.jour).join(','));
  const nouvelleCle = props.selectionnables.map((c) => c.jour).join(',');
  if (cle !== nouvelleCle) {
    setCle(nouvelleCle);
    setMois(premierDuMois(premier));
  }
  const [annee, m] = mois.split('-').map(Number) as [number, number];
  const titre = `${NOMS_MOIS[m - 1]} ${annee}`;
  const moisAvecDates = [...new Set(props.selectionnables.map((c) => c.jour.slice(0, 7)))];

  return (
    <div className="calendrier-affectation">
      <div className="calendrier__entete">
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-only fr-icon-arrow-left-s-line" title="Mois précédent" onClick={() => setMois(ajouterMois(mois, -1))}>
          Mois précédent
        </button>
        <p className="calendrier__titre" aria-live="polite">
          {titre}
        </p>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-only fr-icon-arrow-right-s-line" title="Mois suivant" onClick={() => setMois(ajouterMois(mois, 1))}>
          Mois suivant
        </button>
      </div>
      <table className="calendrier__grille">
        <caption className="fr-sr-only">Dates de mission, {titre} : les dates proposées sont des boutons à presser pour les choisir.</caption>
        <thead>
          <tr>
            {NOMS_JOURS.map((j) => (
              <th key={j} scope="col" abbr={j}>
                {j.slice(0, 1).toUpperCase()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {semainesDuMois(mois).map((s, i) => (
            <tr key={i}>
              {s.map((iso, k) => {
                if (!iso) return <td key={`v${k}`} />;
                const c = jours.get(iso);
                const choisi = props.choisis.includes(iso);
                return (
                  <td key={iso}>
                    <button
                      type="button"
                      data-date={iso}
                      className={['calendrier__jour', c ? 'calendrier__jour--autorise' : 'calendrier__jour--interdit', choisi ? 'calendrier__jour--choisi' : ''].join(' ')}
                      aria-pressed={c ? choisi : undefined}
                      disabled={!c}
                      aria-label={`${libelleJour(iso)}${c ? `, date proposée${choisi ? ', sélectionnée' : ''}` : ', date non proposée'}`}
                      onClick={() => c && props.surBasculer(c)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fr-text--xs fr-mb-0">
        <span className="calendrier__legende" aria-hidden="true" /> date proposée
        {moisAvecDates.length > 0 && ` (${moisAvecDates.map((x) => `${NOMS_MOIS[Number(x.slice(5)) - 1]} ${x.slice(0, 4)}`).join(', ')})`}
        {props.indice ? ` — ${props.indice}` : ''}
      </p>
      <style>{'.calendrier-affectation { display: inline-block; padding: 0.75rem; border: 1px solid var(--border-default-grey); min-width: 19rem; } .calendrier-affectation .calendrier__jour:disabled { cursor: not-allowed; opacity: 1; } .calendrier-affectation .calendrier__jour--autorise:hover { background-color: var(--background-action-low-blue-france-hover) !important; } .calendrier-affectation .calendrier__jour--choisi, .calendrier-affectation .calendrier__jour--choisi:hover { background-color: var(--background-active-blue-france) !important; color: var(--text-inverted-blue-france); }'}</style>
    </div>
  );
}
