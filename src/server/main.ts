// Production entry point: validated configuration, migrations, jobs, HTTP.
import { ConfigError, loadConfig } from './platform/config.ts';
import { startPlatform } from './server.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const platform = await startPlatform(config);
await platform.app.listen({ port: config.port, host: config.host });
console.log(`Plateforme démarrée sur ${config.publicUrl} (base : ${platform.ctx.database.kind})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await platform.close();
    process.exit(0);
  });
}
