// npm start: builds what needs building, migrates, loads the demo data into an empty database,
// serves API and web on PORT, prints the URL and the demo accounts.
import { avertirAuDemarrage, loadConfigOrExit } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { ecouterSauvegardes } from '../src/server/platform/db/sauvegarde.ts';
import { chargerDemo, comptesDemo, demoPresente } from '../src/server/demo/demo.ts';
import { openStore } from '../src/server/platform/documents/store.ts';
import { fermerAuSignal, startPlatform } from '../src/server/server.ts';
import { construireWeb } from './build-web.ts';

const config = loadConfigOrExit();
// PUBLIC_URL unset: the documents (jury access slips, candidate accounts, e-mail links) would carry
// http://localhost:… — said now, and again under the banner.
const avertissements = avertirAuDemarrage(config);

construireWeb();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(database.db);
if (!(await demoPresente(database.db))) {
  console.log('Base vide : chargement des données de démonstration (échelle 1)…');
  await chargerDemo(database.db, { scale: 1, log: (m) => console.log('  ' + m), store: openStore(config.documents) });
}
const platform = await startPlatform(config, { database });
await platform.app.listen({ port: config.port, host: config.host });
// `npm run backup` asks this process for a consistent copy of the embedded database (issue 18 §9).
const sauvegardes = database.pglite ? await ecouterSauvegardes(database.pglite, config.dataDir, (m) => console.log(m)) : null;

const comptes = comptesDemo();
const largeur = (k: keyof (typeof comptes)[number]) => Math.max(...comptes.map((c) => String(c[k]).length), 8);
const ligne = (c: Record<string, unknown>) =>
  `  ${String(c.role).padEnd(largeur('role'))}  ${String(c.service).padEnd(largeur('service'))}  ${String(c.login).padEnd(largeur('login'))}  ${String(c.motDePasse).padEnd(largeur('motDePasse'))}  ${c.portee}`;
console.log(`\nPlateforme IMAG'IN / CYCLADES démarrée : ${config.publicUrl}  (base : ${database.kind === 'pglite' ? `PGlite dans ${config.dataDir}` : 'PostgreSQL'})`);
console.log(`Messages électroniques : ${config.smtpUrl ? 'envoyés par SMTP' : "conservés dans la boîte d'envoi (compte administrateur)"}\n`);
for (const a of avertissements) console.warn(`ATTENTION : ${a}\n`);
console.log('Comptes de démonstration :');
console.log(ligne({ role: 'rôle', service: 'service', login: 'identifiant', motDePasse: 'mot de passe', portee: 'périmètre' }));
for (const c of comptes) console.log(ligne(c));
console.log('');

fermerAuSignal(async (delaiMs) => {
  sauvegardes?.close();
  await platform.arreter(delaiMs);
  await database.close();
});
