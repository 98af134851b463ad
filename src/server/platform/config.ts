// The only module that reads process.env. Every value is validated once at start-up; a wrong value
// stops the process with a message naming the variable (architecture.md, convention 5).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { MESSAGE_ANTIVIRUS_ABSENT } from './antivirus.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface DocumentStoreConfig {
  kind: 'directory' | 's3';
  directory: string;
  s3?: {
    endpoint: string;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  /** PUBLIC_URL was not set: publicUrl is the local address, which documents and e-mails then carry. */
  publicUrlParDefaut: boolean;
  /**
   * Addresses or CIDR ranges of the reverse proxies / load balancers whose X-Forwarded-* headers are
   * believed (TRUST_PROXY). Empty: the address of a request is always the socket's.
   */
  trustProxy: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  documents: DocumentStoreConfig;
  sessionSecret: string;
  /** Key (32 bytes) used to encrypt secrets at rest (bank details, OTP seeds). */
  encryptionKey: Buffer;
  logLevel: LogLevel;
  /** Seconds of inactivity that end a session (30 minutes in production; shorter for browser tests). */
  sessionIdleSeconds: number;
  /** Seconds before expiry at which the web shell warns (5 minutes in production). */
  sessionWarningSeconds: number;
  /** Runs the job workers in this process. */
  runWorkers: boolean;
  /** How many days generated documents are kept. */
  documentRetentionDays: number;
  /** Seconds before a failed treatment is tried again (doubled at each retry; 0 retries at once, for tests). */
  traitementDelaiReprise: number;
  /**
   * Bearer token that opens GET /api/metrics (METRICS_TOKEN). Unset: the metrics answer only clients
   * of this host talking to the process directly (loopback, not relayed by a proxy).
   */
  metricsToken: string | undefined;
  /**
   * Unix socket of ClamAV's daemon (CLAMAV_SOCKET, e.g. /run/clamav/clamd.ctl): uploaded files are scanned
   * there (platform/antivirus.ts). Unset: nothing is scanned, and the platform says so.
   */
  clamavSocket: string | undefined;
}

/** "30 minutes", "45 secondes": the idle delay as users read it. */
export function dureeLisible(seconds: number): string {
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} secondes`;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`Configuration invalide : ${variable} — ${message}`);
    this.variable = variable;
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `un entier entre ${min} et ${max} est attendu (reçu « ${raw} »)`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `un entier entre ${min} et ${max} est attendu (reçu « ${raw} »)`);
  return n;
}

function urlVar(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `une URL est attendue (${protocols.map((p) => p + '//…').join(' ou ')})`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(name, `le protocole doit être ${protocols.join(' ou ')} (reçu « ${u.protocol} »)`);
  }
  return raw;
}

/** Names proxy-addr (Fastify's trustProxy) knows for the private ranges. */
const PLAGES_NOMMEES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: comma-separated IP addresses or CIDR ranges (10.0.0.0/8, fd00::/8), or loopback, linklocal, uniquelocal. */
export function proxysDeConfiance(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const attendu = "une liste d'adresses IP ou de plages CIDR des mandataires (répartiteur de charge, proxy inverse) séparées par des virgules est attendue, par exemple « 10.0.0.5,10.1.0.0/16 »";
  const entrees = raw.split(',').map((e) => e.trim());
  for (const e of entrees) {
    if (PLAGES_NOMMEES.includes(e)) continue;
    const [adresse, prefixe, ...reste] = e.split('/');
    const version = isIP(adresse ?? '');
    const prefixeOk = prefixe === undefined || (/^\d{1,3}$/.test(prefixe) && Number(prefixe) <= (version === 6 ? 128 : 32));
    if (e === '' || version === 0 || !prefixeOk || reste.length > 0) {
      throw new ConfigError('TRUST_PROXY', `${attendu} (« ${e} » n'en est pas une)`);
    }
  }
  return entrees;
}

function jetonMetriques(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 24 || /\s/.test(raw)) throw new ConfigError('METRICS_TOKEN', 'un jeton sans espace d\'au moins 24 caractères est attendu');
  return raw;
}

function socketAntivirus(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!raw.startsWith('/')) throw new ConfigError('CLAMAV_SOCKET', `le chemin absolu du socket Unix de clamd est attendu, par exemple « /run/clamav/clamd.ctl » (reçu « ${raw} »)`);
  return raw;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['1', 'true', 'oui', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'non', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'true ou false est attendu');
}

