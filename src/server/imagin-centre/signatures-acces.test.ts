// Signature centre / établissement pour la convocation (003 §4.4) and Accès autres académies (003 §4.6):
// scope, validation, the fictitious convocation read back; the académies offered, the child session
// opened in a new tab (its header, its menu, what it may do, how it ends), the one-time exchange code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type Reponse, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { MESSAGE_CODE_INVALIDE, MESSAGE_INJOIGNABLE } from './acces-academies.service.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
let college: TestClient;
const S = '/api/centre/signatures';
const A = '/api/centre/acces-academies';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  // Inter-académie services and another académie whose service is down, where LA PROMENADE is a centre.
  await db
    .insertInto('academie')
    .values([
      { code: 'SIEC', libelle: 'SIEC', nom_majuscule: 'SIEC', domaine_mail: 'siec.education.fr', inter_academique: true },
      { code: 'DGRH', libelle: 'DGRH', nom_majuscule: 'DGRH', domaine_mail: 'education.gouv.fr', inter_academique: true, exclue_acces_autres: true },
      { code: '25', libelle: 'Besançon', nom_majuscule: 'BESANCON', domaine_mail: 'ac-besancon.fr', service_joignable: false },
    ])
    .execute();
  const session = await db.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', '2026-06').executeTakeFirstOrThrow();
  await db
    .insertInto('mission')
    .values(
      (['SIEC', 'DGRH', '25'] as const).map((academie_code, i) => ({
        academie_code,
        numero: 940001 + i,
        session_examen_id: session.id,
        type_mission: 'CORCOP',
        centre_id: f.etabs.lycee,
        ciblee_etablissement: true,
      })),
    )
    .execute();
  // The SIEC closed one of its centre activities: the tab opened there does not show it.
  await db.insertInto('activite_ouverture').values({ academie_code: 'SIEC', service: 'imagin-etablissement', activite: 'convocation-mission', ouverte: false, motif: null }).execute();
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

const SAISIE = { autorite: 'Pour le recteur et par délégation', intitule: 'La proviseure, cheffe de centre', nom: 'Mme Émilie ZOLA', ville: 'Rennes' };

