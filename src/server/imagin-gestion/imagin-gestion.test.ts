// The gestionnaire DEC side of issue 5 over HTTP on a test database: missions (creation, checks,
// number unique in the académie, changes that would leave a convocation inconsistent), qualités,
// convocations (qualité rules, own dates, a person of another académie found by NUMEN and the
// indisponibilité it gives there, a centre's convocation taken over, deletion refused while the frais
// is being processed, the PDF read back) and intervenants. Another académie's resource answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixerStatutFrais } from '../imagin-frais/etat-frais.repo.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let rennes: TestClient;
let toulouse: TestClient;
let sessionBcg: number;
let sessionDnb: number;
const M = '/api/gestion/missions';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  await db
    .insertInto('type_mission')
    .values([
      { code: 'CEC', libelle: 'Correction EC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
      { code: 'COEC', libelle: 'COEC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
      { code: 'NUMCOP', libelle: 'NUMERISATION DES COPIES', mode_remuneration: 'gestionnaire', ouverte_sans_ciblage: true, sans_qualite: true },
    ])
    .execute();
  await db.insertInto('qualite').values([
    { academie_code: '14', libelle: 'Correcteur Santorin', santorin: true },
    { academie_code: '14', libelle: 'Interrogateur', ordre: 3 },
  ]).execute();
  const sessions = await db.selectFrom('session_examen').select(['id', 'examen_code', 'code']).execute();
  sessionBcg = sessions.find((s) => s.examen_code === '470' && s.code === '2026-06')!.id;
  sessionDnb = sessions.find((s) => s.examen_code === '100')!.id;
  rennes = p.client();
  await rennes.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  toulouse = p.client();
  await toulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

function mission(o: Record<string, unknown> = {}) {
  return {
    numero: 120001,
    sessionExamenId: sessionBcg,
    specialiteId: f.specialites.bcg,
    epreuveOptionId: f.epreuves.c010,
    typeMission: 'CORCOP',
    centreUai: '0350710G',
    lieu: 'Salle polyvalente',
    observationDefaut: 'Présentez-vous à l’accueil.',
    signataire: 'chef_centre',
    cibleeEtablissement: true,
    dates: [
      { jour: '02/07/2026', heureDebut: '08:00', heureFin: '12:00' },
      { jour: '03/07/2026', heureDebut: '13:30', heureFin: '17:30' },
    ],
    commissions: [{ code: 'C1', nbCandidats: 40, dates: [{ jour: '03/07/2026', heureDebut: '13:30', heureFin: '17:30' }] }],
    jurys: [{ code: 'J1', libelle: 'Jury principal' }],
    salles: [{ code: 'S101', libelle: 'Salle 101', nbCandidats: 20 }],
    ...o,
  };
}

describe('missions', () => {
  let id: number;

  it('crée une mission avec ses dates, commission, jury et salle, et la relit', async () => {
    const r = await rennes.post(M, mission());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toBe('Mission n° 120001 créée.');
    id = r.body.id;
    const d = await rennes.get(`${M}/${id}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      numero: 120001,
      session: '470, BCG, 2026-06, BGT 2026',
      specialite: 'BCG - BACCALAUREAT GENERAL',
      epreuveOption: 'C010, Mathématiques',
      typeMission: 'CORCOP',
      centreUai: '0350710G',
      centre: 'LGT LA PROMENADE RENNES (0350710G)',
      lieu: 'Salle polyvalente',
      signataire: 'chef_centre',
      cibleeEtablissement: true,
      dateLimitee: null,
      dates: [
        { jour: '2026-07-02', heureDebut: '08:00', heureFin: '12:00' },
        { jour: '2026-07-03', heureDebut: '13:30', heureFin: '17:30' },
      ],
      nbConvocations: 0,
    });
    expect(d.body.commissions).toEqual([{ id: expect.any(Number), code: 'C1', nbCandidats: 40, dates: [{ jour: '2026-07-03', heureDebut: '13:30', heureFin: '17:30' }], convocations: 0 }]);
    expect(d.body.jurys).toEqual([{ id: expect.any(Number), code: 'J1', libelle: 'Jury principal', convocations: 0 }]);
    expect(d.body.salles).toEqual([{ id: expect.any(Number), code: 'S101', libelle: 'Salle 101', nbCandidats: 20, convocations: 0 }]);
    expect(d.body.qualitesProposees.map((q: any) => q.libelle)).toEqual(['Correcteur', 'Correcteur Santorin', 'Interrogateur']);
    const audit = await p.ctx.db.selectFrom('audit_log').select(['acteur', 'action']).where('entite', '=', 'mission').where('entite_id', '=', String(id)).execute();
    expect(audit).toEqual([{ acteur: 'dec.rennes', action: 'mission.creation' }]);
  });

  it("liste les missions de l'académie seulement, filtrées par année et examen", async () => {
    const r = await rennes.get(M);
    expect(r.status).toBe(200);
    expect(r.body.annees).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(r.body.lignes.map((l: any) => l.numero)).toEqual([111759, 112440, 112441, 120001]);
    expect(r.body.lignes.find((l: any) => l.numero === 120001)).toMatchObject({
      session: '470, BCG, 2026-06, BGT 2026',
      typeMission: 'CORRECTION DE COPIES',
      centre: 'LGT LA PROMENADE RENNES (0350710G)',
      debut: '2026-07-02',
      nbIntervenants: 0,
      ciblee: 'Oui',
    });
    expect(r.body.lignes.find((l: any) => l.numero === 112440).nbIntervenants).toBe(1);
    expect((await rennes.get(`${M}?annees=2025`)).body.lignes.map((l: any) => l.numero)).toEqual([111759]);
    expect((await rennes.get(`${M}?examens=100`)).body.lignes).toEqual([]);
    expect(r.body.examens).toEqual([{ code: '470', sigle: 'BCG', libelle: 'BCG - BACCALAUREAT GENERAL' }]);
    expect((await rennes.get(`${M}?annees=20x6`)).status).toBe(400);
  });

  it('refuse un numéro déjà pris dans l’académie, mais pas dans une autre', async () => {
    const r = await rennes.post(M, mission({ numero: 112440 }));
    expect(r.status).toBe(400);
    expect(r.body.fields.numero).toBe('Le numéro de mission 112440 est déjà utilisé dans votre académie : choisissez-en un autre.');
    const t = await toulouse.post(M, mission({ numero: 112440, centreUai: '0120006S', specialiteId: null, epreuveOptionId: null }));
    expect(t.status, JSON.stringify(t.body)).toBe(200);
  });

  it('nomme chaque champ en erreur et dit ce qui est attendu', async () => {
    const r = await rennes.post(
      M,
      mission({
        numero: '0',
        dates: [
          { jour: '02/07/2026', heureDebut: '12:00', heureFin: '08:00' },
          { jour: '31/02/2026', heureDebut: '08:00', heureFin: '09:00' },
        ],
        commissions: [{ code: '', nbCandidats: -1, dates: [] }],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.fields).toMatchObject({
      numero: 'Le numéro de mission doit être un nombre entier supérieur à 0.',
      'dates.0.heureFin': "L'heure de fin n° 1 de la mission (08:00) doit être postérieure à l'heure de début (12:00), le 02/07/2026.",
      'dates.1.jour': "La date n° 2 de la mission (31/02/2026) n'existe pas.",
      'commissions.0.code': 'Le code de la commission est obligatoire.',
      'commissions.0.nbCandidats': 'Le nombre de candidats de la commission doit être un nombre entier (0 ou plus).',
    });
    const sansDate = await rennes.post(M, mission({ numero: 120002, dates: [], commissions: [] }));
    expect(sansDate.body.fields.dates).toBe('Dates de la mission : saisissez au moins une date, avec son heure de début et son heure de fin.');
    const doublon = await rennes.post(M, mission({ numero: 120002, jurys: [{ code: 'J1' }, { code: 'j1' }] }));
    expect(doublon.body.fields['jurys.1.code']).toBe('Deux jurys portent le code « j1 » : chaque code doit être unique dans la mission.');
  });

  it('vérifie les listes dépendantes, le centre d’examen et la cohérence des dates', async () => {
    const specialite = await rennes.post(M, mission({ numero: 120002, sessionExamenId: sessionDnb }));
    expect(specialite.body.fields.specialiteId).toBe("La spécialité BCG n'appartient pas à l'examen de la session choisie (DNB).");
    const epreuve = await rennes.post(M, mission({ numero: 120002, epreuveOptionId: f.epreuves.math }));
    expect(epreuve.body.fields.epreuveOptionId).toBe("L'épreuve-option MATH n'appartient pas à la spécialité BCG.");
    const pasCentre = await rennes.post(M, mission({ numero: 120002, centreUai: '0350711H' }));
    expect(pasCentre.body.fields.centreUai).toBe("Centre d'examen : CLG DU PARC RENNES (0350711H) n'est pas centre d'examen.");
    const inconnu = await rennes.post(M, mission({ numero: 120002, centreUai: '0359999Z' }));
    expect(inconnu.body.fields.centreUai).toBe("Centre d'examen : aucun établissement n'a l'UAI 0359999Z.");
    const cibleeSansCentre = await rennes.post(M, mission({ numero: 120002, centreUai: '', signataire: 'gestionnaire' }));
    expect(cibleeSansCentre.body.fields.centreUai).toBe("Centre d'examen : une mission ciblée pour convocation en établissement doit avoir un centre d'examen.");
    const horsMission = await rennes.post(M, mission({ numero: 120002, commissions: [{ code: 'C1', nbCandidats: 3, dates: [{ jour: '04/07/2026', heureDebut: '08:00', heureFin: '09:00' }] }] }));
    expect(horsMission.body.fields['commissions.0.dates.0.jour']).toBe("Commission C1 : le 04/07/2026 n'est pas une date de la mission.");
    // A centre of another académie (the SIEC case) is allowed when it is a centre d'examen.
    const siec = await rennes.post(M, mission({ numero: 120002, centreUai: '0120006S', commissions: [] }));
    expect(siec.status, JSON.stringify(siec.body)).toBe(200);
    expect((await rennes.get(`${M}/${siec.body.id}`)).body.centre).toBe('LGT LA DECOUVERTE DECAZEVILLE (0120006S) — académie de Toulouse');
  });

  it('COEC : la date fixée pour le centre est une date de la mission ; ignorée pour les autres types', async () => {
    const mauvaise = await rennes.post(M, mission({ numero: 120003, typeMission: 'COEC', dateLimitee: '05/07/2026', commissions: [] }));
    expect(mauvaise.body.fields.dateLimitee).toBe("La date fixée pour le centre (05/07/2026) doit être l'une des dates de la mission.");
    const ok = await rennes.post(M, mission({ numero: 120003, typeMission: 'COEC', dateLimitee: '03/07/2026', commissions: [] }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await rennes.get(`${M}/${ok.body.id}`)).body).toMatchObject({ dateLimitee: '2026-07-03', type: { dateFixee: true, correctionDematerialisee: true } });
    const autre = await rennes.post(M, mission({ numero: 120004, dateLimitee: '03/07/2026', commissions: [] }));
    expect((await rennes.get(`${M}/${autre.body.id}`)).body.dateLimitee).toBeNull();
  });

  it("n'expose ni ne modifie la mission d'une autre académie (404)", async () => {
    expect((await toulouse.get(`${M}/${id}`)).status).toBe(404);
    expect((await toulouse.put(`${M}/${id}`, mission({ centreUai: '0120006S' }))).status).toBe(404);
    expect((await toulouse.get(`${M}/${id}/convocations`)).status).toBe(404);
    expect((await rennes.get(`${M}/${f.missions.m4}`)).status).toBe(404);
    expect((await toulouse.get(M)).body.lignes.map((l: any) => l.numero)).not.toContain(120001);
  });

  it('modifie une mission (dates, commission) en une transaction et garde les lignes par identifiant', async () => {
    const avant = (await rennes.get(`${M}/${id}`)).body;
    const r = await rennes.put(
      `${M}/${id}`,
      mission({
        lieu: 'Gymnase',
        dates: [
          { jour: '02/07/2026', heureDebut: '08:00', heureFin: '12:00' },
          { jour: '03/07/2026', heureDebut: '13:30', heureFin: '17:30' },
          { jour: '04/07/2026', heureDebut: '08:00', heureFin: '12:00' },
        ],
        commissions: [
          { id: avant.commissions[0].id, code: 'C1', nbCandidats: 45, dates: [{ jour: '04/07/2026', heureDebut: '08:00', heureFin: '12:00' }] },
          { code: 'C2', nbCandidats: 10, dates: [] },
        ],
        jurys: [],
        salles: [{ id: avant.salles[0].id, code: 'S102', libelle: 'Salle 102', nbCandidats: 22 }],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = (await rennes.get(`${M}/${id}`)).body;
    expect(d.lieu).toBe('Gymnase');
    expect(d.dates.map((x: any) => x.jour)).toEqual(['2026-07-02', '2026-07-03', '2026-07-04']);
    expect(d.commissions.map((k: any) => [k.id === avant.commissions[0].id, k.code, k.nbCandidats, k.dates.map((x: any) => x.jour)])).toEqual([
      [true, 'C1', 45, ['2026-07-04']],
      [false, 'C2', 10, []],
    ]);
    expect(d.jurys).toEqual([]);
    expect(d.salles).toEqual([{ id: avant.salles[0].id, code: 'S102', libelle: 'Salle 102', nbCandidats: 22, convocations: 0 }]);
  });

  it('refuse de supprimer une commission utilisée, de retirer un jour tenu par une convocation, de changer le type', async () => {
    const m2 = (await rennes.get(`${M}/${f.missions.m2}`)).body;
    expect(m2.commissions).toEqual([{ id: expect.any(Number), code: 'COM1', nbCandidats: 24, dates: [{ jour: '2026-06-23', heureDebut: '14:00', heureFin: '18:00' }], convocations: 2 }]);
    const base = {
      numero: m2.numero,
      sessionExamenId: m2.sessionExamenId,
      specialiteId: m2.specialiteId,
      epreuveOptionId: m2.epreuveOptionId,
      typeMission: m2.typeMission,
      centreUai: m2.centreUai,
      signataire: m2.signataire,
      observationDefaut: m2.observationDefaut,
      dates: m2.dates,
      commissions: m2.commissions,
    };
    const sansCommission = await rennes.put(`${M}/${m2.id}`, { ...base, commissions: [] });
    expect(sansCommission.status).toBe(400);
    expect(sansCommission.body.fields.commissions).toBe(
      "La commission « COM1 » ne peut être supprimée : 2 convocation(s) y sont rattachées (ALICE-TEST Anne, BRUNO-TEST Bruno). Modifiez ou supprimez d'abord ces convocations.",
    );
    // Bruno's own date on M2 is 22/06 (an affectation the fixture made on the mission's date).
    await p.ctx.db.updateTable('convocation').set({ commission_id: null }).where('id', '=', f.convocations.cBrunoM2).execute();
    const sans22 = await rennes.put(`${M}/${m2.id}`, { ...base, dates: [m2.dates[1]] });
    expect(sans22.status).toBe(400);
    expect(sans22.body.fields.dates).toBe("Le 22/06/2026 ne peut être retiré des dates de la mission : la convocation de BRUNO-TEST Bruno porte sur ce jour. Modifiez d'abord cette convocation.");
    await p.ctx.db.updateTable('convocation').set({ commission_id: m2.commissions[0].id }).where('id', '=', f.convocations.cBrunoM2).execute();
    const type = await rennes.put(`${M}/${m2.id}`, { ...base, typeMission: 'CORCOP' });
    expect(type.body.fields.typeMission).toBe("Le type de mission ne peut plus être modifié : la mission compte 2 convocation(s). Supprimez-les d'abord ou créez une autre mission.");
    // Nothing was written.
    expect((await rennes.get(`${M}/${m2.id}`)).body.dates).toEqual(m2.dates);
    // The same mission saved as it is goes through.
    const inchange = await rennes.put(`${M}/${m2.id}`, base);
    expect(inchange.status, JSON.stringify(inchange.body)).toBe(200);
  });

  it('propose les spécialités et épreuves dépendantes, et les centres d’examen', async () => {
    const sp = await rennes.get(`${M}/specialites?examen=470`);
    expect(sp.body.lignes).toEqual([{ id: f.specialites.bcg, libelle: 'BCG - BACCALAUREAT GENERAL' }]);
    const ep = await rennes.get(`${M}/epreuves?specialiteId=${f.specialites.bcg}`);
    expect(ep.body.lignes.map((e: any) => e.libelle)).toEqual(['1-T004-1, Epr orale terminale (Gd oral)', 'C010, Mathématiques', 'C012, Physique-Chimie']);
    const centres = await rennes.get(`${M}/centres?q=promenade`);
    expect(centres.body.lignes).toEqual([{ uai: '0350710G', libelle: 'LGT LA PROMENADE RENNES (0350710G)', autreAcademie: false }]);
    // Another académie's centre only by its exact UAI.
    expect((await rennes.get(`${M}/centres?q=decouverte`)).body.lignes).toEqual([]);
    expect((await rennes.get(`${M}/centres?q=0120006S`)).body.lignes[0]).toMatchObject({ uai: '0120006S', autreAcademie: true });
    const params = await rennes.get(`${M}/parametres`);
    expect(params.body.types.map((t: any) => t.code)).toContain('COEC');
    expect(params.body.sessions.find((s: any) => s.id === sessionBcg).libelle).toBe('470, BCG, 2026-06, BGT 2026');
  });
});

describe('qualités', () => {
  const Q = '/api/gestion/qualites';

  it('liste, ajoute (libellé unique dans l’académie), modifie et désactive', async () => {
    const l = await rennes.get(Q);
    expect(l.body.lignes.map((q: any) => [q.libelle, q.utilisations])).toEqual([
      ['Correcteur', 1],
      ['Correcteur Santorin', 0],
      ['Interrogateur', 0],
    ]);
    const r = await rennes.post(Q, { libelle: 'Président de jury', deliberation: true, ordre: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const doublon = await rennes.post(Q, { libelle: 'président DE JURY' });
    expect(doublon.status).toBe(400);
    expect(doublon.body.fields.libelle).toBe('La qualité « Président de jury » existe déjà dans votre académie : choisissez un autre libellé ou modifiez celle-ci.');
    expect((await rennes.post(Q, { libelle: '  ' })).body.fields.libelle).toBe('Le libellé de la qualité est obligatoire.');
    // Toulouse has its own list, may have the same libellé, cannot touch Rennes'.
    expect((await toulouse.post(Q, { libelle: 'Président de jury' })).status).toBe(200);
    expect((await toulouse.put(`${Q}/${r.body.id}`, { libelle: 'X' })).status).toBe(404);
    expect((await toulouse.delete(`${Q}/${r.body.id}`)).status).toBe(404);

    const m = await rennes.put(`${Q}/${r.body.id}`, { libelle: 'Président du jury', deliberation: true, santorin: false, actif: false, ordre: 1 });
    expect(m.status).toBe(200);
    expect(m.body.message).toContain('n’est plus proposée');
    const relue = (await rennes.get(Q)).body.lignes.find((q: any) => q.id === r.body.id);
    expect(relue).toMatchObject({ libelle: 'Président du jury', deliberation: true, actif: false, ordre: 1 });
    // Inactive: not offered on the missions.
    expect((await rennes.get(`${M}/${f.missions.m1}`)).body.qualitesProposees.map((q: any) => q.libelle)).not.toContain('Président du jury');
    // Unused: deleted; used: refused, with the way out.
    expect((await rennes.delete(`${Q}/${r.body.id}`)).status).toBe(200);
    const correcteur = l.body.lignes[0];
    const utilisee = await rennes.delete(`${Q}/${correcteur.id}`);
    expect(utilisee.status).toBe(409);
    expect(utilisee.body.message).toBe('La qualité « Correcteur » ne peut être supprimée : 1 convocation(s) la portent. Désactivez-la plutôt (décochez « Active ») : elle ne sera plus proposée.');
  });
});

describe('convocations par le gestionnaire', () => {
  const C = (missionId: number) => `${M}/${missionId}/convocations`;
  let qualites: Record<string, number>;

  beforeAll(async () => {
    const l = (await rennes.get('/api/gestion/qualites')).body.lignes;
    qualites = Object.fromEntries(l.map((q: any) => [q.libelle, q.id]));
    await p.ctx.db.updateTable('personne').set({ numen: '16E0912345XYZ' }).where('id', '=', f.personnes.denis).execute();
  });

  it('recherche « NOM Prénom » dans l’académie, et par NUMEN dans tout le référentiel', async () => {
    const nom = await rennes.get('/api/gestion/convocations/personnes?q=chloe%20chlo');
    expect(nom.status, JSON.stringify(nom.body)).toBe(200);
    expect(nom.body.lignes.map((x: any) => `${x.nom} ${x.prenom}`)).toEqual(['CHLOE-TEST Chloé']);
    expect(nom.body.lignes[0]).toMatchObject({ etablissement: 'CLG DU PARC RENNES (0350711H)', autreAcademie: null });
    // Denis is of Toulouse: not by name, but by his NUMEN.
    expect((await rennes.get('/api/gestion/convocations/personnes?q=denis')).body.lignes).toEqual([]);
    const numen = await rennes.get('/api/gestion/convocations/personnes?q=16e09%2012345xyz');
    expect(numen.body.parNumen).toBe(true);
    expect(numen.body.lignes).toEqual([expect.objectContaining({ id: f.personnes.denis, nom: 'DENIS-TEST', autreAcademie: 'Toulouse', etablissement: 'LGT LA DECOUVERTE DECAZEVILLE (0120006S)' })]);
  });

  it("convoque une personne d'une autre académie : indisponibilité « CONVOCATION PAR IMAGIN RENNES » chez elle", async () => {
    const r = await rennes.post(C(f.missions.m1), { personneId: f.personnes.denis, qualiteId: qualites.Correcteur, observation: 'Apportez vos copies.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toBe('Mme DENIS-TEST Denis convoqué(e) sur la mission n° 112440.');
    expect(r.body.avertissement).toBeNull();
    const c = await p.ctx.db.selectFrom('convocation').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ statut: 'convoquee', origine: 'gestionnaire', academie_code: '14', dates_specifiques: false, modifiee_par_gestionnaire: false, observation: 'Apportez vos copies.' });
    const indispos = await p.ctx.db
      .selectFrom('indisponibilite')
      .select(['academie_code', 'date_debut', 'heure_debut', 'heure_fin', 'motif', 'source'])
      .where('convocation_id', '=', r.body.id)
      .orderBy('date_debut')
      .execute();
    expect(indispos).toEqual([
      { academie_code: '16', date_debut: '2026-06-15', heure_debut: '08:00:00', heure_fin: '12:00:00', motif: 'CONVOCATION PAR IMAGIN RENNES', source: 'CONVOCATION' },
      { academie_code: '16', date_debut: '2026-06-16', heure_debut: '08:00:00', heure_fin: '12:00:00', motif: 'CONVOCATION PAR IMAGIN RENNES', source: 'CONVOCATION' },
    ]);
    const liste = await rennes.get(C(f.missions.m1));
    expect(liste.body.lignes.find((l: any) => l.personneId === f.personnes.denis)).toMatchObject({
      nom: 'DENIS-TEST',
      etablissement: 'LGT LA DECOUVERTE DECAZEVILLE (0120006S)',
      autreAcademie: 'Toulouse',
      qualite: 'Correcteur',
      libelleOrigine: 'Convoquée',
      libelleDates: 'Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s)',
      datesPropres: false,
    });
    // Twice on the same mission: refused.
    const deux = await rennes.post(C(f.missions.m1), { personneId: f.personnes.denis });
    expect(deux.status).toBe(409);
    expect(deux.body.message).toBe('DENIS-TEST Denis est déjà convoqué(e) sur la mission n° 112440 : modifiez sa convocation dans la liste.');
    // A person of another académie without NUMEN cannot be reached.
    await p.ctx.db.updateTable('personne').set({ numen: null }).where('id', '=', f.personnes.denis).execute();
    const inaccessible = await rennes.post(C(f.missions.m2), { personneId: f.personnes.denis });
    expect(inaccessible.status).toBe(400);
    expect(inaccessible.body.fields.personneId).toContain('NUMEN');
    await p.ctx.db.updateTable('personne').set({ numen: '16E0912345XYZ' }).where('id', '=', f.personnes.denis).execute();

    // Moving the mission's dates moves the indisponibilités given in Toulouse.
    const m1 = (await rennes.get(`${M}/${f.missions.m1}`)).body;
    const deplacee = await rennes.put(`${M}/${f.missions.m1}`, {
      numero: m1.numero,
      sessionExamenId: m1.sessionExamenId,
      specialiteId: m1.specialiteId,
      epreuveOptionId: m1.epreuveOptionId,
      typeMission: m1.typeMission,
      centreUai: m1.centreUai,
      signataire: m1.signataire,
      observationDefaut: m1.observationDefaut,
      dates: [{ jour: '17/06/2026', heureDebut: '09:00', heureFin: '12:00' }],
    });
    expect(deplacee.status, JSON.stringify(deplacee.body)).toBe(200);
    const apres = await p.ctx.db.selectFrom('indisponibilite').select(['date_debut', 'heure_debut']).where('convocation_id', '=', r.body.id).execute();
    expect(apres).toEqual([{ date_debut: '2026-06-17', heure_debut: '09:00:00' }]);
  });

  it('dates propres : vérifiées, enregistrées, avec un avertissement en cas de chevauchement', async () => {
    await p.ctx.db
      .insertInto('indisponibilite')
      .values({ personne_id: f.personnes.chloe, academie_code: '14', date_debut: '2026-06-23', heure_debut: '10:00', date_fin: '2026-06-23', heure_fin: '11:00', motif: 'RENDEZ-VOUS MEDICAL', source: 'ETABLISSEMENT' })
      .execute();
    // M2 has one commission (COM1, 23/06 14:00–18:00): chosen by itself; a date outside it is refused.
    const hors = await rennes.post(C(f.missions.m2), { personneId: f.personnes.chloe, dates: [{ jour: '22/06/2026', heureDebut: '09:00', heureFin: '12:00' }] });
    expect(hors.status).toBe(400);
    expect(hors.body.fields['dates.0.jour']).toBe("Date : le 22/06/2026 n'est pas une date de la commission.");
    const envers = await rennes.post(C(f.missions.m2), { personneId: f.personnes.chloe, dates: [{ jour: '23/06/2026', heureDebut: '18:00', heureFin: '09:00' }] });
    expect(envers.body.fields['dates.0.heureFin']).toContain("L'heure de fin de l'affectation (09:00) doit être postérieure à l'heure de début (18:00)");
    const r = await rennes.post(C(f.missions.m2), { personneId: f.personnes.chloe, qualiteId: qualites.Interrogateur, codeSalle: 'B12', dates: [{ jour: '23/06/2026', heureDebut: '09:00', heureFin: '12:00' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.avertissement).toBe('Attention, sur les dates choisies : CHLOE-TEST Chloé : indisponible (RENDEZ-VOUS MEDICAL).');
    const l = (await rennes.get(C(f.missions.m2))).body.lignes.find((x: any) => x.personneId === f.personnes.chloe);
    expect(l).toMatchObject({ commission: 'COM1', codeSalle: 'B12', datesPropres: true, affectation: 'Com. COM1, date spécifique', libelleDates: 'Le mardi 23/06/2026 09:00 - 12:00', qualite: 'Interrogateur' });
    // The commission's own dates given back: no own dates any more.
    const m = await rennes.put(`${C(f.missions.m2)}/${r.body.id}`, { qualiteId: qualites.Interrogateur, dates: [{ jour: '23/06/2026', heureDebut: '14:00', heureFin: '18:00' }] });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.avertissement).toBeNull();
    expect((await p.ctx.db.selectFrom('convocation').select('dates_specifiques').where('id', '=', r.body.id).executeTakeFirstOrThrow()).dates_specifiques).toBe(false);
  });

  it('applique les règles de qualité du type de mission', async () => {
    const cec = await rennes.post(M, mission({ numero: 120010, typeMission: 'CEC', commissions: [], jurys: [], salles: [], cibleeEtablissement: false }));
    expect(cec.status, JSON.stringify(cec.body)).toBe(200);
    const proposees = (await rennes.get(`${M}/${cec.body.id}`)).body.qualitesProposees.map((q: any) => q.libelle);
    expect(proposees).toEqual(['Correcteur Santorin']);
    const refus = await rennes.post(C(cec.body.id), { personneId: f.personnes.emma, qualiteId: qualites.Interrogateur });
    expect(refus.status).toBe(400);
    expect(refus.body.fields.qualiteId).toContain('choisissez une qualité SANTORIN');
    const sans = await rennes.post(C(cec.body.id), { personneId: f.personnes.emma });
    expect(sans.status, JSON.stringify(sans.body)).toBe(200);
    expect((await rennes.get(C(cec.body.id))).body.lignes[0].qualite).toBe('Correcteur Santorin');
    const numcop = await rennes.post(M, mission({ numero: 120011, typeMission: 'NUMCOP', commissions: [], jurys: [], salles: [], cibleeEtablissement: false }));
    const avecQualite = await rennes.post(C(numcop.body.id), { personneId: f.personnes.emma, qualiteId: qualites['Correcteur Santorin'] });
    expect(avecQualite.body.fields.qualiteId).toBe('Qualité : aucune qualité n\'est à renseigner pour une mission « NUMERISATION DES COPIES ».');
  });

  it("modifier la convocation d'un centre la lui retire (modifiee_par_gestionnaire)", async () => {
    const r = await rennes.put(`${C(f.missions.m2)}/${f.convocations.cAliceM2}`, { qualiteId: qualites.Interrogateur, observation: 'Modifiée par la DEC.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toContain("Créée par le centre d'examen, elle est désormais gérée par le service de gestion");
    const c = await p.ctx.db.selectFrom('convocation').selectAll().where('id', '=', f.convocations.cAliceM2).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ origine: 'centre', modifiee_par_gestionnaire: true, observation: 'Modifiée par la DEC.', statut: 'convoquee' });
    const l = (await rennes.get(C(f.missions.m2))).body.lignes.find((x: any) => x.id === f.convocations.cAliceM2);
    expect(l.libelleOrigine).toBe('Convoquée');
    const bruno = (await rennes.get(C(f.missions.m2))).body.lignes.find((x: any) => x.id === f.convocations.cBrunoM2);
    expect(bruno.libelleOrigine).toBe('Convoquée');
    // Another académie's mission or another mission's convocation: 404.
    expect((await rennes.put(`${C(f.missions.m1)}/${f.convocations.cAliceM2}`, {})).status).toBe(404);
    expect((await toulouse.put(`${C(f.missions.m2)}/${f.convocations.cAliceM2}`, {})).status).toBe(404);
    expect((await toulouse.delete(`${C(f.missions.m2)}/${f.convocations.cAliceM2}`)).status).toBe(404);
  });

  it('refuse de supprimer une convocation dont le frais est en cours de traitement', async () => {
    const db = p.ctx.db;
    await fixerStatutFrais(db, f.convocations.cBrunoM2, 'valide_gestionnaire');
    const refus = await rennes.delete(`${C(f.missions.m2)}/${f.convocations.cBrunoM2}`);
    expect(refus.status).toBe(409);
    expect(refus.body.message).toBe("La convocation de BRUNO-TEST Bruno ne peut être supprimée : l'état de frais qui en résulte est en cours de traitement.");
    expect((await rennes.get(C(f.missions.m2))).body.lignes.find((x: any) => x.id === f.convocations.cBrunoM2).fraisEnCours).toBe(true);
    await db.updateTable('etat_frais').set({ statut: 'non_valide' }).where('convocation_id', '=', f.convocations.cBrunoM2).execute();
    const ok = await rennes.delete(`${C(f.missions.m2)}/${f.convocations.cBrunoM2}`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.message).toBe("Convocation de BRUNO-TEST Bruno supprimée : l'intervenant n'est plus convoqué sur la mission n° 112441.");
    expect(await db.selectFrom('convocation').select('id').where('id', '=', f.convocations.cBrunoM2).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('etat_frais').select('id').where('convocation_id', '=', f.convocations.cBrunoM2).executeTakeFirst()).toBeUndefined();
  });

  it('télécharge la convocation en PDF : identifiant et mot de passe temporaire, « Dernière convoc. »', async () => {
    const liste = (await rennes.get(C(f.missions.m1))).body.lignes;
    const denis = liste.find((l: any) => l.personneId === f.personnes.denis);
    const r = await rennes.get(`${C(f.missions.m1)}/${denis.id}/pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('DENIS-TEST_Denis_112440.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Convocation');
    const texte = pages.join(' ');
    for (const attendu of ['ACADEMIE DE RENNES', 'DIVISION DES EXAMENS ET CONCOURS', 'Mme DENIS-TEST Denis', 'N° 112440 CORRECTION DE COPIES', 'Correcteur', 'mercredi 17/06/2026', "Identifiant IMAG'IN", 'denis.denis-test', 'Mot de passe temporaire', 'Apportez vos copies.']) {
      expect(texte, attendu).toContain(attendu);
    }
    expect(texte).not.toContain("Dossier suivi par le centre d'examen");
    const c = await p.ctx.db.selectFrom('convocation').select('editee_le').where('id', '=', denis.id).executeTakeFirstOrThrow();
    expect(c.editee_le).not.toBeNull();
    const compte = await p.ctx.db.selectFrom('compte').select(['login', 'type']).where('personne_id', '=', f.personnes.denis).execute();
    expect(compte).toEqual([{ login: 'denis.denis-test', type: 'intervenant' }]);
    // An affectation not yet convoked has no PDF.
    const emma = (await rennes.get(C(f.missions.m1))).body.lignes.find((l: any) => l.personneId === f.personnes.emma);
    expect(emma.libelleOrigine).toBe('Affectée (non convoquée)');
    expect((await rennes.get(`${C(f.missions.m1)}/${emma.id}/pdf`)).status).toBe(409);
    expect((await toulouse.get(`${C(f.missions.m1)}/${denis.id}/pdf`)).status).toBe(404);
  });

  it("supprimer la convocation d'une autre académie retire l'indisponibilité donnée chez elle", async () => {
    const denis = (await rennes.get(C(f.missions.m1))).body.lignes.find((l: any) => l.personneId === f.personnes.denis);
    expect((await rennes.delete(`${C(f.missions.m1)}/${denis.id}`)).status).toBe(200);
    expect(await p.ctx.db.selectFrom('indisponibilite').select('id').where('convocation_id', '=', denis.id).execute()).toEqual([]);
  });
});

describe('intervenants', () => {
  const I = '/api/gestion/intervenants';
  const saisie = {
    civilite: 'M.',
    nom: 'Nouveau-test',
    prenom: 'Yann',
    dateNaissance: '12/03/1979',
    numen: '14E1012345ABF',
    disciplinePoste: 'Philosophie',
    emailPro: 'yann.nouveau@ac-rennes.fr',
    telPro: '02 99 00 00 00',
    adresse: '4 rue des Lilas',
    codePostal: '35000',
    commune: 'Rennes',
    etablissementUai: '0350710G',
  };

  it("recherche les intervenants de l'académie", async () => {
    const r = await rennes.get(`${I}?q=test`);
    expect(r.body.lignes.map((l: any) => l.nom)).toEqual(['ALICE-TEST', 'BRUNO-TEST', 'CHLOE-TEST', 'EMMA-TEST']);
    expect(r.body.lignes[0]).toMatchObject({ prenom: 'Anne', etablissement: 'LGT LA PROMENADE RENNES (0350710G)', disciplinePoste: 'MATHEMATIQUES', aUnCompte: false });
    expect((await rennes.get(`${I}?q=physique`)).body.lignes.map((l: any) => l.nom)).toEqual(['BRUNO-TEST']);
    expect((await rennes.get(`${I}?q=chloe`)).body.lignes.map((l: any) => l.nom)).toEqual(['CHLOE-TEST']);
    expect((await rennes.get(`${I}?q=denis`)).body.lignes).toEqual([]);
  });

  it('crée un intervenant inconnu (source IMAGIN), sans compte', async () => {
    const r = await rennes.post(I, saisie);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const p1 = await p.ctx.db.selectFrom('personne').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(p1).toMatchObject({ academie_code: '14', civilite: 'M.', nom: 'NOUVEAU-TEST', prenom: 'Yann', date_naissance: '1979-03-12', numen: '14E1012345ABF', discipline_poste: 'PHILOSOPHIE', source: 'IMAGIN', commune: 'RENNES' });
    expect(await p.ctx.db.selectFrom('compte').select('id').where('personne_id', '=', r.body.id).execute()).toEqual([]);
    const fiche = await rennes.get(`${I}/${r.body.id}`);
    expect(fiche.body).toMatchObject({ nom: 'NOUVEAU-TEST', etablissement: 'LGT LA PROMENADE RENNES (0350710G)', identifiant: null, convocations: [], adresse: '4 rue des Lilas, 35000 RENNES' });
    expect((await toulouse.get(`${I}/${r.body.id}`)).status).toBe(404);
    // Now he can be found and convoked.
    expect((await rennes.get(`/api/gestion/convocations/personnes?q=nouveau%20yann`)).body.lignes.map((l: any) => l.id)).toEqual([r.body.id]);
    // The same person again: refused.
    const deux = await rennes.post(I, { ...saisie, numen: '' });
    expect(deux.status).toBe(400);
    expect(deux.body.fields.nom).toBe('NOUVEAU-TEST Yann, né(e) le 12/03/1979, est déjà connu(e) dans votre académie : recherchez-le (la) dans la liste.');
  });

  it('vérifie chaque champ : date de naissance, NUMEN (forme, unicité), courriel, établissement de l’académie', async () => {
    const r = await rennes.post(I, { ...saisie, nom: 'AUTRE-TEST', dateNaissance: '31/02/1980', numen: '14E10', emailPerso: 'pas-un-courriel', codePostal: '350', civilite: 'Mlle' });
    expect(r.status).toBe(400);
    expect(r.body.fields).toMatchObject({
      dateNaissance: "La date de naissance (31/02/1980) n'existe pas.",
      numen: 'Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.',
      emailPerso: "L'adresse électronique personnelle n'est pas valide : format attendu prenom.nom@exemple.fr.",
      codePostal: 'Le code postal compte 5 chiffres (par exemple 35000).',
      civilite: 'Choisissez la civilité : M. ou Mme.',
    });
    const numen = await rennes.post(I, { ...saisie, nom: 'AUTRE-TEST', numen: '14E0512345ABC' });
    expect(numen.body.fields.numen).toBe('Ce NUMEN est déjà celui d’un intervenant de votre académie : recherchez-le dans la liste plutôt que de le créer.');
    const etab = await rennes.post(I, { ...saisie, nom: 'AUTRE-TEST', numen: '', etablissementUai: '0120006S' });
    expect(etab.body.fields.etablissementUai).toBe("Établissement principal : aucun établissement de votre académie n'a l'UAI 0120006S.");
  });
});
