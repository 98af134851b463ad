// A receipt deposited by the gestionnaire on an état the intervenant has already validated (issue 16
// §6-7): the stored récapitulatif is made again, so that the one PDF downloaded by the gestionnaire and
// by the intervenant carries the new receipt's pages after the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { deposer, pdfDePages } from './recapitulatif.fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let anne: TestClient;
let decRennes: TestClient;

const I = '/api/intervenant/etats-frais';
const G = '/api/gestion/etats-frais';
const etat = (id: number) => p.ctx.db.selectFrom('etat_frais').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  await p.ctx.db.insertInto('frais_parametres').values({ academie_code: '14', conditions_texte: 'Conditions.', pieces_dematerialisees: true }).execute();
  // Anne accepted the académie's conditions of use (version 1) before validating.
  await p.ctx.db.insertInto('frais_conditions_acceptation').values({ personne_id: f.personnes.alice, academie_code: '14', version: 1, accepte_le: new Date() }).execute();
  await fixtureCompte(p, { login: 'anne.frais', role: 'intervenant', personneId: f.personnes.alice });
  anne = p.client();
  await anne.login('imagin-intervenant', 'anne.frais', MOT_DE_PASSE);
  decRennes = p.client();
  await decRennes.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  await p.ctx.db.updateTable('etat_frais').set({ remuneration: JSON.stringify({ type: 'copies', copies: 40 }) }).where('id', '=', f.frais.alice).execute();
});
afterAll(async () => {
  await p?.close();
});

describe('pièce déposée par le gestionnaire sur un état validé', () => {
  it('le récapitulatif téléchargé ensuite (gestionnaire et intervenant) contient les pages de la nouvelle pièce ; un seul récapitulatif est gardé', async () => {
    await deposer(p, f.frais.alice, { groupe: 'paie', nom: 'rib.pdf', typeMime: 'application/pdf', octets: await pdfDePages('RIB-ANNE', 1) });
    await deposer(p, f.frais.alice, { groupe: 'paie', nom: 'vitale.pdf', typeMime: 'application/pdf', octets: await pdfDePages('VITALE-ANNE', 1) });
    p.clock.advance(60_000);
    const v = await anne.post(`${I}/${f.frais.alice}/valider`, { version: (await etat(f.frais.alice)).version });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    // The récapitulatif as validated: the intervenant's two receipts, not the gestionnaire's yet.
    const avant = await decRennes.get(`${G}/${f.frais.alice}/recapitulatif`);
    expect(avant.status).toBe(200);
    const texteAvant = (await textePdf(avant.raw)).pages.join(' ');
    expect(texteAvant).toContain('RIB-ANNE page 1');
    expect(texteAvant).not.toContain('FACTURE-GEST');
    const docAvant = (await etat(f.frais.alice)).recapitulatif_document_id;

    p.clock.advance(60_000);
    const depot = await decRennes.request('POST', `${G}/${f.frais.alice}/pieces?groupe=paie&nom=attestation_gestionnaire.pdf`, Buffer.from(await pdfDePages('FACTURE-GEST', 2)), {
      'content-type': 'application/octet-stream',
    });
    expect(depot.status, JSON.stringify(depot.body)).toBe(201);
    expect(depot.body).toMatchObject({ deposeParGestionnaire: true });

    const apres = await etat(f.frais.alice);
    expect(apres.statut).toBe('valide');
    expect(apres.recapitulatif_document_id).not.toBeNull();
    expect(apres.recapitulatif_document_id).not.toBe(docAvant);
    for (const client of [decRennes, anne]) {
      const r = await client.get(`${client === anne ? I : G}/${f.frais.alice}/recapitulatif`);
      expect(r.status).toBe(200);
      const { pages } = await textePdf(r.raw);
      // The receipts come last, in their order of deposit: RIB, Vitale, then the gestionnaire's two pages.
      const n = pages.length - 4;
      expect(pages.slice(0, n).join(' ')).toContain("Numéro d'ordre : 1");
      expect(pages[n]).toContain('RIB-ANNE page 1');
      expect(pages[n + 1]).toContain('VITALE-ANNE page 1');
      expect(pages[n + 2]).toContain('FACTURE-GEST page 1');
      expect(pages[n + 3]).toContain('FACTURE-GEST page 2');
    }
    // The previous récapitulatif is gone: one document for the état.
    const docs = await p.ctx.db.selectFrom('document').select('id').where('cle_stockage', 'like', `etats-frais/14/${f.frais.alice}/recapitulatif-%`).execute();
    expect(docs).toEqual([{ id: apres.recapitulatif_document_id }]);
  });
});
