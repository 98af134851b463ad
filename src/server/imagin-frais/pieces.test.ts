// Pièces justificatives (issue 16 §5, decision 0030), through HTTP: the upload checks (a « .pdf » holding
// HTML, 5 Mo + 1 octet, the 21st file, a 51-character name, EICAR — refused by the real clamd in CI, by a
// fake clamd speaking the same protocol elsewhere), nothing kept when refused, the scope (another's
// receipt is 404, checked by changing ids), removal rules, download headers (attachment, nosniff).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TAILLE_MAX_PIECE } from '../../domain/imagin/frais/pieces.ts';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { clamdPourLesTests, EICAR } from '../platform/antivirus.fixture.ts';
import { MESSAGE_ANTIVIRUS_ABSENT, MESSAGE_ANTIVIRUS_INDISPONIBLE } from '../platform/antivirus.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { CONDITIONS_A_ACCEPTER } from './intervenant.service.ts';
import { deposerPiece, lireFluxPiece, MESSAGE_NON_DEMATERIALISEES, MESSAGE_VALIDE, piecesDe } from './pieces.service.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let clamd: Awaited<ReturnType<typeof clamdPourLesTests>>;
let alice: TestClient;
let bruno: TestClient;
let decRennes: TestClient;
let decToulouse: TestClient;

