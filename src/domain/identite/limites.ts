// Brute-force limits of the logins and of the portail Jury's first screen (issue 13 §4; decision 0010).
// Pure: the counters are stored by the caller (table limitation_connexion, shared by every server
// process); here, how a failure moves a counter and how long it blocks.
//
// A counter is kept per key: an account from one address, an address, an account from anywhere, an
// address on the OTP screen. Below its threshold a failure blocks nothing; at the threshold it blocks
// 1 minute, then each further failure doubles the delay, up to the rule's ceiling. Failures more than
// an hour old are forgotten. A block always expires: no limit here ever locks an account or a key for
// good (only the key's PIN counter does, otp.ts).

export interface RegleLimite {
  /** Failures (within FENETRE_ECHECS_MS of each other) before the first block. */
  seuil: number;
  /** Ceiling of the doubling delay, in minutes. */
  maxMinutes: number;
}

/** Failures older than this no longer count. */
export const FENETRE_ECHECS_MS = 3_600_000;

export const REGLES_LIMITES = {
  /**
   * One account from one address: the password guesser, and the holder who mistyped, are slowed on
   * their own address only — an attack from elsewhere never locks the holder out.
   */
  compteAdresse: { seuil: 5, maxMinutes: 60 },
  /** One address, whatever the accounts: a client spraying passwords over many identifiants. */
  adresse: { seuil: 30, maxMinutes: 60 },
  /**
   * One account from every address: reached only by many addresses together (each is stopped before by
   * the two rules above); then a short block, so that a distributed attacker holds an account out for
   * 15 minutes at most, while his guesses stay a few dozen an hour.
   */
  compte: { seuil: 50, maxMinutes: 15 },
  /** One address on the portail Jury's first screen (key identifiant + PIN + code). */
  cleOtpAdresse: { seuil: 20, maxMinutes: 60 },
} as const satisfies Record<string, RegleLimite>;

export interface EtatLimite {
  echecs: number;
  dernierEchec: Date | null;
}

/** The counter after one more failure at `now`, and until when it blocks (null: not blocked). */
export function apresEchecLimite(etat: EtatLimite | undefined, regle: RegleLimite, now: Date): { echecs: number; bloqueJusqua: Date | null } {
  const recent = etat?.dernierEchec != null && now.getTime() - etat.dernierEchec.getTime() < FENETRE_ECHECS_MS;
  const echecs = (recent ? etat!.echecs : 0) + 1;
  const bloqueJusqua = echecs >= regle.seuil ? new Date(now.getTime() + dureeBlocageMinutes(echecs, regle) * 60_000) : null;
  return { echecs, bloqueJusqua };
}

/** 1, 2, 4, … minutes from the threshold on, never beyond the rule's ceiling. */
export function dureeBlocageMinutes(echecs: number, regle: RegleLimite): number {
  if (echecs < regle.seuil) return 0;
  return Math.min(2 ** Math.min(echecs - regle.seuil, 30), regle.maxMinutes);
}

/** The latest end of the blocks still running at `now`, or null. */
export function finBlocage(blocages: ReadonlyArray<Date | null>, now: Date): Date | null {
  let fin: Date | null = null;
  for (const b of blocages) if (b && b > now && (!fin || b > fin)) fin = b;
  return fin;
}
