// An action the user launches (save, send, download): its progress, the server's French message in
// the console and beside the fields it concerns (issue 3 §10), a success message, a retry when the
// connection was lost.
import { useCallback, useRef, useState } from 'react';
import { ErreurApi } from './api.ts';
import { consoleMessages, signalerErreur } from './console.ts';

export interface Action<A extends unknown[], R> {
  executer: (...args: A) => Promise<R | undefined>;
  enCours: boolean;
  /** Field name → message, from the server's `fields`. */
  erreursChamps: Record<string, string>;
  /** The last failure's message, to show near the form. */
  erreur: string | null;
  effacerErreurs(): void;
  /** A field the user has just corrected: its message goes away at once, the others stay. */
  effacerChamp(nom: string): void;
  /** Client-side checks that failed (same display as the server's). */
  signalerChamps(champs: Record<string, string>): void;
}

export function useAction<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: { succes?: string | ((r: R) => string | undefined | null) } = {},
): Action<A, R> {
  const [enCours, setEnCours] = useState(false);
  const [erreursChamps, setErreursChamps] = useState<Record<string, string>>({});
  const [erreur, setErreur] = useState<string | null>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const optRef = useRef(options);
  optRef.current = options;

  const executer = useCallback(async (...args: A): Promise<R | undefined> => {
    setEnCours(true);
    setErreursChamps({});
    setErreur(null);
    try {
      const r = await fnRef.current(...args);
      const s = optRef.current.succes;
      const texte = typeof s === 'function' ? s(r) : s;
      if (texte) consoleMessages.succes(texte);
      return r;
    } catch (e) {
      const texte = signalerErreur(e, () => void executer(...args));
      if (e instanceof ErreurApi) setErreursChamps(e.fields);
      setErreur(texte);
      return undefined;
    } finally {
      setEnCours(false);
    }
  }, []);

  const effacerErreurs = useCallback(() => {
    setErreursChamps({});
    setErreur(null);
  }, []);

  const effacerChamp = useCallback((nom: string) => {
    setErreursChamps((e) => {
      if (!(nom in e)) return e;
      const { [nom]: _efface, ...reste } = e;
      return reste;
    });
  }, []);

  const signalerChamps = useCallback((champs: Record<string, string>) => {
    setErreursChamps(champs);
    const premier = Object.values(champs)[0];
    setErreur(premier ?? null);
    if (premier) consoleMessages.erreur(Object.values(champs).join(' '));
  }, []);

  return { executer, enCours, erreursChamps, erreur, effacerErreurs, effacerChamp, signalerChamps };
}
