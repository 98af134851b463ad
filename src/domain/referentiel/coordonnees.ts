// A person's postal address, telephones and e-mail addresses (seed 004 §2.5 « Informations
// personnelles »): how each is read from what was typed (French message naming the field), normalised
// for storage, and masked for the audit log. Pure, shared by the server's schemas and the web form
// (docs/decisions/0021-informations-personnelles.md).

export type Lecture<T> = { ok: true; valeur: T } | { ok: false; message: string };

const ok = <T>(valeur: T): Lecture<T> => ({ ok: true, valeur });
const ko = <T>(message: string): Lecture<T> => ({ ok: false, message });

// --- Téléphones ---------------------------------------------------------------------------------

/**
 * The international prefixes read as French numbers: metropolitan France (+33) and the overseas
 * départements and collectivities of the national numbering plan (+262 La Réunion and Mayotte,
 * +508 Saint-Pierre-et-Miquelon, +590 Guadeloupe, Saint-Barthélemy, Saint-Martin, +594 Guyane,
 * +596 Martinique), each followed by the 9 digits of the national number without its 0.
 */
const INDICATIFS_FRANCAIS = ['33', '262', '508', '590', '594', '596'] as const;

function formatNational(dixChiffres: string): string {
  return dixChiffres.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/**
 * A French telephone number: 10 digits starting with 0, or +33 (0033, or an overseas prefix) followed by
 * 9 digits; spaces, dots, dashes and brackets are accepted. Stored as « 06 12 34 56 78 »; empty → null.
 */
export function lireTelephone(saisie: string | null | undefined, champ: string): Lecture<string | null> {
  const s = (saisie ?? '').trim();
  if (!s) return ok(null);
  const attendu = `10 chiffres commençant par 0 (par exemple 06 12 34 56 78), ou +33 suivi de 9 chiffres (+33 6 12 34 56 78)`;
  if (!/^[+0-9 .()\-]+$/.test(s)) return ko(`${champ} ne doit contenir que des chiffres, des espaces, des points ou des tirets : ${attendu}.`);
  let d = s.replace(/[\s.()\-]/g, '');
  if (d.startsWith('00')) d = `+${d.slice(2)}`;
  if (d.startsWith('+')) {
    const indicatif = INDICATIFS_FRANCAIS.find((i) => d.startsWith(`+${i}`));
    if (!indicatif) return ko(`${champ} doit être un numéro français : ${attendu}.`);
    let reste = d.slice(indicatif.length + 1);
    // « +33 (0)6 12 34 56 78 »: the national 0 written after the prefix.
    if (/^0\d{9}$/.test(reste)) reste = reste.slice(1);
    if (!/^[1-9]\d{8}$/.test(reste)) return ko(`${champ} n'a pas le bon nombre de chiffres : ${attendu}.`);
    return ok(formatNational(`0${reste}`));
  }
  if (!/^\d{10}$/.test(d)) return ko(`${champ} doit compter 10 chiffres (${d.replace(/\D/g, '').length} saisis) : ${attendu}.`);
  if (!/^0[1-9]/.test(d)) return ko(`${champ} doit commencer par 0 suivi d'un chiffre de 1 à 9 : ${attendu}.`);
  return ok(formatNational(d));
}

// --- Adresses électroniques ---------------------------------------------------------------------

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An e-mail address (RFC 5321 syntax without quoted forms); stored in lower case; empty → null. */
export function lireCourriel(saisie: string | null | undefined, champ: string): Lecture<string | null> {
  const s = (saisie ?? '').trim();
  if (!s) return ok(null);
  const message = `${champ} n'est pas valide : format attendu prenom.nom@exemple.fr.`;
  if (s.length > 254) return ko(`${champ} dépasse 254 caractères.`);
  const at = s.lastIndexOf('@');
  if (at <= 0) return ko(message);
  const local = s.slice(0, at);
  const domaine = s.slice(at + 1).replace(/\.$/, '');
  const labels = domaine.split('.');
  if (local.length > 64 || !LOCAL.test(local)) return ko(message);
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[A-Za-z]{2,}$/.test(labels.at(-1)!)) return ko(message);
  return ok(`${local}@${domaine}`.toLowerCase());
}

// --- Adresse postale ----------------------------------------------------------------------------

export const MAX_ADRESSE = 200;
export const MAX_COMMUNE = 80;

