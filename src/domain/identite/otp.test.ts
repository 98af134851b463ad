import fc from 'fast-check';
import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  apresEchec,
  apresSucces,
  calculerHotp,
  calculerTotp,
  codesEgaux,
  deverrouiller,
  ETAT_INITIAL,
  evaluerTentative,
  MESSAGE_ECHEC,
  MESSAGE_VERROUILLEE,
  pasTotp,
  resynchroniserHotp,
  resynchroniserTotp,
  separerPinEtCode,
  verifierHotp,
  verifierTotp,
  type CleTotp,
  type EtatVerrouillage,
} from './otp.ts';

const octets = (s: string) => new TextEncoder().encode(s);
const SECRET = octets('12345678901234567890');
const t = (secondes: number) => new Date(secondes * 1000);

describe('HOTP, RFC 4226 Appendix D', () => {
  const attendus = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(attendus.map((code, compteur) => [compteur, code] as const))('compteur %i → %s', (compteur, code) => {
    expect(calculerHotp(SECRET, compteur)).toBe(code);
  });

  it('writes counters beyond 32 bits as 8 bytes (same as otplib)', () => {
    const compteur = 2 ** 40 + 5;
    expect(calculerHotp(SECRET, compteur, 8)).toBe(generateSync({ strategy: 'hotp', secret: SECRET, counter: compteur, digits: 8 }));
  });

  it('refuses a negative or fractional counter', () => {
    expect(() => calculerHotp(SECRET, -1)).toThrow(RangeError);
    expect(() => calculerHotp(SECRET, 1.5)).toThrow(RangeError);
  });

  it('agrees with otplib on random secrets and counters', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        fc.nat(),
        fc.constantFrom(6 as const, 8 as const),
        (secret, compteur, chiffres) =>
          calculerHotp(secret, compteur, chiffres) ===
          generateSync({ strategy: 'hotp', secret, counter: compteur, digits: chiffres }),
      ),
      { numRuns: 200 },
    );
  });
});

describe('TOTP, RFC 6238 Appendix B (8 digits, period 30)', () => {
  const graines = {
    sha1: SECRET,
    sha256: octets('12345678901234567890123456789012'),
    sha512: octets('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const vecteurs: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(vecteurs)('T = %i', (secondes, sha1, sha256, sha512) => {
    expect(calculerTotp(graines.sha1, t(secondes), 30, 8)).toBe(sha1);
    expect(calculerTotp(graines.sha256, t(secondes), 30, 8, 'sha256')).toBe(sha256);
    expect(calculerTotp(graines.sha512, t(secondes), 30, 8, 'sha512')).toBe(sha512);
  });

  it('counts steps from the epoch with the period', () => {
    expect(pasTotp(t(59), 30)).toBe(1);
    expect(pasTotp(t(60), 30)).toBe(2);
    expect(pasTotp(t(59), 60)).toBe(0);
    expect(pasTotp(t(1111111109), 30)).toBe(0x23523ec);
  });
});

describe('codesEgaux', () => {
  it('compares whole codes, any length', () => {
    expect(codesEgaux('755224', '755224')).toBe(true);
    expect(codesEgaux('755224', '755225')).toBe(false);
    expect(codesEgaux('755224', '7552240')).toBe(false);
    expect(codesEgaux('755224', '')).toBe(false);
    expect(codesEgaux('755224', '75522é')).toBe(false);
  });
});

