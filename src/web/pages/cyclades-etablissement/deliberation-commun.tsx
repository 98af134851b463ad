// What the chef de centre de délibération's seven pages share (issue 7, seed 001): the shapes of the
// API's answers, the centre's juries, « Titre édition », the choice of juries (greyed when their état
// does not allow the operation: the rule is the domain's, src/domain/cyclades/jury.ts), the editions
// (a PDF or ZIP saved on the user's computer, or the server's message) and the frame of every page:
// the seed's explanation under the « Où en sommes-nous ? » step list.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { ErreurApi, ErreurReseau, ecouteursApi, enregistrerFichier, entetesSession, messageErreurTechnique, referenceErreur } from '../../app/api.ts';
import { useAction, type Action } from '../../app/actions.ts';
import { useSessionOuverte } from '../../app/session.tsx';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { etatPermet, libelleEtatJury, type EtatJury, type OperationJury } from '../../../domain/cyclades/jury.ts';
import type { Colonne } from '../../liste/Liste.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import { OuEnSommesNous } from './ou-en-sommes-nous.tsx';

export const BASE_DELIBERATION = '/api/cyclades/deliberation';

export interface Specialite {
  code: string;
  libelle: string;
}

export interface JuryCentre {
  id: number;
  numero: string;
  specialite: Specialite;
  etat: EtatJury;
  libelleEtat?: string;
  selectionnable?: boolean;
  nbCandidats?: number;
  nbAdmissibles?: number;
}

export interface JurysCentre {
  session: { id: number; libelle: string } | null;
  groupeDecision: string | null;
  /** Why there is no jury, when there is none. */
  message: string | null;
  jurys: JuryCentre[];
}

export interface Enregistrement {
  /** « Enregistrement effectué » */
  message: string;
  deplaces: number[];
  /** The juries of the selection that did not move, and why (issue 13 §17). */
  refus?: Array<{ id: number; numero: string; message: string }>;
  /** After 214: « Le gestionnaire DEC reprend ensuite la main pour publier les résultats. » */
  suite?: string;
}

export const libelleSpecialite = (j: Pick<JuryCentre, 'specialite'>): string => j.specialite.libelle;

/** « 31202 - Commerce », as the seed's choice lists print a jury. */
export const libelleJury = (j: JuryCentre): string => [j.numero, libelleSpecialite(j)].filter(Boolean).join(' - ');

export const etatDuJury = (j: JuryCentre): string => j.libelleEtat ?? libelleEtatJury(j.etat);

/** The seed's columns of a jury list: Jury, Spécialité, Etat d'avancement du jury. */
export const COLONNES_JURY: readonly Colonne<JuryCentre>[] = [
  { id: 'jury', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'specialite', libelle: 'Spécialité', valeur: (j) => libelleSpecialite(j), poids: 3 },
  { id: 'etat', libelle: 'Etat d’avancement du jury', valeur: (j) => j.etat, texte: (j) => etatDuJury(j), poids: 3 },
];

/** Every jury of the centre, whatever its état: the pages grey those the operation does not allow. */
export function useJurysCentre() {
  return useQuery(lecture<JurysCentre>(LECTURES.deliberationJurys));
}

/** After a change of état or an edition: the counts, the juries and the step list are read again. */
export function useRelireDeliberation() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['cyclades', 'deliberation'] });
}

/** The juries the operation allows (the others are shown greyed). */
export function jurysPermis(jurys: readonly JuryCentre[] | undefined, operation: OperationJury): JuryCentre[] {
  return (jurys ?? []).filter((j) => etatPermet(j.etat, operation));
}

/**
 * The frame of each page: the « Où en sommes-nous ? » step list (this page's step marked), then the
 * seed's explanation of the activity, then the screen.
 */
export function PageDeliberation({ etape, intro, children }: { etape: number; intro: ReactNode; children: ReactNode }) {
  return (
    <div className="deliberation">
      <OuEnSommesNous etape={etape} />
      <div className="deliberation__contenu">
        {intro && <div className="fr-mb-3w deliberation__intro">{intro}</div>}
        {children}
      </div>
      <style>{STYLE}</style>
    </div>
  );
}

const STYLE = `
.deliberation { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; }
.deliberation__intro p { margin-bottom: 0.5rem; }
.deliberation__jurys .fr-fieldset__element { margin-bottom: 0.25rem; }
.deliberation__grise .fr-label { color: var(--text-disabled-grey); }
.deliberation__synthese td, .deliberation__synthese th { vertical-align: middle; }
`;

