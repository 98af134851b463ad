// « Proposer des intervenants » over HTTP on a test database (issue 17 §4): nobody unavailable
// (indisponibilité or overlapping convocation) nor already on the mission is proposed, a validated
// compétence ranks first, the distance to the centre comes from the communes' data set, the list is
// limited to the académie's mission (404 otherwise), and convoking from it removes the person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let rennes: TestClient;
let toulouse: TestClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  const brest = await db.insertInto('etablissement').values({ uai: '0290001X', academie_code: '14', nom: 'DE L’IROISE', type: 'LGT', commune: 'BREST', code_postal: '29200' }).returning('id').executeTakeFirstOrThrow();
  const personne = async (nom: string, etab: number) => {
    const id = (await db.insertInto('personne').values({ academie_code: '14', civilite: 'M.', nom, prenom: 'Test', discipline_poste: 'MATHEMATIQUES' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('personne_etablissement').values({ personne_id: id, etablissement_id: etab, principal: true }).execute();
    const k = await db.insertInto('competence').values({ personne_id: id, epreuve_option_id: f.epreuves.c010 }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('competence_auteur').values({ competence_id: k.id, auteur: '0350710G', type_auteur: 'ETABLISSEMENT', nature: 'C' }).execute();
    return id;
  };
  ids.franck = await personne('FRANCK-TEST', f.etabs.lycee);
  ids.gaelle = await personne('GAELLE-TEST', f.etabs.lycee);
  ids.hugo = await personne('HUGO-TEST', f.etabs.college);
  ids.iris = await personne('IRIS-TEST', brest.id);
  // Gaëlle: unavailable one hour of the mission's second day (M1: 15 and 16/06/2026 08:00-12:00).
  await db.insertInto('indisponibilite').values({ personne_id: ids.gaelle, academie_code: '14', date_debut: '2026-06-16', heure_debut: '11:00', date_fin: '2026-06-16', heure_fin: '14:00', motif: 'STAGE', source: 'EPP' }).execute();
  // Hugo: convoked on another mission the 15/06 from 09:00.
  const m5 = await db.insertInto('mission').values({ academie_code: '14', numero: 112499, session_examen_id: (await db.selectFrom('mission').select('session_examen_id').where('id', '=', f.missions.m1).executeTakeFirstOrThrow()).session_examen_id, specialite_id: f.specialites.bcg, epreuve_option_id: f.epreuves.oral, type_mission: 'INTORA', centre_id: f.etabs.lycee }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('mission_date').values({ mission_id: m5.id, jour: '2026-06-15', heure_debut: '09:00', heure_fin: '10:00' }).execute();
  await db.insertInto('convocation').values({ academie_code: '14', mission_id: m5.id, personne_id: ids.hugo, statut: 'convoquee', origine: 'gestionnaire' }).execute();
  rennes = p.client();
  await rennes.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  toulouse = p.client();
  await toulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

type S = { personneId: number; nom: string; distanceKm: number | null; raisons: Array<{ texte: string; favorable: boolean }>; convocationsSession: number };
const url = (id: number) => `/api/gestion/missions/${id}/propositions`;

describe('propositions', () => {
  it('never proposes someone unavailable, already convoked on the dates, or already on the mission', async () => {
    const r = await rennes.get(url(f.missions.m1));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const noms = (r.body.suggestions as S[]).map((s) => s.nom);
    expect(noms).not.toContain('GAELLE-TEST'); // indisponibilité 11:00-14:00 overlapping 08:00-12:00
    expect(noms).not.toContain('HUGO-TEST'); // convoked elsewhere 09:00-10:00 on the 15th
    expect(noms).not.toContain('ALICE-TEST'); // already on M1
    expect(noms).not.toContain('EMMA-TEST'); // affected on M1
    expect(noms).not.toContain('DENIS-TEST'); // another académie
    expect(noms).toEqual(expect.arrayContaining(['FRANCK-TEST', 'IRIS-TEST', 'BRUNO-TEST', 'CHLOE-TEST']));
  });

  it('ranks the validated compétence first, nearest first, with its reasons and the distance', async () => {
    const r = await rennes.get(url(f.missions.m1));
    const l = r.body.suggestions as S[];
    expect(l.slice(0, 2).map((s) => s.nom)).toEqual(['FRANCK-TEST', 'IRIS-TEST']);
    expect(l[0]!.raisons.map((x) => x.texte)).toEqual(expect.arrayContaining(['Compétence validée par l’établissement', 'Même commune que le centre', 'Aucune convocation dans la session']));
    const iris = l[1]!;
    expect(iris.distanceKm).toBeGreaterThan(200);
    expect(iris.distanceKm).toBeLessThan(220);
    expect(iris.raisons.map((x) => x.texte)).toContain(`${iris.distanceKm} km du centre`);
    const chloe = l.find((s) => s.nom === 'CHLOE-TEST')!;
    expect(chloe.raisons.map((x) => x.texte)).toContain('Aucune compétence sur cette épreuve');
    // Bruno is convoked on M2 in the session: his load shows.
    expect(l.find((s) => s.nom === 'BRUNO-TEST')!.raisons.map((x) => x.texte)).toContain('1 convocation dans la session');
  });

  it('answers 404 for another académie’s mission or an unknown one', async () => {
    expect((await toulouse.get(url(f.missions.m1))).status).toBe(404);
    expect((await rennes.get(url(f.missions.m4))).status).toBe(404);
    expect((await rennes.get(url(999999))).status).toBe(404);
  });

  it('convokes from the list with the existing convocation, then no longer proposes the person', async () => {
    const c = await rennes.post(`/api/gestion/missions/${f.missions.m1}/convocations`, { personneId: ids.franck });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const r = await rennes.get(url(f.missions.m1));
    const l = r.body.suggestions as S[];
    expect(l.map((s) => s.nom)).not.toContain('FRANCK-TEST');
    // Parity: Franck's établissement (the lycée, also Alice's) is now convoked on the mission.
    expect(l[0]!.nom).toBe('IRIS-TEST');
  });
});
