// Compact lists for the constat de service fait and the ICC (issue 14, decision 0016): at 1280×720,
// normal or « Grande » font, the list shows at least 10 whole rows and every column without sideways
// scrolling. The filter panel takes one or two lines (each multi-select on one line, its title in
// front; the checkboxes side by side; « Filtrer » beside the fields when there is room), and the
// columns share the width of the list (fixed layout, a width per column): a long label ends with « … »
// on one line (full text in the cell for screen readers, the keyword search and the exports, and as a
// tooltip), so that rows keep their height.
import type { ReactNode } from 'react';

export const listeValeurs = (s: string) => s.split(',').filter(Boolean);
export const basculerValeur = (s: string, v: string, coche: boolean) => {
  const l = listeValeurs(s).filter((x) => x !== v);
  return (coche ? [...l, v] : l).sort().join(',');
};

/** A multi-select of checkboxes on one line, its title in front (a named group). */
export function CochesEnLigne({ id, legende, options, valeur, surChangement }: { id: string; legende: string; options: Array<{ valeur: string; libelle: string }>; valeur: string; surChangement: (v: string) => void }) {
  return (
    <div className="filtre-ligne" role="group" id={id} aria-labelledby={`${id}-legende`}>
      <span className="filtre-ligne__titre" id={`${id}-legende`}>
        {legende}
      </span>
      {options.map((o) => (
        <div className="fr-checkbox-group fr-checkbox-group--sm" key={o.valeur}>
          <input type="checkbox" id={`${id}-${o.valeur}`} checked={listeValeurs(valeur).includes(o.valeur)} onChange={(e) => surChangement(basculerValeur(valeur, o.valeur, e.target.checked))} />
          <label className="fr-label" htmlFor={`${id}-${o.valeur}`}>
            {o.libelle}
          </label>
        </div>
      ))}
    </div>
  );
}

/** Single checkboxes side by side. */
export function CasesEnLigne({ cases }: { cases: Array<{ id: string; libelle: string; coche: boolean; surChangement: (c: boolean) => void }> }) {
  return (
    <div className="filtre-ligne">
      {cases.map((c) => (
        <div className="fr-checkbox-group fr-checkbox-group--sm" key={c.id}>
          <input type="checkbox" id={c.id} checked={c.coche} onChange={(e) => c.surChangement(e.target.checked)} />
          <label className="fr-label" htmlFor={c.id}>
            {c.libelle}
          </label>
        </div>
      ))}
    </div>
  );
}

/** A select with its label in front, on one line. */
export function ChoixEnLigne({ id, libelle, valeur, surChangement, children }: { id: string; libelle: string; valeur: string; surChangement: (v: string) => void; children: ReactNode }) {
  return (
    <div className="filtre-ligne">
      <label className="filtre-ligne__titre" htmlFor={id}>
        {libelle}
      </label>
      <select className="fr-select filtre-ligne__select" id={id} value={valeur} onChange={(e) => surChangement(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** A text cell's content: cut with « … » by the fixed layout, whole as a tooltip. */
export function Texte({ valeur }: { valeur: string | null | undefined }) {
  return valeur ? <span title={valeur}>{valeur}</span> : null;
}

/**
 * Wraps a Liste: compact filters, and the columns sharing the list's width: `largeurs` gives, in the
 * order of the columns, the width of those that need a given one (« 6.5rem », « 16% »); the others
 * (null) share what is left equally.
 */
export function ListeCompacte({ classe, largeurs, children }: { classe: string; largeurs: ReadonlyArray<string | null> | 'libres'; children: ReactNode }) {
  // Too many columns to share the width (the gestionnaire's follow-up list): each keeps its width,
  // a long label is cut at 10rem, and the list scrolls sideways.
  if (largeurs === 'libres')
    return (
      <div className={`liste-compacte liste-compacte--libre ${classe}`}>
        <style>{STYLE}</style>
        {children}
      </div>
    );
  const colonnes = largeurs
    .map((l, i) => (l ? `.${classe} .liste__table thead th:nth-child(${i + 1}) { width: ${l}; }` : ''))
    .filter(Boolean)
    .join('\n');
  return (
    <div className={`liste-compacte ${classe}`}>
      <style>{`${STYLE}\n${colonnes}`}</style>
      {children}
    </div>
  );
}

const STYLE = `
.liste-compacte .liste__filtres { position: relative; padding: 0.5rem 0.75rem 0; margin-bottom: 0.75rem; }
.liste-compacte .liste__fieldset { align-items: flex-start; }
.liste-compacte .liste__fieldset > legend { position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important; margin: 0 !important; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
.liste-compacte .liste__champs-filtres { width: auto; flex: 1 1 28rem; gap: 0 2rem; align-items: center; padding: 0 0.75rem; }
.liste-compacte .liste__champs-filtres > * { flex: 0 1 auto; max-width: none; margin-bottom: 0.5rem; }
.liste-compacte .liste__boutons-filtres { width: auto; flex: 0 0 auto; margin-left: auto; }
.liste-compacte .liste__boutons-filtres .fr-btn { margin: 0 0 0.5rem 0.5rem !important; min-height: 2rem !important; padding: 0.25rem 0.75rem !important; font-size: 0.875rem !important; line-height: 1.5rem !important; }
.filtre-ligne { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; min-height: 2rem; }
.filtre-ligne .fr-checkbox-group { margin: 0; }
.filtre-ligne .fr-checkbox-group .fr-label, .filtre-ligne__titre { white-space: nowrap; font-size: 0.875rem; }
.filtre-ligne__titre { font-weight: 700; }
.filtre-ligne__select { width: auto; max-width: 24rem; margin-top: 0 !important; }
.liste-compacte:not(.liste-compacte--libre) .liste__table { table-layout: fixed; }
.liste-compacte--libre .liste__table td > span[title] { display: inline-block; max-width: 10rem; overflow: hidden; text-overflow: ellipsis; vertical-align: top; }
.liste-compacte:not(.liste-compacte--libre) .liste__table thead th { white-space: normal; }
.liste-compacte .liste__table thead th { padding-left: 0.5rem; padding-right: 0.5rem; }
.liste-compacte .liste__table tbody td { overflow: hidden; text-overflow: ellipsis; padding-left: 0.5rem; padding-right: 0.5rem; }
.liste-compacte .liste__table tbody td .fr-badge { max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
`;
