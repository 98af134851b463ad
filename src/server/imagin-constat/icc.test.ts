// Indemnités des chefs de centre (003 §4.5) over HTTP: the sessions of the centre, the seed's example
// (1 268,00 €, 5,5 % = 69,74 €), bad input on the field, totals over the global amount refused, 409 on
// a stale save, scope (another centre's ICC is 404, also by changing ids), transmission once and
// read-only, the gestionnaire's pre-fill, modification after transmission and decisions per line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureConstat } from './fixtures.ts';
import { marquerLignesPayees } from './icc.repo.ts';

const C = '/api/centre/icc';
const G = '/api/gestion/icc';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let lycee: TestClient;
let college: TestClient;
let dec: TestClient;
let decToulouse: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  decToulouse = p.client();
  await decToulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('liste des sessions', () => {
  it("les sessions BAC et BTS de l'année où l'établissement est centre, avec N/A pour le remplacement du BTS ; « Aucune session d'examen » sinon", async () => {
    const r = await lycee.get(`${C}/sessions`);
    expect(r.status).toBe(200);
    expect(r.body.annees).toEqual([2026]);
    expect(r.body.lignes.map((l: any) => l.session)).toEqual(['320, BTS, 2026-06, BTS 2026', '43A, EA-BTN, 2026, EA 2026', '470, BCG, 2026-06, BGT 2026']);
    const bts = r.body.lignes[0];
    expect(bts.remplacement).toEqual({ statutSaisie: 'N/A', suivi: 'N/A' });
    expect(r.body.lignes[1].normale).toEqual({ statutSaisie: '', suivi: '' });
    const anciennes = await lycee.get(`${C}/sessions?annees=2025,2026&examens=470`);
    expect(anciennes.body.lignes.map((l: any) => l.session)).toEqual(['470, BCG, 2026-06, BGT 2026', '470, BCG, 2025-06, BGT 2025']);
    const vide = await college.get(`${C}/sessions?examens=43A`);
    expect(vide.body).toMatchObject({ total: 0, messageVide: "Aucune session d'examen" });
    expect((await lycee.get(`${C}/sessions?annees=2027`)).status).toBe(400);
  });
});

