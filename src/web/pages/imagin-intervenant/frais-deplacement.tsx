// The « Déplacement » tab of an état de frais (seed 004 §2.4.4.3, decision 0029): the table of the
// déplacement lines, each edited in a dialog (« OK » / « Annuler »), ✗ removes a line after the app's
// confirmation, the estimated amount (the gestionnaire's figure prevails). The page of the état
// (etats-frais.tsx) holds the lines and sends them with Enregistrer / Valider; the server checks them
// again (field keys `lignes.${i}.xxx`, shown here on the fields).
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  categorieLigne,
  euros,
  LIBELLE_CATEGORIE_KM,
  LIMITES,
  lireEuros,
  MODES_BILLETS,
  MODES_FRAIS_DIVERS,
  MODES_KILOMETRIQUES,
  MODES_TRANSPORT,
  montantLigne,
  normaliserLigne,
  tauxDepuisVue,
  verifierLigne,
  villeDepartFixee,
  type TauxDeplacement,
  type TauxDeplacementVue,
} from '../../../domain/imagin/frais/deplacement.ts';
import { LIBELLE_MODE_TRANSPORT, type LigneDeplacement, type ModeTransport } from '../../../domain/imagin/frais/types.ts';
import { ChampDate, ChampHeure } from '../../forms/ChampDate.tsx';
import { isoVersFr, lireDate, lireHeure } from '../../forms/dates.ts';
import { useConfirmation } from '../../shell/Confirmation.tsx';

/** What the tab shows of the amount: the rates (each line estimated live), the server's estimate, the gestionnaire's figure. */
export interface EstimationDeplacement {
  /** The rates in force on the mission's day (tauxVersVue): each line and the total are estimated as they are entered. */
  taux?: TauxDeplacementVue | null;
  /** The server's estimate of the lines last saved, when the rates are not given. */
  totalCentimes?: number | null;
  /** The amount the gestionnaire retained, once he has processed the état. */
  retenuCentimes?: number | null;
}

export interface OngletDeplacementProps {
  lignes: LigneDeplacement[];
  /** The line proposed from the mission (its ville de départ is fixed, greyed), shown while no line is entered. */
  lignePreremplie: LigneDeplacement | null;
  onChange: (lignes: LigneDeplacement[]) => void;
  modifiable: boolean;
  /** Another mission of the same day carries the day's trips: this tab only says so. */
  invalidable: boolean;
  /** The rates (live estimate), or the server's estimate in centimes. */
  estimation?: EstimationDeplacement | number | null;
  /** The server's field errors (keys `lignes.${i}.xxx`, or `lignes`). */
  erreurs?: Record<string, string>;
  /** Called with a field's key when the intervenant corrects it (the message then disappears). */
  effacerChamp?: (nom: string) => void;
}

const modaleLigne = createModal({ id: 'modale-ligne-deplacement', isOpenedByDefault: false });

/** The dialog's fields, as typed. */
export interface Formulaire {
  villeDepart: string;
  villeArrivee: string;
  dateDepart: string;
  heureDepart: string;
  dateRetour: string;
  heureRetour: string;
  mode: ModeTransport | '';
  puissanceFiscale: string;
  km: string;
  trajets: string;
  nuitees: string;
  repas: string;
  fraisDivers: string;
  billets: string;
  commentaire: string;
}

const texteEuros = (c: number) => (c ? (c / 100).toFixed(2).replace('.', ',') : '');

export function versFormulaire(l: LigneDeplacement | null): Formulaire {
  return {
    villeDepart: l?.villeDepart ?? '',
    villeArrivee: l?.villeArrivee ?? '',
    dateDepart: l?.depart ? isoVersFr(l.depart.slice(0, 10)) : '',
    heureDepart: l?.depart?.slice(11, 16) ?? '',
    dateRetour: l?.retour ? isoVersFr(l.retour.slice(0, 10)) : '',
    heureRetour: l?.retour?.slice(11, 16) ?? '',
    mode: l?.mode ?? '',
    puissanceFiscale: l?.puissanceFiscale != null ? String(l.puissanceFiscale) : '',
    km: l?.km != null ? String(l.km) : '',
    trajets: String(l?.trajets ?? 1),
    nuitees: String(l?.nuitees ?? 0),
    repas: String(l?.repas ?? 0),
    fraisDivers: texteEuros(l?.fraisDiversCentimes ?? 0),
    billets: texteEuros(l?.billetsCentimes ?? 0),
    commentaire: l?.commentaire ?? '',
  };
}

