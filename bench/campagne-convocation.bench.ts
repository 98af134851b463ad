// Benchmark of a convocation campaign (issue 18 §11): 20 gestionnaires of the DEC convoke intervenants
// while 200 intervenants read their missions, on the same platform, p95 per route.
// Data: those of bench/imagin-centre.bench.ts (imagin-centre.donnees.ts): académie 14, 500 intervenants
// (450 with an IMAG'IN account), a mission of 500 convocations and 30 other missions with some of them.
// Sessions opened straight in the database, as the login opens them (the login's own cost is measured by
// bench/jour-des-resultats.bench.ts): 20 gestionnaires (imagin-gestion) and 200 intervenants
// (imagin-intervenant, the first 200 accounts). Each request is timed from the client's side (fastify
// inject: session, policy, validation, service, database, serialisation).
// For BENCH_DUREE_S seconds (default 30):
// - each gestionnaire works on « his » missions (the 30 others, by turns): he reads the mission's convoked
//   intervenants (GET /api/gestion/missions/:id/convocations), convokes the next intervenant not yet on
//   it (POST /api/gestion/missions/:id/convocations, qualité Correcteur), then pauses 0 to 2 s (1 s on
//   average: 20 convocations a second for the académie, far above a real campaign);
// - each intervenant reads his missions (GET /api/intervenant/missions), then the detail of one
//   (GET /api/intervenant/missions/:convocationId), every 0 to 10 s (5 s on average: 40 + 40 reads a second).
// Checks: no refusal, and as many convocation rows created as 200 answers. Target (issue 18): p95 of every
// route < 150 ms on PostgreSQL (BENCH_DATABASE_URL: a fresh database is created on that server for the run,
// then dropped); on the embedded database (default) the same run is measured, only the checks decide `ok`.
// Run with `npm run bench -- campagne-convocation` or `npx node bench/campagne-convocation.bench.ts`.
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { hacherJeton, nouveauJeton } from '../src/server/identite/sessions.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { startPlatform } from '../src/server/server.ts';
import { construireCentre, NUMERO_MISSION } from './imagin-centre.donnees.ts';
import { baseDuBanc } from './support/base.ts';

const GESTIONNAIRES = Number(process.env.BENCH_GESTIONNAIRES ?? 20);
const INTERVENANTS = Number(process.env.BENCH_INTERVENANTS ?? 200);
const DUREE_S = Number(process.env.BENCH_DUREE_S ?? 30);
const PAUSE_GESTIONNAIRE_S = 1;
const PAUSE_INTERVENANT_S = 5;
const POOL = Number(process.env.BENCH_POOL ?? 10);
const CIBLE_P95_MS = 150;
const log = (m: string) => console.error(m);

