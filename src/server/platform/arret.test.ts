// Issue 18 §7: SIGTERM drains. Requests accepted before the stop are answered; requests arriving
// during it get a quick French 503 (never a reset connection); the platform closes within the delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { MESSAGE_ARRET } from './http/arret.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  // After arreter() the HTTP side is closed; the harness's close still releases the test database.
  await p?.close().catch(() => {});
});

describe('arrêt en douceur', () => {
  it('répond à tout ce qui était accepté, 503 en français ensuite, aucune connexion coupée', async () => {
    // The health checks wait at a gate, opened once the stop is asked: the first 60 are still running then.
    let ouvrir!: () => void;
    const porte = new Promise<void>((r) => (ouvrir = r));
    const status = p.ctx.jobs.status.bind(p.ctx.jobs);
    p.ctx.jobs.status = async () => {
      await porte;
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
    const limite = Date.now() + 30_000;
    while (p.ctx.arret!.enCours < 60 && Date.now() < limite) await new Promise((r) => setTimeout(r, 5));
    expect(p.ctx.arret!.enCours).toBe(60);
    const debut = Date.now();
    const arret = p.arreter(10_000);
    await new Promise((r) => setTimeout(r, 20));
    const pendant = Array.from({ length: 10 }, envoyer);
    const b = await Promise.all(pendant);
    ouvrir();
    const a = await Promise.all(avant);
    await arret;
    expect(Date.now() - debut).toBeLessThan(10_000);
    expect(a.map((r) => r.status), JSON.stringify(a[0])).toEqual(Array(60).fill(200));
    for (const r of b) {
      expect(r.status, r.corps.message).toBe(503);
      expect(r.corps.message).toBe(MESSAGE_ARRET);
    }
  });
});