/** The form's field that shows the message of each checked field. */
const CHAMP_DU_CONTROLE: Record<string, keyof Formulaire> = {
  villeDepart: 'villeDepart',
  villeArrivee: 'villeArrivee',
  depart: 'dateDepart',
  retour: 'dateRetour',
  mode: 'mode',
  puissanceFiscale: 'puissanceFiscale',
  km: 'km',
  trajets: 'trajets',
  nuitees: 'nuitees',
  repas: 'repas',
  fraisDiversCentimes: 'fraisDivers',
  billetsCentimes: 'billets',
  commentaire: 'commentaire',
};
/** And back: the server's key of a form field (to clear its message once corrected). */
const CONTROLE_DU_CHAMP: Partial<Record<keyof Formulaire, string>> = Object.fromEntries(Object.entries(CHAMP_DU_CONTROLE).map(([k, v]) => [v, k]));
CONTROLE_DU_CHAMP.heureDepart = 'depart';
CONTROLE_DU_CHAMP.heureRetour = 'retour';

/** Reads the form into a line (cleared of what the mode does not use) and its messages by form field. */
export function lireFormulaire(f: Formulaire, i: number, villeFixee: string | null): { ligne: LigneDeplacement | null; erreurs: Partial<Record<keyof Formulaire, string>> } {
  const e: Partial<Record<keyof Formulaire, string>> = {};
  const n = i + 1;
  const entier = (champ: keyof Formulaire, libelle: string, vide: number | null): number | null => {
    const s = f[champ].trim();
    if (!s) return vide;
    if (!/^\d+$/.test(s)) {
      e[champ] = `Déplacement ${n}, ${libelle} : nombre entier attendu.`;
      return null;
    }
    return Number(s);
  };
  const montant = (champ: keyof Formulaire, libelle: string): number => {
    const c = lireEuros(f[champ]);
    if (c === null) {
      e[champ] = `Déplacement ${n}, ${libelle} : montant en euros attendu, par exemple 12,50.`;
      return 0;
    }
    return c;
  };
  const dateHeure = (date: keyof Formulaire, heure: keyof Formulaire, libelle: string): string => {
    const d = lireDate(f[date], `Déplacement ${n}, la date ${libelle}`);
    const h = lireHeure(f[heure], `Déplacement ${n}, l’heure ${libelle}`);
    if (!d.ok) e[date] = f[date].trim() ? d.message : `Déplacement ${n}, date ${libelle} : obligatoire (format JJ/MM/AAAA).`;
    if (!h.ok) e[heure] = f[heure].trim() ? h.message : `Déplacement ${n}, heure ${libelle} : obligatoire (format HH:MM).`;
    return d.ok && h.ok ? `${d.iso}T${h.heure}` : '';
  };
  const depart = dateHeure('dateDepart', 'heureDepart', 'de départ');
  const retour = dateHeure('dateRetour', 'heureRetour', 'de retour');
  if (!f.mode) e.mode = `Déplacement ${n}, mode de transport : à choisir dans la liste.`;
  const mode = (f.mode || 'AUCUN') as ModeTransport;
  const km = MODES_KILOMETRIQUES.has(mode);
  const ligne = normaliserLigne({
    villeDepart: villeFixee ?? f.villeDepart,
    villeArrivee: f.villeArrivee,
    depart,
    retour,
    mode,
    puissanceFiscale: mode === 'AUTOMOBILE' ? entier('puissanceFiscale', 'puissance fiscale', null) : null,
    km: km ? entier('km', 'nombre de kilomètres', null) : null,
    trajets: km ? (entier('trajets', 'nombre de trajets', 0) ?? 0) : 1,
    nuitees: entier('nuitees', 'nombre de nuitées', 0) ?? 0,
    repas: entier('repas', 'nombre de repas', 0) ?? 0,
    fraisDiversCentimes: MODES_FRAIS_DIVERS.has(mode) ? montant('fraisDivers', 'frais divers') : 0,
    billetsCentimes: MODES_BILLETS.has(mode) ? montant('billets', 'prix des billets') : 0,
    commentaire: f.commentaire,
  });
  const controles = verifierLigne(ligne, i);
  for (const [cle, message] of Object.entries(controles)) {
    const champ = CHAMP_DU_CONTROLE[cle.slice(`lignes.${i}.`.length)];
    // The form's own message (a date that does not exist, a letter in a number) says more.
    if (!champ || e[champ]) continue;
    if ((champ === 'dateDepart' && e.heureDepart) || (champ === 'dateRetour' && e.heureRetour)) continue;
    if (!f.mode && champ !== 'mode' && champ !== 'villeDepart' && champ !== 'villeArrivee' && champ !== 'dateDepart' && champ !== 'dateRetour') continue;
    e[champ] = message;
  }
  return { ligne: Object.keys(e).length ? null : ligne, erreurs: e };
}

