// npm run cluster refuses what it cannot serve, in French, before starting anything (decision 0024).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'cluster.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'cluster-refus-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function lancer(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _, ...reste } = process.env;
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...reste, DATA_DIR: dataDir, ...env }, timeout: 30_000 });
}

describe('npm run cluster', () => {
  it('refuse la base embarquée PGlite : sans DATABASE_URL, il dit quoi définir et renvoie à npm start', () => {
    const r = lancer(['2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run cluster demande une base PostgreSQL partagée : définissez DATABASE_URL');
    expect(r.stderr).toContain("n'appartient qu'à un seul processus : utilisez alors npm start");
  });

  it('refuse un nombre de processus incorrect en le nommant', () => {
    const r = lancer(['deux'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/inutile' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('N, le nombre de processus, est un entier entre 1 et 32 (reçu « deux »)');
    expect(lancer(['0']).stderr).toContain('(reçu « 0 »)');
  });
});
