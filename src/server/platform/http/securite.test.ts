// HTTP security (issue 13 §3 and §6): the address of a request is the socket's unless it comes from a
// configured proxy (TRUST_PROXY), so a forged X-Forwarded-For neither dodges nor aims the login limits
// and the audit; every response carries the security headers (CSP without inline script, nosniff,
// Referrer-Policy, no framing, HSTS behind https) and the session cookie is Secure behind https.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleAdresse } from '../../identite/identite.service.ts';
import { startPlatform, type Platform } from '../../server.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, freshDatabase, MOT_DE_PASSE, type TestPlatform } from '../../testing/harness.ts';
import { loadConfig } from '../config.ts';
import { POLITIQUE_CONTENU } from './securite.ts';

const aFermer: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (aFermer.length) await aFermer.pop()!();
});

async function plateforme(env: Record<string, string> = {}): Promise<TestPlatform> {
  const p = await createTestPlatform({ env });
  aFermer.push(() => p.close());
  await fixtureReferentiel(p);
  return p;
}

const echec = (p: TestPlatform, ip: string, xff: string, identifiant: string) => {
  const c = p.client();
  c.ip = ip;
  return c.request('POST', '/api/auth/connexion', { service: 'imagin-gestion', identifiant, motDePasse: 'faux' }, { 'x-forwarded-for': xff });
};

const adressesAuditees = async (p: TestPlatform, action: string) =>
  [...new Set((await p.ctx.db.selectFrom('audit_log').select('ip').where('action', '=', action).execute()).map((r) => r.ip))];

/** Failures from one address that block it (identite.service.ts). */
const SEUIL_ADRESSE = 30;

