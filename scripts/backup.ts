// npm run backup [-- <répertoire>]: a consistent copy of the embedded database (PGlite, DATA_DIR),
// taken from the running server when there is one, into ./sauvegardes (or the directory given).
// On PostgreSQL (DATABASE_URL), pg_dump does it: the command to use is printed (docs/operations.md).
import { resolve } from 'node:path';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { sauvegarder, SauvegardeError } from '../src/server/platform/db/sauvegarde.ts';

const config = loadConfigOrExit();
if (config.databaseUrl) {
  const u = new URL(config.databaseUrl);
  console.error('La plateforme utilise un serveur PostgreSQL (DATABASE_URL) : sauvegardez-le avec ses propres outils, par exemple');
  console.error(`  pg_dump --format=custom --file=plateforme-$(date +%F).dump "${u.protocol}//${u.username ? u.username + '@' : ''}${u.host}${u.pathname}"`);
  console.error("et, pour la restauration à un instant donné, l'archivage continu des journaux (docs/operations.md).");
  process.exit(2);
}
const destination = resolve(process.argv[2] ?? './sauvegardes');
try {
  const { dossier, manifeste } = await sauvegarder(config.dataDir, destination);
  console.log(`Sauvegarde écrite : ${dossier}`);
  console.log(`  ${manifeste.octets} octets, SHA-256 ${manifeste.sha256}, copie prise ${manifeste.source === 'serveur' ? 'auprès de la plateforme en marche' : 'dans le répertoire de données (plateforme arrêtée)'}.`);
  console.log('  Elle contient des données personnelles et la clé de chiffrement : conservez-la en lieu sûr.');
} catch (e) {
  console.error(e instanceof SauvegardeError ? e.message : `Sauvegarde impossible : ${(e as Error).message}`);
  process.exit(1);
}
