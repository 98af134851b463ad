// "Convocation par mission" (003 §4.2) over HTTP: the missions offered to the centre and nothing
// else, the intervenants convoked, the creation rules (qualité, commission, jury, dates, COEC, EC oral,
// HLP, overlaps), the centre's hands off the gestionnaire's convocations, deletion refused while the
// frais is processed, the indisponibilité given in another académie, the PDF and ZIP read back, the
// mails (individual and grouped as a treatment, sent once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTION_CENTRE } from '../imagin/convocation-pdf.ts';
import { lireZip, textePdf } from '../testing/documents.ts';
import { attendre, createTestPlatform, MOT_DE_PASSE, type Reponse, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import type { Platform } from '../server.ts';
import { MESSAGE_FRAIS_EN_COURS, MESSAGE_REPORT_COEC } from './convocation-mission.service.ts';
import { repriseApresInterruption } from '../platform/traitements/traitements.ts';
import { fixerStatutFrais } from '../imagin-frais/etat-frais.repo.ts';

const C = '/api/centre/convocation';

/** The issue-4 fixtures, plus the centre's missions: targeted or open without targeting, or not offered. */
async function fixtureCentre(p: Platform) {
  const f = await fixtureImagin(p);
  const db = p.ctx.db;
  await db
    .insertInto('type_mission')
    .values([
      { code: 'CEC', libelle: 'Correction EC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
      { code: 'COEC', libelle: 'COEC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
      { code: 'NUMCOP', libelle: 'NUMERISATION DES COPIES', mode_remuneration: 'gestionnaire', ouverte_sans_ciblage: true, sans_qualite: true },
    ])
    .execute();
  const qs = await db
    .insertInto('qualite')
    .values([
      { academie_code: '14', libelle: 'Correcteur Santorin', santorin: true },
      { academie_code: '14', libelle: 'Référent correcteur', santorin: true },
      { academie_code: '14', libelle: 'Président de jury', deliberation: true },
    ])
    .returning(['id', 'libelle'])
    .execute();
  const qualite = async (libelle: string) => (await db.selectFrom('qualite').select('id').where('academie_code', '=', '14').where('libelle', '=', libelle).executeTakeFirstOrThrow()).id;
  const sessionEa = (await db.insertInto('session_examen').values({ examen_code: '47A', code: '2026-06', libelle: 'EA 2026', annee: 2026 }).returning('id').executeTakeFirstOrThrow()).id;
  const session470 = (await db.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', '2026-06').executeTakeFirstOrThrow()).id;
  const hlp = (await db.insertInto('epreuve_option').values({ specialite_id: f.specialites.ea, code: 'C009', libelle: 'Humanités, littérature philo', nature: 'ecrite' }).returning('id').executeTakeFirstOrThrow()).id;

  const mission = async (v: { numero: number; type: string; centre?: number; academie?: string; session?: number; specialite?: number; epreuve?: number | null; cible?: boolean; dates: Array<[string, string, string]>; dateLimitee?: string; observation?: string; signataire?: 'chef_etablissement' | 'chef_centre' | 'gestionnaire' }) => {
    const m = await db
      .insertInto('mission')
      .values({
        academie_code: v.academie ?? '14',
        numero: v.numero,
        session_examen_id: v.session ?? session470,
        specialite_id: v.specialite ?? f.specialites.bcg,
        epreuve_option_id: v.epreuve ?? null,
        type_mission: v.type,
        centre_id: v.centre ?? f.etabs.lycee,
        ciblee_etablissement: v.cible ?? false,
        date_limitee: v.dateLimitee ?? null,
        observation_defaut: v.observation ?? '',
        signataire: v.signataire ?? 'chef_etablissement',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.dates.length) await db.insertInto('mission_date').values(v.dates.map(([jour, heure_debut, heure_fin]) => ({ mission_id: m.id, jour, heure_debut, heure_fin }))).execute();
    return m.id;
  };
  // The issue-4 missions in the lycée: M1, M2 (and M3, last year) are targeted; M4 is Toulouse's.
  await db.updateTable('mission').set({ ciblee_etablissement: true }).where('id', 'in', [f.missions.m1, f.missions.m2, f.missions.m3]).execute();
  const coec = await mission({ numero: 140001, type: 'COEC', session: sessionEa, specialite: f.specialites.ea, epreuve: hlp, dates: [['2026-06-10', '08:00', '18:00'], ['2026-06-11', '08:00', '18:00']], dateLimitee: '2026-06-10', observation: 'Correction des copies HLP.' });
  const cec = await mission({ numero: 140002, type: 'CEC', session: sessionEa, specialite: f.specialites.ea, epreuve: f.epreuves.c004, dates: [['2026-06-12', '08:00', '18:00']] });
  const num = await mission({ numero: 140003, type: 'NUMCOP', session: sessionEa, specialite: f.specialites.ea, epreuve: f.epreuves.c004, dates: [['2026-06-13', '08:00', '12:00']] });
  const oralEc = await mission({ numero: 140004, type: 'INTORA', session: sessionEa, specialite: f.specialites.ea, epreuve: f.epreuves.c004, cible: true, dates: [['2026-06-17', '08:00', '18:00']] });
  const oral = await mission({ numero: 140006, type: 'INTORA', epreuve: f.epreuves.oral, cible: true, dates: [['2026-06-22', '08:00', '18:00'], ['2026-06-23', '08:00', '18:00']], signataire: 'chef_centre' });
  const jury = await mission({ numero: 140007, type: 'JURY', cible: true, dates: [['2026-06-16', '09:00', '10:00']], signataire: 'gestionnaire' });
  const nonCiblee = await mission({ numero: 140009, type: 'CORCOP', epreuve: f.epreuves.c010, dates: [['2026-06-18', '08:00', '12:00']] });
  const autreCentre = await mission({ numero: 140010, type: 'CORCOP', centre: f.etabs.college, cible: true, dates: [['2026-06-18', '08:00', '12:00']] });
  const autreAcademie = await mission({ numero: 940001, type: 'CORCOP', academie: '16', cible: true, dates: [['2026-06-19', '08:00', '12:00']] });

  const k = await db
    .insertInto('commission')
    .values([
      { mission_id: oral, code: 'COM1', nb_candidats: 12 },
      { mission_id: oral, code: 'COM2', nb_candidats: 18 },
    ])
    .returning(['id', 'code'])
    .execute();
  const com1 = k.find((x) => x.code === 'COM1')!.id;
  const com2 = k.find((x) => x.code === 'COM2')!.id;
  await db
    .insertInto('commission_date')
    .values([
      { commission_id: com1, jour: '2026-06-22', heure_debut: '08:00', heure_fin: '12:00' },
      { commission_id: com2, jour: '2026-06-23', heure_debut: '14:00', heure_fin: '18:00' },
    ])
    .execute();
  await db.insertInto('salle').values([{ mission_id: oral, code: 'S101', libelle: 'Salle 101' }]).execute();
  const js = await db
    .insertInto('mission_jury')
    .values([
      { mission_id: jury, code: 'J01', libelle: 'Jury n° 1' },
      { mission_id: jury, code: 'J02', libelle: 'Jury n° 2' },
    ])
    .returning(['id', 'code'])
    .execute();

  const personne = async (nom: string, prenom: string, discipline: string, o: { academie?: string; pro?: string; perso?: string; etab?: number } = {}) => {
    const id = (
      await db
        .insertInto('personne')
        .values({ academie_code: o.academie ?? '14', civilite: 'M.', nom, prenom, discipline_poste: discipline, email_pro: o.pro ?? null, email_perso: o.perso ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    if (o.etab) await db.insertInto('personne_etablissement').values({ personne_id: id, etablissement_id: o.etab, principal: true }).execute();
    return id;
  };
  const philo = await personne('PHILO-TEST', 'Paul', 'PHILOSOPHIE', { pro: 'paul.philo@ac-rennes.fr', etab: f.etabs.lycee });
  const lettres = await personne('LETTRES-TEST', 'Léa', 'LETTRES MODERNES', { perso: 'lea@example.org', etab: f.etabs.lycee });
  const gaston = await personne('GASTON-TEST', 'Gaston', 'MATHEMATIQUES', { etab: f.etabs.college });
  // Denis, of Toulouse, also teaches in the lycée: convoked by Rennes, he gets an indisponibilité at home.
  await db.insertInto('personne_etablissement').values({ personne_id: f.personnes.denis, etablissement_id: f.etabs.lycee, principal: false }).execute();
  await db.updateTable('etablissement').set({ email: 'ce.0350710g@ac-rennes.fr' }).where('id', '=', f.etabs.lycee).execute();
  await db.updateTable('personne').set({ email_pro: 'anne.alice@ac-rennes.fr' }).where('id', '=', f.personnes.alice).execute();

  return {
    ...f,
    centre: {
      missions: { coec, cec, num, oralEc, oral, jury, nonCiblee, autreCentre, autreAcademie },
      commissions: { com1, com2, m2: (await db.selectFrom('commission').select('id').where('mission_id', '=', f.missions.m2).executeTakeFirstOrThrow()).id },
      jurys: { j01: js.find((j) => j.code === 'J01')!.id, j02: js.find((j) => j.code === 'J02')!.id },
      qualites: { santorin: await qualite('Correcteur Santorin'), referent: await qualite('Référent correcteur'), correcteur: await qualite('Correcteur'), president: qs.find((q) => q.libelle === 'Président de jury')!.id },
      personnes: { philo, lettres, gaston },
    },
  };
}

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureCentre>>;
let lycee: TestClient;
let college: TestClient;
let toulouse: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureCentre(p);
  // The college is the centre of a mission here: a centre d'examen (only a centre reaches these routes, issue 13).
  await p.ctx.db.updateTable('etablissement').set({ est_centre_examen: true }).where('id', '=', f.etabs.college).execute();
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

const creneau = (jour: string, heureDebut = '08:00', heureFin = '12:00') => ({ jour, heureDebut, heureFin });
const convocationDe = (missionId: number, personneId: number) =>
  p.ctx.db.selectFrom('convocation').selectAll().where('mission_id', '=', missionId).where('personne_id', '=', personneId).executeTakeFirst();

describe('liste des missions', () => {
  it('montre les missions ciblées ou ouvertes sans ciblage du centre, années N et N+1, triées par date de début', async () => {
    const r = await lycee.get(`${C}/missions`);
    expect(r.status).toBe(200);
    expect(r.body.annees).toEqual([2026, 2027]);
    expect(r.body.lignes.map((m: any) => m.numero)).toEqual([140001, 140002, 140003, 112440, 140007, 140004, 112441, 140006]);
    const coec = r.body.lignes[0];
    expect(coec).toMatchObject({
      numero: 140001,
      session: '47A, EA-BCG, 2026-06, EA 2026',
      specialite: 'BCG - BACCALAUREAT GENERAL',
      epreuveOption: 'C009, Humanités, littérature philo',
      typeMission: 'COEC',
      debut: '2026-06-10',
      nbIntervenants: 0,
      signature: "Chef d'établissement",
    });
    const m2 = r.body.lignes.find((m: any) => m.numero === 112441);
    expect(m2).toMatchObject({ typeMission: 'INTERROGATION ORALE', nbIntervenants: 2, signature: 'Chef de centre' });
    expect(r.body.lignes.find((m: any) => m.numero === 140007).signature).toBe('Gestionnaire');
  });

  it('filtre par année (N−3 … N+1 proposées) et par examen', async () => {
    const filtres = await lycee.get(`${C}/filtres`);
    expect(filtres.body.annees).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(filtres.body.anneesParDefaut).toEqual([2026, 2027]);
    expect(filtres.body.examens).toEqual([
      { code: '470', libelle: 'BCG - BACCALAUREAT GENERAL' },
      { code: '47A', libelle: 'EA-BCG - EPREUVES ANTICIPEES DU BACCALAUREAT GENERAL' },
    ]);
    const an2025 = await lycee.get(`${C}/missions?annees=2025`);
    expect(an2025.body.lignes.map((m: any) => m.numero)).toEqual([111759]);
    const ea = await lycee.get(`${C}/missions?annees=2025,2026&examens=47A`);
    expect(ea.body.lignes.map((m: any) => m.numero)).toEqual([140001, 140002, 140003, 140004]);
    const faux = await lycee.get(`${C}/missions?annees=deux`);
    expect(faux.status).toBe(400);
    expect(faux.body.message).toContain('Année');
  });
});

describe('portée', () => {
  it("répond 404 pour une mission non ciblée, d'un autre centre ou d'une autre académie", async () => {
    const m = f.centre.missions;
    for (const id of [m.nonCiblee, m.autreCentre, m.autreAcademie, f.missions.m4]) {
      for (const url of [`${C}/missions/${id}`, `${C}/missions/${id}/convocations`, `${C}/missions/${id}/enseignants?discipline=MATHEMATIQUES`]) {
        const r = await lycee.get(url);
        expect(r.status, url).toBe(404);
        expect(r.body.code).toBe('INTROUVABLE');
      }
      const post = await lycee.post(`${C}/missions/${id}/convocations`, { personneIds: [f.personnes.alice], dates: [creneau('2026-06-18')] });
      expect(post.status).toBe(404);
    }
    // Another centre (the college, Toulouse) never reaches the lycée's missions.
    expect((await college.get(`${C}/missions/${f.missions.m1}`)).status).toBe(404);
    expect((await toulouse.get(`${C}/missions/${f.missions.m1}`)).status).toBe(404);
    expect((await college.get(`${C}/missions/${m.autreCentre}`)).status).toBe(200);
    expect((await college.get(`${C}/missions`)).body.lignes.map((x: any) => x.numero)).toEqual([140010]);
  });

  it('liste les intervenants convoqués ; les actions ne portent que sur les convocations du centre', async () => {
    const r = await lycee.get(`${C}/missions/${f.missions.m2}/convocations`);
    expect(r.status).toBe(200);
    expect(r.body.lignes.map((l: any) => [l.nom, l.affectation, l.duCentre])).toEqual([
      ['ALICE-TEST', 'Convoquée par centre, Com. COM1', true],
      ['BRUNO-TEST', 'Convoquée, Com. COM1, date spécifique', false],
    ]);
    expect(r.body.lignes[0]).toMatchObject({ prenom: 'Anne', etablissement: 'LGT LA PROMENADE RENNES (0350710G)', disciplinePoste: 'MATHEMATIQUES' });
    // Only convoked ones: Emma is affected to M1, not convoked.
    const m1 = await lycee.get(`${C}/missions/${f.missions.m1}/convocations`);
    expect(m1.body.lignes.map((l: any) => l.nom)).toEqual(['ALICE-TEST']);

    // The gestionnaire's convocation: no PDF, mail, change nor deletion.
    const cid = f.convocations.cBrunoM2;
    expect((await lycee.get(`${C}/convocations/${cid}/pdf`)).status).toBe(404);
    expect((await lycee.post(`${C}/convocations/${cid}/mail`)).status).toBe(404);
    expect((await lycee.get(`${C}/convocations/${cid}`)).status).toBe(404);
    expect((await lycee.put(`${C}/convocations/${cid}`, { dates: [creneau('2026-06-22')] })).status).toBe(404);
    const del = await lycee.delete(`${C}/convocations/${cid}`);
    expect(del.status).toBe(404);
    expect(del.body.message).toContain("n'a pas été créée par votre centre");
    expect(await convocationDe(f.missions.m2, f.personnes.bruno)).toBeDefined();
    // Another centre cannot act on the lycée's own convocation either.
    expect((await college.get(`${C}/convocations/${f.convocations.cAliceM2}/pdf`)).status).toBe(404);
  });

  it('une convocation du centre modifiée par le gestionnaire quitte les mains du centre', async () => {
    const db = p.ctx.db;
    await db.updateTable('convocation').set({ modifiee_par_gestionnaire: true }).where('id', '=', f.convocations.cAliceM2).execute();
    try {
      const r = await lycee.get(`${C}/missions/${f.missions.m2}/convocations`);
      expect(r.body.lignes[0]).toMatchObject({ nom: 'ALICE-TEST', affectation: 'Convoquée, Com. COM1', duCentre: false });
      expect((await lycee.get(`${C}/convocations/${f.convocations.cAliceM2}/pdf`)).status).toBe(404);
      expect((await lycee.delete(`${C}/convocations/${f.convocations.cAliceM2}`)).status).toBe(404);
      expect((await lycee.put(`${C}/convocations/${f.convocations.cAliceM2}`, { dates: [creneau('2026-06-23', '14:00', '18:00')] })).status).toBe(404);
    } finally {
      await db.updateTable('convocation').set({ modifiee_par_gestionnaire: false }).where('id', '=', f.convocations.cAliceM2).execute();
    }
  });
});

describe('recherche des intervenants', () => {
  it('propose les disciplines de l’établissement, puis ses enseignants de la discipline', async () => {
    const d = await lycee.get(`${C}/disciplines?q=math`);
    expect(d.body.lignes).toEqual(['MATHEMATIQUES']);
    const e = await lycee.get(`${C}/missions/${f.missions.m1}/enseignants?discipline=mathematiques`);
    expect(e.status).toBe(200);
    // Denis (of Toulouse) teaches here too; Emma is affected to M1, not yet convoked: already on the mission.
    expect(e.body.lignes.map((l: any) => [l.nom, l.dejaConvoque])).toEqual([
      ['ALICE-TEST', true],
      ['DENIS-TEST', false],
      ['EMMA-TEST', true],
    ]);
    // A matière taught here counts too (Bruno teaches PHYSIQUE-CHIMIE at the college, not here).
    const pc = await college.get(`${C}/missions/${f.centre.missions.autreCentre}/enseignants?discipline=PHYSIQUE-CHIMIE`);
    expect(pc.body.lignes.map((l: any) => l.nom)).toEqual(['BRUNO-TEST']);
    const vide = await lycee.get(`${C}/missions/${f.missions.m1}/enseignants`);
    expect(vide.status).toBe(400);
    expect(vide.body.fields.discipline).toBe('Discipline : saisissez une discipline.');
  });

  it('cherche « NOM Prénom » parmi les personnes de l’académie, accents et casse ignorés', async () => {
    const r = await lycee.get(`${C}/missions/${f.missions.m1}/intervenants?q=${encodeURIComponent('lettres lea')}`);
    expect(r.body.lignes).toEqual([{ id: f.centre.personnes.lettres, nom: 'LETTRES-TEST', prenom: 'Léa', disciplinePoste: 'LETTRES MODERNES', etablissement: 'LGT LA PROMENADE RENNES (0350710G)', dejaConvoque: false }]);
    // Denis belongs to Toulouse: not among Rennes' intervenants.
    expect((await lycee.get(`${C}/missions/${f.missions.m1}/intervenants?q=denis`)).body.lignes).toEqual([]);
    expect((await lycee.get(`${C}/missions/${f.missions.m1}/intervenants?q=a`)).body.lignes).toEqual([]);
  });
});

describe('créer une convocation', () => {
  it('vérifie les dates : au moins une, parmi celles de la mission, début avant fin', async () => {
    const m = f.missions.m1;
    const vide = await lycee.post(`${C}/missions/${m}/convocations`, { personneIds: [f.centre.personnes.philo], dates: [] });
    expect(vide.status).toBe(400);
    expect(vide.body.fields.dates).toBe("Dates de l'affectation : sélectionnez au moins une date dans le calendrier.");
    const hors = await lycee.post(`${C}/missions/${m}/convocations`, { personneIds: [f.centre.personnes.philo], dates: [creneau('2026-06-17'), creneau('2026-06-15', '12:00', '08:00')] });
    expect(hors.status).toBe(400);
    expect(hors.body.fields['dates.0.jour']).toBe("Date : le 17/06/2026 n'est pas une date de la mission.");
    expect(hors.body.fields['dates.1.heureFin']).toContain("l'heure de fin (08:00) doit être postérieure à l'heure de début (12:00)");
    const format = await lycee.post(`${C}/missions/${m}/convocations`, { personneIds: [f.centre.personnes.philo], dates: [{ jour: '31/02/2026', heureDebut: '8h', heureFin: '12:00' }] });
    expect(format.status).toBe(400);
    expect(Object.keys(format.body.fields)).toEqual(expect.arrayContaining(['dates.0.jour', 'dates.0.heureDebut']));
  });

  it('refuse une personne déjà sur la mission, en la nommant', async () => {
    const r = await lycee.post(`${C}/missions/${f.missions.m1}/convocations`, { personneIds: [f.personnes.emma], dates: [creneau('2026-06-15')] });
    expect(r.status).toBe(400);
    expect(r.body.fields.personneIds).toBe('EMMA-TEST Emma est déjà convoqué(e) sur cette mission.');
    // Someone neither of the académie nor of the établissement.
    const inconnu = await lycee.post(`${C}/missions/${f.missions.m1}/convocations`, { personneIds: [999999], dates: [creneau('2026-06-15')] });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.fields.personneIds).toContain('contactez le gestionnaire');
  });

  it('convoque par discipline plusieurs enseignants : origine centre, sans dates propres quand ce sont celles de la mission', async () => {
    const m = f.missions.m1;
    const r = await lycee.post(`${C}/missions/${m}/convocations`, {
      personneIds: [f.centre.personnes.philo, f.centre.personnes.lettres],
      qualiteId: f.centre.qualites.correcteur,
      dates: [creneau('2026-06-15'), creneau('2026-06-16')],
      observation: 'Présentez-vous à la loge.',
      codeSalle: 'B204',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toBe('2 intervenants convoqués sur la mission n° 112440 : PHILO-TEST Paul, LETTRES-TEST Léa.');
    const c = (await convocationDe(m, f.centre.personnes.philo))!;
    expect(c).toMatchObject({ origine: 'centre', statut: 'convoquee', etablissement_createur_id: f.etabs.lycee, qualite_id: f.centre.qualites.correcteur, code_salle: 'B204', observation: 'Présentez-vous à la loge.', dates_specifiques: false, academie_code: '14' });
    expect(await p.ctx.db.selectFrom('convocation_date').selectAll().where('convocation_id', '=', c.id).execute()).toEqual([]);
    const audits = await p.ctx.db.selectFrom('audit_log').select(['action', 'acteur']).where('entite', '=', 'convocation').where('entite_id', '=', String(c.id)).execute();
    expect(audits).toEqual([{ action: 'convocation.creer', acteur: 'ce.0350710g' }]);

    // A part of the mission's dates: the convocation's own dates, "date spécifique".
    const g = await lycee.post(`${C}/missions/${m}/convocations`, { personneIds: [f.personnes.denis], dates: [creneau('2026-06-16', '09:00', '11:00')] });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    const cd = (await convocationDe(m, f.personnes.denis))!;
    expect(cd.dates_specifiques).toBe(true);
    expect(await p.ctx.db.selectFrom('convocation_date').select(['jour', 'heure_debut', 'heure_fin']).where('convocation_id', '=', cd.id).execute()).toEqual([{ jour: '2026-06-16', heure_debut: '09:00:00', heure_fin: '11:00:00' }]);
    const liste = await lycee.get(`${C}/missions/${m}/convocations`);
    expect(liste.body.lignes.map((l: any) => [l.nom, l.affectation])).toEqual([
      ['ALICE-TEST', 'Convoquée'],
      ['DENIS-TEST', 'Convoquée par centre, date spécifique'],
      ['LETTRES-TEST', 'Convoquée par centre'],
      ['PHILO-TEST', 'Convoquée par centre'],
    ]);
  });

  it("donne à une personne d'une autre académie une indisponibilité dans son académie", async () => {
    const c = (await convocationDe(f.missions.m1, f.personnes.denis))!;
    const i = await p.ctx.db.selectFrom('indisponibilite').select(['academie_code', 'date_debut', 'heure_debut', 'heure_fin', 'motif', 'source']).where('convocation_id', '=', c.id).execute();
    expect(i).toEqual([{ academie_code: '16', date_debut: '2026-06-16', heure_debut: '09:00:00', heure_fin: '11:00:00', motif: 'CONVOCATION PAR IMAGIN RENNES', source: 'CONVOCATION' }]);
  });

  it('qualités : SANTORIN pour la correction dématérialisée (« Correcteur Santorin » par défaut), aucune pour la numérisation', async () => {
    const { cec, num } = f.centre.missions;
    const d = await lycee.get(`${C}/missions/${cec}`);
    expect(d.body.qualites.map((q: any) => q.libelle)).toEqual(['Correcteur Santorin', 'Référent correcteur']);
    expect(d.body.regles).toMatchObject({ correctionDematerialisee: true, qualiteParDefaut: 'Correcteur Santorin' });
    const faux = await lycee.post(`${C}/missions/${cec}/convocations`, { personneIds: [f.personnes.emma], qualiteId: f.centre.qualites.correcteur, dates: [creneau('2026-06-12')] });
    expect(faux.status).toBe(400);
    expect(faux.body.fields.qualiteId).toContain('qualité SANTORIN');
    const ok = await lycee.post(`${C}/missions/${cec}/convocations`, { personneIds: [f.personnes.emma], qualiteId: null, dates: [creneau('2026-06-12')] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await convocationDe(cec, f.personnes.emma))!.qualite_id).toBe(f.centre.qualites.santorin);

    expect((await lycee.get(`${C}/missions/${num}`)).body.qualites).toEqual([]);
    const avec = await lycee.post(`${C}/missions/${num}/convocations`, { personneIds: [f.personnes.emma], qualiteId: f.centre.qualites.santorin, dates: [creneau('2026-06-13')] });
    expect(avec.status).toBe(400);
    expect(avec.body.fields.qualiteId).toContain('aucune qualité');
  });

  it('commission obligatoire quand il y en a plusieurs (ses dates seules), choisie d’office quand elle est unique ; jury obligatoire', async () => {
    const { oral, jury } = f.centre.missions;
    const d = await lycee.get(`${C}/missions/${oral}`);
    expect(d.body.commissions.map((k: any) => [k.code, k.nbCandidats, k.joursSelectionnables.map((j: any) => j.jour)])).toEqual([
      ['COM1', 12, ['2026-06-22']],
      ['COM2', 18, ['2026-06-23']],
    ]);
    expect(d.body.joursSelectionnables).toEqual([]);
    const sans = await lycee.post(`${C}/missions/${oral}/convocations`, { personneIds: [f.centre.personnes.gaston], dates: [creneau('2026-06-22')] });
    expect(sans.status).toBe(400);
    expect(sans.body.fields.commissionId).toBe('Commission : choisissez la commission sur laquelle vous convoquez.');
    const mauvaiseDate = await lycee.post(`${C}/missions/${oral}/convocations`, { personneIds: [f.centre.personnes.gaston], commissionId: f.centre.commissions.com2, dates: [creneau('2026-06-22')] });
    expect(mauvaiseDate.body.fields['dates.0.jour']).toBe("Date : le 22/06/2026 n'est pas une date de la commission.");
    const ok = await lycee.post(`${C}/missions/${oral}/convocations`, { personneIds: [f.centre.personnes.gaston], commissionId: f.centre.commissions.com2, dates: [creneau('2026-06-23', '14:00', '18:00')] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // Same dates as the commission: none of its own; the single salle is chosen.
    expect(await convocationDe(oral, f.centre.personnes.gaston)).toMatchObject({ commission_id: f.centre.commissions.com2, dates_specifiques: false, salle_id: expect.any(Number) });

    // M2 has a single commission: chosen without asking.
    const m2 = await lycee.post(`${C}/missions/${f.missions.m2}/convocations`, { personneIds: [f.centre.personnes.lettres], dates: [creneau('2026-06-23', '14:00', '18:00')] });
    expect(m2.status, JSON.stringify(m2.body)).toBe(200);
    expect((await convocationDe(f.missions.m2, f.centre.personnes.lettres))!.commission_id).toBe(f.centre.commissions.m2);

    const sansJury = await lycee.post(`${C}/missions/${jury}/convocations`, { personneIds: [f.centre.personnes.gaston], qualiteId: f.centre.qualites.president, dates: [creneau('2026-06-16', '09:00', '10:00')] });
    expect(sansJury.body.fields.juryId).toBe('Jury : choisissez le jury sur lequel vous convoquez.');
  });

  it('avertit des chevauchements en nommant les personnes ; le centre confirme', async () => {
    const { jury } = f.centre.missions;
    // Alice is convoked to M1 on 16/06 08:00–12:00; the jury sits on 16/06 09:00–10:00.
    await p.ctx.db.insertInto('indisponibilite').values({ personne_id: f.centre.personnes.gaston, academie_code: '14', date_debut: '2026-06-16', date_fin: '2026-06-16', motif: 'SORTIE PEDAGOGIQUE', source: 'ETABLISSEMENT', etablissement_id: f.etabs.college }).execute();
    const corps = { personneIds: [f.personnes.alice, f.centre.personnes.gaston], qualiteId: f.centre.qualites.president, juryId: f.centre.jurys.j01, dates: [creneau('2026-06-16', '09:00', '10:00')] };
    const r = await lycee.post(`${C}/missions/${jury}/convocations`, corps);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CHEVAUCHEMENT');
    expect(r.body.message).toBe(
      'Attention, sur les dates choisies : ALICE-TEST Anne : déjà convoqué(e) sur la mission n° 112440 (CORRECTION DE COPIES) ; GASTON-TEST Gaston : indisponible (SORTIE PEDAGOGIQUE).',
    );
    expect(await convocationDe(jury, f.personnes.alice)).toBeUndefined();
    const ok = await lycee.post(`${C}/missions/${jury}/convocations`, { ...corps, confirmerChevauchements: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await convocationDe(jury, f.personnes.alice))!.jury_id).toBe(f.centre.jurys.j01);
  });

  it("refuse l'interrogation orale d'une épreuve EC tant que CYCLADES n'a pas affecté les candidats", async () => {
    const { oralEc } = f.centre.missions;
    const d = await lycee.get(`${C}/missions/${oralEc}`);
    expect(d.body.refusEC).toContain("n'est possible qu'une fois l'affectation des candidats");
    const r = await lycee.post(`${C}/missions/${oralEc}/convocations`, { personneIds: [f.centre.personnes.philo], dates: [creneau('2026-06-17')] });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(d.body.refusEC);
    await p.ctx.db.updateTable('mission').set({ candidats_affectes: true }).where('id', '=', oralEc).execute();
    expect((await lycee.get(`${C}/missions/${oralEc}`)).body.refusEC).toBeNull();
    expect((await lycee.post(`${C}/missions/${oralEc}/convocations`, { personneIds: [f.centre.personnes.philo], dates: [creneau('2026-06-17')] })).status).toBe(200);
  });
});

describe('COEC : date du gestionnaire, report sur la mission, profils HLP', () => {
  it('limite les dates à celle du gestionnaire et demande le report à la première convocation', async () => {
    const { coec } = f.centre.missions;
    const d = await lycee.get(`${C}/missions/${coec}`);
    expect(d.body.joursSelectionnables).toEqual([creneau('2026-06-10', '08:00', '18:00')]);
    expect(d.body.observation).toBe('Correction des copies HLP.');
    expect(d.body.avertissementHLP).toContain('Il manque un professeur de lettres et un professeur de philosophie');
    const autre = await lycee.post(`${C}/missions/${coec}/convocations`, { personneIds: [f.centre.personnes.lettres], dates: [creneau('2026-06-11')] });
    expect(autre.body.fields['dates.0.jour']).toBe('Date : pour cette mission, la convocation ne peut porter que sur le 10/06/2026, date fixée par le gestionnaire.');

    const corps = { personneIds: [f.centre.personnes.lettres], dates: [creneau('2026-06-10', '13:00', '17:00')], observation: 'Copies à retirer à 13 h.' };
    const question = await lycee.post(`${C}/missions/${coec}/convocations`, corps);
    expect(question.status).toBe(409);
    expect(question.body).toMatchObject({ code: 'REPORT_COEC', message: MESSAGE_REPORT_COEC });
    const oui = await lycee.post(`${C}/missions/${coec}/convocations`, { ...corps, reporterSurMission: true });
    expect(oui.status, JSON.stringify(oui.body)).toBe(200);
    expect(oui.body.reportSurMission).toBe(true);
    expect(oui.body.avertissementHLP).toContain('Il manque un professeur de philosophie.');
    expect((await convocationDe(coec, f.centre.personnes.lettres))!.qualite_id).toBe(f.centre.qualites.santorin);

    // The carried-over dates and observation prefill the next convocation; the same input asks nothing.
    const apres = await lycee.get(`${C}/missions/${coec}`);
    expect(apres.body.datesReportees).toEqual([creneau('2026-06-10', '13:00', '17:00')]);
    expect(apres.body.observation).toBe('Copies à retirer à 13 h.');
    const meme = await lycee.post(`${C}/missions/${coec}/convocations`, { ...corps, personneIds: [f.centre.personnes.philo] });
    expect(meme.status, JSON.stringify(meme.body)).toBe(200);
    expect(meme.body.avertissementHLP).toBeNull();

    // Changed hours: asked again; "Non" convokes without touching the mission.
    const change = { personneIds: [f.personnes.emma], dates: [creneau('2026-06-10', '08:00', '12:00')], observation: 'Copies à retirer à 13 h.' };
    expect((await lycee.post(`${C}/missions/${coec}/convocations`, change)).body.code).toBe('REPORT_COEC');
    const non = await lycee.post(`${C}/missions/${coec}/convocations`, { ...change, reporterSurMission: false });
    expect(non.status).toBe(200);
    expect((await lycee.get(`${C}/missions/${coec}`)).body.datesReportees).toEqual([creneau('2026-06-10', '13:00', '17:00')]);
    expect(await convocationDe(coec, f.personnes.emma)).toBeDefined();
  });
});

describe('modifier et supprimer', () => {
  it('modifie une convocation du centre avec les mêmes règles', async () => {
    const c = (await convocationDe(f.missions.m1, f.centre.personnes.philo))!;
    const lue = await lycee.get(`${C}/convocations/${c.id}`);
    expect(lue.body).toMatchObject({ personne: { nom: 'PHILO-TEST' }, qualiteId: f.centre.qualites.correcteur, codeSalle: 'B204', dates: [creneau('2026-06-15'), creneau('2026-06-16')] });
    const faux = await lycee.put(`${C}/convocations/${c.id}`, { dates: [creneau('2026-06-20')] });
    expect(faux.status).toBe(400);
    const r = await lycee.put(`${C}/convocations/${c.id}`, { qualiteId: null, dates: [creneau('2026-06-15', '08:00', '10:00')], observation: 'Matin seulement.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toBe('Convocation de PHILO-TEST Paul modifiée (mission n° 112440).');
    const apres = (await convocationDe(f.missions.m1, f.centre.personnes.philo))!;
    expect(apres).toMatchObject({ qualite_id: null, observation: 'Matin seulement.', dates_specifiques: true, code_salle: null });
    const audits = await p.ctx.db.selectFrom('audit_log').select('action').where('entite', '=', 'convocation').where('entite_id', '=', String(c.id)).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['convocation.creer', 'convocation.modifier']);
  });

  it('refuse la suppression quand les frais sont en cours de traitement, supprime sinon', async () => {
    const c = (await convocationDe(f.missions.m1, f.personnes.denis))!;
    const fr = { id: await fixerStatutFrais(p.ctx.db, c.id, 'valide') };
    const refus = await lycee.delete(`${C}/convocations/${c.id}`);
    expect(refus.status).toBe(409);
    expect(refus.body.message).toBe(MESSAGE_FRAIS_EN_COURS);
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'pas_de_frais' }).where('id', '=', fr.id).execute();
    const ok = await lycee.delete(`${C}/convocations/${c.id}`);
    expect(ok.status).toBe(200);
    expect(await convocationDe(f.missions.m1, f.personnes.denis)).toBeUndefined();
    // The indisponibilité it gave in Toulouse goes with it.
    expect(await p.ctx.db.selectFrom('indisponibilite').select('id').where('convocation_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('éditions et courriels', () => {
  it('édite la convocation en PDF nommé nom_prénom, avec identifiant, mot de passe temporaire et mention du centre', async () => {
    const c = (await convocationDe(f.missions.m1, f.centre.personnes.lettres))!;
    const r = await lycee.get(`${C}/convocations/${c.id}/pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('LETTRES-TEST_Lea_112440.pdf');
    const t = (await textePdf(r.raw)).pages.join(' ');
    expect(t).toContain(MENTION_CENTRE);
    expect(t).toContain("Identifiant IMAG'IN : lea.lettres-test");
    const mdp = /Mot de passe temporaire : (\S+)/.exec(t)?.[1];
    expect(mdp).toBeTruthy();
    expect(t).toContain('N° 112440 CORRECTION DE COPIES');
    expect(t).toContain('Présentez-vous à la loge.');
    expect((await convocationDe(f.missions.m1, f.centre.personnes.lettres))!.editee_le).not.toBeNull();
    // A reprint shows the same temporary password.
    const bis = (await textePdf((await lycee.get(`${C}/convocations/${c.id}/pdf`)).raw)).pages.join(' ');
    expect(bis).toContain(`Mot de passe temporaire : ${mdp}`);
  });

  it('télécharge en un ZIP SIGLE_MISSION_AAAAMMJJ les convocations du centre affichées, une par PDF', async () => {
    const m = f.missions.m1;
    const r = await lycee.post(`${C}/missions/${m}/zip`, {});
    expect(r.status, String(r.body)).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toContain('BCG_112440_20260615.zip');
    const entrees = lireZip(r.raw);
    // The centre's two (Paul, Léa), not Alice's, convoked by the gestionnaire.
    expect(entrees.map((e) => e.nom).sort()).toEqual(['LETTRES-TEST_Lea_112440.pdf', 'PHILO-TEST_Paul_112440.pdf']);
    for (const e of entrees) {
      const t = (await textePdf(e.contenu)).pages.join(' ');
      expect(t).toContain(MENTION_CENTRE);
      expect(t).toContain('Mot de passe temporaire');
    }
    // Only the displayed ones; the gestionnaire's are left out even when asked for.
    const philo = (await convocationDe(m, f.centre.personnes.philo))!.id;
    const un = await lycee.post(`${C}/missions/${m}/zip`, { ids: [philo, f.convocations.cAliceM1] });
    expect(lireZip(un.raw).map((e) => e.nom)).toEqual(['PHILO-TEST_Paul_112440.pdf']);
    const rien = await lycee.post(`${C}/missions/${m}/zip`, { ids: [f.convocations.cAliceM1] });
    expect(rien.status).toBe(400);
  });

  it('envoie une convocation à l’adresse professionnelle, sinon personnelle, copie au centre, PDF joint', async () => {
    const philo = (await convocationDe(f.missions.m1, f.centre.personnes.philo))!.id;
    const r = await lycee.post(`${C}/convocations/${philo}/mail`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toBe('Convocation de PHILO-TEST Paul envoyée à paul.philo@ac-rennes.fr (copie à ce.0350710g@ac-rennes.fr).');
    const mail = (await p.ctx.db.selectFrom('mail').selectAll().execute()).find((x) => x.destinataires.includes('paul.philo@ac-rennes.fr'))!;
    expect(mail.copies).toEqual(['ce.0350710g@ac-rennes.fr']);
    expect(mail.objet).toBe('Convocation - mission n° 112440 CORRECTION DE COPIES');
    const pj = (typeof mail.pieces_jointes === 'string' ? JSON.parse(mail.pieces_jointes) : mail.pieces_jointes) as Array<{ nom: string }>;
    expect(pj.map((x) => x.nom)).toEqual(['PHILO-TEST_Paul_112440.pdf']);
    expect((await convocationDe(f.missions.m1, f.centre.personnes.philo))!.envoyee_le).not.toBeNull();

    // Without an address of the établissement, the copy goes to the chef's account.
    await p.ctx.db.updateTable('etablissement').set({ email: null }).where('id', '=', f.etabs.lycee).execute();
    try {
      const lea = (await convocationDe(f.missions.m1, f.centre.personnes.lettres))!.id;
      const r2 = await lycee.post(`${C}/convocations/${lea}/mail`);
      expect(r2.body).toMatchObject({ a: 'lea@example.org', copie: 'ce.0350710g@example.fr' });
    } finally {
      await p.ctx.db.updateTable('etablissement').set({ email: 'ce.0350710g@ac-rennes.fr' }).where('id', '=', f.etabs.lycee).execute();
    }

    const gaston = (await convocationDe(f.centre.missions.oral, f.centre.personnes.gaston))!.id;
    const sans = await lycee.post(`${C}/convocations/${gaston}/mail`);
    expect(sans.status).toBe(400);
    expect(sans.body.message).toContain("GASTON-TEST Gaston n'a pas d'adresse électronique connue");
  });

  it('envoie les convocations par un traitement, avec compte rendu, sans doublon quand on recommence', async () => {
    const m = f.missions.m1;
    const avant = await p.ctx.db.selectFrom('mail').select('id').execute();
    const lancer = async () => {
      const r = await lycee.post(`${C}/missions/${m}/envoi-mail`, {});
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.total).toBe(2);
      return attendre(async () => {
        const t = await p.ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', r.body.traitementId).executeTakeFirstOrThrow();
        return t.statut === 'termine' || t.statut === 'erreur' ? { ...t, id: r.body.traitementId as string } : null;
      });
    };
    const t1 = await lancer();
    expect(t1.statut, t1.erreur ?? '').toBe('termine');
    const nouveaux = await p.ctx.db.selectFrom('mail').select(['destinataires', 'copies']).where('id', 'not in', avant.map((x) => x.id)).orderBy('cree_le').execute();
    expect(nouveaux.map((x) => x.destinataires).sort()).toEqual([['lea@example.org'], ['paul.philo@ac-rennes.fr']]);
    expect(nouveaux.every((x) => x.copies[0] === 'ce.0350710g@ac-rennes.fr')).toBe(true);
    const cr = await lycee.get(`/api/traitements/${t1.id}`);
    expect(cr.status).toBe(200);
    expect(JSON.stringify(cr.body)).toContain('Compte rendu : 2 convocation(s) envoyée(s)');

    const t2 = await lancer();
    expect(t2.statut).toBe('termine');
    expect((await p.ctx.db.selectFrom('mail').select('id').execute()).length).toBe(avant.length + 2);
    const logs = await p.ctx.db.selectFrom('traitement_log').select('message').where('traitement_id', '=', t2.id).execute();
    expect(logs.map((l) => l.message).join('\n')).toContain('Compte rendu : 0 convocation(s) envoyée(s) (copie à ce.0350710g@ac-rennes.fr) ; 0 sans adresse électronique ; 2 déjà envoyée(s)');
    // A retry of the treatment (after a crash) sends nothing twice either, and does not redo its accounts step.
    await p.ctx.db.updateTable('traitement').set({ statut: 'en_attente' }).where('id', '=', t1.id).execute();
    await p.ctx.jobs.send(p.ctx.db, 'traitement', { id: t1.id });
    await attendre(async () => (await p.ctx.db.selectFrom('traitement').select('statut').where('id', '=', t1.id).executeTakeFirstOrThrow()).statut === 'termine');
    expect((await p.ctx.db.selectFrom('mail').select('id').execute()).length).toBe(avant.length + 2);
    const reprise = (await p.ctx.db.selectFrom('traitement_log').select('message').where('traitement_id', '=', t1.id).orderBy('id').execute()).map((l) => l.message).join('\n');
    expect(reprise).toContain(repriseApresInterruption(2));
    expect(reprise).toContain("Étape « comptes » déjà faite lors d'une tentative précédente");
    expect(reprise).toContain('2 déjà envoyée(s)');
    // The mail job leaves them in the outbox (no SMTP in tests), with the PDF attached.
    await attendre(async () => (await p.ctx.db.selectFrom('mail').select('statut').where('statut', '=', 'en_attente').execute()).length === 0);
    const boite = await p.ctx.db.selectFrom('mail').select(['statut', 'pieces_jointes']).where('id', 'not in', avant.map((x) => x.id)).execute();
    expect(boite.map((x) => x.statut)).toEqual(['boite_sortie', 'boite_sortie']);
  });
});

/** The requests of a tab opened by « Accès autres académies »: the home cookie, and the tab's own session. */
async function ongletAutreAcademie(client: TestClient, academie: string) {
  const r = await client.post(`/api/centre/acces-academies/${academie}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const e = await p.client().post('/api/auth/acces-academie', { code: r.body.code });
  expect(e.status, JSON.stringify(e.body)).toBe(200);
  let csrf: string | null = null;
  const requete = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Reponse> => {
    const headers: Record<string, string> = { 'x-session-academie': e.body.jeton };
    if (client.cookie) headers.cookie = client.cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await p.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as any } : {}) });
    const parsed = String(res.headers['content-type'] ?? '').includes('application/json') ? res.json() : res.body;
    return { status: res.statusCode, body: parsed, headers: res.headers as any, raw: res.rawPayload };
  };
  const session = await requete('GET', '/api/auth/session');
  expect(session.status).toBe(200);
  csrf = session.body.csrfToken;
  return { get: (url: string) => requete('GET', url), post: (url: string, body: unknown = {}) => requete('POST', url, body) };
}

describe('session ouverte dans une autre académie (Accès autres académies)', () => {
  it("convoque aux missions de cette académie dans le centre ; la personne d'une autre académie y reçoit une indisponibilité", async () => {
    const o = await ongletAutreAcademie(lycee, '16');
    const missions = await o.get(`${C}/missions`);
    expect(missions.status).toBe(200);
    expect(missions.body.lignes.map((m: any) => m.numero)).toEqual([940001]);
    const id = f.centre.missions.autreAcademie;
    // Rennes' missions are out of this session's reach.
    expect((await o.get(`${C}/missions/${f.missions.m1}`)).status).toBe(404);
    // « NOM Prénom » among Toulouse's persons; the lycée's own teachers by discipline.
    expect((await o.get(`${C}/missions/${id}/intervenants?q=denis`)).body.lignes.map((l: any) => l.nom)).toEqual(['DENIS-TEST']);
    expect((await o.get(`${C}/missions/${id}/enseignants?discipline=MATHEMATIQUES`)).body.lignes.map((l: any) => l.nom)).toContain('ALICE-TEST');

    const r = await o.post(`${C}/missions/${id}/convocations`, { personneIds: [f.personnes.alice, f.personnes.denis], dates: [creneau('2026-06-19')] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const alice = (await convocationDe(id, f.personnes.alice))!;
    expect(alice).toMatchObject({ academie_code: '16', origine: 'centre', etablissement_createur_id: f.etabs.lycee });
    // Alice belongs to Rennes: an indisponibilité there, "CONVOCATION PAR IMAGIN TOULOUSE"; Denis is at home.
    const i = await p.ctx.db.selectFrom('indisponibilite').select(['academie_code', 'date_debut', 'motif', 'source']).where('convocation_id', '=', alice.id).execute();
    expect(i).toEqual([{ academie_code: '14', date_debut: '2026-06-19', motif: 'CONVOCATION PAR IMAGIN TOULOUSE', source: 'CONVOCATION' }]);
    const denis = (await convocationDe(id, f.personnes.denis))!;
    expect(await p.ctx.db.selectFrom('indisponibilite').select('id').where('convocation_id', '=', denis.id).execute()).toEqual([]);
    // Its PDF, from the tab.
    const pdf = await o.get(`${C}/convocations/${alice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect((await textePdf(pdf.raw)).pages.join(' ')).toContain('ACADEMIE DE TOULOUSE');
  });
});
