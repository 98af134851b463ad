// Assembles a running platform: database (migrated), document store, jobs, HTTP application.
// Used by main.ts in production and by the test harness.
import { resolve } from 'node:path';
import type { Config } from './platform/config.ts';
import { systemClock, type AppContext, type Clock, type Logger } from './platform/context.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openStore } from './platform/documents/store.ts';
import { buildApp } from './platform/http/app.ts';
import { Arret } from './platform/http/arret.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import { journalContextuel } from './platform/journal.ts';
import { Metriques } from './platform/metriques.ts';
import { jobDefinitions, routeModules } from './registry.ts';

export interface Platform {
  ctx: AppContext;
  app: Awaited<ReturnType<typeof buildApp>>;
  close(): Promise<void>;
  /**
   * Graceful stop: new requests get a 503 at once, the accepted ones finish (at most `delaiMs` in
   * all, then the connections are cut), then the platform closes.
   */
  arreter(delaiMs?: number): Promise<void>;
}

const consoleLogger: Logger = {
  info: (o, m) => console.log(m ?? o),
  warn: (o, m) => console.warn(m ?? o, typeof o === 'object' ? o : ''),
  error: (o, m) => console.error(m ?? o, typeof o === 'object' ? o : ''),
};

export async function startPlatform(
  config: Config,
  opts: {
    clock?: Clock;
    database?: Database;
    webRoot?: string | null;
    logger?: Logger;
    pollingIntervalSeconds?: number;
    /** Where the HTTP application's JSON log lines go (stdout by default). */
    journal?: NodeJS.WritableStream;
  } = {},
): Promise<Platform> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(database.db);
  // ctx.logger: the request's logger (reqId) during a request; otherwise the given one, or the HTTP
  // application's JSON logger once it exists (the console before).
  let base: Logger = opts.logger ?? consoleLogger;
  const ctx = {
    config,
    database,
    db: database.db,
    store: openStore(config.documents),
    clock: opts.clock ?? systemClock,
    logger: journalContextuel(() => base),
    arret: new Arret(),
    metriques: new Metriques(database),
  } as AppContext;
  ctx.jobs = await Jobs.start(database, jobDefinitions(ctx), {
    work: config.runWorkers,
    pollingIntervalSeconds: opts.pollingIntervalSeconds,
    logger: { error: (o, m) => ctx.logger.error(o, m), warn: (o, m) => ctx.logger.warn(o, m) },
  });
  const webRoot = opts.webRoot === null ? undefined : (opts.webRoot ?? resolve(import.meta.dirname, '../../dist/web'));
  const app = await buildApp(ctx, routeModules, { webRoot, journal: opts.journal });
  if (!opts.logger && config.logLevel !== 'silent') base = app.log;
  const close = async () => {
    await app.close();
    await ctx.jobs.stop();
    if (!opts.database) await database.close();
  };
  return {
    ctx,
    app,
    close,
    arreter: async (delaiMs = 10_000) => {
      const arret = ctx.arret!;
      arret.demande = true;
      const fin = Date.now() + delaiMs;
      // A short grace: what is already in the accept queue gets its 503 rather than a reset.
      await pause(Math.min(500, delaiMs / 10));
      while (arret.enCours > 0 && Date.now() < fin - 1000) await pause(25);
      // Whatever still runs past the delay is cut: the process must end.
      if (arret.enCours > 0) app.server.closeAllConnections();
      await close();
    },
  };
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Stops the platform cleanly on SIGINT / SIGTERM: requests accepted are answered, new ones get a 503,
 * jobs finish their current step, pools close; the process exits within 10 s whatever happens.
 */
export function fermerAuSignal(arreter: (delaiMs: number) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 10_000).unref();
      try {
        await arreter(8_000);
      } finally {
        process.exit(0);
      }
    });
  }
}
