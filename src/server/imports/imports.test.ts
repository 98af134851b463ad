// « Imports de données » (issue 17, decision 0034): the file streamed into the store, the preview's
// exact counts with nothing written, « tout ou rien » against « lignes valides seulement »,
// idempotence, one import at a time per académie, the scope (one académie never imports into
// another), batches of 1,000 lines, duplicates by key and the rows absent from a full extract.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { attendre, createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { GENRES_IMPORT, type GenreImport } from './genres.ts';
import { importEtatsSantorin } from './santorin-etats.ts';
import type { ResultatImport } from './imports.traitement.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let dec14: TestClient;
let dec16: TestClient;
let alice: TestClient;
const B = '/api/gestion/imports';

/** Sizes of the batches given to the test genre's `appliquer`. */
const lots: number[] = [];
/** santorin-etats as a full extract with keys: duplicates rejected, absent missions reported. */
const genreComplet: GenreImport = {
  ...importEtatsSantorin,
  code: 'test-etats-complet',
  libelle: 'États (extraction complète, test)',
  complet: true,
  cle: (v: { numero: number; numen: string | null }) => `${v.numero}|${v.numen ?? ''}`,
  async appliquer(trx, c, lignes) {
    lots.push(lignes.length);
    return importEtatsSantorin.appliquer(trx, c, lignes);
  },
  async absents(trx, c, cles) {
    const rows = await trx
      .selectFrom('santorin_etat as s')
      .innerJoin('mission as m', 'm.id', 's.mission_id')
      .select(['m.numero'])
      .where('s.academie_code', '=', c.academieCode)
      .where('s.personne_id', 'is', null)
      .orderBy('m.numero')
      .execute();
    return rows.filter((r) => !cles.has(`${r.numero}|`)).map((r) => `Mission n° ${r.numero}`);
  },
};

beforeAll(async () => {
  (GENRES_IMPORT as GenreImport[]).push(genreComplet);
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  await fixtureCompte(p, { login: 'dec.import14', role: 'gestionnaire' });
  await fixtureCompte(p, { login: 'dec.import16', role: 'gestionnaire', academie: '16' });
  await fixtureCompte(p, { login: 'alice.import', role: 'intervenant', personneId: f.personnes.alice });
  dec14 = p.client();
  await dec14.login('imagin-gestion', 'dec.import14', MOT_DE_PASSE);
  dec16 = p.client();
  await dec16.login('imagin-gestion', 'dec.import16', MOT_DE_PASSE);
  alice = p.client();
  await alice.login('imagin-intervenant', 'alice.import', MOT_DE_PASSE);
}, 120_000);

afterAll(async () => {
  (GENRES_IMPORT as GenreImport[]).splice(GENRES_IMPORT.indexOf(genreComplet), 1);
  await p?.close();
});

const etats = () =>
  p.ctx.db.selectFrom('santorin_etat as s').innerJoin('mission as m', 'm.id', 's.mission_id').select(['m.numero', 's.personne_id', 's.etat', 's.academie_code']).orderBy('m.numero').orderBy('s.personne_id').execute();

async function deposer(c: TestClient, contenu: Buffer, genre = 'santorin-etats', nom = 'etats.csv') {
  return c.request('POST', `${B}/fichier?genre=${encodeURIComponent(genre)}&nom=${encodeURIComponent(nom)}`, contenu, { 'content-type': 'application/octet-stream' });
}

