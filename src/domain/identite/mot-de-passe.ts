// Password rules, stated in French on the form and checked on the server (issue 2 §3).
export const REGLES_MOT_DE_PASSE = [
  'au moins 12 caractères',
  'au moins une lettre minuscule et une lettre majuscule',
  'au moins un chiffre',
  'au moins un caractère spécial (par exemple ! ? < > # @)',
] as const;

export const ENONCE_REGLES = `Le mot de passe doit contenir ${REGLES_MOT_DE_PASSE.join(', ')}.`;

/** Returns the rules that the password breaks (empty when it is acceptable). */
export function reglesNonRespectees(motDePasse: string, contexte: { login?: string } = {}): string[] {
  const manquantes: string[] = [];
  if (motDePasse.length < 12) manquantes.push(REGLES_MOT_DE_PASSE[0]);
  if (!/[a-z]/.test(motDePasse) || !/[A-Z]/.test(motDePasse)) manquantes.push(REGLES_MOT_DE_PASSE[1]);
  if (!/[0-9]/.test(motDePasse)) manquantes.push(REGLES_MOT_DE_PASSE[2]);
  if (!/[^A-Za-z0-9]/.test(motDePasse)) manquantes.push(REGLES_MOT_DE_PASSE[3]);
  if (contexte.login && contexte.login.length >= 3 && motDePasse.toLowerCase().includes(contexte.login.toLowerCase())) {
    manquantes.push("ne pas contenir l'identifiant");
  }
  return manquantes;
}

export function messageMotDePasse(manquantes: string[]): string {
  return `Le mot de passe doit contenir ${manquantes.join(', ')}.`;
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SPECIAL = '<>!?#@%+=*';

/**
 * A temporary password of `length` characters mixing the four classes (as "5ds<JsXkby"),
 * drawn from a cryptographic source passed in (crypto.randomInt in production).
 */
export function genererMotDePasseTemporaire(randomInt: (max: number) => number, length = 10): string {
  const classes = [LOWER, UPPER, DIGITS, SPECIAL];
  const all = classes.join('');
  const chars: string[] = classes.map((c) => c[randomInt(c.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
