// Production entry point: validated configuration, migrations, jobs, HTTP.
import { avertirAuDemarrage, loadConfigOrExit } from './platform/config.ts';
import { ecouterSauvegardes } from './platform/db/sauvegarde.ts';
import { fermerAuSignal, startPlatform } from './server.ts';

const config = loadConfigOrExit();
avertirAuDemarrage(config);
const platform = await startPlatform(config);
await platform.app.listen({ port: config.port, host: config.host });
console.log(`Plateforme démarrée sur ${config.publicUrl} (base : ${platform.ctx.database.kind})`);
// `npm run backup` asks this process for a consistent copy of the embedded database (issue 18 §9).
const pglite = platform.ctx.database.pglite;
const sauvegardes = pglite ? await ecouterSauvegardes(pglite, config.dataDir, (m) => console.log(m)) : null;

fermerAuSignal((delaiMs) => {
  sauvegardes?.close();
  return platform.arreter(delaiMs);
});
