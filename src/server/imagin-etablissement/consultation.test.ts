import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
let college: TestClient;
let toulouse: TestClient;
const C = '/api/etablissement/consultation';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
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

describe('liste des personnels', () => {
  it("montre les personnels qui exercent dans l'établissement à titre principal ou secondaire, et eux seuls", async () => {
    const r = await lycee.get(`${C}/personnels`);
    expect(r.status).toBe(200);
    expect(r.body.filtre).toBeNull();
    expect(r.body.lignes.map((l: any) => l.nom)).toEqual(['ALICE-TEST', 'BRUNO-TEST', 'EMMA-TEST']);
    const alice = r.body.lignes[0];
    expect(alice).toEqual({ id: f.personnes.alice, civilite: 'Mme', nom: 'ALICE-TEST', prenom: 'Anne', disciplinePoste: 'MATHEMATIQUES', derniereConvocation: '2026-05-28', principal: true });
    // Bruno works here à titre secondaire; Emma is affected but not convoked: no "Dernière convoc.".
    expect(r.body.lignes[1]).toMatchObject({ nom: 'BRUNO-TEST', principal: false, derniereConvocation: '2026-05-29' });
    expect(r.body.lignes[2]).toMatchObject({ nom: 'EMMA-TEST', derniereConvocation: null });
    const c = await college.get(`${C}/personnels`);
    expect(c.body.lignes.map((l: any) => l.nom)).toEqual(['BRUNO-TEST', 'CHLOE-TEST']);
    // The Toulouse convocation of Alice does not count as Rennes' "Dernière convoc."; Toulouse sees its own only.
    const t = await toulouse.get(`${C}/personnels`);
    expect(t.body.lignes.map((l: any) => l.nom)).toEqual(['DENIS-TEST']);
  });

  it('filtre « de disponibilité » : sans indisponibilité déclarée sur la période (bornes incluses)', async () => {
    const noms = async (q: string) => (await lycee.get(`${C}/personnels?${q}`)).body.lignes.map((l: any) => l.nom);
    // Alice's EPP indisponibilité runs 01/03 – 10/03/2026.
    expect(await noms('filtre=disponibilite&du=10/03/2026&au=12/03/2026')).toEqual(['BRUNO-TEST', 'EMMA-TEST']);
    expect(await noms('filtre=disponibilite&du=11/03/2026&au=12/03/2026')).toEqual(['ALICE-TEST', 'BRUNO-TEST', 'EMMA-TEST']);
    expect(await noms('filtre=disponibilite&du=20/02/2026&au=01/03/2026')).toEqual(['BRUNO-TEST', 'EMMA-TEST']);
    // Bruno's indisponibilité declared by the college counts here too: it is his.
    expect(await noms('filtre=disponibilite&du=04/05/2026&au=04/05/2026')).toEqual(['ALICE-TEST', 'EMMA-TEST']);
    // The Toulouse convocation made Alice unavailable on 25/06/2026.
    expect(await noms('filtre=disponibilite&du=25/06/2026&au=25/06/2026')).toEqual(['BRUNO-TEST', 'EMMA-TEST']);
  });

  it('filtre « de convocation » : convoqué sur la période par l’académie, affectations non convoquées exclues', async () => {
    const noms = async (q: string) => (await lycee.get(`${C}/personnels?${q}`)).body.lignes.map((l: any) => l.nom);
    // M1 on 15–16/06: Alice convoked, Emma only affected.
    expect(await noms('filtre=convocation&du=16/06/2026&au=16/06/2026')).toEqual(['ALICE-TEST']);
    expect(await noms('filtre=convocation&du=17/06/2026&au=21/06/2026')).toEqual([]);
    // Bruno's own date on M2 (22/06), Alice through the commission's date (23/06), not the mission's 22/06.
    expect(await noms('filtre=convocation&du=22/06/2026&au=22/06/2026')).toEqual(['BRUNO-TEST']);
    expect(await noms('filtre=convocation&du=23/06/2026&au=23/06/2026')).toEqual(['ALICE-TEST']);
    // Toulouse's convocation is not a convocation of this académie.
    expect(await noms('filtre=convocation&du=25/06/2026&au=25/06/2026')).toEqual([]);
    // ISO dates are accepted too (the web app sends them).
    expect(await noms('filtre=convocation&du=2025-06-18&au=2025-06-18')).toEqual(['ALICE-TEST']);
  });

  it('exige des dates au format JJ/MM/AAAA, dans l’ordre, avec un message qui nomme le champ', async () => {
    const manque = await lycee.get(`${C}/personnels?filtre=disponibilite&du=01/06/2026`);
    expect(manque.status).toBe(400);
    expect(manque.body.fields.au).toBe('La date de fin de la période est obligatoire (format JJ/MM/AAAA).');
    const format = await lycee.get(`${C}/personnels?filtre=convocation&du=2026/06/01&au=02/06/2026`);
    expect(format.status).toBe(400);
    expect(format.body.fields.du).toBe('La date de début de la période doit être au format JJ/MM/AAAA (par exemple 15/06/2026).');
    const ordre = await lycee.get(`${C}/personnels?filtre=convocation&du=02/06/2026&au=01/06/2026`);
    expect(ordre.status).toBe(400);
    expect(ordre.body.message).toContain('La date de fin de la période doit être postérieure ou égale à sa date de début.');
    expect((await lycee.get(`${C}/personnels?filtre=autre&du=01/06/2026&au=02/06/2026`)).status).toBe(400);
  });
});

