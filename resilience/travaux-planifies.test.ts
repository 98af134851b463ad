// A scheduled job (the nightly purge is one) declared by every process runs once per occurrence, not
// once per process (issue 18 §1): two job engines — two pools, as two processes have — on one
// PostgreSQL database, the same job every minute; each minute's occurrence is handled once.
import { tmpdir } from 'node:os';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/server/platform/db/database.ts';
import { Jobs, type JobDef } from '../src/server/platform/jobs/jobs.ts';
import { attendre, baseNeuve } from './support/grappe.ts';

const fermetures: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const f of fermetures.reverse()) await f().catch(() => {});
});

it('un travail planifié déclaré par deux processus ne tourne qu’une fois par échéance', async () => {
  const base = await baseNeuve('resilience_cron');
  fermetures.push(() => base.supprimer());
  const executions: Array<{ processus: string; minute: number }> = [];
  const moteur = async (processus: string) => {
    const database: Database = await openDatabase({ databaseUrl: base.url, dataDir: tmpdir(), poolSize: 2 });
    const def: JobDef = {
      name: 'essai.planifie',
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        executions.push({ processus, minute: Math.floor(Date.now() / 60_000) });
      },
    };
    const jobs = await Jobs.start(database, [def], { work: true, pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 });
    fermetures.push(async () => {
      await jobs.stop();
      await database.close();
    });
  };
  await moteur('A');
  await moteur('B');
  // The next minute's occurrence (at most ~60 s away), then a few seconds for a duplicate to show up.
  await attendre(async () => executions.length > 0, 90_000);
  await new Promise((r) => setTimeout(r, 6000));
  const parMinute = new Map<number, number>();
  for (const e of executions) parMinute.set(e.minute, (parMinute.get(e.minute) ?? 0) + 1);
  expect([...parMinute.values()].every((n) => n === 1), JSON.stringify(executions)).toBe(true);
}, 120_000);
