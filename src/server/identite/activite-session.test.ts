// The activity stamp of a session (issue 18 §10): written at most once a minute (a thirtieth of the idle
// delay) instead of on every request, so that a results day does not write a row per read; the idle
// timeout stays exact to within that interval, and « Rester connecté » always writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { intervalleActiviteMs } from './sessions.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
  await fixtureReferentiel(p);
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
});
afterAll(async () => {
  await p?.close();
});

async function stamp(c: TestClient): Promise<number> {
  const s = await c.get('/api/auth/session');
  expect(s.status).toBe(200);
  const rows = await p.ctx.db.selectFrom('session_utilisateur').select(['derniere_activite', 'compte_id']).where('fin_le', 'is', null).execute();
  expect(rows).toHaveLength(1);
  return new Date(rows[0]!.derniere_activite).getTime();
}

describe("horodatage de l'activité d'une session", () => {
  it('vaut un trentième du délai d’inactivité, une minute au plus', () => {
    expect(intervalleActiviteMs(30 * 60)).toBe(60_000);
    expect(intervalleActiviteMs(24 * 3600)).toBe(60_000);
    expect(intervalleActiviteMs(40)).toBe(1333);
  });

  it("n'écrit l'activité qu'une fois par minute ; la session expire 30 minutes après la dernière écriture, donc au plus une minute trop tôt", async () => {
    const c = p.client();
    await c.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const connexion = p.clock.now().getTime();
    expect(await stamp(c)).toBe(connexion);

    // Actions 59 s after the login: answered, the stamp is not written.
    p.clock.advance(59_000);
    expect((await c.get('/api/preferences')).status).toBe(200);
    expect(await stamp(c)).toBe(connexion);
    // 61 s after it: written.
    p.clock.advance(2_000);
    expect((await c.get('/api/preferences')).status).toBe(200);
    const ecrite = p.clock.now().getTime();
    expect(ecrite - connexion).toBe(61_000);
    expect(await stamp(c)).toBe(ecrite);

    // A last action 50 s later is not written: the session ends 30 min after the written stamp,
    // i.e. 29 min 10 s after that action (within the minute).
    p.clock.advance(50_000);
    expect((await c.get('/api/preferences')).status).toBe(200);
    expect(await stamp(c)).toBe(ecrite);
    p.clock.advance(30 * 60_000 - 50_000 - 1);
    expect((await c.get('/api/auth/session')).status).toBe(200);
    p.clock.advance(1);
    const fin = await c.get('/api/auth/session');
    expect(fin.status).toBe(401);
    expect(fin.body.message).toContain("Votre session a expiré après 30 minutes d'inactivité");
  });

  it('« Rester connecté » écrit toujours : la session repart pour 30 minutes entières', async () => {
    const c = p.client();
    await c.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    p.clock.advance(20_000);
    expect((await c.post('/api/auth/prolonger')).status).toBe(200);
    const prolongee = p.clock.now().getTime();
    expect(await stamp(c)).toBe(prolongee);
    p.clock.advance(30 * 60_000 - 1);
    expect((await c.get('/api/auth/session')).status).toBe(200);
    p.clock.advance(1);
    expect((await c.get('/api/auth/session')).status).toBe(401);
  });
});