describe('Signature centre / établissement pour la convocation', () => {
  it('sont toutes deux rangées sous « Centre Examen » dans le menu, comme le montre la spécification (003 §1.3.2)', async () => {
    const menu = (await lycee.get('/api/auth/session')).body.menu as Array<{ groupe: string; activites: Array<{ code: string }> }>;
    const codes = (groupe: string) => menu.find((g) => g.groupe === groupe)?.activites.map((a) => a.code) ?? [];
    expect(codes('Etablissement')).not.toContain('signature-etablissement');
    // In the seed's order: Consultation des missions, Convocation par mission, (Constat service fait,) Signature centre, Signature établissement.
    const centre = codes('Centre Examen');
    expect(centre.slice(0, 2)).toEqual(['consultation-missions', 'convocation-mission']);
    expect(centre.indexOf('signature-centre')).toBeGreaterThan(1);
    expect(centre.indexOf('signature-etablissement')).toBe(centre.indexOf('signature-centre') + 1);
    // An établissement that is not a centre d'examen has neither.
    const autre = (await college.get('/api/auth/session')).body.menu as typeof menu;
    expect(autre.flatMap((g) => g.activites.map((a) => a.code))).not.toContain('signature-etablissement');
  });

  it('lit la signature enregistrée du centre, et propose une signature d’établissement tant qu’aucune ne l’est', async () => {
    const c = await lycee.get(`${S}/centre`);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({
      type: 'centre',
      sousTitre: 'CHEF DE CENTRE',
      autorite: 'Pour le recteur et par délégation',
      intitule: 'Le proviseur, chef de centre',
      nom: 'M. PROVISEUR-TEST',
      ville: 'RENNES',
      enregistree: true,
    });
    const e = await lycee.get(`${S}/etablissement`);
    expect(e.body).toMatchObject({ type: 'etablissement', sousTitre: "CHEF D'ETABLISSEMENT", autorite: "Le chef d'établissement", intitule: '', nom: '', ville: 'RENNES', enregistree: false, modifieLe: null });
  });

  it("ne les offre qu'à un centre d'examen : ailleurs, 403 avec la raison (issue 13, comme le menu)", async () => {
    // Both are Centre Examen activities (003 §1.3.2): an établissement that is not a centre is told why.
    for (const r of [
      await college.get(`${S}/centre`),
      await college.put(`${S}/centre`, SAISIE),
      await college.post(`${S}/centre/previsualisation`, SAISIE),
      await college.get(`${S}/etablissement`),
      await college.put(`${S}/etablissement`, { ...SAISIE, nom: 'M. PRINCIPAL-TEST' }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.message).toContain("Votre établissement n'est pas centre d'examen");
    }
    expect((await lycee.get(`${S}/etablissement`)).body.enregistree).toBe(false);
  });

  it('valide chaque champ avec un message qui le nomme', async () => {
    const vide = await lycee.put(`${S}/centre`, { ...SAISIE, autorite: '   ' });
    expect(vide.status).toBe(400);
    expect(vide.body.fields.autorite).toBe("L'autorité est obligatoire.");
    const long = await lycee.put(`${S}/centre`, { ...SAISIE, nom: 'N'.repeat(81), ville: 'V'.repeat(51) });
    expect(long.status).toBe(400);
    expect(long.body.fields.nom).toBe('Le nom ne doit pas dépasser 80 caractères.');
    expect(long.body.fields.ville).toBe('La ville ne doit pas dépasser 50 caractères.');
    expect(long.body.message).toContain('(et 1 autre erreur de saisie)');
    const manque = await lycee.put(`${S}/centre`, { autorite: 'A', nom: 'B', ville: 'C' });
    expect(manque.body.fields.intitule).toBe("L'intitulé est obligatoire.");
    const ligne = await lycee.post(`${S}/centre/previsualisation`, { ...SAISIE, intitule: 'deux\nlignes' });
    expect(ligne.body.fields.intitule).toBe("L'intitulé doit tenir sur une ligne.");
    // Nothing was saved.
    expect((await lycee.get(`${S}/centre`)).body.nom).toBe('M. PROVISEUR-TEST');
  });

  it('prévisualise une convocation fictive avec la signature saisie, sans la sauvegarder', async () => {
    const r = await lycee.post(`${S}/centre/previsualisation`, SAISIE);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('convocation-fictive-signature-centre.pdf');
    const { pages } = await textePdf(r.raw);
    expect(pages).toHaveLength(1);
    const t = pages[0]!;
    expect(t).toContain('ACADEMIE DE RENNES');
    expect(t).toContain('LGT LA PROMENADE RENNES (0350710G)');
    expect(t).toContain('Convocation fictive');
    expect(t).toContain('M. DUPONT Jean');
    expect(t).toContain("Dossier suivi par le centre d'examen");
    expect(t).toContain('CORRECTION DE COPIES');
    expect(t).toContain('Fait à Rennes, le 15/06/2026');
    for (const ligne of [SAISIE.autorite, SAISIE.intitule, SAISIE.nom]) expect(t).toContain(ligne);
    expect((await lycee.get(`${S}/centre`)).body.nom).toBe('M. PROVISEUR-TEST');
    const e = await lycee.post(`${S}/etablissement/previsualisation`, { ...SAISIE, autorite: "Le chef d'établissement" });
    expect(e.status).toBe(200);
    expect((await textePdf(e.raw)).pages[0]).toContain("Le chef d'établissement");
  });

  it('sauvegarde (insertion ou mise à jour), audite, et la signature figure sur les convocations du centre', async () => {
    const r = await lycee.put(`${S}/centre`, { ...SAISIE, nom: '  Mme Émilie ZOLA  ' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ...SAISIE, enregistree: true });
    expect(r.body.message).toBe('La signature du chef de centre est enregistrée : elle figurera sur les prochaines convocations éditées.');
    expect((await lycee.get(`${S}/centre`)).body).toMatchObject(SAISIE);
    const e = await lycee.put(`${S}/etablissement`, { ...SAISIE, autorite: "Le chef d'établissement", nom: 'M. ZOLA' });
    expect(e.body.enregistree).toBe(true);
    const audits = await p.ctx.db.selectFrom('audit_log').select(['action', 'entite_id', 'avant', 'apres']).where('action', '=', 'signature_convocation.modification').where('acteur', '=', 'ce.0350710g').orderBy('id').execute();
    expect(audits.map((a) => a.entite_id)).toEqual(['0350710G:centre', '0350710G:etablissement']);
    expect(audits[0]!.avant).toMatchObject({ nom: 'M. PROVISEUR-TEST' });
    expect(audits[0]!.apres).toMatchObject({ nom: 'Mme Émilie ZOLA' });
    expect(audits[1]!.avant).toBeNull();
    // M2 is signed by the chef de centre: its duplicata now carries the new signature.
    const d = await lycee.get(`/api/etablissement/consultation/personnels/${f.personnes.alice}/affectations/${f.convocations.cAliceM2}/duplicata`);
    expect(d.status).toBe(200);
    const t = (await textePdf(d.raw)).pages[0]!;
    expect(t).toContain('Mme Émilie ZOLA');
    expect(t).toContain('La proviseure, cheffe de centre');
  });
});

/** Requests of the new tab: the browser still sends the home cookie, the tab adds its own session. */
function onglet(client: TestClient, jeton: string) {
  let csrf: string | null = null;
  const requete = async <T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, autres: Record<string, string> = {}): Promise<Reponse<T>> => {
    const headers: Record<string, string> = { 'x-session-academie': jeton, ...autres };
    if (client.cookie) headers.cookie = client.cookie;
    if (csrf && method !== 'GET' && !autres['x-csrf-token']) headers['x-csrf-token'] = csrf;
    const res = await p.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as any } : {}) });
    const parsed = String(res.headers['content-type'] ?? '').includes('application/json') ? res.json() : res.body;
    return { status: res.statusCode, body: parsed, headers: res.headers as any, raw: res.rawPayload };
  };
  return {
    requete,
    get: <T = any>(url: string) => requete<T>('GET', url),
    post: <T = any>(url: string, body: unknown = {}) => requete<T>('POST', url, body),
    /** Reads the tab's session (and its CSRF token, as the web app does). */
    async session() {
      const r = await requete('GET', '/api/auth/session');
      if (r.status === 200) csrf = r.body.csrfToken;
      return r;
    },
  };
}

