// Hardware OATH keys of the portail Jury (issue 8 §2, seed 000 "1ere mire d'authentification"):
// HOTP (RFC 4226) and TOTP (RFC 6238) codes, their verification without replay, the split of the
// password into PIN + code, the lockout policy and the DSI's resynchronisation.
//
// Pure: the secret's bytes, the stored counter or time step and `now` are passed in; nothing is read
// or written. node:crypto is used for HMAC and the constant-time comparison only: both are
// deterministic functions of their inputs (no I/O, no randomness), so this stays domain code. It is
// used rather than otplib because the policy here (no counter ever accepted twice, look-ahead window,
// drift, resynchronisation with two consecutive codes) needs the code of one given counter, which is
// the 15 lines below; otplib's own verify knows none of that policy.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TypeOtp = 'HOTP' | 'TOTP';
export type Chiffres = 6 | 8;
export type Periode = 30 | 60;
/** SHA-1 is what OATH hardware keys use; SHA-256/512 are the other algorithms of RFC 6238. */
export type AlgorithmeOtp = 'sha1' | 'sha256' | 'sha512';

export const CHIFFRES_ACCEPTES: readonly Chiffres[] = [6, 8];
export const PERIODES_ACCEPTEES: readonly Periode[] = [30, 60];

/** HOTP look-ahead: how many presses of the key's button without a login are tolerated. */
export const FENETRE_HOTP = 10;
/** Resynchronisation by the DSI looks much further, since two consecutive codes are required. */
export const FENETRE_RESYNC_HOTP = 100;
/** ±60 steps = ±30 min at 30 s: a key kept in stock for years drifts by minutes, not hours. */
export const FENETRE_RESYNC_TOTP = 60;
/**
 * Wrong PINs typed with a valid code before the key is locked (issue 8 §2: 5, configurable). Only
 * those count (issue 13 §4, decision 0010): a valid code proves the key is at hand, so they are a
 * stolen key's PIN being guessed; an invalid code proves nothing and locks nothing (anyone can type
 * one), the address is slowed instead.
 */
export const ECHECS_MAX = 5;

// ---------------------------------------------------------------------------------------------
// Codes

function verifierCompteur(compteur: number, nom: string): void {
  if (!Number.isSafeInteger(compteur) || compteur < 0) throw new RangeError(`${nom} invalide : ${compteur}`);
}

/** The HOTP code of one counter value (RFC 4226 §5.3: HMAC, dynamic truncation, modulo 10^digits). */
export function calculerHotp(
  secret: Uint8Array,
  compteur: number,
  chiffres: Chiffres = 6,
  algorithme: AlgorithmeOtp = 'sha1',
): string {
  verifierCompteur(compteur, 'compteur');
  // The counter is an 8-byte big-endian integer; a JS number is written as its two 32-bit halves.
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(compteur / 2 ** 32), 0);
  message.writeUInt32BE(compteur >>> 0, 4);
  const hmac = createHmac(algorithme, secret).update(message).digest();
  const decalage = hmac[hmac.length - 1]! & 0x0f;
  const binaire = hmac.readUInt32BE(decalage) & 0x7fffffff;
  return String(binaire % 10 ** chiffres).padStart(chiffres, '0');
}

/** The time step of `now` (RFC 6238 §4.2, T0 = 0): whole periods elapsed since the Unix epoch. */
export function pasTotp(now: Date, periode: number): number {
  return Math.floor(now.getTime() / 1000 / periode);
}

/** The TOTP code shown at `now` by a key whose clock is right. */
export function calculerTotp(
  secret: Uint8Array,
  now: Date,
  periode: number = 30,
  chiffres: Chiffres = 6,
  algorithme: AlgorithmeOtp = 'sha1',
): string {
  return calculerHotp(secret, pasTotp(now, periode), chiffres, algorithme);
}

/**
 * Constant-time comparison: the time taken does not tell how many leading digits were right. The
 * length of a code is public (6 or 8), so a length mismatch may return early — after a comparison of
 * the same cost, so that it does not stand out either.
 */
