// Valider / Dévalider an état de frais and its récapitulatif (decision 0031), through the HTTP routes:
// scope (another's état is 404), receipts checked (409 with the fields of what is missing), the version
// read (409 naming who), the numéro d'ordre (next in the académie, kept on a re-validation), the stored
// estimates, the audit, a double click validating once, the récapitulatif read back (receipts appended)
// by the intervenant and the académie's gestionnaire only, dévalidation refused once processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { deposer, pdfDePages, pngRouge } from './recapitulatif.fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let anne: TestClient;
let bruno: TestClient;
let decRennes: TestClient;
let decToulouse: TestClient;

const I = '/api/intervenant/etats-frais';

async function connecte(login: string, service: 'imagin-intervenant' | 'imagin-gestion') {
  const c = p.client();
  await c.login(service, login, MOT_DE_PASSE);
  return c;
}

const etat = (id: number) => p.ctx.db.selectFrom('etat_frais').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  // The académie takes receipts online (otherwise they all go by post and nothing is missing).
  await p.ctx.db.insertInto('frais_parametres').values({ academie_code: '14', conditions_texte: 'Conditions.', pieces_dematerialisees: true }).execute();
  await fixtureCompte(p, { login: 'anne.frais', role: 'intervenant', personneId: f.personnes.alice });
  await fixtureCompte(p, { login: 'bruno.frais', role: 'intervenant', personneId: f.personnes.bruno });
  anne = await connecte('anne.frais', 'imagin-intervenant');
  bruno = await connecte('bruno.frais', 'imagin-intervenant');
  decRennes = await connecte('dec.rennes', 'imagin-gestion');
  decToulouse = await connecte('dec.toulouse', 'imagin-gestion');
  await p.ctx.db.updateTable('etat_frais').set({ remuneration: JSON.stringify({ type: 'copies', copies: 40 }) }).where('id', '=', f.frais.alice).execute();
});
afterAll(async () => {
  await p?.close();
});

