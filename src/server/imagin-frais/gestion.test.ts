// « Traitement des états de frais » and « Paramètres des états de frais » (gestionnaire, decision 0032)
// on the database: scope (another académie's état → 404, by changing ids), filters and counts per
// status, corrections (old → new, reason, audited), Valider / Rejeter (mail in the outbox) / Annuler
// with their transitions and 409s (stale version naming who, refused state, in a liquidation batch),
// grouping of contrôle continu missions, the mass validation treatment (refused ones with their reason,
// one per académie at a time), and the parameters' versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { attendre, createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { TRAITEMENT_VALIDATION_MASSE } from './gestion.traitement.ts';
import { CONDITIONS_PAR_DEFAUT } from './parametres.service.ts';

const G = '/api/gestion/etats-frais';
const P = '/api/gestion/frais-parametres';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let dec: TestClient;
let dec2: TestClient;
let decToulouse: TestClient;
let prof: TestClient;
let etat = {} as Record<keyof Awaited<ReturnType<typeof fixtureConstat>>['convocations'], number>;

async function connecte(login: string, service: 'imagin-gestion' | 'imagin-intervenant') {
  const c = p.client();
  await c.login(service, login, MOT_DE_PASSE);
  return c;
}

async function fixer(id: number, v: Record<string, unknown>) {
  await p.ctx.db.updateTable('etat_frais').set(v as never).where('id', '=', id).execute();
}

async function lire(id: number) {
  return p.ctx.db.selectFrom('etat_frais').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function version(id: number) {
  return (await lire(id)).version;
}

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  const db = p.ctx.db;
  const rows = await db.selectFrom('etat_frais').select(['id', 'convocation_id']).execute();
  const par = new Map(rows.map((r) => [r.convocation_id, r.id]));
  etat = Object.fromEntries(Object.entries(f.convocations).map(([k, c]) => [k, par.get(c)!])) as typeof etat;
  await fixtureCompte(p, { login: 'dec2.rennes', role: 'gestionnaire' });
  await fixtureCompte(p, { login: 'prof.frais', role: 'intervenant', personneId: f.personnes.alice });
  await db.updateTable('personne').set({ email_pro: 'anne.alice@ac-rennes.fr' }).where('id', '=', f.personnes.alice).execute();
  dec = await connecte('dec.rennes', 'imagin-gestion');
  dec2 = await connecte('dec2.rennes', 'imagin-gestion');
  decToulouse = await connecte('dec.toulouse', 'imagin-gestion');
  prof = await connecte('prof.frais', 'imagin-intervenant');
});

afterAll(async () => {
  await p?.close();
});

