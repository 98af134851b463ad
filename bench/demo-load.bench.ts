// Benchmark: loads the demo at scale 100 (about 8,000 intervenants in Rennes, 22,000 in all) into a
// fresh PGlite database in a temporary directory. Run with `node bench/demo-load.bench.ts`;
// prints one JSON line on stdout, progress on stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chargerDemo } from '../src/server/demo/demo.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';

const ECHELLE = 100;
const dataDir = mkdtempSync(join(tmpdir(), 'bench-demo-'));
const database = await openDatabase({ dataDir });
try {
  await migrateToLatest(database.db);
  const debut = performance.now();
  const rapport = await chargerDemo(database.db, { scale: ECHELLE, log: (m) => console.error(m) });
  const seconds = (performance.now() - debut) / 1000;
  console.log(
    JSON.stringify({
      name: 'demo-load-scale-100',
      seconds: Math.round(seconds * 100) / 100,
      personnes: rapport.personnes,
      etablissements: rapport.etablissements,
      enseignements: rapport.enseignements,
      comptes: rapport.comptes,
    }),
  );
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
