// Benchmark of the intervenant service (issue 15): « the missions list and the portal list of an
// intervenant with 200 convocations over 3 académies < 150 ms server time ».
// Data: académies 14 (Rennes, the session's), 17 (Nantes) and 16 (Toulouse); the measured intervenant,
// a teacher of Rennes, holds 200 convoked convocations (110 Rennes, 55 Nantes, 35 Toulouse) and 10
// affected ones, over missions with dates, commissions, jurys and qualités; around him 3,000 other
// persons with 12,000 convocations on the same missions, so that every query has to find his rows.
// Each case (CAS below) is a request of his session (fastify inject: session, policy, activity opening,
// validation, service, database, serialisation), called ESSAIS times after one warm-up call; p50 / p95 /
// max of the wall time and the CPU time of the process (median, p95) are reported, with the machine's load
// average, and each case checks its answer. The target applies to the p95 of the wall time.
// Another case (the portal list, issue 15 §5) is added as one more entry of CAS, with the data it needs
// added in `construire` (the returned `donnees` are given to every case).
// On PostgreSQL with BENCH_DATABASE_URL (a database of its own is created for the run, then dropped);
// on the embedded database by default.
// Run with `node bench/imagin-intervenant.bench.ts` (or `npm run bench -- imagin-intervenant`); one JSON line on stdout.
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase, type Db } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher, utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { baseDuBanc } from './support/base.ts';

const ESSAIS = Number(process.env.BENCH_ESSAIS ?? 30);
const LOGIN = 'prof.bench';
const MOT_DE_PASSE = 'Bench-Intervenant-2026!';
/** His convoked convocations by académie (200 over 3), and the affected ones (never listed). */
const REPARTITION = { '14': 110, '17': 55, '16': 35 } as const;
const AFFECTEES = 10;
const AUTRES_PERSONNES = 3000;
const AUTRES_CONVOCATIONS = 12_000;
const MISSIONS_PAR_ACADEMIE = 150;

utiliserHachageRapide(true);
const log = (m: string) => console.error(m);
const rang = (xs: number[], q: number) => {
  const t = [...xs].sort((a, b) => a - b);
  return Math.round(t[Math.min(t.length - 1, Math.max(0, Math.ceil(t.length * q) - 1))]! * 10) / 10;
};
async function parLots<T>(lignes: T[], f: (lot: T[]) => Promise<unknown>, taille = 2000) {
  for (let i = 0; i < lignes.length; i += taille) await f(lignes.slice(i, i + taille));
}
const p2 = (n: number) => String(n).padStart(2, '0');

/** What the data builder gives every case. */
export interface Donnees {
  personneId: number;
  /** His convoked convocations, by académie. */
  convocations: Record<keyof typeof REPARTITION, number[]>;
  /** How many of them the portal lists (CORCOP missions). */
  portail: number;
}

export interface Cas {
  nom: string;
  url: (d: Donnees) => string;
  cibleMs: number;
  /** Throws when the answer is not what it must be (the measure would be meaningless). */
  verifier: (corps: any, d: Donnees) => void;
}

/** The measured requests. The portal list (issue 15 §5) comes as one more entry. */
export const CAS: Cas[] = [
  {
    nom: 'liste-missions',
    url: () => '/api/intervenant/missions',
    cibleMs: 150,
    verifier: (corps, d) => {
      const attendues = Object.values(d.convocations).flat();
      if (corps.lignes?.length !== attendues.length) throw new Error(`Liste des missions : ${corps.lignes?.length} lignes au lieu de ${attendues.length}.`);
      const codes = corps.onglets.map((o: { code: string }) => o.code).join(',');
      if (codes !== '14,17,16') throw new Error(`Liste des missions : onglets ${codes} au lieu de 14,17,16.`);
      if (corps.onglets[0].affectees !== AFFECTEES) throw new Error(`Liste des missions : ${corps.onglets[0].affectees} affectations non convoquées au lieu de ${AFFECTEES}.`);
    },
  },
  {
    // « Portail d'accès aux missions » (004 §2.6): his convocations on the missions that open SANTORIN
    // or CYCLADES (the CORCOP ones, one mission in three), per académie, with their SANTORIN states.
    nom: 'liste-portail',
    url: () => '/api/intervenant/portails/missions',
    cibleMs: 150,
    verifier: (corps, d) => {
      const codes = corps.academies?.map((a: { code: string }) => a.code).join(',');
      if (codes !== '14,17,16' && codes !== '14,16,17') throw new Error(`Portail : onglets ${codes}.`);
      const n = corps.academies.reduce((t: number, a: { missions: unknown[] }) => t + a.missions.length, 0);
      if (n !== d.portail) throw new Error(`Portail : ${n} missions au lieu de ${d.portail}.`);
      const avecEtat = corps.academies.flatMap((a: { missions: Array<{ etatLibelle: string | null }> }) => a.missions).filter((m: { etatLibelle: string | null }) => m.etatLibelle).length;
      if (avecEtat !== d.portail) throw new Error(`Portail : ${avecEtat} états de correction au lieu de ${d.portail}.`);
    },
  },
];

