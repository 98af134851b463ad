// The display settings of the seeds' header (contraste, taille de police, interlignage,
// justification) plus DSFR's light/dark theme: applied as attributes of <html> that styles.css reads,
// remembered per user on the server (PUT /api/preferences) and on this device for the login pages.
import type { Preferences } from './types.ts';

export const PREFERENCES_DEFAUT: Required<Preferences> = {
  theme: 'system',
  contraste: 'normal',
  taillePolice: 'normale',
  interlignage: 'normal',
  justification: 'gauche',
};

const CLE_LOCALE = 'preferences-affichage';

export function preferencesCompletes(p: Preferences | null | undefined): Required<Preferences> {
  const out = { ...PREFERENCES_DEFAUT };
  if (!p) return out;
  if (p.theme === 'light' || p.theme === 'dark' || p.theme === 'system') out.theme = p.theme;
  if (p.contraste === 'normal' || p.contraste === 'renforce') out.contraste = p.contraste;
  if (p.taillePolice === 'normale' || p.taillePolice === 'grande' || p.taillePolice === 'tres-grande') out.taillePolice = p.taillePolice;
  if (p.interlignage === 'normal' || p.interlignage === 'large') out.interlignage = p.interlignage;
  if (p.justification === 'gauche' || p.justification === 'justifie') out.justification = p.justification;
  return out;
}

export function preferencesLocales(): Required<Preferences> {
  try {
    return preferencesCompletes(JSON.parse(localStorage.getItem(CLE_LOCALE) ?? 'null') as Preferences | null);
  } catch {
    return { ...PREFERENCES_DEFAUT };
  }
}

let courantes: Required<Preferences> = { ...PREFERENCES_DEFAUT };
export function preferencesCourantes(): Required<Preferences> {
  return courantes;
}

export function appliquerPreferences(p: Preferences | null | undefined, o: { memoriser?: boolean } = {}) {
  const c = preferencesCompletes(p);
  courantes = c;
  const html = document.documentElement;
  html.dataset.contraste = c.contraste;
  html.dataset.taillePolice = c.taillePolice;
  html.dataset.interlignage = c.interlignage;
  html.dataset.justification = c.justification;
  // What react-dsfr's setIsDark does: DSFR's script watches data-fr-scheme and sets data-fr-theme.
  html.setAttribute('data-fr-scheme', c.theme);
  if (html.getAttribute('data-fr-js') !== 'true') {
    const sombre = c.theme === 'dark' || (c.theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
    html.setAttribute('data-fr-theme', sombre ? 'dark' : 'light');
  }
  try {
    localStorage.setItem('scheme', c.theme);
    if (o.memoriser) localStorage.setItem(CLE_LOCALE, JSON.stringify(c));
  } catch {
    // Private browsing: the settings still apply to this page.
  }
}