describe('Valider un état de frais', () => {
  it("attend l'acceptation des conditions d'utilisation de l'académie (409 qui le dit), puis l'accepte", async () => {
    const e = await etat(f.frais.alice);
    const r = await anne.post(`${I}/${f.frais.alice}/valider`, { version: e.version });
    expect(r.status).toBe(409);
    expect(r.body.message).toContain("Vous devez d'abord accepter les conditions d'utilisation");
    expect((await etat(f.frais.alice)).statut).toBe('non_valide');
    for (const c of [anne, bruno]) {
      const lu = await c.get(I);
      const version = (lu.body as { conditions: { version: number } }).conditions.version;
      expect((await c.post(`${I}/conditions`, { version, accepte: true })).status).toBe(200);
    }
  });

  it("un autre intervenant ne peut ni valider, ni dévalider, ni lire l'état d'Anne (404)", async () => {
    const e = await etat(f.frais.alice);
    expect((await bruno.post(`${I}/${f.frais.alice}/valider`, { version: e.version })).status).toBe(404);
    expect((await bruno.post(`${I}/${f.frais.alice}/devalider`, { version: e.version })).status).toBe(404);
    expect((await bruno.get(`${I}/${f.frais.alice}/recapitulatif`)).status).toBe(404);
    expect((await etat(f.frais.alice)).statut).toBe('non_valide');
  });

  it('sans les pièces requises : 409 listant ce qui manque, par groupe, et rien ne change', async () => {
    const e = await etat(f.frais.alice);
    const r = await anne.post(`${I}/${f.frais.alice}/valider`, { version: e.version });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/Il manque des pièces justificatives : Relevé d’identité bancaire \(RIB\) ; Copie de la carte Vitale/);
    expect(r.body.fields['pieces.paie']).toMatch(/RIB/);
    const apres = await etat(f.frais.alice);
    expect(apres).toMatchObject({ statut: 'non_valide', numero_ordre: null, version: e.version });
  });

  it('une version périmée : 409 disant qui a modifié et quand', async () => {
    const e = await etat(f.frais.alice);
    const r = await anne.post(`${I}/${f.frais.alice}/valider`, { version: e.version - 1 + 5 });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/a été modifié le \d\d\/\d\d\/\d{4} à \d\d:\d\d .*rechargez la page/);
  });

  it("une mission à venir ne se valide pas encore", async () => {
    const id = (await p.ctx.db.selectFrom('etat_frais').select('id').where('convocation_id', '=', f.convocations.futureAlice).executeTakeFirstOrThrow()).id;
    await p.ctx.db.updateTable('etat_frais').set({ pieces_par_courrier: true }).where('id', '=', id).execute();
    const r = await anne.post(`${I}/${id}/valider`, { version: (await etat(id)).version });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/la mission n'a pas commencé/);
  });

  it("avec les pièces : numéro d'ordre, montants estimés, 'valide', version + 1, audit, récapitulatif stocké ; un double clic ne valide qu'une fois", async () => {
    await deposer(p, f.frais.alice, { groupe: 'paie', nom: 'rib.pdf', typeMime: 'application/pdf', octets: await pdfDePages('RIB-ANNE', 2) });
    p.clock.advance(60_000);
    await deposer(p, f.frais.alice, { groupe: 'paie', nom: 'vitale.png', typeMime: 'image/png', octets: pngRouge() });
    p.clock.advance(60_000);
    const e = await etat(f.frais.alice);
    const [r1, r2] = await Promise.all([
      anne.post(`${I}/${f.frais.alice}/valider`, { version: e.version }),
      anne.post(`${I}/${f.frais.alice}/valider`, { version: e.version }),
    ]);
    expect(r1.status).toBe(200);
    expect(r2.status).toBe(200);
    expect(r1.body.numeroOrdre).toBe(1);
    expect(r2.body.numeroOrdre).toBe(1);
    const apres = await etat(f.frais.alice);
    expect(apres).toMatchObject({ statut: 'valide', numero_ordre: 1, version: e.version + 1, montant_remuneration_centimes: 20_000, montant_deplacement_centimes: null });
    expect(apres.valide_le).not.toBeNull();
    expect(apres.recapitulatif_document_id).not.toBeNull();
    const audits = await p.ctx.db.selectFrom('audit_log').select(['apres']).where('action', '=', 'etat-frais.valider').where('entite_id', '=', String(f.frais.alice)).execute();
    expect(audits).toHaveLength(1);
    const doc = await p.ctx.db.selectFrom('document').selectAll().where('id', '=', apres.recapitulatif_document_id!).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ visibilite: 'personne', personne_id: f.personnes.alice, academie_code: '14', expire_le: null, type_mime: 'application/pdf' });
    // Only one récapitulatif document is kept for the état.
    const docs = await p.ctx.db.selectFrom('document').select('id').where('cle_stockage', 'like', `etats-frais/14/${f.frais.alice}/%`).execute();
    expect(docs).toHaveLength(1);
  });

  it("le récapitulatif (pièces jointes) se télécharge par l'intervenant et par le gestionnaire de l'académie seulement", async () => {
    const r = await anne.get(`${I}/${f.frais.alice}/recapitulatif`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="recapitulatif-etat-de-frais-1-mission-\d+\.pdf"/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const { pages } = await textePdf(r.raw);
    const n = pages.length - 3;
    expect(pages.slice(0, n).join(' ')).toContain("Numéro d'ordre : 1");
    expect(pages[n]).toContain('RIB-ANNE page 1');
    expect(pages[n + 1]).toContain('RIB-ANNE page 2');
    expect(pages[n + 2]).toContain('vitale.png');
    const g = await decRennes.get(`/api/gestion/etats-frais/${f.frais.alice}/recapitulatif`);
    expect(g.status).toBe(200);
    expect(g.raw.equals(r.raw)).toBe(true);
    expect((await decToulouse.get(`/api/gestion/etats-frais/${f.frais.alice}/recapitulatif`)).status).toBe(404);
    // The document route honours the 'personne' visibility: Anne, not Bruno.
    const doc = (await etat(f.frais.alice)).recapitulatif_document_id!;
    expect((await anne.get(`/api/documents/${doc}`)).status).toBe(200);
    expect((await bruno.get(`/api/documents/${doc}`)).status).toBe(404);
  });

  it("un récapitulatif perdu du stockage est refait à la demande", async () => {
    const e = await etat(f.frais.alice);
    const doc = await p.ctx.db.selectFrom('document').select('cle_stockage').where('id', '=', e.recapitulatif_document_id!).executeTakeFirstOrThrow();
    await p.ctx.store.delete(doc.cle_stockage);
    const r = await anne.get(`${I}/${f.frais.alice}/recapitulatif`);
    expect(r.status).toBe(200);
    expect((await textePdf(r.raw)).pages.join(' ')).toContain('RIB-ANNE page 2');
  });
});

