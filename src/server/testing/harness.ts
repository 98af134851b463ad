// Test harness: a whole platform (HTTP, jobs, store) on a fresh copy of the migrated database,
// a controllable clock, an HTTP client that keeps cookies and CSRF token, and small fixtures.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Clock } from '../platform/context.ts';
import { kyselyOnPglite, openDatabase, openPglite, type Database } from '../platform/db/database.ts';
import { hacher, utiliserHachageRapide } from '../platform/passwords.ts';
import { hacherJeton, nouveauJeton } from '../identite/sessions.ts';
import { startPlatform, type Platform } from '../server.ts';
import type { Role } from '../../domain/roles.ts';
import type { ServiceCode } from '../../domain/services.ts';

utiliserHachageRapide(true);

export class TestClock implements Clock {
  #t: number;
  constructor(start = new Date('2026-06-15T08:00:00Z')) {
    this.#t = start.getTime();
  }
  now() {
    return new Date(this.#t);
  }
  advance(ms: number) {
    this.#t += ms;
  }
  set(d: Date) {
    this.#t = d.getTime();
  }
}

export async function freshDatabase(): Promise<Database> {
  const tmpl = inject('dbTemplate');
  if (tmpl.kind === 'pglite') {
    const blob = new Blob([readFileSync(tmpl.file)]);
    const pglite = await openPglite({ loadDataDir: blob });
    const db = kyselyOnPglite(pglite);
    return { db, kind: 'pglite', pglite, close: async () => { await db.destroy(); if (!pglite.closed) await pglite.close(); } };
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${tmpl.template}`);
  await admin.end();
  const u = new URL(tmpl.url);
  u.pathname = '/' + name;
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir: tmpdir(), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: tmpl.url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestPlatform extends Platform {
  clock: TestClock;
  config: Config;
  client(): TestClient;
}

export async function createTestPlatform(opts: { env?: Record<string, string>; clock?: TestClock; /** Receives the JSON log lines (with LOG_LEVEL set in env). */ journal?: NodeJS.WritableStream } = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plateforme-test-'));
  // A failed treatment is retried at once in tests (30 s, doubling, in production).
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', TRAITEMENT_DELAI_REPRISE: '0', ...opts.env });
  const clock = opts.clock ?? new TestClock();
  const database = await freshDatabase();
  const platform = await startPlatform(config, { clock, database, webRoot: null, pollingIntervalSeconds: 0.5, logger: silentLogger, journal: opts.journal });
  return {
    ...platform,
    clock,
    config,
    client: () => new TestClient(platform),
    close: async () => {
      await platform.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface Reponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

/** An HTTP client over fastify.inject that keeps the session cookie and sends the CSRF token. */
export class TestClient {
  readonly #platform: Platform;
  cookie: string | null = null;
  /** Other cookies the server set (the Jury portal's 1st-screen ticket), sent back as a browser would. */
  autresCookies = new Map<string, string>();
  csrf: string | null = null;
  ip = '10.0.0.1';
  constructor(platform: Platform) {
    this.#platform = platform;
  }
  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reponse<T>> {
    const h: Record<string, string> = { ...headers };
    const cookies = [...(this.cookie ? [this.cookie] : []), ...[...this.autresCookies].map(([k, v]) => `${k}=${v}`)];
    if (cookies.length) h.cookie = cookies.join('; ');
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const res = await this.#platform.app.inject({
      method,
      url,
      headers: h,
      remoteAddress: this.ip,
      ...(body !== undefined ? { payload: body as any } : {}),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of [setCookie].flat().filter(Boolean) as string[]) {
      const [pair] = c.split(';');
      if (pair!.startsWith('sid=')) this.cookie = pair!.endsWith('=') ? null : pair!;
      else {
        const i = pair!.indexOf('=');
        const [nom, valeur] = [pair!.slice(0, i), pair!.slice(i + 1)];
        if (valeur && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.autresCookies.set(nom, valeur);
        else this.autresCookies.delete(nom);
      }
    }
    let parsed: any = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json')) parsed = res.json();
    if (parsed && typeof parsed === 'object' && parsed.session?.csrfToken) this.csrf = parsed.session.csrfToken;
    return { status: res.statusCode, body: parsed, headers: res.headers as any, raw: res.rawPayload };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  put<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
  async login(service: ServiceCode, identifiant: string, motDePasse: string, attributionId?: number) {
    const res = await this.post('/api/auth/connexion', { service, identifiant, motDePasse, attributionId });
    if (res.status !== 200 || !res.body.session) throw new Error(`Connexion refusée (${res.status}) : ${JSON.stringify(res.body)}`);
    return res.body.session;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

export const MOT_DE_PASSE = 'Examens-2026!ok';

export async function fixtureReferentiel(p: Platform) {
  const db = p.ctx.db;
  await db
    .insertInto('academie')
    .values([
      { code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' },
      { code: '16', libelle: 'Toulouse', nom_majuscule: 'TOULOUSE', domaine_mail: 'ac-toulouse.fr' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const etabs = await db
    .insertInto('etablissement')
    .values([
      { uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', est_centre_examen: true, est_centre_deliberation: true },
      { uai: '0350711H', academie_code: '14', nom: 'DU PARC', type: 'CLG', commune: 'RENNES' },
      { uai: '0120006S', academie_code: '16', nom: 'LA DECOUVERTE', type: 'LGT', commune: 'DECAZEVILLE', est_centre_examen: true },
    ])
    .returning(['id', 'uai'])
    .execute();
  const byUai = Object.fromEntries(etabs.map((e) => [e.uai, e.id])) as Record<string, number>;
  return { lycee: byUai['0350710G']!, college: byUai['0350711H']!, toulouse: byUai['0120006S']! };
}

export async function fixtureCompte(
  p: Platform,
  o: { login: string; role: Role; academie?: string; etablissementId?: number; personneId?: number; email?: string | null; temporaire?: boolean; type?: 'agent' | 'intervenant' | 'candidat' | 'jury'; motDePasse?: string },
) {
  const db = p.ctx.db;
  let personneId = o.personneId ?? null;
  if (o.role === 'intervenant' && !personneId) {
    const pers = await db
      .insertInto('personne')
      .values({ academie_code: o.academie ?? '14', civilite: 'Mme', nom: 'TESTEUR-' + o.login.toUpperCase(), prenom: 'Alice' })
      .returning('id')
      .executeTakeFirstOrThrow();
    personneId = pers.id;
  }
  const compte = await db
    .insertInto('compte')
    .values({
      login: o.login,
      password_hash: await hacher(o.motDePasse ?? MOT_DE_PASSE),
      mot_de_passe_temporaire: o.temporaire ?? false,
      email: o.email === undefined ? `${o.login}@example.fr` : o.email,
      type: o.type ?? (o.role === 'intervenant' ? 'intervenant' : o.role === 'candidat' ? 'candidat' : 'agent'),
      personne_id: personneId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attribution = await db
    .insertInto('role_attribution')
    .values({ compte_id: compte.id, role: o.role, academie_code: o.academie ?? '14', etablissement_id: o.etablissementId ?? null, personne_id: personneId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { compteId: compte.id, attributionId: attribution.id, personneId };
}

/**
 * Opens a session of this account's first role straight in the database, for a service no login form
 * opens alone (the Jury portal: key, then credentials), and gives it to the client as its cookie.
 */
export async function fixtureSession(p: Platform, client: TestClient, o: { login: string; service: ServiceCode; jurys?: number[] }) {
  const db = p.ctx.db;
  const r = await db
    .selectFrom('compte as c')
    .innerJoin('role_attribution as ra', 'ra.compte_id', 'c.id')
    .select(['c.id', 'ra.id as ra_id', 'ra.academie_code', 'ra.etablissement_id', 'ra.personne_id'])
    .where('c.login', '=', o.login)
    .orderBy('ra.id')
    .executeTakeFirstOrThrow();
  const token = nouveauJeton();
  const id = hacherJeton(p.ctx, token);
  const now = p.ctx.clock.now();
  await db
    .insertInto('session_utilisateur')
    .values({ id, compte_id: r.id, role_attribution_id: r.ra_id, service: o.service, academie_code: r.academie_code, etablissement_id: r.etablissement_id, csrf_token: nouveauJeton(), parent_session_id: null, derniere_activite: now, cree_le: now, ip: null, user_agent: null })
    .execute();
  for (const juryId of o.jurys ?? []) {
    await db.insertInto('session_jury').values({ session_id: id, jury_id: juryId, academie_code: r.academie_code, mode: 'cle', compte_id: r.id, personne_id: r.personne_id, qualite: 'Président de jury', cle_otp_id: null }).execute();
  }
  client.cookie = `sid=${token}`;
  const s = await client.get('/api/auth/session');
  client.csrf = s.body.csrfToken ?? null;
  return s.body;
}

/** Waits until `check` returns a truthy value (jobs run in the background). */
export async function attendre<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`Condition non atteinte en ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
