// « Consultation missions » of the intervenant (issue 15, seed 004 §2.3): his convoked missions of the
// session's académie, one tab per other académie that convoked him (read-only), the pop-up, the
// duplicata (the same PDF as the centre's and the gestionnaire's: identifiant, never a password for
// someone who logged in; the gestionnaire's edition still prints it while the person never did), the
// scope by changing ids and académies, and the activity closed by the gestionnaire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let alice: TestClient;
let bruno: TestClient;
const B = '/api/intervenant/missions';

/** What this file adds to the établissement fixtures. */
const x = {
  mNantes: 0, // Nantes' jury mission in its own centre: Alice convoked as Présidente of jury J17
  mNantes2: 0, // Nantes: Alice only affected (never shown)
  mJury: 0, // Rennes, a jury mission: Alice Vice-présidente of J1, with a text of her own
  cNantes: 0,
  cNantesAffectee: 0,
  cJury: 0,
  cChloe: 0,
};

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  await db.insertInto('academie').values({ code: '17', libelle: 'Nantes', nom_majuscule: 'NANTES', domaine_mail: 'ac-nantes.fr' }).execute();
  const nantes = await db
    .insertInto('etablissement')
    .values({ uai: '0440021J', academie_code: '17', nom: 'CLEMENCEAU', type: 'LGT', commune: 'NANTES', adresse: '1 RUE GEORGES CLEMENCEAU', code_postal: '44000', est_centre_examen: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await db.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', '2026-06').executeTakeFirstOrThrow();
  const mission = async (v: { numero: number; academie: string; centre: number; type: string; observation?: string }) =>
    (
      await db
        .insertInto('mission')
        .values({ academie_code: v.academie, numero: v.numero, session_examen_id: session.id, specialite_id: f.specialites.bcg, epreuve_option_id: f.epreuves.c010, type_mission: v.type, centre_id: v.centre, observation_defaut: v.observation ?? '' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  x.mNantes = await mission({ numero: 179101, academie: '17', centre: nantes.id, type: 'JURY', observation: 'Délibération au rectorat de Nantes, salle du conseil.' });
  x.mNantes2 = await mission({ numero: 179102, academie: '17', centre: nantes.id, type: 'CORCOP' });
  x.mJury = await mission({ numero: 112450, academie: '14', centre: f.etabs.lycee, type: 'JURY', observation: 'Texte par défaut de la mission.' });
  await db
    .insertInto('mission_date')
    .values([
      { mission_id: x.mNantes, jour: '2026-07-06', heure_debut: '09:00', heure_fin: '17:00' },
      { mission_id: x.mNantes2, jour: '2026-06-19', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: x.mJury, jour: '2026-07-02', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: x.mJury, jour: '2026-07-03', heure_debut: '14:00', heure_fin: '18:00' },
    ])
    .execute();
  const jurys = await db
    .insertInto('mission_jury')
    .values([
      { mission_id: x.mNantes, code: 'J17', libelle: 'Jury de Nantes' },
      { mission_id: x.mJury, code: 'J1', libelle: 'Jury Nord' },
    ])
    .returning(['id', 'code'])
    .execute();
  const qualites = await db
    .insertInto('qualite')
    .values([
      { academie_code: '17', libelle: 'Présidente de jury' },
      { academie_code: '14', libelle: 'Vice-présidente de jury' },
    ])
    .returning(['id', 'academie_code'])
    .execute();
  const convocation = async (v: { mission: number; personne: number; academie: string; statut?: 'affectee' | 'convoquee'; jury?: number; qualite?: number; observation?: string }) =>
    (
      await db
        .insertInto('convocation')
        .values({ academie_code: v.academie, mission_id: v.mission, personne_id: v.personne, statut: v.statut ?? 'convoquee', origine: 'gestionnaire', jury_id: v.jury ?? null, qualite_id: v.qualite ?? null, observation: v.observation ?? '', editee_le: '2026-05-15T10:00:00Z' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const jury = (code: string) => jurys.find((j) => j.code === code)!.id;
  const qualite = (a: string) => qualites.find((q) => q.academie_code === a)!.id;
  x.cNantes = await convocation({ mission: x.mNantes, personne: f.personnes.alice, academie: '17', jury: jury('J17'), qualite: qualite('17') });
  x.cNantesAffectee = await convocation({ mission: x.mNantes2, personne: f.personnes.alice, academie: '17', statut: 'affectee' });
  x.cJury = await convocation({ mission: x.mJury, personne: f.personnes.alice, academie: '14', jury: jury('J1'), qualite: qualite('14'), observation: 'Apportez le registre des délibérations.' });
  // Alice is also only affected (not convoked) on a Rennes mission: a message, never a row.
  await convocation({ mission: f.missions.m2, personne: f.personnes.chloe, academie: '14', statut: 'affectee' });
  await db.updateTable('convocation').set({ statut: 'affectee' }).where('id', '=', f.convocations.cAliceM3).execute();
  x.cChloe = await convocation({ mission: f.missions.m1, personne: f.personnes.chloe, academie: '14' });

  await fixtureCompte(p, { login: 'alice.test', role: 'intervenant', personneId: f.personnes.alice });
  await fixtureCompte(p, { login: 'bruno.test', role: 'intervenant', personneId: f.personnes.bruno });
  alice = p.client();
  await alice.login('imagin-intervenant', 'alice.test', MOT_DE_PASSE);
  bruno = p.client();
  await bruno.login('imagin-intervenant', 'bruno.test', MOT_DE_PASSE);
});

afterAll(async () => {
  await p?.close();
});

describe('liste des missions et onglets par académie', () => {
  it("liste les missions convoquées par l'académie de la session, triées par date, sans les affectations non convoquées", async () => {
    const r = await alice.get(B);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.academieSession).toBe('14');
    const rennes = r.body.lignes.filter((l: any) => l.academieCode === '14');
    // m1 (15/06), m2 (commission dates: 23/06), the jury mission (02/07); m3 is only affected now.
    expect(rennes.map((l: any) => l.numero)).toEqual([112440, 112441, 112450]);
    const m1 = rennes[0];
    expect(m1).toMatchObject({
      convocationId: f.convocations.cAliceM1,
      lectureSeule: false,
      examen: 'BCG 2026',
      type: 'CORRECTION DE COPIES',
      centre: 'LGT LA PROMENADE RENNES',
      qualite: 'Correcteur',
      debut: '2026-06-15',
      fin: '2026-06-16',
      duplicata: `${B}/${f.convocations.cAliceM1}/duplicata`,
    });
    // The commission's dates, not the mission's.
    expect(rennes[1]).toMatchObject({ debut: '2026-06-23', fin: '2026-06-23', qualite: null });
    expect(rennes[2]).toMatchObject({ type: 'JURY DE DELIBERATION', qualite: 'Vice-présidente de jury', debut: '2026-07-02', fin: '2026-07-03' });
    // Never an affectation not convoked, of any académie.
    const ids = r.body.lignes.map((l: any) => l.convocationId);
    expect(ids).not.toContain(f.convocations.cAliceM3);
    expect(ids).not.toContain(x.cNantesAffectee);
    // Never another person's convocation.
    expect(ids).not.toContain(f.convocations.cBrunoM2);
    expect(ids).not.toContain(x.cChloe);
  });

  it("ouvre un onglet par autre académie qui l'a convoquée, en lecture seule, après celui de la session", async () => {
    const r = await alice.get(B);
    expect(r.body.onglets).toEqual([
      { code: '14', libelle: 'Académie de Rennes', designation: "l'académie de Rennes", intitule: 'ACADEMIE DE RENNES', courante: true, convoquees: 3, affectees: 1 },
      { code: '17', libelle: 'Académie de Nantes', designation: "l'académie de Nantes", intitule: 'ACADEMIE DE NANTES', courante: false, convoquees: 1, affectees: 0 },
      { code: '16', libelle: 'Académie de Toulouse', designation: "l'académie de Toulouse", intitule: 'ACADEMIE DE TOULOUSE', courante: false, convoquees: 1, affectees: 0 },
    ]);
    const nantes = r.body.lignes.filter((l: any) => l.academieCode === '17');
    expect(nantes).toEqual([expect.objectContaining({ convocationId: x.cNantes, numero: 179101, lectureSeule: true, centre: 'LGT CLEMENCEAU NANTES', qualite: 'Présidente de jury', debut: '2026-07-06' })]);
    const toulouse = r.body.lignes.filter((l: any) => l.academieCode === '16');
    expect(toulouse).toEqual([expect.objectContaining({ convocationId: f.convocations.cAliceM4, numero: 195466, lectureSeule: true, qualite: 'Interrogateur', centre: 'LGT LA DECOUVERTE DECAZEVILLE' })]);
    expect(r.body.total).toBe(5);

    // One tab alone, by its code.
    const seul = await alice.get(`${B}?academie=17`);
    expect(seul.body.lignes.map((l: any) => l.convocationId)).toEqual([x.cNantes]);
    expect((await alice.get(`${B}?academie=siec`)).body.lignes).toEqual([]);
  });

  it("un intervenant sans convocation voit l'onglet de son académie, vide", async () => {
    await fixtureCompte(p, { login: 'emma.test', role: 'intervenant', personneId: f.personnes.emma });
    const emma = p.client();
    await emma.login('imagin-intervenant', 'emma.test', MOT_DE_PASSE);
    const r = await emma.get(B);
    expect(r.status).toBe(200);
    expect(r.body.lignes).toEqual([]);
    // Emma is affected on m1 but not convoked: said, not listed.
    expect(r.body.onglets).toEqual([{ code: '14', libelle: 'Académie de Rennes', designation: "l'académie de Rennes", intitule: 'ACADEMIE DE RENNES', courante: true, convoquees: 0, affectees: 1 }]);
  });

  it("refuse un code d'académie mal formé avec un message en français qui nomme le champ", async () => {
    const r = await alice.get(`${B}?academie=${encodeURIComponent("17' or 1=1")}`);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain("Le code de l'académie ne contient que des chiffres et des lettres");
  });
});

describe('pop-up de la mission', () => {
  it('donne examen, centre, type, numéro, qualité, jury et sa qualité, le texte de la mission et ses dates', async () => {
    const r = await alice.get(`${B}/${x.cJury}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      convocationId: x.cJury,
      numero: 112450,
      examen: 'BCG 2026',
      examenLibelle: 'BCG - BACCALAUREAT GENERAL',
      session: '470, BCG, 2026-06, BGT 2026',
      type: 'JURY DE DELIBERATION',
      centre: 'LGT LA PROMENADE RENNES (0350710G)',
      adresseCentre: '12 AVENUE DE LA PROMENADE, 35000 RENNES',
      qualite: 'Vice-présidente de jury',
      jury: 'J1 - Jury Nord',
      qualiteJury: 'Vice-présidente de jury',
      // The convocation's own text wins over the mission's default one.
      texte: 'Apportez le registre des délibérations.',
      academie: 'ACADEMIE DE RENNES',
      lectureSeule: false,
    });
    expect(r.body.dates).toEqual([
      { jour: '2026-07-02', heureDebut: '08:00', heureFin: '12:00', debut: 'jeudi 2 juillet 2026 08:00', fin: 'jeudi 2 juillet 2026 12:00' },
      { jour: '2026-07-03', heureDebut: '14:00', heureFin: '18:00', debut: 'vendredi 3 juillet 2026 14:00', fin: 'vendredi 3 juillet 2026 18:00' },
    ]);
    // Without a text of its own, the mission's default one; without a jury, no qualité de jury.
    const m1 = (await alice.get(`${B}/${f.convocations.cAliceM1}`)).body;
    expect(m1.texte).toBe("Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.");
    expect(m1.jury).toBeNull();
    expect(m1.qualiteJury).toBeNull();
  });

  it("montre une mission d'une autre académie, lue dans ses données, en lecture seule", async () => {
    const r = await alice.get(`${B}/${x.cNantes}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ academie: 'ACADEMIE DE NANTES', designationAcademie: "l'académie de Nantes", lectureSeule: true, jury: 'J17 - Jury de Nantes', qualiteJury: 'Présidente de jury', texte: 'Délibération au rectorat de Nantes, salle du conseil.', centre: 'LGT CLEMENCEAU NANTES (0440021J)' });
  });
});

describe('duplicata de la convocation', () => {
  it("est la convocation de l'académie qui convoque, marquée Duplicata, avec l'identifiant et sans mot de passe", async () => {
    const r = await alice.get(`${B}/${x.cJury}/duplicata`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('ALICE-TEST_Anne_112450.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Convocation');
    const t = pages.join(' ');
    for (const attendu of ['ACADEMIE DE RENNES', 'Duplicata', 'Mme ALICE-TEST Anne', 'N° 112450 JURY DE DELIBERATION', 'Vice-présidente de jury', 'J1 - Jury Nord', 'jeudi 02/07/2026', 'Apportez le registre des délibérations.', "Identifiant IMAG'IN : alice.test", 'votre mot de passe personnel', 'Fait à RENNES, le 15/05/2026']) {
      expect(t, attendu).toContain(attendu);
    }
    expect(t).not.toContain('Mot de passe temporaire');
    // Who printed a copy is kept.
    const a = await p.ctx.db.selectFrom('audit_log').select(['acteur', 'apres']).where('action', '=', 'convocation.duplicata').where('entite_id', '=', String(x.cJury)).executeTakeFirstOrThrow();
    expect(a.acteur).toBe('alice.test');

    const nantes = (await textePdf((await alice.get(`${B}/${x.cNantes}/duplicata`)).raw)).pages.join(' ');
    expect(nantes).toContain('ACADEMIE DE NANTES');
    expect(nantes).toContain("Pour le recteur de l'académie de Nantes et par délégation,");
    expect(nantes).toContain('J17 - Jury de Nantes');
  });

  it("imprime le mot de passe temporaire tant que la personne ne s'est jamais connectée (gestionnaire), jamais ensuite ni sur son duplicata", async () => {
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const pdf = `/api/gestion/missions/${f.missions.m1}/convocations/${x.cChloe}/pdf`;
    const avant = (await textePdf((await dec.get(pdf)).raw)).pages.join(' ');
    expect(avant).toContain("Identifiant IMAG'IN : chloe.chloe-test");
    const temporaire = /Mot de passe temporaire : (\S+)/.exec(avant)?.[1];
    expect(temporaire).toBeTruthy();

    // First login with it: the activity is refused until a personal password is chosen.
    const chloe = p.client();
    await chloe.login('imagin-intervenant', 'chloe.chloe-test', temporaire!);
    const refus = await chloe.get(`${B}/${x.cChloe}/duplicata`);
    expect(refus.status).toBe(403);
    expect(refus.body.code).toBe('MOT_DE_PASSE_A_CHANGER');
    const change = await chloe.post('/api/auth/mot-de-passe', { ancien: temporaire, nouveau: 'Chloe-Perso-2026!x', confirmation: 'Chloe-Perso-2026!x' });
    expect(change.status, JSON.stringify(change.body)).toBe(200);

    const sien = await chloe.get(`${B}/${x.cChloe}/duplicata`);
    expect(sien.status).toBe(200);
    const t = (await textePdf(sien.raw)).pages.join(' ');
    expect(t).toContain("Identifiant IMAG'IN : chloe.chloe-test");
    expect(t).not.toContain('Mot de passe temporaire');
    expect(t).not.toContain(temporaire!);
    // The gestionnaire's reprint no longer prints it either.
    const apres = (await textePdf((await dec.get(pdf)).raw)).pages.join(' ');
    expect(apres).not.toContain('Mot de passe temporaire');
  });
});

describe('portée : ses propres convocations seulement', () => {
  it("répond 404 pour la convocation d'une autre personne, quelle que soit l'académie, et n'en dit rien", async () => {
    for (const id of [f.convocations.cBrunoM2, x.cChloe]) {
      for (const url of [`${B}/${id}`, `${B}/${id}/duplicata`]) {
        const r = await alice.get(url);
        expect(r.status, url).toBe(404);
        expect(r.body.message).toBe("Cette convocation n'existe pas ou ne vous concerne pas.");
      }
    }
    // Alice's Nantes convocation from Bruno's session, an unknown id, an affectation not convoked.
    expect((await bruno.get(`${B}/${x.cNantes}`)).status).toBe(404);
    expect((await bruno.get(`${B}/${x.cNantes}/duplicata`)).status).toBe(404);
    expect((await alice.get(`${B}/999999`)).status).toBe(404);
    expect((await alice.get(`${B}/${x.cNantesAffectee}`)).status).toBe(404);
    expect((await alice.get(`${B}/${f.convocations.cAliceM3}/duplicata`)).status).toBe(404);
  });

  it("un onglet d'académie forgé ne montre rien d'une autre personne", async () => {
    // Bruno was convoked by Rennes only; Toulouse and Nantes convoked Alice, not him.
    for (const academie of ['16', '17', 'SIEC', '99']) {
      const r = await bruno.get(`${B}?academie=${academie}`);
      expect(r.status).toBe(200);
      expect(r.body.lignes, academie).toEqual([]);
    }
    const r = await bruno.get(B);
    expect(r.body.onglets.map((o: any) => o.code)).toEqual(['14']);
    expect(r.body.lignes.map((l: any) => l.convocationId)).toEqual([f.convocations.cBrunoM2]);
  });

  it('refuse ces routes à un autre rôle que celui des intervenants', async () => {
    const ce = p.client();
    await ce.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const r = await ce.get(B);
    expect(r.status).toBe(403);
  });
});

describe("ouverture de l'activité", () => {
  it("refuse l'activité fermée par le gestionnaire pour l'académie, la rouvre ensuite", async () => {
    await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'imagin-intervenant', activite: 'consultation-missions', ouverte: false }).execute();
    try {
      for (const url of [B, `${B}/${x.cJury}`, `${B}/${x.cJury}/duplicata`]) {
        const r = await alice.get(url);
        expect(r.status, url).toBe(403);
        expect(r.body.code).toBe('ACTIVITE_FERMEE');
      }
    } finally {
      await p.ctx.db.deleteFrom('activite_ouverture').where('service', '=', 'imagin-intervenant').where('activite', '=', 'consultation-missions').execute();
    }
    expect((await alice.get(B)).status).toBe(200);
  });
});