describe("une académie qui ne prend pas les pièces en ligne", () => {
  it("valide sans pièce déposée : le récapitulatif dit de les envoyer par voie postale", async () => {
    await fixtureCompte(p, { login: 'denis.frais', role: 'intervenant', academie: '16', personneId: f.personnes.denis });
    const denis = await connecte('denis.frais', 'imagin-intervenant');
    const id = (await p.ctx.db.selectFrom('etat_frais').select('id').where('convocation_id', '=', f.convocations.toulouseDenis).executeTakeFirstOrThrow()).id;
    const conditions = (await denis.get(I)).body as { conditions: { version: number } };
    expect((await denis.post(`${I}/conditions`, { version: conditions.conditions.version, accepte: true })).status).toBe(200);
    const r = await denis.post(`${I}/${id}/valider`, { version: (await etat(id)).version });
    expect(r.status).toBe(200);
    // Numbered in its own académie.
    expect(r.body.numeroOrdre).toBe(1);
    const texte = (await textePdf((await denis.get(`${I}/${id}/recapitulatif`)).raw)).pages.join(' ');
    expect(texte).toContain('ACADEMIE DE TOULOUSE');
    expect(texte).toContain('À envoyer par voie postale');
    expect(texte).toContain('ne prévoit pas le dépôt des pièces justificatives en ligne');
    expect((await decRennes.get(`/api/gestion/etats-frais/${id}/recapitulatif`)).status).toBe(404);
    expect((await decToulouse.get(`/api/gestion/etats-frais/${id}/recapitulatif`)).status).toBe(200);
  });
});

describe('Dévalider', () => {
  it("revient à 'non validé' en gardant le numéro d'ordre ; la revalidation le reprend, l'état suivant de l'académie prend le 2", async () => {
    const e = await etat(f.frais.alice);
    const d = await anne.post(`${I}/${f.frais.alice}/devalider`, { version: e.version });
    expect(d.status).toBe(200);
    expect(await etat(f.frais.alice)).toMatchObject({ statut: 'non_valide', numero_ordre: 1, version: e.version + 1, valide_le: null });
    // Another état of the académie (Anne's oral), receipts sent by post.
    const oral = (await p.ctx.db.selectFrom('etat_frais').select('id').where('convocation_id', '=', f.convocations.oral2Alice).executeTakeFirstOrThrow()).id;
    await p.ctx.db.updateTable('etat_frais').set({ pieces_par_courrier: true }).where('id', '=', oral).execute();
    const v2 = await anne.post(`${I}/${oral}/valider`, { version: (await etat(oral)).version });
    expect(v2.status).toBe(200);
    expect(v2.body.numeroOrdre).toBe(2);
    const { pages } = await textePdf((await anne.get(`${I}/${oral}/recapitulatif`)).raw);
    expect(pages.join(' ')).toContain('Envoyée(s) par voie postale');
    const v1 = await anne.post(`${I}/${f.frais.alice}/valider`, { version: (await etat(f.frais.alice)).version });
    expect(v1.status).toBe(200);
    expect(v1.body.numeroOrdre).toBe(1);
  });

  it('est refusée une fois l’état traité par le gestionnaire (validé, traité, annulé)', async () => {
    for (const [statut, motif] of [
      ['valide_gestionnaire', /validé par le gestionnaire/],
      ['traite_gestionnaire', /traité par le gestionnaire/],
      ['annule', /annulé/],
    ] as const) {
      await p.ctx.db.updateTable('etat_frais').set({ statut }).where('id', '=', f.frais.alice).execute();
      const r = await anne.post(`${I}/${f.frais.alice}/devalider`, { version: (await etat(f.frais.alice)).version });
      expect(r.status).toBe(409);
      expect(r.body.message).toMatch(/ne peut plus être dévalidé/);
      expect(r.body.message).toMatch(motif);
    }
    expect((await etat(f.frais.alice)).statut).toBe('annule');
  });
});