/** The juries' query, shown while loading or failed; the children once read. */
export function AvecJurys({ children }: { children: (d: JurysCentre) => ReactNode }) {
  const q = useJurysCentre();
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm" id="erreur-jurys">
        <p>{q.error.message}</p>
      </div>
    );
  return <>{children(q.data)}</>;
}

/** « Titre édition * »: the title printed on the edition; typing clears the edition's messages. */
export function TitreEdition({ valeur, surChangement, edition }: { valeur: string; surChangement: (v: string) => void; edition: Pick<Action<never, unknown>, 'erreursChamps' | 'effacerErreurs'> }) {
  const erreur = edition.erreursChamps.titre;
  return (
    <Input
      label="Titre édition *"
      hintText="Imprimé en tête de l’édition, par exemple « Contrôle du 3 juillet ». Obligatoire."
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      nativeInputProps={{
        id: 'titre-edition',
        name: 'titre',
        value: valeur,
        maxLength: 200,
        autoComplete: 'off',
        required: true,
        onChange: (e) => {
          edition.effacerErreurs();
          surChangement(e.target.value);
        },
      }}
    />
  );
}

/** An edition's parameter chosen among a few (« Paramètres d'édition », « Choix de la liste à éditer »). */
export function ChoixParametre<T extends string>({
  legende,
  nom,
  options,
  valeur,
  surChangement,
  edition,
}: {
  legende: string;
  nom: string;
  options: ReadonlyArray<{ valeur: T; libelle: string; aide?: string }>;
  valeur: T;
  surChangement: (v: T) => void;
  edition: Pick<Action<never, unknown>, 'erreursChamps'>;
}) {
  const erreur = edition.erreursChamps[nom];
  return (
    <RadioButtons
      legend={legende}
      name={nom}
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      options={options.map((o) => ({ label: o.libelle, hintText: o.aide, nativeInputProps: { value: o.valeur, checked: valeur === o.valeur, onChange: () => surChangement(o.valeur) } }))}
    />
  );
}

export const MESSAGE_TITRE = 'Titre édition : saisissez le titre de l’édition.';
export const MESSAGE_AUCUN_JURY = 'Sélectionnez au moins un jury.';

/**
 * The seed's choice of juries (« Jury à éditer », « Pour quel(s) jury(s) voulez-vous éditer la
 * liste ? »): one check box per jury of the centre, greyed when its état does not allow the operation.
 */