function isoDe(texte: string): string | undefined {
  const d = lireDate(texte);
  return d.ok ? d.iso : undefined;
}

function dateHeureFr(dh: string): string {
  return dh ? `${isoVersFr(dh.slice(0, 10))} ${dh.slice(11, 16)}` : '';
}

function tauxDe(estimation: OngletDeplacementProps['estimation']): TauxDeplacement | null {
  return estimation && typeof estimation === 'object' && estimation.taux ? tauxDepuisVue(estimation.taux) : null;
}

function kilometres(l: LigneDeplacement): string {
  if (!MODES_KILOMETRIQUES.has(l.mode)) return '—';
  const trajets = `${l.trajets} trajet${l.trajets > 1 ? 's' : ''}`;
  return `${l.km ?? '?'} km, ${trajets}${l.mode === 'AUTOMOBILE' ? ` (${l.puissanceFiscale ?? '?'} CV)` : ''}`;
}

const STYLE = (
  <style>
    {'.frais-deplacement .fr-table td, .frais-deplacement .fr-table th { white-space: normal; padding: 0.5rem 0.375rem; } ' +
      '.frais-deplacement .fr-table td:last-child { white-space: nowrap; } ' +
      '.frais-deplacement__actions { display: flex; gap: 0.5rem; justify-content: flex-end; } ' +
      '.frais-deplacement__supprimer { color: var(--text-default-error) !important; } ' +
      '.frais-deplacement__fixe { background-color: var(--background-contrast-grey) !important; cursor: not-allowed; } ' +
      '.frais-deplacement__dates { display: grid; grid-template-columns: 1fr 12rem; column-gap: 1rem; align-items: start; } ' +
      '.frais-deplacement__grille { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 1rem; align-items: start; }'}
  </style>
);

