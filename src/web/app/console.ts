// The console of the seeds (003 §1.3.4): every information or error message, with its time stamp,
// newest first, kept for the whole session (sessionStorage, so a reload keeps them). A store outside
// React so that any code (API errors, timers) may write to it.
import { useSyncExternalStore } from 'react';
import { ErreurApi, ErreurReseau, messageErreurTechnique, referenceErreur } from './api.ts';
import { formaterDateHeureSecondes } from '../forms/dates.ts';

export type NiveauMessage = 'info' | 'succes' | 'avertissement' | 'erreur';

export interface MessageConsole {
  id: number;
  /** Epoch milliseconds. */
  le: number;
  niveau: NiveauMessage;
  texte: string;
  /** Retry of the action that failed on a lost connection (kept in memory only). */
  reessayer?: () => void;
}

export const LIBELLE_NIVEAU: Record<NiveauMessage, string> = {
  info: 'Information',
  succes: 'Information',
  avertissement: 'Attention',
  erreur: 'Erreur',
};

/** "(12/12/2016 14:18:38) Erreur : Impossible de créer cette épreuve option." */
export function libelleMessage(m: Pick<MessageConsole, 'le' | 'niveau' | 'texte'>): string {
  return `(${formaterDateHeureSecondes(new Date(m.le))}) ${LIBELLE_NIVEAU[m.niveau]} : ${m.texte}`;
}

const MAX = 200;
const CLE = 'console';

type Ecouteur = () => void;

class ConsoleStore {
  #messages: MessageConsole[] = [];
  #ecouteurs = new Set<Ecouteur>();
  #suivant = 1;
  /** The last message to announce to screen readers, per politeness. */
  dernierAnnonce: { erreur: MessageConsole | null; info: MessageConsole | null } = { erreur: null, info: null };

  constructor() {
    try {
      const brut = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(CLE);
      if (brut) {
        this.#messages = (JSON.parse(brut) as MessageConsole[]).slice(0, MAX);
        this.#suivant = Math.max(0, ...this.#messages.map((m) => m.id)) + 1;
      }
    } catch {
      this.#messages = [];
    }
  }

  get messages() {
    return this.#messages;
  }

  abonner = (e: Ecouteur) => {
    this.#ecouteurs.add(e);
    return () => this.#ecouteurs.delete(e);
  };

  #publier() {
    try {
      if (typeof sessionStorage !== 'undefined') {
        sessionStorage.setItem(CLE, JSON.stringify(this.#messages.map(({ reessayer: _r, ...m }) => m)));
      }
    } catch {
      // Storage full or forbidden: the console still works for this page.
    }
    for (const e of this.#ecouteurs) e();
  }

  ajouter(niveau: NiveauMessage, texte: string, reessayer?: () => void): MessageConsole {
    const m: MessageConsole = { id: this.#suivant++, le: Date.now(), niveau, texte, reessayer };
    this.#messages = [m, ...this.#messages.map((x) => (reessayer && x.reessayer ? { ...x, reessayer: undefined } : x))].slice(0, MAX);
    if (niveau === 'erreur') this.dernierAnnonce = { ...this.dernierAnnonce, erreur: m };
    else this.dernierAnnonce = { ...this.dernierAnnonce, info: m };
    this.#publier();
    return m;
  }

  info = (texte: string) => this.ajouter('info', texte);
  succes = (texte: string) => this.ajouter('succes', texte);
  avertissement = (texte: string) => this.ajouter('avertissement', texte);
  erreur = (texte: string, reessayer?: () => void) => this.ajouter('erreur', texte, reessayer);

  /** Removes the retry button once the action has been retried. */
  retirerReessai(id: number) {
    this.#messages = this.#messages.map((m) => (m.id === id ? { ...m, reessayer: undefined } : m));
    this.#publier();
  }

  vider() {
    this.#messages = [];
    this.dernierAnnonce = { erreur: null, info: null };
    this.#publier();
  }
}

export const consoleMessages = new ConsoleStore();

export function useConsoleMessages(): MessageConsole[] {
  return useSyncExternalStore(consoleMessages.abonner, () => consoleMessages.messages, () => consoleMessages.messages);
}

/** The French text shown for any failure, whatever its kind. */
export function texteErreur(e: unknown): string {
  if (e instanceof ErreurApi || e instanceof ErreurReseau) return e.message;
  return messageErreurTechnique(referenceErreur(0).replace('HTTP0', 'NAV'));
}

/**
 * Reports a failure in the console. A lost session is not reported here: the login page says it.
 * A lost connection offers to retry.
 */
export function signalerErreur(e: unknown, reessayer?: () => void): string {
  const texte = texteErreur(e);
  if (e instanceof ErreurApi && e.status === 401 && (e.code === 'SESSION_EXPIREE' || e.code === 'NON_AUTHENTIFIE')) return texte;
  if (e instanceof ErreurApi && e.code === 'MOT_DE_PASSE_A_CHANGER') return texte;
  if (!(e instanceof ErreurApi) && !(e instanceof ErreurReseau)) console.error(e);
  consoleMessages.erreur(texte, e instanceof ErreurReseau ? reessayer : undefined);
  return texte;
}
