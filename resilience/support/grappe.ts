// A real cluster for the resilience tests: a fresh PostgreSQL database, a fresh data directory (shared
// documents), and `scripts/cluster.ts N` — the command users run — started as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const racine = resolve(import.meta.dirname, '../..');

export interface Grappe {
  /** The balancer's address, and each process's own. */
  repartiteur: string;
  processus: Array<{ url: string; pid: number }>;
  databaseUrl: string;
  dataDir: string;
  sortie(): string;
  sql<T = any>(texte: string, valeurs?: unknown[]): Promise<T[]>;
  /** SIGTERM to the cluster, until it has exited. */
  arreter(): Promise<void>;
  /** Stops it, drops its database and its data directory. */
  fermer(): Promise<void>;
}

function serveurPostgres(): URL {
  return new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
}

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = serveurPostgres();
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** A fresh, empty database on the test PostgreSQL server, and how to drop it. */
export async function baseNeuve(prefixe: string): Promise<{ url: string; supprimer(): Promise<void> }> {
  const nom = `${prefixe}_${process.pid}_${Date.now()}`;
  await admin((c) => c.query(`create database ${nom}`));
  const u = serveurPostgres();
  u.pathname = '/' + nom;
  return { url: u.toString(), supprimer: () => admin((c) => c.query(`drop database if exists ${nom} with (force)`)).then(() => {}) };
}

export async function demarrerGrappe(n: number, env: Record<string, string> = {}): Promise<Grappe> {
  const nom = `resilience_${process.pid}_${Date.now()}`;
  await admin((c) => c.query(`create database ${nom}`));
  const u = serveurPostgres();
  u.pathname = '/' + nom;
  const databaseUrl = u.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'grappe-'));
  // A port range of its own: PORT for the balancer, PORT+1… for the processes.
  const port = 20_000 + Math.floor(Math.random() * 400) * 50;
  let sortie = '';
  const enfant: ChildProcess = spawn(process.execPath, [join(racine, 'scripts/cluster.ts'), String(n), '--sans-construction'], {
    cwd: racine,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: 'info', ...env },
  });
  enfant.stdout!.on('data', (d) => (sortie += d));
  enfant.stderr!.on('data', (d) => (sortie += d));
  const banniere = await new Promise<string>((ok, ko) => {
    const fin = setTimeout(() => ko(new Error(`La grappe n'a pas démarré en 120 s :\n${sortie.slice(-4000)}`)), 120_000);
    const verifier = () => {
      const m = /processus : (.*)\n/.exec(sortie);
      if (m && sortie.includes('derrière le répartiteur')) {
        clearTimeout(fin);
        ok(m[1]!);
      }
    };
    enfant.stdout!.on('data', verifier);
    enfant.on('exit', (code) => {
      clearTimeout(fin);
      ko(new Error(`La grappe s'est arrêtée (code ${code}) :\n${sortie.slice(-4000)}`));
    });
  });
  if (/ATTENTION : tous les processus ne sont pas prêts/.test(sortie)) throw new Error(`Processus pas prêts :\n${sortie.slice(-4000)}`);
  const processus = [...banniere.matchAll(/127\.0\.0\.1:(\d+) \(pid (\d+)\)/g)].map((m) => ({ url: `http://127.0.0.1:${m[1]}`, pid: Number(m[2]) }));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const arreter = async () => {
    if (enfant.exitCode !== null || enfant.signalCode !== null) return;
    const fini = new Promise((r) => enfant.once('exit', r));
    enfant.kill('SIGTERM');
    await fini;
  };
  return {
    repartiteur: `http://127.0.0.1:${port}`,
    processus,
    databaseUrl,
    dataDir,
    sortie: () => sortie,
    sql: async (texte, valeurs) => (await pool.query(texte, valeurs as any[])).rows,
    arreter,
    fermer: async () => {
      await pool.end();
      await arreter();
      await admin((c) => c.query(`drop database if exists ${nom} with (force)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reponse {
  status: number;
  body: any;
  headers: Headers;
  octets: Buffer;
}

/** A browser-like client: its cookies (the session's, the Jury portal's ticket), the CSRF token of its session, an address (X-Forwarded-For). */
export class Client {
  cookie: string | null = null;
  autresCookies = new Map<string, string>();
  csrf: string | null = null;
  readonly adresse: string;
  constructor(adresse: string) {
    this.adresse = adresse;
  }

  async requete(base: string, method: string, chemin: string, corps?: unknown, opts: { csrf?: boolean; entetes?: Record<string, string> } = {}): Promise<Reponse> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.adresse, ...opts.entetes };
    const cookies = [...(this.cookie ? [this.cookie] : []), ...[...this.autresCookies].map(([k, v]) => `${k}=${v}`)];
    if (cookies.length) headers.cookie = cookies.join('; ');
    if (corps !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const r = await fetch(base + chemin, { method, headers, body: corps === undefined ? undefined : JSON.stringify(corps) });
    const octets = Buffer.from(await r.arrayBuffer());
    for (const c of r.headers.getSetCookie()) {
      const [paire] = c.split(';');
      if (paire!.startsWith('sid=')) this.cookie = paire!.endsWith('=') ? null : paire!;
      else {
        const i = paire!.indexOf('=');
        const [nom, valeur] = [paire!.slice(0, i), paire!.slice(i + 1)];
        if (valeur && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.autresCookies.set(nom, valeur);
        else this.autresCookies.delete(nom);
      }
    }
    let body: any = octets;
    if ((r.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(octets.toString('utf8'));
    if (body?.session?.csrfToken) this.csrf = body.session.csrfToken;
    return { status: r.status, body, headers: r.headers, octets };
  }

  get(base: string, chemin: string, entetes: Record<string, string> = {}) {
    return this.requete(base, 'GET', chemin, undefined, { entetes });
  }
  post(base: string, chemin: string, corps: unknown = {}, opts: { csrf?: boolean } = {}) {
    return this.requete(base, 'POST', chemin, corps, opts);
  }

  async connecter(base: string, service: string, identifiant: string, motDePasse: string) {
    const r = await this.post(base, '/api/auth/connexion', { service, identifiant, motDePasse });
    if (r.status !== 200 || !r.body.session) throw new Error(`Connexion refusée (${r.status}) : ${JSON.stringify(r.body)}`);
    return r.body.session;
  }
}

/** The value of one series of a Prometheus exposition text (summed over the series that match). */
export function serie(texte: string, nom: string, etiquettes: Record<string, string>): number {
  let total = 0;
  for (const ligne of texte.split('\n')) {
    if (!ligne.startsWith(nom + '{') && !ligne.startsWith(nom + ' ')) continue;
    const labels = /\{(.*)\}/.exec(ligne)?.[1] ?? '';
    if (Object.entries(etiquettes).every(([k, v]) => labels.includes(`${k}="${v}"`))) total += Number(ligne.split(' ').at(-1));
  }
  return total;
}

export async function attendre<T>(f: () => Promise<T | null | undefined | false>, delaiMs = 30_000): Promise<T> {
  const fin = Date.now() + delaiMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > fin) throw new Error(`Condition non atteinte en ${delaiMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
