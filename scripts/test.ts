// npm test: every tier — domain unit tests, database tests (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), browser scenarios in Chromium — then one closing line of counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { construireWeb } from './build-web.ts';

const root = resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = process.argv.slice(2);

function chromiumDisponible(): boolean {
  if (existsSync(chromium)) return true;
  console.error('\n' + '!'.repeat(78));
  console.error(`!! Chromium est introuvable (${chromium}) : les scénarios navigateur (e2e/) en ont besoin.`);
  const root_ = process.getuid?.() === 0;
  if (root_ && existsSync('/usr/bin/apt-get')) {
    console.error('!! Installation du paquet Debian « chromium » (apt-get install -y chromium)…');
    console.error('!'.repeat(78) + '\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    return existsSync(chromium);
  }
  console.error('!! Installez-le : sudo apt-get install -y chromium (ou indiquez CHROMIUM_PATH).');
  console.error('!'.repeat(78) + '\n');
  return false;
}

if (!chromiumDisponible()) {
  console.error('Les scénarios navigateur ne peuvent pas tourner : échec du test.');
  process.exit(1);
}

construireWeb();
mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results/vitest.json');
const run = spawnSync(
  join(root, 'node_modules/.bin/vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { cwd: root, stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
}
const base = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`\nBase de test : ${base}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (run.status !== 0 || failed > 0 || passed === 0) process.exit(run.status || 1);
