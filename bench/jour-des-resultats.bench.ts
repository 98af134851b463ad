// Benchmark of results day (issue 18 §10): candidates log in to the espace candidat and read their
// published results (GET /api/candidat/resultats) at publication time.
// Data: BENCH_CANDIDATS candidates of the DNB (académie 14), each with a CYCLADES account (role candidat,
// compte_candidat), one candidature, the publication of the session and his frozen result (resultat_publie,
// 8 grades). Every account has the same password hashed once with the production argon2id parameters
// (src/server/platform/passwords.ts: m = 19 MiB, t = 2, p = 1): a login verifies it at full cost.
// The server runs as real processes (`node src/server/main.ts`, as in production, LOG_LEVEL=warn), reached over
// loopback HTTP with keep-alive connections by a load generator written with node:http (this process):
// 1. « connexions »: BENCH_LOGINS candidates log in (POST /api/auth/connexion) through BENCH_CONNEXIONS
//    concurrent connections;
// 2. « lectures »: BENCH_DUREE_S seconds of GET /api/candidat/resultats by logged-in candidates (those of
//    phase 1 and sessions opened for all the others straight in the database, as the login opens them),
//    BENCH_CONNEXIONS concurrent connections, each request for the next candidate in turn (after a 2 s
//    warm-up that is not measured). Every answer must be 200 with the candidate's result.
// Each phase reports its rate, p50/p95/p99, and its CPU: the server processes' own (argon2's threads
// included) and, on PostgreSQL, the backends of the run's database (read in /proc): « parCoeur » is the
// rate per CPU-second spent by server + database, the figure that does not depend on what else runs on the
// machine (the load generator's CPU is reported apart).
// On the embedded database (default: PGlite, which one process only may open) 1 process; with
// BENCH_DATABASE_URL (a fresh database is created on that server, then dropped) 1 then 2 processes on the
// same database, the load generator spreading its connections over both (the share a load balancer makes).
// Targets (issue 18): ≥ 1,000 reads/s per core and p95 < 100 ms. Run with `npm run bench -- jour-des-resultats`
// or `npx node bench/jour-des-resultats.bench.ts`; one JSON line on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { hacherJeton, nouveauJeton } from '../src/server/identite/sessions.ts';
import type { AppContext } from '../src/server/platform/context.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher } from '../src/server/platform/passwords.ts';
import { baseDuBanc } from './support/base.ts';

const CANDIDATS = Number(process.env.BENCH_CANDIDATS ?? 10_000);
const LOGINS = Math.min(CANDIDATS, Number(process.env.BENCH_LOGINS ?? 400));
const CONNEXIONS = Number(process.env.BENCH_CONNEXIONS ?? 32);
const DUREE_S = Number(process.env.BENCH_DUREE_S ?? 10);
/** Node options of the server processes, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profil" to profile them. */
const ARGS_NODE = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const CIBLE_PAR_COEUR = 1000;
const CIBLE_P95_MS = 100;
const MOT_DE_PASSE = 'Resultats-2026!';
const SECRET = randomBytes(48).toString('base64url');
const racine = resolve(import.meta.dirname, '..');
const log = (m: string) => console.error(m);

const rang = (xs: number[], q: number) => {
  if (!xs.length) return null;
  const tries = [...xs].sort((a, b) => a - b);
  return Math.round(tries[Math.min(tries.length - 1, Math.max(0, Math.ceil(tries.length * q) - 1))]! * 10) / 10;
};
const stats = (xs: number[]) => ({ n: xs.length, p50Ms: rang(xs, 0.5), p95Ms: rang(xs, 0.95), p99Ms: rang(xs, 0.99), maxMs: rang(xs, 1) });
async function parLots<T>(lignes: T[], inserer: (lot: T[]) => Promise<unknown>, taille = 2000) {
  for (let i = 0; i < lignes.length; i += taille) await inserer(lignes.slice(i, i + taille));
}

