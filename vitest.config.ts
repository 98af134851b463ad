import { defineConfig } from 'vitest/config';
import { nombreTravailleursE2e } from './e2e/support/travailleurs.ts';

// One pool of workers for the three tiers (issue 18 §13). Vitest puts a project whose maxWorkers is 1
// (the default on two cores) in a group of its own run after the others, one file at a time: the
// database tests then ran alone after the browser scenarios. With the same number of workers every
// project joins one group, and any free worker takes the next file, whatever its tier
// (E2E_WORKERS, 3 by default: each e2e worker has its own platform).
const travailleurs = nombreTravailleursE2e();

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
          maxWorkers: travailleurs,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/server/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: travailleurs,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // A busy CI machine renders slower than a developer's: polls wait up to 10 s.
          expect: { poll: { timeout: 10_000 } },
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          // Scenario files run in parallel, each worker on its own platform (e2e/global-setup.ts).
          fileParallelism: true,
          maxWorkers: travailleurs,
        },
      },
    ],
  },
});
