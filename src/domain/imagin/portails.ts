// The portals of the intervenant service (seed 004 §2.6, §2.7, §2.10): which external application
// each mission type opens, the SANTORIN correction states, the applications an administrator gives
// an address to. Pure data and rules (decision 0022).

export const APPLICATIONS = ['SANTORIN', 'CYCLADES', 'CYCLADES_EPS', 'DELOS_BNS', 'SANTORIN_STATS'] as const;
export type CodeApplication = (typeof APPLICATIONS)[number];

export const LIBELLE_APPLICATION: Record<CodeApplication, string> = {
  SANTORIN: 'SANTORIN',
  CYCLADES: 'CYCLADES',
  CYCLADES_EPS: 'CYCLADES (gestion des épreuves EPS)',
  DELOS_BNS: 'DELOS (banque nationale de sujets)',
  SANTORIN_STATS: 'SANTORIN (statistiques nationales de notation)',
};

/** What the administrator reads beside each address. */
export const ROLE_APPLICATION: Record<CodeApplication, string> = {
  SANTORIN: 'Correction, lecture de dossier, harmonisation, conformité, composition, numérisation et notation EPS CCF (portail d’accès aux missions).',
  CYCLADES: 'Commissions académiques EPS (portail d’accès aux missions).',
  CYCLADES_EPS: 'Gestion des épreuves EPS des enseignants d’EPS.',
  DELOS_BNS: 'Gestion des sujets (inspecteurs généraux, discipline de poste IMSUJ).',
  SANTORIN_STATS: 'Statistiques nationales de notation (inspecteurs généraux, discipline de poste IMSTA).',
};

/**
 * The application each mission type of the portal opens (seed 004 §2.6). The commissions académiques
 * EPS give access to CYCLADES (gestion des EPS en CCF); every other type — correction of written
 * papers (also dematerialised), lecture de dossier, harmonisation, conformité (CCONF), composition en
 * ligne (COMPO), numérisation, notation EPS CCF — to SANTORIN. Decision 0022.
 */
export const APPLICATION_DU_TYPE: Readonly<Record<string, CodeApplication>> = {
  CORCOP: 'SANTORIN',
  CEC: 'SANTORIN',
  COEC: 'SANTORIN',
  ECCC: 'SANTORIN',
  LECDOS: 'SANTORIN',
  HARMO: 'SANTORIN',
  CCONF: 'SANTORIN',
  COMPO: 'SANTORIN',
  NUMCOP: 'SANTORIN',
  EPSCCF: 'SANTORIN',
  EPSACA: 'CYCLADES',
};

/** The application of the activities that are a portal and nothing else. */
export const APPLICATION_DE_L_ACTIVITE = {
  'gestion-epreuves-eps': 'CYCLADES_EPS',
  'gestion-sujets': 'DELOS_BNS',
  'statistiques-notation': 'SANTORIN_STATS',
} as const satisfies Record<string, CodeApplication>;

export const ETATS_SANTORIN = ['a_corriger', 'a_numeriser', 'service_fait'] as const;
export type EtatSantorin = (typeof ETATS_SANTORIN)[number];

/** « l'état de correction de l'épreuve » (seed 004 §2.6.1). */
export const LIBELLE_ETAT_SANTORIN: Record<EtatSantorin, string> = {
  a_corriger: 'A corriger dans SANTORIN',
  a_numeriser: 'A numériser dans SANTORIN',
  service_fait: 'Service fait SANTORIN',
};

const sansAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]+/g, ' ').trim();

/**
 * The state written in an import file: the code (A_CORRIGER, A_NUMERISER, SERVICE_FAIT) or the label
 * (« A corriger dans SANTORIN »…), case and accents ignored; null when it is neither.
 */
export function lireEtatSantorin(texte: string): EtatSantorin | null {
  const s = sansAccents(texte);
  for (const e of ETATS_SANTORIN) {
    if (s === sansAccents(e) || s === sansAccents(LIBELLE_ETAT_SANTORIN[e])) return e;
  }
  return null;
}

/** An address the administrator may record: http(s), a host, no credentials, no fragment. */
export function controlerUrlApplication(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Adresse : une adresse complète est attendue, par exemple https://santorin.ac-rennes.fr/correcteur.';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'Adresse : elle doit commencer par https:// (ou http://).';
  if (u.username || u.password) return "Adresse : elle ne doit contenir ni identifiant ni mot de passe.";
  if (u.hash) return 'Adresse : elle ne doit pas contenir de fragment (#…).';
  if (u.searchParams.has('jeton')) return 'Adresse : le paramètre « jeton » est ajouté par la plateforme ; retirez-le.';
  if (url.length > 500) return 'Adresse : 500 caractères au plus.';
  return null;
}
