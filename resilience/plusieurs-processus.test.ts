// Several processes, one PostgreSQL, one document store (issue 18 §1): `npm run cluster -- 2` started
// for real on a fresh database; A and B are its two processes, reached directly, or through its balancer.
// Whatever process answers: the session and its CSRF token, a treatment (run once, its documents
// downloadable from the other process), a versioned transition (one 200, one 409), the login limits.
// Single-process fault checks (graceful stop, outage, health) are in src/server/platform/arret.test.ts
// and sante.test.ts (npm test).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendre, Client, demarrerGrappe, serie, type Grappe } from './support/grappe.ts';

const MDP_AGENT = 'Demo-Academie-2026!';
let g: Grappe;
let A: string;
let B: string;

beforeAll(async () => {
  g = await demarrerGrappe(2);
  [A, B] = g.processus.map((p) => p.url) as [string, string];
  expect(g.processus).toHaveLength(2);
});
afterAll(async () => {
  await g?.fermer();
});

describe('plusieurs processus sur une base et un stockage', () => {
  it('une session ouverte sur A sert sur B, avec son jeton CSRF ; la déconnexion sur B vaut pour A', async () => {
    const c = new Client('192.0.2.10');
    const session = await c.connecter(A, 'imagin-admin', 'admin.rennes', MDP_AGENT);
    expect(session.compte.login).toBe('admin.rennes');
    const surB = await c.get(B, '/api/auth/session');
    expect(surB.status).toBe(200);
    expect(surB.body.compte.login).toBe('admin.rennes');
    expect(surB.body.csrfToken).toBe(c.csrf);
    // A change on B without the token of the session opened on A: refused; with it: done.
    const sansJeton = await c.post(B, '/api/auth/deconnexion', {}, { csrf: false });
    expect(sansJeton.status).toBe(403);
    expect(sansJeton.body.code).toBe('CSRF');
    expect((await c.get(A, '/api/auth/session')).status).toBe(200);
    const cookie = c.cookie;
    expect((await c.post(B, '/api/auth/deconnexion')).status).toBe(200);
    c.cookie = cookie;
    expect((await c.get(A, '/api/auth/session')).status).toBe(401);
  });

  it('le répartiteur alterne les processus, transmet l’adresse du client et donne à chaque requête un identifiant', async () => {
    const vus = new Set<string>();
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const r = await fetch(g.repartiteur + '/api/health', { headers: { 'x-request-id': 'choisi-par-le-client' } });
      expect(r.status).toBe(200);
      ids.add(r.headers.get('x-request-id')!);
      vus.add(((await r.json()) as { base: { etat: string } }).base.etat);
    }
    // Six distinct ids of the balancer's own: a client does not choose the id of its request.
    expect(ids.size).toBe(6);
    expect([...ids].every((id) => /^[0-9A-F]{12}$/.test(id))).toBe(true);
    // Each process counted its share (round robin): 3 and 3.
    const parProcessus = await Promise.all(
      g.processus.map(async (p) => serie(await (await fetch(p.url + '/api/metrics')).text(), 'http_request_duration_seconds_count', { route: '/api/health' })),
    );
    expect(parProcessus[0]).toBeGreaterThanOrEqual(3);
    expect(parProcessus[1]).toBeGreaterThanOrEqual(3);
    // Metrics are not served through the balancer (a relayed client), only to each process directly.
    expect((await fetch(g.repartiteur + '/api/metrics')).status).toBe(403);
  });

  it('un traitement lancé sur A tourne une seule fois ; ses documents se téléchargent depuis B', async () => {
    const c = new Client('192.0.2.20');
    await c.connecter(A, 'cyclades-etablissement', 'ce.0350711h', MDP_AGENT);
    const lance = await c.post(A, '/api/cyclades/etablissement/comptes/generer', { regroupement: 'division', forcer: false });
    expect(lance.status, JSON.stringify(lance.body)).toBe(200);
    const id: string = lance.body.traitementId;
    const cr = await attendre(async () => {
      const r = await c.get(B, `/api/traitements/${id}`);
      return r.status === 200 && ['termine', 'erreur'].includes(r.body.statut) ? r.body : null;
    }, 90_000);
    expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
    // Once: one try, one closing line, one « comptes » step, each document once.
    const [ligne] = await g.sql('select tentatives, serveur from traitement where id = $1', [id]);
    expect(ligne.tentatives).toBe(1);
    const journal = (cr.journal as Array<{ message: string }>).map((l) => l.message);
    expect(journal.filter((m) => m === "Le traitement s'est bien déroulé.")).toHaveLength(1);
    expect(journal.some((m) => /Reprise après interruption/.test(m))).toBe(false);
    const produits = journal.filter((m) => m.startsWith('Document produit'));
    expect(new Set(produits).size).toBe(produits.length);
    expect((await g.sql('select count(*)::int as n from traitement_etape where traitement_id = $1', [id]))[0].n).toBeGreaterThanOrEqual(1);
    // The processes' own count: one run of this type in all, on one process.
    const runs = await Promise.all(
      g.processus.map(async (p) => serie(await (await fetch(p.url + '/api/metrics')).text(), 'traitement_duree_secondes_count', { type: 'cyclades.comptes-candidats' })),
    );
    expect(runs[0]! + runs[1]!).toBe(1);
    // Its documents, written by whichever process ran it, download from B (and from A) intact.
    const docs = cr.documents as Array<{ id: string; nom: string }>;
    expect(docs.length).toBeGreaterThanOrEqual(1);
    for (const d of docs) {
      const [attendu] = await g.sql('select sha256, taille from document where id = $1', [d.id]);
      for (const base of [B, A]) {
        const r = await c.get(base, `/api/documents/${d.id}`);
        expect(r.status).toBe(200);
        expect(r.octets.length).toBe(Number(attendu.taille));
        expect(createHash('sha256').update(r.octets).digest('hex')).toBe(attendu.sha256);
      }
    }
  });

  it("l'ETag d'un jury du portail Jury, donné par A, vaut sur B (304) ; une décision prise sur A le change pour B", async () => {
    const presidente = new Client('192.0.2.25');
    // 1re mire (clé OTP-DEMO-01, PIN 1234, premier code HOTP de la RFC 4226) sur A, 2e mire sur B.
    const cle = await presidente.post(A, '/api/jury/cle', { identifiant: 'OTP-DEMO-01', motDePasse: '1234755224' });
    expect(cle.status, JSON.stringify(cle.body)).toBe(200);
    const id = await presidente.post(B, '/api/jury/identifiants', { identifiant: 'president.jury', motDePasse: 'Demo-Intervenant-2026!' });
    expect(id.status, JSON.stringify(id.body)).toBe(200);
    const jurys = await presidente.get(A, '/api/jury/jurys');
    expect(jurys.status, JSON.stringify(jurys.body)).toBe(200);
    const jury = (JSON.stringify(jurys.body).match(/"id":(\d+),"numero":"25590"/) ?? [])[1];
    expect(jury, JSON.stringify(jurys.body)).toBeDefined();
    const surA = await presidente.get(A, `/api/jury/jurys/${jury}`);
    expect(surA.status).toBe(200);
    const etag = surA.headers.get('etag')!;
    expect(etag).toMatch(/^"jury-\d+-v\d+"$/);
    expect((await presidente.get(B, `/api/jury/jurys/${jury}`, { 'if-none-match': etag })).status).toBe(304);
    // The DEC records the jury's decisions on A: B no longer answers 304 to the old ETag.
    const dec = new Client('192.0.2.26');
    await dec.connecter(A, 'imagin-gestion', 'dec.rennes', MDP_AGENT);
    const [{ version }] = await g.sql('select version from jury where id = $1', [Number(jury)]);
    expect((await dec.post(A, `/api/gestion/deliberation/jurys/${jury}/decisions`, { version })).status).toBe(200);
    const apres = await presidente.get(B, `/api/jury/jurys/${jury}`, { 'if-none-match': etag });
    expect(apres.status).toBe(200);
    expect(apres.headers.get('etag')).not.toBe(etag);
  });

  it('la même transition envoyée à A et à B en même temps : un 200 et un 409, puis la suivante avec la nouvelle version', async () => {
    const c = new Client('192.0.2.30');
    await c.connecter(A, 'imagin-gestion', 'dec.rennes', MDP_AGENT);
    const liste = await c.get(B, '/api/gestion/deliberation/jurys?etat=210');
    expect(liste.status, JSON.stringify(liste.body)).toBe(200);
    const jury = (liste.body.jurys as Array<{ id: number; numero: string; etat: number; version: number }>).find((j) => j.numero === '25590');
    expect(jury, JSON.stringify(liste.body.jurys)).toBeDefined();
    // The jury's decisions, recorded with the version the page showed, from two processes at once.
    const [r1, r2] = await Promise.all([A, B].map((base) => c.post(base, `/api/gestion/deliberation/jurys/${jury!.id}/decisions`, { version: jury!.version })));
    expect([r1!.status, r2!.status].sort(), JSON.stringify([r1!.body, r2!.body])).toEqual([200, 409]);
    const [gagnant, perdant] = r1!.status === 200 ? [r1!, r2!] : [r2!, r1!];
    expect(perdant.body.code).toBe('CONFLIT');
    const [apres] = await g.sql('select etat, version from jury where id = $1', [jury!.id]);
    expect(apres.version).toBe(jury!.version + 1);
    // Closing (210 → 211) with the new version, again on both at once: one closes it, the other is told.
    const [c1, c2] = await Promise.all([B, A].map((base) => c.post(base, `/api/gestion/deliberation/jurys/${jury!.id}/clore`, { version: gagnant.body.version ?? apres.version })));
    expect([c1!.status, c2!.status].sort(), JSON.stringify([c1!.body, c2!.body])).toEqual([200, 409]);
    const [clos] = await g.sql('select etat from jury where id = $1', [jury!.id]);
    expect(clos.etat).toBe(211);
  });

  it('les limites de connexion sont communes : 30 échecs répartis sur A et B bloquent l’adresse (429)', async () => {
    const c = new Client('192.0.2.40');
    const statuts: number[] = [];
    for (let i = 0; i < 30; i++) {
      // A different unknown identifiant each time: only the address's counter (threshold 30) moves.
      const r = await c.post(i % 2 === 0 ? A : B, '/api/auth/connexion', { service: 'imagin-admin', identifiant: `inconnu.${i}`, motDePasse: 'Mauvais-2026!' });
      statuts.push(r.status);
    }
    // Each process saw 15 failures only: the block comes from the shared counter.
    expect(statuts.every((s) => s === 401), JSON.stringify(statuts)).toBe(true);
    for (const base of [A, B]) {
      const r = await c.post(base, '/api/auth/connexion', { service: 'imagin-admin', identifiant: 'admin.rennes', motDePasse: MDP_AGENT });
      expect(r.status).toBe(429);
      expect(r.body.message).toMatch(/Trop de tentatives de connexion infructueuses/);
    }
    // Another address is not blocked.
    expect((await new Client('192.0.2.41').post(B, '/api/auth/connexion', { service: 'imagin-admin', identifiant: 'admin.rennes', motDePasse: MDP_AGENT })).status).toBe(200);
  });

  it('un processus tué (kill -9) : le répartiteur sert par l’autre, puis le relance', async () => {
    const [tue] = g.processus;
    process.kill(tue!.pid, 'SIGKILL');
    const statuts: number[] = [];
    for (let i = 0; i < 20; i++) statuts.push((await fetch(g.repartiteur + '/api/health')).status);
    expect(statuts.every((s) => s === 200), JSON.stringify(statuts)).toBe(true);
    // Restarted on the same port, by a new process.
    await attendre(async () => (await fetch(tue!.url + '/api/ready').catch(() => null))?.status === 200, 40_000);
    expect(g.sortie()).toMatch(/Processus 1 \(port \d+\) arrêté \(SIGKILL\) : redémarrage/);
  });
});