describe('Traitement des états de frais : périmètre', () => {
  it("la liste ne montre que les états de l'académie", async () => {
    const r = await dec.get(G);
    expect(r.status).toBe(200);
    const ids = r.body.lignes.map((l: { id: number }) => l.id);
    expect(ids).toContain(etat.copiesAlice);
    expect(ids).not.toContain(etat.toulouseDenis);
    expect(r.body.total).toBe(8);
    const t = await decToulouse.get(G);
    expect(t.body.lignes.map((l: { id: number }) => l.id)).toEqual([etat.toulouseDenis]);
  });

  it("l'état d'une autre académie répond 404, en lecture comme en écriture (identifiants changés)", async () => {
    expect((await decToulouse.get(`${G}/${etat.copiesAlice}`)).status).toBe(404);
    expect((await dec.get(`${G}/${etat.toulouseDenis}`)).status).toBe(404);
    expect((await dec.get(`${G}/999999`)).status).toBe(404);
    const v = await version(etat.toulouseDenis);
    for (const [url, body] of [
      [`${G}/${etat.toulouseDenis}/valider`, { version: v }],
      [`${G}/${etat.toulouseDenis}/rejeter`, { version: v, motif: 'Pièces manquantes' }],
      [`${G}/${etat.toulouseDenis}/annuler`, { version: v, motif: 'Doublon' }],
      [`${G}/${etat.toulouseDenis}/corriger`, { version: v, champ: 'copies', valeur: 3, motif: 'Erreur de saisie' }],
    ] as const) {
      const r = await dec.post(url, body);
      expect(r.status, url).toBe(404);
      expect(r.body.message).toMatch(/n'appartient pas à votre académie/);
    }
    const r = await dec.post(`${G}/regrouper`, { etatIds: [etat.copiesAlice, etat.toulouseDenis], versions: [1, v], commentaire: 'Regroupement' });
    expect(r.status).toBe(404);
    expect((await lire(etat.toulouseDenis)).statut).toBe('non_valide');
  });

  it("un intervenant n'y accède pas", async () => {
    expect((await prof.get(G)).status).toBe(403);
    expect((await prof.get(P)).status).toBe(403);
  });

  it("l'état ouvert : mission, constat, pièces, corrections, décisions possibles", async () => {
    const r = await dec.get(`${G}/${etat.copiesAlice}`);
    expect(r.status).toBe(200);
    expect(r.body.mission.type).toBe('CORRECTION DE COPIES');
    expect(r.body.mission.dates).toEqual([{ jour: '2026-06-10', debut: '08:00', fin: '17:00' }]);
    expect(r.body.personne.nom).toBe('ALICE-CSF');
    expect(r.body.constat.libelle).toBe('Nombre de copies');
    expect(r.body.decisions.valider.possible).toBe(false);
    expect(r.body.decisions.annuler.possible).toBe(true);
    expect(r.body.corrections).toEqual([]);
  });
});

describe('filtres et nombre par statut', () => {
  beforeAll(async () => {
    const db = p.ctx.db;
    await fixer(etat.copiesAlice, { statut: 'valide', numero_ordre: 1, remuneration: JSON.stringify({ type: 'copies', copies: 30 }) });
    await db.updateTable('convocation').set({ csf_nb_copies: 28 }).where('id', '=', f.convocations.copiesAlice).execute();
    await fixer(etat.copiesChloe, { statut: 'valide', numero_ordre: 2, remuneration: JSON.stringify({ type: 'copies', copies: 12 }) });
    await db.updateTable('convocation').set({ csf_nb_copies: 12 }).where('id', '=', f.convocations.copiesChloe).execute();
    await fixer(etat.oral2Alice, { statut: 'valide', numero_ordre: 3 });
    await fixer(etat.futureAlice, { statut: 'mission_non_effectuee' });
    await db
      .insertInto('frais_piece')
      .values({ id: '00000000-0000-4000-8000-000000000001', etat_frais_id: etat.oral2Alice, academie_code: '14', personne_id: f.personnes.alice, groupe: 'paie', nom: 'rib.pdf', type_mime: 'application/pdf', taille: 1000, sha256: 'x', cle_stockage: 'k', depose_le: new Date(), analyse_antivirus: 'saine' })
      .execute();
  });

  it('compte les états par statut, le filtre de statut laissé de côté', async () => {
    const r = await dec.get(`${G}?statut=valide`);
    expect(r.status).toBe(200);
    const n = Object.fromEntries(r.body.comptes.map((c: { statut: string; nombre: number }) => [c.statut, c.nombre]));
    expect(n).toEqual({ non_valide: 3, mission_non_effectuee: 1, valide: 3, valide_gestionnaire: 1, traite_gestionnaire: 0, annule: 0 });
    expect(r.body.total).toBe(3);
    expect(r.body.lignes.map((l: { id: number }) => l.id).sort()).toEqual([etat.copiesAlice, etat.copiesChloe, etat.oral2Alice].sort());
  });

  it('filtre par type, centre, session, examen, période, pièces, écart avec le constat, recherche', async () => {
    const ids = async (q: string) => ((await dec.get(`${G}?${q}`)).body.lignes as Array<{ id: number }>).map((l) => l.id).sort();
    expect(await ids('type=ORAL2')).toEqual([etat.oral2Alice]);
    expect(await ids(`centre=${f.etabs.college}`)).toEqual([etat.autreCentreAlice]);
    expect(await ids(`session=${f.sessions.bcg2026}&type=PRATIQUE`)).toEqual([etat.pratiqueBruno]);
    expect((await ids('examen=320')).length).toBe(0);
    expect(await ids('du=2026-06-15&au=2026-06-15')).toEqual([etat.pratiqueBruno]);
    expect(await ids('pieces=oui')).toEqual([etat.oral2Alice]);
    expect(await ids('ecart=oui')).toEqual([etat.copiesAlice]);
    expect((await ids('ecart=non')).includes(etat.copiesAlice)).toBe(false);
    expect(await ids('recherche=chloe&type=CORCOP')).toEqual([etat.copiesChloe]);
    expect(await ids('recherche=3')).toEqual([etat.oral2Alice]);
    const l = (await dec.get(`${G}?ecart=oui`)).body.lignes[0];
    expect(l).toMatchObject({ ecartConstat: true, numeroOrdre: 1, libelleStatut: 'Validé', intervenant: 'ALICE-CSF Anne' });
  });

  it('trie et pagine côté serveur', async () => {
    const a = await dec.get(`${G}?tri=numeroOrdre&sens=asc&parPage=2&page=1`);
    expect(a.body.lignes.map((l: { numeroOrdre: number }) => l.numeroOrdre)).toEqual([1, 2]);
    const b = await dec.get(`${G}?tri=numeroOrdre&sens=asc&parPage=2&page=2`);
    expect(b.body.lignes[0].numeroOrdre).toBe(3);
    expect(b.body.total).toBe(8);
  });

  it('refuse un filtre mal formé avec un message en français', async () => {
    const r = await dec.get(`${G}?du=10/06/2026`);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/Date de début : date attendue/);
    const s = await dec.get(`${G}?du=2026-06-20&au=2026-06-01`);
    expect(s.status).toBe(400);
  });

  it('propose les listes des filtres', async () => {
    const r = await dec.get(`${G}/filtres`);
    expect(r.status).toBe(200);
    expect(r.body.types.map((t: { code: string }) => t.code)).toContain('ORAL2');
    expect(r.body.centres.map((c: { id: number }) => c.id)).not.toContain(f.etabs.toulouse);
  });
});