async function construire(db: Db): Promise<Donnees> {
  const annee = 2026;
  log(`Données : un intervenant de Rennes, ${Object.values(REPARTITION).reduce((a, b) => a + b, 0)} convocations sur 3 académies, ${AUTRES_CONVOCATIONS} autres convocations de ${AUTRES_PERSONNES} personnes…`);
  await db
    .insertInto('academie')
    .values([
      { code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' },
      { code: '17', libelle: 'Nantes', nom_majuscule: 'NANTES', domaine_mail: 'ac-nantes.fr' },
      { code: '16', libelle: 'Toulouse', nom_majuscule: 'TOULOUSE', domaine_mail: 'ac-toulouse.fr' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const academies = Object.keys(REPARTITION) as Array<keyof typeof REPARTITION>;
  const centres = new Map<string, number[]>();
  for (const [k, a] of academies.entries()) {
    const rows = await db
      .insertInto('etablissement')
      .values(Array.from({ length: 20 }, (_, i) => ({ uai: `0${['35', '44', '31'][k]}${String(3000 + i)}${'ABCDEFGHJK'[i % 10]}`, academie_code: a, nom: `LYCEE BENCH ${i + 1}`, type: 'LGT' as const, commune: ['RENNES', 'NANTES', 'TOULOUSE'][k]!, adresse: `${i + 1} RUE DES ECOLES`, code_postal: ['35000', '44000', '31000'][k]!, est_centre_examen: true })))
      .returning('id')
      .execute();
    centres.set(a, rows.map((r) => r.id));
  }
  await db.insertInto('examen').values([{ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }, { code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' }]).execute();
  const sessions = await db
    .insertInto('session_examen')
    .values([{ examen_code: '470', code: `${annee}-06`, libelle: `BGT ${annee}`, annee }, { examen_code: '100', code: `${annee}-06`, libelle: `DNB ${annee}`, annee }])
    .returning('id')
    .execute();
  const specialite = await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).returning('id').executeTakeFirstOrThrow();
  const epreuve = await db.insertInto('epreuve_option').values({ specialite_id: specialite.id, code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('type_mission')
    .values([
      { code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' },
      { code: 'INTORA', libelle: 'INTERROGATION ORALE', mode_remuneration: 'candidats' },
      { code: 'JURY', libelle: 'JURY DE DELIBERATION', mode_remuneration: 'gestionnaire' },
    ])
    .execute();
  const qualites = await db
    .insertInto('qualite')
    .values(academies.flatMap((a) => [{ academie_code: a, libelle: 'Correcteur' }, { academie_code: a, libelle: 'Interrogateur' }]))
    .returning(['id', 'academie_code'])
    .execute();

  // The missions: dates (one to three days), a commission on one in three, a jury on one in four.
  const TYPES = ['CORCOP', 'INTORA', 'JURY'] as const;
  const missions = new Map<string, number[]>();
  for (const [k, a] of academies.entries()) {
    const rows = await db
      .insertInto('mission')
      .values(
        Array.from({ length: MISSIONS_PAR_ACADEMIE }, (_, i) => ({
          academie_code: a,
          numero: [110_000, 170_000, 190_000][k]! + i,
          session_examen_id: sessions[i % 2]!.id,
          specialite_id: i % 2 === 0 ? specialite.id : null,
          epreuve_option_id: i % 2 === 0 ? epreuve.id : null,
          type_mission: TYPES[i % 3]!,
          centre_id: centres.get(a)![i % 20]!,
          observation_defaut: i % 5 === 0 ? 'Veuillez vous présenter à l’accueil à votre arrivée.' : '',
        })),
      )
      .returning('id')
      .execute();
    missions.set(a, rows.map((r) => r.id));
  }
  const toutes = [...missions.values()].flat();
  await parLots(
    toutes.flatMap((m, i) => Array.from({ length: 1 + (i % 3) }, (_, j) => ({ mission_id: m, jour: `${annee}-06-${p2(10 + ((i + j) % 18))}`, heure_debut: '08:00', heure_fin: '12:00' }))),
    (lot) => db.insertInto('mission_date').values(lot).execute(),
  );
  const commissions = await db
    .insertInto('commission')
    .values(toutes.filter((_, i) => i % 3 === 1).map((m) => ({ mission_id: m, code: 'C1', nb_candidats: 20 })))
    .returning(['id', 'mission_id'])
    .execute();
  await db.insertInto('commission_date').values(commissions.map((c, i) => ({ commission_id: c.id, jour: `${annee}-06-${p2(12 + (i % 10))}`, heure_debut: '14:00', heure_fin: '18:00' }))).execute();
  const commissionDe = new Map(commissions.map((c) => [c.mission_id, c.id]));
  const jurys = await db
    .insertInto('mission_jury')
    .values(toutes.filter((_, i) => i % 4 === 0).map((m) => ({ mission_id: m, code: 'J1', libelle: 'Jury 1' })))
    .returning(['id', 'mission_id'])
    .execute();
  const juryDe = new Map(jurys.map((j) => [j.mission_id, j.id]));

  // The intervenant and his account; the other persons.
  const personnes = await db
    .insertInto('personne')
    .values([
      { academie_code: '14', civilite: 'M.' as const, nom: 'BENCH', prenom: 'Paul', adresse: '1 RUE DU BANC', code_postal: '35000', commune: 'RENNES' },
      ...Array.from({ length: AUTRES_PERSONNES }, (_, i) => ({ academie_code: academies[i % 3]!, civilite: (i % 2 ? 'M.' : 'Mme') as 'M.' | 'Mme', nom: `AUTRE-${i}`, prenom: 'Test' })),
    ])
    .returning('id')
    .execute();
  const personneId = personnes[0]!.id;
  const compte = await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), type: 'intervenant', personne_id: personneId, email: 'paul.bench@example.org', mot_de_passe_temporaire: false }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'intervenant', academie_code: '14', personne_id: personneId }).execute();

  const ligne = (a: string, m: number, p: number, i: number, statut: 'convoquee' | 'affectee') => ({
    academie_code: a,
    mission_id: m,
    personne_id: p,
    statut,
    origine: 'gestionnaire' as const,
    qualite_id: qualites.find((q) => q.academie_code === a && (i % 2 === 0) === (q.id % 2 === 0))?.id ?? null,
    commission_id: i % 2 === 0 ? (commissionDe.get(m) ?? null) : null,
    jury_id: juryDe.get(m) ?? null,
    observation: i % 7 === 0 ? 'Apportez votre convocation.' : '',
  });
  const siennes: Array<ReturnType<typeof ligne>> = [];
  for (const a of academies) {
    const ms = missions.get(a)!;
    for (let i = 0; i < REPARTITION[a]; i++) siennes.push(ligne(a, ms[i]!, personneId, i, 'convoquee'));
  }
  const rennes = missions.get('14')!;
  for (let i = 0; i < AFFECTEES; i++) siennes.push(ligne('14', rennes[REPARTITION['14'] + i]!, personneId, i, 'affectee'));
  const inserees = await db.insertInto('convocation').values(siennes).returning(['id', 'academie_code', 'statut']).execute();
  // His own dates on one convocation in ten (a partial affectation).
  await db
    .insertInto('convocation_date')
    .values(inserees.filter((_, i) => i % 10 === 3).map((c) => ({ convocation_id: c.id, jour: `${annee}-06-20`, heure_debut: '09:00', heure_fin: '11:00' })))
    .execute();
  await parLots(
    Array.from({ length: AUTRES_CONVOCATIONS }, (_, i) => {
      // Within an académie, the j-th: mission j mod 150, round r = j div 150, a different person at each round.
      const a = academies[i % 3]!;
      const ms = missions.get(a)!;
      const j = Math.floor(i / 3);
      const m = j % ms.length;
      const r = Math.floor(j / ms.length);
      return ligne(a, ms[m]!, personnes[1 + ((m + r * 151) % AUTRES_PERSONNES)]!.id, i, 'convoquee');
    }),
    (lot) => db.insertInto('convocation').values(lot).execute(),
  );
  const convocations = { '14': [] as number[], '17': [] as number[], '16': [] as number[] };
  for (const c of inserees) if (c.statut === 'convoquee') convocations[c.academie_code as keyof typeof convocations].push(c.id);
  // SANTORIN states (issue 15, portal): the mission's on every CORCOP mission, his own on one in five of his.
  const corcop = await db.selectFrom('mission').select(['id', 'academie_code']).where('type_mission', '=', 'CORCOP').execute();
  await db.insertInto('santorin_etat').values(corcop.map((m, i) => ({ academie_code: m.academie_code, mission_id: m.id, personne_id: null, etat: i % 2 ? ('a_corriger' as const) : ('a_numeriser' as const) }))).execute();
  const siennesCorcop = await db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .select(['c.mission_id', 'm.academie_code'])
    .where('c.personne_id', '=', personneId)
    .where('c.statut', '=', 'convoquee')
    .where('m.type_mission', '=', 'CORCOP')
    .execute();
  await db
    .insertInto('santorin_etat')
    .values(siennesCorcop.filter((_, i) => i % 5 === 0).map((c) => ({ academie_code: c.academie_code, mission_id: c.mission_id, personne_id: personneId, etat: 'service_fait' as const })))
    .execute();
  return { personneId, convocations, portail: siennesCorcop.length };
}

// PGlite, or a PostgreSQL database of its own for the run (BENCH_DATABASE_URL), removed at the end.
const baseBanc = await baseDuBanc('intervenant');
const { dataDir, urlBench } = baseBanc;
const serveur = process.env.BENCH_DATABASE_URL;
const database = await openDatabase({ dataDir, databaseUrl: urlBench });
try {
  await migrateToLatest(database.db);
  const donnees = await construire(database.db);
  // As in production, where statistics are kept up to date (PGlite runs no autovacuum).
  await sql`analyze`.execute(database.db);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 5 });
  try {
    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-intervenant', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const charge = loadavg().map((x) => Math.round(x * 10) / 10);

    const resultats: Record<string, { p50Ms: number; p95Ms: number; maxMs: number; cpuMs: number; cpuP95Ms: number; premierMs: number; octets: number; cibleMs: number; ok: boolean }> = {};
    for (const c of CAS) {
      const temps: number[] = [];
      const cpu: number[] = [];
      let premier = 0;
      let octets = 0;
      for (let i = 0; i < ESSAIS + 1; i++) {
        const t = performance.now();
        const u = process.cpuUsage();
        const r = await platform.app.inject({ method: 'GET', url: c.url(donnees), headers: { cookie } });
        const ms = performance.now() - t;
        const du = process.cpuUsage(u);
        if (r.statusCode !== 200) throw new Error(`${c.nom} : ${r.statusCode} ${r.body.slice(0, 300)}`);
        if (i === 0) {
          c.verifier(r.json(), donnees);
          premier = Math.round(ms * 10) / 10;
          octets = r.rawPayload.length;
        } else {
          temps.push(ms);
          cpu.push((du.user + du.system) / 1000);
        }
      }
      const p95 = rang(temps, 0.95);
      resultats[c.nom] = { p50Ms: rang(temps, 0.5), p95Ms: p95, maxMs: rang(temps, 1), cpuMs: rang(cpu, 0.5), cpuP95Ms: rang(cpu, 0.95), premierMs: premier, octets, cibleMs: c.cibleMs, ok: p95 < c.cibleMs };
      log(`${c.nom} : p50 ${resultats[c.nom]!.p50Ms} ms, p95 ${p95} ms (cible ${c.cibleMs} ms), CPU ${resultats[c.nom]!.cpuMs} ms, premier appel ${premier} ms, ${octets} octets`);
    }
    const ok = Object.values(resultats).every((r) => r.ok);
    console.log(
      JSON.stringify({
        name: 'imagin-intervenant',
        base: serveur ? 'postgresql' : 'pglite',
        essais: ESSAIS,
        // A loaded machine stretches the wall time, hardly the CPU time (PGlite runs in-process): both are reported.
        machine: { processeurs: cpus().length, chargeAvant: charge, chargeApres: loadavg().map((x) => Math.round(x * 10) / 10) },
        intervenant: { convocations: Object.values(donnees.convocations).flat().length, parAcademie: Object.fromEntries(Object.entries(donnees.convocations).map(([k, v]) => [k, v.length])), affectees: AFFECTEES },
        autres: { personnes: AUTRES_PERSONNES, convocations: AUTRES_CONVOCATIONS },
        resultats,
        ok,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