/** The « Déplacement » tab. */
export function OngletDeplacement({ lignes, lignePreremplie, onChange, modifiable, invalidable, estimation, erreurs = {}, effacerChamp }: OngletDeplacementProps) {
  const confirmation = useConfirmation();
  const id = useId();
  const [edition, setEdition] = useState<{ index: number; nouvelle: boolean; form: Formulaire; erreurs: Partial<Record<keyof Formulaire, string>> } | null>(null);
  const origine = useRef<HTMLElement | null>(null);
  const taux = tauxDe(estimation);
  const fixe = villeDepartFixee(lignePreremplie);
  const editable = modifiable && !invalidable;
  // While nothing is entered, the line known from the mission is proposed, to be completed (not stored before OK).
  const proposee = editable && lignes.length === 0 && lignePreremplie ? lignePreremplie : null;
  const affichees = proposee ? [proposee] : lignes;

  useIsModalOpen(modaleLigne, {
    onConceal: () => {
      const element = origine.current;
      origine.current = null;
      setEdition(null);
      if (element?.isConnected) element.focus();
    },
  });

  const erreursServeurDe = (i: number): Partial<Record<keyof Formulaire, string>> => {
    const r: Partial<Record<keyof Formulaire, string>> = {};
    const prefixe = `lignes.${i}.`;
    for (const [cle, message] of Object.entries(erreurs)) {
      const champ = cle.startsWith(prefixe) ? CHAMP_DU_CONTROLE[cle.slice(prefixe.length)] : undefined;
      if (champ) r[champ] = message;
    }
    return r;
  };

  const ouvrir = (index: number, nouvelle: boolean, ligne: LigneDeplacement | null) => {
    origine.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const form = versFormulaire(ligne);
    if (index === 0 && fixe) form.villeDepart = fixe;
    setEdition({ index, nouvelle, form, erreurs: nouvelle ? {} : erreursServeurDe(index) });
    modaleLigne.open();
  };

  const ajouter = () => {
    if (lignes.length === 0) return ouvrir(0, true, lignePreremplie);
    // The next leg: from where the last one arrived, on the same dates.
    const d = lignes[lignes.length - 1]!;
    const base = versFormulaire(null);
    origine.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEdition({
      index: lignes.length,
      nouvelle: true,
      form: { ...base, villeDepart: d.villeArrivee, dateDepart: isoVersFr(d.depart.slice(0, 10)), heureDepart: d.depart.slice(11, 16), dateRetour: isoVersFr(d.retour.slice(0, 10)), heureRetour: d.retour.slice(11, 16) },
      erreurs: {},
    });
    modaleLigne.open();
  };

  const supprimer = (i: number) => {
    const l = lignes[i]!;
    confirmation.demander({
      titre: 'Supprimer le déplacement',
      message: `Supprimer le déplacement ${i + 1} (${l.villeDepart || '?'} → ${l.villeArrivee || '?'}, ${LIBELLE_MODE_TRANSPORT[l.mode]}) ? Il sera retiré de l’état de frais à l’enregistrement.`,
      bouton: 'Supprimer',
      surConfirmation: () => {
        for (const cle of Object.keys(erreurs)) if (cle.startsWith('lignes.')) effacerChamp?.(cle);
        onChange(lignes.filter((_, j) => j !== i));
      },
    });
  };

  const valider = (e: FormEvent) => {
    e.preventDefault();
    if (!edition) return;
    const r = lireFormulaire(edition.form, edition.index, edition.index === 0 ? fixe : null);
    if (!r.ligne) {
      setEdition({ ...edition, erreurs: r.erreurs });
      // Focus the first field in error, as the form reads.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${CSS.escape(`${id}-form`)} [aria-invalid="true"]`)?.focus());
      return;
    }
    const suivantes = [...lignes];
    if (edition.index >= lignes.length) suivantes.push(r.ligne);
    else suivantes[edition.index] = r.ligne;
    for (const cle of Object.keys(erreurs)) if (cle.startsWith(`lignes.${edition.index}.`) || cle === 'lignes') effacerChamp?.(cle);
    onChange(suivantes);
    modaleLigne.close();
  };

  const totalLive = taux ? lignes.reduce((s, l) => s + montantLigne(l, taux), 0) : null;
  const totalServeur = typeof estimation === 'number' ? estimation : estimation && typeof estimation === 'object' ? (estimation.totalCentimes ?? null) : null;
  const total = totalLive ?? totalServeur;
  const retenu = estimation && typeof estimation === 'object' ? (estimation.retenuCentimes ?? null) : null;

  if (invalidable) {
    return (
      <div className="frais-deplacement">
        {STYLE}
        <div className="fr-alert fr-alert--info fr-mb-2w">
          <p className="fr-alert__title">Déplacement : « Invalidable »</p>
          <p>
            Vous avez plusieurs missions ce jour-là donnant lieu à des frais de déplacement : tous les déplacements de la journée sont à saisir sur la première mission de la journée.
            Rien n’est à saisir ici.
          </p>
        </div>
        {lignes.length > 0 && <TableauLignes lignes={lignes} taux={taux} erreurs={erreurs} />}
      </div>
    );
  }

  return (
    <div className="frais-deplacement">
      {STYLE}
      {erreurs.lignes && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{erreurs.lignes}</p>
        </div>
      )}
      <TableauLignes
        lignes={affichees}
        proposee={!!proposee}
        taux={taux}
        erreurs={erreurs}
        actions={
          editable
            ? (l, i) => (
                <div className="frais-deplacement__actions">
                    <button
                      type="button"
                      className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-edit-line fr-mb-0"
                      title={`Modifier le déplacement ${i + 1}`}
                      aria-haspopup="dialog"
                      onClick={() => ouvrir(i, !!proposee, l)}
                    >
                      {`Modifier le déplacement ${i + 1}`}
                    </button>
                  {!proposee && (
                      <button
                        type="button"
                        className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line fr-mb-0 frais-deplacement__supprimer"
                        title={`Supprimer le déplacement ${i + 1}`}
                        onClick={() => supprimer(i)}
                      >
                        {`Supprimer le déplacement ${i + 1}`}
                      </button>
                  )}
                </div>
              )
            : undefined
        }
      />
      {editable && (
        <button type="button" className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-add-line fr-mb-2w" aria-haspopup="dialog" onClick={ajouter}>
          Ajouter un déplacement
        </button>
      )}
      <p className="fr-text--sm fr-mb-1w" aria-live="polite">
        {total !== null ? (
          <>
            Montant estimé du déplacement : <strong>{euros(total)}</strong>
            {totalLive === null && editable && ' (au dernier enregistrement)'} — estimation : le montant retenu par le gestionnaire prévaut.
          </>
        ) : (
          'Montant estimé du déplacement : calculé à l’enregistrement — estimation : le montant retenu par le gestionnaire prévaut.'
        )}
      </p>
      {retenu !== null && (
        <p className="fr-text--sm fr-mb-1w">
          Montant retenu par le gestionnaire : <strong>{euros(retenu)}</strong>
        </p>
      )}
      {editable && (
        <div className="fr-callout fr-py-2w fr-px-3w fr-mb-2w">
          <ul className="fr-callout__text fr-text--sm fr-mb-0">
            {proposee && <li>La ligne proposée reprend la mission (départ au début de la mission) : complétez-la avec le bouton « Modifier ».</li>}
            <li>Aller-retour quotidien sur une mission de plusieurs jours : une seule ligne, avec le nombre de trajets (un trajet = un aller-retour ; km d’un aller).</li>
            <li>Plusieurs missions le même jour : tous les déplacements de la journée se saisissent sur la première mission de la journée.</li>
            <li>Modes de transport combinés (voiture + train + transport en commun) : une ligne par mode.</li>
          </ul>
        </div>
      )}
      <modaleLigne.Component title={edition ? (edition.nouvelle && edition.index >= lignes.length ? `Nouveau déplacement (${edition.index + 1})` : `Déplacement ${edition.index + 1}`) : 'Déplacement'} titleAs="h2" size="large">
        {edition && (
          <DialogueLigne
            id={id}
            edition={edition}
            fixe={edition.index === 0 ? fixe : null}
            surChange={(champ, valeur) => {
              setEdition((x) => (x ? { ...x, form: { ...x.form, [champ]: valeur }, erreurs: { ...x.erreurs, [champ]: undefined, ...(champ === 'fraisDivers' ? { commentaire: undefined } : {}) } } : x));
              const cle = CONTROLE_DU_CHAMP[champ];
              if (cle) effacerChamp?.(`lignes.${edition.index}.${cle}`);
            }}
            surValider={valider}
          />
        )}
      </modaleLigne.Component>
      {confirmation.dialogue}
    </div>
  );
}

