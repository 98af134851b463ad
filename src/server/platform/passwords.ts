// argon2id hashing. Parameters follow OWASP's argon2id baseline (19 MiB, t=2, p=1); the cost is
// lowered only through ARGON2_TEST_MODE for the test suite, never in production.
import argon2 from 'argon2';

const PROD = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const FAST = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

let options: typeof PROD | typeof FAST = PROD;

/** Used by the test suite and the demo loader, where thousands of hashes would otherwise dominate. */
export function utiliserHachageRapide(rapide: boolean) {
  options = rapide ? FAST : PROD;
}

export async function hacher(motDePasse: string): Promise<string> {
  return argon2.hash(motDePasse, options);
}

export async function verifier(hash: string | null, motDePasse: string): Promise<boolean> {
  if (!hash) {
    // Spend comparable time when the account has no password, so timing does not tell which.
    await argon2.hash(motDePasse, options);
    return false;
  }
  try {
    return await argon2.verify(hash, motDePasse);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the login is unknown, so that an unknown identifiant takes
// as long as a wrong password.
let leurre: Promise<string> | undefined;
export async function verifierLeurre(motDePasse: string): Promise<void> {
  leurre ??= argon2.hash('leurre-identifiant-inconnu', PROD);
  await argon2.verify(await leurre, motDePasse).catch(() => false);
}
