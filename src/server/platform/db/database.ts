// One Kysely instance over either embedded PGlite (default, under DATA_DIR) or a PostgreSQL server
// (DATABASE_URL). Same migrations, same SQL; only the driver differs.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { garderTransactions } from './garde-transaction.ts';
import { preparerRequetesMarquees } from './requetes-preparees.ts';
import type { DB } from './tables.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, when running on PGlite (pg-boss needs it). */
  pglite?: PGlite;
  /** The connection string, when running on a PostgreSQL server. */
  url?: string;
  /** The connection pool, when running on a PostgreSQL server (its usage is a metric). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 and numeric come back as JavaScript numbers, dates as 'YYYY-MM-DD' strings, on both drivers,
// so that the code above never depends on which one runs.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => (v === null ? v : Number(v));
const identity = (v: string) => v;

let pgParsersSet = false;
function setPgParsers() {
  if (pgParsersSet) return;
  pg.types.setTypeParser(INT8, toNumber);
  pg.types.setTypeParser(NUMERIC, toNumber);
  pg.types.setTypeParser(DATE, identity);
  pgParsersSet = true;
}

export const pgliteParsers = { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: identity };

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File }): Promise<PGlite> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
  });
  return pglite;
}

export function kyselyOnPglite(pglite: PGlite): Db {
  return garderTransactions(new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) }));
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    setPgParsers();
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection cut by the server (restart, failover) must not crash the process: the pool
    // drops it and the next query opens a new one.
    pool.on('error', (err) => {
      if (!(pool as pg.Pool & { ended?: boolean }).ended) console.warn(`Connexion PostgreSQL interrompue : ${err.message}`);
    });
    // The queries marked `preparee()` (session, « Mes résultats ») are planned once per connection (decision 0025).
    preparerRequetesMarquees(pool);
    const db = garderTransactions(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
    await sql`select 1`.execute(db);
    return {
      db,
      kind: 'postgres',
      url: opts.databaseUrl,
      pool,
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pglite = await openPglite({ dataDir: opts.dataDir + '/pgdata' });
  const db = kyselyOnPglite(pglite);
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