function TableauLignes({
  lignes,
  proposee = false,
  taux,
  erreurs,
  actions,
}: {
  lignes: LigneDeplacement[];
  proposee?: boolean;
  taux: TauxDeplacement | null;
  erreurs: Record<string, string>;
  actions?: (l: LigneDeplacement, i: number) => ReactNode;
}) {
  const colonnes = actions ? 11 : 10;
  return (
    <div className="fr-table fr-table--sm fr-table--no-caption fr-mb-2w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table id="lignes-deplacement">
              <caption>Déplacements de l’état de frais</caption>
              <thead>
                <tr>
                  <th scope="col">N°</th>
                  <th scope="col">Ville départ</th>
                  <th scope="col">Ville arrivée</th>
                  <th scope="col">Départ</th>
                  <th scope="col">Retour</th>
                  <th scope="col">Mode de transport</th>
                  <th scope="col">Km / trajets</th>
                  <th scope="col">Nuitées / repas</th>
                  <th scope="col">Frais divers</th>
                  <th scope="col">Montant estimé</th>
                  {actions && (
                    <th scope="col">
                      <span className="fr-sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {lignes.length === 0 && (
                  <tr>
                    <td colSpan={colonnes}>Aucun déplacement saisi.</td>
                  </tr>
                )}
                {lignes.map((l, i) => {
                  const messages = proposee ? [] : Object.entries(erreurs).filter(([k]) => k.startsWith(`lignes.${i}.`)).map(([, m]) => m);
                  const complete = Object.keys(verifierLigne(l, i)).length === 0;
                  return [
                    <tr key={`l${i}`} data-ligne={i} data-erreur={messages.length ? true : undefined}>
                      <td>{i + 1}</td>
                      <td>{l.villeDepart}</td>
                      <td>{l.villeArrivee}</td>
                      <td>{dateHeureFr(l.depart)}</td>
                      <td>{dateHeureFr(l.retour)}</td>
                      <td>
                        {LIBELLE_MODE_TRANSPORT[l.mode]}
                        {proposee && <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1v">à compléter</span>}
                      </td>
                      <td>{kilometres(l)}</td>
                      <td>
                        {l.nuitees} / {l.repas}
                      </td>
                      <td>
                        {l.fraisDiversCentimes ? euros(l.fraisDiversCentimes) : '—'}
                        {l.billetsCentimes ? <span className="fr-hint-text">billets : {euros(l.billetsCentimes)}</span> : null}
                      </td>
                      <td>{proposee || !taux ? '—' : complete ? euros(montantLigne(l, taux)) : 'à compléter'}</td>
                      {actions && <td>{actions(l, i)}</td>}
                    </tr>,
                    messages.length > 0 && (
                      <tr key={`e${i}`}>
                        <td colSpan={colonnes}>
                          {messages.map((m) => (
                            <p key={m} className="fr-message fr-message--error fr-text--xs fr-mb-0">
                              {m}
                            </p>
                          ))}
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function Champ({
  id,
  label,
  indice,
  valeur,
  erreur,
  surChange,
  obligatoire,
  inputMode,
  readOnly,
  className,
  maxLength,
}: {
  id: string;
  label: string;
  indice?: string;
  valeur: string;
  erreur?: string;
  surChange: (v: string) => void;
  obligatoire?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  readOnly?: boolean;
  className?: string;
  maxLength?: number;
}) {
  return (
    <div className={`fr-input-group ${erreur ? 'fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {obligatoire && <span aria-hidden="true"> *</span>}
        {indice && (
          <span className="fr-hint-text" id={`${id}-indice`}>
            {indice}
          </span>
        )}
      </label>
      <input
        className={`fr-input ${erreur ? 'fr-input--error' : ''} ${className ?? ''}`}
        id={id}
        name={id.split('-').pop()}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={valeur}
        readOnly={readOnly}
        aria-readonly={readOnly || undefined}
        required={obligatoire}
        maxLength={maxLength}
        aria-invalid={erreur ? true : undefined}
        aria-describedby={[indice ? `${id}-indice` : '', erreur ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => surChange(e.target.value)}
      />
      {erreur && (
        <p className="fr-error-text" id={`${id}-erreur`}>
          {erreur}
        </p>
      )}
    </div>
  );
}

function DialogueLigne({
  id,
  edition,
  fixe,
  surChange,
  surValider,
}: {
  id: string;
  edition: { index: number; form: Formulaire; erreurs: Partial<Record<keyof Formulaire, string>> };
  fixe: string | null;
  surChange: (champ: keyof Formulaire, valeur: string) => void;
  surValider: (e: FormEvent) => void;
}) {
  const f = edition.form;
  const err = edition.erreurs;
  const p = `${id}-dep`;
  const mode = f.mode || null;
  const km = mode !== null && MODES_KILOMETRIQUES.has(mode);
  const divers = mode !== null && MODES_FRAIS_DIVERS.has(mode);
  const billets = mode !== null && MODES_BILLETS.has(mode);
  const diversSaisis = divers && (lireEuros(f.fraisDivers) ?? 1) > 0;
  const categorie = mode === 'AUTOMOBILE' && /^\d+$/.test(f.puissanceFiscale.trim()) && Number(f.puissanceFiscale) >= 1 ? categorieLigne({ mode, puissanceFiscale: Number(f.puissanceFiscale) }) : null;
  const nErreurs = Object.values(err).filter(Boolean).length;
  return (
    <form id={`${id}-form`} onSubmit={surValider} noValidate>
      <p className="fr-text--sm">
        Les champs marqués d’un astérisque (*) sont obligatoires. Un trajet est un aller-retour : le nombre de kilomètres est celui d’un aller.
      </p>
      {nErreurs > 0 && (
        <p className="fr-sr-only" role="status">
          {nErreurs === 1 ? 'Un champ est à corriger.' : `${nErreurs} champs sont à corriger.`}
        </p>
      )}
      <div className="frais-deplacement__grille">
        <Champ
          id={`${p}-villeDepart`}
          label="Ville de départ"
          obligatoire
          indice={fixe ? 'Non modifiable : le premier déplacement part de votre commune.' : undefined}
          valeur={fixe ?? f.villeDepart}
          readOnly={!!fixe}
          className={fixe ? 'frais-deplacement__fixe' : undefined}
          erreur={err.villeDepart}
          maxLength={LIMITES.villeLongueur}
          surChange={(v) => surChange('villeDepart', v)}
        />
        <Champ id={`${p}-villeArrivee`} label="Ville d’arrivée" obligatoire valeur={f.villeArrivee} erreur={err.villeArrivee} maxLength={LIMITES.villeLongueur} surChange={(v) => surChange('villeArrivee', v)} />
        <div />
      </div>
      <div className="frais-deplacement__dates">
        <ChampDate label="Date de départ" obligatoire name="dateDepart" valeur={f.dateDepart} erreur={err.dateDepart} surChangement={(v) => surChange('dateDepart', v)} />
        <ChampHeure label="Heure de départ" obligatoire name="heureDepart" valeur={f.heureDepart} erreur={err.heureDepart} surChangement={(v) => surChange('heureDepart', v)} />
        <ChampDate label="Date de retour" obligatoire name="dateRetour" valeur={f.dateRetour} erreur={err.dateRetour} moisInitial={isoDe(f.dateDepart)} surChangement={(v) => surChange('dateRetour', v)} />
        <ChampHeure label="Heure de retour" obligatoire name="heureRetour" valeur={f.heureRetour} erreur={err.heureRetour} surChangement={(v) => surChange('heureRetour', v)} />
      </div>
      <div className={`fr-select-group ${err.mode ? 'fr-select-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${p}-mode`}>
          Mode de transport<span aria-hidden="true"> *</span>
        </label>
        <select
          className={`fr-select ${err.mode ? 'fr-select--error' : ''}`}
          id={`${p}-mode`}
          name="mode"
          value={f.mode}
          required
          aria-invalid={err.mode ? true : undefined}
          aria-describedby={err.mode ? `${p}-mode-erreur` : undefined}
          onChange={(e) => surChange('mode', e.target.value)}
        >
          <option value="">Choisir un mode de transport</option>
          {MODES_TRANSPORT.map((m) => (
            <option key={m} value={m}>
              {LIBELLE_MODE_TRANSPORT[m]}
            </option>
          ))}
        </select>
        {err.mode && (
          <p className="fr-error-text" id={`${p}-mode-erreur`}>
            {err.mode}
          </p>
        )}
      </div>
      {km && (
        <div className="frais-deplacement__grille">
          {mode === 'AUTOMOBILE' ? (
            <Champ
              id={`${p}-puissanceFiscale`}
              label="Puissance fiscale (CV)"
              obligatoire
              inputMode="numeric"
              indice={categorie ? `Barème : ${LIBELLE_CATEGORIE_KM[categorie]}` : 'Indiquée sur la carte grise (case P.6).'}
              valeur={f.puissanceFiscale}
              erreur={err.puissanceFiscale}
              maxLength={2}
              surChange={(v) => surChange('puissanceFiscale', v)}
            />
          ) : (
            <div />
          )}
          <Champ id={`${p}-km`} label="Nombre de kilomètres (un aller)" obligatoire inputMode="numeric" valeur={f.km} erreur={err.km} maxLength={4} surChange={(v) => surChange('km', v)} />
          <Champ
            id={`${p}-trajets`}
            label="Nombre de trajets"
            indice="Allers-retours effectués (un par jour pour un aller-retour quotidien)."
            obligatoire
            inputMode="numeric"
            valeur={f.trajets}
            erreur={err.trajets}
            maxLength={3}
            surChange={(v) => surChange('trajets', v)}
          />
        </div>
      )}
      {billets && (
        <Champ
          id={`${p}-billets`}
          label="Prix des billets (€)"
          indice="Total payé, remboursé sur présentation des billets. Par exemple 45,60."
          inputMode="decimal"
          valeur={f.billets}
          erreur={err.billets}
          maxLength={10}
          surChange={(v) => surChange('billets', v)}
        />
      )}
      <div className="frais-deplacement__grille">
        <Champ id={`${p}-nuitees`} label="Nombre de nuitées" indice="Factures d’hôtel à fournir." inputMode="numeric" valeur={f.nuitees} erreur={err.nuitees} maxLength={2} surChange={(v) => surChange('nuitees', v)} />
        <Champ id={`${p}-repas`} label="Nombre de repas" indice="Pris pendant le déplacement." inputMode="numeric" valeur={f.repas} erreur={err.repas} maxLength={3} surChange={(v) => surChange('repas', v)} />
        {divers ? (
          <Champ
            id={`${p}-fraisDivers`}
            label="Frais divers (€)"
            indice="Péage et parking. Par exemple 12,50."
            inputMode="decimal"
            valeur={f.fraisDivers}
            erreur={err.fraisDivers}
            maxLength={10}
            surChange={(v) => surChange('fraisDivers', v)}
          />
        ) : (
          <div />
        )}
      </div>
      <div className={`fr-input-group ${err.commentaire ? 'fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${p}-commentaire`}>
          Commentaire
          {diversSaisis && <span aria-hidden="true"> *</span>}
          <span className="fr-hint-text" id={`${p}-commentaire-indice`}>
            {divers ? 'Obligatoire si des frais divers sont déclarés : précisez leur nature (péage, parking).' : 'Facultatif.'}
          </span>
        </label>
        <textarea
          className={`fr-input ${err.commentaire ? 'fr-input--error' : ''}`}
          id={`${p}-commentaire`}
          name="commentaire"
          rows={2}
          maxLength={LIMITES.commentaire}
          value={f.commentaire}
          required={diversSaisis}
          aria-invalid={err.commentaire ? true : undefined}
          aria-describedby={`${p}-commentaire-indice${err.commentaire ? ` ${p}-commentaire-erreur` : ''}`}
          onChange={(e) => surChange('commentaire', e.target.value)}
        />
        {err.commentaire && (
          <p className="fr-error-text" id={`${p}-commentaire-erreur`}>
            {err.commentaire}
          </p>
        )}
      </div>
      <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-md fr-mb-0">
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" aria-controls={modaleLigne.id} onClick={() => modaleLigne.close()}>
            Annuler
          </button>
        </li>
        <li>
          <button type="submit" className="fr-btn">
            OK
          </button>
        </li>
      </ul>
    </form>
  );
}
