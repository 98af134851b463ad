// npm run bench: runs every bench/*.bench.ts as its own process (so that memory figures are its own),
// collects the JSON each one prints on its last line, and writes bench/results/<name>.json and a summary.
// `npm run bench -- demo` runs only the benchmarks whose file name contains "demo".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filtre = process.argv[2];
const fichiers = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filtre || f.includes(filtre))
  .sort();
mkdirSync(join(root, 'bench/results'), { recursive: true });
const resultats: unknown[] = [];
let echecs = 0;
for (const f of fichiers) {
  console.error(`▶ ${f}`);
  const run = spawnSync(process.execPath, [join(root, 'bench', f)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const derniere = run.stdout.trim().split('\n').filter(Boolean).pop() ?? '';
  try {
    const json = JSON.parse(derniere);
    for (const r of [json].flat()) {
      resultats.push(r);
      writeFileSync(join(root, 'bench/results', `${(r as { name: string }).name}.json`), JSON.stringify(r, null, 2) + '\n');
    }
  } catch {
    echecs++;
    console.error(`✗ ${f} n'a pas produit de résultat JSON (code ${run.status}).`);
  }
}
writeFileSync(join(root, 'bench/results/summary.json'), JSON.stringify({ date: new Date().toISOString(), resultats }, null, 2) + '\n');
console.log(JSON.stringify(resultats, null, 2));
process.exit(echecs ? 1 : 0);