const PDF = (texte = 'facture') => Buffer.from(`%PDF-1.4\n1 0 obj << /Titre (${texte}) >> endobj\n%%EOF\n`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/auth/session")</script></body></html>');

function deposer(c: TestClient, etatId: number, nom: string, contenu: Buffer, o: { groupe?: string; base?: string } = {}) {
  const url = `${o.base ?? '/api/intervenant'}/etats-frais/${etatId}/pieces?groupe=${o.groupe ?? 'paie'}&nom=${encodeURIComponent(nom)}`;
  return c.request('POST', url, contenu, { 'content-type': 'application/octet-stream' });
}

/** The files of the store under the receipts' folder of an état. */
function fichiersStockes(etatId: number): string[] {
  const dossier = join(p.config.documents.directory, 'frais', 'pieces', '14', String(etatId));
  return existsSync(dossier) ? readdirSync(dossier) : [];
}

const lignesPieces = (etatId: number) => p.ctx.db.selectFrom('frais_piece').selectAll().where('etat_frais_id', '=', etatId).execute();

async function viderPieces(etatId: number) {
  await p.ctx.db.deleteFrom('frais_piece').where('etat_frais_id', '=', etatId).execute();
}

beforeAll(async () => {
  clamd = await clamdPourLesTests();
  p = await createTestPlatform({ env: { CLAMAV_SOCKET: clamd.socket } });
  f = await fixtureConstat(p);
  await fixtureCompte(p, { login: 'alice.frais', role: 'intervenant', personneId: f.personnes.alice });
  await fixtureCompte(p, { login: 'bruno.frais', role: 'intervenant', personneId: f.personnes.bruno });
  await p.ctx.db.insertInto('frais_parametres').values({ academie_code: '14', conditions_texte: 'Conditions.', pieces_dematerialisees: true }).execute();
  await p.ctx.db
    .insertInto('frais_conditions_acceptation')
    .values([f.personnes.alice, f.personnes.bruno].map((personne_id) => ({ personne_id, academie_code: '14', version: 1, accepte_le: new Date('2026-06-01T08:00:00Z') })))
    .execute();
  alice = p.client();
  await alice.login('imagin-intervenant', 'alice.frais', MOT_DE_PASSE);
  bruno = p.client();
  await bruno.login('imagin-intervenant', 'bruno.frais', MOT_DE_PASSE);
  decRennes = p.client();
  await decRennes.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  decToulouse = p.client();
  await decToulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
  await clamd?.fermer();
});
beforeEach(async () => {
  await p.ctx.db.updateTable('etat_frais').set({ statut: 'non_valide' }).where('id', '=', f.frais.alice).execute();
});

describe('dépôt', () => {
  it('un PDF est déposé, analysé, haché et stocké ; il se télécharge en pièce jointe, type lu dans le contenu, nosniff', async () => {
    const contenu = PDF('hotel');
    const r = await deposer(alice, f.frais.alice, 'facture_hotel-1.pdf', contenu, { groupe: 'deplacement' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ groupe: 'deplacement', nom: 'facture_hotel-1.pdf', typeMime: 'application/pdf', taille: contenu.length, deposeParGestionnaire: false, supprimable: true });
    const [ligne] = (await lignesPieces(f.frais.alice)).filter((l) => l.id === r.body.id);
    expect(ligne).toMatchObject({ personne_id: f.personnes.alice, academie_code: '14', analyse_antivirus: 'saine', sha256: createHash('sha256').update(contenu).digest('hex') });
    expect(fichiersStockes(f.frais.alice)).toContain(String(ligne!.cle_stockage).split('/').at(-1));

    const t = await alice.get(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${r.body.id}`);
    expect(t.status).toBe(200);
    expect(t.headers['content-type']).toBe('application/pdf');
    expect(t.headers['content-disposition']).toMatch(/^attachment; filename="facture_hotel-1\.pdf"/);
    expect(t.headers['x-content-type-options']).toBe('nosniff');
    expect(t.raw.equals(contenu)).toBe(true);

    // The recap (helper D) reads the same bytes.
    const [piece] = (await piecesDe(p.ctx.db, f.frais.alice)).filter((x) => x.id === r.body.id);
    const lus: Buffer[] = [];
    for await (const m of await lireFluxPiece(p.ctx, piece!)) lus.push(m as Buffer);
    expect(Buffer.concat(lus).equals(contenu)).toBe(true);

    const journal = await p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'etats-frais.piece.depot').where('entite_id', '=', r.body.id).execute();
    expect(journal).toHaveLength(1);
    await viderPieces(f.frais.alice);
  });

  it('un « .pdf » qui contient du HTML est refusé, et rien n’est conservé', async () => {
    const avant = fichiersStockes(f.frais.alice).length;
    const r = await deposer(alice, f.frais.alice, 'facture.pdf', HTML);
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toMatch(/^Fichier : le contenu de « facture\.pdf » n’est pas un document PDF/);
    expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    expect(fichiersStockes(f.frais.alice)).toHaveLength(avant);
    // A PNG named .pdf neither.
    const png = await deposer(alice, f.frais.alice, 'facture.pdf', PNG);
    expect(png.status).toBe(400);
    expect(png.body.message).toContain('contient un document PNG, pas PDF');
  });

  it('5 Mo sont acceptés ; 5 Mo + 1 octet sont refusés (annoncés, ou découverts en cours de lecture), rien n’est conservé', async () => {
    const cinqMo = Buffer.concat([PDF(), Buffer.alloc(TAILLE_MAX_PIECE - PDF().length, 0x20)]);
    expect(cinqMo.length).toBe(TAILLE_MAX_PIECE);
    const ok = await deposer(alice, f.frais.alice, 'gros.pdf', cinqMo);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.taille).toBe(TAILLE_MAX_PIECE);
    await viderPieces(f.frais.alice);

    const avant = fichiersStockes(f.frais.alice).length;
    const trop = Buffer.concat([cinqMo, Buffer.from(' ')]);
    const r = await deposer(alice, f.frais.alice, 'trop-gros.pdf', trop);
    expect(r.status).toBe(413);
    expect(r.body.fields.fichier).toContain('limitée à 5 Mo');

    // No announced length (a chunked upload): the limit holds while streaming, and the partial file goes.
    const acteur = { compteId: 0, login: 'alice.frais', role: 'intervenant', roleAttributionId: 0, academieCode: '14', etablissementId: null, personneId: f.personnes.alice, service: 'imagin-intervenant', sessionId: 'x', motDePasseTemporaire: false } as const;
    const morceaux = [trop.subarray(0, 1_000_000), trop.subarray(1_000_000, 4_000_000), trop.subarray(4_000_000)];
    await expect(deposerPiece(p.ctx, acteur, f.frais.alice, 'paie', 'flux.pdf', Readable.from(morceaux), { parGestionnaire: false })).rejects.toMatchObject({ code: 'TROP_VOLUMINEUX' });
    expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    expect(fichiersStockes(f.frais.alice)).toHaveLength(avant);
  });

  it('sur un vrai serveur HTTP, un envoi « chunked » sans longueur est coupé à 5 Mo avec le message en français', async () => {
    const adresse = await p.app.listen({ port: 0, host: '127.0.0.1' });
    const avant = fichiersStockes(f.frais.alice).length;
    const url = new URL(`/api/intervenant/etats-frais/${f.frais.alice}/pieces?groupe=paie&nom=chunked.pdf`, adresse);
    const reponse = await new Promise<{ status: number; corps: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', cookie: alice.cookie!, 'x-csrf-token': alice.csrf! } }, (res) => {
        const morceaux: Buffer[] = [];
        res.on('data', (d: Buffer) => morceaux.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, corps: Buffer.concat(morceaux).toString('utf8') }));
      });
      req.on('error', reject);
      req.write(PDF());
      const morceau = Buffer.alloc(256 * 1024, 0x20);
      let envoyes = 0;
      const suite = () => {
        while (envoyes < 24) {
          envoyes++;
          if (!req.write(morceau)) return void req.once('drain', suite);
        }
        req.end();
      };
      suite();
    });
    expect(reponse.status).toBe(413);
    expect(JSON.parse(reponse.corps).fields.fichier).toContain('limitée à 5 Mo');
    expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    expect(fichiersStockes(f.frais.alice)).toHaveLength(avant);
  });

  it('20 documents par groupe : le 21e est refusé ; l’autre groupe a les siens', async () => {
    for (let i = 1; i <= 20; i++) {
      const r = await deposer(alice, f.frais.alice, `billet-${i}.png`, PNG, { groupe: 'deplacement' });
      expect(r.status, `${i} : ${JSON.stringify(r.body)}`).toBe(201);
    }
    const r = await deposer(alice, f.frais.alice, 'billet-21.png', PNG, { groupe: 'deplacement' });
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toContain('20 documents au plus peuvent être déposés pour le déplacement');
    expect((await lignesPieces(f.frais.alice)).filter((l) => l.groupe === 'deplacement')).toHaveLength(20);
    expect((await deposer(alice, f.frais.alice, 'rib.png', PNG, { groupe: 'paie' })).status).toBe(201);
    await viderPieces(f.frais.alice);
  });

  it('deux envois simultanés sur la 20e place : un seul est gardé, l’autre refusé sans rien laisser', async () => {
    const maintenant = new Date();
    await p.ctx.db
      .insertInto('frais_piece')
      .values(
        Array.from({ length: 19 }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          etat_frais_id: f.frais.alice,
          academie_code: '14',
          personne_id: f.personnes.alice,
          groupe: 'paie' as const,
          nom: `ancien-${i}.pdf`,
          type_mime: 'application/pdf',
          taille: 10,
          sha256: 'x',
          cle_stockage: `frais/pieces/14/${f.frais.alice}/ancien-${i}`,
          depose_le: maintenant,
          depose_par: null,
          analyse_antivirus: 'non_analysee' as const,
        })),
      )
      .execute();
    const avant = fichiersStockes(f.frais.alice).length;
    const [a, b] = await Promise.all([deposer(alice, f.frais.alice, 'vingtieme-a.pdf', PDF('a')), deposer(alice, f.frais.alice, 'vingtieme-b.pdf', PDF('b'))]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    expect([a, b].find((r) => r.status === 400)!.body.fields.fichier).toContain('20 documents au plus');
    expect(await lignesPieces(f.frais.alice)).toHaveLength(20);
    expect(fichiersStockes(f.frais.alice)).toHaveLength(avant + 1);
    await viderPieces(f.frais.alice);
  });

  it('nom : 50 caractères acceptés, 51 refusés ; ni espace ni accent', async () => {
    expect((await deposer(alice, f.frais.alice, `${'a'.repeat(50)}.pdf`, PDF())).status).toBe(201);
    const r = await deposer(alice, f.frais.alice, `${'a'.repeat(51)}.pdf`, PDF());
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toContain('le nom compte 51 caractères, 50 au plus');
    expect((await deposer(alice, f.frais.alice, 'facture hôtel.pdf', PDF())).body.fields.fichier).toMatch(/^Fichier : le nom ne peut contenir que/);
    expect((await deposer(alice, f.frais.alice, 'page.html', HTML)).body.fields.fichier).toMatch(/^Fichier : le format doit être/);
    await viderPieces(f.frais.alice);
  });

  it(`le fichier de test EICAR est refusé par l’antivirus (${process.env.CLAMAV_SOCKET ? 'clamd réel' : 'faux clamd'}), rien n’est conservé, le refus est journalisé`, async () => {
    const avant = fichiersStockes(f.frais.alice).length;
    const contenu = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR, 'latin1'), Buffer.from('\n%%EOF\n')]);
    const r = await deposer(alice, f.frais.alice, 'facture.pdf', contenu);
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toMatch(/^Fichier : « facture\.pdf » contient un logiciel malveillant \(.*Eicar.*\) et n'a pas été conservé/i);
    expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    expect(fichiersStockes(f.frais.alice)).toHaveLength(avant);
    const journal = await p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'etats-frais.piece.refus-antivirus').execute();
    expect(journal.at(-1)).toMatchObject({ entite_id: String(f.frais.alice), acteur: 'alice.frais' });
  });

  it('antivirus configuré mais injoignable : 503 en français, le fichier n’est pas conservé', async () => {
    const config = p.ctx.config as { clamavSocket: string | undefined };
    const vrai = config.clamavSocket;
    config.clamavSocket = join(p.config.dataDir, 'absent', 'clamd.sock');
    try {
      const r = await deposer(alice, f.frais.alice, 'facture.pdf', PDF());
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ code: 'INDISPONIBLE', message: MESSAGE_ANTIVIRUS_INDISPONIBLE });
      expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    } finally {
      config.clamavSocket = vrai;
    }
  });

  it('sans antivirus configuré, la pièce est acceptée et marquée « non analysée »', async () => {
    const config = p.ctx.config as { clamavSocket: string | undefined };
    const vrai = config.clamavSocket;
    config.clamavSocket = undefined;
    try {
      const r = await deposer(alice, f.frais.alice, 'facture.pdf', PDF());
      expect(r.status).toBe(201);
      expect((await lignesPieces(f.frais.alice))[0]).toMatchObject({ analyse_antivirus: 'non_analysee' });
    } finally {
      config.clamavSocket = vrai;
      await viderPieces(f.frais.alice);
    }
  });

  it('sans antivirus, l’administrateur le lit sur sa page d’accueil (description de session) ; avec, rien', async () => {
    await fixtureCompte(p, { login: 'admin.rennes', role: 'administrateur' });
    const admin = p.client();
    await admin.login('imagin-admin', 'admin.rennes', MOT_DE_PASSE);
    expect((await admin.get('/api/auth/session')).body.avertissementsPlateforme).toEqual([]);
    const config = p.ctx.config as { clamavSocket: string | undefined };
    const vrai = config.clamavSocket;
    config.clamavSocket = undefined;
    try {
      const s = (await admin.get('/api/auth/session')).body;
      expect(s.avertissementsPlateforme).toEqual([MESSAGE_ANTIVIRUS_ABSENT]);
      expect(MESSAGE_ANTIVIRUS_ABSENT).toContain('ne sont pas analysés');
      // Not the intervenant's business.
      expect((await alice.get('/api/auth/session')).body.avertissementsPlateforme).toEqual([]);
    } finally {
      config.clamavSocket = vrai;
    }
  });

  it('refusé (409) tant que l’intervenant n’a pas accepté la version en vigueur des conditions d’utilisation', async () => {
    await p.ctx.db.updateTable('frais_parametres').set({ conditions_version: 2 }).where('academie_code', '=', '14').execute();
    try {
      const r = await deposer(alice, f.frais.alice, 'facture.pdf', PDF());
      expect(r.status).toBe(409);
      expect(r.body.message).toBe(CONDITIONS_A_ACCEPTER);
      expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    } finally {
      await p.ctx.db.updateTable('frais_parametres').set({ conditions_version: 1 }).where('academie_code', '=', '14').execute();
    }
  });

  it('le corps doit être le fichier (application/octet-stream)', async () => {
    const r = await alice.post(`/api/intervenant/etats-frais/${f.frais.alice}/pieces?groupe=paie&nom=a.pdf`, { contenu: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toContain('application/octet-stream');
  });

  it('refusé quand l’académie n’autorise pas les pièces dématérialisées, ou une fois l’état validé', async () => {
    await p.ctx.db.updateTable('frais_parametres').set({ pieces_dematerialisees: false }).where('academie_code', '=', '14').execute();
    try {
      const r = await deposer(alice, f.frais.alice, 'facture.pdf', PDF());
      expect(r.status).toBe(403);
      expect(r.body.message).toBe(MESSAGE_NON_DEMATERIALISEES);
    } finally {
      await p.ctx.db.updateTable('frais_parametres').set({ pieces_dematerialisees: true }).where('academie_code', '=', '14').execute();
    }
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'valide' }).where('id', '=', f.frais.alice).execute();
    const r = await deposer(alice, f.frais.alice, 'facture.pdf', PDF());
    expect(r.status).toBe(409);
    expect(r.body.message).toBe(MESSAGE_VALIDE);
  });
});

describe('portée : ses pièces seulement, et les gestionnaires de l’académie', () => {
  it('la pièce d’un autre intervenant est introuvable (404), quel que soit l’identifiant changé', async () => {
    const r = await deposer(alice, f.frais.alice, 'rib.pdf', PDF('rib'));
    expect(r.status).toBe(201);
    const pieceId = r.body.id as string;
    // Bruno, with Alice's état and piece, or his own état and Alice's piece.
    expect((await bruno.get(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${pieceId}`)).status).toBe(404);
    expect((await bruno.get(`/api/intervenant/etats-frais/${f.frais.bruno}/pieces/${pieceId}`)).status).toBe(404);
    expect((await bruno.delete(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${pieceId}`)).status).toBe(404);
    expect((await deposer(bruno, f.frais.alice, 'intrus.pdf', PDF())).status).toBe(404);
    // Alice with another état id, or a piece id that does not exist.
    expect((await alice.get(`/api/intervenant/etats-frais/${f.frais.bruno}/pieces/${pieceId}`)).status).toBe(404);
    expect((await alice.get(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    // The gestionnaire of another académie neither; Rennes's reads it.
    expect((await decToulouse.get(`/api/gestion/etats-frais/${f.frais.alice}/pieces/${pieceId}`)).status).toBe(404);
    expect((await deposer(decToulouse, f.frais.alice, 'intrus.pdf', PDF(), { base: '/api/gestion' })).status).toBe(404);
    const g = await decRennes.get(`/api/gestion/etats-frais/${f.frais.alice}/pieces/${pieceId}`);
    expect(g.status).toBe(200);
    expect(g.headers['content-disposition']).toMatch(/^attachment;/);
    expect(g.headers['x-content-type-options']).toBe('nosniff');
    expect(g.raw.equals(PDF('rib'))).toBe(true);
    expect(await lignesPieces(f.frais.alice)).toHaveLength(1);
    await viderPieces(f.frais.alice);
  });
});

describe('suppression', () => {
  it('possible avant validation, refusée après ; le fichier disparaît du stockage ; journalisée', async () => {
    const r = await deposer(alice, f.frais.alice, 'billet.pdf', PDF('billet'), { groupe: 'deplacement' });
    const pieceId = r.body.id as string;
    const cle = (await lignesPieces(f.frais.alice))[0]!.cle_stockage;
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'valide' }).where('id', '=', f.frais.alice).execute();
    expect((await piecesDe(p.ctx.db, f.frais.alice))[0]!.supprimable).toBe(false);
    const refus = await alice.delete(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${pieceId}`);
    expect(refus.status).toBe(409);
    expect(refus.body.message).toBe(MESSAGE_VALIDE);
    expect(await p.ctx.store.exists(cle)).toBe(true);

    await p.ctx.db.updateTable('etat_frais').set({ statut: 'non_valide' }).where('id', '=', f.frais.alice).execute();
    const ok = await alice.delete(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${pieceId}`);
    expect(ok.status).toBe(200);
    expect(ok.body.message).toContain('« billet.pdf » a été supprimé');
    expect(await lignesPieces(f.frais.alice)).toHaveLength(0);
    expect(await p.ctx.store.exists(cle)).toBe(false);
    const journal = await p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'etats-frais.piece.suppression').where('entite_id', '=', pieceId).execute();
    expect(journal).toHaveLength(1);
  });

  it('le gestionnaire dépose à tout moment (état validé, dépôt en ligne fermé) ; l’intervenant ne peut pas supprimer sa pièce', async () => {
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'valide' }).where('id', '=', f.frais.alice).execute();
    await p.ctx.db.updateTable('frais_parametres').set({ pieces_dematerialisees: false }).where('academie_code', '=', '14').execute();
    try {
      const r = await deposer(decRennes, f.frais.alice, 'RIB_scanne.pdf', PDF('rib'), { base: '/api/gestion' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ deposeParGestionnaire: true, supprimable: false });
      expect((await lignesPieces(f.frais.alice))[0]).toMatchObject({ depose_par_gestionnaire: true, personne_id: f.personnes.alice });
      await p.ctx.db.updateTable('etat_frais').set({ statut: 'non_valide' }).where('id', '=', f.frais.alice).execute();
      const [vue] = await piecesDe(p.ctx.db, f.frais.alice);
      expect(vue).toMatchObject({ deposeParGestionnaire: true, supprimable: false });
      const refus = await alice.delete(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${r.body.id}`);
      expect(refus.status).toBe(409);
      expect(refus.body.message).toContain('déposé par le gestionnaire');
      // Alice reads it (her own receipt).
      expect((await alice.get(`/api/intervenant/etats-frais/${f.frais.alice}/pieces/${r.body.id}`)).status).toBe(200);
    } finally {
      await p.ctx.db.updateTable('frais_parametres').set({ pieces_dematerialisees: true }).where('academie_code', '=', '14').execute();
      await viderPieces(f.frais.alice);
    }
  });
});
