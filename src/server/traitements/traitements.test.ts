import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import { enregistrerDocument, lancerTraitement, registerTraitement, type DemandeTraitement } from '../platform/traitements/traitements.ts';

let p: TestPlatform;
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;
let chefLycee: Awaited<ReturnType<typeof fixtureCompte>>;
let chefCollege: Awaited<ReturnType<typeof fixtureCompte>>;
let gestionnaire: Awaited<ReturnType<typeof fixtureCompte>>;
let gestionnaire2: Awaited<ReturnType<typeof fixtureCompte>>;

async function connecte(service: Parameters<TestClient['login']>[0], login: string): Promise<TestClient> {
  const c = p.client();
  await c.login(service, login, MOT_DE_PASSE);
  return c;
}

async function lancer(d: Omit<DemandeTraitement<unknown>, 'academieCode' | 'parametres'> & { parametres?: unknown }) {
  const { id } = await p.ctx.db.transaction().execute((trx) => lancerTraitement(p.ctx, trx, { academieCode: '14', parametres: {}, ...d }));
  await attendre(() => p.ctx.db.selectFrom('traitement').select('id').where('id', '=', id).where('statut', 'in', ['termine', 'erreur']).executeTakeFirst());
  return id;
}

beforeEach(async () => {
  p = await createTestPlatform();
  etabs = await fixtureReferentiel(p);
  chefLycee = await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
  chefCollege = await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: etabs.college });
  gestionnaire = await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
  gestionnaire2 = await fixtureCompte(p, { login: 'dec2.rennes', role: 'gestionnaire' });
  registerTraitement(p.ctx, {
    type: 'test.papillons',
    executer: async (t) => {
      await t.log('info', 'Génération des papillons de connexion');
      const lignes = [
        ['AUBIN', 'Antoine', 'antoine.aubincde'],
        ['ÉLODIE', 'Martin', 'elodie.martin'],
      ];
      await t.document('Papillon de connexion', TYPE_PDF, genererPdf({ entete: { academie: 'ACADEMIE DE RENNES', etablissement: 'LGT LA PROMENADE RENNES (0350710G)' }, titre: 'Papillons de connexion', editeLe: t.ctx.clock.now() }, (doc) =>
        doc.tableau({ colonnes: [{ libelle: 'Nom' }, { libelle: 'Prénom' }, { libelle: 'Identifiant' }], lignes }),
      ));
      await t.document('Liste des comptes', TYPE_CSV, genererCsv([{ libelle: 'Nom' }, { libelle: 'Prénom' }, { libelle: 'Identifiant' }], lignes));
      // Six seconds of work, on the test clock.
      p.clock.advance(6000);
      await t.progression(2, 2);
    },
  });
});
afterEach(async () => {
  await p.close();
});

