// State that outlives a page: a list's keyword, sort, filters and scroll position while the user
// opens a detail and comes back with « Retour » (seed 003 §1.3.6). Kept in memory for the session,
// emptied on « Quitter ».
import { useCallback, useState } from 'react';

const etats = new Map<string, unknown>();

export function lireEtat<S>(cle: string): S | undefined {
  return etats.get(cle) as S | undefined;
}

export function ecrireEtat<S>(cle: string, valeur: S) {
  etats.set(cle, valeur);
}

export function viderEtats() {
  etats.clear();
}

/** useState whose value survives the component's unmounting, under `cle`. */
export function useEtatPersistant<S>(cle: string, initial: S | (() => S)): [S, (v: S | ((p: S) => S)) => void] {
  const [valeur, setValeur] = useState<S>(() => {
    if (etats.has(cle)) return etats.get(cle) as S;
    return typeof initial === 'function' ? (initial as () => S)() : initial;
  });
  const modifier = useCallback(
    (v: S | ((p: S) => S)) => {
      setValeur((p) => {
        const n = typeof v === 'function' ? (v as (p: S) => S)(p) : v;
        etats.set(cle, n);
        return n;
      });
    },
    [cle],
  );
  return [valeur, modifier];
}
