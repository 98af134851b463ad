// Portails du service intervenant (issue 15, seed 004 §2.6, §2.7, §2.10; decision 0022): the list per
// académie with the SANTORIN states, scope (another person's convocation → 404), the hand-off token
// verified by a real HTTP target started here (signature, audience, expiry, replay), the unreachable
// and the unconfigured application, the conditions of the EPS / sujets / statistiques activities, the
// administrator's addresses, and the import of the SANTORIN states (rejected lines, idempotence, scope).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAISON_CONDITION_PERSONNE } from '../../domain/services.ts';
import { attendre, createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { oublierDisponibilites } from './disponibilite.ts';
import { gardeRejeu, JetonRefuse, verifierJeton, type ChargeJeton } from './jeton-passage.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let alice: TestClient;
let bruno: TestClient;
let sujets: TestClient;
let dec14: TestClient;
let dec16: TestClient;
let admin14: TestClient;
let cible: Server;
let urlCible: string;
let urlInjoignable: string;
let jwk: { kty: string; crv: string; x: string };
/** What the target verified (or refused), newest last. */
const recus: Array<{ application: string; ok: boolean; charge?: ChargeJeton; motif?: string }> = [];
const P = '/api/intervenant/portails';
const x = { corcop: 0, numcop: 0, epsaca: 0, toulouse: 0, cAlice1: 0, cAliceNum: 0, cAliceEps: 0, cAliceTls: 0, cAliceIntora: 0, cBruno: 0 };

async function ecouter(s: Server): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  await db
    .insertInto('type_mission')
    .values([
      { code: 'NUMCOP', libelle: 'NUMERISATION DES COPIES', mode_remuneration: 'gestionnaire', sans_qualite: true },
      { code: 'EPSACA', libelle: 'Commission académique EPS', mode_remuneration: 'gestionnaire' },
    ])
    .execute();
  const session = (await db.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', '2026-06').executeTakeFirstOrThrow()).id;
  const mission = async (numero: number, type: string, academie = '14') =>
    (
      await db
        .insertInto('mission')
        .values({ academie_code: academie, numero, session_examen_id: session, specialite_id: f.specialites.bcg, epreuve_option_id: f.epreuves.c010, type_mission: type, centre_id: academie === '14' ? f.etabs.lycee : f.etabs.toulouse })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  x.corcop = (await db.selectFrom('mission').select('id').where('numero', '=', 112440).executeTakeFirstOrThrow()).id;
  x.numcop = await mission(112600, 'NUMCOP');
  x.epsaca = await mission(112700, 'EPSACA');
  x.toulouse = await mission(195600, 'CORCOP', '16');
  await db.insertInto('mission_date').values([{ mission_id: x.numcop, jour: '2026-06-13', heure_debut: '08:00', heure_fin: '12:00' }, { mission_id: x.toulouse, jour: '2026-06-20', heure_debut: '08:00', heure_fin: '12:00' }]).execute();
  const conv = async (mission: number, personne: number, academie = '14') =>
    (await db.insertInto('convocation').values({ academie_code: academie, mission_id: mission, personne_id: personne, statut: 'convoquee', origine: 'gestionnaire' }).returning('id').executeTakeFirstOrThrow()).id;
  x.cAlice1 = (await db.selectFrom('convocation').select('id').where('mission_id', '=', x.corcop).where('personne_id', '=', f.personnes.alice).executeTakeFirstOrThrow()).id;
  x.cAliceIntora = (await db.selectFrom('convocation').select('id').where('mission_id', '=', f.missions.m2).where('personne_id', '=', f.personnes.alice).executeTakeFirstOrThrow()).id;
  x.cAliceNum = await conv(x.numcop, f.personnes.alice);
  x.cAliceEps = await conv(x.epsaca, f.personnes.alice);
  // Convoked by Toulouse too: the « Toulouse » tab.
  x.cAliceTls = await conv(x.toulouse, f.personnes.alice, '16');
  x.cBruno = await conv(x.numcop, f.personnes.bruno);
  await db.insertInto('santorin_etat').values([
    { academie_code: '14', mission_id: x.corcop, personne_id: null, etat: 'a_corriger' },
    { academie_code: '14', mission_id: x.numcop, personne_id: null, etat: 'a_numeriser' },
    { academie_code: '14', mission_id: x.numcop, personne_id: f.personnes.alice, etat: 'service_fait' },
  ]).execute();

  await fixtureCompte(p, { login: 'alice.portail', role: 'intervenant', personneId: f.personnes.alice });
  await fixtureCompte(p, { login: 'bruno.portail', role: 'intervenant', personneId: f.personnes.chloe });
  const imsuj = (await db.insertInto('personne').values({ academie_code: '14', civilite: 'M.', nom: 'SUJETS-TEST', prenom: 'Sam', discipline_poste: 'IMSUJ' }).returning('id').executeTakeFirstOrThrow()).id;
  await fixtureCompte(p, { login: 'sam.sujets', role: 'intervenant', personneId: imsuj });
  await fixtureCompte(p, { login: 'dec.portail14', role: 'gestionnaire' });
  await fixtureCompte(p, { login: 'dec.portail16', role: 'gestionnaire', academie: '16' });
  await fixtureCompte(p, { login: 'admin.portail14', role: 'administrateur' });
  alice = p.client();
  await alice.login('imagin-intervenant', 'alice.portail', MOT_DE_PASSE);
  bruno = p.client();
  await bruno.login('imagin-intervenant', 'bruno.portail', MOT_DE_PASSE);
  sujets = p.client();
  await sujets.login('imagin-intervenant', 'sam.sujets', MOT_DE_PASSE);
  dec14 = p.client();
  await dec14.login('imagin-gestion', 'dec.portail14', MOT_DE_PASSE);
  dec16 = p.client();
  await dec16.login('imagin-gestion', 'dec.portail16', MOT_DE_PASSE);
  admin14 = p.client();
  await admin14.login('imagin-admin', 'admin.portail14', MOT_DE_PASSE);

  // The target: an application that verifies the token with the platform's published key.
  jwk = (await p.client().get('/api/jeton-passage/cles')).body.keys[0];
  const rejeu = gardeRejeu(() => p.clock.now().getTime());
  cible = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://cible');
    const application = u.pathname.split('/')[1] ?? '';
    const jeton = u.searchParams.get('jeton');
    if (!jeton) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Cible de test</p>');
      return;
    }
    try {
      const charge = verifierJeton(jeton, { clePublique: jwk, emetteur: 'http://localhost:3000', audience: application, jtiNeuf: rejeu, maintenant: p.clock.now() });
      recus.push({ application, ok: true, charge });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<h1>Jeton vérifié</h1><p>${charge.sub}</p>`);
    } catch (e) {
      recus.push({ application, ok: false, motif: (e as Error).message });
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(`<h1>Jeton refusé</h1><p>${(e as Error).message}</p>`);
    }
  });
  urlCible = `http://127.0.0.1:${await ecouter(cible)}`;
  const ferme = createServer();
  urlInjoignable = `http://127.0.0.1:${await ecouter(ferme)}/santorin`;
  await new Promise<void>((r) => ferme.close(() => r()));
}, 60_000);

afterAll(async () => {
  if (cible) await new Promise<void>((r) => cible.close(() => r()));
  await p?.close();
});

async function configurer(application: string, url: string) {
  const avant = (await admin14.get('/api/admin/applications-externes')).body.applications.find((a: { code: string }) => a.code === application);
  const r = await admin14.put(`/api/admin/applications-externes/${application}`, { url, version: avant.version });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe('Portail d’accès aux missions : la liste', () => {
  it('un onglet par académie (celle de la session d’abord), les missions SANTORIN / CYCLADES seulement, avec leur état de correction', async () => {
    const r = await alice.get(`${P}/missions`);
    expect(r.status).toBe(200);
    expect(r.body.academies.map((a: any) => [a.code, a.libelle, a.courante])).toEqual([
      ['14', 'Rennes', true],
      ['16', 'Toulouse', false],
    ]);
    const rennes = r.body.academies[0].missions;
    // The INTORA mission (112441) and the mission of last year are not portal missions… the 2025 CORCOP is one.
    expect(rennes.map((m: any) => m.numero).sort()).toEqual([111759, 112440, 112600, 112700]);
    const par = (n: number) => rennes.find((m: any) => m.numero === n);
    expect(par(112440)).toMatchObject({ etatLibelle: 'A corriger dans SANTORIN', application: 'SANTORIN', type: 'CORRECTION DE COPIES', examen: 'BCG', examenLibelle: 'BACCALAUREAT GENERAL', specialite: 'BACCALAUREAT GENERAL', epreuveOption: 'C010, Mathématiques', debut: '2026-06-15' });
    // Her own state prevails over the mission's (« A numériser » for the others).
    expect(par(112600)).toMatchObject({ etat: 'service_fait', etatLibelle: 'Service fait SANTORIN', debut: '2026-06-13' });
    expect(par(112700)).toMatchObject({ application: 'CYCLADES', etat: null });
    expect(r.body.academies[1].missions).toEqual([expect.objectContaining({ numero: 195600, academieCode: '16', etat: null })]);
    // Bruno (another person convoked to 112600) reads the mission's state.
    const db = p.ctx.db;
    const etatBruno = await db.selectFrom('santorin_etat').select('etat').where('mission_id', '=', x.numcop).where('personne_id', 'is', null).executeTakeFirstOrThrow();
    expect(etatBruno.etat).toBe('a_numeriser');
  });

  it('sans convocation donnant accès à SANTORIN ou CYCLADES, le portail est refusé (403, raison en français)', async () => {
    const r = await bruno.get(`${P}/missions`);
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(RAISON_CONDITION_PERSONNE.convoque_portail);
  });
});

describe('Le passage vers l’application (jeton signé)', () => {
  it('non configurée : 503 et le conseil de contacter le gestionnaire', async () => {
    const r = await alice.post(`${P}/missions/${x.cAlice1}/acces`);
    expect(r.status).toBe(503);
    expect(r.body.message).toMatch(/SANTORIN n'est pas accessible depuis IMAG'IN pour l'académie de Rennes : son adresse n'a pas été renseignée\. Prenez contact avec votre gestionnaire\./);
  });

  it('la convocation d’une autre personne, ou d’une mission hors du portail : 404, sans rien dire d’elle', async () => {
    for (const id of [x.cBruno, x.cAliceIntora, 999_999]) {
      const r = await alice.post(`${P}/missions/${id}/acces`);
      expect(r.status).toBe(404);
      expect(r.body.message).not.toMatch(/BRUNO|112600/);
    }
  });

  it('configurée et joignable : l’adresse porte un jeton que l’application vérifie (signature, émetteur, audience, mission)', async () => {
    await configurer('SANTORIN', `${urlCible}/SANTORIN`);
    const r = await alice.post(`${P}/missions/${x.cAlice1}/acces`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.url.startsWith(`${urlCible}/SANTORIN?jeton=`)).toBe(true);
    const page = await fetch(r.body.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Jeton vérifié');
    const recu = recus.at(-1)!;
    expect(recu.ok).toBe(true);
    expect(recu.charge).toMatchObject({ iss: 'http://localhost:3000', aud: 'SANTORIN', sub: 'alice.portail', numen: '14E0512345ABC', academie: '14', contexte: { activite: 'portail-acces-missions', mission: { numero: 112440, type: 'CORCOP' } } });
    expect(recu.charge!.exp - recu.charge!.iat).toBe(60);
    // The same token a second time: refused (jti already used).
    const rejeu = await fetch(r.body.url);
    expect(rejeu.status).toBe(401);
    expect(recus.at(-1)).toMatchObject({ ok: false, motif: 'Jeton déjà utilisé.' });
    // Audited, without the token itself.
    const a = await p.ctx.db.selectFrom('audit_log').select(['apres']).where('action', '=', 'portail.passage').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(a.apres)).toContain(recu.charge!.jti);
    expect(JSON.stringify(a.apres)).not.toContain(new URL(r.body.url).searchParams.get('jeton')!);
  });

  it('la fonction de vérification des applications refuse un jeton expiré, destiné à une autre, altéré ou d’un autre émetteur', async () => {
    const r = await alice.post(`${P}/missions/${x.cAliceNum}/acces`);
    const jeton = new URL(r.body.url).searchParams.get('jeton')!;
    const base = { clePublique: jwk, emetteur: 'http://localhost:3000', audience: 'SANTORIN', maintenant: p.clock.now() };
    expect(verifierJeton(jeton, base).contexte.mission?.numero).toBe(112600);
    const refus = (j: string, a: Partial<typeof base>) => {
      try {
        verifierJeton(j, { ...base, ...a });
        return 'accepté';
      } catch (e) {
        expect(e).toBeInstanceOf(JetonRefuse);
        return (e as Error).message;
      }
    };
    expect(refus(jeton, { maintenant: new Date(p.clock.now().getTime() + 66_000) })).toBe('Jeton expiré.');
    expect(refus(jeton, { audience: 'CYCLADES' })).toBe('Jeton destiné à une autre application.');
    expect(refus(jeton, { emetteur: 'https://ailleurs.example' })).toBe('Émetteur inattendu.');
    const [e, c, s] = jeton.split('.');
    const charge = JSON.parse(Buffer.from(c!, 'base64url').toString());
    const falsifie = `${e}.${Buffer.from(JSON.stringify({ ...charge, sub: 'bruno.portail' })).toString('base64url')}.${s}`;
    expect(refus(falsifie, {})).toBe('Signature invalide.');
    expect(refus(`${e}.${c}`, {})).toBe('Jeton mal formé.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${c}.${s}`;
    expect(refus(none, {})).toBe('Algorithme de signature refusé.');
  });

  it('l’application d’une autre académie : celle de la mission (Toulouse, non configurée)', async () => {
    const r = await alice.post(`${P}/missions/${x.cAliceTls}/acces`);
    expect(r.status).toBe(503);
    expect(r.body.message).toContain("pour l'académie de Toulouse");
  });

  it('injoignable : 503 « n’est pas disponible … prenez contact avec votre gestionnaire », vérifié côté serveur avec un délai court', async () => {
    await configurer('CYCLADES', urlInjoignable);
    oublierDisponibilites();
    const r = await alice.post(`${P}/missions/${x.cAliceEps}/acces`);
    expect(r.status).toBe(503);
    expect(r.body.message).toBe("L'application CYCLADES de l'académie de Rennes n'est pas disponible pour le moment. Réessayez plus tard ; si le problème persiste, prenez contact avec votre gestionnaire.");
    // « Vérifier » of the administrator says why.
    const v = await admin14.post('/api/admin/applications-externes/CYCLADES/verification', {});
    expect(v.body).toMatchObject({ disponible: false });
    expect(v.body.message).toMatch(/refuse la connexion/);
    const ok = await admin14.post('/api/admin/applications-externes/SANTORIN/verification', {});
    expect(ok.body).toMatchObject({ disponible: true });
  });
});

describe('Gestion des épreuves EPS, des sujets, statistiques nationales', () => {
  it('refusées à qui n’y est pas habilité (403 et la raison)', async () => {
    for (const [chemin, condition] of [
      ['eps', 'enseignant_eps'],
      ['sujets', 'habilite_sujets'],
      ['statistiques', 'habilite_statistiques'],
    ] as const) {
      const r = await alice.post(`${P}/${chemin}/acces`);
      expect(r.status).toBe(403);
      expect(r.body.message).toBe(RAISON_CONDITION_PERSONNE[condition]);
    }
  });

  it('IMSUJ : passage vers DELOS BNS ; pas vers les statistiques', async () => {
    await configurer('DELOS_BNS', `${urlCible}/DELOS_BNS`);
    const r = await sujets.post(`${P}/sujets/acces`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await fetch(r.body.url)).status).toBe(200);
    expect(recus.at(-1)!.charge).toMatchObject({ aud: 'DELOS_BNS', sub: 'sam.sujets', contexte: { activite: 'gestion-sujets' } });
    expect(recus.at(-1)!.charge!.numen).toBeUndefined();
    expect((await sujets.post(`${P}/statistiques/acces`)).status).toBe(403);
  });
});

describe('Applications externes (administrateur)', () => {
  it('adresse contrôlée, version exigée (409 nommant l’auteur), réservée à l’administrateur', async () => {
    const liste = (await admin14.get('/api/admin/applications-externes')).body;
    expect(liste.applications.map((a: any) => a.code)).toEqual(['SANTORIN', 'CYCLADES', 'CYCLADES_EPS', 'DELOS_BNS', 'SANTORIN_STATS']);
    expect(liste.verification.jwk.x).toBe(jwk.x);
    const santorin = liste.applications.find((a: any) => a.code === 'SANTORIN');
    const mauvais = await admin14.put('/api/admin/applications-externes/SANTORIN', { url: 'santorin.ac-rennes.fr', version: santorin.version });
    expect(mauvais.status).toBe(400);
    expect(mauvais.body.fields.url).toMatch(/^Adresse : une adresse complète est attendue/);
    const perime = await admin14.put('/api/admin/applications-externes/SANTORIN', { url: 'https://santorin.example/', version: santorin.version - 1 });
    expect(perime.status).toBe(409);
    expect(perime.body.message).toMatch(/modifiée par admin\.portail14 le/);
    expect((await dec14.get('/api/admin/applications-externes')).status).toBe(403);
    expect((await alice.get('/api/admin/applications-externes')).status).toBe(403);
  });
});

describe('Import des états de correction SANTORIN (gestionnaire)', () => {
  const importer = async (c: TestClient, contenu: Buffer, nomFichier = 'etats.csv') => {
    const r = await c.post('/api/gestion/imports', { genre: 'santorin-etats', nomFichier, contenu: contenu.toString('base64') });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const t = await attendre(async () => {
      const t = await p.ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', r.body.traitementId).executeTakeFirst();
      return t && (t.statut === 'termine' || t.statut === 'erreur') ? t : null;
    });
    const journal = (await p.ctx.db.selectFrom('traitement_log').select('message').where('traitement_id', '=', r.body.traitementId).orderBy('id').execute()).map((l) => l.message);
    return { ...t, journal, id: r.body.traitementId as string };
  };
  const etats = () => p.ctx.db.selectFrom('santorin_etat').select(['mission_id', 'personne_id', 'etat', 'importe_le']).orderBy('mission_id').orderBy('personne_id').execute();

  it('chaque ligne rejetée avec son numéro, son champ et la raison ; les autres appliquées (Windows-1252, « , »)', async () => {
    const texte = [
      'Numéro mission,État,NUMEN',
      '112440,SERVICE_FAIT,',
      '112600,A corriger dans SANTORIN,14E0612345ABD',
      '12a,A_CORRIGER,',
      '112441,A_CORRIGER,',
      '999999,A_CORRIGER,',
      '112440,Corrigé,',
      '112600,A_NUMERISER,14E0712345ABE',
      '112440,A_CORRIGER,',
      '112600,A_NUMERISER,XYZ',
      '112700,SERVICE_FAIT,',
    ].join('\r\n');
    const r = await importer(dec14, Buffer.from(texte, 'latin1'));
    expect(r.statut).toBe('termine');
    const rejets = r.journal.filter((m) => m.startsWith('Ligne rejetée'));
    expect(rejets).toEqual([
      "Ligne rejetée — Ligne 4, NUMERO_MISSION : « 12a » n'est pas un numéro de mission : un nombre entier positif est attendu.",
      'Ligne rejetée — Ligne 5, NUMERO_MISSION : la mission n° 112441 est de type INTORA (INTERROGATION ORALE) : elle ne donne pas accès à SANTORIN.',
      "Ligne rejetée — Ligne 6, NUMERO_MISSION : aucune mission n° 999999 dans l'académie de Rennes.",
      expect.stringMatching(/^Ligne rejetée — Ligne 7, ETAT : « Corrigé » n'est pas un état connu/),
      "Ligne rejetée — Ligne 8, NUMEN : aucun intervenant de NUMEN 14E… n'est convoqué à la mission n° 112600.",
      "Ligne rejetée — Ligne 9, NUMERO_MISSION : l'état de la mission n° 112440 est déjà donné ligne 2.",
      expect.stringMatching(/^Ligne rejetée — Ligne 10, NUMEN : « XYZ » : Le NUMEN doit compter 13 caractères/),
      'Ligne rejetée — Ligne 11, NUMERO_MISSION : la mission n° 112700 est de type EPSACA (Commission académique EPS) : elle ne donne pas accès à SANTORIN.',
    ]);
    expect(r.journal).toContain('Bilan : 1 état(s) de correction ajouté(s), 1 modifié(s), 0 inchangé(s) ; 8 ligne(s) rejetée(s).');
    expect(r.journal[0]).toMatch(/Windows-1252, séparateur « , »/);
    const e = await etats();
    expect(e.find((x0) => x0.mission_id === x.corcop && x0.personne_id === null)?.etat).toBe('service_fait');
    expect(e.find((x0) => x0.mission_id === x.numcop && x0.personne_id === f.personnes.bruno)?.etat).toBe('a_corriger');
    const docs = await p.ctx.db.selectFrom('document').select('nom').where('traitement_id', '=', r.id).execute();
    expect(docs.map((d) => d.nom)).toEqual(['Lignes rejetées']);
  });

  it('le même fichier deux fois ne change rien (UTF-8 avec BOM, « ; »)', async () => {
    const fichier = Buffer.from('\uFEFFNUMERO_MISSION;ETAT;NUMEN\r\n112440;A_CORRIGER;\r\n112600;SERVICE_FAIT;14E0612345ABD\r\n', 'utf8');
    const premier = await importer(dec14, fichier);
    expect(premier.journal).toContain('Bilan : 0 état(s) de correction ajouté(s), 2 modifié(s), 0 inchangé(s) ; 0 ligne(s) rejetée(s).');
    const avant = await etats();
    const second = await importer(dec14, fichier);
    expect(second.journal).toContain('Bilan : 0 état(s) de correction ajouté(s), 0 modifié(s), 2 inchangé(s) ; 0 ligne(s) rejetée(s).');
    expect(await etats()).toEqual(avant);
  });

  it('seulement les missions de l’académie du gestionnaire', async () => {
    const r = await importer(dec16, Buffer.from('NUMERO_MISSION;ETAT\n112440;A_NUMERISER\n195600;A_CORRIGER\n'));
    expect(r.journal).toContain("Ligne rejetée — Ligne 2, NUMERO_MISSION : aucune mission n° 112440 dans l'académie de Toulouse.");
    expect(r.journal).toContain('Bilan : 1 état(s) de correction ajouté(s), 0 modifié(s), 0 inchangé(s) ; 1 ligne(s) rejetée(s).');
    expect((await etats()).find((e) => e.mission_id === x.corcop && e.personne_id === null)?.etat).toBe('a_corriger');
  });

  it('un fichier sans les colonnes attendues est refusé à l’envoi, le champ nommé', async () => {
    const r = await dec14.post('/api/gestion/imports', { genre: 'santorin-etats', nomFichier: 'x.csv', contenu: Buffer.from('MISSION;STATUT\n1;2\n').toString('base64') });
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toBe("Fichier : Ligne 1 : colonnes absentes de la ligne d'en-tête : NUMERO_MISSION, ETAT (attendu : NUMERO_MISSION;ETAT;NUMEN, séparateur « ; » ou « , »).");
    expect((await alice.post('/api/gestion/imports', { genre: 'santorin-etats', nomFichier: 'x.csv', contenu: '' })).status).toBe(403);
  });
});
