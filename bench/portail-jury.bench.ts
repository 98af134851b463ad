// Benchmark of the Jury portal (issue 8): « 300 jury sessions deliberating at once (a busy afternoon in a
// large académie), p95 of a grade modification under 150 ms on this machine with PostgreSQL ».
// Académie 14 with 300 juries at 210 (deliberation) spread over 60 centres de délibération, 15 candidates
// each (a third admissible to the contrôle with both oral grades, a third admitted, a third ajournés), and
// 300 other juries in the other états. 300 portal sessions (role membre_jury, service portail-jury, one
// jury each as its président), opened straight in the database as the key then the credentials open them.
// A round of a session: it reads its jury (GET /api/jury/jurys/:id), then modifies one grade the page shows
// (PUT /api/jury/jurys/:id/notes, that grade as `attendu`, a motif). Each request is timed from the
// client's side (fastify inject: session, policy, validation, service, database, serialisation).
// 1. Burst (« rafale »): the 300 sessions together, BENCH_TOURS rounds each with no pause (Promise.all), a
//    round being a read then a modification: 300 requests are always waiting, so each one's time is
//    300 / throughput (Little's law): this phase measures the platform's throughput; no latency target
//    can hold there (150 ms would take 2,000 requests a second).
// 2. Afternoon (« apresMidi »): the 300 sessions open on their jury's page for BENCH_RYTHME_S seconds, as
//    the page does: a reading every 5 s (its RELECTURE_MS), one after each modification, and a modification
//    every BENCH_PAUSE_S seconds on average (a pause drawn between 0 and twice that). With 15 s: 60 + 20
//    readings and 20 grade modifications a second for the académie, far above a real afternoon (a jury
//    changes a few dozen grades in an hour). The target (p95 of a modification < 150 ms) is checked here.
// No 409 may occur (each session modifies its own jury on the page it has just read); modification_note
// must end with exactly one row per accepted modification, the juries' versions with as many increments.
// The target applies on PostgreSQL (BENCH_DATABASE_URL: a fresh database is created on that server for the
// run, then dropped; BENCH_POOL: the platform's pool, 10 as in production); on the embedded database
// (default) the same run is measured and reported, only the checks decide `ok`.
// Run with `node bench/portail-jury.bench.ts` (or `npm run bench -- portail-jury`); one JSON line on stdout.
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { sql } from 'kysely';
import { hacherJeton, nouveauJeton } from '../src/server/identite/sessions.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { startPlatform } from '../src/server/server.ts';
import { baseDuBanc } from './support/base.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 300);
const TOURS = Number(process.env.BENCH_TOURS ?? 2);
const RYTHME_S = Number(process.env.BENCH_RYTHME_S ?? 45);
const PAUSE_S = Number(process.env.BENCH_PAUSE_S ?? 15);
/** How often the portal's page reads its jury again (RELECTURE_MS of src/web/pages/portail-jury/jurys.tsx). */
const RELECTURE_S = 5;
// The platform's pool on PostgreSQL: openDatabase's default (10), as server.ts opens it in production.
const POOL = Number(process.env.BENCH_POOL ?? 10);
const CANDIDATS_PAR_JURY = 15;
const CENTRES = 60;
const AUTRES_JURYS = 300;
const CIBLE_P95_MS = 150;
const QUALITE = 'Président de jury';

