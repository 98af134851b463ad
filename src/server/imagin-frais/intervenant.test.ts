// The intervenant's « Saisie/consultation états de frais » over HTTP (issue 16, seed 004 §2.4): the
// académie's conditions first (and again for a new version), his own états only (another's is 404,
// by changing ids), the statuses by date, pay mode and déplacement, the first access (« Compléter »,
// « Mission non effectuée »), « Enregistrer » with French field messages, 409 on a stale page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { CONDITIONS_A_ACCEPTER } from './intervenant.service.ts';

const BASE = '/api/intervenant/etats-frais';

describe('états de frais de l’intervenant', () => {
  let p: TestPlatform;
  let f: Awaited<ReturnType<typeof fixtureConstat>>;
  let alice: TestClient;
  let bruno: TestClient;
  let dec: { compteId: number };
  const etatDe = async (convocationId: number) =>
    (await p.ctx.db.selectFrom('etat_frais').select('id').where('convocation_id', '=', convocationId).executeTakeFirstOrThrow()).id;
  let ids: Record<'copies' | 'oral2' | 'future' | 'surveillance' | 'cec' | 'brunoCopies' | 'brunoPratique', number>;
  let saintMalo: { a: number; b: number };

  beforeAll(async () => {
    p = await createTestPlatform();
    f = await fixtureConstat(p);
    const db = p.ctx.db;
    // Alice also supervises (pay computed by the gestionnaire) and corrects on SANTORIN.
    const plus = await db
      .insertInto('convocation')
      .values([
        { academie_code: '14', mission_id: f.missions.surveillance, personne_id: f.personnes.alice, origine: 'gestionnaire' },
        { academie_code: '14', mission_id: f.missions.cec, personne_id: f.personnes.alice, origine: 'gestionnaire' },
      ])
      .returning('id')
      .execute();
    // Two missions on 11/06 in Saint-Malo (outside Rennes, where she lives and works): trips refunded,
    // all on the first mission of the day (08:00), the other (14:00) « Invalidable ».
    const sm = async (heure: string) => {
      const m = await db
        .insertInto('mission')
        .values({ academie_code: '14', numero: heure === '08:00' ? 190001 : 190002, session_examen_id: f.sessions.bcg2026, type_mission: 'CORCOP', lieu: 'SAINT-MALO', centre_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('mission_date').values({ mission_id: m.id, jour: '2026-06-11', heure_debut: heure, heure_fin: heure === '08:00' ? '12:00' : '17:00' }).execute();
      return (await db.insertInto('convocation').values({ academie_code: '14', mission_id: m.id, personne_id: f.personnes.alice, origine: 'gestionnaire' }).returning('id').executeTakeFirstOrThrow()).id;
    };
    const smA = await sm('08:00');
    const smB = await sm('14:00');
    // Convoked: the database creates each état de frais.
    await db.updateTable('convocation').set({ statut: 'convoquee' }).where('personne_id', 'in', [f.personnes.alice, f.personnes.bruno]).execute();
    await db.updateTable('convocation').set({ csf_nb_copies: 30, service_fait: 'fait' }).where('id', '=', f.convocations.copiesAlice).execute();
    ids = {
      copies: await etatDe(f.convocations.copiesAlice),
      oral2: await etatDe(f.convocations.oral2Alice),
      future: await etatDe(f.convocations.futureAlice),
      surveillance: await etatDe(plus[0]!.id),
      cec: await etatDe(plus[1]!.id),
      brunoCopies: await etatDe(f.convocations.copiesBruno),
      brunoPratique: await etatDe(f.convocations.pratiqueBruno),
    };
    saintMalo = { a: await etatDe(smA), b: await etatDe(smB) };
    await fixtureCompte(p, { login: 'anne.alice', role: 'intervenant', personneId: f.personnes.alice });
    await fixtureCompte(p, { login: 'bruno.b', role: 'intervenant', personneId: f.personnes.bruno });
    dec = (await db.selectFrom('compte').select('id as compteId').where('login', '=', 'dec.rennes').executeTakeFirstOrThrow()) as { compteId: number };
    alice = p.client();
    await alice.login('imagin-intervenant', 'anne.alice', MOT_DE_PASSE);
    bruno = p.client();
    await bruno.login('imagin-intervenant', 'bruno.b', MOT_DE_PASSE);
  });
  afterAll(async () => {
    await p?.close();
  });

  const accepter = async (c: TestClient) => {
    const l = await c.get(BASE);
    if (l.body.conditions.acceptee) return;
    const r = await c.post(`${BASE}/conditions`, { version: l.body.conditions.version, accepte: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  it("les conditions d'utilisation d'abord : rien d'autre tant qu'elles ne sont pas acceptées, et de nouveau à chaque nouvelle version", async () => {
    const avant = await alice.get(BASE);
    expect(avant.status).toBe(200);
    expect(avant.body.conditions).toMatchObject({ academieCode: '14', version: 1, acceptee: false });
    expect(avant.body.conditions.texte).toContain("Conditions d'utilisation");
    expect(avant.body.lignes).toEqual([]);
    // An académie that does not exist: 404, not an error.
    expect((await alice.get(`${BASE}?academie=99`)).status).toBe(404);
    expect((await alice.post(`${BASE}/conditions`, { academie: '99', version: 1, accepte: true })).status).toBe(404);
    const refus = await alice.get(`${BASE}/${ids.copies}`);
    expect(refus.status).toBe(409);
    expect(refus.body.message).toBe(CONDITIONS_A_ACCEPTER);
    expect((await alice.put(`${BASE}/${ids.copies}`, { version: 1, remuneration: null, lignes: [], piecesParCourrier: false })).status).toBe(409);
    // The box must be ticked; the version must be the one displayed.
    const nonCochee = await alice.post(`${BASE}/conditions`, { version: 1 });
    expect(nonCochee.status).toBe(400);
    expect(JSON.stringify(nonCochee.body)).toContain("J'ai lu et j'accepte les conditions relatives à l'utilisation du service");
    expect((await alice.post(`${BASE}/conditions`, { version: 2, accepte: true })).status).toBe(409);
    const ok = await alice.post(`${BASE}/conditions`, { version: 1, accepte: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ acceptee: true, version: 1 });
    const row = await p.ctx.db.selectFrom('frais_conditions_acceptation').selectAll().where('personne_id', '=', f.personnes.alice).execute();
    expect(row).toHaveLength(1);
    expect(new Date(row[0]!.accepte_le).toISOString()).toBe(p.clock.now().toISOString());
    expect((await alice.get(`${BASE}/${ids.copies}`)).status).toBe(200);

    // The gestionnaire publishes a new text: asked again.
    await p.ctx.db.updateTable('frais_parametres').set({ conditions_texte: 'Nouveau texte des conditions.', conditions_version: 2 }).where('academie_code', '=', '14').execute();
    const encore = await alice.get(BASE);
    expect(encore.body.conditions).toMatchObject({ version: 2, acceptee: false, texte: 'Nouveau texte des conditions.' });
    expect((await alice.get(`${BASE}/${ids.copies}`)).status).toBe(409);
    expect((await alice.post(`${BASE}/conditions`, { version: 2, accepte: true })).status).toBe(200);
    expect((await alice.get(`${BASE}/${ids.copies}`)).status).toBe(200);
  });

  it('la liste : ses missions convoquées de l’académie avec les statuts de rémunération et de déplacement, et rien d’autrui', async () => {
    await accepter(alice);
    const r = await alice.get(BASE);
    expect(r.status).toBe(200);
    const parId = new Map<number, any>(r.body.lignes.map((l: any) => [l.id, l]));
    expect([...parId.keys()].sort()).toEqual(
      [ids.copies, ids.oral2, ids.future, ids.surveillance, ids.cec, saintMalo.a, saintMalo.b, await etatDe(f.convocations.autreCentreAlice)].sort(),
    );
    expect(parId.has(ids.brunoCopies)).toBe(false);
    expect(parId.get(ids.copies)).toMatchObject({ examen: 'BCG 2026', type: 'CORRECTION DE COPIES', debut: '2026-06-10', centre: 'LGT LA PROMENADE RENNES', statutRemuneration: 'non_valide', statutDeplacement: 'pas_de_frais', libelleRemuneration: 'Non validé' });
    expect(parId.get(ids.future)).toMatchObject({ statutRemuneration: 'mission_non_effectuee', statutDeplacement: 'pas_de_frais' });
    expect(parId.get(ids.surveillance)).toMatchObject({ statutRemuneration: 'a_traiter_gestionnaire' });
    expect(parId.get(ids.cec)).toMatchObject({ statutRemuneration: 'traite_gestionnaire', statutDeplacement: 'pas_de_frais', consultationSeule: true });
    expect(parId.get(saintMalo.a)).toMatchObject({ statutDeplacement: 'non_valide' });
    expect(parId.get(saintMalo.b)).toMatchObject({ statutDeplacement: 'invalidable' });
    // In order of first day.
    expect(r.body.lignes.map((l: any) => l.debut)).toEqual([...r.body.lignes.map((l: any) => l.debut)].sort());
    // Bruno: his own, his pratique mission running today (15/06).
    await accepter(bruno);
    const b = await bruno.get(BASE);
    expect(b.body.lignes.map((l: any) => l.id).sort()).toEqual([ids.brunoCopies, ids.brunoPratique].sort());
    expect(b.body.lignes.find((l: any) => l.id === ids.brunoPratique)).toMatchObject({ statutRemuneration: 'mission_en_cours' });
    expect(b.body.lignes.find((l: any) => l.id === ids.brunoCopies)).toMatchObject({ statutRemuneration: 'valide_gestionnaire' });
  });

  it("l'état d'un autre intervenant répond 404, en lecture comme en écriture, quel que soit l'identifiant", async () => {
    await accepter(alice);
    for (const id of [ids.brunoCopies, ids.brunoPratique, 999999]) {
      expect((await alice.get(`${BASE}/${id}`)).status, String(id)).toBe(404);
      expect((await alice.put(`${BASE}/${id}`, { version: 1, remuneration: null, lignes: [], piecesParCourrier: false })).status).toBe(404);
      expect((await alice.post(`${BASE}/${id}/commencer`, { version: 1 })).status).toBe(404);
      expect((await alice.post(`${BASE}/${id}/mission-non-effectuee`, { version: 1 })).status).toBe(404);
    }
    expect((await bruno.get(`${BASE}/${ids.copies}`)).status).toBe(404);
    // Nothing changed.
    const b = await p.ctx.db.selectFrom('etat_frais').select(['statut', 'version']).where('id', '=', ids.brunoPratique).executeTakeFirstOrThrow();
    expect(b).toEqual({ statut: 'non_valide', version: 1 });
  });

  it('un état : en-tête, constat du centre, premier accès « Compléter », puis Enregistrer avec ses contrôles et l’écart au constat', async () => {
    await accepter(alice);
    const v = (await alice.get(`${BASE}/${ids.copies}`)).body;
    expect(v).toMatchObject({
      id: ids.copies,
      workflow: 'non_valide',
      statuts: { remuneration: 'non_valide', deplacement: 'pas_de_frais' },
      saisieAttendue: 'copies',
      remunerationLectureSeule: false,
      remuneration: null,
      constat: { chiffre: 30, serviceFait: 'fait' },
      ecartConstat: false,
      deplacementOuvert: false,
      premierAcces: true,
      modifiable: true,
      saisieCommencee: false,
      personne: { nom: 'ALICE-CSF', prenom: 'Anne' },
    });
    expect(v.mission).toMatchObject({ numero: expect.any(Number), type: 'CORRECTION DE COPIES', debut: '2026-06-10', fin: '2026-06-10', epreuveOption: 'C010 - Mathématiques', emiseParMinistere: false });
    expect(v.mission.dates).toEqual([{ jour: '2026-06-10', debut: '08:00', fin: '17:00' }]);
    expect(v.suivi.join(' ')).toContain('La mission est achevée');

    const c = await alice.post(`${BASE}/${ids.copies}/commencer`, { version: v.version });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body).toMatchObject({ saisieCommencee: true, premierAcces: false, version: v.version + 1 });

    // Wrong figures: 400, each field named, nothing stored.
    const faux = await alice.put(`${BASE}/${ids.copies}`, { version: c.body.version, remuneration: { type: 'copies', copies: -3 }, lignes: [], piecesParCourrier: false });
    expect(faux.status).toBe(400);
    expect(JSON.stringify(faux.body)).toContain('Nombre de copies corrigées : entier positif attendu.');
    const autreType = await alice.put(`${BASE}/${ids.copies}`, { version: c.body.version, remuneration: { type: 'candidats', candidats: 3 }, lignes: [], piecesParCourrier: false });
    expect(autreType.status).toBe(400);
    expect(autreType.body.fields.remuneration).toMatch(/ne correspond pas au type de la mission/);
    // Déplacement lines on a mission without refund: refused.
    const ligne = { villeDepart: 'RENNES', villeArrivee: 'RENNES', depart: '2026-06-10T07:30', retour: '2026-06-10T18:00', mode: 'AUTOMOBILE', puissanceFiscale: 5, km: 10, trajets: 1, nuitees: 0, repas: 0, fraisDiversCentimes: 0, billetsCentimes: 0, commentaire: '' };
    const sansDep = await alice.put(`${BASE}/${ids.copies}`, { version: c.body.version, remuneration: { type: 'copies', copies: 28 }, lignes: [ligne], piecesParCourrier: false });
    expect(sansDep.status).toBe(400);
    expect(sansDep.body.fields.lignes).toMatch(/ne donne pas lieu à remboursement/);
    expect((await p.ctx.db.selectFrom('etat_frais').select(['remuneration', 'version']).where('id', '=', ids.copies).executeTakeFirstOrThrow()).version).toBe(c.body.version);

    const e = await alice.put(`${BASE}/${ids.copies}`, { version: c.body.version, remuneration: { type: 'copies', copies: 28 }, lignes: [], piecesParCourrier: true });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    // BCG without a taux on the épreuve: copies at taux 5 (5,00 €): 28 × 5 = 140,00 €.
    expect(e.body).toMatchObject({ version: c.body.version + 1, remuneration: { type: 'copies', copies: 28 }, piecesParCourrier: true, ecartConstat: true, montants: { remunerationCentimes: 14000 } });
    expect(e.body.message).toContain('enregistré');
    const row = await p.ctx.db.selectFrom('etat_frais').select(['remuneration', 'montant_remuneration_centimes', 'modifie_par', 'statut']).where('id', '=', ids.copies).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ remuneration: { type: 'copies', copies: 28 }, montant_remuneration_centimes: 14000, statut: 'non_valide' });
    const journal = await p.ctx.db.selectFrom('audit_log').select(['action', 'apres']).where('entite', '=', 'etat_frais').where('entite_id', '=', String(ids.copies)).orderBy('id').execute();
    expect(journal.map((j) => j.action)).toEqual(['etats-frais.commencer', 'etats-frais.enregistrer']);
  });

  it('409 sur une page périmée, en nommant qui a modifié et quand', async () => {
    await accepter(alice);
    const v = (await alice.get(`${BASE}/${ids.copies}`)).body;
    // The gestionnaire changed it meanwhile.
    await p.ctx.db.updateTable('etat_frais').set({ version: v.version + 1, modifie_par: dec.compteId, modifie_le: new Date('2026-06-15T07:45:00Z') }).where('id', '=', ids.copies).execute();
    const r = await alice.put(`${BASE}/${ids.copies}`, { version: v.version, remuneration: { type: 'copies', copies: 29 }, lignes: [], piecesParCourrier: false });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe(
      "Cet état de frais a été modifié le 15/06/2026 à 09:45 par le service de gestion (dec.rennes) depuis l'affichage de cette page. Rien n'a été enregistré : rechargez la page pour voir l'état actuel, puis refaites vos modifications.",
    );
    // Herself in another tab.
    const w = (await alice.get(`${BASE}/${ids.copies}`)).body;
    expect((await alice.put(`${BASE}/${ids.copies}`, { version: w.version, remuneration: { type: 'copies', copies: 29 }, lignes: [], piecesParCourrier: false })).status).toBe(200);
    const stale = await alice.put(`${BASE}/${ids.copies}`, { version: w.version, remuneration: { type: 'copies', copies: 27 }, lignes: [], piecesParCourrier: false });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('par vous-même, dans une autre fenêtre ou un autre onglet');
    expect((await p.ctx.db.selectFrom('etat_frais').select('remuneration').where('id', '=', ids.copies).executeTakeFirstOrThrow()).remuneration).toEqual({ type: 'copies', copies: 29 });
  });

  it('« Mission non effectuée » au premier accès : le gestionnaire le voit, plus rien n’est modifiable ; une mission à venir ne se saisit pas', async () => {
    await accepter(alice);
    const futur = await alice.get(`${BASE}/${ids.future}`);
    expect(futur.body).toMatchObject({ modifiable: false, premierAcces: false, statuts: { remuneration: 'mission_non_effectuee' } });
    const tot = await alice.put(`${BASE}/${ids.future}`, { version: futur.body.version, remuneration: { type: 'copies', copies: 1 }, lignes: [], piecesParCourrier: false });
    expect(tot.status).toBe(409);
    expect(tot.body.message).toMatch(/n'a pas encore commencé/);

    const v = (await alice.get(`${BASE}/${ids.oral2}`)).body;
    expect(v).toMatchObject({ premierAcces: true, saisieAttendue: 'candidats' });
    const r = await alice.post(`${BASE}/${ids.oral2}/mission-non-effectuee`, { version: v.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ workflow: 'mission_non_effectuee', statuts: { remuneration: 'mission_non_effectuee', deplacement: 'pas_de_frais' }, modifiable: false, premierAcces: false });
    expect(r.body.suivi.join(' ')).toContain("le gestionnaire en est informé");
    expect((await p.ctx.db.selectFrom('etat_frais').select('statut').where('id', '=', ids.oral2).executeTakeFirstOrThrow()).statut).toBe('mission_non_effectuee');
    const apres = await alice.put(`${BASE}/${ids.oral2}`, { version: r.body.version, remuneration: { type: 'candidats', candidats: 4 }, lignes: [], piecesParCourrier: false });
    expect(apres.status).toBe(409);
    expect(apres.body.message).toMatch(/ne pas avoir effectué cette mission/);
  });

  it('missions sans saisie : rémunération calculée par le gestionnaire, correction dématérialisée, convocation du ministère', async () => {
    await accepter(alice);
    const surv = (await alice.get(`${BASE}/${ids.surveillance}`)).body;
    expect(surv).toMatchObject({ saisieAttendue: null, statuts: { remuneration: 'a_traiter_gestionnaire' } });
    const refus = await alice.put(`${BASE}/${ids.surveillance}`, { version: surv.version, remuneration: { type: 'copies', copies: 3 }, lignes: [], piecesParCourrier: false });
    // Nothing to enter: the figure sent is ignored, not stored.
    expect(refus.status).toBe(200);
    expect(refus.body.remuneration).toBeNull();
    const cec = (await alice.get(`${BASE}/${ids.cec}`)).body;
    expect(cec).toMatchObject({ saisieAttendue: 'santorin', remunerationLectureSeule: true, deplacementOuvert: false, statuts: { remuneration: 'traite_gestionnaire', deplacement: 'pas_de_frais' } });
    // Issued by the ministry: the président de jury enters the figures.
    await p.ctx.db.updateTable('mission').set({ emise_par_ministere: true }).where('id', '=', f.missions.autreCentre).execute();
    const idMin = await etatDe(f.convocations.autreCentreAlice);
    const min = (await alice.get(`${BASE}/${idMin}`)).body;
    expect(min).toMatchObject({ saisieAttendue: 'copies', remunerationLectureSeule: true, mission: { emiseParMinistere: true } });
    expect(min.suivi.join(' ')).toContain('président de jury');
    const ignore = await alice.put(`${BASE}/${idMin}`, { version: min.version, remuneration: { type: 'copies', copies: 12 }, lignes: [], piecesParCourrier: false });
    expect(ignore.status).toBe(200);
    expect(ignore.body.remuneration).toBeNull();
  });

  it('déplacement : ligne préremplie depuis la mission, lignes contrôlées et enregistrées, « Invalidable » pour la seconde mission du jour', async () => {
    await accepter(alice);
    const a = (await alice.get(`${BASE}/${saintMalo.a}`)).body;
    expect(a).toMatchObject({ deplacementOuvert: true, invalidable: false, lignes: [] });
    expect(a.lignePreremplie).toMatchObject({ villeDepart: 'RENNES', villeArrivee: 'SAINT-MALO', depart: '2026-06-11T08:00', retour: '2026-06-11T12:00' });
    const ligne = { ...a.lignePreremplie, depart: '2026-06-11T07:00', retour: '2026-06-11T19:00', mode: 'AUTOMOBILE', puissanceFiscale: 5, km: 70, trajets: 1, repas: 1 };
    const fausse = await alice.put(`${BASE}/${saintMalo.a}`, { version: a.version, remuneration: null, lignes: [{ ...ligne, retour: '2026-06-11T06:00' }], piecesParCourrier: false });
    expect(fausse.status).toBe(400);
    expect(fausse.body.fields['lignes.0.retour']).toMatch(/Déplacement 1, date et heure de retour/);
    const ok = await alice.put(`${BASE}/${saintMalo.a}`, { version: a.version, remuneration: { type: 'copies', copies: 10 }, lignes: [ligne], piecesParCourrier: false });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.lignes).toHaveLength(1);
    expect(ok.body.lignes[0]).toMatchObject({ villeArrivee: 'SAINT-MALO', km: 70, mode: 'AUTOMOBILE' });
    // 70 km × 2 × 0,32 € (5 CV, first band) + a meal at 20,00 € = 44,80 + 20,00 = 64,80 €.
    expect(ok.body.montants.deplacementCentimes).toBe(6480);
    expect(ok.body.statuts.deplacement).toBe('non_valide');

    const b = (await alice.get(`${BASE}/${saintMalo.b}`)).body;
    expect(b).toMatchObject({ invalidable: true, lignePreremplie: null, statuts: { deplacement: 'invalidable' } });
    const refus = await alice.put(`${BASE}/${saintMalo.b}`, { version: b.version, remuneration: null, lignes: [ligne], piecesParCourrier: false });
    expect(refus.status).toBe(400);
    expect(refus.body.fields.lignes).toMatch(/première mission de la journée/);
  });

  it('pendant la mission (en cours), la saisie par demi-journée est ouverte', async () => {
    await accepter(bruno);
    const v = (await bruno.get(`${BASE}/${ids.brunoPratique}`)).body;
    expect(v).toMatchObject({ saisieAttendue: 'demi_journees', modifiable: true, statuts: { remuneration: 'mission_en_cours' } });
    const hors = await bruno.put(`${BASE}/${ids.brunoPratique}`, { version: v.version, remuneration: { type: 'demi_journees', demiJournees: [{ jour: '2026-06-20', debut: '08:00', fin: '12:00' }] }, lignes: [], piecesParCourrier: false });
    expect(hors.status).toBe(400);
    expect(hors.body.fields['remuneration.demiJournees.0.jour']).toBe("Demi-journée 1, date : le 20/06/2026 n'est pas une date de la mission.");
    const r = await bruno.put(`${BASE}/${ids.brunoPratique}`, { version: v.version, remuneration: { type: 'demi_journees', demiJournees: [{ jour: '2026-06-14', debut: '08:00', fin: '12:00' }, { jour: '2026-06-14', debut: '13:00', fin: '17:30' }] }, lignes: [], piecesParCourrier: false });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // 8 h 30 × 9,60 € (BCG: hours at taux 3) = 81,60 €.
    expect(r.body.montants.remunerationCentimes).toBe(8160);
    // Validated by the gestionnaire: read-only.
    const fige = (await bruno.get(`${BASE}/${ids.brunoCopies}`)).body;
    expect(fige).toMatchObject({ modifiable: false, workflow: 'valide_gestionnaire' });
    expect((await bruno.put(`${BASE}/${ids.brunoCopies}`, { version: fige.version, remuneration: { type: 'copies', copies: 1 }, lignes: [], piecesParCourrier: false })).status).toBe(409);
  });
});