describe('verifierHotp', () => {
  const cle = { secret: SECRET, compteur: 0, chiffres: 6 as const };

  it('accepts the next code and moves past it', () => {
    expect(verifierHotp(cle, '755224')).toEqual({ ok: true, nouveauCompteur: 1 });
  });

  it('never accepts a code twice, nor an older one (replay)', () => {
    const apres = { ...cle, compteur: 4 };
    expect(verifierHotp(apres, '969429')).toEqual({ ok: false }); // counter 3
    expect(verifierHotp(apres, '755224')).toEqual({ ok: false }); // counter 0
    const r = verifierHotp(apres, '338314'); // counter 4
    expect(r).toEqual({ ok: true, nouveauCompteur: 5 });
    expect(verifierHotp({ ...apres, compteur: 5 }, '338314')).toEqual({ ok: false });
  });

  it('looks ahead within the window only (default 10)', () => {
    expect(verifierHotp(cle, '520489')).toEqual({ ok: true, nouveauCompteur: 10 }); // counter 9
    const dixieme = calculerHotp(SECRET, 10);
    const onzieme = calculerHotp(SECRET, 11);
    expect(verifierHotp(cle, dixieme)).toEqual({ ok: true, nouveauCompteur: 11 });
    expect(verifierHotp(cle, onzieme)).toEqual({ ok: false });
    expect(verifierHotp({ ...cle, fenetre: 2 }, '969429')).toEqual({ ok: false }); // counter 3
    expect(verifierHotp({ ...cle, fenetre: 0 }, '287082')).toEqual({ ok: false }); // counter 1
  });

  it('refuses a code of the wrong length or with other characters', () => {
    expect(verifierHotp(cle, '75522')).toEqual({ ok: false });
    expect(verifierHotp(cle, '7552240')).toEqual({ ok: false });
    expect(verifierHotp(cle, '75522a')).toEqual({ ok: false });
    expect(verifierHotp({ ...cle, chiffres: 8 }, '755224')).toEqual({ ok: false });
  });

  it('checks 8-digit codes', () => {
    const code = calculerHotp(SECRET, 3, 8);
    expect(verifierHotp({ ...cle, chiffres: 8 }, code)).toEqual({ ok: true, nouveauCompteur: 4 });
  });

  it('accepts any code of the window exactly once, walking forward (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 10 }), (depart, avance) => {
        const code = calculerHotp(SECRET, depart + avance);
        const r = verifierHotp({ ...cle, compteur: depart }, code);
        if (!r.ok) return false;
        return r.nouveauCompteur === depart + avance + 1 && !verifierHotp({ ...cle, compteur: r.nouveauCompteur }, code).ok;
      }),
      { numRuns: 100 },
    );
  });
});

describe('verifierTotp', () => {
  const cle: CleTotp = { secret: SECRET, periode: 30, chiffres: 8, dernierPas: null };
  const now = t(1111111111); // step 37037037

  it('accepts the current code (RFC vector) and returns its step', () => {
    expect(verifierTotp(cle, '14050471', now)).toEqual({ ok: true, pas: 37037037, derive: 0 });
  });

  it('accepts one step either side, not two', () => {
    const pas = pasTotp(now, 30);
    const code = (p: number) => calculerHotp(SECRET, p, 8);
    expect(verifierTotp(cle, code(pas - 1), now)).toEqual({ ok: true, pas: pas - 1, derive: -1 });
    expect(verifierTotp(cle, code(pas + 1), now)).toEqual({ ok: true, pas: pas + 1, derive: 1 });
    expect(verifierTotp(cle, code(pas - 2), now)).toEqual({ ok: false });
    expect(verifierTotp(cle, code(pas + 2), now)).toEqual({ ok: false });
  });

  it('never accepts a code twice, even within its period, nor an older step', () => {
    const r = verifierTotp(cle, '14050471', now);
    expect(r.ok).toBe(true);
    const apres = { ...cle, dernierPas: r.ok ? r.pas : null };
    expect(verifierTotp(apres, '14050471', now)).toEqual({ ok: false });
    expect(verifierTotp(apres, '14050471', t(1111111111 + 10))).toEqual({ ok: false });
    expect(verifierTotp(apres, calculerHotp(SECRET, 37037036, 8), now)).toEqual({ ok: false });
    expect(verifierTotp(apres, calculerHotp(SECRET, 37037038, 8), now)).toEqual({ ok: true, pas: 37037038, derive: 1 });
  });

  it('follows the stored drift', () => {
    const derivee = { ...cle, derive: 7 };
    const pas = pasTotp(now, 30) + 7;
    expect(verifierTotp(derivee, calculerHotp(SECRET, pas, 8), now)).toEqual({ ok: true, pas, derive: 7 });
    expect(verifierTotp(derivee, '14050471', now)).toEqual({ ok: false });
  });

  it('works with a 60 s period and 6 digits', () => {
    const cle60: CleTotp = { secret: SECRET, periode: 60, chiffres: 6, dernierPas: null };
    const code = calculerTotp(SECRET, now, 60, 6);
    expect(verifierTotp(cle60, code, t(1111111111 + 59))).toMatchObject({ ok: true });
    expect(verifierTotp(cle60, code, t(1111111111 + 181))).toEqual({ ok: false });
  });

  it('refuses a code of the wrong length', () => {
    expect(verifierTotp(cle, '4050471', now)).toEqual({ ok: false });
  });
});