/** The street part of the postal address (« 12 rue des Lilas »), on one line; required. */
export function lireAdresse(saisie: string | null | undefined, champ = "L'adresse"): Lecture<string> {
  const s = (saisie ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return ko(`${champ} est obligatoire : numéro et voie, par exemple 12 rue des Lilas.`);
  if (s.length > MAX_ADRESSE) return ko(`${champ} est trop longue (${MAX_ADRESSE} caractères au plus).`);
  if (!/^[\p{L}\p{N} ,.'’°/()&#-]+$/u.test(s)) {
    return ko(`${champ} ne doit contenir que des lettres, des chiffres, des espaces et la ponctuation d'une adresse (, . ' - / °).`);
  }
  if (!/\p{L}/u.test(s)) return ko(`${champ} doit indiquer la voie, par exemple 12 rue des Lilas.`);
  return ok(s.replace(/’/g, "'"));
}

/**
 * Whether the first digits of a code postal name a French département or collectivity: 01 to 95 (20
 * for Corsica), 971 to 978 overseas, 980 Monaco (served by La Poste) and 986 to 988 in the Pacific.
 */
export function departementPlausible(codePostal: string): boolean {
  const dd = Number(codePostal.slice(0, 2));
  if (dd >= 1 && dd <= 95) return true;
  const ddd = codePostal.slice(0, 3);
  if (dd === 97) return ['971', '972', '973', '974', '975', '976', '977', '978'].includes(ddd);
  if (dd === 98) return ['980', '986', '987', '988'].includes(ddd);
  return false;
}

/** A French code postal: 5 digits, of a plausible département (20xxx in Corsica, as La Poste writes it). */
export function lireCodePostal(saisie: string | null | undefined, champ = 'Le code postal'): Lecture<string> {
  const s = (saisie ?? '').replace(/\s/g, '').toUpperCase();
  if (!s) return ko(`${champ} est obligatoire : 5 chiffres, par exemple 35000.`);
  if (/^2[AB]\d{3}$/.test(s)) {
    return ko(`${champ} de la Corse commence par 20 (par exemple 20000 à Ajaccio, 20200 à Bastia) : 2A et 2B sont des numéros de département, pas des codes postaux.`);
  }
  if (!/^\d{5}$/.test(s)) return ko(`${champ} compte 5 chiffres (par exemple 35000).`);
  if (!departementPlausible(s)) {
    return ko(`${champ} ${s} ne correspond à aucun département : ses deux premiers chiffres vont de 01 à 95 (971 à 978 outre-mer).`);
  }
  return ok(s);
}

/** The commune: letters, spaces, hyphens and apostrophes, stored in capitals as La Poste writes it; required. */
export function lireCommune(saisie: string | null | undefined, champ = 'La commune'): Lecture<string> {
  const s = (saisie ?? '').replace(/\s+/g, ' ').replace(/’/g, "'").trim();
  if (!s) return ko(`${champ} est obligatoire.`);
  if (s.length > MAX_COMMUNE) return ko(`${champ} est trop longue (${MAX_COMMUNE} caractères au plus).`);
  if (!/^\p{L}(?:[\p{L}' -]*\p{L})?$/u.test(s)) {
    return ko(
      `${champ} ne doit contenir que des lettres, des espaces, des tirets et des apostrophes (par exemple SAINT-MALO) ; l'arrondissement de Paris, Lyon ou Marseille se lit dans le code postal.`,
    );
  }
  return ok(s.toLocaleUpperCase('fr-FR'));
}

// --- Masquage (journal d'audit) -------------------------------------------------------------------

/** « 06 12 34 56 78 » → « 06 •• •• •• 78 ». */
export function masquerTelephone(tel: string | null): string | null {
  if (!tel) return null;
  const d = tel.replace(/\D/g, '');
  return d.length < 4 ? '••' : `${d.slice(0, 2)} •• •• •• ${d.slice(-2)}`;
}

/** « paul.martin@example.org » → « p•••@example.org ». */
export function masquerCourriel(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  return at <= 0 ? '•••' : `${email[0]}•••${email.slice(at)}`;
}

/** « 12 rue des Lilas » → « 12 •••»: the number at most, never the street. */
export function masquerAdresse(adresse: string | null): string | null {
  if (!adresse) return null;
  const numero = /^\d{1,4}/.exec(adresse)?.[0];
  return numero ? `${numero} •••` : '•••';
}

/** Bank details shown for consultation only: every character masked but the last three (BIC). */
export function masquerBic(bic: string | null): string | null {
  if (!bic) return null;
  const b = bic.replace(/\s/g, '');
  return '•'.repeat(Math.max(0, b.length - 3)) + b.slice(-3);
}

// --- Les champs de « Informations personnelles » ----------------------------------------------------

/** The fields the intervenant edits (seed 004 §2.5): label, subject of their messages, how each is read. */
export const CHAMPS_COORDONNEES = {
  adresse: { libelle: 'Adresse', nomme: "L'adresse", lire: lireAdresse },
  codePostal: { libelle: 'Code postal', nomme: 'Le code postal', lire: lireCodePostal },
  commune: { libelle: 'Commune', nomme: 'La commune', lire: lireCommune },
  telPro: { libelle: 'Téléphone professionnel', nomme: 'Le téléphone professionnel', lire: lireTelephone },
  telPerso: { libelle: 'Téléphone personnel', nomme: 'Le téléphone personnel', lire: lireTelephone },
  emailPro: { libelle: 'Mél professionnel', nomme: 'Le mél professionnel', lire: lireCourriel },
  emailPerso: { libelle: 'Mél personnel', nomme: 'Le mél personnel', lire: lireCourriel },
} as const satisfies Record<string, { libelle: string; nomme: string; lire: (s: string, champ: string) => Lecture<string | null> }>;

export type ChampCoordonnees = keyof typeof CHAMPS_COORDONNEES;
export const ORDRE_CHAMPS_COORDONNEES = Object.keys(CHAMPS_COORDONNEES) as ChampCoordonnees[];

/** The message of each wrong field of a form (the same checks as the server's), none when all are right. */
export function erreursCoordonnees(v: Record<ChampCoordonnees, string>): Partial<Record<ChampCoordonnees, string>> {
  const e: Partial<Record<ChampCoordonnees, string>> = {};
  for (const c of ORDRE_CHAMPS_COORDONNEES) {
    const r = CHAMPS_COORDONNEES[c].lire(v[c], CHAMPS_COORDONNEES[c].nomme);
    if (!r.ok) e[c] = r.message;
  }
  return e;
}