describe('corrections', () => {
  it('corrige un chiffre : ancien → nouveau, motif, historique et journal d’audit', async () => {
    const v = await version(etat.copiesAlice);
    const r = await dec.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'copies', valeur: 28, motif: 'Nombre du constat du centre' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/30 → 28/);
    expect(r.body.version).toBe(v + 1);
    const e = await lire(etat.copiesAlice);
    expect(e.remuneration).toEqual({ type: 'copies', copies: 28 });
    const d = await dec.get(`${G}/${etat.copiesAlice}`);
    expect(d.body.ecartConstat).toBe(false);
    expect(d.body.corrections[0]).toMatchObject({ champ: 'copies', avant: '30', apres: '28', motif: 'Nombre du constat du centre', par: 'dec.rennes' });
    const a = await p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'etats-frais.correction').where('entite_id', '=', String(etat.copiesAlice)).executeTakeFirstOrThrow();
    expect(a.acteur).toBe('dec.rennes');
    expect(a.avant).toMatchObject({ champ: 'copies', valeur: 30 });
    expect(a.apres).toMatchObject({ champ: 'copies', valeur: 28, motif: 'Nombre du constat du centre' });
  });

  it('corrige le montant retenu (centimes) ; le motif est obligatoire ; un chiffre sans objet est refusé', async () => {
    const v = await version(etat.copiesAlice);
    const sans = await dec.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'montantRetenuDeplacement', valeur: 4550, motif: '' });
    expect(sans.status).toBe(400);
    expect(sans.body.fields?.motif ?? sans.body.message).toMatch(/Motif de la correction/);
    const hors = await dec.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'candidats', valeur: 4, motif: 'Essai' });
    expect(hors.status).toBe(400);
    const r = await dec.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'montantRetenuDeplacement', valeur: 4550, motif: 'Péage sans justificatif retiré' });
    expect(r.status).toBe(200);
    expect((await lire(etat.copiesAlice)).montant_retenu_deplacement_centimes).toBe(4550);
    expect((await dec.get(`${G}/${etat.copiesAlice}`)).body.corrections[0]).toMatchObject({ avant: null, apres: '45,50 €' });
  });

  it('une version périmée : 409 qui nomme l’auteur du changement', async () => {
    const v = await version(etat.copiesAlice);
    expect((await dec2.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'copies', valeur: 27, motif: 'Recompte' })).status).toBe(200);
    const r = await dec.post(`${G}/${etat.copiesAlice}/corriger`, { version: v, champ: 'copies', valeur: 26, motif: 'Recompte' });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/par dec2\.rennes/);
    expect((await lire(etat.copiesAlice)).remuneration).toEqual({ type: 'copies', copies: 27 });
  });
});