describe('separerPinEtCode', () => {
  it('takes the code from the end', () => {
    expect(separerPinEtCode('1234755224', 6)).toEqual({ pin: '1234', code: '755224' });
    expect(separerPinEtCode('ab12cd94287082', 8)).toEqual({ pin: 'ab12cd', code: '94287082' });
  });

  it('needs a PIN and a whole code', () => {
    expect(separerPinEtCode('755224', 6)).toBeNull();
    expect(separerPinEtCode('55224', 6)).toBeNull();
    expect(separerPinEtCode('', 8)).toBeNull();
    expect(separerPinEtCode('1755224', 6)).toEqual({ pin: '1', code: '755224' });
  });
});

describe('lockout', () => {
  const echouer = (etat: EtatVerrouillage, n: number, max?: number) => {
    for (let i = 0; i < n; i++) etat = apresEchec(etat, max);
    return etat;
  };

  it('locks after 5 failures, configurable', () => {
    expect(echouer(ETAT_INITIAL, 4)).toEqual({ echecs: 4, verrouillee: false });
    expect(echouer(ETAT_INITIAL, 5)).toEqual({ echecs: 5, verrouillee: true });
    expect(echouer(ETAT_INITIAL, 3, 3).verrouillee).toBe(true);
  });

  it('a success resets the count before the lock, never unlocks after it', () => {
    expect(apresSucces(echouer(ETAT_INITIAL, 4))).toEqual({ echecs: 0, verrouillee: false });
    const verrouillee = echouer(ETAT_INITIAL, 5);
    expect(apresSucces(verrouillee)).toEqual(verrouillee);
    expect(deverrouiller()).toEqual({ echecs: 0, verrouillee: false });
  });

  it('says the same for a wrong PIN and a wrong code, but only a wrong PIN with a valid code counts (issue 13 §4)', () => {
    const pin = evaluerTentative(ETAT_INITIAL, { pinCorrect: false, codeCorrect: true });
    const code = evaluerTentative(ETAT_INITIAL, { pinCorrect: true, codeCorrect: false });
    const deux = evaluerTentative(ETAT_INITIAL, { pinCorrect: false, codeCorrect: false });
    expect(pin).toEqual({ acceptee: false, etat: { echecs: 1, verrouillee: false }, message: MESSAGE_ECHEC, cause: 'pin' });
    expect(code).toEqual({ acceptee: false, etat: ETAT_INITIAL, message: MESSAGE_ECHEC, cause: 'code' });
    expect(deux).toEqual(code);
    // Any number of invalid codes (an anonymous client has nothing else) never locks the key.
    let etat = ETAT_INITIAL;
    for (let i = 0; i < 1000; i++) etat = (evaluerTentative(etat, { pinCorrect: i % 2 === 0, codeCorrect: false }) as { etat: EtatVerrouillage }).etat;
    expect(etat).toEqual(ETAT_INITIAL);
  });

  it('refuses a correct PIN and code once locked; only the DSI unlocks', () => {
    // Five wrong PINs, each with the key's next valid code (a stolen key), then the right PIN and code.
    const cle = { secret: SECRET, compteur: 0, chiffres: 6 as const };
    let etat = ETAT_INITIAL;
    for (const saisi of ['1234000000', '0000755224', '1111287082', '1234111111', '9999359152', '8888969429', '7777338314']) {
      const s = separerPinEtCode(saisi, 6)!;
      const v = verifierHotp(cle, s.code);
      const issue = evaluerTentative(etat, { pinCorrect: s.pin === '1234', codeCorrect: v.ok });
      expect(issue.acceptee).toBe(false);
      // The caller moves the counter past a valid code even when the PIN is wrong.
      if (v.ok) cle.compteur = v.nouveauCompteur;
      etat = issue.etat;
    }
    expect(etat).toEqual({ echecs: 5, verrouillee: true });
    const s = separerPinEtCode('1234254676', 6)!;
    expect(verifierHotp(cle, s.code).ok).toBe(true);
    const refus = evaluerTentative(etat, { pinCorrect: s.pin === '1234', codeCorrect: true });
    expect(refus).toEqual({ acceptee: false, etat, message: MESSAGE_VERROUILLEE, cause: 'verrouillee' });
    expect(evaluerTentative(deverrouiller(), { pinCorrect: true, codeCorrect: true })).toEqual({
      acceptee: true,
      etat: { echecs: 0, verrouillee: false },
    });
  });

  it('says the key is locked on the failure that locks it', () => {
    const issue = evaluerTentative(echouer(ETAT_INITIAL, 4), { pinCorrect: false, codeCorrect: true });
    expect(issue).toEqual({ acceptee: false, etat: { echecs: 5, verrouillee: true }, message: MESSAGE_VERROUILLEE, cause: 'pin' });
  });
});

