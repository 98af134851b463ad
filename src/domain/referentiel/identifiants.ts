// Identifiers of the référentiel and their check keys (shared/reference/domain-rules.md, "Identifiers").

const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The key letter of a UAI: the 7-character number mod 23 over A–Z without I, O, Q. */
export function cleUai(sevenChars: string): string {
  if (!/^[0-9]{3}[0-9A-Z][0-9]{3}$/.test(sevenChars)) {
    throw new Error(`UAI sans clé invalide : ${sevenChars}`);
  }
  // Corsican départements (620/720) and the like keep a digit-only number; a letter in 4th place
  // (rare, e.g. 2A/2B-era codes) is read by its position in the alphabet as the ministry's RNE does.
  let n = 0n;
  for (const ch of sevenChars) {
    const v = /[0-9]/.test(ch) ? BigInt(ch.charCodeAt(0) - 48) : BigInt(ch.charCodeAt(0) - 55);
    n = n * 10n + v;
  }
  return UAI_LETTERS[Number(n % 23n)]!;
}

export type ResultatControle = { ok: true } | { ok: false; message: string };

export function controlerUai(uai: string): ResultatControle {
  const u = uai.trim().toUpperCase();
  if (!/^[0-9]{3}[0-9A-Z][0-9]{3}[A-Z]$/.test(u)) {
    return { ok: false, message: "L'UAI doit compter 8 caractères : 7 chiffres (ou 3 chiffres, une lettre, 3 chiffres) suivis d'une lettre clé, par exemple 0350710G." };
  }
  const attendu = cleUai(u.slice(0, 7));
  if (u[7] !== attendu) {
    return { ok: false, message: `La clé de l'UAI ${u} est incorrecte : la lettre attendue est ${attendu}.` };
  }
  return { ok: true };
}

export function avecCleUai(sevenChars: string): string {
  return sevenChars + cleUai(sevenChars);
}

/** NIR key: 97 − (number mod 97); Corsica 2A → 19 and 2B → 18 before the modulo. */
export function cleNir(thirteen: string): number {
  const digits = thirteen.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  if (!/^[0-9]{13}$/.test(digits)) throw new Error(`NIR sans clé invalide : ${thirteen}`);
  return 97 - Number(BigInt(digits) % 97n);
}

export function controlerNir(nir: string): ResultatControle {
  const n = nir.replace(/\s/g, '').toUpperCase();
  if (!/^[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}[0-9]{2}$/.test(n)) {
    return { ok: false, message: 'Le numéro de sécurité sociale doit compter 15 caractères : 13 pour le numéro et 2 pour la clé (1 ou 2 en premier).' };
  }
  const attendue = cleNir(n.slice(0, 13));
  if (Number(n.slice(13)) !== attendue) {
    return { ok: false, message: `La clé du numéro de sécurité sociale est incorrecte : la clé attendue est ${String(attendue).padStart(2, '0')}.` };
  }
  return { ok: true };
}

export function avecCleNir(thirteen: string): string {
  return thirteen + String(cleNir(thirteen)).padStart(2, '0');
}

/** NUMEN: 2-digit académie, 1 letter, 2-digit year, 5 digits, 3 letters. No public check key. */
export function controlerNumen(numen: string): ResultatControle {
  if (!/^[0-9]{2}[A-Z][0-9]{2}[0-9]{5}[A-Z]{3}$/.test(numen)) {
    return { ok: false, message: 'Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.' };
  }
  return { ok: true };
}

/** IBAN check (ISO 13616, mod 97 = 1). */
export function controlerIban(iban: string): ResultatControle {
  const s = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[0-9A-Z]{10,30}$/.test(s)) {
    return { ok: false, message: "L'IBAN doit commencer par le code pays et la clé (FR76…) et ne contenir que des lettres et des chiffres." };
  }
  const moved = s.slice(4) + s.slice(0, 4);
  const numeric = moved.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  if (BigInt(numeric) % 97n !== 1n) {
    return { ok: false, message: "La clé de l'IBAN est incorrecte : vérifiez les caractères saisis." };
  }
  return { ok: true };
}

/** Bank details are always shown masked: only the last four characters appear. */
export function masquerIban(fin: string | null): string {
  if (!fin) return '';
  return 'FR•• •••• •••• •••• •••• ••' + fin.slice(-4);
}
