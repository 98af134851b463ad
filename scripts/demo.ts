// npm run demo -- --scale N — migrates the configured database and loads the demo data set
// (src/server/demo). Scale 1 (default): a few dozen établissements; 100: an académie's size.
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { chargerDemo, ECHELLE_MAX } from '../src/server/demo/demo.ts';
import { openStore } from '../src/server/platform/documents/store.ts';

function lireEchelle(): number {
  let valeur: string | undefined;
  try {
    ({ values: { scale: valeur } } = parseArgs({ options: { scale: { type: 'string', short: 's' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage : npm run demo -- --scale N   (N entre 1 et ${ECHELLE_MAX}, 1 par défaut)`);
    process.exit(2);
  }
  const echelle = valeur === undefined ? 1 : Number(valeur);
  if (!Number.isFinite(echelle) || echelle <= 0 || echelle > ECHELLE_MAX) {
    console.error(`Échelle invalide « ${valeur} » : indiquez un nombre strictement positif, au plus ${ECHELLE_MAX} (1 = petite, 100 = taille d'une académie).`);
    process.exit(2);
  }
  return echelle;
}

const echelle = lireEchelle();
const config = loadConfigOrExit();

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const appliquees = await migrateToLatest(database.db);
  if (appliquees.length) console.log(`Migrations appliquées : ${appliquees.join(', ')}`);
  const debut = performance.now();
  const r = await chargerDemo(database.db, { scale: echelle, log: (m) => console.log('  ' + m), store: openStore(config.documents) });
  const secondes = (performance.now() - debut) / 1000;
  if (r.dejaPresente) {
    console.log('Pour repartir de zéro, supprimez le répertoire de données (DATA_DIR) ou la base PostgreSQL, puis relancez.');
  } else {
    const n = (x: number) => x.toLocaleString('fr-FR');
    console.log(`\nDonnées de démonstration chargées (échelle ${echelle}) en ${secondes.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s :`);
    console.log(`  ${n(r.academies)} académies, ${n(r.etablissements)} établissements`);
    console.log(`  ${n(r.personnes)} personnes, ${n(r.affectations)} affectations en établissement, ${n(r.enseignements)} enseignements`);
    console.log(`  ${n(r.examens)} examens, ${n(r.sessions)} sessions, ${n(r.specialites)} spécialités, ${n(r.epreuves)} épreuves-options`);
    console.log(`  ${n(r.comptes)} comptes (dont les comptes de démonstration), ${n(r.messagesAccueil)} messages d'accueil`);
    console.log(`  IMAG'IN : ${n(r.missions)} missions, ${n(r.convocations)} convocations, ${n(r.indisponibilites)} indisponibilités, ${n(r.competences)} compétences`);
    console.log(`Base : ${database.kind === 'pglite' ? `PGlite dans ${config.dataDir}` : 'PostgreSQL'}`);
    console.log('Comptes de démonstration : npm run -s demo:accounts');
  }
} finally {
  await database.close();
}