describe('comptes rendus des traitements', () => {
  it("liste les traitements d'un établissement pour cet établissement seulement", async () => {
    const id = await lancer({ type: 'test.papillons', titre: 'Papillons 3e A', creePar: chefLycee.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });
    p.clock.advance(60_000);
    const autre = await lancer({ type: 'test.papillons', titre: 'Papillons 3e B', creePar: chefLycee.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });

    const lycee = await connecte('imagin-etablissement', 'ce.0350710g');
    const liste = await lycee.get('/api/traitements');
    expect(liste.status).toBe(200);
    // Newest first.
    expect(liste.body.map((t: { id: string }) => t.id)).toEqual([autre, id]);
    expect(liste.body[1]).toMatchObject({ titre: 'Papillons 3e A', statut: 'termine', libelleStatut: 'Terminé', dureeSecondes: 6, nbDocuments: 2, progression: 2, total: 2 });
    expect(liste.body[1].debut).toBeTruthy();
    expect(liste.body[1].fin).toBeTruthy();

    const college = await connecte('imagin-etablissement', 'ce.0350711h');
    expect((await college.get('/api/traitements')).body).toEqual([]);
    expect((await college.get(`/api/traitements/${id}`)).status).toBe(404);
    // The académie's agents do not read an établissement's papillons either (they hold passwords).
    const dec = await connecte('imagin-gestion', 'dec.rennes');
    expect((await dec.get('/api/traitements')).body).toEqual([]);
  });

  it('montre le compte rendu : paramètres, serveur, dates, durée, journal et documents générés', async () => {
    const id = await lancer({ type: 'test.papillons', titre: 'Papillons 3e A', parametres: { classe: '3A', limitation: false }, creePar: chefLycee.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });
    const lycee = await connecte('imagin-etablissement', 'ce.0350710g');
    const cr = await lycee.get(`/api/traitements/${id}`);
    expect(cr.status).toBe(200);
    expect(cr.body).toMatchObject({
      id,
      titre: 'Papillons 3e A',
      parametres: { classe: '3A', limitation: false },
      statut: 'termine',
      libelleStatut: 'Terminé',
      dureeSecondes: 6,
      tentatives: 1,
      erreur: null,
    });
    expect(cr.body.serveur).toMatch(/^host=/);
    expect(new Date(cr.body.fin).getTime() - new Date(cr.body.debut).getTime()).toBe(6000);
    const messages = cr.body.journal.map((l: { message: string }) => l.message);
    expect(messages[0]).toBe('Génération des papillons de connexion');
    expect(messages.at(-1)).toBe("Le traitement s'est bien déroulé.");
    expect(cr.body.journal[0]).toMatchObject({ niveau: 'info' });
    expect(cr.body.documents.map((d: { nom: string; type: string; fichier: string }) => [d.nom, d.type, d.fichier])).toEqual([
      ['Liste des comptes', 'CSV', 'Liste des comptes.csv'],
      ['Papillon de connexion', 'PDF', 'Papillon de connexion.pdf'],
    ]);
    for (const d of cr.body.documents) expect(d.taille).toBeGreaterThan(0);
  });

  it('télécharge un document pour son créateur, le cache à un autre établissement, et trace le téléchargement', async () => {
    const id = await lancer({ type: 'test.papillons', titre: 'Papillons 3e A', creePar: chefLycee.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });
    const doc = await p.ctx.db.selectFrom('document').selectAll().where('traitement_id', '=', id).where('nom', '=', 'Papillon de connexion').executeTakeFirstOrThrow();

    const lycee = await connecte('imagin-etablissement', 'ce.0350710g');
    const r = await lycee.get(`/api/documents/${doc.id}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="Papillon de connexion.pdf"; filename*=UTF-8''Papillon%20de%20connexion.pdf`);
    expect(r.headers['cache-control']).toBe('private, no-store');
    expect(r.raw.length).toBe(doc.taille);
    const { pages } = await textePdf(r.raw);
    expect(pages[0]).toContain('antoine.aubincde');
    expect(pages[0]).toContain('Page 1 / 1');
    const trace = await p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.telechargement').executeTakeFirstOrThrow();
    expect(trace).toMatchObject({ acteur: 'ce.0350710g', entite: 'document', entite_id: doc.id });

    const csv = await p.ctx.db.selectFrom('document').selectAll().where('traitement_id', '=', id).where('nom', '=', 'Liste des comptes').executeTakeFirstOrThrow();
    const rc = await lycee.get(`/api/documents/${csv.id}`);
    expect(rc.headers['content-type']).toBe(TYPE_CSV);
    expect(rc.raw.subarray(3).toString('utf8')).toBe('Nom;Prénom;Identifiant\r\nAUBIN;Antoine;antoine.aubincde\r\nÉLODIE;Martin;elodie.martin\r\n');

    const college = await connecte('imagin-etablissement', 'ce.0350711h');
    const refus = await college.get(`/api/documents/${doc.id}`);
    expect(refus.status).toBe(404);
    expect(refus.body).toEqual({ code: 'INTROUVABLE', message: "Ce document n'existe pas ou ne vous est pas accessible." });
    const dec = await connecte('imagin-gestion', 'dec.rennes');
    expect((await dec.get(`/api/documents/${doc.id}`)).status).toBe(404);
  });

  it("applique les visibilités « créateur » et « académie »", async () => {
    const perso = await lancer({ type: 'test.papillons', titre: 'Mon export', creePar: gestionnaire.compteId, visibilite: 'createur' });
    const commun = await lancer({ type: 'test.papillons', titre: 'Export académique', creePar: gestionnaire.compteId, visibilite: 'academie' });
    const dec = await connecte('imagin-gestion', 'dec.rennes');
    const dec2 = await connecte('imagin-gestion', 'dec2.rennes');
    expect((await dec.get('/api/traitements')).body.map((t: { id: string }) => t.id).sort()).toEqual([perso, commun].sort());
    expect((await dec2.get('/api/traitements')).body.map((t: { id: string }) => t.id)).toEqual([commun]);
    expect((await dec2.get(`/api/traitements/${perso}`)).status).toBe(404);
    const docPerso = await p.ctx.db.selectFrom('document').select('id').where('traitement_id', '=', perso).executeTakeFirstOrThrow();
    expect((await dec2.get(`/api/documents/${docPerso.id}`)).status).toBe(404);
    expect((await dec.get(`/api/documents/${docPerso.id}`)).status).toBe(200);
    const docCommun = await p.ctx.db.selectFrom('document').select('id').where('traitement_id', '=', commun).executeTakeFirstOrThrow();
    expect((await dec2.get(`/api/documents/${docCommun.id}`)).status).toBe(200);
    // Another académie sees nothing of it.
    await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16' });
    const toulouse = await connecte('imagin-gestion', 'dec.toulouse');
    expect((await toulouse.get('/api/traitements')).body).toEqual([]);
    expect((await toulouse.get(`/api/documents/${docCommun.id}`)).status).toBe(404);
    expect(gestionnaire2.compteId).toBeGreaterThan(0);
  });

  it("sert à une personne le document qui lui est destiné, et à elle seule", async () => {
    const prof = await fixtureCompte(p, { login: 'prof', role: 'intervenant' });
    const d = await enregistrerDocument(p.ctx, {
      nom: 'Convocation n° 111759',
      typeMime: TYPE_PDF,
      body: genererPdf({ entete: { academie: 'ACADEMIE DE RENNES' }, titre: 'Convocation', editeLe: p.clock.now() }, (doc) => doc.paragraphe('Vous êtes convoquée.')),
      academieCode: '14',
      compteId: gestionnaire.compteId,
      personneId: prof.personneId,
      visibilite: 'personne',
    });
    const intervenant = await connecte('imagin-intervenant', 'prof');
    const r = await intervenant.get(`/api/documents/${d.id}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''Convocation%20n%C2%B0%20111759.pdf`);
    expect(r.headers['content-disposition']).toContain('filename="Convocation n_ 111759.pdf"');
    expect((await lireFlux(await p.ctx.store.get((await p.ctx.db.selectFrom('document').select('cle_stockage').where('id', '=', d.id).executeTakeFirstOrThrow()).cle_stockage))).length).toBe(r.raw.length);
    const lycee = await connecte('imagin-etablissement', 'ce.0350710g');
    expect((await lycee.get(`/api/documents/${d.id}`)).status).toBe(404);
  });

  it("refuse un document expiré et un identifiant mal formé, en français", async () => {
    const id = await lancer({ type: 'test.papillons', titre: 'Papillons', creePar: chefLycee.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement' });
    const doc = await p.ctx.db.selectFrom('document').select(['id', 'expire_le']).where('traitement_id', '=', id).executeTakeFirstOrThrow();
    const lycee = await connecte('imagin-etablissement', 'ce.0350710g');
    const mauvais = await lycee.get('/api/documents/pas-un-uuid');
    expect(mauvais.status).toBe(400);
    expect(mauvais.body.fields.id).toBe("L'identifiant du document est incorrect.");
    const mauvaisT = await lycee.get('/api/traitements/123');
    expect(mauvaisT.body.fields.id).toBe("L'identifiant du traitement est incorrect.");
    const limite = await lycee.get('/api/traitements?limite=0');
    expect(limite.status).toBe(400);
    expect(limite.body.fields.limite).toBe('La limite doit être au moins 1.');
    expect(new Date(doc.expire_le!).getTime()).toBeGreaterThan(p.clock.now().getTime());
    await p.ctx.db.updateTable('document').set({ expire_le: new Date(p.clock.now().getTime() - 1000) }).where('id', '=', doc.id).execute();
    const expire = await lycee.get(`/api/documents/${doc.id}`);
    expect(expire.status).toBe(404);
    expect(expire.body.message).toContain('durée de conservation est dépassée');
  });
});
