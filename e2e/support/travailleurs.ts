// How many scenario files run at once, each on its own platform: E2E_WORKERS (1 to 8), 2 by default
// (this machine has two cores; a scenario spends much of its time waiting for the page). Read by
// vitest.config.ts (maxWorkers of the e2e project) and by e2e/global-setup.ts (one platform each).
export function nombreTravailleursE2e(): number {
  const n = Number(process.env.E2E_WORKERS ?? '2');
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 2;
}