// CPU (ms) of a process from /proc (user + system, its threads included).
const TICK_MS = 1000 / 100;
function cpuProcessusMs(pid: number): number | null {
  try {
    const champs = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(champs[11]) + Number(champs[12])) * TICK_MS;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The database of the run.
// PGlite, or a PostgreSQL database of its own for the run (BENCH_DATABASE_URL), removed at the end.
const baseBanc = await baseDuBanc('resultats');
const { dataDir, urlBench, nomBase } = baseBanc;
const serveur = process.env.BENCH_DATABASE_URL;
const base: 'pglite' | 'postgres' = urlBench ? 'postgres' : 'pglite';
/** The backends of the run's database (PostgreSQL), to add their CPU to the server's. */
let surveillance: pg.Client | null = null;
async function pidsBackends(): Promise<number[]> {
  if (!surveillance) return [];
  const r = await surveillance.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [nomBase]);
  return r.rows.map((x) => x.pid);
}

const enfants: ChildProcess[] = [];
try {
  // -------------------------------------------------------------------------------------------
  // Data.
  const t0 = performance.now();
  const database = await openDatabase({ dataDir, databaseUrl: urlBench });
  const sessionsOuvertes: string[] = [];
  const identifiants: string[] = [];
  let parametresArgon2 = '';
  try {
    const db = database.db;
    await migrateToLatest(db);
    await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto('examen').values({ code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' }).onConflict((oc) => oc.doNothing()).execute();
    const session = await db.insertInto('session_examen').values({ examen_code: '100', code: '2026-06', libelle: 'DNB 2026', annee: 2026 }).returning('id').executeTakeFirstOrThrow();
    const spec = await db.insertInto('specialite').values({ examen_code: '100', code: 'G', libelle: 'SERIE GENERALE' }).returning('id').executeTakeFirstOrThrow();
    const colleges = await db
      .insertInto('etablissement')
      .values(Array.from({ length: 50 }, (_, i) => ({ uai: `035${String(3000 + i).padStart(4, '0')}${'ABCDEFGHJK'[i % 10]}`, academie_code: '14', nom: `COLLEGE ${i + 1}`, type: 'CLG' as const, commune: ['RENNES', 'BREST', 'QUIMPER', 'VANNES'][i % 4]! })))
      .returning('id')
      .execute();
    const hash = await hacher(MOT_DE_PASSE);
    // The parameters as the hash states them ($argon2id$v=19$m=…,t=…,p=…$…): those of production.
    parametresArgon2 = hash.split('$')[3] ?? '';
    const NOTES = ['FRANCAIS', 'MATHEMATIQUES', 'HISTOIRE-GEOGRAPHIE', 'SCIENCES', 'SOUTENANCE ORALE', 'LANGUE VIVANTE', 'EPS', 'ARTS'].map((epreuve, i) => ({ epreuve, coefficient: 100, note: (8 + ((i * 3) % 11)).toFixed(2).padStart(5, '0'), groupe: 1 }));
    const TAILLE = 2000;
    for (let debut = 0; debut < CANDIDATS; debut += TAILLE) {
      const n = Math.min(TAILLE, CANDIDATS - debut);
      const idx = Array.from({ length: n }, (_, k) => debut + k);
      const candidats = await db
        .insertInto('candidat')
        .values(idx.map((i) => ({ academie_code: '14', civilite: (i % 2 ? 'Mme' : 'M.') as 'M.' | 'Mme', nom: `CANDIDAT${i}`, prenom: 'Camille', date_naissance: '2011-03-12' })))
        .returning('id')
        .execute();
      const candidatures = await db
        .insertInto('candidature')
        .values(idx.map((i, k) => ({ candidat_id: candidats[k]!.id, session_examen_id: session.id, academie_code: '14', etablissement_id: colleges[i % colleges.length]!.id, numero_candidat: `141${String(i).padStart(8, '0')}`, etat: 'inscrit' as const, email: null, specialite_id: spec.id, serie_libelle: 'SERIE GENERALE', division_classe: '3A' })))
        .returning('id')
        .execute();
      await db
        .insertInto('resultat_publie')
        .values(candidatures.map((c, k) => ({ candidature_id: c.id, decision: k % 7 === 0 ? 'Ajourné' : 'Admis', mention: k % 3 === 0 ? 'Bien' : null, moyenne: 12.25, notes: JSON.stringify(NOTES) })))
        .execute();
      const comptes = await db
        .insertInto('compte')
        .values(idx.map((i) => ({ login: `candidat.${i}`, password_hash: hash, mot_de_passe_temporaire: false, email: null, type: 'candidat' as const, personne_id: null })))
        .returning('id')
        .execute();
      const roles = await db
        .insertInto('role_attribution')
        .values(comptes.map((c) => ({ compte_id: c.id, role: 'candidat' as const, academie_code: '14', etablissement_id: null, personne_id: null })))
        .returning(['id', 'compte_id'])
        .execute();
      await db
        .insertInto('compte_candidat')
        .values(comptes.map((c, k) => ({ compte_id: c.id, candidat_id: candidats[k]!.id, type_login: 'prenom_nom' as const, etablissement_id: colleges[idx[k]! % colleges.length]!.id })))
        .execute();
      // The candidates who do not log in during the run already did: their sessions, as the login opens them.
      const maintenant = new Date();
      const ctxSecret = { config: { sessionSecret: SECRET } } as AppContext;
      const sessions = roles.flatMap((r, k) => {
        if (idx[k]! < LOGINS) return [];
        const jeton = nouveauJeton();
        sessionsOuvertes.push(jeton);
        return [{ id: hacherJeton(ctxSecret, jeton), compte_id: r.compte_id, role_attribution_id: r.id, service: 'espace-candidat', academie_code: '14', etablissement_id: null, csrf_token: nouveauJeton(), parent_session_id: null, derniere_activite: maintenant, cree_le: maintenant, ip: null, user_agent: null }];
      });
      await parLots(sessions, (lot) => db.insertInto('session_utilisateur').values(lot).execute());
      for (const i of idx) if (i < LOGINS) identifiants.push(`candidat.${i}`);
    }
    await db.insertInto('publication_resultats').values({ academie_code: '14', session_examen_id: session.id }).execute();
    await sql`analyze`.execute(db);
  } finally {
    await database.close();
  }
  log(`${CANDIDATS} candidats, comptes, candidatures et résultats figés créés en ${Math.round(performance.now() - t0)} ms (base ${base}).`);

  // -------------------------------------------------------------------------------------------
  // The server processes.
  let port = 39000 + Math.floor(Math.random() * 2000);
  async function demarrer(): Promise<{ enfant: ChildProcess; port: number }> {
    const p = port++;
    const enfant = spawn(process.execPath, [...ARGS_NODE, join(racine, 'src/server/main.ts')], {
      cwd: racine,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(p),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ...(urlBench ? { DATABASE_URL: urlBench } : {}),
        PUBLIC_URL: `http://localhost:${p}`,
        SESSION_SECRET: SECRET,
        LOG_LEVEL: 'warn',
        // One process runs the treatments (none are launched here); the others serve HTTP only.
        RUN_WORKERS: enfants.length === 0 ? 'true' : 'false',
      },
    });
    enfants.push(enfant);
    for (let i = 0; i < 600; i++) {
      if (enfant.exitCode !== null) throw new Error(`Le serveur s'est arrêté au démarrage (code ${enfant.exitCode}).`);
      const ok = await new Promise<boolean>((res) => {
        const r = http.get({ host: '127.0.0.1', port: p, path: '/api/health' }, (rep) => {
          rep.resume();
          res(rep.statusCode === 200);
        });
        r.on('error', () => res(false));
      });
      if (ok) return { enfant, port: p };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Le serveur ne répond pas après 60 s.');
  }
  async function arreter(enfant: ChildProcess) {
    if (enfant.exitCode !== null) return;
    const fini = new Promise((r) => enfant.once('exit', r));
    enfant.kill('SIGTERM');
    await Promise.race([fini, new Promise((r) => setTimeout(r, 15_000))]);
    if (enfant.exitCode === null) enfant.kill('SIGKILL');
  }

  /** One HTTP request over a keep-alive agent; resolves with the status, the body and the time (ms). */
  function requete(agent: http.Agent, p: number, o: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
    return new Promise<{ status: number; body: string; ms: number; cookies: string[] }>((res, rej) => {
      const d = performance.now();
      const r = http.request({ host: '127.0.0.1', port: p, agent, method: o.method, path: o.path, headers: { ...o.headers, ...(o.body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(o.body)) } : {}) } }, (rep) => {
        const morceaux: Buffer[] = [];
        rep.on('data', (m: Buffer) => morceaux.push(m));
        rep.on('end', () => res({ status: rep.statusCode ?? 0, body: Buffer.concat(morceaux).toString('utf8'), ms: performance.now() - d, cookies: ([] as string[]).concat(rep.headers['set-cookie'] ?? []) }));
        rep.on('error', rej);
      });
      r.on('error', rej);
      if (o.body) r.write(o.body);
      r.end();
    });
  }

  /** Runs `travail` on CONNEXIONS connections spread over the ports, measuring the server's and the database's CPU. */
  async function phase(ports: number[], travail: (agent: http.Agent, port: number, connexion: number) => Promise<void>) {
    const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(CONNEXIONS / ports.length) }));
    const pidsServeurs = enfants.filter((e) => e.exitCode === null).map((e) => e.pid!);
    const backends0 = new Map((await pidsBackends()).map((pid) => [pid, cpuProcessusMs(pid) ?? 0]));
    const serveurs0 = pidsServeurs.map((pid) => cpuProcessusMs(pid) ?? 0);
    const generateur0 = process.cpuUsage();
    const charge = loadavg()[0]!;
    const debut = performance.now();
    await Promise.all(Array.from({ length: CONNEXIONS }, (_, c) => travail(agents[c % ports.length]!, ports[c % ports.length]!, c)));
    const dureeMs = performance.now() - debut;
    const serveurMs = pidsServeurs.reduce((s, pid, i) => s + ((cpuProcessusMs(pid) ?? serveurs0[i]!) - serveurs0[i]!), 0);
    let baseMs = 0;
    for (const pid of await pidsBackends()) {
      const fin = cpuProcessusMs(pid);
      if (fin !== null) baseMs += fin - (backends0.get(pid) ?? 0);
    }
    const g = process.cpuUsage(generateur0);
    for (const a of agents) a.destroy();
    return { dureeMs, serveurMs, baseMs, generateurMs: (g.user + g.system) / 1000, charge: { avant: Math.round(charge * 100) / 100, apres: Math.round(loadavg()[0]! * 100) / 100 } };
  }

  function bilan(n: number, latences: number[], p: Awaited<ReturnType<typeof phase>>) {
    const cpuS = (p.serveurMs + p.baseMs) / 1000;
    return {
      dureeMs: Math.round(p.dureeMs),
      parSeconde: Math.round((n / p.dureeMs) * 1000),
      ...stats(latences),
      cpu: { serveurMs: Math.round(p.serveurMs), baseMs: Math.round(p.baseMs), generateurMs: Math.round(p.generateurMs) },
      // Requests per CPU-second of server + database: what one core sustains.
      parCoeur: cpuS > 0 ? Math.round(n / cpuS) : null,
      chargeMachine: p.charge,
    };
  }

  /** Phase 1 then 2 on the given processes. */
  async function mesurer(processus: number) {
    const ports: number[] = [];
    for (let i = 0; i < processus; i++) ports.push((await demarrer()).port);
    if (serveur && !surveillance) {
      surveillance = new pg.Client({ connectionString: urlBench });
      await surveillance.connect();
    }
    // 1. Logins (the first LOGINS candidates, each once), over fresh connections.
    const aConnecter = processus === 1 ? [...identifiants] : [...identifiants].reverse();
    const latencesLogin: number[] = [];
    const jetons: string[] = [];
    const refus: Record<string, number> = {};
    const pLogin = await phase(ports, async (agent, p) => {
      for (let login = aConnecter.pop(); login !== undefined; login = aConnecter.pop()) {
        const r = await requete(agent, p, { method: 'POST', path: '/api/auth/connexion', body: JSON.stringify({ service: 'espace-candidat', identifiant: login, motDePasse: MOT_DE_PASSE }) });
        latencesLogin.push(r.ms);
        const sid = r.cookies.map((c) => /^sid=([^;]+)/.exec(c)?.[1]).find(Boolean);
        if (r.status !== 200 || !sid) refus[r.status] = (refus[r.status] ?? 0) + 1;
        else jetons.push(sid);
      }
    });
    const connexions = { ...bilan(latencesLogin.length, latencesLogin, pLogin), refus };
    log(`${processus} processus — connexions : ${connexions.n} en ${connexions.dureeMs} ms (${connexions.parSeconde}/s, ${connexions.parCoeur}/s par cœur), p50 ${connexions.p50Ms} ms, p95 ${connexions.p95Ms} ms`);

    // 2. Reads of the results by every logged-in candidate, in turn.
    const tous = [...jetons, ...sessionsOuvertes];
    let suivant = 0;
    const lire = async (agent: http.Agent, p: number, jusqua: number, latences: number[] | null, erreurs: Record<string, number>) => {
      while (performance.now() < jusqua) {
        const jeton = tous[suivant++ % tous.length]!;
        const r = await requete(agent, p, { method: 'GET', path: '/api/candidat/resultats', headers: { cookie: `sid=${jeton}` } });
        latences?.push(r.ms);
        if (r.status !== 200 || !r.body.includes('"publie":true') || !r.body.includes('"decision":"A')) erreurs[r.status] = (erreurs[r.status] ?? 0) + 1;
      }
    };
    const erreurs: Record<string, number> = {};
    // These candidates have just logged in (as on results day): on PostgreSQL their activity stamps are
    // brought to now, as the login sets it, so that a read writes no stamp (one a minute at most, see
    // intervalleActiviteMs); on PGlite the sessions were opened just before the server started.
    await surveillance?.query('update session_utilisateur set derniere_activite = now()');
    await phase(ports, (agent, p) => lire(agent, p, performance.now() + 2000, null, erreurs));
    const latences: number[] = [];
    const pLecture = await phase(ports, (agent, p) => lire(agent, p, performance.now() + DUREE_S * 1000, latences, erreurs));
    const lectures = { ...bilan(latences.length, latences, pLecture), erreurs };
    // Reference: GET /api/health (one `select 1`) on the same processes, to state what a read costs in trivial requests.
    const latencesSante: number[] = [];
    const pSante = await phase(ports, async (agent, p) => {
      for (const fin = performance.now() + Math.min(5, DUREE_S) * 1000; performance.now() < fin; ) latencesSante.push((await requete(agent, p, { method: 'GET', path: '/api/health' })).ms);
    });
    const sante = bilan(latencesSante.length, latencesSante, pSante);
    log(`${processus} processus — lectures : ${lectures.n} en ${lectures.dureeMs} ms (${lectures.parSeconde}/s, ${lectures.parCoeur}/s par cœur), p50 ${lectures.p50Ms} ms, p95 ${lectures.p95Ms} ms, p99 ${lectures.p99Ms} ms`);
    for (const e of enfants.splice(0)) await arreter(e);
    log(`${processus} processus — santé : ${sante.parSeconde}/s, ${sante.parCoeur}/s par cœur`);
    return { processus, connexions, lectures, sante, lectureEnRequetesSante: lectures.parCoeur && sante.parCoeur ? Math.round((sante.parCoeur / lectures.parCoeur) * 10) / 10 : null };
  }

  const mesures = [await mesurer(1)];
  if (base === 'postgres') mesures.push(await mesurer(2));
  const verificationsOk = mesures.every((m) => Object.keys(m.connexions.refus).length === 0 && Object.keys(m.lectures.erreurs).length === 0);
  const un = mesures[0]!.lectures;
  const cibleAtteinte = (un.parCoeur ?? 0) >= CIBLE_PAR_COEUR && (un.p95Ms ?? Infinity) < CIBLE_P95_MS;
  console.log(
    JSON.stringify({
      name: `jour-des-resultats-${base}`,
      base,
      machine: { coeurs: cpus().length, modele: cpus()[0]?.model },
      argon2id: parametresArgon2,
      candidats: CANDIDATS,
      connexionsHttp: CONNEXIONS,
      dureeLecturesS: DUREE_S,
      mesures,
      cible: { lecturesParCoeur: CIBLE_PAR_COEUR, p95Ms: CIBLE_P95_MS, mesure: { parCoeur: un.parCoeur, p95Ms: un.p95Ms }, atteinte: cibleAtteinte },
      ok: verificationsOk,
    }),
  );
  if (!verificationsOk) process.exitCode = 1;
} finally {
  for (const e of enfants) if (e.exitCode === null) e.kill('SIGKILL');
  await (surveillance as pg.Client | null)?.end();
  await baseBanc.nettoyer();
}
