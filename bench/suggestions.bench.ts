// Benchmark of « Proposer des intervenants » (issue 17 §4): a mission of the académie de Rennes among
// 8,000 intervenants (200 établissements in the demo communes, a quarter with a compétence on the
// épreuve, 1,000 unavailable on the mission's dates, 1,000 convoked on another mission the same day,
// 3,000 with other convocations in the session). Server time (fastify inject, whole body received) of
// GET /api/gestion/missions/:id/propositions: median of 10 calls after a first one; target < 300 ms.
// Run with `node bench/suggestions.bench.ts` (or `npm run bench -- suggestions`); one JSON line on stdout.
// BENCH_DATABASE_URL: on PostgreSQL instead of PGlite (bench/support/base.ts).
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { fixtureImagin } from '../src/server/imagin-etablissement/fixtures.ts';
import { MOT_DE_PASSE } from '../src/server/testing/harness.ts';
import { baseDuBanc } from './support/base.ts';

const INTERVENANTS = 8000;
const ETABLISSEMENTS = 200;
const ESSAIS = 10;
const CIBLE_MS = 300;
const COMMUNES: Array<[string, string]> = [
  ['RENNES', '35000'], ['SAINT-MALO', '35400'], ['FOUGERES', '35300'], ['VITRE', '35500'], ['REDON', '35600'], ['BRUZ', '35170'],
  ['SAINT-BRIEUC', '22000'], ['LANNION', '22300'], ['DINAN', '22100'], ['BREST', '29200'], ['QUIMPER', '29000'], ['MORLAIX', '29600'],
  ['VANNES', '56000'], ['LORIENT', '56100'], ['PONTIVY', '56300'], ['INCONNUE', '35999'],
];

