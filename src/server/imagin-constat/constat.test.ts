// Constat de service fait (003 §4.3) over HTTP: the list and its computed états, the scope (another
// centre's mission is 404, also by changing ids), the save by pay mode with French messages on the
// fields, the frais a « service non fait » cancels and restores, the lock after the gestionnaire's
// validation, the 409 naming who saved, the half-day hours, the gestionnaire's side, the PDF read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureConstat } from './fixtures.ts';

const C = '/api/centre/constat';
const G = '/api/gestion/constat';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let lycee: TestClient;
let college: TestClient;
let toulouse: TestClient;
let dec: TestClient;
let decToulouse: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  toulouse = p.client();
  await toulouse.login('imagin-etablissement', 'ce.0120006s', MOT_DE_PASSE);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  decToulouse = p.client();
  await decToulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

const ligne = (detail: any, convocationId: number) => detail.intervenants.find((i: any) => i.convocationId === convocationId);

describe('liste des missions', () => {
  it("montre les missions du centre de l'année courante, triées par début, sans correction dématérialisée ni concours, avec leur état calculé", async () => {
    const r = await lycee.get(`${C}/missions`);
    expect(r.status).toBe(200);
    expect(r.body.annees).toEqual([2026]);
    const m = f.missions;
    expect(r.body.lignes.map((l: any) => l.id)).toEqual([m.surveillance, m.copies, m.jury, m.ea, m.oral2, m.pratique, m.future]);
    const etat = (id: number) => r.body.lignes.find((l: any) => l.id === id).libelleEtat;
    expect(etat(m.copies)).toBe('Mission effectuée');
    expect(etat(m.pratique)).toBe('Mission commencée');
    expect(etat(m.future)).toBe('Mission non effectuée');
    expect(r.body.lignes.find((l: any) => l.id === m.copies)).toMatchObject({ session: '470, BCG, 2026-06, BGT 2026', specialite: 'BCG - BACCALAUREAT GENERAL', epreuveOption: 'C010, Mathématiques', typeMission: 'CORRECTION DE COPIES', debut: '2026-06-10', nbConvoques: 3 });
  });

  it('filtre par année (N−3 … N+1 seulement) et masque les missions non effectuées ou constatées', async () => {
    expect((await lycee.get(`${C}/missions?annees=2025`)).body.lignes.map((l: any) => l.id)).toEqual([f.missions.ancienne]);
    const sansFutures = await lycee.get(`${C}/missions?masquerNonEffectuees=true`);
    expect(sansFutures.body.lignes.map((l: any) => l.id)).not.toContain(f.missions.future);
    const faux = await lycee.get(`${C}/missions?annees=2019`);
    expect(faux.status).toBe(400);
    expect(faux.body.message).toContain('Année');
    const filtres = await lycee.get(`${C}/filtres`);
    expect(filtres.body.annees).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(filtres.body.anneesParDefaut).toEqual([2026]);
  });
});

describe('portée', () => {
  it("une mission d'un autre centre, d'une autre académie, hors constat ou inexistante est introuvable (404), aussi en changeant les identifiants", async () => {
    for (const id of [f.missions.autreCentre, f.missions.toulouse, f.missions.cec, f.missions.concours, 999_999]) {
      const r = await lycee.get(`${C}/missions/${id}`);
      expect(r.status).toBe(404);
      expect(r.body.message).not.toMatch(/sql|select|stack/i);
      expect((await lycee.get(`${C}/missions/${id}/pdf`)).status).toBe(404);
      expect((await lycee.put(`${C}/missions/${id}`, { lignes: [{ convocationId: f.convocations.autreCentreAlice, version: 0, serviceFait: 'fait' }] })).status).toBe(404);
    }
    // A convocation of another mission sent on one's own mission: 404, nothing written.
    const r = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: f.convocations.autreCentreAlice, version: 0, serviceFait: 'fait', nbCopies: '3' }] });
    expect(r.status).toBe(404);
    const c = await p.ctx.db.selectFrom('convocation').select(['service_fait', 'csf_nb_copies']).where('id', '=', f.convocations.autreCentreAlice).executeTakeFirstOrThrow();
    expect(c).toEqual({ service_fait: null, csf_nb_copies: null });
    // Horaires of another mission's intervenant.
    expect((await lycee.get(`${C}/missions/${f.missions.pratique}/intervenants/${f.convocations.copiesAlice}/horaires`)).status).toBe(404);
    // Toulouse's gestionnaire does not reach Rennes; the other centre sees only its mission.
    expect((await decToulouse.get(`${G}/missions/${f.missions.copies}`)).status).toBe(404);
    expect((await toulouse.get(`${C}/missions/${f.missions.copies}`)).status).toBe(404);
    expect((await college.get(`${C}/missions`)).body.lignes.map((l: any) => l.id)).toEqual([f.missions.autreCentre]);
  });
});