export function ChoixJurys({
  legende,
  jurys,
  operation,
  selection,
  surSelection: choisir,
  edition,
  toutSelectionner,
  note,
}: {
  legende: string;
  jurys: readonly JuryCentre[];
  operation: OperationJury;
  selection: readonly number[];
  surSelection: (ids: number[]) => void;
  edition: Pick<Action<never, unknown>, 'erreursChamps' | 'effacerErreurs'>;
  toutSelectionner?: boolean;
  note?: ReactNode;
}) {
  const uid = useId();
  const erreur = edition.erreursChamps.juryIds;
  const surSelection = (ids: number[]) => {
    edition.effacerErreurs();
    choisir(ids);
  };
  const permis = jurysPermis(jurys, operation).map((j) => j.id);
  const tous = permis.length > 0 && permis.every((id) => selection.includes(id));
  const cocher = (id: number, coche: boolean) => surSelection(coche ? [...selection.filter((x) => x !== id), id] : selection.filter((x) => x !== id));
  return (
    <fieldset className={`fr-fieldset deliberation__jurys ${erreur ? 'fr-fieldset--error' : ''}`} id="choix-jurys" aria-labelledby={`${uid}-legende`}>
      <legend className="fr-fieldset__legend fr-text--regular" id={`${uid}-legende`}>
        {legende}
      </legend>
      {toutSelectionner && (
        <div className="fr-fieldset__element">
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${uid}-tous`} checked={tous} disabled={permis.length === 0} onChange={(e) => surSelection(e.target.checked ? permis : [])} />
            <label className="fr-label" htmlFor={`${uid}-tous`}>
              Sélectionner / désélectionner tous les jurys
            </label>
          </div>
        </div>
      )}
      {jurys.length === 0 && <p className="fr-fieldset__element">Aucun jury n’est délibéré dans votre centre pour cette session.</p>}
      {jurys.map((j) => {
        const permisJ = permis.includes(j.id);
        return (
          <div className="fr-fieldset__element" key={j.id}>
            <div className={`fr-checkbox-group ${permisJ ? '' : 'deliberation__grise'}`}>
              <input
                type="checkbox"
                id={`${uid}-jury-${j.id}`}
                name="jurys"
                value={j.id}
                disabled={!permisJ}
                checked={permisJ && selection.includes(j.id)}
                onChange={(e) => cocher(j.id, e.target.checked)}
              />
              <label className="fr-label" htmlFor={`${uid}-jury-${j.id}`}>
                {libelleJury(j)}
                <span className="fr-hint-text">{etatDuJury(j)}</span>
              </label>
            </div>
          </div>
        );
      })}
      {note && <div className="fr-fieldset__element fr-text--sm fr-mb-0">{note}</div>}
      {erreur && (
        <div className="fr-messages-group" aria-live="polite">
          <p className="fr-message fr-message--error" id="choix-jurys-erreur">
            {erreur}
          </p>
        </div>
      )}
    </fieldset>
  );
}

export type ResultatEdition<T> = { fichier: string } | { reponse: T };

function nomDeFichier(disposition: string | null, parDefaut: string): string {
  const etoile = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (etoile) return decodeURIComponent(etoile[1]!);
  const simple = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return simple ? simple[1]! : parDefaut;
}

/**
 * POST of an edition: the PDF or ZIP the server sends is saved on the user's computer; a JSON answer
 * (« Pas de notes manquantes. ») is returned as is; a refusal is the server's French message.
 */
export function useEdition() {
  const session = useSessionOuverte();
  return async <T,>(url: string, corps: unknown, nomParDefaut: string): Promise<ResultatEdition<T>> => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, application/pdf, application/zip', 'x-csrf-token': session.csrfToken, ...entetesSession() },
        body: JSON.stringify(corps),
        credentials: 'same-origin',
      });
    } catch {
      throw new ErreurReseau();
    }
    const json = (res.headers.get('content-type') ?? '').includes('application/json');
    if (!res.ok) {
      const c = json ? ((await res.json().catch(() => null)) as { code?: string; message?: string; fields?: Record<string, string> } | null) : null;
      const err = new ErreurApi(res.status, c?.code ?? 'INCONNU', c?.message || messageErreurTechnique(referenceErreur(res.status)), c?.fields ?? {});
      if (res.status === 401) ecouteursApi.sessionPerdue?.(err);
      throw err;
    }
    ecouteursApi.activite?.();
    if (json) return { reponse: (await res.json()) as T };
    const fichier = nomDeFichier(res.headers.get('content-disposition'), nomParDefaut);
    enregistrerFichier(await res.blob(), fichier);
    return { fichier };
  };
}

/** A message of the server that names no field, shown beside the button that asked. */
export function ErreurGenerale({ id, erreur, champs }: { id: string; erreur: string | null; champs: Record<string, string> }) {
  if (!erreur || Object.keys(champs).length) return null;
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" id={id}>
      <p>{erreur}</p>
    </div>
  );
}

export type Visualisation<C, T> = Action<[C], ResultatEdition<T>> & {
  /** Checks the title and the juries first (each message beside its field), then asks the server. */
  lancer(corps: C): Promise<ResultatEdition<T> | undefined>;
};

/**
 * « Visualiser » of an edition: POST `url`; the file is saved (« Document téléchargé : … » in the
 * console), a JSON answer is the server's message (`message(reponse)`).
 */
export function useVisualiser<C extends { titre?: string; juryIds?: number[] }, T = never>(url: string, nomParDefaut: string, message?: (r: T) => string): Visualisation<C, T> {
  const editer = useEdition();
  const action = useAction((corps: C) => editer<T>(url, corps, nomParDefaut), {
    succes: (r) => ('fichier' in r ? `Document téléchargé : ${r.fichier}.` : (message?.(r.reponse) ?? null)),
  });
  const lancer = async (corps: C) => {
    const erreurs: Record<string, string> = {};
    if ('titre' in corps && !corps.titre?.trim()) erreurs.titre = MESSAGE_TITRE;
    if ('juryIds' in corps && !corps.juryIds?.length) erreurs.juryIds = MESSAGE_AUCUN_JURY;
    if (Object.keys(erreurs).length) {
      action.signalerChamps(erreurs);
      if (erreurs.titre) document.getElementById('titre-edition')?.focus();
      return undefined;
    }
    return action.executer('titre' in corps ? { ...corps, titre: corps.titre!.trim() } : corps);
  };
  return { ...action, lancer };
}

/** « Visualiser » (and the page's other buttons), then the server's refusal when it names no field. */
export function BoutonVisualiser({ edition, surClic, idErreur, children }: { edition: Action<never, unknown>; surClic: () => void; idErreur: string; children?: ReactNode }) {
  return (
    <>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-3w">
        <li>
          <button type="button" className="fr-btn" onClick={surClic} disabled={edition.enCours}>
            Visualiser
          </button>
        </li>
        {children}
      </ul>
      <ErreurGenerale id={idErreur} erreur={edition.erreur} champs={edition.erreursChamps} />
    </>
  );
}
