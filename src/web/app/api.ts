// The one way the web app talks to the API: JSON in and out, the CSRF token on every non-GET request,
// the server's French error `{code, message, fields}` turned into an ErreurApi, a lost connection
// into an ErreurReseau (which the caller may retry), and the session events the shell listens to.

export class ErreurApi extends Error {
  readonly status: number;
  readonly code: string;
  /** Field name → French message, when the error concerns input fields. */
  readonly fields: Record<string, string>;
  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ErreurApi';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const MESSAGE_RESEAU =
  'La connexion au serveur est interrompue : votre action n’a pas pu aboutir. Vérifiez votre connexion au réseau puis cliquez sur « Réessayer ».';

export class ErreurReseau extends Error {
  constructor() {
    super(MESSAGE_RESEAU);
    this.name = 'ErreurReseau';
  }
}

/** A short reference for an error the server could not describe (proxy error page, HTML 502...). */
export function referenceErreur(status: number): string {
  const alea = Math.floor(Math.random() * 0xffffffff).toString(16).toUpperCase().padStart(8, '0');
  return `HTTP${status}-${alea}`;
}

export function messageErreurTechnique(ref: string): string {
  return `Erreur technique (réf. ${ref}). Si le problème persiste, communiquez cette référence au gestionnaire de votre académie.`;
}

export interface EcouteursApi {
  /** 401 SESSION_EXPIREE / NON_AUTHENTIFIE on a call made inside a service. */
  sessionPerdue?: (e: ErreurApi) => void;
  /** 403 MOT_DE_PASSE_A_CHANGER. */
  motDePasseAChanger?: (e: ErreurApi) => void;
  /** A call that the server counted as activity (it pushes back the inactivity deadline). */
  activite?: () => void;
}

export const ecouteursApi: EcouteursApi = {};

let jetonCsrf: string | null = null;
export function definirJetonCsrf(jeton: string | null) {
  jetonCsrf = jeton;
}
/** The session's CSRF token, for a call that cannot go through appelApi (an upload with its progress). */
export function jetonCsrfCourant(): string | null {
  return jetonCsrf;
}

/**
 * A tab opened by « Accès autres académies » (003 §4.6) works in another académie with a session of
 * its own. Tabs share cookies, so that session is not a cookie: its token is kept in this tab's
 * sessionStorage and sent in the header below on every call (downloads included); the server then
 * uses it instead of the cookie, which stays the home tab's.
 */
export const CLE_SESSION_ACADEMIE = 'session-autre-academie';
export const ENTETE_SESSION_ACADEMIE = 'x-session-academie';

export function jetonSessionAcademie(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(CLE_SESSION_ACADEMIE);
  } catch {
    return null;
  }
}

export function definirJetonSessionAcademie(jeton: string | null) {
  try {
    if (typeof sessionStorage === 'undefined') return;
    if (jeton) sessionStorage.setItem(CLE_SESSION_ACADEMIE, jeton);
    else sessionStorage.removeItem(CLE_SESSION_ACADEMIE);
  } catch {
    // Storage forbidden: the tab cannot hold another académie's session.
  }
}

/** The headers that name this tab's session when it is another académie's (none otherwise). */
export function entetesSession(): Record<string, string> {
  const jeton = jetonSessionAcademie();
  return jeton ? { [ENTETE_SESSION_ACADEMIE]: jeton } : {};
}

/**
 * Sent with every passive call (the session poll, a page's automatic refresh): the server answers it
 * without pushing back the inactivity deadline (issue 13 §9).
 */
export const ENTETE_ARRIERE_PLAN = 'x-arriere-plan';

export interface OptionsAppel {
  /**
   * Does not count as activity, here nor on the server (header x-arriere-plan): the session poll, and
   * the automatic refreshes of a page (the Jury portal re-reads its jury every 5 s).
   */
  passif?: boolean;
  /** A call from a public page (login...): a 401 is an answer, not a lost session. */
  public?: boolean;
  signal?: AbortSignal;
}

