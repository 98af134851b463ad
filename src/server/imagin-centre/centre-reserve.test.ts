// Issue 13: a school that is not a centre d'examen (CLG DU PARC) got 200 with empty lists on
// /api/centre/* and « Activité inconnue » at the activity's address. Every centre route answers 403
// with the reason; its menu shows no centre entry, and the session names the reason for each hidden
// activity, so that the page at its address says why. The same for the centre de délibération.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAISON_CONDITION, SERVICES } from '../../domain/services.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let college: TestClient;
let collegeCyclades: TestClient;
let lycee: TestClient;
let lyceeCyclades: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  const etabs = await fixtureReferentiel(p);
  await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: etabs.college });
  await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  collegeCyclades = p.client();
  await collegeCyclades.login('cyclades-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  lyceeCyclades = p.client();
  await lyceeCyclades.login('cyclades-etablissement', 'ce.0350710g', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

type Menu = Array<{ groupe: string; activites: Array<{ code: string }> }>;
const codesCentre = SERVICES['imagin-etablissement'].activites.filter((a) => a.condition === 'centre_examen').map((a) => a.code);
const codesDeliberation = SERVICES['cyclades-etablissement'].activites.filter((a) => a.condition === 'centre_deliberation').map((a) => a.code);

describe("établissement qui n'est pas centre d'examen (DU PARC)", () => {
  it('les routes du centre répondent 403 avec la raison, plus 200 avec des listes vides', async () => {
    for (const url of [
      '/api/centre/consultation/filtres',
      '/api/centre/consultation/missions',
      '/api/centre/convocation/filtres',
      '/api/centre/convocation/missions',
      '/api/centre/convocation/disciplines',
      '/api/centre/signatures/centre',
      '/api/centre/acces-academies',
    ]) {
      const r = await college.get(url);
      expect(r.status, url).toBe(403);
      expect(r.body.code, url).toBe('INTERDIT');
      expect(r.body.message, url).toBe(RAISON_CONDITION.centre_examen);
    }
    // The reason comes before the body is read, and before any write.
    const post = await college.post('/api/centre/convocation/missions/1/convocations', {});
    expect(post.status).toBe(403);
    expect(post.body.message).toContain("Votre établissement n'est pas centre d'examen");
    // A centre d'examen still reaches them.
    expect((await lycee.get('/api/centre/consultation/missions')).status).toBe(200);
  });

  it("son menu n'a aucune entrée du centre ; la session dit pourquoi pour chacune", async () => {
    const s = (await college.get('/api/auth/session')).body;
    const menu = s.menu as Menu;
    expect(menu.map((g) => g.groupe)).not.toContain('Centre Examen');
    const codes = menu.flatMap((g) => g.activites.map((a) => a.code));
    for (const c of codesCentre) expect(codes).not.toContain(c);
    expect(codes).toContain('consultation-personnels');
    expect(s.activitesReservees.map((a: { code: string }) => a.code).sort()).toEqual([...codesCentre].sort());
    expect(s.activitesReservees.find((a: { code: string }) => a.code === 'consultation-missions')).toEqual({
      code: 'consultation-missions',
      libelle: 'Consultation des missions',
      raison: RAISON_CONDITION.centre_examen,
    });
    // A centre has them all, and nothing reserved.
    const l = (await lycee.get('/api/auth/session')).body;
    expect((l.menu as Menu).find((g) => g.groupe === 'Centre Examen')?.activites.map((a) => a.code)).toEqual(expect.arrayContaining(codesCentre));
    expect(l.activitesReservees).toEqual([]);
  });
});

describe("établissement qui n'est pas centre de délibération (DU PARC, CYCLADES)", () => {
  it('les routes de la délibération répondent 403 avec la raison, lectures comprises', async () => {
    for (const [m, url] of [
      ['GET', '/api/cyclades/deliberation/jurys'],
      ['GET', '/api/cyclades/deliberation/ou-en-sommes-nous'],
      ['GET', '/api/cyclades/deliberation/synthese'],
      ['GET', '/api/cyclades/deliberation/detail'],
      ['POST', '/api/cyclades/deliberation/ouvrir'],
      ['POST', '/api/cyclades/deliberation/liste-rouge'],
    ] as const) {
      const r = await collegeCyclades.request(m, url, m === 'GET' ? undefined : {});
      expect(r.status, url).toBe(403);
      expect(r.body.message, url).toBe(RAISON_CONDITION.centre_deliberation);
    }
    expect((await lyceeCyclades.get('/api/cyclades/deliberation/jurys')).status).toBe(200);
  });

  it("son menu CYCLADES n'a aucune entrée de la délibération ; la session dit pourquoi", async () => {
    const s = (await collegeCyclades.get('/api/auth/session')).body;
    const codes = (s.menu as Menu).flatMap((g) => g.activites.map((a) => a.code));
    for (const c of codesDeliberation) expect(codes).not.toContain(c);
    expect(codes).toContain('comptes-eleves');
    expect(s.activitesReservees.map((a: { code: string }) => a.code).sort()).toEqual([...codesDeliberation].sort());
    expect(new Set(s.activitesReservees.map((a: { raison: string }) => a.raison))).toEqual(new Set([RAISON_CONDITION.centre_deliberation]));
  });
});
