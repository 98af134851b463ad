// npm run test:resilience: real server processes (npm run cluster) on a fresh PostgreSQL database —
// sessions, CSRF, treatments, documents, concurrent transitions and login limits whichever process
// answers, a process killed under load (issue 18 §1). Kept out of npm test (it starts processes and
// needs a PostgreSQL server): .ci/run calls it. PostgreSQL: TEST_DATABASE_URL's server, else
// postgres://postgres@127.0.0.1:5432.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'resilience',
    include: ['resilience/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 150_000,
    pool: 'forks',
    // The cluster's file and the scheduled job's (which mostly waits for the next minute) side by side.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
