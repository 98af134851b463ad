// The pupils' CYCLADES accounts (issue 6, seed 002) over HTTP and through the treatments: generation
// with its compte rendu and papillons read back (a password read from the PDF logs in to the espace
// candidat, with the forced change), "Forcer" and its limits ("email" accounts), the left-out pupils,
// collisions across the platform, the regeneration (one pupil, mass, refusals), the établissement's
// scope (another établissement, the gestionnaire), the prerequisite service, and a retried treatment.
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_LIMITATION_UN_ELEVE, MESSAGE_REGENERATION_EMAIL, MESSAGE_RIEN_A_GENERER, MESSAGE_SERVICE_INDISPONIBLE, PAS_DE_COMPTE, suffixeLogin } from '../../domain/cyclades/comptes.ts';
import { textePdf } from '../testing/documents.ts';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, TestClock, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { hacher } from '../platform/passwords.ts';

const E = '/api/cyclades/etablissement';

let p: TestPlatform;
let college: TestClient;
let lycee: TestClient;
let gestionnaire: TestClient;
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;
let session2027: number;
let session2026: number;
const ids: Record<string, number> = {};

async function candidat(
  cle: string,
  v: { nom: string; prenom: string; ine?: string; etat?: 'inscrit' | 'pre_inscrit' | 'annule' | 'refuse' | 'en_cours_saisie'; email?: string | null; division?: string; serie?: string; qualification?: string; etab?: number; session?: number; numero?: string },
) {
  const db = p.ctx.db;
  const c = await db
    .insertInto('candidat')
    .values({ academie_code: '14', ine: v.ine ?? null, civilite: 'M.', nom: v.nom, prenom: v.prenom, date_naissance: '2012-05-04' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('candidature')
    .values({
      candidat_id: c.id,
      session_examen_id: v.session ?? session2027,
      academie_code: '14',
      etablissement_id: v.etab ?? etabs.college,
      numero_candidat: v.numero ?? `N${String(c.id).padStart(6, '0')}`,
      etat: v.etat ?? 'inscrit',
      email: v.email === undefined ? `${cle}@example.fr` : v.email,
      serie_code: v.serie === 'SERIE PROFESSIONNELLE' ? 'P' : 'G',
      serie_libelle: v.serie ?? 'SERIE GENERALE',
      division_classe: v.division ?? '3A',
      qualification_presentee: v.qualification ?? 'LV: ANGLAIS',
    })
    .execute();
  ids[cle] = c.id;
  return c.id;
}

async function compteCandidat(candidatId: number, login: string, typeLogin: 'prenom_nom' | 'email', etablissementId: number | null, motDePasse = 'Perso-Candidat-2026!') {
  const db = p.ctx.db;
  const c = await db
    .insertInto('compte')
    .values({ login, password_hash: await hacher(motDePasse), mot_de_passe_temporaire: false, email: `${login.replace('@', '.')}@example.fr`, type: 'candidat' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_attribution').values({ compte_id: c.id, role: 'candidat', academie_code: '14', etablissement_id: null, personne_id: null }).execute();
  await db.insertInto('compte_candidat').values({ compte_id: c.id, candidat_id: candidatId, type_login: typeLogin, etablissement_id: etablissementId }).execute();
  return c.id;
}

async function attendreTraitement(c: TestClient, id: string) {
  return attendre(async () => {
    const r = await c.get(`/api/traitements/${id}`);
    return r.body.statut === 'termine' || r.body.statut === 'erreur' ? r.body : null;
  }, 60_000);
}

async function telecharger(c: TestClient, documentId: string) {
  const r = await c.get(`/api/documents/${documentId}`);
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return textePdf(r.raw);
}

/** Generates (or regenerates) and returns the compte rendu and the text of both PDFs. */
async function lancer(url: string, body: unknown) {
  const r = await college.post(url, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cr = await attendreTraitement(college, r.body.traitementId);
  expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
  const docs = cr.documents as Array<{ id: string; nom: string }>;
  const un = docs.find((d) => d.nom.endsWith('-1-par-page.pdf'));
  const deux = docs.find((d) => d.nom.endsWith('-2-par-page.pdf'));
  return {
    reponse: r.body,
    cr,
    journal: (cr.journal as Array<{ message: string }>).map((l) => l.message),
    un: un ? { ...un, texte: await telecharger(college, un.id) } : null,
    deux: deux ? { ...deux, texte: await telecharger(college, deux.id) } : null,
  };
}

function identifiants(page: string) {
  const login = /Votre identifiant de connexion : (\S+)/.exec(page)?.[1];
  const mdp = /Votre mot de passe \(\*\) : (\S+)/.exec(page)?.[1];
  return { login: login!, mdp: mdp! };
}

function parLogin(pages: string[]) {
  return new Map(pages.map((pg) => [identifiants(pg).login, identifiants(pg).mdp]));
}

async function seConnecte(login: string, motDePasse: string) {
  const c = p.client();
  const r = await c.post('/api/auth/connexion', { service: 'espace-candidat', identifiant: login, motDePasse });
  return { r, c };
}

beforeAll(async () => {
  p = await createTestPlatform({ clock: new TestClock(new Date('2026-12-03T09:00:00Z')) });
  etabs = await fixtureReferentiel(p);
  const db = p.ctx.db;
  await db.updateTable('etablissement').set({ service_gestion_candidats: true }).where('id', '=', etabs.college).execute();
  await db.insertInto('examen').values({ code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' }).onConflict((oc) => oc.doNothing()).execute();
  const s = await db
    .insertInto('session_examen')
    .values([
      { examen_code: '100', code: '2027-06', libelle: 'DNB 2027', annee: 2027 },
      { examen_code: '100', code: '2026-06', libelle: 'DNB 2026', annee: 2026 },
    ])
    .returning(['id', 'annee'])
    .execute();
  session2027 = s.find((x) => x.annee === 2027)!.id;
  session2026 = s.find((x) => x.annee === 2026)!.id;

  await candidat('lea', { nom: 'MARTIN', prenom: 'Léa', division: '3B' });
  await candidat('jeaneric', { nom: "N'DIAYE", prenom: 'Jean-Éric', etat: 'pre_inscrit', division: '3A' });
  await candidat('antoine', { nom: 'AUBIN', prenom: 'Antoine', ine: '1234567890A', division: '3A' });
  await candidat('annulee', { nom: 'ANNULEE', prenom: 'Zoé', etat: 'annule' });
  await candidat('sansmail', { nom: 'SANSMAIL', prenom: 'Paul', email: null, division: '3B' });
  await candidat('ines', { nom: 'ROUX', prenom: 'Inès', division: '3A' });
  await candidat('ancien', { nom: 'ANCIEN', prenom: 'Tom', division: '3B' });
  await candidat('passe', { nom: 'PASSE', prenom: 'Hugo', session: session2026 });
  await candidat('promenade', { nom: 'LYCEEN', prenom: 'Max', etab: etabs.lycee });
  // Taken elsewhere on the platform: an agent "antoine.aubin" forces a suffix.
  await fixtureCompte(p, { login: 'antoine.aubin', role: 'gestionnaire' });
  // Inès created her account from the espace candidat; Tom's was generated by his former établissement.
  await compteCandidat(ids.ines!, 'ines.roux@example.fr', 'email', null);
  await compteCandidat(ids.ancien!, 'tom.ancien', 'prenom_nom', etabs.lycee, 'Ancien-Papillon-1!');

  await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: etabs.college });
  await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
  college = p.client();
  await college.login('cyclades-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  lycee = p.client();
  await lycee.login('cyclades-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  gestionnaire = p.client();
  await gestionnaire.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
});

afterAll(async () => {
  await p?.close();
});

describe('sans service de gestion des candidats en établissement', () => {
  it("dit pourquoi l'activité est indisponible et refuse toute action (409)", async () => {
    const etat = await lycee.get(`${E}/comptes/etat`);
    expect(etat.status).toBe(200);
    expect(etat.body.serviceGestionCandidats).toBe(false);
    expect(etat.body.messageIndisponible).toBe(MESSAGE_SERVICE_INDISPONIBLE);
    for (const [m, url, body] of [
      ['POST', `${E}/comptes/generer`, { regroupement: 'division', forcer: false }],
      ['GET', `${E}/comptes/generations`, undefined],
      ['POST', `${E}/comptes/regenerer`, { titre: 'x', supprimerLimitation: false, candidatIds: [ids.promenade] }],
      ['GET', `${E}/eleves`, undefined],
      ['GET', `${E}/eleves/export.csv`, undefined],
    ] as const) {
      const r = await lycee.request(m, url, body);
      expect(r.status, url).toBe(409);
      expect(r.body.code).toBe('service-indisponible');
      expect(r.body.message).toBe(MESSAGE_SERVICE_INDISPONIBLE);
    }
  });
});

describe('générer les comptes Cyclades de mes élèves', () => {
  let premiere: Awaited<ReturnType<typeof lancer>>;

  it("compte avant génération les élèves éligibles, avec et sans compte (sessions en cours seulement)", async () => {
    const r = await college.get(`${E}/comptes/etat`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      serviceGestionCandidats: true,
      messageIndisponible: null,
      sessions: [{ id: session2027, libelle: 'DNB 2027' }],
      nbCandidatures: 7,
      nbEligibles: 5,
      nbAvecCompte: 2,
      nbSansCompte: 3,
      // Tom's "prenom.nom" account (his former établissement's): the one « Forcer » would regenerate; Inès's is an "email" one.
      nbRegenerables: 1,
      nbNonEligibles: 2,
      dejaGenere: false,
    });
    expect(r.body.message).toBe("3 élève(s) éligible(s) n'ont pas encore de compte CYCLADES : « Générer des comptes supplémentaires ».");
  });

  it('refuse un regroupement inconnu avec un message en français (400)', async () => {
    const r = await college.post(`${E}/comptes/generer`, { regroupement: 'classe', forcer: 'oui' });
    expect(r.status).toBe(400);
    expect(r.body.fields.regroupement).toMatch(/Regroupement des comptes/);
    expect(r.body.fields.forcer).toMatch(/Forcer la création/);
  });

  it('crée les comptes des seuls élèves éligibles sans compte, et édite les papillons classés par division puis nom', async () => {
    premiere = await lancer(`${E}/comptes/generer`, { regroupement: 'division', forcer: false });
    expect(premiere.reponse.generationId).toEqual(expect.any(Number));
    const j = premiere.journal.join('\n');
    expect(j).toContain('3 compte(s) créé(s).');
    expect(j).toContain('0 mot(s) de passe régénéré(s).');
    expect(j).toContain("2 élève(s) disposai(en)t déjà d'un compte CYCLADES");
    expect(j).toContain('ANNULEE Zoé (n° N');
    expect(j).toContain(': Candidature annulée.');
    expect(j).toContain('SANSMAIL Paul (n° N');
    expect(j).toContain(': Adresse électronique absente.');
    expect(j).not.toContain('PASSE');
    expect(j).not.toContain('ne permettent plus');

    // One per page: 3 pages, by division then name: 3A AUBIN, 3A N'DIAYE, 3B MARTIN.
    const pages = premiere.un!.texte.pages;
    expect(pages).toHaveLength(3);
    expect(pages.map((pg) => /(AUBIN|N'DIAYE|MARTIN)/.exec(pg)?.[1])).toEqual(['AUBIN', "N'DIAYE", 'MARTIN']);
    const page = pages[1]!;
    for (const attendu of [
      'ACADÉMIE DE RENNES',
      'Session DNB 2027',
      "N'DIAYE Jean-Éric",
      'N° candidat : N',
      'Division de classe : 3A',
      'Identifiez-vous avec le compte qui vous a été attribué :',
      'Votre identifiant de connexion : jeaneric.ndiaye',
      'Votre mot de passe (*) :',
      'http://localhost:3000/connexion/candidat',
      '(*) Nous vous conseillons de changer ce mot de passe lors de votre première connexion.',
    ]) {
      expect(page).toContain(attendu);
    }
    expect(identifiants(page).mdp).toMatch(/^\S{10}$/);
    // Collision with the agent "antoine.aubin": the deterministic suffix of his INE.
    expect(identifiants(pages[0]!).login).toBe(`antoine.aubin${suffixeLogin('ine:1234567890A')}`);
    // Two per page: 2 pages, the same papillons and passwords.
    expect(premiere.deux!.texte.pages).toHaveLength(2);
    expect(premiere.deux!.texte.pages[0]).toContain('AUBIN');
    expect(premiere.deux!.texte.pages[0]).toContain("N'DIAYE");
    const tous = premiere.deux!.texte.pages.join(' ');
    for (const [login, mdp] of parLogin(pages)) expect(tous).toContain(`Votre identifiant de connexion : ${login} Votre mot de passe (*) : ${mdp}`);
    // Named after the run's number: two runs in the same minute never give look-alike files.
    expect(premiere.un!.nom).toBe(`papillons-0350711H-20261203-1000-n${premiere.reponse.generationId}-1-par-page.pdf`);
    expect(premiere.deux!.nom).toBe(`papillons-0350711H-20261203-1000-n${premiere.reponse.generationId}-2-par-page.pdf`);

    // Accounts: candidat, temporary, with the candidature's e-mail and the role candidat.
    const comptes = await p.ctx.db
      .selectFrom('compte_candidat as cc')
      .innerJoin('compte as c', 'c.id', 'cc.compte_id')
      .innerJoin('role_attribution as r', 'r.compte_id', 'c.id')
      .select(['c.login', 'c.type', 'c.mot_de_passe_temporaire', 'c.email', 'c.password_hash', 'r.role', 'cc.type_login', 'cc.etablissement_id', 'cc.derniere_generation_id'])
      .where('cc.candidat_id', '=', ids.lea!)
      .executeTakeFirstOrThrow();
    expect(comptes).toMatchObject({ login: 'lea.martin', type: 'candidat', mot_de_passe_temporaire: true, email: 'lea@example.fr', role: 'candidat', type_login: 'prenom_nom', etablissement_id: etabs.college, derniere_generation_id: premiere.reponse.generationId });
    expect(comptes.password_hash).toMatch(/^\$argon2id\$v=19\$m=2048,p=1,t=1\$/);
    // No password in clear nor encrypted once the papillons are stored.
    const etape = await p.ctx.db.selectFrom('traitement_etape').select('resultat').where('traitement_id', '=', premiere.reponse.traitementId).executeTakeFirstOrThrow();
    const brut = JSON.stringify(etape.resultat);
    expect(brut).not.toContain('chiffre');
    for (const mdp of parLogin(pages).values()) expect(brut).not.toContain(mdp);
    // Papillons never expire.
    const docs = await p.ctx.db.selectFrom('document').select(['expire_le', 'visibilite', 'etablissement_id']).where('traitement_id', '=', premiere.reponse.traitementId).execute();
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d).toMatchObject({ expire_le: null, visibilite: 'etablissement', etablissement_id: etabs.college });
    // Audit of the launch and of the accounts.
    const audits = await p.ctx.db.selectFrom('audit_log').select('action').where('entite', '=', 'generation_comptes').execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['comptes-candidats.generation', 'comptes-candidats.generes']);
  });

  it("connecte l'élève à l'espace candidat avec le papillon, et lui fait changer son mot de passe", async () => {
    const { login, mdp } = identifiants(premiere.un!.texte.pages[2]!);
    expect(login).toBe('lea.martin');
    const { r, c } = await seConnecte(login, mdp);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.session.compte.motDePasseTemporaire).toBe(true);
    // The forced change: nothing else until the temporary password is replaced.
    expect((await c.get('/api/preferences')).body.code).toBe('MOT_DE_PASSE_A_CHANGER');
    const change = await c.post('/api/auth/mot-de-passe', { ancien: mdp, nouveau: 'Lea-Martin-2027!x', confirmation: 'Lea-Martin-2027!x' });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect((await seConnecte('lea.martin', 'Lea-Martin-2027!x')).r.status).toBe(200);
  });

  it('dit à la réouverture que tous les élèves éligibles ont un compte ; « Générer des comptes supplémentaires » ne lance alors rien et dit pourquoi', async () => {
    const etat = await college.get(`${E}/comptes/etat`);
    expect(etat.body).toMatchObject({ nbAvecCompte: 5, nbSansCompte: 0, dejaGenere: true, message: "Tous vos élèves éligibles disposent d'un compte CYCLADES." });
    const compter = async (table: 'compte' | 'generation_comptes' | 'traitement') => Number((await p.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const avant = await Promise.all([compter('compte'), compter('generation_comptes'), compter('traitement')]);
    const r = await college.post(`${E}/comptes/generer`, { regroupement: 'serie', forcer: false });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('rien-a-generer');
    expect(r.body.message).toBe(MESSAGE_RIEN_A_GENERER);
    // No run, no treatment, no account.
    expect(await Promise.all([compter('compte'), compter('generation_comptes'), compter('traitement')])).toEqual(avant);
  });

  it('« Générer des comptes supplémentaires » ne crée que le compte du nouvel élève', async () => {
    await candidat('nouveau', { nom: 'NOUVEAU', prenom: 'Léo', division: '3C', etat: 'pre_inscrit' });
    expect((await college.get(`${E}/comptes/etat`)).body.nbSansCompte).toBe(1);
    const r = await lancer(`${E}/comptes/generer`, { regroupement: 'division_qualification', forcer: false });
    expect(r.journal).toContain('1 compte(s) créé(s).');
    expect(r.un!.texte.pages).toHaveLength(1);
    expect(r.un!.texte.pages[0]).toContain('Division de classe : 3C / Qualification présentée : LV: ANGLAIS');
    expect(identifiants(r.un!.texte.pages[0]!).login).toBe('leo.nouveau');
  });

  it("« Forcer » régénère les comptes « prenom.nom » (y compris d'un ancien établissement), jamais un compte « email »", async () => {
    const hashInes = await p.ctx.db.selectFrom('compte').select('password_hash').where('login', '=', 'ines.roux@example.fr').executeTakeFirstOrThrow();
    const r = await lancer(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
    const j = r.journal.join('\n');
    expect(j).toContain('0 compte(s) créé(s).');
    expect(j).toContain('5 mot(s) de passe régénéré(s).');
    expect(j).toContain("1 élève(s) ont un compte de type « email » créé depuis l'espace candidat : leur mot de passe n'est pas régénéré.");
    expect(j).toContain('ROUX Inès');
    expect(j).toContain('Les papillons édités auparavant pour ces 5 élève(s) ne permettent plus de se connecter.');
    const pages = r.un!.texte.pages;
    expect(pages.map((pg) => identifiants(pg).login)).toEqual([`antoine.aubin${suffixeLogin('ine:1234567890A')}`, 'jeaneric.ndiaye', 'tom.ancien', 'lea.martin', 'leo.nouveau']);
    // Inès's account is untouched; Tom's old password no longer works, the new one does.
    const apres = await p.ctx.db.selectFrom('compte').select('password_hash').where('login', '=', 'ines.roux@example.fr').executeTakeFirstOrThrow();
    expect(apres.password_hash).toBe(hashInes.password_hash);
    expect((await seConnecte('tom.ancien', 'Ancien-Papillon-1!')).r.status).toBe(401);
    expect((await seConnecte('tom.ancien', parLogin(pages).get('tom.ancien')!)).r.status).toBe(200);
    // Lea's first papillon no longer works either.
    expect((await seConnecte('jeaneric.ndiaye', parLogin(premiere.un!.texte.pages).get('jeaneric.ndiaye')!)).r.status).toBe(401);
    const cc = await p.ctx.db.selectFrom('compte_candidat').select(['etablissement_id']).where('candidat_id', '=', ids.ancien!).executeTakeFirstOrThrow();
    expect(cc.etablissement_id).toBe(etabs.college);
  });

  it('« Accéder aux comptes » liste les générations, leurs documents, et celles remplacées', async () => {
    const r = await college.get(`${E}/comptes/generations`);
    expect(r.status).toBe(200);
    const lignes = r.body.lignes as any[];
    // The first generation, the additional one and the forced one (the request with nothing to generate launched nothing).
    expect(lignes).toHaveLength(3);
    const derniere = lignes[0];
    expect(derniere).toMatchObject({ type: 'generation', titre: 'Génération des comptes CYCLADES des élèves', forcer: true, regroupement: 'division', nbComptesCrees: 0, nbMotsDePasseRegeneres: 5, statut: 'termine', remplacee: false, creePar: 'ce.0350711h' });
    expect(derniere.documents).toHaveLength(2);
    expect(derniere.documents.map((d: any) => d.libelle).sort()).toEqual(['Papillon de connexion — deux par page', 'Papillon de connexion — un par page']);
    expect(derniere.documents[0]).toMatchObject({ type: 'PDF', taille: expect.any(Number) });
    const premiereLigne = lignes.find((l) => l.generationId === premiere.reponse.generationId || l.id === premiere.reponse.generationId);
    expect(premiereLigne.remplacee).toBe(true);
    expect(premiereLigne.documents).toHaveLength(2);
  });
});

describe("régénérer le mot de passe d'un compte d'un élève", () => {
  it('limite à un élève sauf « Supprimer limitation à un élève »', async () => {
    const r = await college.post(`${E}/comptes/regenerer`, { titre: 'Régén.', supprimerLimitation: false, candidatIds: [ids.lea, ids.antoine] });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(MESSAGE_LIMITATION_UN_ELEVE);
    const vide = await college.post(`${E}/comptes/regenerer`, { titre: '', supprimerLimitation: false, candidatIds: [] });
    expect(vide.status).toBe(400);
    expect(vide.body.fields.titre).toMatch(/Titre édition/);
  });

  it('refuse un élève au login de type « email », et un élève non éligible sans compte', async () => {
    const r = await college.post(`${E}/comptes/regenerer`, { titre: 'Inès', supprimerLimitation: false, candidatIds: [ids.ines] });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(MESSAGE_REGENERATION_EMAIL);
    const s = await college.post(`${E}/comptes/regenerer`, { titre: 'Paul', supprimerLimitation: false, candidatIds: [ids.sansmail] });
    expect(s.status).toBe(400);
    expect(s.body.message).toMatch(/^Adresse électronique absente : aucun compte/);
  });

  it("n'atteint jamais l'élève d'un autre établissement (404)", async () => {
    const r = await college.post(`${E}/comptes/regenerer`, { titre: 'Autre', supprimerLimitation: false, candidatIds: [ids.promenade] });
    expect(r.status).toBe(404);
    const inconnu = await college.post(`${E}/comptes/regenerer`, { titre: 'Autre', supprimerLimitation: true, candidatIds: [ids.lea, 999_999] });
    expect(inconnu.status).toBe(404);
  });

  it("régénère le mot de passe d'un élève : nouveau papillon, l'ancien ne fonctionne plus", async () => {
    const avant = await p.ctx.db.selectFrom('compte').select('password_hash').where('login', '=', 'jeaneric.ndiaye').executeTakeFirstOrThrow();
    const r = await lancer(`${E}/comptes/regenerer`, { titre: 'Jean-Éric a perdu son papillon', supprimerLimitation: false, candidatIds: [ids.jeaneric] });
    expect(r.cr.titre).toBe('Jean-Éric a perdu son papillon');
    expect(r.cr.type).toBe('cyclades.regeneration-mots-de-passe');
    // « Titre édition » is printed on the papillon, in both files.
    expect(r.un!.texte.pages[0]).toContain('Jean-Éric a perdu son papillon');
    expect(r.deux!.texte.pages[0]).toContain('Jean-Éric a perdu son papillon');
    expect(r.journal).toContain('1 mot(s) de passe régénéré(s).');
    expect(r.journal).toContain('Les papillons édités auparavant pour ces 1 élève(s) ne permettent plus de se connecter.');
    expect(r.un!.texte.pages).toHaveLength(1);
    const { login, mdp } = identifiants(r.un!.texte.pages[0]!);
    expect(login).toBe('jeaneric.ndiaye');
    const apres = await p.ctx.db.selectFrom('compte').select('password_hash').where('login', '=', 'jeaneric.ndiaye').executeTakeFirstOrThrow();
    expect(apres.password_hash).not.toBe(avant.password_hash);
    expect((await seConnecte(login, mdp)).r.status).toBe(200);
  });

  it('en masse : régénère les comptes « prenom.nom », crée le compte manquant, écarte et nomme les comptes « email »', async () => {
    await candidat('masse', { nom: 'MASSE', prenom: 'Éva', division: '3D' });
    const r = await lancer(`${E}/comptes/regenerer`, { titre: 'Classe de 3D et autres', supprimerLimitation: true, candidatIds: [ids.masse, ids.ines, ids.antoine] });
    const j = r.journal.join('\n');
    expect(j).toContain('1 compte(s) créé(s).');
    expect(j).toContain('1 mot(s) de passe régénéré(s).');
    expect(j).toContain('ROUX Inès (n° ');
    expect(j).toContain('compte de type « email », mot de passe non régénéré.');
    expect(r.un!.texte.pages.map((pg) => identifiants(pg).login)).toEqual([`antoine.aubin${suffixeLogin('ine:1234567890A')}`, 'eva.masse']);
  });

  it('écrit la régénération au journal d’audit', async () => {
    const a = await p.ctx.db.selectFrom('audit_log').select(['action', 'acteur']).where('action', '=', 'comptes-candidats.regeneration').execute();
    expect(a.length).toBe(2);
    expect(a[0]!.acteur).toBe('ce.0350711h');
  });
});

describe("la portée de l'établissement", () => {
  it("ne montre à un autre établissement ni les élèves, ni les générations, ni les papillons", async () => {
    await p.ctx.db.updateTable('etablissement').set({ service_gestion_candidats: true }).where('id', '=', etabs.lycee).execute();
    const eleves = await lycee.get(`${E}/eleves`);
    expect(eleves.status).toBe(200);
    expect(eleves.body.lignes.map((l: any) => l.nom)).toEqual(['LYCEEN']);
    const gens = await lycee.get(`${E}/comptes/generations`);
    expect(gens.body.lignes).toEqual([]);
    const r = await lycee.post(`${E}/comptes/regenerer`, { titre: 'x', supprimerLimitation: false, candidatIds: [ids.lea] });
    expect(r.status).toBe(404);
    const docs = await p.ctx.db.selectFrom('document').select('id').where('etablissement_id', '=', etabs.college).execute();
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect((await lycee.get(`/api/documents/${d.id}`)).status).toBe(404);
      expect((await gestionnaire.get(`/api/documents/${d.id}`)).status).toBe(404);
    }
    await p.ctx.db.updateTable('etablissement').set({ service_gestion_candidats: false }).where('id', '=', etabs.lycee).execute();
  });
});

describe('liste détaillée de mes élèves', () => {
  it('liste les élèves des sessions en cours avec leur identifiant, filtre, et propose les critères', async () => {
    const r = await college.get(`${E}/eleves`);
    expect(r.status).toBe(200);
    const noms = r.body.lignes.map((l: any) => l.nom);
    expect(noms).not.toContain('PASSE');
    expect(noms).not.toContain('LYCEEN');
    const lea = r.body.lignes.find((l: any) => l.nom === 'MARTIN');
    expect(lea).toMatchObject({ candidatId: ids.lea, prenom: 'Léa', dateNaissance: '2012-05-04', division: '3B', serieLibelle: 'SERIE GENERALE', qualification: 'LV: ANGLAIS', etat: 'Inscrit', email: 'lea@example.fr', login: 'lea.martin', typeLogin: 'prenom_nom', session: 'DNB 2027' });
    expect(r.body.divisions).toEqual(['3A', '3B', '3C', '3D']);
    expect(r.body.series).toEqual(['SERIE GENERALE']);
    const filtre = await college.get(`${E}/eleves?division=3A&compte=email`);
    expect(filtre.body.lignes.map((l: any) => l.nom)).toEqual(['ROUX']);
    const q = await college.get(`${E}/eleves?q=diaye`);
    expect(q.body.lignes.map((l: any) => l.login)).toEqual(['jeaneric.ndiaye']);
    const sans = await college.get(`${E}/eleves?compte=sans`);
    expect(sans.body.lignes.map((l: any) => l.nom).sort()).toEqual(['ANNULEE', 'SANSMAIL']);
    expect((await college.get(`${E}/eleves?etat=perdu`)).status).toBe(400);
  });

  it("exporte le CSV avec la colonne « Identifiant de connexion » ou « Pas de compte candidat Cyclades »", async () => {
    const r = await college.get(`${E}/eleves/export.csv`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/csv/);
    const texte = r.raw.toString('utf8');
    expect(texte.startsWith('\uFEFF')).toBe(true);
    const lignes = texte.slice(1).trim().split('\r\n');
    expect(lignes[0]).toBe('N° candidat;Nom;Prénom;Date de naissance;Division de classe;Série;Qualification présentée;Etat de la candidature;Adresse électronique;Identifiant de connexion');
    expect(lignes.find((l) => l.includes(';MARTIN;'))).toMatch(/;MARTIN;Léa;04\/05\/2012;3B;SERIE GENERALE;LV: ANGLAIS;Inscrit;lea@example\.fr;lea\.martin$/);
    expect(lignes.find((l) => l.includes(';SANSMAIL;'))).toMatch(new RegExp(`;;${PAS_DE_COMPTE}$`));
    expect(lignes.find((l) => l.includes(';ANNULEE;'))).toContain(';Annulé;');
  });
});

describe('traitement repris après une panne', () => {
  it("ne crée pas deux fois les comptes et imprime les mots de passe enregistrés à la première tentative", async () => {
    await candidat('reprise', { nom: 'REPRISE', prenom: 'Nina', division: '3E' });
    const store = p.ctx.store as { put: (cle: string, body: unknown, typeMime: string) => Promise<unknown> };
    const put = store.put.bind(store);
    let pannes = 0;
    store.put = async (cle, body, typeMime) => {
      if (pannes === 0 && cle.includes('papillons')) {
        pannes++;
        (body as Readable).destroy();
        throw new Error('panne simulée du stockage');
      }
      return put(cle, body, typeMime);
    };
    try {
      const avant = Number((await p.ctx.db.selectFrom('compte').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const r = await lancer(`${E}/comptes/generer`, { regroupement: 'division', forcer: false });
      expect(pannes).toBe(1);
      expect(r.cr.tentatives).toBe(2);
      expect(r.journal.join('\n')).toContain('Étape « comptes » déjà faite lors d\'une tentative précédente');
      const apres = Number((await p.ctx.db.selectFrom('compte').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(apres).toBe(avant + 1);
      const { login, mdp } = identifiants(r.un!.texte.pages[0]!);
      expect(login).toBe('nina.reprise');
      expect((await seConnecte(login, mdp)).r.status).toBe(200);
    } finally {
      store.put = put;
    }
  });
});

describe('une génération à la fois par établissement', () => {
  /** Holds the storing of the papillons until `liberer()`: the treatment stays running meanwhile. */
  function retenirPapillons() {
    const store = p.ctx.store as { put: (cle: string, body: unknown, typeMime: string) => Promise<unknown> };
    const put = store.put.bind(store);
    let liberer!: () => void;
    const porte = new Promise<void>((r) => (liberer = r));
    store.put = async (cle, body, typeMime) => {
      if (cle.includes('papillons')) await porte;
      return put(cle, body, typeMime);
    };
    return {
      liberer: () => {
        liberer();
        store.put = put;
      },
    };
  }

  const compter = async (table: 'generation_comptes' | 'traitement') => Number((await p.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('trois « Forcer » simultanés : un seul est lancé, les autres reçoivent 409 nommant le traitement en cours ; un seul jeu de papillons', async () => {
    const avant = { generations: await compter('generation_comptes'), traitements: await compter('traitement') };
    const r = retenirPapillons();
    let reponses: Array<{ status: number; body: any }>;
    try {
      reponses = await Promise.all([1, 2, 3].map(() => college.post(`${E}/comptes/generer`, { regroupement: 'division', forcer: true })));
    } finally {
      r.liberer();
    }
    const acceptees = reponses.filter((x) => x.status === 200);
    const refusees = reponses.filter((x) => x.status !== 200);
    expect(acceptees, JSON.stringify(reponses.map((x) => x.body))).toHaveLength(1);
    expect(refusees.map((x) => x.status)).toEqual([409, 409]);
    for (const x of refusees) {
      expect(x.body.code).toBe('generation-en-cours');
      expect(x.body.message).toMatch(/^Une génération des comptes de vos élèves est déjà en cours : « Génération des comptes CYCLADES des élèves », lancée le 03\/12\/2026 à 10:00 par ce\.0350711h\. /);
      // Nothing technical reaches the user.
      expect(x.body.message).not.toMatch(/duplicate|unique|constraint|23505/i);
    }
    expect(await compter('generation_comptes')).toBe(avant.generations + 1);
    expect(await compter('traitement')).toBe(avant.traitements + 1);

    const cr = await attendreTraitement(college, acceptees[0]!.body.traitementId);
    expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
    expect((cr.documents as unknown[]).length).toBe(2);
    // Every papillon file of the établissement has a name of its own.
    const docs = await p.ctx.db.selectFrom('document').select('nom').where('etablissement_id', '=', etabs.college).where('nom', 'like', 'papillons-%').execute();
    expect(new Set(docs.map((d) => d.nom)).size).toBe(docs.length);

    // Once it is over, the next one is accepted.
    const suivante = await lancer(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
    expect(suivante.un!.nom).not.toBe((cr.documents as Array<{ nom: string }>).find((d) => d.nom.endsWith('-1-par-page.pdf'))!.nom);
  });

  it('la base elle-même refuse une deuxième génération en attente ou en cours pour un établissement (plusieurs processus)', async () => {
    const inserer = (type: string, statut: 'en_attente' | 'en_cours' | 'termine', etablissementId = etabs.college) =>
      p.ctx.db
        .insertInto('traitement')
        .values({ id: crypto.randomUUID(), academie_code: '14', type, titre: 'Essai', parametres: '{}', statut, etablissement_id: etablissementId, visibilite: 'etablissement' })
        .execute();
    await inserer('cyclades.comptes-candidats', 'en_cours');
    try {
      // The service recognises the refusal by the index's name (comptes.service.ts, estDejaEnCours).
      await expect(inserer('cyclades.regeneration-mots-de-passe', 'en_attente')).rejects.toMatchObject({ code: '23505', constraint: 'traitement_une_generation_comptes' });
      await expect(inserer('cyclades.comptes-candidats', 'en_attente')).rejects.toMatchObject({ code: '23505' });
      // Finished runs, another établissement, other treatments: not held.
      await inserer('cyclades.comptes-candidats', 'termine');
      await inserer('cyclades.comptes-candidats', 'en_cours', etabs.lycee);
      await inserer('imagin.autre-traitement', 'en_cours');
      // Through the API, the answer names it.
      const r = await college.post(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
      expect(r.status).toBe(409);
      expect(r.body.message).toContain('« Essai »');
    } finally {
      await p.ctx.db.deleteFrom('traitement').where('titre', '=', 'Essai').execute();
    }
  });

  it('une régénération attend aussi la fin de la génération en cours (409), et inversement', async () => {
    const r = retenirPapillons();
    try {
      const g = await college.post(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
      expect(g.status).toBe(200);
      const regen = await college.post(`${E}/comptes/regenerer`, { titre: 'Pendant la génération', supprimerLimitation: false, candidatIds: [ids.lea] });
      expect(regen.status).toBe(409);
      expect(regen.body.code).toBe('generation-en-cours');
      r.liberer();
      expect((await attendreTraitement(college, g.body.traitementId)).statut).toBe('termine');
    } finally {
      r.liberer();
    }
    // And the other way round.
    const r2 = retenirPapillons();
    try {
      const g = await college.post(`${E}/comptes/regenerer`, { titre: 'Léa', supprimerLimitation: false, candidatIds: [ids.lea] });
      expect(g.status).toBe(200);
      const gen = await college.post(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
      expect(gen.status).toBe(409);
      expect(gen.body.message).toContain('« Léa »');
      r2.liberer();
      expect((await attendreTraitement(college, g.body.traitementId)).statut).toBe('termine');
    } finally {
      r2.liberer();
    }
  });
});

// Issue 18 §5: a storage failure while the papillons are written must not lock the pupils out. The
// treatment ends in error without any system message or server path, and « Relancer » resumes it: the
// passwords already in force (recorded, encrypted, by its step) are printed, and they log in.
describe('stockage des documents en panne pendant une génération', () => {
  it('finit en erreur sans chemin ni message système, puis « Relancer » produit les papillons des mots de passe en vigueur', async () => {
    const put = p.ctx.store.put.bind(p.ctx.store);
    const store = p.ctx.store as { put: typeof put };
    store.put = async (cle, corps, type) => {
      if (cle.startsWith('traitements/')) throw Object.assign(new Error(`EACCES: permission denied, mkdir '/srv/plateforme/documents/${cle}'`), { code: 'EACCES' });
      return put(cle, corps, type);
    };
    let traitementId: string;
    try {
      const g = await college.post(`${E}/comptes/generer`, { regroupement: 'division', forcer: true });
      expect(g.status, JSON.stringify(g.body)).toBe(200);
      traitementId = g.body.traitementId;
      const cr = await attendreTraitement(college, traitementId);
      expect(cr.statut).toBe('erreur');
      expect(cr.documents).toHaveLength(0);
      expect(cr.relancable).toBe(true);
      const tout = JSON.stringify(cr);
      expect(tout).not.toMatch(/EACCES|\/srv\/|permission denied/);
      expect(cr.erreur).toMatch(/^Erreur technique \(réf\. [0-9A-F]{8}\)/);
      // Another établissement does not see it, so cannot relaunch it.
      expect((await lycee.post(`/api/traitements/${traitementId}/relancer`, {})).status).toBe(404);
    } finally {
      store.put = put;
    }
    const r = await college.post(`/api/traitements/${traitementId}/relancer`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toContain('relancé');
    // A second click relaunches nothing more.
    expect((await college.post(`/api/traitements/${traitementId}/relancer`, {})).status).toBe(409);
    const cr = await attendreTraitement(college, traitementId);
    expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
    expect(cr.relancable).toBe(false);
    const messages = (cr.journal as Array<{ message: string }>).map((l) => l.message);
    expect(messages.some((m) => m.startsWith('Traitement relancé par ce.0350711h'))).toBe(true);
    // The accounts step was not redone: the passwords in force are the ones printed now.
    expect(messages.filter((m) => m.startsWith("Étape « comptes » déjà faite")).length).toBeGreaterThan(0);
    const docs = cr.documents as Array<{ id: string; nom: string }>;
    expect(docs).toHaveLength(2);
    const un = docs.find((d) => d.nom.endsWith('-1-par-page.pdf'))!;
    const pages = (await telecharger(college, un.id)).pages.filter((pg) => pg.includes('Votre identifiant de connexion'));
    expect(pages.length).toBeGreaterThan(0);
    const { login, mdp } = identifiants(pages[0]!);
    const { r: connexion } = await seConnecte(login, mdp);
    expect(connexion.status, JSON.stringify(connexion.body)).toBe(200);
    const journal = await p.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'traitement.relancer').where('entite_id', '=', traitementId).execute();
    expect(journal).toHaveLength(1);
  });
});