describe('adresse des requêtes (TRUST_PROXY)', () => {
  it('sans mandataire configuré, un X-Forwarded-For forgé ne change ni la limite par adresse ni le journal', async () => {
    const p = await plateforme();
    await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
    // 30 failures, each claiming another address; distinct identifiants so that no account is locked.
    for (let i = 0; i < SEUIL_ADRESSE; i++) {
      const r = await echec(p, '10.0.0.1', `10.77.0.${i % 2 === 0 ? 1 : i}`, `inconnu${i}`);
      expect(r.status).toBe(401);
    }
    const limites = await p.ctx.db.selectFrom('limitation_connexion').selectAll().where('cle', 'like', 'ip:%').execute();
    expect(limites.map((l) => l.cle)).toEqual([cleAdresse('10.0.0.1')]);
    expect(limites[0]!.echecs).toBe(SEUIL_ADRESSE);
    expect(limites[0]!.bloque_jusqua).not.toBeNull();
    // The real address is blocked, whatever address it now claims…
    const c = p.client();
    const bloque = await c.request('POST', '/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: MOT_DE_PASSE }, { 'x-forwarded-for': '10.77.0.2' });
    expect(bloque.status).toBe(429);
    // …the forged address is not (another machine may log in)…
    const autre = p.client();
    autre.ip = '10.77.0.1';
    await autre.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    // …and the audit records the socket's address.
    expect(await adressesAuditees(p, 'connexion.echec')).toEqual(['10.0.0.1']);
    const session = await p.ctx.db.selectFrom('session_utilisateur').select('ip').executeTakeFirstOrThrow();
    expect(session.ip).toBe('10.77.0.1');
  });

  it('derrière un mandataire configuré, son X-Forwarded-For est cru ; celui des autres ne l’est pas', async () => {
    const p = await plateforme({ TRUST_PROXY: '10.0.0.1,10.5.0.0/16' });
    // Through the load balancer: the client's address.
    expect((await echec(p, '10.0.0.1', '192.0.2.10', 'inconnu1')).status).toBe(401);
    // Through a chain of trusted proxies: the first untrusted address from the right.
    expect((await echec(p, '10.5.3.4', '192.0.2.20, 10.0.0.1', 'inconnu2')).status).toBe(401);
    // Straight from a client that is not a proxy: its header is ignored.
    expect((await echec(p, '198.51.100.7', '192.0.2.30', 'inconnu3')).status).toBe(401);
    expect((await adressesAuditees(p, 'connexion.echec')).sort()).toEqual(['192.0.2.10', '192.0.2.20', '198.51.100.7']);
    const cles = (await p.ctx.db.selectFrom('limitation_connexion').select('cle').where('cle', 'like', 'ip:%').execute()).map((l) => l.cle).sort();
    expect(cles).toEqual(['ip:192.0.2.10', 'ip:192.0.2.20', 'ip:198.51.100.7']);
  });
});

/** A platform serving a small web app (index.html and one asset), as the built dist/web would be. */
async function plateformeWeb(env: Record<string, string>): Promise<Platform> {
  const dir = mkdtempSync(join(tmpdir(), 'securite-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  const assets = join(dir, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'app.js'), 'console.log("ok");');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  const database = await freshDatabase();
  const platform = await startPlatform(config, { database, webRoot: dir, pollingIntervalSeconds: 0.5, logger: { info: () => {}, warn: () => {}, error: () => {} } });
  aFermer.push(async () => {
    await platform.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return platform;
}

function enTetesCommuns(h: Record<string, unknown>) {
  expect(h['content-security-policy']).toBe(POLITIQUE_CONTENU);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('same-origin');
  expect(h['x-frame-options']).toBe('DENY');
}

describe('en-têtes de sécurité', () => {
  it('la politique de contenu interdit le script en ligne et toute mise en cadre', () => {
    const directives = Object.fromEntries(POLITIQUE_CONTENU.split(';').map((d) => d.trim().split(/\s+/)).map(([n, ...v]) => [n, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(POLITIQUE_CONTENU).not.toContain('unsafe-eval');
  });

  it("la page de l'application n'a aucun script en ligne (elle ne s'afficherait plus)", () => {
    const page = readFileSync(resolve(import.meta.dirname, '../../../web/index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributs, contenu] of scripts) {
      expect(attributs).toMatch(/\bsrc=/);
      expect(contenu!.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });

  it('sur la page, une ressource statique, une réponse de l’API et une erreur ; HSTS seulement en https', async () => {
    for (const [publicUrl, hsts] of [
      ['https://examens.ac-rennes.fr', true],
      ['http://localhost:3000', false],
    ] as const) {
      const p = await plateformeWeb({ PUBLIC_URL: publicUrl });
      const reponses = await Promise.all(['/', '/connexion/agents', '/assets/app.js', '/api/health', '/api/nexiste-pas', '/api/auth/session'].map((url) => p.app.inject({ method: 'GET', url })));
      expect(reponses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 404, 401]);
      expect(reponses[0]!.headers['content-type']).toContain('text/html');
      expect(reponses[2]!.headers['content-type']).toContain('javascript');
      for (const r of reponses) {
        enTetesCommuns(r.headers);
        if (hsts) expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
        else expect(r.headers['strict-transport-security']).toBeUndefined();
      }
    }
  });

  it('sur un document téléchargé (courriel .eml de la boîte d’envoi)', async () => {
    const p = await plateforme({ PUBLIC_URL: 'https://examens.ac-rennes.fr' });
    await fixtureCompte(p, { login: 'admin.rennes', role: 'administrateur' });
    await fixtureCompte(p, { login: 'prof', role: 'intervenant', email: 'alice.prof@example.fr' });
    expect((await p.client().post('/api/auth/mot-de-passe-oublie', { identifiant: 'prof' })).status).toBe(200);
    const admin = p.client();
    await admin.login('imagin-admin', 'admin.rennes', MOT_DE_PASSE);
    let mail: { id: string } | undefined;
    for (let i = 0; i < 100 && !mail; i++) {
      mail = await p.ctx.db.selectFrom('mail').select('id').executeTakeFirst();
      if (!mail) await new Promise((r) => setTimeout(r, 50));
    }
    const eml = await admin.get(`/api/admin/boite-envoi/${mail!.id}/eml`);
    expect(eml.status).toBe(200);
    expect(String(eml.headers['content-disposition'])).toMatch(/^attachment;/);
    enTetesCommuns(eml.headers);
    expect(eml.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('cookie de session', () => {
  it('est Secure derrière https, et toujours HttpOnly', async () => {
    for (const [publicUrl, secure] of [
      ['https://examens.ac-rennes.fr', true],
      ['http://localhost:3000', false],
    ] as const) {
      const p = await plateforme({ PUBLIC_URL: publicUrl });
      await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
      const c = p.client();
      const r = await c.post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: MOT_DE_PASSE });
      expect(r.status).toBe(200);
      const cookie = [r.headers['set-cookie']].flat().find((x) => String(x).startsWith('sid='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(/;\s*Secure/i.test(cookie)).toBe(secure);
      const sortie = await c.post('/api/auth/deconnexion');
      const efface = [sortie.headers['set-cookie']].flat().find((x) => String(x).startsWith('sid='))!;
      expect(/;\s*Secure/i.test(efface)).toBe(secure);
    }
  });
});
