// Benchmark of the établissement service (issue 4): an établissement of 300 personnels with five years
// of missions; server time (fastify inject, whole body received) of the personnels list and of each
// export. Targets: the list and each export under 300 ms, the "personnels et leurs missions" PDFs
// under 2 s. Run with `node bench/imagin-etablissement.bench.ts`; one JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { ANNEES, construireEtablissement, LOGIN, MOT_DE_PASSE, PERSONNELS } from './imagin-etablissement.donnees.ts';

const ESSAIS = 5;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-imagin-'));
const database = await openDatabase({ dataDir });
utiliserHachageRapide(true);
const log = (m: string) => console.error(m);

try {
  await migrateToLatest(database.db);
  const db = database.db;
  const donnees = await construireEtablissement(db, log);
  // As in production, where statistics are kept up to date (PGlite runs no autovacuum).
  await sql`analyze`.execute(db);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 5 });
  try {
    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-etablissement', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = cx.json().session.csrfToken as string;
    const ids = donnees.personnes;

    // BENCH_SEUL=PDF measures only the labels containing "PDF" (while working on one export).
    const seul = process.env.BENCH_SEUL;
    async function mesurer(nom: string, requete: { method: 'GET' | 'POST'; url: string; payload?: unknown }) {
      if (seul && !nom.includes(seul)) return { ms: 0, max: 0, octets: 0, ignore: true };
      const temps: number[] = [];
      let octets = 0;
      for (let i = 0; i < ESSAIS + 1; i++) {
        const t = performance.now();
        const r = await platform.app.inject({ ...requete, headers: { cookie, 'x-csrf-token': csrf }, payload: requete.payload as any });
        const ms = performance.now() - t;
        if (r.statusCode !== 200) throw new Error(`${nom} : ${r.statusCode} ${r.body.slice(0, 300)}`);
        octets = r.rawPayload.length;
        if (i > 0) temps.push(ms); // the first call warms up
      }
      temps.sort((a, b) => a - b);
      const mediane = Math.round(temps[Math.floor(temps.length / 2)]! * 10) / 10;
      log(`${nom} : ${mediane} ms (médiane de ${ESSAIS}), ${octets} octets`);
      return { ms: mediane, max: Math.round(temps.at(-1)! * 10) / 10, octets, ignore: false };
    }
    const exporter = (contenu: string, format: string) => ({ method: 'POST' as const, url: '/api/etablissement/consultation/exports', payload: { contenu, format, ids, annees: ANNEES } });
    const resultats = {
      liste: await mesurer('Liste des personnels', { method: 'GET', url: '/api/etablissement/consultation/personnels' }),
      listeDisponibilite: await mesurer('Liste filtrée (disponibilité)', { method: 'GET', url: '/api/etablissement/consultation/personnels?filtre=disponibilite&du=01/03/2026&au=04/03/2026' }),
      listeConvocation: await mesurer('Liste filtrée (convocation)', { method: 'GET', url: '/api/etablissement/consultation/personnels?filtre=convocation&du=01/06/2026&au=30/06/2026' }),
      personnelsCsv: await mesurer('Personnels CSV', exporter('personnels', 'csv')),
      personnelsPdf: await mesurer('Personnels PDF', exporter('personnels', 'pdf')),
      enseignementsCsv: await mesurer('Personnels et enseignements CSV', exporter('enseignements', 'csv')),
      enseignementsPdf: await mesurer('Personnels et enseignements PDF', exporter('enseignements', 'pdf')),
      missionsCsv: await mesurer('Personnels et missions CSV', exporter('missions', 'csv')),
      missionsPdf: await mesurer('Personnels et missions PDF', exporter('missions', 'pdf')),
      missionsDetailleesPdf: await mesurer('Personnels et missions PDF (liste détaillée)', exporter('missions-detaillees', 'pdf')),
    };
    const cibles: Record<keyof typeof resultats, number> = {
      liste: 300,
      listeDisponibilite: 300,
      listeConvocation: 300,
      personnelsCsv: 300,
      personnelsPdf: 300,
      enseignementsCsv: 300,
      enseignementsPdf: 300,
      missionsCsv: 300,
      missionsPdf: 2000,
      missionsDetailleesPdf: 2000,
    };
    const ok = (Object.keys(cibles) as Array<keyof typeof resultats>).every((k) => resultats[k].ignore || resultats[k].ms < cibles[k]);
    console.log(
      JSON.stringify({
        name: 'imagin-etablissement',
        personnels: PERSONNELS,
        annees: ANNEES.length,
        convocations: donnees.convocations,
        missions: donnees.missions,
        resultats,
        ciblesMs: cibles,
        ok,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