describe('saisie du constat', () => {
  it('écrit : candidats inscrits, nombre de copies entre 0 et 999, message en français sur le champ et rien d’enregistré', async () => {
    const d = (await lycee.get(`${C}/missions/${f.missions.copies}`)).body;
    expect(d.regles).toMatchObject({ chiffre: 'copies', libelleChiffre: 'Nombre de copies', saisieOuverte: true });
    expect(d.total).toBe(3);
    const a = ligne(d, f.convocations.copiesAlice);
    expect(a).toMatchObject({ nom: 'ALICE-CSF', telephone: '0601020304', etablissementPrincipal: 'LGT LA PROMENADE RENNES (0350710G)', candidatsInscrits: 0, version: 0 });
    for (const [valeur, attendu] of [['1000', 'entre 0 et 999'], ['12a', 'chiffres seulement'], ['-3', 'chiffres seulement']] as const) {
      const r = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: 0, serviceFait: 'fait', nbCopies: valeur }] });
      expect(r.status).toBe(400);
      expect(r.body.fields[`lignes.${a.convocationId}.nbCopies`]).toContain(attendu);
    }
    const sansMotif = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: 0, serviceFait: 'non_fait', motif: '' }] });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.fields[`lignes.${a.convocationId}.motif`]).toContain('obligatoire');
    const ok = await lycee.put(`${C}/missions/${f.missions.copies}`, {
      lignes: [
        { convocationId: a.convocationId, version: 0, serviceFait: 'fait', nbCopies: '12' },
        { convocationId: f.convocations.copiesChloe, version: 0, serviceFait: 'fait', nbCopies: 0 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.enregistrees).toBe(2);
    expect(ligne(ok.body, a.convocationId)).toMatchObject({ serviceFait: 'fait', nbCopies: 12, version: 1, constatPar: 'centre', constatLogin: 'ce.0350710g' });
    const audit = await p.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'constat.enregistrer').execute();
    expect(audit.length).toBe(1);
  });

  it('« Traité par le gestionnaire » : la ligne dont les frais sont validés est en lecture seule, le serveur refuse aussi', async () => {
    const d = (await lycee.get(`${C}/missions/${f.missions.copies}`)).body;
    const b = ligne(d, f.convocations.copiesBruno);
    expect(b).toMatchObject({ traite: true, mention: 'Traité par le gestionnaire' });
    const r = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: b.convocationId, version: b.version, serviceFait: 'non_fait', motif: 'Absent' }] });
    expect(r.status).toBe(409);
    expect(r.body.message).toContain('Traité par le gestionnaire');
    const frais = await p.ctx.db.selectFrom('etat_frais').select('statut').where('id', '=', f.frais.bruno).executeTakeFirstOrThrow();
    expect(frais.statut).toBe('valide_gestionnaire');
  });

  it('« Service non fait » annule les frais de l’intervenant ; revenir à « Service fait » les rétablit', async () => {
    const a = ligne((await lycee.get(`${C}/missions/${f.missions.copies}`)).body, f.convocations.copiesAlice);
    const nonFait = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: a.version, serviceFait: 'non_fait', motif: 'Absente le jour de la correction' }] });
    expect(nonFait.status).toBe(200);
    let frais = await p.ctx.db.selectFrom('etat_frais').select(['statut', 'statut_avant_annulation']).where('id', '=', f.frais.alice).executeTakeFirstOrThrow();
    expect(frais).toEqual({ statut: 'annule', statut_avant_annulation: 'non_valide' });
    const a2 = ligne(nonFait.body, a.convocationId);
    expect(a2).toMatchObject({ serviceFait: 'non_fait', motif: 'Absente le jour de la correction', frais: 'annule' });
    const fait = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: a2.version, serviceFait: 'fait', nbCopies: '12' }] });
    expect(fait.status).toBe(200);
    frais = await p.ctx.db.selectFrom('etat_frais').select(['statut', 'statut_avant_annulation']).where('id', '=', f.frais.alice).executeTakeFirstOrThrow();
    expect(frais).toEqual({ statut: 'non_valide', statut_avant_annulation: null });
    expect(ligne(fait.body, a.convocationId).motif).toBe('');
  });

  it('une page périmée reçoit 409 nommant qui a enregistré, sans rien écraser', async () => {
    const a = ligne((await lycee.get(`${C}/missions/${f.missions.copies}`)).body, f.convocations.copiesAlice);
    const parGestion = await dec.put(`${G}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: a.version, serviceFait: 'fait', nbCopies: '14' }] });
    expect(parGestion.status).toBe(200);
    expect(ligne(parGestion.body, a.convocationId)).toMatchObject({ constatPar: 'gestionnaire', constatLogin: 'dec.rennes', nbCopies: 14 });
    const perimee = await lycee.put(`${C}/missions/${f.missions.copies}`, { lignes: [{ convocationId: a.convocationId, version: a.version, serviceFait: 'fait', nbCopies: '11' }] });
    expect(perimee.status).toBe(409);
    expect(perimee.body.message).toContain('ALICE-CSF Anne');
    expect(perimee.body.message).toContain('le service de gestion (dec.rennes)');
    expect(perimee.body.message).toMatch(/le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    const c = await p.ctx.db.selectFrom('convocation').select('csf_nb_copies').where('id', '=', a.convocationId).executeTakeFirstOrThrow();
    expect(c.csf_nb_copies).toBe(14);
  });

  it('la mission est « constatée » quand chaque convoqué a son constat (par le centre ou le gestionnaire), puis masquée par défaut', async () => {
    // Bruno's constat was entered by the gestionnaire before he validated the frais.
    await p.ctx.db.updateTable('convocation').set({ service_fait: 'fait', csf_nb_copies: 10, csf_par: 'gestionnaire' }).where('id', '=', f.convocations.copiesBruno).execute();
    const r = await lycee.get(`${C}/missions`);
    expect(r.body.lignes.find((l: any) => l.id === f.missions.copies).libelleEtat).toBe('Mission constatée');
    const masque = await lycee.get(`${C}/missions?masquerConstatees=true`);
    expect(masque.body.lignes.map((l: any) => l.id)).not.toContain(f.missions.copies);
    // The counts by état still count it.
    expect(masque.body.parEtat.constatee).toBe(r.body.parEtat.constatee);
    expect(masque.body.parEtat.constatee).toBeGreaterThanOrEqual(1);
  });

  it('oral du 2nd groupe du bac général : nombre de candidats exigé quand le service est fait (0 admis), candidats inscrits de la commission', async () => {
    const d = (await lycee.get(`${C}/missions/${f.missions.oral2}`)).body;
    expect(d.regles).toMatchObject({ chiffre: 'candidats', candidatsExiges: true });
    const a = ligne(d, f.convocations.oral2Alice);
    expect(a.candidatsInscrits).toBe(9);
    const sans = await lycee.put(`${C}/missions/${f.missions.oral2}`, { lignes: [{ convocationId: a.convocationId, version: 0, serviceFait: 'fait' }] });
    expect(sans.status).toBe(400);
    expect(sans.body.fields[`lignes.${a.convocationId}.nbCandidats`]).toContain('obligatoire');
    const zero = await lycee.put(`${C}/missions/${f.missions.oral2}`, { lignes: [{ convocationId: a.convocationId, version: 0, serviceFait: 'fait', nbCandidats: '0' }] });
    expect(zero.status).toBe(200);
  });

  it('aide au déroulement : nombre d’heures effectuées', async () => {
    const r = await lycee.put(`${C}/missions/${f.missions.surveillance}`, { lignes: [{ convocationId: f.convocations.survChloe, version: 0, serviceFait: 'fait', heures: '7,5' }] });
    expect(r.status).toBe(200);
    expect(ligne(r.body, f.convocations.survChloe).heures).toBe(750);
    const lettres = await lycee.put(`${C}/missions/${f.missions.surveillance}`, { lignes: [{ convocationId: f.convocations.survChloe, version: 1, serviceFait: 'fait', heures: 'sept' }] });
    expect(lettres.status).toBe(400);
    expect(lettres.body.fields[`lignes.${f.convocations.survChloe}.heures`]).toContain("Nombre d'heures effectuées");
  });

  it('une mission à venir ne se constate pas encore', async () => {
    const r = await lycee.put(`${C}/missions/${f.missions.future}`, { lignes: [{ convocationId: f.convocations.futureAlice, version: 0, serviceFait: 'fait', nbCopies: '3' }] });
    expect(r.status).toBe(409);
    expect(r.body.message).toContain("n'est pas effectuée");
  });
});

describe('horaires par demi-journée', () => {
  it('mission commencée : horaires saisis jour par jour, heures constatées calculées ; service fait seulement à la fin', async () => {
    const url = `${C}/missions/${f.missions.pratique}/intervenants/${f.convocations.pratiqueBruno}/horaires`;
    const d = (await lycee.get(url)).body;
    expect(d).toMatchObject({ joursMission: ['2026-06-14', '2026-06-15', '2026-06-16'], horairesOuverts: true, saisieOuverte: false, horaires: [] });
    const fausses = await lycee.put(url, { version: 0, horaires: [{ jour: '2026-06-14', debutMatin: '12:00', finMatin: '10:00' }] });
    expect(fausses.status).toBe(400);
    expect(fausses.body.fields['horaires.2026-06-14.finMatin']).toBe('14/06/2026 : la fin du matin doit être après son début.');
    const horsMission = await lycee.put(url, { version: 0, horaires: [{ jour: '2026-06-20', debutMatin: '08:00', finMatin: '10:00' }] });
    expect(horsMission.status).toBe(400);
    const ok = await lycee.put(url, {
      version: 0,
      horaires: [
        { jour: '2026-06-14', debutMatin: '08:00', finMatin: '12:00', debutApresMidi: '13:30', finApresMidi: '17:00' },
        { jour: '2026-06-15', debutMatin: '10:00', finMatin: '12:00', debutApresMidi: '', finApresMidi: '' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.intervenant.heures).toBe(950);
    expect(ok.body.horaires).toHaveLength(2);
    const tropTot = await lycee.put(url, { version: 1, horaires: [], serviceFait: 'fait' });
    expect(tropTot.status).toBe(409);
    // Once the mission is over (its last days moved before today), the same screen records service fait.
    await p.ctx.db.deleteFrom('mission_date').where('mission_id', '=', f.missions.pratique).where('jour', '>', '2026-06-14').execute();
    const fin = await lycee.put(url, { version: 1, horaires: [ok.body.horaires[0]], serviceFait: 'fait' });
    expect(fin.status).toBe(200);
    expect(fin.body.intervenant).toMatchObject({ serviceFait: 'fait', heures: 750 });
    const detail = (await lycee.get(`${C}/missions/${f.missions.pratique}`)).body;
    expect(detail.mission.libelleEtat).toBe('Mission constatée');
  });
});

describe('gestionnaire', () => {
  it('voit toutes les missions des centres de l’académie avec les comptes (convoqués, constatés, non faits), filtrables par centre et par examen', async () => {
    const r = await dec.get(`${G}/missions`);
    expect(r.status).toBe(200);
    const ids = r.body.lignes.map((l: any) => l.id);
    expect(ids).toContain(f.missions.autreCentre);
    expect(ids).not.toContain(f.missions.toulouse);
    expect(ids).not.toContain(f.missions.cec);
    const copies = r.body.lignes.find((l: any) => l.id === f.missions.copies);
    expect(copies).toMatchObject({ nbConvoques: 3, nbConstates: 3, nbNonFaits: 0, centre: 'LGT LA PROMENADE RENNES (0350710G)' });
    expect(r.body.parEtat.constatee).toBeGreaterThanOrEqual(1);
    const parCentre = await dec.get(`${G}/missions?centre=${f.etabs.college}`);
    expect(parCentre.body.lignes.map((l: any) => l.id)).toEqual([f.missions.autreCentre]);
    const ea = await dec.get(`${G}/missions?examens=43A`);
    expect(ea.body.lignes.map((l: any) => l.id)).toEqual([f.missions.ea]);
    const filtres = await dec.get(`${G}/filtres`);
    expect(filtres.body.centres.map((c: any) => c.id).sort()).toEqual([f.etabs.lycee, f.etabs.college].sort());
  });
});

describe('« Télécharger liste (pdf) »', () => {
  it('le « Constat de service » : établissement, mission, intervenants, OUI/NON, service fait, rémunération, page X / Y', async () => {
    const r = await lycee.get(`${C}/missions/${f.missions.copies}/pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('constat_service_mission_');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Constat de service');
    expect(pages).toHaveLength(1);
    const t = pages[0]!;
    for (const attendu of ['ACADEMIE DE RENNES', 'LGT LA PROMENADE RENNES (0350710G)', 'Constat de service', '470, BCG, 2026-06, BGT 2026', 'C010, Mathématiques', '10/06/2026', 'ALICE-CSF Anne', 'Service fait', 'Nombre de copies : 14', 'Nombre de copies : 10', 'Cand. inscrits épreuve', 'NON', 'Page 1 / 1', 'Edité le']) {
      expect(t).toContain(attendu);
    }
  });
});