/** Reads a secret from the environment, or generates it once and keeps it in DATA_DIR. */
function persistedSecret(env: NodeJS.ProcessEnv, name: string, dataDir: string, bytes: number): string {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError(name, 'au moins 32 caractères sont attendus');
    return raw;
  }
  const file = join(dataDir, name.toLowerCase());
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = urlVar(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const smtpUrl = urlVar(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = env.MAIL_FROM || 'IMAG\'IN - CYCLADES <ne-pas-repondre@examens.localhost>';
  if (!/<?[^@\s<>]+@[^@\s<>]+>?\s*$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'une adresse e-mail est attendue, par exemple « DEC <dec@ac-rennes.fr> »');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `une valeur parmi ${LOG_LEVELS.join(', ')} est attendue`);
  }

  const storeKind = env.DOCUMENT_STORE || 'directory';
  if (storeKind !== 'directory' && storeKind !== 's3') {
    throw new ConfigError('DOCUMENT_STORE', '« directory » ou « s3 » est attendu');
  }
  const documents: DocumentStoreConfig = {
    kind: storeKind,
    directory: resolve(env.DOCUMENT_DIR || join(dataDir, 'documents')),
  };
  if (storeKind === 's3') {
    const need = (name: string) => {
      const v = env[name];
      if (!v) throw new ConfigError(name, 'obligatoire lorsque DOCUMENT_STORE=s3');
      return v;
    };
    documents.s3 = {
      endpoint: urlVar(env, 'S3_ENDPOINT', ['http:', 'https:']) ?? need('S3_ENDPOINT'),
      region: env.S3_REGION || 'fr-par',
      bucket: need('S3_BUCKET'),
      accessKeyId: need('S3_ACCESS_KEY_ID'),
      secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: boolVar(env, 'S3_FORCE_PATH_STYLE', true),
    };
  }

  const sessionSecret = persistedSecret(env, 'SESSION_SECRET', dataDir, 48);
  const encRaw = persistedSecret(env, 'ENCRYPTION_KEY', dataDir, 32);
  const encryptionKey = Buffer.from(encRaw, 'base64url');
  if (encryptionKey.length < 32) {
    throw new ConfigError('ENCRYPTION_KEY', '32 octets encodés en base64url (43 caractères) sont attendus');
  }

  // Minutes in production; the *_SECONDS variants exist so that browser tests can see the popup quickly.
  const sessionIdleSeconds = env.SESSION_IDLE_SECONDS
    ? intVar(env, 'SESSION_IDLE_SECONDS', 1800, 10, 86_400)
    : intVar(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60;
  const sessionWarningSeconds = env.SESSION_WARNING_SECONDS
    ? intVar(env, 'SESSION_WARNING_SECONDS', 300, 0, 3600)
    : intVar(env, 'SESSION_WARNING_MINUTES', 5, 0, 60) * 60;
  if (sessionWarningSeconds >= sessionIdleSeconds) {
    throw new ConfigError(env.SESSION_WARNING_SECONDS ? 'SESSION_WARNING_SECONDS' : 'SESSION_WARNING_MINUTES', `doit être inférieur à la durée d'inactivité (${sessionIdleSeconds} s)`);
  }

  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlParDefaut: urlVar(env, 'PUBLIC_URL', ['http:', 'https:']) === undefined,
    trustProxy: proxysDeConfiance(env.TRUST_PROXY),
    smtpUrl,
    mailFrom,
    documents,
    sessionSecret,
    encryptionKey: encryptionKey.subarray(0, 32),
    logLevel,
    sessionIdleSeconds,
    sessionWarningSeconds,
    runWorkers: boolVar(env, 'RUN_WORKERS', true),
    documentRetentionDays: intVar(env, 'DOCUMENT_RETENTION_DAYS', 400, 1, 10 * 365),
    traitementDelaiReprise: intVar(env, 'TRAITEMENT_DELAI_REPRISE', 30, 0, 3600),
    metricsToken: jetonMetriques(env.METRICS_TOKEN),
    clamavSocket: socketAntivirus(env.CLAMAV_SOCKET),
  };
}

/**
 * What an operator must know at start-up although the configuration is valid: the public address
 * left to its local default (documents would carry it), cookies without Secure outside localhost.
 */
export function avertissementsConfiguration(config: Config): string[] {
  const avertissements: string[] = [];
  if (config.publicUrlParDefaut) {
    avertissements.push(
      `PUBLIC_URL n'est pas défini : les documents et les courriels (papillons d'accès des jurys, comptes des candidats, liens de réinitialisation) porteront l'adresse locale ${config.publicUrl}. Définissez PUBLIC_URL avec l'adresse publique du service (par exemple https://examens.ac-rennes.fr).`,
    );
  } else {
    const u = new URL(config.publicUrl);
    if (u.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) {
      avertissements.push(`PUBLIC_URL (${config.publicUrl}) n'est pas en https : les cookies de session ne sont pas marqués Secure et l'en-tête Strict-Transport-Security n'est pas envoyé.`);
    }
  }
  return avertissements;
}

/** Prints the start-up warnings (npm start, the production entry point), before anything is served. */
export function avertirAuDemarrage(config: Config, ecrire: (ligne: string) => void = (l) => console.warn(l)): string[] {
  const avertissements = avertissementsConfiguration(config);
  // Kept apart from avertissementsConfiguration: a platform without ClamAV still runs (decision 0030).
  if (!config.clamavSocket) avertissements.push(MESSAGE_ANTIVIRUS_ABSENT);
  for (const a of avertissements) ecrire(`ATTENTION : ${a}`);
  return avertissements;
}

/** For command-line entry points: the configuration, or exit 2 with the message naming the variable. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
