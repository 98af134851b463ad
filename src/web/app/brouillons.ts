// A form being typed is not silently lost when the session ends (issue 3 §7): its values are kept
// in sessionStorage while typed, given back when the user signs in again, and dropped when saved
// or on « Quitter ». The inactivity warning names the forms that hold unsaved input.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

const PREFIXE = 'brouillon:';
const CLE_PROPRIETAIRE = 'brouillons-proprietaire';

function stockage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Forgets every draft. */
export function oublierBrouillons() {
  const s = stockage();
  if (!s) return;
  for (const k of Object.keys(s)) if (k.startsWith(PREFIXE)) s.removeItem(k);
}

/** Called at login: another user's drafts are dropped. Returns true when the user changed. */
export function changerProprietaireBrouillons(login: string): boolean {
  const s = stockage();
  if (!s) return false;
  const avant = s.getItem(CLE_PROPRIETAIRE);
  s.setItem(CLE_PROPRIETAIRE, login);
  if (avant !== null && avant !== login) {
    oublierBrouillons();
    return true;
  }
  return false;
}

// The forms that currently hold unsaved input, by label.
const saisies = new Map<string, string>();
let versionSaisies = 0;
const ecouteurs = new Set<() => void>();
function publier() {
  versionSaisies++;
  for (const e of ecouteurs) e();
}

function abonner(e: () => void) {
  ecouteurs.add(e);
  return () => {
    ecouteurs.delete(e);
  };
}

export function useSaisiesEnCours(): string[] {
  useSyncExternalStore(abonner, () => versionSaisies);
  return [...new Set(saisies.values())];
}

export interface Brouillon<V> {
  valeur: V;
  modifier(v: V | ((p: V) => V)): void;
  /** Different from the saved value. */
  modifie: boolean;
  /** The value came back from a draft kept when the session ended. */
  restaure: boolean;
  /** After saving: the draft becomes the saved value. */
  enregistre(v?: V): void;
  /** Back to the saved value. */
  annuler(): void;
}

/**
 * A form's value (`initiale` is what the server holds). `cle` identifies the form and the record
 * edited; `libelle` is how the inactivity warning names it.
 */
export function useBrouillon<V>(cle: string, libelle: string, initiale: V): Brouillon<V> {
  const k = PREFIXE + cle;
  const [etat, setEtat] = useState<{ valeur: V; reference: V; restaure: boolean }>(() => {
    const brut = stockage()?.getItem(k);
    if (brut) {
      try {
        const v = JSON.parse(brut) as { valeur: V };
        if (JSON.stringify(v.valeur) !== JSON.stringify(initiale)) return { valeur: v.valeur, reference: initiale, restaure: true };
      } catch {
        // Unreadable draft: start from the saved value.
      }
    }
    return { valeur: initiale, reference: initiale, restaure: false };
  });
  const modifie = JSON.stringify(etat.valeur) !== JSON.stringify(etat.reference);
  const id = useRef(Symbol(cle));

  useEffect(() => {
    const s = stockage();
    if (modifie) {
      s?.setItem(k, JSON.stringify({ valeur: etat.valeur, le: Date.now() }));
      saisies.set(id.current.toString(), libelle);
    } else {
      s?.removeItem(k);
      saisies.delete(id.current.toString());
    }
    publier();
  }, [k, etat.valeur, modifie, libelle]);

  useEffect(() => {
    const cleSaisie = id.current.toString();
    return () => {
      saisies.delete(cleSaisie);
      publier();
    };
  }, []);

  // Leaving the page with unsaved input: the browser asks first.
  useEffect(() => {
    if (!modifie) return;
    const avant = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', avant);
    return () => window.removeEventListener('beforeunload', avant);
  }, [modifie]);

  const modifier = useCallback((v: V | ((p: V) => V)) => {
    setEtat((p) => ({ ...p, valeur: typeof v === 'function' ? (v as (p: V) => V)(p.valeur) : v }));
  }, []);
  const enregistre = useCallback(
    (v?: V) => {
      stockage()?.removeItem(k);
      setEtat((p) => ({ valeur: v ?? p.valeur, reference: v ?? p.valeur, restaure: false }));
    },
    [k],
  );
  const annuler = useCallback(() => {
    stockage()?.removeItem(k);
    setEtat((p) => ({ valeur: p.reference, reference: p.reference, restaure: false }));
  }, [k]);

  return { valeur: etat.valeur, modifier, modifie, restaure: etat.restaure, enregistre, annuler };
}
