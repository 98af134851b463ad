// The signed-in user, as GET /api/auth/session describes it, and everything that changes it: login,
// « Quitter », the password change, a session that ends (back to the right login page, with the
// server's message, and the page to come back to).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ServiceCode } from '../../domain/services.ts';
import { api, definirJetonCsrf, definirJetonSessionAcademie, ecouteursApi, ErreurApi, jetonSessionAcademie } from './api.ts';
import { consoleMessages } from './console.ts';
import { viderEtats } from './etat.ts';
import { appliquerPreferences } from './preferences.ts';
import { oublierBrouillons, changerProprietaireBrouillons } from './brouillons.ts';
import type { Entree, Session } from './types.ts';

export interface ChoixEtablissement {
  id: number;
  libelle: string;
}

export interface EtatNavigationConnexion {
  message?: string;
  niveau?: 'info' | 'erreur';
  retour?: string;
}

export function cheminConnexion(entree: Entree): string {
  return `/connexion/${entree}`;
}

/** The page a tab opened in another académie arrives on (code in the hash) and ends on. */
export const CHEMIN_ACCES_ACADEMIE = '/acces-academie';

/** The state of the end page of a tab opened in another académie. */
export interface EtatFinAccesAcademie {
  fin: true;
  message: string;
  niveau: 'info' | 'erreur';
}

/**
 * A tab opened in another académie is over (« Quitter », or its session ended): it forgets that
 * session and everything kept for it; the home tab's session, which is the cookie's, is not touched.
 */
function oublierSessionAcademie() {
  definirJetonSessionAcademie(null);
  try {
    sessionStorage.clear();
  } catch {
    // Nothing kept then.
  }
}

