// Issue 18 §3–4: health recovers once the database answers again (the job engine's last error is
// checked again, and printed as text, never « [object Object] »); /api/ready tells whether the database
// and the document store answer; a database that does not answer gives a quick French 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { messageErreur } from './jobs/jobs.ts';
import { estIndisponibilite, MESSAGE_INDISPONIBLE } from './http/indisponibilite.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('santé et disponibilité', () => {
  it("l'erreur du moteur de traitements s'efface dès que la base répond, et se lit en texte", async () => {
    const c = p.client();
    expect((await c.get('/api/health')).status).toBe(200);
    // pg-boss reports some failures as plain objects: the message must stay readable.
    p.ctx.jobs.signalerErreur({ code: 'ECONNREFUSED', errno: -111 });
    expect(messageErreur({ code: 'ECONNREFUSED' })).toBe('ECONNREFUSED');
    expect(messageErreur({ message: 'Connection terminated unexpectedly' })).toBe('Connection terminated unexpectedly');
    const r = await c.get('/api/health');
    // The database answers again: the recorded error no longer holds the process out of rotation.
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.traitements.etat).toBe('ok');
    expect(JSON.stringify(r.body)).not.toContain('[object Object]');
  });

  it('/api/ready : base et stockage joignables', async () => {
    const r = await p.client().get('/api/ready');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ etat: 'pret', base: { etat: 'ok' }, stockage: { etat: 'ok' } });
  });

  it('/api/ready : 503 quand le stockage refuse les écritures, sans chemin ni message système', async () => {
    const put = p.ctx.store.put.bind(p.ctx.store);
    (p.ctx.store as { put: typeof put }).put = async () => {
      throw Object.assign(new Error("EACCES: permission denied, mkdir '/srv/documents/sante'"), { code: 'EACCES' });
    };
    try {
      const r = await p.client().get('/api/ready');
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ etat: 'indisponible', base: { etat: 'ok' }, stockage: { etat: 'erreur' } });
    } finally {
      (p.ctx.store as { put: typeof put }).put = put;
    }
  });

  it('reconnaît une base injoignable (codes réseau, SQLSTATE, message du pilote, cause imbriquée)', () => {
    expect(estIndisponibilite(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(estIndisponibilite({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(estIndisponibilite(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(estIndisponibilite(new Error('échec', { cause: { code: '08006' } }))).toBe(true);
    expect(estIndisponibilite(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(estIndisponibilite(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(estIndisponibilite({ code: '23505' })).toBe(false);
  });

  it('une requête dont la base ne répond pas reçoit un 503 en français, sans message du pilote', async () => {
    const vraie = p.ctx.db;
    const panne = () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    // As a stopped PostgreSQL: every query of this request fails to connect.
    (p.ctx as { db: unknown }).db = new Proxy(vraie, {
      get: (t, prop) => (['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'transaction', 'getExecutor'].includes(String(prop)) ? panne : Reflect.get(t, prop)),
    });
    try {
      const r = await p.client().post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.essai', motDePasse: 'Un-mot-de-passe-2026!' });
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toEqual({ code: 'INDISPONIBLE', message: MESSAGE_INDISPONIBLE });
      expect(r.headers['retry-after']).toBe('30');
      expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Erreur technique/);
    } finally {
      (p.ctx as { db: unknown }).db = vraie;
    }
    // Back to normal at once.
    const r = await p.client().post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.essai', motDePasse: 'Un-mot-de-passe-2026!' });
    expect(r.status).not.toBe(503);
  });
});