// A Commerce-like spécialité, as in cyclades-deliberation.bench.ts: ECT1 may replace E12, ECT2 E51.
const EPREUVES = [
  { code: 'E11', libelle: 'ECONOMIE-DROIT', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E12', libelle: 'MATHEMATIQUES', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E13', libelle: 'PREVENTION SANTE ENVIRONNEMENT', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E2', libelle: 'ANALYSE ET RESOLUTION DE SITUATIONS PROFESSIONNELLES', coefficient: 5, domaine: 'professionnel', controle: null },
  { code: 'E31', libelle: 'CONSEIL ET VENTE', coefficient: 5, domaine: 'professionnel', controle: null },
  { code: 'E32', libelle: 'SUIVI DES VENTES', coefficient: 4, domaine: 'professionnel', controle: null },
  { code: 'E33', libelle: 'FIDELISATION DE LA CLIENTELE ET DEVELOPPEMENT DE LA RELATION CLIENT', coefficient: 4, domaine: 'professionnel', controle: null },
  { code: 'E41', libelle: 'LANGUE VIVANTE A', coefficient: 2, domaine: 'general', controle: null },
  { code: 'E42', libelle: 'LANGUE VIVANTE B', coefficient: 2, domaine: 'general', controle: null },
  { code: 'E51', libelle: 'FRANCAIS', coefficient: 2.5, domaine: 'general', controle: 'francais_hg' },
  { code: 'E52', libelle: 'HISTOIRE-GEOGRAPHIE ET ENSEIGNEMENT MORAL ET CIVIQUE', coefficient: 2.5, domaine: 'general', controle: 'francais_hg' },
  { code: 'E6', libelle: 'ARTS APPLIQUES ET CULTURES ARTISTIQUES', coefficient: 1, domaine: 'general', controle: null },
  { code: 'E7', libelle: 'EDUCATION PHYSIQUE ET SPORTIVE', coefficient: 1, domaine: 'general', controle: null },
] as const;
const NOMS = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'LEFÈVRE', 'LEROY', 'LE GOFF'];
const PRENOMS = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Noé', 'Jade', 'Théo', 'Maëlle', 'Arthur'];

const log = (m: string) => console.error(m);
const mo = (octets: number) => Math.round(octets / 1024 / 1024);
const rang = (xs: number[], q: number) => {
  if (!xs.length) return null;
  const tries = [...xs].sort((a, b) => a - b);
  return Math.round(tries[Math.min(tries.length - 1, Math.max(0, Math.ceil(tries.length * q) - 1))]! * 10) / 10;
};
const stats = (xs: number[]) => ({ n: xs.length, medianeMs: rang(xs, 0.5), p95Ms: rang(xs, 0.95), p99Ms: rang(xs, 0.99), maxMs: rang(xs, 1) });
/** Inserts in batches (a statement's parameters are limited). */
async function parLots<T>(lignes: T[], inserer: (lot: T[]) => Promise<unknown>, taille = 2000) {
  for (let i = 0; i < lignes.length; i += taille) await inserer(lignes.slice(i, i + taille));
}

// PGlite, or a PostgreSQL database of its own for the run (BENCH_DATABASE_URL), removed at the end.
const baseBanc = await baseDuBanc('portail_jury');
const { dataDir, urlBench } = baseBanc;
const database = await openDatabase({ dataDir, databaseUrl: urlBench, poolSize: POOL });

