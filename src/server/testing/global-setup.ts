// Builds, once per test run, a migrated database that every test copies: a PGlite data directory
// dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPglite, kyselyOnPglite } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { Jobs } from '../platform/jobs/jobs.ts';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `tmpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const u = new URL(url);
    u.pathname = '/' + template;
    const database = await openDatabase({ databaseUrl: u.toString(), dataDir: tmpdir() });
    await migrateToLatest(database.db);
    const jobs = await Jobs.start(database, [], { work: false });
    await jobs.stop();
    await database.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const pglite = await openPglite({});
  const db = kyselyOnPglite(pglite);
  await migrateToLatest(db);
  const jobs = await Jobs.start({ db, kind: 'pglite', pglite, close: async () => {} }, [], { work: false });
  await jobs.stop();
  const dump = await pglite.dumpDataDir('none');
  const dir = mkdtempSync(join(tmpdir(), 'pgtmpl-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('dbTemplate', { kind: 'pglite', file });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string };
  }
}