export function codesEgaux(attendu: string, saisi: string): boolean {
  const a = Buffer.from(attendu, 'utf8');
  const b = Buffer.from(saisi, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

function formatValide(code: string, chiffres: Chiffres): boolean {
  return code.length === chiffres && /^[0-9]+$/.test(code);
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface CleHotp {
  secret: Uint8Array;
  /**
   * The next counter the key may use (RFC 4226 §7.2: the server moves past a counter once it has
   * accepted it). Every counter below it was used or skipped and is never accepted again; a new key
   * starts at 0, or at the Counter of its PSKC file.
   */
  compteur: number;
  chiffres: Chiffres;
  /** Look-ahead: counters compteur … compteur + fenetre are tried. Default FENETRE_HOTP. */
  fenetre?: number;
  algorithme?: AlgorithmeOtp;
}

export type ResultatHotp = { ok: true; nouveauCompteur: number } | { ok: false };

/**
 * Checks an HOTP code within the look-ahead window. On success the counter to store is the one after
 * the matched code, so neither this code nor any earlier one is ever accepted again (no replay).
 * Every counter of the window is computed and compared, matched or not, so the time taken does not
 * say how far the key had advanced.
 */
export function verifierHotp(cle: CleHotp, code: string): ResultatHotp {
  const fenetre = cle.fenetre ?? FENETRE_HOTP;
  verifierCompteur(cle.compteur, 'compteur');
  verifierCompteur(fenetre, 'fenêtre');
  if (!formatValide(code, cle.chiffres)) return { ok: false };
  let trouve: number | null = null;
  for (let c = cle.compteur; c <= cle.compteur + fenetre; c++) {
    const egal = codesEgaux(calculerHotp(cle.secret, c, cle.chiffres, cle.algorithme), code);
    if (egal && trouve === null) trouve = c;
  }
  return trouve === null ? { ok: false } : { ok: true, nouveauCompteur: trouve + 1 };
}

export interface CleTotp {
  secret: Uint8Array;
  periode: Periode;
  chiffres: Chiffres;
  /** The key's last accepted time step, null when it never was used: no step ≤ it is accepted. */
  dernierPas: number | null;
  /** The key's clock drift in steps, as resynchroniserTotp found it (key step − server step). */
  derive?: number;
  algorithme?: AlgorithmeOtp;
}

export type ResultatTotp = { ok: true; pas: number; derive: number } | { ok: false };

/**
 * Checks a TOTP code at `now`, allowing one step either side of the key's expected step (the time
 * taken to type the code, small clock differences). The accepted step is returned to be stored as
 * dernierPas, so a code is never accepted twice, even within its 30 s; `derive` is the drift this
 * code shows (key step − server step), which the caller may store to follow a slowly drifting key
 * (RFC 6238 §6).
 */
export function verifierTotp(cle: CleTotp, code: string, now: Date): ResultatTotp {
  const derive = cle.derive ?? 0;
  if (!formatValide(code, cle.chiffres)) return { ok: false };
  const serveur = pasTotp(now, cle.periode);
  const attendu = serveur + derive;
  let trouve: number | null = null;
  // The expected step first, so that it wins over a neighbour in the (1 in 10^6) case both match.
  for (const pas of [attendu, attendu - 1, attendu + 1]) {
    if (pas < 0) continue;
    const egal = codesEgaux(calculerHotp(cle.secret, pas, cle.chiffres, cle.algorithme), code);
    if (egal && trouve === null && (cle.dernierPas === null || pas > cle.dernierPas)) trouve = pas;
  }
  return trouve === null ? { ok: false } : { ok: true, pas: trouve, derive: trouve - serveur };
}

// ---------------------------------------------------------------------------------------------
// Password = PIN followed by the code

/**
 * The "Mot de Passe ou Passcode OTP" field holds the key's PIN followed by the code the key shows:
 * the code is the last `chiffres` characters. Null when the field is too short to hold a PIN and a
 * code; the caller then counts a failure like any other (without saying why).
 */
export function separerPinEtCode(motDePasse: string, chiffres: Chiffres): { pin: string; code: string } | null {
  if (motDePasse.length <= chiffres) return null;
  return { pin: motDePasse.slice(0, -chiffres), code: motDePasse.slice(-chiffres) };
}

// ---------------------------------------------------------------------------------------------
// Lockout

export interface EtatVerrouillage {
  /** Consecutive wrong PINs with a valid code since the last success or unlock. */
  echecs: number;
  verrouillee: boolean;
}

export const ETAT_INITIAL: EtatVerrouillage = { echecs: 0, verrouillee: false };

/** Same message whether the identifiant, the PIN or the code was wrong: nothing to guess from. */
export const MESSAGE_ECHEC = 'Identifiant ou mot de passe incorrect.';
/**
 * Shown for a locked key whatever was typed, so it says nothing about the PIN or the code; it tells
 * the holder what to do, since a correct code will not unlock it.
 */
export const MESSAGE_VERROUILLEE =
  'Cette clé est verrouillée après trop de tentatives incorrectes. Contactez la DSI de votre académie pour la faire débloquer.';

/**
 * Why an attempt failed, for the counters (never for the message, which stays MESSAGE_ECHEC):
 * - 'code': the code is not a valid one (wrong, replayed, outside the window, missing) — whatever the
 *   PIN, nothing shows the key is at hand: counted for the address, never for the key;
 * - 'pin': a valid code with a wrong PIN — the key is at hand, its PIN is being guessed: counted for
 *   the key (privacyIDEA's fail counter, kept apart here from the code failures), which locks at max.
 */
export type CauseEchec = 'code' | 'pin';

export function causeEchec(verification: { pinCorrect: boolean; codeCorrect: boolean }): CauseEchec | null {
  if (!verification.codeCorrect) return 'code';
  return verification.pinCorrect ? null : 'pin';
}

/**
 * A wrong PIN with a valid code (the caller checks both every time and says the same whatever failed).
 * The key locks at `max` consecutive ones.
 */
export function apresEchec(etat: EtatVerrouillage, max: number = ECHECS_MAX): EtatVerrouillage {
  const echecs = etat.echecs + 1;
  return { echecs, verrouillee: etat.verrouillee || echecs >= max };
}

/**
 * A successful attempt resets the failures — but never unlocks: once locked, only the DSI's
 * deverrouiller does, so that someone who guessed a PIN after many tries does not get in.
 */
export function apresSucces(etat: EtatVerrouillage): EtatVerrouillage {
  return etat.verrouillee ? etat : { echecs: 0, verrouillee: false };
}

/** The DSI's unlock (audited by the caller). */
export function deverrouiller(): EtatVerrouillage {
  return { ...ETAT_INITIAL };
}

export type IssueTentative =
  | { acceptee: true; etat: EtatVerrouillage }
  | { acceptee: false; etat: EtatVerrouillage; message: string; cause: CauseEchec | 'verrouillee' };

/**
 * The whole decision for one attempt on the first screen: a locked key is refused whatever was typed
 * (and its state does not move); otherwise both the PIN and the code must be right. A failure says the
 * same whatever was wrong; only a wrong PIN with a valid code counts toward the lock.
 */
export function evaluerTentative(
  etat: EtatVerrouillage,
  verification: { pinCorrect: boolean; codeCorrect: boolean },
  max: number = ECHECS_MAX,
): IssueTentative {
  if (etat.verrouillee) return { acceptee: false, etat, message: MESSAGE_VERROUILLEE, cause: 'verrouillee' };
  const cause = causeEchec(verification);
  if (cause === null) return { acceptee: true, etat: apresSucces(etat) };
  if (cause === 'code') return { acceptee: false, etat, message: MESSAGE_ECHEC, cause };
  const suivant = apresEchec(etat, max);
  return { acceptee: false, etat: suivant, message: suivant.verrouillee ? MESSAGE_VERROUILLEE : MESSAGE_ECHEC, cause };
}

// ---------------------------------------------------------------------------------------------
// Resynchronisation by the DSI (two consecutive codes)

/**
 * Finds the counter of a key that ran ahead of the server (button pressed many times): two
 * consecutive codes must match counters c and c + 1 within compteurActuel … compteurActuel +
 * fenetreResync. Two codes make a chance match negligible over that wide window, where one would
 * not. The counter never goes back, so a key behind the server cannot be resynchronised (it has to
 * be pressed until it catches up). `chiffres` defaults to the length of the codes typed.
 */
export function resynchroniserHotp(
  secret: Uint8Array,
  compteurActuel: number,
  code1: string,
  code2: string,
  fenetreResync: number = FENETRE_RESYNC_HOTP,
  chiffres?: Chiffres,
  algorithme: AlgorithmeOtp = 'sha1',
): ResultatHotp {
  verifierCompteur(compteurActuel, 'compteur');
  verifierCompteur(fenetreResync, 'fenêtre');
  const n = chiffres ?? code1.length;
  if (n !== 6 && n !== 8) return { ok: false };
  if (!formatValide(code1, n) || !formatValide(code2, n)) return { ok: false };
  for (let c = compteurActuel; c <= compteurActuel + fenetreResync; c++) {
    const egal1 = codesEgaux(calculerHotp(secret, c, n, algorithme), code1);
    const egal2 = codesEgaux(calculerHotp(secret, c + 1, n, algorithme), code2);
    if (egal1 && egal2) return { ok: true, nouveauCompteur: c + 2 };
  }
  return { ok: false };
}

export type ResultatResyncTotp = { ok: true; derive: number; pas: number } | { ok: false };

/**
 * Finds the drift of a TOTP key whose clock is off by more than a step: code1 and code2 are two
 * consecutive codes, code2 being the one shown at `now`, so they must match steps s − 1 and s with s
 * within ±fenetreResync of the server's step. Returns the drift (s − server step) to store, and s as
 * the new dernierPas; steps not after dernierPas are refused as elsewhere (no replay).
 */
export function resynchroniserTotp(
  cle: Omit<CleTotp, 'derive'>,
  code1: string,
  code2: string,
  now: Date,
  fenetreResync: number = FENETRE_RESYNC_TOTP,
): ResultatResyncTotp {
  verifierCompteur(fenetreResync, 'fenêtre');
  if (!formatValide(code1, cle.chiffres) || !formatValide(code2, cle.chiffres)) return { ok: false };
  const serveur = pasTotp(now, cle.periode);
  // Closest drift first: d = 0, 1, −1, 2, −2, … so the smallest plausible drift wins.
  for (let k = 0; k <= 2 * fenetreResync; k++) {
    const d = k % 2 === 1 ? (k + 1) / 2 : 0 - k / 2; // not −k / 2: that is −0 for k = 0
    const pas = serveur + d;
    if (pas < 1 || (cle.dernierPas !== null && pas - 1 <= cle.dernierPas)) continue;
    const egal2 = codesEgaux(calculerHotp(cle.secret, pas, cle.chiffres, cle.algorithme), code2);
    const egal1 = codesEgaux(calculerHotp(cle.secret, pas - 1, cle.chiffres, cle.algorithme), code1);
    if (egal1 && egal2) return { ok: true, derive: d, pas };
  }
  return { ok: false };
}
