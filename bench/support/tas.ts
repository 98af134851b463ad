// The V8 heap limit the platform's processes are started with (`npm start`, `npm run import`…:
// `--max-old-space-size` in package.json, decision 0040), read from package.json so that a benchmark
// of memory measures what is shipped. `avecLeTasDeLaPlateforme()` re-runs the benchmark with that
// option when it was started without it (`node bench/x.bench.ts`, `npm run bench`), and returns the
// option in force.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function optionTasPlateforme(): string {
  const paquet = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const m = /--max-old-space-size=\d+/.exec(paquet.scripts.start ?? '');
  if (!m) throw new Error('package.json : le script « start » ne donne pas --max-old-space-size (décision 0040).');
  return m[0];
}

export function avecLeTasDeLaPlateforme(): string {
  const option = optionTasPlateforme();
  if (process.execArgv.includes(option)) return option;
  const r = spawnSync(process.execPath, [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), option, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
