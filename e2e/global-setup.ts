// Once per e2e run: the web app built if stale, Chromium checked (a missing browser fails loudly,
// it never skips), two platforms started on free ports with the demo data — the main one, and one
// with a short inactivity delay for the inactivity scenario — and their addresses given to the tests.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { construireWeb } from '../scripts/build-web.ts';
import { CHEMIN_CHROMIUM } from './support/chromium.ts';
import { demarrerPlateforme } from './support/plateforme.ts';
import { nombreTravailleursE2e } from './support/travailleurs.ts';

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

  // One platform per worker (E2E_WORKERS, 2 by default): the scenario files run in parallel, each on
  // the platform of its worker (VITEST_POOL_ID), so that files of one worker still run one after the
  // other on their platform, as they always did.
  // A run of a few named files (npx vitest run e2e/x.test.ts) needs no more platforms than files.
  const nommes = process.argv.filter((a) => /\.test\.ts$/.test(a));
  const n = nommes.length > 0 ? Math.min(nombreTravailleursE2e(), nommes.length) : nombreTravailleursE2e();
  const avecInactivite = nommes.length === 0 || nommes.some((f) => f.includes('inactivite'));
  const [inactivite, ...principales] = await Promise.all([
    // The inactivity scenario times browser timers against the server's deadline; it stays on the
    // embedded database in both passes (on the PostgreSQL pass of CI its warning did not close after
    // « Rester connecté », a timing issue not yet understood: see the closing note of issue 3).
    avecInactivite
      ? demarrerPlateforme({ embarquee: true, env: { SESSION_IDLE_SECONDS: String(INACTIVITE.idle), SESSION_WARNING_SECONDS: String(INACTIVITE.avertissement) } })
      : null,
    ...Array.from({ length: n }, () => demarrerPlateforme()),
  ]);
  const comptes = (p: NonNullable<(typeof principales)[number]>) =>
    p.comptes.map((c) => ({ login: c.login, motDePasse: c.motDePasse, role: c.role, service: c.service, email: c.email ?? null, temporaire: c.temporaire }));
  project.provide('e2e', {
    plateformes: principales.map((p) => ({ url: p!.url, comptes: comptes(p!) })),
    urlInactivite: inactivite?.url ?? '',
    inactivite: INACTIVITE,
  });
  return async () => {
    await Promise.all([...principales.map((p) => p!.close()), inactivite?.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      plateformes: Array<{
        url: string;
        comptes: Array<{ login: string; motDePasse: string; role: string; service: string; email: string | null; temporaire: boolean }>;
      }>;
      urlInactivite: string;
      inactivite: { idle: number; avertissement: number };
    };
  }
}
