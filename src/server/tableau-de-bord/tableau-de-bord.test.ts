// « Tableau de bord » of the gestionnaire (issue 17): the four panels' figures for a session of the
// académie, the other académies' rows left out, another académie's session → 404, the CSV exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let dec: TestClient;
let decToulouse: TestClient;
const B = '/api/gestion/tableau-de-bord';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  const db = p.ctx.db;
  // A second commission on the oral: need 2, one convoked.
  await db.insertInto('commission').values({ mission_id: f.missions.oral2, code: 'COM2', nb_candidats: 8 }).execute();
  // Roberta is only « affectée » on the copies.
  await db.insertInto('convocation').values({ academie_code: '14', mission_id: f.missions.copies, personne_id: f.personnes.roberta, origine: 'gestionnaire', statut: 'affectee' }).execute();
  // Constat de service fait: two of the lycée's convocations recorded.
  await db.updateTable('convocation').set({ service_fait: 'fait' }).where('id', '=', f.convocations.copiesAlice).execute();
  await db.updateTable('convocation').set({ service_fait: 'non_fait', motif_service_non_fait: 'Absente' }).where('id', '=', f.convocations.copiesBruno).execute();
  // Bruno's état de frais: estimate 123,45 €, retained 100 €; déplacement 20,50 €.
  await db
    .updateTable('etat_frais')
    .set({ montant_remuneration_centimes: 12345, montant_retenu_remuneration_centimes: 10000, montant_deplacement_centimes: 2050 })
    .where('id', '=', f.frais.bruno)
    .execute();
  // Jurys: LA PROMENADE (lycée) 140 and 214, DU PARC (collège) 210; Toulouse's jury is not Rennes'.
  const sp = (await db.selectFrom('specialite').select('id').where('code', '=', 'BCG').executeTakeFirstOrThrow()).id;
  const jury = (numero: string, centre: number, etat: 140 | 210 | 214, academie = '14') => ({
    academie_code: academie,
    session_examen_id: f.sessions.bcg2026,
    numero,
    specialite_id: sp,
    centre_deliberation_id: centre,
    etat,
  });
  await db
    .insertInto('jury')
    .values([jury('TDB1', f.etabs.lycee, 140), jury('TDB2', f.etabs.lycee, 214), jury('TDB3', f.etabs.college, 210), jury('TDB4', f.etabs.toulouse, 140, '16')])
    .execute();
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  decToulouse = p.client();
  await decToulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

