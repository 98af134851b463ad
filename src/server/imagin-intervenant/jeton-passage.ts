// The hand-off token (« jeton de passage », decision 0022): what the intervenant's portals give the
// external application (SANTORIN, CYCLADES…) they open, so that it knows who comes, from which
// académie, for which mission, without a second login. A compact JWS (header.payload.signature in
// base64url) signed with Ed25519 (alg EdDSA): the target verifies it with the platform's PUBLIC key
// (GET /api/jeton-passage/cles, a JWK set), so no secret is shared with any application.
//
// The signing key is derived from SESSION_SECRET (HKDF-SHA256, its own label): every process of a
// deployment shares it without a new setting; changing SESSION_SECRET changes the key (and its kid).
import { createHash, createPrivateKey, createPublicKey, hkdfSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

/** Seconds a token is valid: long enough for the new tab to load, short enough not to be replayed. */
export const DUREE_JETON_SECONDES = 60;
/** Tolerance on the clocks of the platform and the target. */
export const TOLERANCE_HORLOGE_SECONDES = 5;

export interface ChargeJeton {
  /** Issuer: the platform's public address (PUBLIC_URL). */
  iss: string;
  /** Audience: the application code (SANTORIN, CYCLADES, CYCLADES_EPS, DELOS_BNS, SANTORIN_STATS). */
  aud: string;
  /** Subject: the person's login on the platform. */
  sub: string;
  /** The person's NUMEN, when known (the applications of the ministry identify staff by it). */
  numen?: string;
  nom: string;
  prenom: string;
  /** The académie (code) whose application is opened: the mission's. */
  academie: string;
  /** What the person comes for: a mission (portail d'accès aux missions) or an activity. */
  contexte: { activite: string; mission?: { numero: number; type: string; examen: string | null; epreuve: string | null } };
  iat: number;
  exp: number;
  /** Unique: the target refuses a jti it has already accepted (until exp). */
  jti: string;
}

export interface EnteteJeton {
  alg: 'EdDSA';
  typ: 'JWT';
  kid: string;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const PREFIXE_PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CleJeton {
  privee: KeyObject;
  publique: KeyObject;
  kid: string;
}

const cles = new Map<string, CleJeton>();

/** The platform's Ed25519 key pair, derived from SESSION_SECRET. */
export function cleJeton(sessionSecret: string): CleJeton {
  let c = cles.get(sessionSecret);
  if (!c) {
    const graine = Buffer.from(hkdfSync('sha256', sessionSecret, 'imagin-cyclades', 'jeton-de-passage/ed25519/v1', 32));
    const privee = createPrivateKey({ key: Buffer.concat([PREFIXE_PKCS8_ED25519, graine]), format: 'der', type: 'pkcs8' });
    const publique = createPublicKey(privee);
    const x = publique.export({ format: 'jwk' }).x!;
    c = { privee, publique, kid: createHash('sha256').update(x).digest('base64url').slice(0, 16) };
    cles.set(sessionSecret, c);
  }
  return c;
}

/** The public key as a JWK set (RFC 7517), what targets fetch or are given to verify the tokens. */
export function jeuDeCles(cle: CleJeton) {
  const jwk = cle.publique.export({ format: 'jwk' });
  return { keys: [{ kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: cle.kid, alg: 'EdDSA', use: 'sig' }] };
}

export function signerJeton(cle: CleJeton, charge: Omit<ChargeJeton, 'iat' | 'exp' | 'jti'>, maintenant: Date): { jeton: string; charge: ChargeJeton } {
  const iat = Math.floor(maintenant.getTime() / 1000);
  const complete: ChargeJeton = { ...charge, iat, exp: iat + DUREE_JETON_SECONDES, jti: randomUUID() };
  const entete: EnteteJeton = { alg: 'EdDSA', typ: 'JWT', kid: cle.kid };
  const signe = `${b64(JSON.stringify(entete))}.${b64(JSON.stringify(complete))}`;
  const signature = sign(null, Buffer.from(signe), cle.privee);
  return { jeton: `${signe}.${b64(signature)}`, charge: complete };
}

export class JetonRefuse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JetonRefuse';
  }
}

export interface AttentesVerification {
  /** The platform's public key: a KeyObject or the JWK of GET /api/jeton-passage/cles. */
  clePublique: KeyObject | { kty: string; crv: string; x: string };
  /** The platform's address (iss). */
  emetteur: string;
  /** The application verifying (aud). */
  audience: string;
  maintenant?: Date;
  /** Called with the jti of a valid token: return false if it was already used (replay). */
  jtiNeuf?: (jti: string, exp: number) => boolean;
}

/**
 * What a target does with `?jeton=` (decision 0022): checks the format, the algorithm, the signature,
 * the issuer, the audience, the dates and the jti; returns the payload or throws JetonRefuse (French).
 * Self-contained (node:crypto only): the decision shows it to the targets' developers.
 */
export function verifierJeton(jeton: string, a: AttentesVerification): ChargeJeton {
  const parties = jeton.split('.');
  if (parties.length !== 3 || parties.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw new JetonRefuse('Jeton mal formé.');
  const [e, c, s] = parties as [string, string, string];
  let entete: Partial<EnteteJeton>;
  let charge: Partial<ChargeJeton>;
  try {
    entete = JSON.parse(Buffer.from(e, 'base64url').toString('utf8'));
    charge = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  } catch {
    throw new JetonRefuse('Jeton mal formé.');
  }
  if (entete.alg !== 'EdDSA') throw new JetonRefuse('Algorithme de signature refusé.');
  const cle = 'type' in a.clePublique ? (a.clePublique as KeyObject) : createPublicKey({ key: a.clePublique as any, format: 'jwk' });
  if (!verify(null, Buffer.from(`${e}.${c}`), cle, Buffer.from(s, 'base64url'))) throw new JetonRefuse('Signature invalide.');
  if (charge.iss !== a.emetteur) throw new JetonRefuse('Émetteur inattendu.');
  if (charge.aud !== a.audience) throw new JetonRefuse("Jeton destiné à une autre application.");
  const t = Math.floor((a.maintenant ?? new Date()).getTime() / 1000);
  if (typeof charge.exp !== 'number' || typeof charge.iat !== 'number') throw new JetonRefuse('Dates du jeton absentes.');
  if (t > charge.exp + TOLERANCE_HORLOGE_SECONDES) throw new JetonRefuse('Jeton expiré.');
  if (charge.iat > t + TOLERANCE_HORLOGE_SECONDES) throw new JetonRefuse('Jeton émis dans le futur.');
  if (charge.exp - charge.iat > DUREE_JETON_SECONDES) throw new JetonRefuse('Durée de validité du jeton trop longue.');
  if (typeof charge.jti !== 'string' || !charge.jti) throw new JetonRefuse('Identifiant du jeton absent.');
  if (a.jtiNeuf && !a.jtiNeuf(charge.jti, charge.exp)) throw new JetonRefuse('Jeton déjà utilisé.');
  return charge as ChargeJeton;
}

/** A replay guard for a target: the jtis seen, forgotten after their expiry. In memory (one process). */
export function gardeRejeu(horloge: () => number = Date.now): (jti: string, exp: number) => boolean {
  const vus = new Map<string, number>();
  return (jti, exp) => {
    const t = horloge() / 1000;
    for (const [k, e] of vus) if (e + TOLERANCE_HORLOGE_SECONDES < t) vus.delete(k);
    if (vus.has(jti)) return false;
    vus.set(jti, exp);
    return true;
  };
}
