import { defineConfig } from 'vitest/config';
import { nombreTravailleursE2e } from './e2e/support/travailleurs.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
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
          maxWorkers: nombreTravailleursE2e(),
        },
      },
    ],
  },
});