/** Inactivity deadline (epoch ms), pushed back by every call the server counts as activity. */
class Echeance {
  valeur = 0;
  dureeMs = 0;
  #ecouteurs = new Set<() => void>();
  abonner = (e: () => void) => {
    this.#ecouteurs.add(e);
    return () => this.#ecouteurs.delete(e);
  };
  definir(valeur: number) {
    this.valeur = valeur;
    for (const e of this.#ecouteurs) e();
  }
  prolonger() {
    if (this.dureeMs) this.definir(Date.now() + this.dureeMs);
  }
}

export const echeance = new Echeance();

// The session is asked for as soon as the script runs, before React's first render; when its answer
// is there before that render, the first render already knows it (no « Chargement… » in between).
let sessionDeDemarrage: Promise<Session> | null = null;
let reponseDeDemarrage: { session: Session | null } | null = null;
export function demanderSessionAuDemarrage(): Promise<unknown> {
  sessionDeDemarrage ??= api.get<Session>('/api/auth/session', { passif: true, public: true }).then(
    (s) => {
      reponseDeDemarrage = { session: s };
      return s;
    },
    (e: unknown) => {
      if (e instanceof ErreurApi && e.status === 401) reponseDeDemarrage = { session: null };
      throw e;
    },
  );
  return sessionDeDemarrage.catch(() => undefined);
}

/** What is set outside React when a session is known or gone: CSRF token, deadline, display. */
function appliquerSession(s: Session | null) {
  definirJetonCsrf(s?.csrfToken ?? null);
  if (s) {
    echeance.dureeMs = s.dureeInactiviteSecondes * 1000;
    echeance.definir(Date.now() + s.secondesRestantes * 1000);
    appliquerPreferences(s.preferences, { memoriser: true });
  } else {
    echeance.dureeMs = 0;
    echeance.definir(0);
  }
}

export function useEcheance(): number {
  return useSyncExternalStore(echeance.abonner, () => echeance.valeur, () => echeance.valeur);
}

interface ValeurSession {
  statut: 'chargement' | 'absente' | 'ouverte';
  session: Session | null;
  /** Why the last session ended (« Quitter », expiry): the service's guard takes it to the login page. */
  sortie: Sortie | null;
  connecter(p: { service: ServiceCode; identifiant: string; motDePasse: string; attributionId?: number }): Promise<{ session?: Session; choix?: ChoixEtablissement[] }>;
  quitter(): Promise<void>;
  recharger(): Promise<Session | null>;
  /** Ends the session on the client after the server said it is over. */
  perdue(e: ErreurApi): void;
}

export interface Sortie {
  message: string;
  /** Come back to the page the session ended on after the next login (not after « Quitter »). */
  revenir: boolean;
  /** A tab of another académie ended: the guard goes to its end page, not to a login page. */
  finAccesAcademie?: EtatFinAccesAcademie;
}

const SessionContext = createContext<ValeurSession | null>(null);

export function useSession(): ValeurSession {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession hors de SessionProvider');
  return v;
}

/** The session, in a page that only exists for a signed-in user. */
export function useSessionOuverte(): Session {
  const { session } = useSession();
  if (!session) throw new Error('Aucune session ouverte.');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  // The start-up answer, when it came before this first render.
  const [initiale] = useState(() => {
    const r = reponseDeDemarrage;
    reponseDeDemarrage = null;
    if (r) {
      sessionDeDemarrage = null;
      appliquerSession(r.session);
    }
    return r;
  });
  const [statut, setStatut] = useState<ValeurSession['statut']>(initiale ? (initiale.session ? 'ouverte' : 'absente') : 'chargement');
  const [session, setSession] = useState<Session | null>(initiale?.session ?? null);
  const [sortie, setSortie] = useState<Sortie | null>(null);
  const navigate = useNavigate();
  const sessionRef = useRef<Session | null>(initiale?.session ?? null);

  const installer = useCallback((s: Session | null) => {
    sessionRef.current = s;
    setSession(s);
    setStatut(s ? 'ouverte' : 'absente');
    if (s) setSortie(null);
    appliquerSession(s);
  }, []);

  // Only the latest reading is installed: an earlier one answering late (the start-up reading, made
  // with the cookie, in a tab that has since received another académie's session) is stale.
  const lectures = useRef(0);
  const recharger = useCallback(async () => {
    const n = ++lectures.current;
    try {
      const demarrage = sessionDeDemarrage;
      sessionDeDemarrage = null;
      const s = await (demarrage ?? api.get<Session>('/api/auth/session', { passif: true, public: true }));
      if (n !== lectures.current) return sessionRef.current;
      installer(s);
      return s;
    } catch (e) {
      if (n !== lectures.current) return sessionRef.current;
      if (e instanceof ErreurApi && e.status === 401) {
        installer(null);
        return null;
      }
      // Network or server failure: keep what we had and let the caller report it.
      if (!sessionRef.current) setStatut('absente');
      throw e;
    }
  }, [installer]);

  useEffect(() => {
    if (!initiale) recharger().catch(() => undefined);
  }, [recharger, initiale]);

  // The guard of the service (GardeService) sees the session gone and goes to the right login page
  // with this message; navigating from here would race with it.
  const perdue = useCallback(
    (e: ErreurApi) => {
      if (jetonSessionAcademie() !== null) {
        // Another académie's tab: no login page here (a login would be the home session's); its end page.
        oublierSessionAcademie();
        consoleMessages.vider();
        setSortie({ message: e.message, revenir: false, finAccesAcademie: { fin: true, message: e.message, niveau: 'erreur' } });
        installer(null);
        viderEtats();
        return;
      }
      setSortie({ message: e.message, revenir: true });
      installer(null);
      viderEtats();
    },
    [installer],
  );

  useEffect(() => {
    ecouteursApi.sessionPerdue = (e) => {
      if (sessionRef.current) perdue(e);
    };
    ecouteursApi.motDePasseAChanger = () => {
      const s = sessionRef.current;
      if (s) navigate(`/${s.service.code}/mot-de-passe`, { replace: true });
    };
    ecouteursApi.activite = () => echeance.prolonger();
    return () => {
      ecouteursApi.sessionPerdue = undefined;
      ecouteursApi.motDePasseAChanger = undefined;
      ecouteursApi.activite = undefined;
    };
  }, [navigate, perdue]);

  const connecter = useCallback<ValeurSession['connecter']>(
    async (p) => {
      // A login makes this tab the home session's (the cookie), even if it was another académie's.
      definirJetonSessionAcademie(null);
      const r = await api.post<{ session?: Session; choix?: ChoixEtablissement[]; reprise?: string }>('/api/auth/connexion', p, { public: true });
      if (r.session) {
        if (changerProprietaireBrouillons(r.session.compte.login)) {
          consoleMessages.vider();
          viderEtats();
        }
        installer(r.session);
        consoleMessages.info(`Connexion à ${r.session.service.application} — ${r.session.service.libelle} (${r.session.connecteEnTantQue}).`);
        // The account took over its own session left open elsewhere (issue 13).
        if (r.reprise) consoleMessages.avertissement(r.reprise);
      }
      return r;
    },
    [installer],
  );

  const quitter = useCallback(async () => {
    const autreAcademie = jetonSessionAcademie() !== null;
    let message = autreAcademie ? "Vous avez quitté le service de cette académie. La session de votre académie reste ouverte dans l'onglet d'origine." : 'Vous êtes déconnecté.';
    try {
      const r = await api.post<{ message: string }>('/api/auth/deconnexion');
      message = r.message;
    } catch (e) {
      // Already over on the server: the user is out anyway.
      if (!(e instanceof ErreurApi && e.status === 401)) throw e;
    }
    if (autreAcademie) {
      // Only this tab's session ended: its end page (the guard goes there), not the login page.
      oublierSessionAcademie();
      consoleMessages.vider();
      setSortie({ message, revenir: false, finAccesAcademie: { fin: true, message, niveau: 'info' } });
      installer(null);
      viderEtats();
      return;
    }
    setSortie({ message, revenir: false });
    installer(null);
    viderEtats();
    oublierBrouillons();
    consoleMessages.vider();
  }, [installer]);

  const valeur = useMemo<ValeurSession>(() => ({ statut, session, sortie, connecter, quitter, recharger, perdue }), [statut, session, sortie, connecter, quitter, recharger, perdue]);
  return <SessionContext.Provider value={valeur}>{children}</SessionContext.Provider>;
}
