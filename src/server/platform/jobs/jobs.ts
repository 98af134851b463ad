// Jobs on pg-boss, over PostgreSQL or embedded PGlite. Each job has a name, a payload and a handler;
// sending a job with no handler is refused. Jobs are sent inside the caller's transaction, so a
// treatment or a mail is queued if and only if the change that asks for it is committed.
import { hostname } from 'node:os';
import type { Transaction } from 'kysely';
import { PgBoss, fromKysely, fromPglite } from 'pg-boss';
import type { Database, Db } from '../db/database.ts';
import type { DB } from '../db/tables.ts';
import { verifierHorsTransaction } from '../db/garde-transaction.ts';

export interface JobDef<P extends object = Record<string, unknown>> {
  name: string;
  handler: (payload: P, ctx: { jobId: string; tentative: number }) => Promise<void>;
  /** Retries after the first try (a crash or restart counts as a failure, detected by heartbeat). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay at each retry (true by default). */
  retryBackoff?: boolean;
  /** Queue that receives a copy of the job once its retries are exhausted, whatever the cause (crash included). */
  deadLetter?: string;
  /** How many jobs of this queue one process runs at once. */
  concurrency?: number;
  /** Runs the job on this cron schedule (Europe/Paris time), once across all processes. */
  cron?: string;
}

export interface JobsOptions {
  /** Run workers in this process (several processes may run them; each job runs once). */
  work: boolean;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for due cron occurrences (30 s; tests of the schedules use 1). */
  cronMonitorIntervalSeconds?: number;
  logger?: { error: (o: object, msg: string) => void; warn: (o: object, msg: string) => void };
}

export const SCHEMA = 'pgboss';
export const SERVER_NAME = hostname();

export class Jobs {
  readonly #boss: PgBoss;
  readonly #defs = new Map<string, JobDef<any>>();
  #started = false;
  #lastError: string | null = null;
  #errorsSinceLog = 0;
  #lastLog = 0;

  private constructor(boss: PgBoss) {
    this.#boss = boss;
  }

  static async start(database: Database, defs: JobDef<any>[], options: JobsOptions): Promise<Jobs> {
    const horloge = options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {};
    const boss =
      database.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: SCHEMA, schedule: options.work, ...horloge })
        : new PgBoss({ connectionString: database.url!, schema: SCHEMA, max: 4, schedule: options.work, ...horloge });
    const jobs = new Jobs(boss);
    boss.on('error', (err) => {
      jobs.#lastError = messageErreur(err);
      // During a database outage pg-boss fails at every poll: one line at first, then one summary per
      // 30 s at most, instead of hundreds.
      jobs.#errorsSinceLog++;
      const now = Date.now();
      if (now - jobs.#lastLog >= 30_000) {
        options.logger?.error({ err, erreurs: jobs.#errorsSinceLog }, 'Erreur du moteur de traitements');
        jobs.#lastLog = now;
        jobs.#errorsSinceLog = 0;
      }
    });
    await boss.start();
    for (const def of defs) {
      if (jobs.#defs.has(def.name)) throw new Error(`Traitement déclaré deux fois : ${def.name}`);
      jobs.#defs.set(def.name, def);
      await boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 3,
        retryDelay: def.retryDelaySeconds ?? 5,
        retryBackoff: def.retryBackoff ?? true,
        ...(def.deadLetter ? { deadLetter: def.deadLetter } : {}),
        heartbeatSeconds: 30,
        expireInSeconds: 3600,
      });
      if (def.cron && options.work) await boss.schedule(def.name, def.cron, {}, { tz: 'Europe/Paris' });
    }
    if (options.work) {
      for (const def of defs) {
        await boss.work<Record<string, unknown>>(
          def.name,
          {
            batchSize: 1,
            localConcurrency: def.concurrency ?? 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
            includeMetadata: true,
          },
          async ([job]) => {
            if (!job) return;
            await def.handler(job.data as object, { jobId: job.id, tentative: job.retryCount + 1 });
          },
        );
      }
    }
    jobs.#started = true;
    return jobs;
  }

  /**
   * Queues a job. Pass the current transaction so that the job exists only if it commits; the
   * singleton key makes a second send of the same work a no-op.
   */
  async send(
    trx: Transaction<DB> | Db | null,
    name: string,
    payload: object,
    opts: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<string | null> {
    if (!this.#defs.has(name)) throw new Error(`Aucun gestionnaire pour le traitement « ${name} »`);
    // Without the transaction, pg-boss would use its own connection (PGlite: the one the transaction holds).
    if (!trx || !(trx as Transaction<DB>).isTransaction) verifierHorsTransaction(`jobs.send(${name}) sans la transaction`);
    return this.#boss.send(name, payload, {
      singletonKey: opts.singletonKey,
      startAfter: opts.startAfterSeconds,
      ...(trx ? { db: fromKysely(trx as Transaction<DB>) } : {}),
    });
  }

  /**
   * The engine's state. A recorded error is checked again (one query on pg-boss's tables): once the
   * database answers, it is cleared — an outage must not keep the process out of rotation for good.
   */
  async status(): Promise<{ etat: 'ok' | 'arrete' | 'erreur'; message?: string }> {
    if (!this.#started) return { etat: 'arrete' };
    if (this.#lastError) {
      try {
        await this.#boss.getQueues();
        this.#lastError = null;
        this.#errorsSinceLog = 0;
      } catch (err) {
        return { etat: 'erreur', message: messageErreur(err) };
      }
    }
    return { etat: 'ok' };
  }

  /** Records an engine error as pg-boss's 'error' event does (tests). */
  signalerErreur(err: unknown): void {
    this.#boss.emit('error', err as Error);
  }

  /** Counts of jobs per state, for health and tests. */
  async counts(name: string): Promise<{ queued: number; active: number; total: number }> {
    const q = await this.#boss.getQueue(name);
    return { queued: q?.queuedCount ?? 0, active: q?.activeCount ?? 0, total: q?.totalCount ?? 0 };
  }

  get boss(): PgBoss {
    return this.#boss;
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, timeout: 5000, close: true });
  }
}

/** A readable message from whatever pg-boss or the driver threw (an Error, an event object, a string). */
export function messageErreur(err: unknown): string {
  if (err instanceof Error) return err.message || err.name || 'Erreur';
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object') {
    const o = err as { message?: unknown; code?: unknown; error?: unknown };
    if (typeof o.message === 'string' && o.message) return o.message;
    if (o.error) return messageErreur(o.error);
    if (typeof o.code === 'string') return o.code;
    try {
      return JSON.stringify(err).slice(0, 200);
    } catch {
      return 'Erreur';
    }
  }
  return String(err);
}