async function envoyer(methode: string, url: string, corps: unknown, options: OptionsAppel): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...entetesSession() };
  if (corps !== undefined) headers['content-type'] = 'application/json';
  if (options.passif) headers[ENTETE_ARRIERE_PLAN] = '1';
  if (methode !== 'GET' && jetonCsrf) headers['x-csrf-token'] = jetonCsrf;
  try {
    return await fetch(url, {
      method: methode,
      headers,
      body: corps === undefined ? undefined : JSON.stringify(corps),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new ErreurReseau();
  }
}

async function erreurDeReponse(res: Response, options: OptionsAppel): Promise<ErreurApi> {
  type CorpsErreur = { code?: unknown; message?: unknown; fields?: unknown } | null;
  let corps: CorpsErreur;
  try {
    corps = (await res.json()) as CorpsErreur;
  } catch {
    corps = null;
  }
  const code = typeof corps?.code === 'string' ? corps.code : res.status >= 500 ? 'TECHNIQUE' : 'INCONNU';
  let message = typeof corps?.message === 'string' ? corps.message : '';
  if (!message) message = res.status >= 500 ? messageErreurTechnique(referenceErreur(res.status)) : `La demande a été refusée par le serveur (code ${res.status}).`;
  const fields = corps?.fields && typeof corps.fields === 'object' ? (corps.fields as Record<string, string>) : {};
  const err = new ErreurApi(res.status, code, message, fields);
  if (!options.public) {
    if (res.status === 401 && (code === 'SESSION_EXPIREE' || code === 'NON_AUTHENTIFIE')) ecouteursApi.sessionPerdue?.(err);
    else if (code === 'MOT_DE_PASSE_A_CHANGER') ecouteursApi.motDePasseAChanger?.(err);
    else if (!options.passif) ecouteursApi.activite?.();
  }
  return err;
}

export async function appelApi<T>(methode: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, corps?: unknown, options: OptionsAppel = {}): Promise<T> {
  const res = await envoyer(methode, url, corps, options);
  if (!res.ok) throw await erreurDeReponse(res, options);
  if (!options.passif && !options.public) ecouteursApi.activite?.();
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(url: string, options?: OptionsAppel) => appelApi<T>('GET', url, undefined, options),
  post: <T>(url: string, corps?: unknown, options?: OptionsAppel) => appelApi<T>('POST', url, corps, options),
  put: <T>(url: string, corps?: unknown, options?: OptionsAppel) => appelApi<T>('PUT', url, corps, options),
  delete: <T>(url: string, options?: OptionsAppel) => appelApi<T>('DELETE', url, undefined, options),
};

function nomDeFichier(disposition: string | null, parDefaut: string): string {
  if (!disposition) return parDefaut;
  const etoile = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (etoile) return decodeURIComponent(etoile[1]!);
  const simple = /filename="?([^";]+)"?/i.exec(disposition);
  return simple ? simple[1]! : parDefaut;
}

/** Saves a Blob as a file on the user's computer. */
export function enregistrerFichier(blob: Blob, nom: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = nom;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file from the API (GET, or POST with a JSON body for an export built from the rows
 * displayed); an error is an ErreurApi or ErreurReseau like any other. Returns the file name.
 */
export async function telecharger(url: string, nomParDefaut: string, o: { methode?: 'GET' | 'POST'; corps?: unknown } = {}): Promise<string> {
  const res = await envoyer(o.methode ?? 'GET', url, o.corps, {});
  if (!res.ok) throw await erreurDeReponse(res, {});
  ecouteursApi.activite?.();
  const nom = nomDeFichier(res.headers.get('content-disposition'), nomParDefaut);
  enregistrerFichier(await res.blob(), nom);
  return nom;
}

function lireJsonXhr(texte: string): { code?: unknown; message?: unknown; fields?: unknown } | null {
  try {
    const v: unknown = JSON.parse(texte);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * POST of a raw file (application/octet-stream) with its upload progression, which fetch does not give:
 * the same headers (CSRF, session) and the same errors as the other calls. Imports and receipts use it.
 */
export function televerser<T>(url: string, fichier: Blob, progres: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = jetonCsrfCourant();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    for (const [k, v] of Object.entries(entetesSession())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) progres(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ErreurReseau());
    xhr.onload = () => {
      const corps = lireJsonXhr(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && corps) {
        ecouteursApi.activite?.();
        return resolve(corps as T);
      }
      const code = typeof corps?.code === 'string' ? corps.code : xhr.status >= 500 ? 'TECHNIQUE' : 'INCONNU';
      const message = typeof corps?.message === 'string' && corps.message ? corps.message : xhr.status >= 500 ? messageErreurTechnique(referenceErreur(xhr.status)) : `La demande a été refusée par le serveur (code ${xhr.status}).`;
      const err = new ErreurApi(xhr.status, code, message, corps?.fields && typeof corps.fields === 'object' ? (corps.fields as Record<string, string>) : {});
      if (xhr.status === 401 && (code === 'SESSION_EXPIREE' || code === 'NON_AUTHENTIFIE')) ecouteursApi.sessionPerdue?.(err);
      else ecouteursApi.activite?.();
      reject(err);
    };
    xhr.send(fichier);
  });
}
