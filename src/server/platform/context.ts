// What every service receives: configuration, database, jobs, clock. Built once per process
// (src/server/main.ts) or per test (src/server/testing.ts).
import type { Config } from './config.ts';
import type { Database, Db } from './db/database.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { DocumentStore } from './documents/store.ts';
import type { Arret } from './http/arret.ts';
import type { Metriques } from './metriques.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  /** Set when the process is asked to stop (SIGTERM): see platform/http/arret.ts. */
  arret?: Arret;
  /** Prometheus metrics of the process (platform/metriques.ts); absent in contexts built by hand. */
  metriques?: Metriques;
}