describe('Tableau de bord', () => {
  it("lists the académie's sessions only", async () => {
    const r = await dec.get(`${B}/sessions`);
    expect(r.status).toBe(200);
    const ids = r.body.sessions.map((s: any) => s.id);
    expect(ids).toEqual(expect.arrayContaining([f.sessions.bcg2026, f.sessions.bcg2025, f.sessions.ea2026, f.sessions.concours]));
    expect(ids).not.toContain(f.sessions.bts2026);
    const t = await decToulouse.get(`${B}/sessions`);
    expect(t.body.sessions.map((s: any) => s.id)).toEqual([f.sessions.bcg2026]);
  });

  it('gives the four panels of a session, restricted to the académie', async () => {
    const r = await dec.get(`${B}/sessions/${f.sessions.bcg2026}`);
    expect(r.status).toBe(200);
    const t = r.body;
    // Convocations per mission against need.
    const mission = (id: number) => t.convocations.find((l: any) => l.missionId === id);
    expect(t.convocations).toHaveLength(8);
    expect(mission(f.missions.oral2)).toMatchObject({ besoin: 2, convoquees: 1, affectees: 0, manquantes: 1 });
    expect(mission(f.missions.copies)).toMatchObject({ besoin: null, convoquees: 3, affectees: 1, manquantes: 0 });
    expect(mission(f.missions.toulouse)).toBeUndefined();
    // CSF per centre: the lycée has 7 convocations, 2 recorded (1 fait, 1 non fait); the collège 1, none.
    const lycee = t.csf.find((l: any) => l.centre === 'LYCEE LA PROMENADE' || l.convoquees === 7);
    expect(lycee).toMatchObject({ convoquees: 7, constatees: 2, serviceFait: 1, serviceNonFait: 1, pourcentage: 28 });
    expect(t.csf).toHaveLength(2);
    expect(t.csf.reduce((n: number, l: any) => n + l.convoquees, 0)).toBe(8);
    // États de frais: every status listed in pipeline order; Bruno's retained amount prevails.
    expect(t.frais).toHaveLength(10);
    const vg = t.frais.find((l: any) => l.statut === 'valide_gestionnaire');
    expect(vg).toMatchObject({ libelle: 'Validé par gestionnaire', nombre: 1, remunerationCentimes: 10000, deplacementCentimes: 2050, totalCentimes: 12050 });
    const etats = await p.ctx.db
      .selectFrom('etat_frais as e')
      .innerJoin('mission as m', (j) => j.on((eb) => eb.exists(eb.selectFrom('convocation as c').select('c.id').whereRef('c.id', '=', 'e.convocation_id').whereRef('c.mission_id', '=', 'm.id'))))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.session_examen_id', '=', f.sessions.bcg2026)
      .where('e.academie_code', '=', '14')
      .executeTakeFirstOrThrow();
    expect(t.frais.reduce((n: number, l: any) => n + l.nombre, 0)).toBe(Number(etats.n));
    // Jurys per centre and état.
    expect(t.etatsJury.map((e: any) => e.etat)).toEqual([140, 198, 200, 210, 211, 214]);
    expect(t.jurys).toHaveLength(2);
    const parTotal = t.jurys.map((l: any) => [l.parEtat['140'], l.parEtat['210'], l.parEtat['214'], l.total]).sort();
    expect(parTotal).toEqual([
      [0, 1, 0, 1],
      [1, 0, 1, 2],
    ]);
  });

  it("hides another académie's figures and sessions (404)", async () => {
    const t = await decToulouse.get(`${B}/sessions/${f.sessions.bcg2026}`);
    expect(t.status).toBe(200);
    expect(t.body.convocations.map((l: any) => l.missionId)).toEqual([f.missions.toulouse]);
    expect(t.body.jurys).toHaveLength(1);
    expect(t.body.jurys[0].total).toBe(1);
    expect((await decToulouse.get(`${B}/sessions/${f.sessions.bcg2025}`)).status).toBe(404);
    expect((await decToulouse.get(`${B}/sessions/${f.sessions.bcg2025}/export/frais`)).status).toBe(404);
    expect((await dec.get(`${B}/sessions/${f.sessions.bts2026}`)).status).toBe(404);
    expect((await dec.get(`${B}/sessions/abc`)).status).toBe(400);
  });

  it('exports each table as a platform CSV (BOM, ;)', async () => {
    const r = await dec.get(`${B}/sessions/${f.sessions.bcg2026}/export/frais`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/csv');
    const texte = r.raw.toString('utf8');
    expect(texte.startsWith('\uFEFF')).toBe(true);
    const lignes = texte.slice(1).trim().split('\r\n');
    expect(lignes[0]).toBe('Statut;Nombre;Rémunération (€);Déplacement (€);Total (€)');
    expect(lignes).toContain('Validé par gestionnaire;1;100;20,5;120,5');
    const j = (await dec.get(`${B}/sessions/${f.sessions.bcg2026}/export/jurys`)).raw.toString('utf8').slice(1).trim().split('\r\n');
    expect(j[0]).toContain('140 - 1er groupe terminé en centre');
    expect(j).toHaveLength(3);
    const c = (await dec.get(`${B}/sessions/${f.sessions.bcg2026}/export/convocations`)).raw.toString('utf8');
    expect(c.split('\r\n').some((l) => /;2;1;0;1$/.test(l))).toBe(true);
    const s = (await dec.get(`${B}/sessions/${f.sessions.bcg2026}/export/csf`)).raw.toString('utf8');
    expect(s.split('\r\n').some((l) => l.endsWith(';7;2;1;1;28'))).toBe(true);
    expect((await dec.get(`${B}/sessions/${f.sessions.bcg2026}/export/autre`)).status).toBe(400);
  });
});
