// Issue 18 §7: SIGTERM drains. Requests accepted before the stop are answered; requests arriving
// during it get a quick French 503 (never a reset connection); the platform closes within the delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { MESSAGE_ARRET } from './http/arret.ts';

let p: TestPlatform;
let ferme = false;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  if (!ferme) await p?.close();
});

describe('arrêt en douceur', () => {
  it('répond à tout ce qui était accepté, 503 en français ensuite, aucune connexion coupée', async () => {
    // Each health check takes 300 ms after it started: the first 60 are still running when the stop is asked.
    const status = p.ctx.jobs.status.bind(p.ctx.jobs);
    p.ctx.jobs.status = async () => {
      await new Promise((r) => setTimeout(r, 300));
      return status();
    };
    await p.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = p.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/api/health`;
    const envoyer = () =>
      fetch(url).then(
        async (r) => ({ status: r.status, corps: (await r.json()) as { message?: string } }),
        (e: unknown) => ({ status: 0, corps: { message: String(e) } }),
      );
    const avant = Array.from({ length: 60 }, envoyer);
    // The stop comes once the server has accepted all 60 (they are running).
    while (p.ctx.arret!.enCours < 60) await new Promise((r) => setTimeout(r, 5));
    const debut = Date.now();
    const arret = p.arreter(10_000);
    await new Promise((r) => setTimeout(r, 20));
    const pendant = Array.from({ length: 10 }, envoyer);
    const [a, b] = [await Promise.all(avant), await Promise.all(pendant)];
    await arret;
    ferme = true;
    expect(Date.now() - debut).toBeLessThan(10_000);
    expect(a.map((r) => r.status), JSON.stringify(a[0])).toEqual(Array(60).fill(200));
    for (const r of b) {
      expect(r.status, r.corps.message).toBe(503);
      expect(r.corps.message).toBe(MESSAGE_ARRET);
    }
  });
});
