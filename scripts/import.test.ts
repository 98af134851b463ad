// npm run import (issue 17, decision 0034): every kind from the command line on the demo's base — the
// file full of errors of docs/imports (each rejected line printed with its number, column and reason,
// exit code 1, nothing applied), then the demo's own personnels file applied « tout ou rien »: every
// line unchanged, exit code 0.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genererDemo } from '../src/server/demo/generateur.ts';
import { fichiersDemo } from '../src/server/demo/par-les-imports.ts';

const racine = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A script of scripts/ on the embedded database of dataDir. */
function lancer(script: string, args: string[]) {
  const { DATABASE_URL: _, ...reste } = process.env;
  return spawnSync(process.execPath, [join(racine, 'scripts', script), ...args], {
    encoding: 'utf8',
    env: { ...reste, DATA_DIR: dataDir, DOCUMENT_DIR: join(dataDir, 'documents'), LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
}

beforeAll(() => {
  const r = lancer('demo.ts', []);
  expect(r.status, r.stderr).toBe(0);
}, 180_000);

describe('npm run import, en ligne de commande, sur la base de démonstration', () => {
  it.each(['personnels', 'indisponibilites', 'enseignements', 'inscriptions', 'santorin-comptages', 'cyclades-icc'])(
    '%s : le fichier plein d’erreurs, en aperçu, dit chaque ligne rejetée et n’applique rien',
    (genre) => {
      const fichier = join(dataDir, `${genre}-erreurs.csv`);
      copyFileSync(join(racine, 'docs/imports/exemples', `${genre}-erreurs.csv`), fichier);
      const r = lancer('import.ts', [genre, '14', fichier, '--apercu']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/Ligne rejetée — Ligne \d+, [A-Z_]+ : /);
      expect(r.stdout).toMatch(/Aperçu \(rien n'a été appliqué\) : .* [1-9]\d* ligne\(s\) rejetée\(s\)\./);
      expect(r.stdout).toContain("Aperçu seulement : rien n'a été appliqué.");
    },
    60_000,
  );

  it('le fichier des personnels de la démonstration, appliqué tout ou rien : chaque ligne inchangée', async () => {
    const fichier = join(dataDir, 'personnels-demo.csv');
    writeFileSync(fichier, await text(fichiersDemo(genererDemo(1), '14').personnels() as any));
    const r = lancer('import.ts', ['personnels', '14', fichier, '--mode=tout-ou-rien']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Bilan : 0 personne\(s\) ajouté\(s\), 0 modifié\(s\), [1-9]\d* inchangé\(s\) ; 0 ligne\(s\) rejetée\(s\)\./);
  }, 60_000);
});