describe("fiche d'un agent", () => {
  it('donne l’en-tête de l’agent', async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.alice}`);
    expect(r.body).toMatchObject({ nom: 'ALICE-TEST', prenom: 'Anne', disciplinePoste: 'MATHEMATIQUES', derniereConvocation: '2026-05-28' });
  });

  it('« Affectations convoquées » : les convocations de l’académie, par date de début', async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.alice}/affectations`);
    expect(r.status).toBe(200);
    expect(r.body.message).toBeNull();
    expect(r.body.lignes.map((l: any) => l.numeroMission)).toEqual([111759, 112440, 112441]);
    expect(r.body.lignes[1]).toMatchObject({
      debut: '2026-06-15',
      examen: 'BCG 2026',
      mission: 'CORRECTION DE COPIES',
      centreExamen: 'LGT LA PROMENADE RENNES',
      qualite: 'Correcteur',
      specialite: 'BCG - BACCALAUREAT GENERAL',
      epreuveOption: 'C010, Mathématiques',
      dates: ['Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s)'],
      statut: 'Convoquée',
    });
    // Through its commission: the commission's date, not the mission's.
    expect(r.body.lignes[2]).toMatchObject({ debut: '2026-06-23', commission: 'COM1', statut: 'Convoquée par centre' });
  });

  it("affiche un message d'information quand des missions sont affectées mais pas encore convoquées", async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.emma}/affectations`);
    expect(r.body.lignes).toEqual([]);
    expect(r.body.nonConvoquees).toBe(1);
    expect(r.body.message).toBe("Une mission est affectée à cet agent mais n'est pas encore convoquée.");
  });

  it('télécharge le duplicata de chaque convocation en PDF', async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.alice}/affectations/${f.convocations.cAliceM2}/duplicata`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('ALICE-TEST_Anne_112441.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Convocation');
    const texte = pages.join(' ');
    for (const attendu of [
      'ACADEMIE DE RENNES',
      'LGT LA PROMENADE RENNES (0350710G)',
      'Duplicata',
      "Dossier suivi par le centre d'examen",
      'Mme ALICE-TEST Anne',
      'N° 112441 INTERROGATION ORALE',
      '470, BCG, 2026-06, BGT 2026',
      '1-T004-1, Epr orale terminale (Gd oral)',
      'COM1',
      '12 AVENUE DE LA PROMENADE 35000 RENNES',
      'mardi 23/06/2026',
      '14:00',
      '18:00',
      'Le proviseur, chef de centre',
      'M. PROVISEUR-TEST',
      // Dated as the convocation it copies (edited on 28/05), printed today.
      'Fait à RENNES, le 28/05/2026',
      'Edité le 15/06/2026',
      'Page 1 / 1',
    ]) {
      expect(texte).toContain(attendu);
    }
    // Made by the gestionnaire: no "Dossier suivi par le centre", the DEC signs.
    const g = await lycee.get(`${C}/personnels/${f.personnes.alice}/affectations/${f.convocations.cAliceM1}/duplicata`);
    const tg = (await textePdf(g.raw)).pages.join(' ');
    expect(tg).not.toContain("Dossier suivi par le centre d'examen");
    expect(tg).toContain('DIVISION DES EXAMENS ET CONCOURS');
    expect(tg).toContain('Correcteur');
    expect(tg).toContain('lundi 15/06/2026');
    expect(tg).toContain('mardi 16/06/2026');
    expect(tg).toContain("Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.");
    expect(tg).toContain('Le chef de la division des examens et concours');
    const journal = await p.ctx.db.selectFrom('audit_log').select(['action', 'entite_id']).where('action', '=', 'convocation.duplicata').execute();
    expect(journal.map((j) => j.entite_id)).toEqual([String(f.convocations.cAliceM2), String(f.convocations.cAliceM1)]);
  });

  it('ne donne pas de duplicata pour une convocation non convoquée, d’une autre académie ou d’un autre agent', async () => {
    const base = `${C}/personnels`;
    expect((await lycee.get(`${base}/${f.personnes.emma}/affectations/${f.convocations.cEmmaM1}/duplicata`)).status).toBe(404);
    expect((await lycee.get(`${base}/${f.personnes.alice}/affectations/${f.convocations.cAliceM4}/duplicata`)).status).toBe(404);
    expect((await lycee.get(`${base}/${f.personnes.emma}/affectations/${f.convocations.cAliceM1}/duplicata`)).status).toBe(404);
  });

  it('« Indisponibilités » : de la plus récente à la plus ancienne, avec le récapitulatif d’une convocation d’une autre académie', async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.alice}/indisponibilites`);
    expect(r.body.lignes.map((l: any) => l.motif)).toEqual(['CONVOCATION PAR IMAGIN TOULOUSE', 'SORTIE PEDAGOGIQUE', 'CONGE DE MALADIE', 'CONGE DE FORMATION PROFESSIONNELLE']);
    const toul = r.body.lignes[0];
    expect(toul).toMatchObject({ dateDebut: '2026-06-25', heureDebut: '08:00', dateFin: '2026-06-25', heureFin: '12:00', source: 'CONVOCATION', convocationAutreAcademie: true, supprimable: false });
    const recap = await lycee.get(toul.recapitulatif);
    expect(recap.status).toBe(200);
    expect(recap.body).toMatchObject({
      academie: 'Académie de Toulouse',
      numeroMission: 195466,
      mission: 'INTERROGATION ORALE',
      centreExamen: 'LGT LA DECOUVERTE DECAZEVILLE (0120006S)',
      qualite: 'Interrogateur',
      dates: [{ jour: '2026-06-25', heureDebut: '08:00', heureFin: '12:00' }],
    });
    expect(r.body.lignes[2].recapitulatif).toBeNull();
    expect((await lycee.get(`${C}/personnels/${f.personnes.alice}/indisponibilites/${f.indisponibilites.iEpp}/convocation`)).status).toBe(404);
  });

  it('« Enseignements » : en lecture seule, depuis STS-WEB', async () => {
    const r = await lycee.get(`${C}/personnels/${f.personnes.bruno}/enseignements`);
    expect(r.body.lignes).toEqual([
      expect.objectContaining({ etablissement: 'CLG DU PARC RENNES', uai: '0350711H', matiere: 'PHYSIQUE-CHIMIE', modaliteCours: 'CG', mef: '3EME', typeMef: '3EME', structure: 'Groupe : 3B', anneeScolaire: '2025-2026' }),
    ]);
  });

  it('propose les années des missions pour la fenêtre des téléchargements', async () => {
    const r = await lycee.get(`${C}/annees-missions`);
    expect(r.body).toEqual({ annees: [2026, 2025], parDefaut: [2026] });
  });
});

describe("portée : jamais les personnels d'un autre établissement", () => {
  it('répond 404, jamais 403 ni données, même en changeant un identifiant dans l’adresse', async () => {
    const autres = [f.personnes.chloe, f.personnes.denis, 999_999];
    const routes = (id: number) => [
      `${C}/personnels/${id}`,
      `${C}/personnels/${id}/affectations`,
      `${C}/personnels/${id}/indisponibilites`,
      `${C}/personnels/${id}/enseignements`,
      `${C}/personnels/${id}/affectations/${f.convocations.cAliceM1}/duplicata`,
      `${C}/personnels/${id}/indisponibilites/${f.indisponibilites.iToulouse}/convocation`,
      `/api/etablissement/indisponibilites/personnels/${id}`,
      `/api/etablissement/competences/personnels/${id}`,
      `/api/etablissement/competences/personnels/${id}/enseignements`,
    ];
    for (const id of autres) {
      for (const url of routes(id)) {
        const r = await lycee.get(url);
        expect(r.status, url).toBe(404);
        expect(r.body.code, url).toBe('INTROUVABLE');
        expect(JSON.stringify(r.body), url).not.toMatch(/CHLOE|DENIS/);
      }
    }
    // The Toulouse chef does not reach a Rennes person either.
    for (const url of routes(f.personnes.alice)) expect((await toulouse.get(url)).status, url).toBe(404);
    // Writes too.
    expect((await lycee.post(`/api/etablissement/indisponibilites/personnels/${f.personnes.chloe}`, { dateDebut: '01/09/2026', dateFin: '02/09/2026', motif: 'X' })).status).toBe(404);
    expect((await lycee.request('DELETE', `/api/etablissement/indisponibilites/personnels/${f.personnes.chloe}/${f.indisponibilites.iCollege}`)).status).toBe(404);
    expect((await lycee.post(`/api/etablissement/competences/personnels/${f.personnes.chloe}`, { epreuveOptionId: f.epreuves.c010 })).status).toBe(404);
    expect((await lycee.post(`/api/etablissement/competences/personnels/${f.personnes.chloe}/${f.competences.kChloeMath}/invalidation`)).status).toBe(404);
    // An export naming one person of another établissement exports nothing.
    const ex = await lycee.post(`${C}/exports`, { contenu: 'personnels', format: 'csv', ids: [f.personnes.alice, f.personnes.chloe] });
    expect(ex.status).toBe(404);
    expect(String(ex.raw)).not.toContain('ALICE');
  });
});

describe('ouverture des activités', () => {
  it("refuse une activité fermée par le gestionnaire, avec le message de l'activité fermée", async () => {
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    expect((await dec.put('/api/gestion/activites/imagin-etablissement/consultation-personnels', { ouverte: false })).status).toBe(200);
    const r = await lycee.get(`${C}/personnels`);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ACTIVITE_FERMEE');
    // The other activities stay open.
    expect((await lycee.get('/api/etablissement/indisponibilites/personnels')).status).toBe(200);
    await dec.put('/api/gestion/activites/imagin-etablissement/consultation-personnels', { ouverte: true });
    expect((await lycee.get(`${C}/personnels`)).status).toBe(200);
  });
});