try {
  await migrateToLatest(database.db);
  const db = database.db;
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).onConflict((oc) => oc.doNothing()).execute();
  await db.insertInto('examen').values({ code: '400', sigle: 'BCP', libelle: 'BACCALAUREAT PROFESSIONNEL' }).onConflict((oc) => oc.doNothing()).execute();
  const session = await db.insertInto('session_examen').values({ examen_code: '400', code: '2026-06', libelle: 'BCP JUIN 2026', annee: 2026 }).returning('id').executeTakeFirstOrThrow();
  const specialite = await db.insertInto('specialite').values({ examen_code: '400', code: '31202', libelle: 'Commerce' }).returning('id').executeTakeFirstOrThrow();
  const epreuves = await db
    .insertInto('epreuve_option')
    .values([
      ...EPREUVES.map((e) => ({ specialite_id: specialite.id, code: e.code, libelle: e.libelle, coefficient: e.coefficient, nature: 'ecrite' as const, domaine: e.domaine, controle: e.controle })),
      { specialite_id: specialite.id, code: 'ECT1', libelle: 'épr. Scientifique et Technique', coefficient: 0, nature: 'orale' as const, domaine: null, est_controle: 'scientifique' as const },
      { specialite_id: specialite.id, code: 'ECT2', libelle: 'épr. Français et Histoire Géographie', coefficient: 0, nature: 'orale' as const, domaine: null, est_controle: 'francais_hg' as const },
    ])
    .returning(['id', 'code'])
    .execute();
  const idEpreuve = new Map(epreuves.map((e) => [e.code, e.id]));

  const centres = await db
    .insertInto('etablissement')
    .values(
      Array.from({ length: CENTRES }, (_, i) => ({
        uai: `035${String(2000 + i).padStart(4, '0')}${'ABCDEFGHJK'[i % 10]}`,
        academie_code: '14',
        nom: `LYCEE PROFESSIONNEL ${i + 1}`,
        type: (i % 3 === 0 ? 'LPO' : 'LP') as 'LPO' | 'LP',
        commune: ['RENNES', 'BREST', 'QUIMPER', 'VANNES', 'LORIENT', 'SAINT-BRIEUC'][i % 6]!,
        est_centre_examen: true,
        est_centre_deliberation: true,
      })),
    )
    .returning('id')
    .execute();

  // The juries: SESSIONS at 210 (unevenly spread over the centres), the académie's others in the other états.
  const AUTRES_ETATS = [140, 198, 200, 211, 214] as const;
  const jurys = await db
    .insertInto('jury')
    .values([
      ...Array.from({ length: SESSIONS }, (_, i) => ({
        academie_code: '14',
        session_examen_id: session.id,
        numero: String(40000 + i),
        specialite_id: specialite.id,
        centre_deliberation_id: centres[(i * i + i) % CENTRES]!.id,
        groupe_decision: String(10 + (i % 40)),
        etat: 210 as const,
      })),
      ...Array.from({ length: AUTRES_JURYS }, (_, i) => ({
        academie_code: '14',
        session_examen_id: session.id,
        numero: String(60000 + i),
        specialite_id: specialite.id,
        centre_deliberation_id: centres[i % CENTRES]!.id,
        groupe_decision: String(10 + (i % 40)),
        etat: AUTRES_ETATS[i % AUTRES_ETATS.length]!,
      })),
    ])
    .returning(['id', 'etat', 'centre_deliberation_id'])
    .execute();
  const jurysDeliberes = jurys.filter((j) => j.etat === 210);

  // Candidates: per jury, a third admissible (professional 11,50, general 7,00: average 9,53) with both
  // oral grades, a third admitted (13,00 everywhere), a third ajournés (6,00 everywhere).
  let n = 0;
  const candidatures: Array<{ id: number; k: number; jury: (typeof jurys)[number] }> = [];
  for (let debut = 0; debut < jurys.length; debut += 40) {
    const lot = jurys.slice(debut, debut + 40);
    const candidats = await db
      .insertInto('candidat')
      .values(lot.flatMap((_, i) => Array.from({ length: CANDIDATS_PAR_JURY }, (_, k) => ({ academie_code: '14', ine: null, civilite: (k % 2 ? 'Mme' : 'M.') as 'M.' | 'Mme', nom: NOMS[(n + i * 7 + k) % NOMS.length]!, prenom: PRENOMS[(n + i + k) % PRENOMS.length]!, date_naissance: '2008-05-04' }))))
      .returning('id')
      .execute();
    const lignes = lot.flatMap((j, i) =>
      Array.from({ length: CANDIDATS_PAR_JURY }, (_, k) => ({
        candidat_id: candidats[i * CANDIDATS_PAR_JURY + k]!.id,
        session_examen_id: session.id,
        academie_code: '14',
        etablissement_id: j.centre_deliberation_id,
        numero_candidat: `0195${String(1_000_000 + n + i * CANDIDATS_PAR_JURY + k).padStart(7, '0')} - ${String(k + 1).padStart(3, '0')}`,
        etat: 'inscrit' as const,
        email: null,
        specialite_id: specialite.id,
        jury_id: j.id,
        centre_controle_id: j.centre_deliberation_id,
      })),
    );
    const ids = await db.insertInto('candidature').values(lignes).returning('id').execute();
    lot.forEach((j, i) => {
      for (let k = 0; k < CANDIDATS_PAR_JURY; k++) candidatures.push({ id: ids[i * CANDIDATS_PAR_JURY + k]!.id, k, jury: j });
    });
    n += lignes.length;
  }
  // Grades, registrations and contrôle choices for the deliberated juries only (the others are candidatures).
  const deliberees = candidatures.filter((c) => c.jury.etat === 210);
  const note1 = (k: number, domaine: string) => (k % 3 === 0 ? (domaine === 'professionnel' ? 11.5 : 7) : k % 3 === 1 ? 13 : 6);
  await parLots(
    deliberees.flatMap((c) => EPREUVES.map((e) => ({ candidature_id: c.id, epreuve_option_id: idEpreuve.get(e.code)!, groupe: 1 as const, statut: 'note' as const, valeur: note1(c.k, e.domaine) }))),
    (lot) => db.insertInto('note').values(lot).execute(),
  );
  await parLots(
    deliberees.filter((c) => c.k % 3 === 0).flatMap((c) => [
      { candidature_id: c.id, epreuve_option_id: idEpreuve.get('ECT1')!, groupe: 2 as const, statut: 'note' as const, valeur: 12 },
      { candidature_id: c.id, epreuve_option_id: idEpreuve.get('ECT2')!, groupe: 2 as const, statut: 'note' as const, valeur: 10 },
    ]),
    (lot) => db.insertInto('note').values(lot).execute(),
  );
  await parLots(
    deliberees.flatMap((c) => EPREUVES.map((e) => ({ candidature_id: c.id, epreuve_option_id: idEpreuve.get(e.code)! }))),
    (lot) => db.insertInto('candidature_epreuve').values(lot).execute(),
  );
  await parLots(
    deliberees.flatMap((c) => [
      { candidature_id: c.id, epreuve_controle_id: idEpreuve.get('ECT1')!, epreuve_remplacee_id: idEpreuve.get('E12')! },
      { candidature_id: c.id, epreuve_controle_id: idEpreuve.get('ECT2')!, epreuve_remplacee_id: idEpreuve.get('E51')! },
    ]),
    (lot) => db.insertInto('choix_controle').values(lot).execute(),
  );

  // The présidents: an IMAG'IN account (intervenant with a personne) and its membre_jury role.
  const personnes = await db
    .insertInto('personne')
    .values(Array.from({ length: SESSIONS }, (_, i) => ({ academie_code: '14', civilite: (i % 2 ? 'Mme' : 'M.') as 'M.' | 'Mme', nom: `PRESIDENT${i}`, prenom: PRENOMS[i % PRENOMS.length]! })))
    .returning('id')
    .execute();
  const comptes = await db
    .insertInto('compte')
    .values(personnes.map((p, i) => ({ login: `president.${i}`, password_hash: null, mot_de_passe_temporaire: false, email: `president.${i}@ac-rennes.fr`, type: 'intervenant' as const, personne_id: p.id })))
    .returning(['id', 'personne_id'])
    .execute();
  const roles = await db
    .insertInto('role_attribution')
    .values(comptes.map((c) => ({ compte_id: c.id, role: 'membre_jury' as const, academie_code: '14', etablissement_id: null, personne_id: c.personne_id })))
    .returning(['id', 'compte_id', 'personne_id'])
    .execute();
  await sql`analyze`.execute(db);
  log(`${jurys.length} jurys (${jurysDeliberes.length} à l'état 210 dans ${CENTRES} centres), ${n} candidatures, ${SESSIONS} présidents créés.`);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  // The jobs' polling at its production interval: this bench waits for no treatment.
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux });
  try {
    // The 300 portal sessions, as acces.service.ts opens them (session_utilisateur + session_jury).
    const maintenant = platform.ctx.clock.now();
    const jetons = roles.map(() => nouveauJeton());
    await db
      .insertInto('session_utilisateur')
      .values(roles.map((r, i) => ({ id: hacherJeton(platform.ctx, jetons[i]!), compte_id: r.compte_id, role_attribution_id: r.id, service: 'portail-jury', academie_code: '14', etablissement_id: null, csrf_token: nouveauJeton(), parent_session_id: null, derniere_activite: maintenant, cree_le: maintenant, ip: null, user_agent: null })))
      .execute();
    await db
      .insertInto('session_jury')
      .values(roles.map((r, i) => ({ session_id: hacherJeton(platform.ctx, jetons[i]!), jury_id: jurysDeliberes[i]!.id, academie_code: '14', mode: 'cle' as const, compte_id: r.compte_id, personne_id: r.personne_id, qualite: QUALITE, cle_otp_id: null })))
      .execute();
    type Page = { jury: { version: number }; candidats: Array<{ candidatureId: number; notes: Array<{ epreuveOptionId: number; groupe: 1 | 2; modifiable: boolean; note: { statut: string; valeur: number | null } | null }> }> };
    const membres = await Promise.all(
      jetons.map(async (jeton, i) => {
        const cookie = `sid=${jeton}`;
        const s = await platform.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
        if (s.statusCode !== 200) throw new Error(`Session ${i} refusée : ${s.statusCode} ${s.body}`);
        // cache: the browser's HTTP cache of the jury's page, with its ETag if the server gives one.
        return { juryId: jurysDeliberes[i]!.id, headers: { cookie, 'x-csrf-token': s.json().csrfToken as string }, cache: { etag: null as string | null, page: null as Page | null } };
      }),
    );
    // Warm-up: each session reads its jury once (not measured).
    for (const r of await Promise.all(membres.map((m) => platform.app.inject({ method: 'GET', url: `/api/jury/jurys/${m.juryId}`, headers: m.headers })))) {
      if (r.statusCode !== 200) throw new Error(`Lecture du jury refusée : ${r.statusCode} ${r.body}`);
    }

    /** One phase's figures: each read and each modification timed from the client's side (fastify inject). */
    const phase = () => ({ lectures: [] as number[], nonModifiees: 0, modifications: [] as number[], reussies: 0, conflits: 0, refus: {} as Record<string, number> });
    type Phase = ReturnType<typeof phase>;
    let nombreRefus = 0;
    /** The jury's page (GET /api/jury/jurys/:id), as the portal's page reads it (fetch revalidates its cache). */
    async function lire(p: Phase, m: (typeof membres)[number]): Promise<Page> {
      const { cache } = m;
      const d = performance.now();
      const page = await platform.app.inject({ method: 'GET', url: `/api/jury/jurys/${m.juryId}`, headers: cache.etag ? { ...m.headers, 'if-none-match': cache.etag } : m.headers });
      p.lectures.push(performance.now() - d);
      if (page.statusCode === 304 && cache.page) {
        p.nonModifiees++;
        return cache.page;
      }
      if (page.statusCode !== 200) throw new Error(`Lecture du jury refusée : ${page.statusCode} ${page.body}`);
      const lue = page.json() as Page;
      const etag = page.headers.etag;
      Object.assign(cache, { etag: typeof etag === 'string' ? etag : null, page: lue });
      return lue;
    }
    /** The président modifies one grade the page shows: the value +0,25, with a motif. */
    async function modifier(p: Phase, m: (typeof membres)[number], { jury, candidats }: Page, s: number, tour: number) {
      // A different candidate each round, and one of his grades shown (1st group or contrôle oral).
      const c = candidats[(tour * 4 + s) % candidats.length]!;
      const notes = c.notes.filter((x) => x.modifiable && x.note?.statut === 'note');
      const note = notes[(tour + s) % notes.length]!;
      const ancienne = note.note!.valeur!;
      const d = performance.now();
      const r = await platform.app.inject({
        method: 'PUT',
        url: `/api/jury/jurys/${m.juryId}/notes`,
        headers: m.headers,
        payload: {
          version: jury.version,
          candidatureId: c.candidatureId,
          epreuveOptionId: note.epreuveOptionId,
          groupe: note.groupe,
          attendu: { statut: note.note!.statut, valeur: ancienne },
          statut: 'note',
          valeur: ancienne <= 19.75 ? ancienne + 0.25 : ancienne - 0.25,
          motif: 'Erreur de report de la note',
        },
      });
      p.modifications.push(performance.now() - d);
      if (r.statusCode === 200) p.reussies++;
      else if (r.statusCode === 409) p.conflits++;
      else {
        p.refus[r.statusCode] = (p.refus[r.statusCode] ?? 0) + 1;
        if (nombreRefus++ === 0) log(`Modification refusée : ${r.statusCode} ${r.body}`);
      }
    }
    /** Runs a phase, with its wall time, this process's CPU and its highest RSS (sampled every 50 ms). */
    async function mesurer(nom: string, p: Phase, corps: () => Promise<unknown>) {
      global.gc?.();
      const rssAvant = process.memoryUsage().rss;
      let rssMax = rssAvant;
      const echantillon = setInterval(() => {
        rssMax = Math.max(rssMax, process.memoryUsage().rss);
      }, 50);
      // The event loop's delays and the garbage collector's pauses: every request waits for them.
      const boucle = monitorEventLoopDelay({ resolution: 10 });
      const gc: number[] = [];
      const observateur = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) gc.push(e.duration);
      });
      observateur.observe({ entryTypes: ['gc'] });
      boucle.enable();
      const charge = loadavg()[0]!;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await corps();
      const dureeMs = Math.round(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      clearInterval(echantillon);
      boucle.disable();
      await new Promise((res) => setTimeout(res, 50)); // the last GC entries are delivered asynchronously
      observateur.disconnect();
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      const operations = p.lectures.length + p.modifications.length;
      const resultat = {
        operations,
        dureeMs,
        operationsParSeconde: Math.round((operations / dureeMs) * 1000),
        // CPU of this process (HTTP, services, and the database itself on PGlite) over the same time.
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        modifications: stats(p.modifications),
        lectures: stats(p.lectures),
        // Readings answered 304 (the page unchanged since the session's last reading), when the server gives an ETag.
        lecturesNonModifiees: p.nonModifiees,
        conflits409: p.conflits,
        autresRefus: p.refus,
        // The machine's load (1 min) before and after: other processes share its CPUs.
        chargeMachine: { avant: Math.round(charge * 100) / 100, apres: Math.round(loadavg()[0]! * 100) / 100 },
        // null: no sample could be taken (on PGlite, queries resolve as a chain of microtasks that can starve the timers).
        boucleEvenements: boucle.count ? { p99Ms: Math.round(boucle.percentile(99) / 1e5) / 10, maxMs: Math.round(boucle.max / 1e5) / 10 } : null,
        gc: { pauses: gc.length, totalMs: Math.round(gc.reduce((a, b) => a + b, 0)), maxMs: Math.round(Math.max(0, ...gc)) },
        rssAvantMo: mo(rssAvant),
        rssMaxMo: mo(rssMax),
      };
      const { modifications: mm, lectures: ll } = resultat;
      log(`${nom} : ${operations} opérations en ${dureeMs} ms (${resultat.operationsParSeconde} /s) ; modification : médiane ${mm.medianeMs} ms, p95 ${mm.p95Ms} ms, p99 ${mm.p99Ms} ms ; lecture : médiane ${ll.medianeMs} ms, p95 ${ll.p95Ms} ms`);
      return resultat;
    }

    // 1. Burst: the 300 sessions at once, each reading then modifying as soon as its previous answer came.
    const pRafale = phase();
    const rafale = await mesurer('Rafale', pRafale, () =>
      Promise.all(
        membres.map(async (m, s) => {
          for (let tour = 0; tour < TOURS; tour++) await modifier(pRafale, m, await lire(pRafale, m), s, tour);
        }),
      ),
    );

    // 2. Afternoon: the 300 sessions open on their jury's page for RYTHME_S seconds. As the page does
    //    (src/web/pages/portail-jury/jurys.tsx), each reads its jury again every RELECTURE_S seconds, and
    //    after each of its modifications; it modifies a grade once every PAUSE_S seconds on average (a pause
    //    drawn between 0 and twice that), on the last page it read after its last modification.
    let graine = 0x8f1a2b3c;
    const hasard = () => {
      graine = (graine + 0x6d2b79f5) | 0;
      let t = Math.imul(graine ^ (graine >>> 15), 1 | graine);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const attendre = (ms: number) => new Promise((res) => setTimeout(res, ms));
    // The pages already shown when the afternoon starts (not measured).
    const pages = await Promise.all(membres.map((m) => lire(phase(), m)));
    const pRythme = phase();
    const fin = performance.now() + RYTHME_S * 1000;
    const rythme = await mesurer('Après-midi', pRythme, () =>
      Promise.all(
        membres.map(async (m, s) => {
          // The page shown: a reading started before a modification ended is not (its grades may be older).
          const etat = { page: pages[s]!, modifications: 0, enCours: false };
          const relire = async () => {
            // A tick every RELECTURE_S seconds; a tick missed while a reading was running is skipped (setInterval).
            for (let prochaine = performance.now() + hasard() * RELECTURE_S * 1000; prochaine < fin; ) {
              await attendre(prochaine - performance.now());
              const avant = etat.modifications;
              const enCours = etat.enCours;
              const page = await lire(pRythme, m);
              if (!enCours && !etat.enCours && etat.modifications === avant) etat.page = page;
              do prochaine += RELECTURE_S * 1000;
              while (prochaine <= performance.now());
            }
          };
          const deliberer = async () => {
            for (let tour = TOURS; ; tour++) {
              const pause = hasard() * 2 * PAUSE_S * 1000;
              if (performance.now() + pause >= fin) return;
              await attendre(pause);
              etat.enCours = true;
              await modifier(pRythme, m, etat.page, s, tour);
              etat.modifications++;
              etat.page = await lire(pRythme, m);
              etat.enCours = false;
            }
          };
          await Promise.all([relire(), deliberer()]);
        }),
      ),
    );

    const lignes = Number((await db.selectFrom('modification_note').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const versions = Number((await db.selectFrom('jury').select((eb) => eb.fn.sum<number>('version').as('v')).where('etat', '=', 210).executeTakeFirstOrThrow()).v);
    const envoyees = pRafale.modifications.length + pRythme.modifications.length;
    const reussies = pRafale.reussies + pRythme.reussies;
    const conflits = pRafale.conflits + pRythme.conflits;
    const verificationsOk = pRafale.modifications.length === SESSIONS * TOURS && reussies === envoyees && conflits === 0 && lignes === reussies && versions === reussies;
    const p95Rythme = rythme.modifications.p95Ms;
    const cibleAtteinte = p95Rythme !== null && p95Rythme < CIBLE_P95_MS;
    const ok = verificationsOk && (database.kind === 'postgres' ? cibleAtteinte : true);
    console.log(
      JSON.stringify({
        name: 'portail-jury',
        base: database.kind,
        connexionsPool: database.kind === 'postgres' ? POOL : 1,
        sessions: SESSIONS,
        jurysAcademie: jurys.length,
        candidatsParJury: CANDIDATS_PAR_JURY,
        candidaturesAcademie: n,
        rafale: { tours: TOURS, ...rafale },
        apresMidi: { dureeS: RYTHME_S, relectureS: RELECTURE_S, pauseMoyenneS: PAUSE_S, ...rythme },
        maxRssProcessusMo: mo(process.resourceUsage().maxRSS * 1024),
        cible: { p95ModificationMs: CIBLE_P95_MS, base: 'postgres', phase: 'apresMidi', p95Ms: p95Rythme, atteinte: cibleAtteinte, rafaleP95Ms: rafale.modifications.p95Ms },
        verifications: { modificationsEnvoyees: envoyees, modificationsReussies: reussies, conflits409: conflits, lignesModificationNote: lignes, sommeVersions: versions },
        ok,
      }),
    );
    if (!verificationsOk) {
      log(`Vérification échouée : ${envoyees} modifications envoyées, ${reussies} acceptées, ${conflits} conflits, ${lignes} lignes de modification_note, versions ${versions}.`);
      process.exitCode = 1;
    } else if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
