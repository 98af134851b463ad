// npm run db:migrate — applies every pending migration to the configured database.
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';

const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base de données à jour.');
} finally {
  await database.close();
}
