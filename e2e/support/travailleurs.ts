// How many test files run at once (unit, database and browser tiers share one pool), each browser
// worker on its own platform: E2E_WORKERS (1 to 8), 3 by default (this machine has two cores; a
// scenario spends much of its time waiting for the page, while a database test computes). Read by
// vitest.config.ts (maxWorkers of every project) and by e2e/global-setup.ts (one platform each).
export function nombreTravailleursE2e(): number {
  const n = Number(process.env.E2E_WORKERS ?? '3');
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 3;
}