describe('resynchroniserHotp', () => {
  it('finds a key far ahead from two consecutive codes', () => {
    const c1 = calculerHotp(SECRET, 57);
    const c2 = calculerHotp(SECRET, 58);
    expect(verifierHotp({ secret: SECRET, compteur: 0, chiffres: 6 }, c1)).toEqual({ ok: false });
    expect(resynchroniserHotp(SECRET, 0, c1, c2)).toEqual({ ok: true, nouveauCompteur: 59 });
    expect(verifierHotp({ secret: SECRET, compteur: 59, chiffres: 6 }, calculerHotp(SECRET, 59))).toEqual({
      ok: true,
      nouveauCompteur: 60,
    });
  });

  it('needs the codes consecutive and in order', () => {
    expect(resynchroniserHotp(SECRET, 0, '755224', '359152')).toEqual({ ok: false }); // 0 and 2
    expect(resynchroniserHotp(SECRET, 0, '287082', '755224')).toEqual({ ok: false }); // 1 then 0
    expect(resynchroniserHotp(SECRET, 0, '755224', '287082')).toEqual({ ok: true, nouveauCompteur: 2 });
  });

  it('stays within its window and never goes back', () => {
    const loin = (c: number) => [calculerHotp(SECRET, c), calculerHotp(SECRET, c + 1)] as const;
    expect(resynchroniserHotp(SECRET, 0, ...loin(100))).toEqual({ ok: true, nouveauCompteur: 102 });
    expect(resynchroniserHotp(SECRET, 0, ...loin(101))).toEqual({ ok: false });
    expect(resynchroniserHotp(SECRET, 0, ...loin(150), 200)).toEqual({ ok: true, nouveauCompteur: 152 });
    expect(resynchroniserHotp(SECRET, 5, '969429', '338314')).toEqual({ ok: false }); // 3 and 4
  });

  it('takes the number of digits from the codes, or as given', () => {
    const c1 = calculerHotp(SECRET, 20, 8);
    const c2 = calculerHotp(SECRET, 21, 8);
    expect(resynchroniserHotp(SECRET, 0, c1, c2)).toEqual({ ok: true, nouveauCompteur: 22 });
    expect(resynchroniserHotp(SECRET, 0, c1, c2, 100, 6)).toEqual({ ok: false });
    expect(resynchroniserHotp(SECRET, 0, '1234567', '1234567')).toEqual({ ok: false });
  });
});

describe('resynchroniserTotp', () => {
  const cle = { secret: SECRET, periode: 30 as const, chiffres: 6 as const, dernierPas: null };
  const now = t(1_800_000_000);
  const serveur = pasTotp(now, 30);
  const codes = (pas: number) => [calculerHotp(SECRET, pas - 1), calculerHotp(SECRET, pas)] as const;

  it('finds the drift of a key whose clock is off, then verifies with it', () => {
    for (const d of [-25, -3, 0, 4, 60]) {
      const r = resynchroniserTotp(cle, ...codes(serveur + d), now);
      expect(r).toEqual({ ok: true, derive: d, pas: serveur + d });
    }
    const r = resynchroniserTotp(cle, ...codes(serveur - 25), now);
    if (!r.ok) throw new Error('resynchronisation attendue');
    const plusTard = t(1_800_000_000 + 300);
    const suite = { ...cle, dernierPas: r.pas, derive: r.derive };
    const code = calculerHotp(SECRET, pasTotp(plusTard, 30) - 25);
    expect(verifierTotp(suite, code, plusTard)).toEqual({ ok: true, pas: pasTotp(plusTard, 30) - 25, derive: -25 });
    expect(verifierTotp({ ...cle, dernierPas: r.pas }, code, plusTard)).toEqual({ ok: false });
  });

  it('refuses codes out of the window, not consecutive, or already used', () => {
    expect(resynchroniserTotp(cle, ...codes(serveur + 61), now)).toEqual({ ok: false });
    expect(resynchroniserTotp(cle, ...codes(serveur + 61), now, 70)).toMatchObject({ ok: true, derive: 61 });
    const [a] = codes(serveur + 5);
    const [, b] = codes(serveur + 7);
    expect(resynchroniserTotp(cle, a, b, now)).toEqual({ ok: false });
    expect(resynchroniserTotp({ ...cle, dernierPas: serveur + 4 }, ...codes(serveur + 5), now)).toEqual({ ok: false });
    expect(resynchroniserTotp({ ...cle, dernierPas: serveur + 3 }, ...codes(serveur + 5), now)).toMatchObject({ ok: true });
  });
});