async function ouvrirOnglet(client: TestClient, academie = 'SIEC') {
  const r = await client.post(`${A}/${academie}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const e = await p.client().post('/api/auth/acces-academie', { code: r.body.code });
  expect(e.status, JSON.stringify(e.body)).toBe(200);
  const o = onglet(client, e.body.jeton);
  expect((await o.session()).status).toBe(200);
  return o;
}

describe('Accès autres académies', () => {
  it("liste les académies où l'établissement est centre d'une mission, DGRH exceptée, joignables ou non", async () => {
    const r = await lycee.get(A);
    expect(r.status).toBe(200);
    expect(r.body.academies).toEqual([
      { code: '25', libelle: 'Besançon', interAcademique: false, joignable: false },
      { code: 'SIEC', libelle: 'SIEC', interAcademique: true, joignable: true },
    ]);
    // The college is not a centre d'examen: the activity is not its own (issue 13).
    const c = await college.get(A);
    expect(c.status).toBe(403);
    expect(c.body.message).toContain("Votre établissement n'est pas centre d'examen");
  });

  it("refuse une académie non proposée (404) et une académie injoignable (409, avec le message)", async () => {
    for (const code of ['DGRH', '16', '14', 'XX']) {
      const r = await lycee.post(`${A}/${code}`);
      expect(r.status, code).toBe(404);
    }
    expect((await college.post(`${A}/SIEC`)).status).toBe(403);
    const r = await lycee.post(`${A}/25`);
    expect(r.status).toBe(409);
    expect(r.body.message).toContain(MESSAGE_INJOIGNABLE);
    expect(r.body.message).toContain('Besançon');
    expect(await p.ctx.db.selectFrom('session_utilisateur').select('id').where('academie_code', '=', '25').execute()).toEqual([]);
  });

  it("ouvre une session de l'autre académie : en-tête, menu réduit aux activités du centre ouvertes là-bas, son propre jeton CSRF", async () => {
    const o = await ouvrirOnglet(lycee);
    const s = (await o.session()).body;
    // An inter-académie service is named by itself, not « ACADEMIE DE SIEC ».
    expect(s.entete).toBe('SIEC - LGT LA PROMENADE RENNES');
    expect(s.academie).toMatchObject({ code: 'SIEC', libelle: 'SIEC', interAcademique: true });
    expect(s.accesAutreAcademie).toEqual({ academieOrigine: 'Rennes' });
    expect(s.connecteEnTantQue).toBe('0350710G');
    // The centre's work there (issue 14 added the constat and the ICC), Convocation par mission excepted: the SIEC closed it.
    expect(s.menu).toEqual([
      {
        groupe: 'Centre Examen',
        activites: ['consultation-missions', 'constat-service-fait', 'indemnites-chef-centre'].map((code) => expect.objectContaining({ code, ouverte: true })),
      },
    ]);
    expect(s.csrfToken).not.toBe(lycee.csrf);
    // The home tab is unchanged.
    const home = (await lycee.get('/api/auth/session')).body;
    expect(home.entete).toBe('ACADEMIE DE RENNES - LGT LA PROMENADE RENNES');
    expect(home.accesAutreAcademie).toBeNull();
    expect(home.menu.flatMap((g: any) => g.activites.map((a: any) => a.code))).toContain('acces-autres-academies');
    const row = await p.ctx.db.selectFrom('session_utilisateur').selectAll().where('academie_code', '=', 'SIEC').where('fin_le', 'is', null).executeTakeFirstOrThrow();
    const parente = await p.ctx.db.selectFrom('session_utilisateur').select(['id', 'role_attribution_id', 'compte_id', 'etablissement_id']).where('id', '=', row.parent_session_id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ service: 'imagin-etablissement', role_attribution_id: parente.role_attribution_id, compte_id: parente.compte_id, etablissement_id: f.etabs.lycee });
    const audits = await p.ctx.db.selectFrom('audit_log').select(['action', 'academie_code', 'entite_id']).where('action', 'like', 'acces-academie.%').orderBy('id').execute();
    expect(audits.slice(-2)).toEqual([
      { action: 'acces-academie.demande', academie_code: '14', entite_id: 'SIEC' },
      { action: 'acces-academie.ouverture', academie_code: 'SIEC', entite_id: 'imagin-etablissement' },
    ]);
    await o.post('/api/auth/deconnexion');
  });

  it("n'y permet que le travail du centre : toute autre action est introuvable (404), le CSRF est celui de l'onglet", async () => {
    const o = await ouvrirOnglet(lycee);
    for (const url of [`${S}/centre`, A, '/api/etablissement/consultation/personnels', '/api/etablissement/validation-competences']) {
      const r = await o.get(url);
      expect(r.status, url).toBe(404);
    }
    expect((await o.post(`${A}/SIEC`)).status).toBe(404);
    expect((await o.requete('PUT', `${S}/centre`, SAISIE)).status).toBe(404);
    expect((await o.requete('POST', '/api/auth/mot-de-passe', { ancien: 'a', nouveau: 'b', confirmation: 'b' })).status).toBe(404);
    expect((await o.get('/api/preferences')).status).toBe(200);
    expect((await o.get('/api/traitements')).status).toBe(200);
    // The home session's CSRF token is not the tab's.
    const csrf = await o.requete('POST', '/api/auth/prolonger', {}, { 'x-csrf-token': lycee.csrf! });
    expect(csrf.status).toBe(403);
    expect(csrf.body.code).toBe('CSRF');
    expect((await o.post('/api/auth/prolonger')).status).toBe(200);
    await o.post('/api/auth/deconnexion');
  });

  it("« Quitter » dans l'onglet ne termine que sa session : celle d'origine reste active et garde son cookie", async () => {
    const o = await ouvrirOnglet(lycee);
    const q = await o.post('/api/auth/deconnexion');
    expect(q.status).toBe(200);
    expect(q.body.message).toContain("La session de votre académie reste ouverte");
    expect(q.headers['set-cookie']).toBeUndefined();
    expect((await o.get('/api/auth/session')).status).toBe(401);
    expect((await lycee.get('/api/auth/session')).status).toBe(200);
    expect((await lycee.get(A)).status).toBe(200);
  });

  it("se termine avec la session d'origine", async () => {
    const o = await ouvrirOnglet(lycee);
    const autre = await ouvrirOnglet(lycee);
    expect((await lycee.post('/api/auth/deconnexion')).status).toBe(200);
    for (const x of [o, autre]) {
      const r = await x.get('/api/auth/session');
      expect(r.status).toBe(401);
      expect(r.body.message).toContain("La session de votre académie d'origine est terminée");
    }
    await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  });

  it("expire par inactivité comme les autres ; y travailler garde la session d'origine active", async () => {
    const o = await ouvrirOnglet(lycee);
    // Work in the tab only: 20 + 20 minutes, the home session stays alive through its child.
    p.clock.advance(20 * 60_000);
    expect((await o.get('/api/preferences')).status).toBe(200);
    p.clock.advance(20 * 60_000);
    expect((await o.get('/api/preferences')).status).toBe(200);
    expect((await lycee.get('/api/auth/session')).status).toBe(200);
    // Work in the home tab only: the child expires after 30 minutes, the home session does not.
    p.clock.advance(20 * 60_000);
    expect((await lycee.get('/api/preferences')).status).toBe(200);
    p.clock.advance(11 * 60_000);
    const r = await o.get('/api/auth/session');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIREE');
    expect((await lycee.get('/api/auth/session')).status).toBe(200);
  });

  it("ne compte pas l'onglet comme une seconde session de l'établissement", async () => {
    const o = await ouvrirOnglet(lycee);
    // Another account's login to the same UAI is still refused because of the home session, not allowed
    // because of the tab (the same account would take its session over, issue 13)…
    await fixtureCompte(p, { login: 'adjoint.0350710g', role: 'chef_etablissement', etablissementId: f.etabs.lycee });
    const autre = await p.client().post('/api/auth/connexion', { service: 'imagin-etablissement', identifiant: 'adjoint.0350710g', motDePasse: MOT_DE_PASSE });
    expect(autre.status).toBe(409);
    // …and the tab did not end the home session, which may open one more tab.
    expect((await lycee.get('/api/auth/session')).status).toBe(200);
    const second = await ouvrirOnglet(lycee);
    expect((await o.get('/api/auth/session')).status).toBe(200);
    expect((await second.get('/api/auth/session')).status).toBe(200);
  });

  it("n'accepte le code d'échange qu'une fois, moins d'une minute, tant que la session d'origine est active — et jamais comme jeton", async () => {
    const anonyme = p.client();
    const r1 = await lycee.post(`${A}/SIEC`);
    expect(r1.body.expireDansSecondes).toBe(60);
    // The pending code is not a session.
    expect((await onglet(lycee, r1.body.code).get('/api/auth/session')).status).toBe(401);
    expect((await anonyme.post('/api/auth/acces-academie', { code: r1.body.code })).status).toBe(200);
    const deux = await anonyme.post('/api/auth/acces-academie', { code: r1.body.code });
    expect(deux.status).toBe(401);
    expect(deux.body.message).toBe(MESSAGE_CODE_INVALIDE);

    const r2 = await lycee.post(`${A}/SIEC`);
    p.clock.advance(61_000);
    expect((await anonyme.post('/api/auth/acces-academie', { code: r2.body.code })).status).toBe(401);

    const inconnu = await anonyme.post('/api/auth/acces-academie', { code: 'nimporte-quoi' });
    expect(inconnu.status).toBe(401);
    expect((await anonyme.post('/api/auth/acces-academie', {})).status).toBe(400);

    // The home session ended before the exchange: refused.
    const r3 = await lycee.post(`${A}/SIEC`);
    await lycee.post('/api/auth/deconnexion');
    expect((await anonyme.post('/api/auth/acces-academie', { code: r3.body.code })).status).toBe(401);
    await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  });
});