describe('Valider, Rejeter, Annuler', () => {
  it('valider : Validé → Validé par gestionnaire, traité le / par, audité ; un état non validé est refusé', async () => {
    const v = await version(etat.copiesChloe);
    const r = await dec.post(`${G}/${etat.copiesChloe}/valider`, { version: v });
    expect(r.status).toBe(200);
    const e = await lire(etat.copiesChloe);
    expect(e.statut).toBe('valide_gestionnaire');
    expect(e.traite_par).not.toBeNull();
    expect(e.traite_le).not.toBeNull();
    const encore = await dec.post(`${G}/${etat.copiesChloe}/valider`, { version: e.version });
    expect(encore.status).toBe(409);
    expect(encore.body.message).toMatch(/déjà validé/);
    const nonValide = await dec.post(`${G}/${etat.survChloe}/valider`, { version: await version(etat.survChloe) });
    expect(nonValide.status).toBe(409);
    expect(await p.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'etats-frais.validation-gestionnaire').where('entite_id', '=', String(etat.copiesChloe)).executeTakeFirst()).toBeTruthy();
  });

  it('valider avec une version périmée : 409 nommant qui a changé l’état', async () => {
    const v = await version(etat.oral2Alice);
    await fixer(etat.oral2Alice, { version: v + 1, modifie_par: null });
    const r = await dec.post(`${G}/${etat.oral2Alice}/valider`, { version: v });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/par l'intervenant/);
    expect((await lire(etat.oral2Alice)).statut).toBe('valide');
  });

  it("rejeter : retour à l'intervenant avec le motif, courriel dans la boîte d'envoi", async () => {
    const v = await version(etat.oral2Alice);
    const sansMotif = await dec.post(`${G}/${etat.oral2Alice}/rejeter`, { version: v, motif: ' ' });
    expect(sansMotif.status).toBe(400);
    const r = await dec.post(`${G}/${etat.oral2Alice}/rejeter`, { version: v, motif: 'Le RIB joint est illisible.' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/prévenu par courriel/);
    const e = await lire(etat.oral2Alice);
    expect(e).toMatchObject({ statut: 'non_valide', rejet_motif: 'Le RIB joint est illisible.', numero_ordre: 3 });
    const m = await p.ctx.db.selectFrom('mail').selectAll().where('cle_idempotence', '=', `etat-frais:${etat.oral2Alice}:rejet:${e.version}`).executeTakeFirstOrThrow();
    expect(m.destinataires).toEqual(['anne.alice@ac-rennes.fr']);
    expect(m.texte).toContain('Le RIB joint est illisible.');
    expect(m.objet).toMatch(/à reprendre/);
    const encore = await dec.post(`${G}/${etat.oral2Alice}/rejeter`, { version: e.version, motif: 'Encore' });
    expect(encore.status).toBe(409);
  });

  it("annuler : avec motif ; refusé pour un état dans un lot de liquidation", async () => {
    const v = await version(etat.survChloe);
    const r = await dec.post(`${G}/${etat.survChloe}/annuler`, { version: v, motif: 'Mission en doublon' });
    expect(r.status).toBe(200);
    expect(await lire(etat.survChloe)).toMatchObject({ statut: 'annule', annulation_motif: 'Mission en doublon' });
    const deja = await dec.post(`${G}/${etat.survChloe}/annuler`, { version: v + 1, motif: 'Encore' });
    expect(deja.status).toBe(409);

    const db = p.ctx.db;
    const lot = await db.insertInto('liquidation_lot').values({ academie_code: '14', numero: 1, cree_le: new Date() }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('liquidation_ligne').values({ lot_id: lot.id, etat_frais_id: etat.copiesBruno, nature: 'remuneration', montant_centimes: 1000 }).execute();
    const enLot = await dec.post(`${G}/${etat.copiesBruno}/annuler`, { version: await version(etat.copiesBruno), motif: 'Essai' });
    expect(enLot.status).toBe(409);
    expect(enLot.body.message).toMatch(/lot de liquidation/);
    expect((await lire(etat.copiesBruno)).statut).toBe('valide_gestionnaire');
  });
});

describe('regroupement du contrôle continu', () => {
  let e1 = 0;
  let e2 = 0;
  let e3 = 0;
  beforeAll(async () => {
    const db = p.ctx.db;
    await db.insertInto('type_mission').values({ code: 'ECCC', libelle: 'Epreuve commune de contrôle continu', mode_remuneration: 'santorin' }).execute();
    const etatDe = async (numero: number, session: number) => {
      const m = await db.insertInto('mission').values({ academie_code: '14', numero, session_examen_id: session, type_mission: 'ECCC', centre_id: f.etabs.lycee }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('mission_date').values({ mission_id: m.id, jour: '2026-03-10', heure_debut: '08:00', heure_fin: '12:00' }).execute();
      const c = await db.insertInto('convocation').values({ academie_code: '14', mission_id: m.id, personne_id: f.personnes.bruno, origine: 'gestionnaire' }).returning('id').executeTakeFirstOrThrow();
      return (await db.selectFrom('etat_frais').select('id').where('convocation_id', '=', c.id).executeTakeFirstOrThrow()).id;
    };
    e1 = await etatDe(160001, f.sessions.ea2026);
    e2 = await etatDe(160002, f.sessions.ea2026);
    e3 = await etatDe(160003, f.sessions.bts2026);
  });

  it("refuse des missions d'une autre session ou hors contrôle continu", async () => {
    const a = await dec.post(`${G}/regrouper`, { etatIds: [e1, e3], versions: [await version(e1), await version(e3)], commentaire: 'Regroupement des épreuves' });
    expect(a.status).toBe(400);
    expect(a.body.message).toMatch(/même session/);
    const b = await dec.post(`${G}/regrouper`, { etatIds: [e1, etat.pratiqueBruno], versions: [await version(e1), await version(etat.pratiqueBruno)], commentaire: 'Regroupement' });
    expect(b.status).toBe(400);
    expect(b.body.message).toMatch(/contrôle continu/);
  });

  it('regroupe sur le premier état : les autres annulés et rattachés, le commentaire pour l’intervenant', async () => {
    const avant = await dec.get(`${G}/${e1}`);
    expect(avant.body.regroupement.regroupables.map((x: { id: number }) => x.id)).toEqual([e2]);
    const stale = await dec.post(`${G}/regrouper`, { etatIds: [e1, e2], versions: [await version(e1), 99], commentaire: 'Vos deux épreuves sont sur cet état.' });
    expect(stale.status).toBe(409);
    const r = await dec.post(`${G}/regrouper`, { etatIds: [e1, e2], versions: [await version(e1), await version(e2)], commentaire: 'Vos deux épreuves sont sur cet état.' });
    expect(r.status).toBe(200);
    expect(await lire(e1)).toMatchObject({ statut: 'non_valide', commentaire_regroupement: 'Vos deux épreuves sont sur cet état.', regroupe_dans_id: null });
    expect(await lire(e2)).toMatchObject({ statut: 'annule', regroupe_dans_id: e1 });
    const d = await dec.get(`${G}/${e1}`);
    expect(d.body.regroupement.regroupes).toEqual([{ id: e2, missionNumero: 160002 }]);
    expect(await p.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'etats-frais.regroupement').where('entite_id', '=', String(e1)).executeTakeFirst()).toBeTruthy();
  });
});

describe('validation en masse', () => {
  it('valide les états « Validé » filtrés, refuse avec leur motif ceux qui diffèrent du constat ; une à la fois par académie', async () => {
    const db = p.ctx.db;
    // Three « Validé » états on the copies mission: Alice (corrected to 27, the constat says 28: différence), Chloé's and Bruno's back to valide.
    await fixer(etat.copiesAlice, { statut: 'valide' });
    await fixer(etat.autreCentreAlice, { statut: 'valide', numero_ordre: 4 });
    await fixer(etat.pratiqueBruno, { statut: 'valide', numero_ordre: 5 });
    // A running one blocks a second.
    const faux = await db
      .insertInto('traitement')
      .values({ id: '00000000-0000-4000-8000-0000000000aa', academie_code: '14', type: TRAITEMENT_VALIDATION_MASSE, titre: 'Validation de juin', parametres: '{}', cree_par: null, visibilite: 'academie', statut: 'en_cours', cree_le: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bloque = await dec.post(`${G}/validation-masse`, { filtres: { session: f.sessions.bcg2026 } });
    expect(bloque.status).toBe(409);
    expect(bloque.body.message).toMatch(/« Validation de juin »/);
    await db.deleteFrom('traitement').where('id', '=', faux.id).execute();

    const rien = await dec.post(`${G}/validation-masse`, { filtres: { type: 'JURY' } });
    expect(rien.status).toBe(400);

    const r = await dec.post(`${G}/validation-masse`, { filtres: { session: f.sessions.bcg2026 } });
    expect(r.status).toBe(200);
    expect(r.body.etats).toBe(3);
    const t = await attendre(async () => {
      const x = await db.selectFrom('traitement').selectAll().where('id', '=', r.body.traitementId).executeTakeFirst();
      return x && (x.statut === 'termine' || x.statut === 'erreur') ? x : null;
    });
    expect(t.statut).toBe('termine');
    expect((await lire(etat.autreCentreAlice)).statut).toBe('valide_gestionnaire');
    expect((await lire(etat.pratiqueBruno)).statut).toBe('valide_gestionnaire');
    expect((await lire(etat.copiesAlice)).statut).toBe('valide');
    const logs = (await db.selectFrom('traitement_log').select('message').where('traitement_id', '=', t.id).orderBy('id').execute()).map((l) => l.message);
    expect(logs.some((m) => /Refusé — état n° 1, mission n° \d+, ALICE-CSF Anne : Le chiffre saisi diffère du constat/.test(m))).toBe(true);
    expect(logs.some((m) => /Bilan : 2 état\(s\) validé\(s\) par le gestionnaire, 1 refusé\(s\), sur 3/.test(m))).toBe(true);
    const doc = await db.selectFrom('document').select('nom').where('traitement_id', '=', t.id).execute();
    expect(doc.map((d) => d.nom)).toEqual(['États refusés']);
  });
});

describe('Paramètres des états de frais', () => {
  it('créés à la première lecture avec un texte par défaut', async () => {
    const r = await decToulouse.get(P);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ academieCode: '16', version: 1, conditionsVersion: 1, piecesDematerialisees: false, relanceIntervalleJours: 7, conditionsTexte: CONDITIONS_PAR_DEFAUT });
  });

  it("un nouveau texte change la version des conditions ; le reste non ; version périmée : 409", async () => {
    const a = (await decToulouse.get(P)).body;
    const r = await decToulouse.put(P, { version: a.version, conditionsTexte: a.conditionsTexte, piecesDematerialisees: true, relanceIntervalleJours: 14 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: a.version + 1, conditionsVersion: 1, piecesDematerialisees: true, relanceIntervalleJours: 14 });
    const t = await decToulouse.put(P, { version: r.body.version, conditionsTexte: `${a.conditionsTexte}\n\nNouvel article : les frais de taxi ne sont pas remboursés.`, piecesDematerialisees: true, relanceIntervalleJours: 14 });
    expect(t.status).toBe(200);
    expect(t.body.conditionsVersion).toBe(2);
    expect(t.body.message).toMatch(/version 2/);
    const stale = await decToulouse.put(P, { version: a.version, conditionsTexte: a.conditionsTexte, piecesDematerialisees: false, relanceIntervalleJours: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/par dec\.toulouse/);
    const bornes = await decToulouse.put(P, { version: t.body.version, conditionsTexte: a.conditionsTexte, piecesDematerialisees: true, relanceIntervalleJours: 0 });
    expect(bornes.status).toBe(400);
    expect(bornes.body.message).toMatch(/Intervalle des relances/);
    // Rennes' parameters are untouched.
    expect((await dec.get(P)).body.conditionsVersion).toBe(1);
  });
});
