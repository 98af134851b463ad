// A date typed as JJ/MM/AAAA, with a calendar (APG date picker dialog pattern) that can highlight the
// allowed dates and grey the others (mission dates, issue 3 §9). The server checks the date again.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ajouterJours, ajouterMois, dateVersIso, isoVersDate, isoVersFr, libelleJour, lireDate, NOMS_JOURS, NOMS_MOIS, semainesDuMois } from './dates.ts';

export interface ChampDateProps {
  label: string;
  /** The text typed (JJ/MM/AAAA). */
  valeur: string;
  surChangement: (texte: string) => void;
  erreur?: string | null;
  indice?: string;
  obligatoire?: boolean;
  /** When given, only these dates may be picked; the calendar highlights them and greys the others. */
  dateAutorisee?: (iso: string) => boolean;
  /** Month shown when the field is empty (ISO date). */
  moisInitial?: string;
  name?: string;
  className?: string;
}

export function ChampDate({ label, valeur, surChangement, erreur, indice, obligatoire, dateAutorisee, moisInitial, name, className }: ChampDateProps) {
  const id = useId();
  const idInput = `${id}-saisie`;
  const idIndice = `${id}-indice`;
  const idErreur = `${id}-erreur`;
  const [ouvert, setOuvert] = useState(false);
  const bouton = useRef<HTMLButtonElement>(null);
  const conteneur = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ouvert) return;
    const dehors = (e: MouseEvent) => {
      if (conteneur.current && !conteneur.current.contains(e.target as Node)) setOuvert(false);
    };
    document.addEventListener('mousedown', dehors);
    return () => document.removeEventListener('mousedown', dehors);
  }, [ouvert]);

  const lue = lireDate(valeur);
  const selection = lue.ok ? lue.iso : null;

  return (
    <div className={`fr-input-group champ-date ${erreur ? 'fr-input-group--error' : ''} ${className ?? ''}`} ref={conteneur}>
      <label className="fr-label" htmlFor={idInput}>
        {label}
        {obligatoire && <span aria-hidden="true"> *</span>}
        <span className="fr-hint-text" id={idIndice}>
          {indice ?? 'Format JJ/MM/AAAA, par exemple 15/06/2026'}
        </span>
      </label>
      <div className="champ-date__ligne">
        <input
          className={`fr-input ${erreur ? 'fr-input--error' : ''}`}
          id={idInput}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="JJ/MM/AAAA"
          value={valeur}
          required={obligatoire}
          aria-invalid={erreur ? true : undefined}
          aria-describedby={`${idIndice}${erreur ? ' ' + idErreur : ''}`}
          onChange={(e) => surChangement(e.target.value)}
        />
        <button
          ref={bouton}
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--icon-only fr-icon-calendar-line"
          title={`Choisir la date « ${label} » dans un calendrier`}
          aria-label={`Choisir la date « ${label} » dans un calendrier`}
          aria-expanded={ouvert}
          onClick={() => setOuvert((o) => !o)}
        />
      </div>
      <div className="fr-messages-group" aria-live="polite">
        {erreur && (
          <p className="fr-message fr-message--error" id={idErreur}>
            {erreur}
          </p>
        )}
      </div>
      {ouvert && (
        <Calendrier
          libelle={label}
          selection={selection}
          moisInitial={selection ?? moisInitial ?? dateVersIso(new Date())}
          dateAutorisee={dateAutorisee}
          surChoix={(iso) => {
            surChangement(isoVersFr(iso));
            setOuvert(false);
            bouton.current?.focus();
          }}
          surFermer={() => {
            setOuvert(false);
            bouton.current?.focus();
          }}
        />
      )}
    </div>
  );
}

interface CalendrierProps {
  libelle: string;
  selection: string | null;
  moisInitial: string;
  dateAutorisee?: (iso: string) => boolean;
  surChoix: (iso: string) => void;
  surFermer: () => void;
}

