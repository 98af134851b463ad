// Once per e2e run: the web app built if stale, Chromium checked (a missing browser fails loudly,
// it never skips), two platforms started on free ports with the demo data — the main one, and one
// with a short inactivity delay for the inactivity scenario — and their addresses given to the tests.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { construireWeb } from '../scripts/build-web.ts';
import { CHEMIN_CHROMIUM } from './support/chromium.ts';
import { demarrerPlateforme } from './support/plateforme.ts';

/** Inactivity platform: a session ends after 40 s, the warning shows 36 s before (after 4 s idle), which leaves
 * a loaded CI machine time for the screenshot and axe check between the warning and the click. */
export const INACTIVITE = { idle: 40, avertissement: 36 };

export default async function setup(project: TestProject) {
  if (!existsSync(CHEMIN_CHROMIUM)) {
    const ligne = '!'.repeat(78);
    throw new Error(
      `\n${ligne}\n!! Chromium est introuvable (${CHEMIN_CHROMIUM}) : les scénarios navigateur ne peuvent pas tourner.\n` +
        `!! Installez-le (apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.\n${ligne}`,
    );
  }
  construireWeb();
  // One screenshot per page visited, named <scenario>-<n>-<page>.png; a run overwrites its own names.
  // Old ones go, but not those of a run that may be going on beside this one.
  const captures = resolve(import.meta.dirname, '../test-results/screenshots');
  mkdirSync(captures, { recursive: true });
  for (const f of readdirSync(captures)) {
    const p = resolve(captures, f);
    if (Date.now() - statSync(p).mtimeMs > 3 * 3600_000) rmSync(p, { force: true });
  }
  mkdirSync(resolve(import.meta.dirname, '../test-results/downloads'), { recursive: true });

  const [principale, inactivite] = await Promise.all([
    demarrerPlateforme(),
    // The inactivity scenario times browser timers against the server's deadline; it stays on the
    // embedded database in both passes (on the PostgreSQL pass of CI its warning did not close after
    // « Rester connecté », a timing issue not yet understood: see the closing note of issue 3).
    demarrerPlateforme({ embarquee: true, env: { SESSION_IDLE_SECONDS: String(INACTIVITE.idle), SESSION_WARNING_SECONDS: String(INACTIVITE.avertissement) } }),
  ]);
  project.provide('e2e', {
    url: principale.url,
    urlInactivite: inactivite.url,
    comptes: principale.comptes.map((c) => ({ login: c.login, motDePasse: c.motDePasse, role: c.role, service: c.service, email: c.email ?? null, temporaire: c.temporaire })),
    inactivite: INACTIVITE,
  });
  return async () => {
    await Promise.all([principale.close(), inactivite.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      url: string;
      urlInactivite: string;
      comptes: Array<{ login: string; motDePasse: string; role: string; service: string; email: string | null; temporaire: boolean }>;
      inactivite: { idle: number; avertissement: number };
    };
  }
}
