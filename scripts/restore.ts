// npm run restore -- <répertoire de sauvegarde>: replaces the embedded database (DATA_DIR) by a backup
// made by `npm run backup`, after checking it; the platform must be stopped. The current database is
// kept aside (pgdata.avant-restauration-<date>).
import { resolve } from 'node:path';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { restaurer, SauvegardeError } from '../src/server/platform/db/sauvegarde.ts';

const config = loadConfigOrExit();
if (config.databaseUrl) {
  console.error('La plateforme utilise un serveur PostgreSQL (DATABASE_URL) : restaurez-le avec pg_restore (docs/operations.md).');
  process.exit(2);
}
const dossier = process.argv[2];
if (!dossier) {
  console.error('Indiquez la sauvegarde à restaurer : npm run restore -- sauvegardes/plateforme-<date>');
  process.exit(2);
}
try {
  const { ancienne, comptes } = await restaurer(resolve(dossier), config.dataDir);
  console.log(`Base restaurée depuis ${resolve(dossier)} (${comptes} comptes).`);
  if (ancienne) console.log(`La base précédente est conservée dans ${ancienne}.`);
  console.log('Démarrez la plateforme : npm start');
} catch (e) {
  console.error(e instanceof SauvegardeError ? e.message : `Restauration impossible : ${(e as Error).message}`);
  process.exit(1);
}