async function fini(c: TestClient, id: string): Promise<{ statut: string; resultat: ResultatImport; erreur: string | null; progression: number; total: number | null; documents: Array<{ nom: string }> }> {
  return attendre(async () => {
    const r = await c.get(`${B}/${id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.statut === 'termine' || r.body.statut === 'erreur' ? r.body : null;
  });
}

async function apercu(c: TestClient, contenu: Buffer, genre = 'santorin-etats') {
  const r = await deposer(c, contenu, genre);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.traitementId as string, ...(await fini(c, r.body.traitementId)) };
}

async function appliquer(c: TestClient, id: string, mode: 'tout-ou-rien' | 'lignes-valides') {
  const r = await c.post(`${B}/${id}/appliquer`, { mode });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { id: r.body.traitementId as string, ...(await fini(c, r.body.traitementId)) };
}

const AVEC_ERREURS = Buffer.from(['Numéro mission,État', '112440,SERVICE_FAIT', '12a,A_CORRIGER', '112441,A_CORRIGER', '999999,A_CORRIGER', '111759,"A corriger dans SANTORIN"'].join('\r\n'), 'latin1');

describe('aperçu puis application', () => {
  it('aperçu : comptes exacts, chaque ligne rejetée (numéro, colonne, motif), rien d’écrit', async () => {
    const avant = await etats();
    const a = await apercu(dec14, AVEC_ERREURS);
    expect(a.statut).toBe('termine');
    expect(a.resultat).toMatchObject({ mode: 'apercu', encodage: 'Windows-1252', separateur: ',', lignes: 5, ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 3, refuse: false });
    expect(a.resultat.rejets).toEqual([
      { ligne: 3, champ: 'NUMERO_MISSION', motif: "« 12a » n'est pas un numéro de mission : un nombre entier positif est attendu." },
      { ligne: 4, champ: 'NUMERO_MISSION', motif: 'la mission n° 112441 est de type INTORA (INTERROGATION ORALE) : elle ne donne pas accès à SANTORIN.' },
      { ligne: 5, champ: 'NUMERO_MISSION', motif: "aucune mission n° 999999 dans l'académie de Rennes." },
    ]);
    expect(a.progression).toBe(a.total);
    expect(await etats()).toEqual(avant);

    // « Tout ou rien » with rejected lines: nothing applied, the treatment says why.
    const tout = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(tout.statut).toBe('erreur');
    expect(tout.erreur).toMatch(/^Tout ou rien : 3 ligne\(s\) rejetée\(s\), aucune ligne n'a été appliquée/);
    expect(tout.resultat).toMatchObject({ mode: 'tout-ou-rien', refuse: true, lignesRejetees: 3 });
    expect(await etats()).toEqual(avant);

    // « Lignes valides seulement »: the two valid lines, the same counts as the preview.
    const valides = await appliquer(dec14, a.id, 'lignes-valides');
    expect(valides.statut).toBe('termine');
    expect(valides.resultat).toMatchObject({ ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 3, refuse: false });
    expect(valides.documents.map((d) => d.nom)).toEqual(['Lignes rejetées']);
    expect((await etats()).map((e) => [e.numero, e.etat])).toEqual([
      [111759, 'a_corriger'],
      [112440, 'service_fait'],
    ]);
    // Applying the same preview again (a double click): the same treatment, nothing more.
    const encore = await dec14.post(`${B}/${a.id}/appliquer`, { mode: 'lignes-valides' });
    expect(encore.body.traitementId).toBe(valides.id);
    // The preview knows its applications.
    expect((await dec14.get(`${B}/${a.id}`)).body.applications.map((x: { id: string }) => x.id).sort()).toEqual([tout.id, valides.id].sort());
  });

  it('tout ou rien sur un fichier juste, puis le même fichier : rien ne change (idempotence)', async () => {
    const fichier = Buffer.from('\uFEFFNUMERO_MISSION;ETAT\r\n112440;A_CORRIGER\r\n111759;A_CORRIGER\r\n', 'utf8');
    const a = await apercu(dec14, fichier);
    expect(a.resultat).toMatchObject({ encodage: 'UTF-8', separateur: ';', ajoutees: 0, modifiees: 1, inchangees: 1, lignesRejetees: 0 });
    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.statut).toBe('termine');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1, lignesRejetees: 0 });
    const apres = await etats();
    expect(apres.map((e) => [e.numero, e.etat])).toEqual([
      [111759, 'a_corriger'],
      [112440, 'a_corriger'],
    ]);
    const a2 = await apercu(dec14, fichier);
    expect(a2.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2, lignesRejetees: 0 });
    const t2 = await appliquer(dec14, a2.id, 'tout-ou-rien');
    expect(t2.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2 });
    expect(await etats()).toEqual(apres);
  });

  it('un aperçu s’applique, pas une application ; un aperçu en cours ne s’applique pas encore', async () => {
    const a = await apercu(dec14, Buffer.from('NUMERO_MISSION;ETAT\n112440;A_CORRIGER\n'));
    const t = await appliquer(dec14, a.id, 'lignes-valides');
    const r = await dec14.post(`${B}/${t.id}/appliquer`, { mode: 'lignes-valides' });
    expect(r.status).toBe(400);
    expect((await dec14.post(`${B}/${a.id}/appliquer`, { mode: 'tout' })).status).toBe(400);
  });
});

describe('un import à la fois, portée, fichier refusé', () => {
  it('un import en cours dans l’académie : 409 qui le nomme ; l’autre académie n’est pas gênée', async () => {
    const id = crypto.randomUUID();
    await p.ctx.db
      .insertInto('traitement')
      .values({ id, academie_code: '14', type: 'imports.fichier', titre: 'Aperçu — États de correction SANTORIN : long.csv', parametres: JSON.stringify({}), statut: 'en_cours', visibilite: 'academie', cree_le: p.clock.now() })
      .execute();
    try {
      const r = await deposer(dec14, Buffer.from('NUMERO_MISSION;ETAT\n112440;A_CORRIGER\n'));
      expect(r.status).toBe(409);
      expect(r.body.message).toMatch(/^Un import est déjà en cours dans votre académie : « Aperçu — États de correction SANTORIN : long\.csv », lancé à \d\d:\d\d/);
      const fichiers = async () => Number((await p.ctx.db.selectFrom('document').select(sql<number>`count(*)`.as('n')).where('nom', 'like', 'Fichier importé%').executeTakeFirstOrThrow()).n);
      const avant = await fichiers();
      const a = await apercu(dec16, Buffer.from('NUMERO_MISSION;ETAT\n195466;A_CORRIGER\n'));
      expect(a.statut).toBe('termine');
      // The refused file was not kept; Toulouse's was.
      expect(await fichiers()).toBe(avant + 1);
    } finally {
      await p.ctx.db.updateTable('traitement').set({ statut: 'termine' }).where('id', '=', id).execute();
    }
  });

  it('une académie n’importe jamais dans une autre ; l’import d’une autre académie est introuvable', async () => {
    const avant = await etats();
    const a = await apercu(dec16, Buffer.from('NUMERO_MISSION;ETAT\n112440;SERVICE_FAIT\n'));
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'NUMERO_MISSION', motif: "aucune mission n° 112440 dans l'académie de Toulouse." }]);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, lignesRejetees: 1 });
    expect(await etats()).toEqual(avant);
    expect((await dec14.get(`${B}/${a.id}`)).status).toBe(404);
    expect((await dec14.post(`${B}/${a.id}/appliquer`, { mode: 'lignes-valides' })).status).toBe(404);
    expect((await alice.get(`${B}/${a.id}`)).status).toBe(403);
    expect((await deposer(alice, Buffer.from('NUMERO_MISSION;ETAT\n'))).status).toBe(403);
  });

  it('en-tête sans les colonnes : refusé à l’envoi, rien de gardé ; corps JSON refusé ; type inconnu', async () => {
    const avant = await p.ctx.db.selectFrom('document').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const r = await deposer(dec14, Buffer.from('MISSION;STATUT\n1;2\n'));
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toBe("Fichier : Ligne 1 : colonnes absentes de la ligne d'en-tête : NUMERO_MISSION, ETAT (attendu : NUMERO_MISSION;ETAT;NUMEN, séparateur « ; » ou « , »).");
    expect((await deposer(dec14, Buffer.alloc(0))).status).toBe(400);
    expect((await p.ctx.db.selectFrom('document').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n).toBe(avant.n);
    expect((await deposer(dec14, Buffer.from('NUMERO_MISSION;ETAT\n'), 'inconnu')).body.fields.genre).toMatch(/^Type d'import : « inconnu » n'existe pas/);
    const json = await dec14.request('POST', `${B}/fichier?genre=santorin-etats&nom=x.csv`, { a: 1 });
    expect(json.status).toBe(400);
  });
});

describe('types proposés, documentation et exemple', () => {
  it('chaque type avec ses colonnes ; sa documentation et son fichier d’exemple téléchargeables', async () => {
    const e = await dec14.get(B);
    expect(e.status).toBe(200);
    const santorin = e.body.genres.find((g: { code: string }) => g.code === 'santorin-etats');
    expect(santorin).toMatchObject({ libelle: 'États de correction SANTORIN', documentation: 'docs/imports/santorin-etats.md', exemple: true, complet: false });
    expect(santorin.colonnes.map((c: { nom: string }) => c.nom)).toEqual(['NUMERO_MISSION', 'ETAT', 'NUMEN']);
    const doc = await dec14.get(`${B}/genres/santorin-etats/documentation`);
    expect(doc.status).toBe(200);
    expect(doc.body).toMatch(/^# Import des états de correction SANTORIN/);
    const ex = await dec14.get(`${B}/genres/santorin-etats/exemple`);
    expect(ex.status).toBe(200);
    expect(ex.headers['content-disposition']).toBe('attachment; filename="exemple-santorin-etats.csv"');
    expect(String(ex.body)).toMatch(/^NUMERO_MISSION;ETAT;NUMEN/);
    expect((await dec14.get(`${B}/genres/inconnu/exemple`)).status).toBe(404);
    expect((await alice.get(`${B}/genres/santorin-etats/exemple`)).status).toBe(403);
  });
});

describe('contrat facultatif : clé, extraction complète, lots', () => {
  it('lignes en double rejetées, absents signalés sans rien supprimer, lots de 1 000 lignes au plus', async () => {
    await p.ctx.db.deleteFrom('santorin_etat').execute();
    await p.ctx.db
      .insertInto('santorin_etat')
      .values([
        { academie_code: '14', mission_id: f.missions.m3, personne_id: null, etat: 'a_corriger' },
        { academie_code: '16', mission_id: f.missions.m4, personne_id: null, etat: 'a_corriger' },
      ])
      .execute();
    // 2,400 lines of unknown missions (rejected by `appliquer`, in three batches), a duplicate, one valid line.
    const lignes = ['NUMERO_MISSION;ETAT', '112440;SERVICE_FAIT', '112440;A_CORRIGER', ...Array.from({ length: 2400 }, (_, i) => `${500000 + i};A_CORRIGER`)];
    lots.length = 0;
    const a = await apercu(dec14, Buffer.from(lignes.join('\n')), 'test-etats-complet');
    expect(lots).toEqual([1000, 1000, 401]);
    expect(a.resultat).toMatchObject({ lignes: 2402, ajoutees: 1, lignesRejetees: 2401, nbAbsents: 1, absents: ['Mission n° 111759'], rejetsTronques: true });
    // The screen gets the first 1,000 rejected lines (the CSV document holds them all).
    expect(a.resultat.rejets).toHaveLength(1000);
    expect(a.resultat.rejets[0]).toEqual({ ligne: 3, champ: 'ligne', motif: 'ligne en double : la même donnée est déjà donnée ligne 2 du fichier.' });
    expect(a.resultat.rejets[999]).toEqual({ ligne: 1002, champ: 'NUMERO_MISSION', motif: "aucune mission n° 500998 dans l'académie de Rennes." });
    const t = await appliquer(dec14, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 1, lignesRejetees: 2401, nbAbsents: 1 });
    expect(t.documents.map((d) => d.nom)).toEqual(['Absents du fichier', 'Lignes rejetées']);
    // Nothing deleted: the absent mission keeps its state, Toulouse's is untouched.
    expect((await etats()).map((e) => [e.numero, e.etat, e.academie_code])).toEqual([
      [111759, 'a_corriger', '14'],
      [112440, 'service_fait', '14'],
      [195466, 'a_corriger', '16'],
    ]);
  });
});
