// Builds the web app into dist/web when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else if (!entry.name.endsWith('.test.ts') && !entry.name.endsWith('.test.tsx')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export function webAJour(): boolean {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newest(join(root, 'src/web')), newest(join(root, 'src/domain')), statSync(join(root, 'vite.config.ts')).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  return built >= sources;
}

export function construireWeb(force = false): void {
  if (!force && webAJour()) return;
  console.log("Construction de l'application web (vite build)…");
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

if (import.meta.main) construireWeb(process.argv.includes('--force'));