export function Calendrier({ libelle, selection, moisInitial, dateAutorisee, surChoix, surFermer }: CalendrierProps) {
  const [focus, setFocus] = useState(moisInitial);
  const grille = useRef<HTMLTableElement>(null);
  const idTitre = useId();
  const semaines = semainesDuMois(focus);
  const [annee, mois] = focus.split('-').map(Number) as [number, number];
  const aujourdhui = dateVersIso(new Date());
  const deplacerFocus = useRef(false);

  useLayoutEffect(() => {
    grille.current?.querySelector<HTMLButtonElement>(`button[data-date="${focus}"]`)?.focus({ preventScroll: !deplacerFocus.current });
    deplacerFocus.current = true;
  }, [focus]);

  const clavier = (e: KeyboardEvent<HTMLTableElement>) => {
    const dep: Record<string, () => string> = {
      ArrowLeft: () => ajouterJours(focus, -1),
      ArrowRight: () => ajouterJours(focus, 1),
      ArrowUp: () => ajouterJours(focus, -7),
      ArrowDown: () => ajouterJours(focus, 7),
      PageUp: () => ajouterMois(focus, e.shiftKey ? -12 : -1),
      PageDown: () => ajouterMois(focus, e.shiftKey ? 12 : 1),
      Home: () => ajouterJours(focus, -((isoVersDate(focus).getDay() + 6) % 7)),
      End: () => ajouterJours(focus, 6 - ((isoVersDate(focus).getDay() + 6) % 7)),
    };
    const f = dep[e.key];
    if (f) {
      e.preventDefault();
      setFocus(f());
    }
  };

  return (
    <div
      className="calendrier"
      role="dialog"
      aria-modal="false"
      aria-labelledby={idTitre}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          surFermer();
        }
      }}
    >
      <div className="calendrier__entete">
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-only fr-icon-arrow-left-s-line" aria-label="Mois précédent" title="Mois précédent" onClick={() => setFocus(ajouterMois(focus, -1))} />
        <h2 className="calendrier__titre" id={idTitre} aria-live="polite">
          <span className="fr-sr-only">{libelle} : </span>
          {NOMS_MOIS[mois - 1]} {annee}
        </h2>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-only fr-icon-arrow-right-s-line" aria-label="Mois suivant" title="Mois suivant" onClick={() => setFocus(ajouterMois(focus, 1))} />
      </div>
      <table className="calendrier__grille" role="grid" aria-labelledby={idTitre} ref={grille} onKeyDown={clavier}>
        <thead>
          <tr>
            {NOMS_JOURS.map((j) => (
              <th key={j} scope="col" abbr={j}>
                {j.slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {semaines.map((s, i) => (
            <tr key={i}>
              {s.map((iso, k) =>
                iso ? (
                  <td key={iso}>
                    <button
                      type="button"
                      data-date={iso}
                      tabIndex={iso === focus ? 0 : -1}
                      className={[
                        'calendrier__jour',
                        dateAutorisee ? (dateAutorisee(iso) ? 'calendrier__jour--autorise' : 'calendrier__jour--interdit') : '',
                        iso === selection ? 'calendrier__jour--choisi' : '',
                        iso === aujourdhui ? 'calendrier__jour--aujourdhui' : '',
                      ].join(' ')}
                      aria-pressed={iso === selection}
                      aria-disabled={dateAutorisee && !dateAutorisee(iso) ? true : undefined}
                      aria-label={`${libelleJour(iso)}${dateAutorisee ? (dateAutorisee(iso) ? ', date possible' : ', date non proposée') : ''}${iso === aujourdhui ? ", aujourd'hui" : ''}`}
                      onClick={() => {
                        if (dateAutorisee && !dateAutorisee(iso)) return;
                        surChoix(iso);
                      }}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  </td>
                ) : (
                  <td key={`v${k}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendrier__pied">
        {dateAutorisee && (
          <p className="fr-text--xs fr-mb-1w">
            <span className="calendrier__legende calendrier__legende--autorise" aria-hidden="true" /> date possible
          </p>
        )}
        <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={surFermer}>
          Fermer le calendrier
        </button>
      </div>
    </div>
  );
}

export interface ChampHeureProps {
  label: string;
  valeur: string;
  surChangement: (texte: string) => void;
  erreur?: string | null;
  obligatoire?: boolean;
  name?: string;
}

/** A time typed as HH:MM. */
export function ChampHeure({ label, valeur, surChangement, erreur, obligatoire, name }: ChampHeureProps) {
  const id = useId();
  return (
    <div className={`fr-input-group ${erreur ? 'fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={`${id}-h`}>
        {label}
        {obligatoire && <span aria-hidden="true"> *</span>}
        <span className="fr-hint-text" id={`${id}-i`}>
          Format HH:MM, par exemple 09:30
        </span>
      </label>
      <input
        className={`fr-input champ-heure ${erreur ? 'fr-input--error' : ''}`}
        id={`${id}-h`}
        name={name}
        type="text"
        inputMode="numeric"
        placeholder="HH:MM"
        autoComplete="off"
        value={valeur}
        required={obligatoire}
        aria-invalid={erreur ? true : undefined}
        aria-describedby={`${id}-i${erreur ? ` ${id}-e` : ''}`}
        onChange={(e) => surChangement(e.target.value)}
      />
      <div className="fr-messages-group" aria-live="polite">
        {erreur && (
          <p className="fr-message fr-message--error" id={`${id}-e`}>
            {erreur}
          </p>
        )}
      </div>
    </div>
  );
}
