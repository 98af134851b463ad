// "Consultation des missions" of the centre d'examen (issue 5, 003 §4.1): scope (another centre,
// another académie → 404, whatever the id), filters, convoked convocations only, duplicata, the
// downloads read back (CSV with BOM and ';', PDF text), and the 500-intervenant mission's speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/policy.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { enteteMission, intervenantsMission, listerMissions } from './consultation-missions.service.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
let college: TestClient;
let toulouse: TestClient;
const C = '/api/centre/consultation';
const M = `${C}/missions`;

/** What this file adds to the établissement fixtures. */
const x = {
  m5: 0, // Toulouse's mission in LA PROMENADE (the centre seen from another académie)
  m6: 0, // LA PROMENADE, only affected (not convoked) intervenants: never listed
  m7: 0, // LA PROMENADE, session 2021: outside the years offered
  m8: 0, // LA PROMENADE, DNB 2026, two jurys, a salle: the "liste par jury"
  m9: 0, // the collège's mission (another centre of the académie)
  mGros: 0, // 500 convoked intervenants
  c8a: 0,
  c8b: 0,
  c8c: 0,
  c5: 0,
};

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  const db = p.ctx.db;
  const { etabs, personnes } = f;

  await db.insertInto('examen').values({ code: '431', sigle: 'BTN', libelle: 'BACCALAUREAT TECHNOLOGIQUE' }).execute();
  const sessions = await db
    .insertInto('session_examen')
    .values([
      { examen_code: '500', code: '2021-06', libelle: 'CAP 2021', annee: 2021 },
      { examen_code: '431', code: '2026-06', libelle: 'BTN 2026', annee: 2026 },
    ])
    .returning(['id', 'examen_code'])
    .execute();
  const sessionCap2021 = sessions.find((s) => s.examen_code === '500')!.id;
  const sessionBtn = sessions.find((s) => s.examen_code === '431')!.id;
  const s = (x: string, c: string) => db.selectFrom('session_examen').select('id').where('examen_code', '=', x).where('code', '=', c).executeTakeFirstOrThrow();
  const bcg2026 = (await s('470', '2026-06')).id;
  const dnb2026 = (await s('100', '2026-06')).id;

  const mission = async (v: { numero: number; academie?: string; session: number; specialite?: number | null; epreuve?: number | null; type: string; centre: number; observation?: string }) =>
    (
      await db
        .insertInto('mission')
        .values({
          academie_code: v.academie ?? '14',
          numero: v.numero,
          session_examen_id: v.session,
          specialite_id: v.specialite === undefined ? f.specialites.bcg : v.specialite,
          epreuve_option_id: v.epreuve ?? null,
          type_mission: v.type,
          centre_id: v.centre,
          observation_defaut: v.observation ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  x.m5 = await mission({ numero: 195500, academie: '16', session: bcg2026, epreuve: f.epreuves.c010, type: 'CORCOP', centre: etabs.lycee });
  x.m6 = await mission({ numero: 112500, session: bcg2026, epreuve: f.epreuves.c012, type: 'CORCOP', centre: etabs.lycee });
  x.m7 = await mission({ numero: 102000, session: sessionCap2021, specialite: f.specialites.cap, epreuve: f.epreuves.cap, type: 'INTORA', centre: etabs.lycee });
  x.m8 = await mission({ numero: 113000, session: dnb2026, specialite: f.specialites.dnb, epreuve: f.epreuves.math, type: 'JURY', centre: etabs.lycee, observation: 'Présentez-vous au secrétariat des examens.' });
  x.m9 = await mission({ numero: 113100, session: bcg2026, epreuve: f.epreuves.c010, type: 'CORCOP', centre: etabs.college });
  x.mGros = await mission({ numero: 118000, session: sessionBtn, specialite: null, type: 'CORCOP', centre: etabs.lycee });
  await db
    .insertInto('mission_date')
    .values([
      { mission_id: x.m5, jour: '2026-06-24', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: x.m8, jour: '2026-07-03', heure_debut: '08:00', heure_fin: '18:30' },
      { mission_id: x.m8, jour: '2026-07-04', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: x.m9, jour: '2026-06-17', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: x.mGros, jour: '2026-06-18', heure_debut: '08:00', heure_fin: '12:00' },
    ])
    .execute();
  const jurys = await db
    .insertInto('mission_jury')
    .values([
      { mission_id: x.m8, code: 'J1', libelle: 'Jury Nord' },
      { mission_id: x.m8, code: 'J2', libelle: '' },
    ])
    .returning(['id', 'code'])
    .execute();
  const j1 = jurys.find((j) => j.code === 'J1')!.id;
  const salle = await db.insertInto('salle').values({ mission_id: x.m8, code: 'S12', libelle: 'Salle des actes', nb_candidats: 30 }).returning('id').executeTakeFirstOrThrow();
  const president = await db.insertInto('qualite').values({ academie_code: '14', libelle: 'Président' }).returning('id').executeTakeFirstOrThrow();

  const convocation = async (v: { mission: number; personne: number; academie?: string; statut?: 'affectee' | 'convoquee'; jury?: number; salle?: number; codeSalle?: string; qualite?: number; observation?: string }) =>
    (
      await db
        .insertInto('convocation')
        .values({
          academie_code: v.academie ?? '14',
          mission_id: v.mission,
          personne_id: v.personne,
          statut: v.statut ?? 'convoquee',
          origine: 'gestionnaire',
          jury_id: v.jury ?? null,
          salle_id: v.salle ?? null,
          code_salle: v.codeSalle ?? null,
          qualite_id: v.qualite ?? null,
          observation: v.observation ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  x.c5 = await convocation({ mission: x.m5, personne: personnes.denis, academie: '16' });
  await convocation({ mission: x.m6, personne: personnes.alice, statut: 'affectee' });
  await convocation({ mission: x.m7, personne: personnes.alice });
  x.c8a = await convocation({ mission: x.m8, personne: personnes.bruno, jury: j1, salle: salle.id, codeSalle: 'B204', qualite: president.id, observation: 'Apportez les procès-verbaux.' });
  x.c8b = await convocation({ mission: x.m8, personne: personnes.chloe });
  x.c8c = await convocation({ mission: x.m8, personne: personnes.emma, statut: 'affectee', jury: j1 });
  await db.insertInto('convocation_date').values({ convocation_id: x.c8a, jour: '2026-07-03', heure_debut: '08:00', heure_fin: '18:30' }).execute();
  await convocation({ mission: x.m9, personne: personnes.chloe });

  // The 500-intervenant mission: 500 persons, half with a principal établissement, some own dates.
  const gros = await db
    .insertInto('personne')
    .values(Array.from({ length: 500 }, (_, i) => ({ academie_code: '14', civilite: i % 2 ? ('M.' as const) : ('Mme' as const), nom: `VOLUME-${String(i).padStart(3, '0')}`, prenom: 'Test', tel_pro: '02 99 00 00 00' })))
    .returning('id')
    .execute();
  await db
    .insertInto('personne_etablissement')
    .values(gros.filter((_, i) => i % 2 === 0).map((g) => ({ personne_id: g.id, etablissement_id: etabs.college, principal: true })))
    .execute();
  const convs = await db
    .insertInto('convocation')
    .values(gros.map((g) => ({ academie_code: '14', mission_id: x.mGros, personne_id: g.id, statut: 'convoquee' as const, origine: 'gestionnaire' as const })))
    .returning('id')
    .execute();
  await db
    .insertInto('convocation_date')
    .values(convs.filter((_, i) => i % 5 === 0).map((c) => ({ convocation_id: c.id, jour: '2026-06-18', heure_debut: '09:00', heure_fin: '11:00' })))
    .execute();

  // The college is the centre of m9: a centre d'examen (only a centre reaches these routes, issue 13).
  await db.updateTable('etablissement').set({ est_centre_examen: true }).where('id', '=', etabs.college).execute();
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  toulouse = p.client();
  await toulouse.login('imagin-etablissement', 'ce.0120006s', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

/** The CSV as rows of fields (none of these fixtures' fields holds a quote or a separator). */
function lireCsv(raw: Buffer): string[][] {
  const texte = raw.toString('utf8');
  expect(texte.startsWith('\uFEFF')).toBe(true);
  return texte
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));
}

const numeros = (r: { body: { lignes: Array<{ numero: number }> } }) => r.body.lignes.map((l) => l.numero);

describe('liste des missions du centre', () => {
  it('propose les années courante − 3 à courante + 1 et les examens des missions du centre', async () => {
    const r = await lycee.get(`${C}/filtres`);
    expect(r.status).toBe(200);
    expect(r.body.annees).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(r.body.anneeCourante).toBe(2026);
    // CAP (2021 only) is outside the years; EA-BCG has no mission here; the collège's and Toulouse's missions do not count.
    expect(r.body.examens).toEqual([
      { code: '470', sigle: 'BCG', libelle: 'BCG - BACCALAUREAT GENERAL' },
      { code: '431', sigle: 'BTN', libelle: 'BTN - BACCALAUREAT TECHNOLOGIQUE' },
      { code: '100', sigle: 'DNB', libelle: 'DNB - DIPLOME NATIONAL DU BREVET' },
    ]);
  });

  it('montre les missions du centre ayant au moins une convocation convoquée, triées par numéro', async () => {
    const r = await lycee.get(`${M}`);
    expect(r.status).toBe(200);
    // 112500 (affected only), 102000 (2021), 195500 (Toulouse's), 113100 (the collège's) are not listed.
    expect(numeros(r)).toEqual([111759, 112440, 112441, 113000, 118000]);
    expect(r.body.annees).toEqual([2023, 2024, 2025, 2026, 2027]);
    const m2 = r.body.lignes.find((l: any) => l.numero === 112441);
    expect(m2).toEqual({
      id: f.missions.m2,
      numero: 112441,
      session: '470, BCG, 2026-06, BGT 2026',
      examen: 'BCG',
      annee: 2026,
      specialite: 'BCG - BACCALAUREAT GENERAL',
      epreuveOption: '1-T004-1, Epr orale terminale (Gd oral)',
      type: 'INTERROGATION ORALE',
      // Bruno's own date (22/06) comes before Alice's commission date (23/06).
      debut: '2026-06-22',
      nbIntervenants: 2,
    });
    // Emma is only affected to 112440: one intervenant.
    expect(r.body.lignes.find((l: any) => l.numero === 112440)).toMatchObject({ debut: '2026-06-15', nbIntervenants: 1 });
    expect(r.body.lignes.find((l: any) => l.numero === 113000)).toMatchObject({ examen: 'DNB', type: 'JURY DE DELIBERATION', debut: '2026-07-03', nbIntervenants: 2 });
    expect(r.body.lignes.find((l: any) => l.numero === 118000)).toMatchObject({ specialite: null, epreuveOption: null, nbIntervenants: 500 });
  });

  it('filtre par années et par examens', async () => {
    expect(numeros(await lycee.get(`${M}?annees=2025`))).toEqual([111759]);
    expect(numeros(await lycee.get(`${M}?annees=2025,2026&examens=100`))).toEqual([113000]);
    expect(numeros(await lycee.get(`${M}?examens=470&examens=431`))).toEqual([111759, 112440, 112441, 118000]);
    expect(numeros(await lycee.get(`${M}?annees=2027`))).toEqual([]);
  });

  it('refuse une année hors de celles proposées, avec un message qui nomme le champ', async () => {
    const r = await lycee.get(`${M}?annees=2021`);
    expect(r.status).toBe(400);
    expect(r.body.fields.annees).toBe("L'année 2021 n'est pas proposée : choisissez une année de 2023 à 2027.");
    const mal = await lycee.get(`${M}?annees=26`);
    expect(mal.status).toBe(400);
    expect(Object.values(mal.body.fields ?? {}).join(' ')).toContain('quatre chiffres');
  });

  it("un autre centre ne voit que ses missions ; un centre d'une autre académie aussi", async () => {
    expect(numeros(await college.get(M))).toEqual([113100]);
    expect(numeros(await toulouse.get(M))).toEqual([195466]);
  });
});

describe('portée : une mission hors du centre ou de son académie répond 404', () => {
  it('mission d’un autre centre, d’une autre académie, ou dans ce centre pour une autre académie', async () => {
    for (const id of [x.m9, f.missions.m4, x.m5]) {
      for (const suffixe of ['', '/intervenants']) {
        const r = await lycee.get(`${M}/${id}${suffixe}`);
        expect(r.status, `${id}${suffixe}`).toBe(404);
        expect(r.body.message).toBe("Cette mission n'existe pas ou ne se déroule pas dans votre centre d'examen.");
      }
    }
    // The collège does not see LA PROMENADE's missions, Toulouse neither.
    expect((await college.get(`${M}/${f.missions.m1}`)).status).toBe(404);
    expect((await toulouse.get(`${M}/${f.missions.m2}/intervenants`)).status).toBe(404);
    expect((await college.get(`${M}/${f.missions.m2}/intervenants/${f.convocations.cAliceM2}/duplicata`)).status).toBe(404);
    expect((await lycee.get(`${M}/999999`)).status).toBe(404);
  });

  it("dans une session ouverte dans une autre académie, le centre voit les missions de cette académie, et elles seules", async () => {
    const compte = await p.ctx.db.selectFrom('compte').select('id').where('login', '=', 'ce.0350710g').executeTakeFirstOrThrow();
    const actor: Actor = {
      compteId: compte.id,
      login: 'ce.0350710g',
      role: 'chef_etablissement',
      roleAttributionId: 0,
      academieCode: '16',
      etablissementId: f.etabs.lycee,
      personneId: null,
      service: 'imagin-etablissement',
      sessionId: 'enfant',
      motDePasseTemporaire: false,
      sessionParenteId: 'parent',
    };
    const liste = await listerMissions(p.ctx, actor, { annees: [], examens: [] });
    expect(liste.lignes.map((l) => l.numero)).toEqual([195500]);
    const intervenants = await intervenantsMission(p.ctx, actor, x.m5);
    expect(intervenants.lignes.map((l) => l.nom)).toEqual(['DENIS-TEST']);
    await expect(enteteMission(p.ctx, actor, f.missions.m1)).rejects.toMatchObject({ code: 'INTROUVABLE' });
  });
});

describe("détail d'une mission", () => {
  it('en-tête : numéro, type, date de début, session, spécialité, épreuve-option', async () => {
    const r = await lycee.get(`${M}/${f.missions.m2}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ numero: 112441, type: 'INTERROGATION ORALE', debut: '2026-06-22', session: '470, BCG, 2026-06, BGT 2026', specialite: 'BCG - BACCALAUREAT GENERAL', epreuveOption: '1-T004-1, Epr orale terminale (Gd oral)' });
  });

  it('les intervenants convoqués : « Commission » ou « Dates spécifiques », le détail de l’affectation', async () => {
    const r = await lycee.get(`${M}/${f.missions.m2}/intervenants`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const [alice, bruno] = r.body.lignes;
    expect(alice).toMatchObject({
      convocationId: f.convocations.cAliceM2,
      nom: 'ALICE-TEST',
      prenom: 'Anne',
      etablissementPrincipal: 'LGT LA PROMENADE RENNES',
      telPerso: '06 39 98 00 01',
      telPro: '02 61 91 00 02',
      datesSpecifiques: 'Commission COM1 23/06/2026',
      commission: 'COM1',
      origine: 'Convoquée par centre',
      dates: [{ jour: '2026-06-23', heureDebut: '14:00', heureFin: '18:00', debut: 'mardi 23 juin 2026 14:00', fin: 'mardi 23 juin 2026 18:00' }],
      duplicata: `${M}/${f.missions.m2}/intervenants/${f.convocations.cAliceM2}/duplicata`,
    });
    expect(bruno).toMatchObject({ nom: 'BRUNO-TEST', etablissementPrincipal: 'CLG DU PARC RENNES', datesSpecifiques: 'Dates spécifiques 22/06/2026', dates: [{ debut: 'lundi 22 juin 2026 09:00', fin: 'lundi 22 juin 2026 12:00' }] });
    // Only convoked affectations: Emma (affected on 112440) is not there.
    const m1 = await lycee.get(`${M}/${f.missions.m1}/intervenants`);
    expect(m1.body.lignes.map((l: any) => l.nom)).toEqual(['ALICE-TEST']);
    expect(m1.body.lignes[0]).toMatchObject({ qualite: 'Correcteur', datesSpecifiques: '', observation: "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée." });
  });

  it('qualité, jury, salle et code salle, observation de la convocation sinon celle de la mission', async () => {
    const r = await lycee.get(`${M}/${x.m8}/intervenants`);
    expect(r.body.lignes.map((l: any) => l.nom)).toEqual(['BRUNO-TEST', 'CHLOE-TEST']);
    expect(r.body.lignes[0]).toMatchObject({
      qualite: 'Président',
      jury: 'J1 - Jury Nord',
      salle: 'S12 - Salle des actes (code salle : B204)',
      observation: 'Apportez les procès-verbaux.',
      datesSpecifiques: 'Dates spécifiques 03/07/2026',
      dates: [{ debut: 'vendredi 3 juillet 2026 08:00', fin: 'vendredi 3 juillet 2026 18:30' }],
    });
    expect(r.body.lignes[1]).toMatchObject({ jury: null, salle: null, observation: 'Présentez-vous au secrétariat des examens.', datesSpecifiques: '' });
    expect(r.body.lignes[1].dates.map((d: any) => d.debut)).toEqual(['vendredi 3 juillet 2026 08:00', 'samedi 4 juillet 2026 08:00']);
  });

  it('duplicata : une convocation convoquée de cette mission seulement', async () => {
    const r = await lycee.get(`${M}/${f.missions.m2}/intervenants/${f.convocations.cAliceM2}/duplicata`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('ALICE-TEST_Anne_112441.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Convocation');
    const t = pages.join(' ');
    for (const s of ['Duplicata', 'Mme ALICE-TEST Anne', 'N° 112441 INTERROGATION ORALE', 'Commission : COM1', "Dossier suivi par le centre d'examen"]) expect(t).toContain(s);
    // Another mission's convocation through this mission, an affected one, another centre's: 404.
    expect((await lycee.get(`${M}/${f.missions.m2}/intervenants/${f.convocations.cAliceM1}/duplicata`)).status).toBe(404);
    expect((await lycee.get(`${M}/${f.missions.m1}/intervenants/${f.convocations.cEmmaM1}/duplicata`)).status).toBe(404);
    expect((await lycee.get(`${M}/${x.m5}/intervenants/${x.c5}/duplicata`)).status).toBe(404);
    const traces = await p.ctx.db.selectFrom('audit_log').select(['action', 'entite_id', 'acteur']).where('action', '=', 'convocation.duplicata').execute();
    expect(traces).toContainEqual({ action: 'convocation.duplicata', entite_id: String(f.convocations.cAliceM2), acteur: 'ce.0350710g' });
  });
});

describe('téléchargements de la liste des missions', () => {
  const E = `${M}/exports`;

  it('« Extraction CSV » : les missions affichées, dans leur ordre (BOM, « ; »)', async () => {
    const r = await lycee.post(E, { document: 'csv', ids: [f.missions.m2, f.missions.m1] });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(r.headers['content-disposition'])).toContain('filename="missions_centre_0350710G_20260615.csv"');
    expect(r.headers['cache-control']).toBe('private, no-store');
    expect(lireCsv(r.raw)).toEqual([
      ['N°', 'Session examen', 'Spécialité', 'Epreuve-option', 'Type de mission', 'Début', 'Nbr. itv.'],
      ['112441', '470, BCG, 2026-06, BGT 2026', 'BCG - BACCALAUREAT GENERAL', '1-T004-1, Epr orale terminale (Gd oral)', 'INTERROGATION ORALE', '22/06/2026', '2'],
      ['112440', '470, BCG, 2026-06, BGT 2026', 'BCG - BACCALAUREAT GENERAL', 'C010, Mathématiques', 'CORRECTION DE COPIES', '15/06/2026', '1'],
    ]);
  });

  it('« Télécharger liste (pdf) » et « Télécharger détails (pdf) » : missions et intervenants convoqués', async () => {
    const liste = await textePdf((await lycee.post(E, { document: 'liste-pdf', ids: [f.missions.m1, x.m8] })).raw);
    expect(liste.titre).toBe('Liste des missions');
    const tl = liste.pages.join(' ');
    for (const s of ['ACADEMIE DE RENNES', 'LGT LA PROMENADE RENNES (0350710G)', '2 missions', 'Nbr. itv.', '112440', '113000', 'JURY DE DELIBERATION', '03/07/2026', 'Page 1 / 1']) expect(tl).toContain(s);

    const r = await lycee.post(E, { document: 'details-pdf', ids: [f.missions.m1, x.m8] });
    expect(String(r.headers['content-disposition'])).toContain('missions_centre_details_0350710G_20260615.pdf');
    const details = await textePdf(r.raw);
    expect(details.titre).toBe('Détails des missions');
    const t = details.pages.join(' ');
    for (const s of ['Mission N° 112440 — CORRECTION DE COPIES', 'Mission N° 113000 — JURY DE DELIBERATION', 'ALICE-TEST', 'BRUNO-TEST', 'CHLOE-TEST', 'Président', 'J1 - Jury Nord', 'Intervenants convoqués : 2']) expect(t).toContain(s);
    // Affected, not convoked: not in the edition.
    expect(t).not.toContain('EMMA-TEST');
  });

  it("refuse une mission hors du centre, sans convocation, ou une demande vide", async () => {
    for (const id of [x.m5, x.m9, x.m6, f.missions.m4]) {
      const r = await lycee.post(E, { document: 'csv', ids: [f.missions.m1, id] });
      expect(r.status, String(id)).toBe(404);
    }
    const vide = await lycee.post(E, { document: 'csv', ids: [] });
    expect(vide.status).toBe(400);
    expect(vide.body.fields.ids).toBe('La liste des missions à télécharger est vide.');
    const doc = await lycee.post(E, { document: 'xls', ids: [f.missions.m1] });
    expect(doc.body.fields.document).toBe('Le document doit être csv, liste-pdf ou details-pdf.');
  });
});

describe("téléchargements d'une mission", () => {
  const E = (id: number) => `${M}/${id}/exports`;

  it('« Extraction CSV » : les intervenants affichés et le détail de leur affectation', async () => {
    const r = await lycee.post(E(x.m8), { document: 'csv', ids: [x.c8b, x.c8a] });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('mission_113000_20260615_intervenants.csv');
    const csv = lireCsv(r.raw);
    expect(csv[0]).toEqual(['Nom', 'Prénom', 'Etablissement principal', 'Tél pers.', 'Tél prof.', 'Qualité', 'Dates spécifiques', 'Commission(s)', 'Jury(s)', 'Salle', 'Date de début', 'Date de fin', 'Dates', 'Observation']);
    expect(csv.slice(1)).toEqual([
      ['CHLOE-TEST', 'Chloé', 'CLG DU PARC RENNES', '', '', '', '', '', '', '', '03/07/2026 08:00', '04/07/2026 12:00', 'Le vendredi 03/07/2026 à 08:00 Durée : 2 journée(s)', 'Présentez-vous au secrétariat des examens.'],
      ['BRUNO-TEST', 'Bruno', 'CLG DU PARC RENNES', '', '', 'Président', 'Dates spécifiques 03/07/2026', '', 'J1 - Jury Nord', 'S12 - Salle des actes (code salle : B204)', '03/07/2026 08:00', '03/07/2026 18:30', 'Le vendredi 03/07/2026 08:00 - 18:30', 'Apportez les procès-verbaux.'],
    ]);
  });

  it('« Télécharger liste par jury (pdf) » : chaque jury, puis les intervenants sans jury', async () => {
    const r = await lycee.post(E(x.m8), { document: 'liste-jury-pdf', ids: [x.c8a, x.c8b] });
    expect(String(r.headers['content-disposition'])).toContain('mission_113000_20260615_liste_par_jury.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Liste des intervenants par jury');
    const t = pages.join(' ');
    for (const s of ['Numéro mission : 113000', 'Type de mission : JURY DE DELIBERATION', 'Date début mission : 03/07/2026', 'Session examen : 100, DNB, 2026-06, DNB 2026', 'Jury J1 - Jury Nord (1 intervenant)', 'Jury J2 (0 intervenant)', 'Aucun intervenant convoqué sur ce jury.', 'Sans jury (1 intervenant)']) {
      expect(t).toContain(s);
    }
    expect(t.indexOf('BRUNO-TEST')).toBeLessThan(t.indexOf('Jury J2'));
    expect(t.indexOf('Sans jury')).toBeLessThan(t.indexOf('CHLOE-TEST'));
    expect(t).not.toContain('EMMA-TEST');
  });

  it('« Télécharger détails (pdf) » : chaque intervenant et son affectation', async () => {
    const r = await lycee.post(E(f.missions.m2), { document: 'details-pdf', ids: [f.convocations.cAliceM2, f.convocations.cBrunoM2] });
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Détails des affectations de la mission');
    const t = pages.join(' ');
    for (const s of ['Mme ALICE-TEST Anne', 'Téléphone : personnel : 06 39 98 00 01 / professionnel : 02 61 91 00 02', 'Commission(s) : COM1', 'Le mardi 23/06/2026 à 14:00 Durée : 4 heure(s)', 'Mme BRUNO-TEST Bruno', 'Le lundi 22/06/2026 09:00 - 12:00']) {
      expect(t).toContain(s);
    }
  });

  it("refuse une convocation non convoquée, d'une autre mission, ou une mission hors du centre", async () => {
    expect((await lycee.post(E(x.m8), { document: 'csv', ids: [x.c8a, x.c8c] })).status).toBe(404);
    expect((await lycee.post(E(x.m8), { document: 'csv', ids: [f.convocations.cAliceM1] })).status).toBe(404);
    expect((await lycee.post(E(x.m5), { document: 'csv', ids: [x.c5] })).status).toBe(404);
    const doc = await lycee.post(E(x.m8), { document: 'liste-pdf', ids: [x.c8a] });
    expect(doc.status).toBe(400);
    expect(doc.body.fields.document).toBe('Le document doit être csv, liste-jury-pdf ou details-pdf.');
  });
});

describe('volume', () => {
  it('la liste des intervenants d’une mission de 500 intervenants en moins de 200 ms de temps serveur', async () => {
    const url = `${M}/${x.mGros}/intervenants`;
    const premier = await lycee.get(url);
    expect(premier.status).toBe(200);
    expect(premier.body.total).toBe(500);
    expect(premier.body.lignes[0]).toMatchObject({ nom: 'VOLUME-000', etablissementPrincipal: 'CLG DU PARC RENNES', datesSpecifiques: 'Dates spécifiques 18/06/2026' });
    expect(premier.body.lignes[1]).toMatchObject({ nom: 'VOLUME-001', etablissementPrincipal: null, datesSpecifiques: '' });
    const temps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await lycee.get(url);
      temps.push(performance.now() - t);
      expect(r.status).toBe(200);
    }
    temps.sort((a, b) => a - b);
    const mediane = temps[2]!;
    console.info(`Intervenants d'une mission de 500 intervenants : ${mediane.toFixed(1)} ms (médiane de 5)`);
    // The target is 200 ms (bench); a loaded test machine gets some slack.
    expect(mediane).toBeLessThan(600);
  });
});