const rang = (xs: number[], q: number) => {
  if (!xs.length) return null;
  const tries = [...xs].sort((a, b) => a - b);
  return Math.round(tries[Math.min(tries.length - 1, Math.max(0, Math.ceil(tries.length * q) - 1))]! * 10) / 10;
};
const stats = (xs: number[]) => ({ n: xs.length, p50Ms: rang(xs, 0.5), p95Ms: rang(xs, 0.95), p99Ms: rang(xs, 0.99), maxMs: rang(xs, 1) });
let graine = 0x5eed1234;
const hasard = () => {
  graine = (graine + 0x6d2b79f5) | 0;
  let t = Math.imul(graine ^ (graine >>> 15), 1 | graine);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

// PGlite, or a PostgreSQL database of its own for the run (BENCH_DATABASE_URL), removed at the end.
const baseBanc = await baseDuBanc('campagne');
const { dataDir, urlBench } = baseBanc;
const database = await openDatabase({ dataDir, databaseUrl: urlBench, poolSize: POOL });

try {
  await migrateToLatest(database.db);
  const db = database.db;
  const annee = new Date().getUTCFullYear();
  await construireCentre(db, annee, log);
  const missions = await db.selectFrom('mission').select(['id', 'numero']).where('numero', '>', NUMERO_MISSION).orderBy('numero').execute();
  const correcteur = await db.selectFrom('qualite').select('id').where('libelle', '=', 'Correcteur').executeTakeFirstOrThrow();
  const personnes = (await db.selectFrom('personne').select('id').orderBy('id').execute()).map((p) => p.id);
  const dejaConvoques = new Map<number, Set<number>>(missions.map((m) => [m.id, new Set<number>()]));
  for (const c of await db.selectFrom('convocation').select(['mission_id', 'personne_id']).where('mission_id', 'in', missions.map((m) => m.id)).execute()) dejaConvoques.get(c.mission_id)!.add(c.personne_id);

  const gestionnaires = [];
  for (let g = 0; g < GESTIONNAIRES; g++) {
    const compte = await db.insertInto('compte').values({ login: `dec${g}.bench`, password_hash: null, mot_de_passe_temporaire: false, type: 'agent', email: `dec${g}.bench@ac-rennes.fr` }).returning('id').executeTakeFirstOrThrow();
    const role = await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'gestionnaire', academie_code: '14', etablissement_id: null }).returning('id').executeTakeFirstOrThrow();
    gestionnaires.push({ compteId: compte.id, roleId: role.id });
  }
  const intervenants = await db
    .selectFrom('role_attribution as r')
    .innerJoin('compte as c', 'c.id', 'r.compte_id')
    .select(['r.id as roleId', 'c.id as compteId'])
    .where('r.role', '=', 'intervenant')
    .orderBy('c.id')
    .limit(INTERVENANTS)
    .execute();
  await sql`analyze`.execute(db);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux });
  try {
    const maintenant = platform.ctx.clock.now();
    const ouvrir = async (roles: Array<{ compteId: number; roleId: number }>, service: string) => {
      const jetons = roles.map(() => nouveauJeton());
      await db
        .insertInto('session_utilisateur')
        .values(roles.map((r, i) => ({ id: hacherJeton(platform.ctx, jetons[i]!), compte_id: r.compteId, role_attribution_id: r.roleId, service, academie_code: '14', etablissement_id: null, csrf_token: nouveauJeton(), parent_session_id: null, derniere_activite: maintenant, cree_le: maintenant, ip: null, user_agent: null })))
        .execute();
      return Promise.all(
        jetons.map(async (jeton) => {
          const cookie = `sid=${jeton}`;
          const s = await platform.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
          if (s.statusCode !== 200) throw new Error(`Session refusée : ${s.statusCode} ${s.body}`);
          return { cookie, 'x-csrf-token': s.json().csrfToken as string };
        }),
      );
    };
    const enTetesG = await ouvrir(gestionnaires, 'imagin-gestion');
    const enTetesI = await ouvrir(intervenants, 'imagin-intervenant');

    const latences: Record<string, number[]> = { listeConvocations: [], convoquer: [], missionsIntervenant: [], detailMission: [] };
    const refus: Record<string, number> = {};
    let convocationsReussies = 0;
    let premierRefus = true;
    async function mesurer(route: string, o: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; payload?: object }, attendu = 200) {
      const d = performance.now();
      const r = await platform.app.inject(o);
      latences[route]!.push(performance.now() - d);
      if (r.statusCode !== attendu) {
        refus[`${route} ${r.statusCode}`] = (refus[`${route} ${r.statusCode}`] ?? 0) + 1;
        if (premierRefus) {
          premierRefus = false;
          log(`Refus : ${route} ${r.statusCode} ${r.body}`);
        }
        return null;
      }
      return r;
    }

    // Warm-up (not measured): each intervenant reads his missions once.
    await Promise.all(enTetesI.map((h) => platform.app.inject({ method: 'GET', url: '/api/intervenant/missions', headers: h })));

    const charge = loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const fin = t0 + DUREE_S * 1000;
    await Promise.all([
      ...enTetesG.map(async (h, g) => {
        // Missions g, g + 20, …: no two gestionnaires convoke on the same mission at the same time.
        const siennes = missions.filter((_, k) => k % GESTIONNAIRES === g);
        let tour = 0;
        await attendre(hasard() * 2 * PAUSE_GESTIONNAIRE_S * 1000);
        while (performance.now() < fin) {
          const m = siennes[tour++ % siennes.length]!;
          const deja = dejaConvoques.get(m.id)!;
          const personneId = personnes.find((p) => !deja.has(p));
          if (personneId === undefined) break;
          deja.add(personneId);
          await mesurer('listeConvocations', { method: 'GET', url: `/api/gestion/missions/${m.id}/convocations`, headers: h });
          const r = await mesurer('convoquer', { method: 'POST', url: `/api/gestion/missions/${m.id}/convocations`, headers: h, payload: { personneId, qualiteId: correcteur.id, commissionId: null, juryId: null, salleId: null, codeSalle: '', observation: '', dates: [] } });
          if (r) convocationsReussies++;
          await attendre(hasard() * 2 * PAUSE_GESTIONNAIRE_S * 1000);
        }
      }),
      ...enTetesI.map(async (h) => {
        await attendre(hasard() * 2 * PAUSE_INTERVENANT_S * 1000);
        while (performance.now() < fin) {
          const r = await mesurer('missionsIntervenant', { method: 'GET', url: '/api/intervenant/missions', headers: h });
          const lignes = (r?.json() as { lignes?: Array<{ id?: number; convocationId?: number }> } | undefined)?.lignes ?? [];
          const une = lignes[Math.floor(hasard() * lignes.length)];
          const id = une?.convocationId ?? une?.id;
          if (id !== undefined) await mesurer('detailMission', { method: 'GET', url: `/api/intervenant/missions/${id}`, headers: h });
          await attendre(hasard() * 2 * PAUSE_INTERVENANT_S * 1000);
        }
      }),
    ]);
    const dureeMs = Math.round(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    const creees = Number(
      (await db.selectFrom('convocation').select((eb) => eb.fn.countAll<number>().as('n')).where('mission_id', 'in', missions.map((m) => m.id)).where('modifiee_par', 'in', gestionnaires.map((g) => g.compteId)).executeTakeFirstOrThrow()).n,
    );
    const routes = Object.fromEntries(Object.entries(latences).map(([k, v]) => [k, stats(v)]));
    for (const [k, s] of Object.entries(routes)) log(`${k} : ${s.n} requêtes, p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, p99 ${s.p99Ms} ms`);
    const requetes = Object.values(latences).reduce((s, v) => s + v.length, 0);
    const verificationsOk = Object.keys(refus).length === 0 && creees === convocationsReussies && convocationsReussies > 0 && latences.detailMission!.length > 0;
    const p95Max = Math.max(...Object.values(routes).map((s) => s.p95Ms ?? Infinity));
    const cibleAtteinte = p95Max < CIBLE_P95_MS;
    console.log(
      JSON.stringify({
        name: `campagne-convocation-${database.kind}`,
        base: database.kind,
        connexionsPool: database.kind === 'postgres' ? POOL : 1,
        gestionnaires: GESTIONNAIRES,
        intervenants: INTERVENANTS,
        dureeMs,
        requetes,
        requetesParSeconde: Math.round((requetes / dureeMs) * 1000),
        // CPU of this process (HTTP, services, and the database itself on PGlite) over the same time.
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        chargeMachine: { avant: Math.round(charge * 100) / 100, apres: Math.round(loadavg()[0]! * 100) / 100 },
        routes,
        cible: { p95Ms: CIBLE_P95_MS, base: 'postgres', p95MaxMs: p95Max, atteinte: cibleAtteinte },
        verifications: { convocationsReussies, convocationsCreees: creees, refus },
        ok: verificationsOk && (database.kind === 'postgres' ? cibleAtteinte : true),
      }),
    );
    if (!verificationsOk) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