utiliserHachageRapide(true);
const log = (m: string) => console.error(m);
const baseBanc = await baseDuBanc('suggestions');
const database = await openDatabase({ dataDir: baseBanc.dataDir, databaseUrl: baseBanc.urlBench, poolSize: 5 });
try {
  await migrateToLatest(database.db);
  const config = loadConfig({ DATA_DIR: baseBanc.dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', ...(baseBanc.urlBench ? { DATABASE_URL: baseBanc.urlBench } : {}) });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 5 });
  try {
    const f = await fixtureImagin(platform);
    const db = database.db;
    const m1 = await db.selectFrom('mission').select(['id', 'session_examen_id', 'epreuve_option_id']).where('id', '=', f.missions.m1).executeTakeFirstOrThrow();
    log(`Données : ${INTERVENANTS} intervenants, ${ETABLISSEMENTS} établissements…`);
    const etabs = await db
      .insertInto('etablissement')
      .values(Array.from({ length: ETABLISSEMENTS }, (_, i) => {
        const [commune, cp] = COMMUNES[i % COMMUNES.length]!;
        return { uai: `0${String(900000 + i)}B`.slice(0, 7) + 'B', academie_code: '14', nom: `BANC ${i}`, type: 'LGT' as const, commune, code_postal: cp };
      }))
      .returning('id')
      .execute();
    const premierEtab = Math.min(...etabs.map((e) => e.id));
    // Persons, principal établissements, compétences, indisponibilités, convocations: set-based SQL.
    await sql`insert into personne (academie_code, civilite, nom, prenom, discipline_poste)
      select '14', 'Mme', 'BANC' || g, 'Prénom' || g, 'MATHEMATIQUES' from generate_series(1, ${INTERVENANTS}) g`.execute(db);
    await sql`insert into personne_etablissement (personne_id, etablissement_id, principal)
      select p.id, ${premierEtab}::int + (p.id % ${ETABLISSEMENTS}), true from personne p where p.nom like 'BANC%'`.execute(db);
    const k = await sql`insert into competence (personne_id, epreuve_option_id)
      select p.id, ${m1.epreuve_option_id} from personne p where p.nom like 'BANC%' and p.id % 4 = 0 returning id`.execute(db);
    await sql`insert into competence_auteur (competence_id, auteur, type_auteur, nature)
      select k.id, case when k.id % 3 = 0 then 'SYS' else '0350710G' end, case when k.id % 3 = 0 then 'SYS' else 'ETABLISSEMENT' end, 'C'
      from competence k join personne p on p.id = k.personne_id where p.nom like 'BANC%'`.execute(db);
    await sql`insert into indisponibilite (personne_id, academie_code, date_debut, date_fin, motif, source)
      select p.id, '14', '2026-06-16', '2026-06-16', 'STAGE', 'EPP' from personne p where p.nom like 'BANC%' and p.id % 8 = 1`.execute(db);
    const autre = await db.insertInto('mission').values({ academie_code: '14', numero: 199999, session_examen_id: m1.session_examen_id, specialite_id: f.specialites.bcg, epreuve_option_id: f.epreuves.oral, type_mission: 'INTORA', centre_id: f.etabs.lycee }).returning('id').executeTakeFirstOrThrow();
    const loin = await db.insertInto('mission').values({ academie_code: '14', numero: 199998, session_examen_id: m1.session_examen_id, specialite_id: f.specialites.bcg, epreuve_option_id: f.epreuves.oral, type_mission: 'INTORA', centre_id: f.etabs.lycee }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('mission_date').values([
      { mission_id: autre.id, jour: '2026-06-15', heure_debut: '09:00', heure_fin: '10:00' },
      { mission_id: loin.id, jour: '2026-06-25', heure_debut: '09:00', heure_fin: '10:00' },
    ]).execute();
    await sql`insert into convocation (academie_code, mission_id, personne_id, statut, origine)
      select '14', ${autre.id}, p.id, 'convoquee', 'gestionnaire' from personne p where p.nom like 'BANC%' and p.id % 8 = 2`.execute(db);
    await sql`insert into convocation (academie_code, mission_id, personne_id, statut, origine)
      select '14', ${loin.id}, p.id, 'convoquee', 'gestionnaire' from personne p where p.nom like 'BANC%' and p.id % 8 in (3, 4, 5)`.execute(db);
    await sql`analyze`.execute(db);

    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const temps: number[] = [];
    let premier = 0;
    let corps: { suggestions: Array<{ personneId: number; raisons: Array<{ texte: string }> }> } | null = null;
    for (let i = 0; i <= ESSAIS; i++) {
      const t = performance.now();
      const r = await platform.app.inject({ method: 'GET', url: `/api/gestion/missions/${m1.id}/propositions`, headers: { cookie } });
      const ms = performance.now() - t;
      if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 300)}`);
      corps = r.json();
      if (i === 0) premier = ms;
      else temps.push(ms);
    }
    temps.sort((a, b) => a - b);
    const mediane = Math.round(temps[Math.floor(temps.length / 2)]! * 10) / 10;
    // Checks: nobody unavailable (id % 8 in 1, 2) is proposed; the first ones have a compétence.
    const ids = corps!.suggestions.map((s) => s.personneId);
    const indisponiblesProposes = (await db.selectFrom('personne').select('id').where('nom', 'like', 'BANC%').where('id', 'in', ids.length ? ids : [0]).execute()).filter((p) => p.id % 8 === 1 || p.id % 8 === 2).length;
    const premierAvecCompetence = corps!.suggestions[0]?.raisons.some((r) => r.texte.startsWith('Compétence')) ?? false;
    const ok = mediane < CIBLE_MS && indisponiblesProposes === 0 && premierAvecCompetence;
    console.log(
      JSON.stringify({
        name: 'suggestions',
        base: baseBanc.urlBench ? 'postgresql' : 'pglite',
        intervenants: INTERVENANTS,
        etablissements: ETABLISSEMENTS,
        resultats: { medianeMs: mediane, maxMs: Math.round(temps.at(-1)! * 10) / 10, premierMs: Math.round(premier * 10) / 10, essais: ESSAIS, proposes: ids.length },
        cibleMs: CIBLE_MS,
        verifications: { indisponiblesProposes, premierAvecCompetence },
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