describe('saisie et répartition', () => {
  const url = () => `${C}/sessions/${f.sessions.ea2026}/normale`;

  it('détail : données issues de CYCLADES en suggestion, tranches et taux du BAC', async () => {
    const r = await lycee.get(url());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ declaration: null, modifiable: true, journeesModifiables: true, cyclades: { dateDebut: '2026-06-15', journees: [60, 0, 0] } });
    expect(r.body.tranches.map((t: any) => t.libelle)).toEqual(['De 1 à 600 candidats', 'Plus de 600 candidats', 'Supplémentaires']);
    expect(r.body.taux).toEqual([17_300, 23_000, 17_300]);
    expect(r.body.periodes.map((x: any) => x.libelle)).toEqual(['Session normale', 'Epreuves de remplacement']);
  });

  it("mauvaises saisies : un message en français sur le champ, rien n'est enregistré", async () => {
    const base = { version: null, dateDebut: '15/06/2026', journees: ['6', '1', '0'], lignes: [] as any[] };
    const cas: Array<[any, string, string]> = [
      [{ ...base, journees: ['six', '1', '0'] }, 'journees.0', 'De 1 à 600 candidats'],
      [{ ...base, journees: ['6', '100', '0'] }, 'journees.1', 'inférieure à 100'],
      [{ ...base, journees: ['6', '1', '3,5'] }, 'journees.2', 'inférieure ou égale à 3'],
      [{ ...base, dateDebut: '31/02/2026' }, 'dateDebut', "n'existe pas"],
      [{ ...base, dateDebut: '' }, 'dateDebut', 'obligatoire'],
      [{ ...base, lignes: [{ personneId: f.personnes.alice, pourcentage: '100,5' }] }, `lignes.${f.personnes.alice}.pourcentage`, 'inférieure ou égale à 100'],
      [{ ...base, lignes: [{ personneId: f.personnes.alice, montant: '12,345' }] }, `lignes.${f.personnes.alice}.montant`, '2 chiffres'],
      [{ ...base, lignes: [{ personneId: f.personnes.alice, pourcentage: '5', montant: '10' }] }, `lignes.${f.personnes.alice}`, 'soit une répartition'],
      [{ ...base, lignes: [{ personneId: f.personnes.denis, montant: '10' }] }, `lignes.${f.personnes.denis}`, "n'est pas un personnel de l'académie"],
    ];
    for (const [corps, champ, attendu] of cas) {
      const r = await lycee.put(url(), corps);
      expect(r.status, champ).toBe(400);
      expect(r.body.fields[champ], champ).toContain(attendu);
    }
    const trop = await lycee.put(url(), { ...base, lignes: [{ personneId: f.personnes.alice, pourcentage: '100' }, { personneId: f.personnes.bruno, montant: '0,01' }] });
    expect(trop.status).toBe(400);
    expect(nbsp(trop.body.message)).toBe('Le total réparti (1 268,01 €) dépasse le montant global calculé (1 268,00 €) de 0,01 € : réduisez la répartition.');
    expect(await p.ctx.db.selectFrom('icc_declaration').select('id').execute()).toEqual([]);
  });

  it("l'exemple du seed : 6 journées ≤ 600 et 1 > 600 font 1 268,00 € ; 5,5 % = 69,74 € ; total réparti 389,48 €, restant 878,52 €", async () => {
    const r = await lycee.put(url(), {
      version: null,
      dateDebut: '15/06/2026',
      journees: ['6', '1', ''],
      lignes: [
        { personneId: f.personnes.roberta, pourcentage: '5,5' },
        { personneId: f.personnes.alice, montant: '250' },
        { personneId: f.personnes.bruno, pourcentage: '5,5' },
      ],
    });
    expect(r.status).toBe(200);
    const d = r.body.declaration;
    expect(d).toMatchObject({ montant: 126_800, journees: [60, 10, 0], dateDebut: '2026-06-15', statutSaisie: 'non_transmis', libelleStatutSaisie: 'NON TRANSMIS', version: 1 });
    expect(d.lignes.map((l: any) => [l.nomPrenom, l.pourcentage, l.montant])).toEqual([
      ['ALICE-CSF Anne', null, 25_000],
      ['BRUNO-CSF Bruno', 55, 6_974],
      ['COULEAU DUPONT-A ROBERTA-A', 55, 6_974],
    ]);
    expect(d.totaux).toEqual({ reparti: 38_948, restant: 87_852 });
    const liste = await lycee.get(`${C}/sessions`);
    expect(liste.body.lignes.find((l: any) => l.sessionId === f.sessions.ea2026).normale).toEqual({ statutSaisie: 'Non transmis', suivi: '' });
  });

  it('409 sur une page périmée, nommant qui a enregistré', async () => {
    const perimee = await lycee.put(url(), { version: 0, dateDebut: '15/06/2026', journees: ['6', '1', '0'], lignes: [] });
    expect(perimee.status).toBe(409);
    expect(perimee.body.message).toContain('ce.0350710g');
    const creation = await lycee.put(url(), { version: null, dateDebut: '15/06/2026', journees: ['6', '1', '0'], lignes: [] });
    expect(creation.status).toBe(409);
  });

  it("portée : l'ICC d'un autre centre ou d'une autre académie est introuvable (404), aussi en changeant les identifiants", async () => {
    expect((await college.get(url())).status).toBe(404);
    expect((await college.put(url(), { version: 1, dateDebut: '15/06/2026', journees: ['1', '0', '0'], lignes: [] })).status).toBe(404);
    expect((await college.post(`${url()}/transmission`, { version: 1 })).status).toBe(404);
    expect((await lycee.get(`${C}/sessions/${f.sessions.concours}/normale`)).status).toBe(404);
    expect((await lycee.get(`${C}/sessions/${f.sessions.bts2026}/remplacement`)).status).toBe(404);
    expect((await lycee.get(`${C}/sessions/999999/normale`)).status).toBe(404);
    expect((await decToulouse.get(`${G}/sessions/${f.sessions.ea2026}/centres/${f.etabs.lycee}/normale`)).status).toBe(404);
    const ligne = (await p.ctx.db.selectFrom('icc_repartition').select('id').executeTakeFirstOrThrow()).id;
    expect((await decToulouse.post(`${G}/lignes/${ligne}/decision`, { version: 1, decision: 'valide' })).status).toBe(404);
  });

  it('« Transmettre » : TRANSMIS, suivi INITIALISE, lecture seule avec le message du seed ; une seconde transmission ne change rien', async () => {
    const t = await lycee.post(`${url()}/transmission`, { version: 1 });
    expect(t.status).toBe(200);
    expect(t.body.declaration).toMatchObject({ statutSaisie: 'transmis', libelleStatutSaisie: 'TRANSMIS', suivi: 'initialise', libelleSuivi: 'Initialisé' });
    expect(t.body.modifiable).toBe(false);
    expect(t.body.message).toBe('Vos indemnités ont été transmises au service Gestionnaire. Pour toute modification, veuillez contacter ce service.');
    const encore = await lycee.post(`${url()}/transmission`, { version: 1 });
    expect(encore.status).toBe(200);
    expect(encore.body.declaration.version).toBe(t.body.declaration.version);
    const modif = await lycee.put(url(), { version: t.body.declaration.version, dateDebut: '15/06/2026', journees: ['6', '1', '0'], lignes: [] });
    expect(modif.status).toBe(409);
    expect(modif.body.message).toContain('transmises au service Gestionnaire');
    expect((await lycee.delete(`${url()}?version=${t.body.declaration.version}`)).status).toBe(409);
  });
});

