// Metrics (issue 18 §2): request durations per route pattern, treatment durations and failures, pool
// usage, and who may read them; the request id in the response, the 500 reference and the log lines.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestPlatform } from '../testing/harness.ts';
import { enregistrerDocument, ErreurTraitement, lancerTraitement, registerTraitement } from './traitements/traitements.ts';
import { accesMetriques } from './metriques.ts';
import { mandataireDeConfiance } from './http/requete-id.ts';

let p: TestPlatform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

/** The value of one series of the exposition text, e.g. serie(t, 'x_count', { route: '/a' }). */
function serie(texte: string, nom: string, etiquettes: Record<string, string>): number | null {
  for (const ligne of texte.split('\n')) {
    if (!ligne.startsWith(nom + '{') && !ligne.startsWith(nom + ' ')) continue;
    const labels = /\{(.*)\}/.exec(ligne)?.[1] ?? '';
    if (Object.entries(etiquettes).every(([k, v]) => labels.includes(`${k}="${v}"`))) return Number(ligne.split(' ').at(-1));
  }
  return null;
}

async function metriques(plateforme: TestPlatform, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') {
  return plateforme.app.inject({ method: 'GET', url: '/api/metrics', remoteAddress, headers });
}

describe('métriques Prometheus', () => {
  it('compte une requête sous le motif de sa route et la classe de son statut, jamais son adresse brute', async () => {
    p = await createTestPlatform();
    const id = '5b0c2f0e-1d7e-4a56-9a3e-2f1f6c1a0b77';
    const c = p.client();
    expect((await c.get(`/api/traitements/${id}`)).status).toBe(401);
    expect((await c.get(`/api/traitements/${id}`)).status).toBe(401);
    expect((await c.get('/api/health')).status).toBe(200);
    const res = await metriques(p);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const t = res.body;
    expect(serie(t, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/traitements/:id', status_class: '4xx' })).toBe(2);
    expect(serie(t, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/health', status_class: '2xx' })).toBe(1);
    expect(t).not.toContain(id);
    // A path no route knows is one series, whatever the path.
    await c.get('/api/nexiste/pas/1');
    await c.get('/api/nexiste/pas/2');
    expect(serie((await metriques(p)).body, 'http_request_duration_seconds_count', { route: 'inconnue', status_class: '4xx' })).toBe(2);
    // The pool, and the process's default metrics.
    const t2 = (await metriques(p)).body;
    if (p.ctx.database.kind === 'postgres') {
      expect(serie(t2, 'db_pool_connexions', { etat: 'total' })).toBeGreaterThanOrEqual(1);
      expect(serie(t2, 'db_pool_connexions', { etat: 'en_attente' })).toBe(0);
      expect(serie(t2, 'db_pool_max', {})).toBe(5);
    } else {
      expect(serie(t2, 'db_pool_connexions', { etat: 'total' })).toBe(1);
    }
    expect(t2).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(t2).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("compte la durée des traitements et leurs échecs, par type", async () => {
    p = await createTestPlatform();
    const etabs = await fixtureReferentiel(p);
    const chef = await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
    registerTraitement(p.ctx, { type: 'test.metrique-ok', executer: async (t) => void (await t.log('info', 'ok')) });
    registerTraitement(p.ctx, {
      type: 'test.metrique-echec',
      executer: async () => {
        throw new ErreurTraitement('Aucun élève à traiter.');
      },
    });
    const lancer = (type: string) =>
      p!.ctx.db.transaction().execute((trx) => lancerTraitement(p!.ctx, trx, { type, titre: 'Essai', parametres: {}, academieCode: '14', creePar: chef.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' }));
    const ids = [(await lancer('test.metrique-ok')).id, (await lancer('test.metrique-echec')).id, (await lancer('test.metrique-echec')).id];
    for (const id of ids) {
      await attendre(() => p!.ctx.db.selectFrom('traitement').select('id').where('id', '=', id).where('statut', 'in', ['termine', 'erreur']).executeTakeFirst());
    }
    const t = (await metriques(p)).body;
    expect(serie(t, 'traitement_echecs_total', { type: 'test.metrique-echec', definitif: 'oui' })).toBe(2);
    expect(serie(t, 'traitement_echecs_total', { type: 'test.metrique-ok' })).toBeNull();
    expect(serie(t, 'traitement_duree_secondes_count', { type: 'test.metrique-ok', issue: 'termine' })).toBe(1);
    expect(serie(t, 'traitement_duree_secondes_count', { type: 'test.metrique-echec', issue: 'erreur' })).toBe(2);
  });

  it("refuse un client distant anonyme, un client relayé par un mandataire ; le jeton METRICS_TOKEN ouvre l'accès", async () => {
    p = await createTestPlatform();
    const distant = await metriques(p, {}, '203.0.113.9');
    expect(distant.statusCode).toBe(403);
    expect(distant.json().message).toContain('METRICS_TOKEN');
    expect(distant.body).not.toContain('http_request_duration_seconds');
    // A reverse proxy on the same host relays an Internet client: loopback socket, X-Forwarded-For.
    expect((await metriques(p, { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    await p.close();

    const jeton = 'jeton-de-metriques-0123456789abcdef';
    p = await createTestPlatform({ env: { METRICS_TOKEN: jeton } });
    expect((await metriques(p, {}, '203.0.113.9')).statusCode).toBe(403);
    expect((await metriques(p, {}, '127.0.0.1')).statusCode).toBe(403);
    expect((await metriques(p, { authorization: 'Bearer mauvais-jeton-0123456789abcdef' }, '203.0.113.9')).statusCode).toBe(403);
    const ok = await metriques(p, { authorization: `Bearer ${jeton}` }, '203.0.113.9');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_request_duration_seconds');
  });

  it('règle d’accès : boucle locale directe, ou jeton exact', () => {
    expect(accesMetriques(undefined, { adresseSocket: '::1', autorisation: undefined, relayee: false })).toBe(true);
    expect(accesMetriques(undefined, { adresseSocket: '::ffff:127.0.0.1', autorisation: undefined, relayee: false })).toBe(true);
    expect(accesMetriques(undefined, { adresseSocket: '10.0.0.1', autorisation: undefined, relayee: false })).toBe(false);
    expect(accesMetriques('abc', { adresseSocket: '127.0.0.1', autorisation: 'Bearer abcd', relayee: false })).toBe(false);
    expect(accesMetriques('abc', { adresseSocket: '10.0.0.1', autorisation: 'bearer abc', relayee: true })).toBe(true);
  });
});

describe('identifiant de requête', () => {
  function journal() {
    const lignes: Array<Record<string, unknown>> = [];
    const flux = new Writable({
      write(chunk, _enc, cb) {
        for (const l of String(chunk).split('\n')) if (l.trim()) lignes.push(JSON.parse(l));
        cb();
      },
    });
    return { lignes, flux };
  }

  it("est renvoyé dans X-Request-Id, sert de référence à l'erreur technique et figure sur chaque ligne du journal de la requête", async () => {
    const j = journal();
    p = await createTestPlatform({ env: { LOG_LEVEL: 'info' }, journal: j.flux });
    const ok = await p.client().get('/api/health');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9A-F]{12}$/);
    const autre = await p.client().get('/api/health');
    expect(autre.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
    // An unexpected failure: the table of the login limits is gone.
    await sql`alter table limitation_connexion rename to limitation_connexion_absente`.execute(p.ctx.db);
    try {
      const res = await p.client().post('/api/auth/connexion', { service: 'imagin-admin', identifiant: 'quelqu.un', motDePasse: 'x' });
      expect(res.status).toBe(500);
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^[0-9A-F]{12}$/);
      expect(res.body.message).toContain(`(réf. ${id})`);
      expect(res.body.message).not.toContain('limitation_connexion');
      const lignes = j.lignes.filter((l) => l.reqId === id);
      expect(lignes.some((l) => l.msg === 'Erreur technique' && l.ref === id)).toBe(true);
      // A service's own log line (ctx.logger) during that request carries the id too: none was written
      // without it while the request ran.
      expect(j.lignes.filter((l) => l.msg === 'Erreur technique').every((l) => l.reqId)).toBe(true);
    } finally {
      await sql`alter table limitation_connexion_absente rename to limitation_connexion`.execute(p.ctx.db);
    }
  });

  it("ctx.logger écrit, pendant une requête, par le journal de cette requête (reqId)", async () => {
    const j = journal();
    p = await createTestPlatform({ env: { LOG_LEVEL: 'info' }, journal: j.flux });
    // A document whose file is gone: the service logs it through ctx.logger during the request.
    const etabs = await fixtureReferentiel(p);
    const chef = await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
    const c = p.client();
    await c.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const doc = await enregistrerDocument(p.ctx, { nom: 'Liste', typeMime: 'text/csv', body: 'a;b\n', academieCode: '14', compteId: chef.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });
    const row = await p.ctx.db.selectFrom('document').select('cle_stockage').where('id', '=', doc.id).executeTakeFirstOrThrow();
    await p.ctx.store.delete(row.cle_stockage);
    const res = await c.get(`/api/documents/${doc.id}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const id = String(res.headers['x-request-id']);
    const ligne = j.lignes.find((l) => l.msg === 'Document absent du stockage');
    expect(ligne).toBeDefined();
    expect(ligne!.reqId).toBe(id);
  });

  it("n'accepte l'X-Request-Id reçu que d'un mandataire de confiance (TRUST_PROXY)", async () => {
    p = await createTestPlatform();
    const direct = await p.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '127.0.0.1', headers: { 'x-request-id': 'lb-0123456789' } });
    expect(direct.headers['x-request-id']).not.toBe('lb-0123456789');
    await p.close();
    p = await createTestPlatform({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    const viaLb = await p.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.1.2.3', headers: { 'x-request-id': 'lb-0123456789' } });
    expect(viaLb.headers['x-request-id']).toBe('lb-0123456789');
    const autre = await p.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.7', headers: { 'x-request-id': 'lb-0123456789' } });
    expect(autre.headers['x-request-id']).not.toBe('lb-0123456789');
    // Malformed (spaces, too long): replaced.
    const mal = await p.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.1.2.3', headers: { 'x-request-id': 'a b c d e f g h' } });
    expect(mal.headers['x-request-id']).toMatch(/^[0-9A-F]{12}$/);
  });

  it('reconnaît les mandataires nommés et les plages CIDR', () => {
    const f = mandataireDeConfiance(['loopback', '10.0.0.0/8', '2001:db8::1']);
    expect(f('127.0.0.1')).toBe(true);
    expect(f('::ffff:127.0.0.1')).toBe(true);
    expect(f('::1')).toBe(true);
    expect(f('10.200.0.1')).toBe(true);
    expect(f('2001:db8::1')).toBe(true);
    expect(f('192.168.1.1')).toBe(false);
    expect(f(undefined)).toBe(false);
    expect(mandataireDeConfiance([])('127.0.0.1')).toBe(false);
  });
});
