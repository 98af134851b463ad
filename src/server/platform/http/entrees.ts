// What no request may carry, whatever its route and schema (issue 13 §7): PostgreSQL refuses a NUL
// byte in a text and an integer beyond its `integer` type, and would answer a 500. Every route's
// params, query and body go through controlerEntrees once validated (the hook in app.ts), so a new
// schema cannot forget it.
import { AppError } from '../errors.ts';

/** PostgreSQL `integer` (int4): ids, versions, counters. */
export const ENTIER_MAX = 2_147_483_647;
export const ENTIER_MIN = -2_147_483_648;

/** French names of the fields most requests carry, for messages that name the field. */
const LIBELLES: Record<string, string> = {
  id: 'Identifiant',
  identifiant: 'Identifiant',
  motDePasse: 'Mot de passe',
  ancien: 'Mot de passe actuel',
  nouveau: 'Nouveau mot de passe',
  confirmation: 'Confirmation du mot de passe',
  email: 'Adresse électronique',
  motif: 'Motif',
  libelle: 'Libellé',
  contenu: 'Fichier',
  nomFichier: 'Nom du fichier',
  q: 'Recherche',
  code: 'Code',
  jeton: 'Lien de réinitialisation',
  version: 'Version',
};

function libelle(chemin: Array<string | number>): string {
  const nom = [...chemin].reverse().find((s): s is string => typeof s === 'string');
  if (nom === undefined) return 'Valeur';
  if (LIBELLES[nom]) return LIBELLES[nom];
  if (/Ids?$/.test(nom)) return `Identifiant (${nom})`;
  return `Le champ « ${nom} »`;
}

export const messageCaractereNul = (chemin: Array<string | number>) =>
  `${libelle(chemin)} : le caractère nul (\\0) n'est pas autorisé ; saisissez du texte seulement.`;
export const messageEntierTropGrand = (chemin: Array<string | number>, valeur: number) =>
  `${libelle(chemin)} : ${valeur} dépasse la plus grande valeur acceptée (${ENTIER_MAX}).`;

/**
 * The first forbidden value of a request part (after its schema ran): a string holding a NUL, or an
 * integer outside PostgreSQL's integer. A 400 naming the field (path joined with dots, as the schema
 * errors are), or null.
 */
export function controlerEntrees(valeur: unknown, chemin: Array<string | number> = [], vus = new Set<object>()): AppError | null {
  if (typeof valeur === 'string') {
    if (valeur.includes('\u0000')) return erreur(chemin, messageCaractereNul(chemin));
    return null;
  }
  if (typeof valeur === 'number') {
    if (Number.isInteger(valeur) && (valeur > ENTIER_MAX || valeur < ENTIER_MIN)) return erreur(chemin, messageEntierTropGrand(chemin, valeur));
    return null;
  }
  if (typeof valeur === 'bigint') {
    if (valeur > BigInt(ENTIER_MAX) || valeur < BigInt(ENTIER_MIN)) return erreur(chemin, messageEntierTropGrand(chemin, Number(valeur)));
    return null;
  }
  if (valeur === null || typeof valeur !== 'object' || vus.has(valeur) || valeur instanceof Date || Buffer.isBuffer(valeur)) return null;
  vus.add(valeur);
  if (Array.isArray(valeur)) {
    for (const [i, v] of valeur.entries()) {
      const e = controlerEntrees(v, [...chemin, i], vus);
      if (e) return e;
    }
    return null;
  }
  for (const [k, v] of Object.entries(valeur)) {
    // A key is text as well (JSON objects stored as they come).
    if (k.includes('\u0000')) return erreur([...chemin, k], messageCaractereNul([...chemin, k]));
    const e = controlerEntrees(v, [...chemin, k], vus);
    if (e) return e;
  }
  return null;
}

function erreur(chemin: Array<string | number>, message: string) {
  return new AppError('VALIDATION', message, { [chemin.join('.') || 'requete']: message });
}
