// Production entry point: validated configuration, migrations, jobs, HTTP.
import { avertirAuDemarrage, loadConfigOrExit } from './platform/config.ts';
import { fermerAuSignal, startPlatform } from './server.ts';

const config = loadConfigOrExit();
avertirAuDemarrage(config);
const platform = await startPlatform(config);
await platform.app.listen({ port: config.port, host: config.host });
console.log(`Plateforme démarrée sur ${config.publicUrl} (base : ${platform.ctx.database.kind})`);

fermerAuSignal((delaiMs) => platform.arreter(delaiMs));
