// Assembles a running platform: database (migrated), document store, jobs, HTTP application.
// Used by main.ts in production and by the test harness.
import { resolve } from 'node:path';
import type { Config } from './platform/config.ts';
import { systemClock, type AppContext, type Clock, type Logger } from './platform/context.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openStore } from './platform/documents/store.ts';
import { buildApp } from './platform/http/app.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import { jobDefinitions, routeModules } from './registry.ts';

export interface Platform {
  ctx: AppContext;
  app: Awaited<ReturnType<typeof buildApp>>;
  close(): Promise<void>;
}

const consoleLogger: Logger = {
  info: (o, m) => console.log(m ?? o),
  warn: (o, m) => console.warn(m ?? o, typeof o === 'object' ? o : ''),
  error: (o, m) => console.error(m ?? o, typeof o === 'object' ? o : ''),
};

export async function startPlatform(
  config: Config,
  opts: { clock?: Clock; database?: Database; webRoot?: string | null; logger?: Logger; pollingIntervalSeconds?: number } = {},
): Promise<Platform> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(database.db);
  const ctx = {
    config,
    database,
    db: database.db,
    store: openStore(config.documents),
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? consoleLogger,
  } as AppContext;
  ctx.jobs = await Jobs.start(database, jobDefinitions(ctx), {
    work: config.runWorkers,
    pollingIntervalSeconds: opts.pollingIntervalSeconds,
    logger: { error: (o, m) => ctx.logger.error(o, m), warn: (o, m) => ctx.logger.warn(o, m) },
  });
  const webRoot = opts.webRoot === null ? undefined : (opts.webRoot ?? resolve(import.meta.dirname, '../../dist/web'));
  const app = await buildApp(ctx, routeModules, { webRoot });
  return {
    ctx,
    app,
    close: async () => {
      await app.close();
      await ctx.jobs.stop();
      if (!opts.database) await database.close();
    },
  };
}

/** Closes the platform cleanly on SIGINT / SIGTERM (jobs finish their current step, pools close). */
export function fermerAuSignal(close: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await close();
      process.exit(0);
    });
  }
}