describe('gestionnaire', () => {
  it("liste des déclarations de l'académie ; validation et rejet (motif obligatoire) ligne à ligne ; Rejeté, Validé puis Accepté", async () => {
    const liste = await dec.get(`${G}/declarations`);
    expect(liste.status).toBe(200);
    expect(liste.body.lignes).toHaveLength(1);
    expect(liste.body.lignes[0]).toMatchObject({ statutSaisie: 'Transmis', suivi: 'Initialisé', montant: 126_800, reparti: 38_948, nbLignes: 3 });
    const url = `${G}/sessions/${f.sessions.ea2026}/centres/${f.etabs.lycee}/normale`;
    let d = (await dec.get(url)).body;
    expect(d.modifiable).toBe(true);
    const [l1, l2, l3] = d.declaration.lignes;
    const sansMotif = await dec.post(`${G}/lignes/${l1.id}/decision`, { version: d.declaration.version, decision: 'rejete' });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.fields.motif).toContain('obligatoire');
    d = (await dec.post(`${G}/lignes/${l1.id}/decision`, { version: d.declaration.version, decision: 'rejete', motif: 'Intervenant non présent' })).body;
    expect(d.declaration.libelleSuivi).toBe('Rejeté');
    for (const l of [l1, l2, l3]) d = (await dec.post(`${G}/lignes/${l.id}/decision`, { version: d.declaration.version, decision: 'valide' })).body;
    expect(d.declaration.libelleSuivi).toBe('Validé');
    expect((await lycee.get(`${C}/sessions`)).body.lignes.find((l: any) => l.sessionId === f.sessions.ea2026).normale).toEqual({ statutSaisie: 'Transmis', suivi: 'Validé' });
    // The liquidation's hook marks the lines paid.
    await p.ctx.db.transaction().execute((trx) => marquerLignesPayees(trx, [l1.id, l2.id, l3.id], new Date()));
    d = (await dec.get(url)).body;
    expect(d.declaration.libelleSuivi).toBe('Accepté');
    const apresPaiement = await dec.put(url, { version: d.declaration.version, dateDebut: '15/06/2026', journees: ['6', '1', '0'], lignes: [] });
    expect(apresPaiement.status).toBe(409);
    expect(apresPaiement.body.message).toContain('payée');
  });

  it('pré-renseigne les journées et le montant d’un centre ; le centre ne fait alors que répartir', async () => {
    const url = `${G}/sessions/${f.sessions.bts2026}/centres/${f.etabs.lycee}/normale`;
    const r = await dec.put(url, { version: null, dateDebut: '12/05/2026', journees: ['2', '1,5', '1'], lignes: [] });
    expect(r.status).toBe(200);
    expect(r.body.declaration).toMatchObject({ prerempli: true, montant: 10_000 + 12_000 + 15_000 });
    const cote = await lycee.get(`${C}/sessions/${f.sessions.bts2026}/normale`);
    expect(cote.body).toMatchObject({ journeesModifiables: false, modifiable: true });
    const rep = await lycee.put(`${C}/sessions/${f.sessions.bts2026}/normale`, { version: cote.body.declaration.version, dateDebut: '01/01/2026', journees: ['99', '0', '0'], lignes: [{ personneId: f.personnes.alice, pourcentage: '50' }] });
    expect(rep.status).toBe(200);
    expect(rep.body.declaration).toMatchObject({ montant: 37_000, journees: [20, 15, 10], dateDebut: '2026-05-12' });
    expect(rep.body.declaration.lignes[0].montant).toBe(18_500);
    // « Supprimer » removes the centre's répartition, the gestionnaire's figures stay.
    const sup = await lycee.delete(`${C}/sessions/${f.sessions.bts2026}/normale?version=${rep.body.declaration.version}`);
    expect(sup.status).toBe(200);
    expect(sup.body.declaration).toMatchObject({ montant: 37_000, lignes: [] });
  });

  it('modifie une déclaration transmise : une ligne dont le montant change repasse « A traiter », les autres gardent leur décision', async () => {
    const c = `${C}/sessions/${f.sessions.bts2026}/normale`;
    let d = (await lycee.get(c)).body;
    d = (await lycee.put(c, { version: d.declaration.version, dateDebut: null, journees: [null, null, null], lignes: [{ personneId: f.personnes.alice, pourcentage: '50' }, { personneId: f.personnes.bruno, montant: '100' }] })).body;
    d = (await lycee.post(`${c}/transmission`, { version: d.declaration.version })).body;
    const url = `${G}/sessions/${f.sessions.bts2026}/centres/${f.etabs.lycee}/normale`;
    let g = (await dec.get(url)).body;
    for (const l of g.declaration.lignes) g = (await dec.post(`${G}/lignes/${l.id}/decision`, { version: g.declaration.version, decision: 'valide' })).body;
    expect(g.declaration.libelleSuivi).toBe('Validé');
    const modif = await dec.put(url, { version: g.declaration.version, dateDebut: '12/05/2026', journees: ['4', '1,5', '1'], lignes: [{ personneId: f.personnes.alice, pourcentage: '50' }, { personneId: f.personnes.bruno, montant: '100' }] });
    expect(modif.status).toBe(200);
    expect(modif.body.declaration.montant).toBe(47_000);
    expect(modif.body.declaration.lignes.map((l: any) => [l.nomPrenom, l.montant, l.statut])).toEqual([
      ['ALICE-CSF Anne', 23_500, 'a_traiter'],
      ['BRUNO-CSF Bruno', 10_000, 'valide'],
    ]);
    expect(modif.body.declaration).toMatchObject({ statutSaisie: 'transmis', libelleSuivi: 'Initialisé' });
    // The centre still reads it, read-only.
    expect((await lycee.get(c)).body).toMatchObject({ modifiable: false, declaration: { montant: 47_000 } });
  });
});
