// The database of one benchmark run: the embedded PGlite in a temporary directory, or, when
// BENCH_DATABASE_URL names a PostgreSQL server, a database of its own created on it for the run.
// `nettoyer` removes both at the end (the database dropped even if connections remain).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BaseDuBanc {
  /** A temporary DATA_DIR (PGlite's data, documents, secrets). */
  dataDir: string;
  /** The run's PostgreSQL database, when BENCH_DATABASE_URL is set. */
  urlBench: string | undefined;
  /** Its name (to find its backends in pg_stat_activity). */
  nomBase: string | undefined;
  nettoyer(): Promise<void>;
}

async function executer(url: string, requete: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(requete);
  } finally {
    await admin.end();
  }
}

/** `nom`: a short name of the bench (letters and underscores), part of the directory and database names. */
export async function baseDuBanc(nom: string): Promise<BaseDuBanc> {
  const serveur = process.env.BENCH_DATABASE_URL;
  let urlBench: string | undefined;
  let nomBase: string | undefined;
  if (serveur) {
    nomBase = `bench_${nom}_${randomBytes(4).toString('hex')}`;
    await executer(serveur, `create database ${nomBase}`);
    const u = new URL(serveur);
    u.pathname = '/' + nomBase;
    urlBench = u.toString();
  }
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${nom.replace(/_/g, '-')}-`));
  return {
    dataDir,
    urlBench,
    nomBase,
    nettoyer: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (serveur && nomBase) await executer(serveur, `drop database if exists ${nomBase} with (force)`);
    },
  };
}
