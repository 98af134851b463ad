// « Où en sommes-nous ? » (seed 001): the seven steps of the chef de centre de délibération, shown on
// each of his pages, the page's own step in bold and marked (aria-current="step"). The server says
// which steps are done and which one comes next, jury by jury from what was produced for each (GET
// /api/cyclades/deliberation/ou-en-sommes-nous); a step done for some juries only names the others.
// Each step leads to its page.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useActivite } from '../../app/activite.tsx';
import { LECTURES, lecture } from '../../app/requetes.ts';

export interface Etape {
  code: string;
  libelle: string;
  faite: boolean;
  courante: boolean;
  /** The juries the step is still to do for. */
  jurysRestants?: string[];
}

/** The seed's steps and the activity of each (step 1 is this list itself). */
export const ETAPES: ReadonlyArray<{ libelle: string; activite: string | null }> = [
  { libelle: 'Où en sommes-nous ?', activite: null },
  { libelle: 'Contrôler les notes manquantes', activite: 'controle-notes-manquantes' },
  { libelle: 'Générer le plan de secours', activite: 'plan-de-secours' },
  { libelle: "Ouvrir la délibération de l'épreuve de contrôle", activite: 'ouvrir-deliberation' },
  { libelle: 'Editer les Procès Verbaux de tenue de délibération', activite: 'pv-deliberation' },
  { libelle: 'Editer les listes de résultats', activite: 'listes-resultats' },
  { libelle: 'Terminer la délibération des jurys', activite: 'terminer-controle' },
];

/** `etape`: this page's step, 1 to 7. */
export function OuEnSommesNous({ etape }: { etape: number }) {
  const a = useActivite();
  const q = useQuery(lecture<{ etapes: Etape[]; message: string | null; jurys?: Array<{ nombre: number }> }>(LECTURES.deliberationEtapes));
  const etat = (i: number): Etape | undefined => q.data?.etapes[i];
  const nbJurys = (q.data?.jurys ?? []).reduce((t, j) => t + j.nombre, 0);
  return (
    <nav className="fr-summary ou-en-sommes-nous" aria-labelledby="titre-ou-en-sommes-nous" id="ou-en-sommes-nous">
      <h2 className="fr-summary__title" id="titre-ou-en-sommes-nous">
        Où en sommes-nous ?
      </h2>
      <ol>
        {ETAPES.map((e, i) => {
          const n = i + 1;
          const ici = n === etape;
          // Step 1 is this list itself: neither done nor to do.
          const s = e.activite ? etat(i) : undefined;
          const contenu = (
            <>
              {n}. {s?.libelle ?? e.libelle}
              {s?.faite && (
                <span className="fr-icon-check-line fr-icon--sm ou-en-sommes-nous__faite" aria-hidden="true" title="Étape faite">
                  {' '}
                </span>
              )}
              {s?.faite && <span className="fr-sr-only"> (faite)</span>}
              {s?.courante && !s.faite && <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-ml-1w">À faire</span>}
              {/* Done for some juries only: the others by number. */}
              {s && !s.faite && s.jurysRestants && s.jurysRestants.length > 0 && s.jurysRestants.length < nbJurys && (
                <span className="fr-text--xs ou-en-sommes-nous__restants" data-restants={s.jurysRestants.join(',')}>
                  {' '}
                  (reste à faire pour {s.jurysRestants.length > 1 ? 'les jurys' : 'le jury'} {s.jurysRestants.join(', ')})
                </span>
              )}
            </>
          );
          return (
            <li key={n} className={`ou-en-sommes-nous__etape ${ici ? 'ou-en-sommes-nous__etape--ici' : ''}`} data-etape={n}>
              {e.activite && !ici ? (
                <Link className="fr-summary__link" to={`/${a.service}/${e.activite}`}>
                  {contenu}
                </Link>
              ) : (
                <span className="fr-summary__link ou-en-sommes-nous__texte" aria-current={ici ? 'step' : undefined}>
                  {ici && <span aria-hidden="true">▶ </span>}
                  {contenu}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {q.data?.message && (
        <p className="fr-text--sm fr-mt-2w fr-mb-0" id="ou-en-sommes-nous-message">
          {q.data.message}
        </p>
      )}
      <style>{STYLE}</style>
    </nav>
  );
}

const STYLE = `
.fr-summary.ou-en-sommes-nous { padding: 1rem 1.5rem; }
.ou-en-sommes-nous ol { list-style: none; padding-left: 0.5rem; margin: 0; }
@media (min-width: 48em) { .ou-en-sommes-nous ol { columns: 2; column-gap: 2.5rem; } }
.ou-en-sommes-nous .fr-summary__link { font-size: 0.875rem; }
.ou-en-sommes-nous .fr-summary__link::before { content: none; }
.ou-en-sommes-nous__etape { padding: 0.25rem 0 !important; break-inside: avoid; }
.ou-en-sommes-nous__etape--ici .ou-en-sommes-nous__texte { font-weight: 700; color: var(--text-active-blue-france); }
.ou-en-sommes-nous__faite { color: var(--text-default-success); margin-left: 0.25rem; }
.ou-en-sommes-nous__restants { color: var(--text-mention-grey); }
`;
