// « Gestion des candidats en établissement » (gestionnaire DEC, issue 6): the académie's établissements
// with their service and candidatures of the current sessions; positioning and removing the service for
// one or several établissements, audited; never another académie's établissement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCandidats } from '../espace-candidat/fixtures.ts';
import { createTestPlatform, fixtureCompte, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { ETABLISSEMENT_INTROUVABLE } from './gestion-candidats.service.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureCandidats>>;
let rennes: TestClient;
let toulouse: TestClient;
const B = '/api/gestion/gestion-candidats';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureCandidats(p);
  await p.ctx.db.updateTable('etablissement').set({ service_gestion_candidats: true }).where('id', '=', f.etabs.college).execute();
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire', academie: '14' });
  await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16' });
  rennes = p.client();
  await rennes.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  toulouse = p.client();
  await toulouse.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

async function service(id: number) {
  return (await p.ctx.db.selectFrom('etablissement').select('service_gestion_candidats').where('id', '=', id).executeTakeFirstOrThrow()).service_gestion_candidats;
}

describe('Gestion des candidats en établissement', () => {
  it("liste les établissements de l'académie avec leur service et leurs candidatures des sessions en cours", async () => {
    const r = await rennes.get(B);
    expect(r.status).toBe(200);
    // 15/06/2026: the current sessions are those of 2026 and later (DNB 2025 is not counted).
    expect(r.body).toMatchObject({ anneeSession: 2026, total: 2, avecService: 1, types: ['CLG', 'LGT'] });
    expect(r.body.lignes).toEqual([
      { id: f.etabs.college, uai: '0350711H', type: 'CLG', nom: 'DU PARC', commune: 'RENNES', serviceGestionCandidats: true, nbCandidatures: 2 },
      { id: f.etabs.lycee, uai: '0350710G', type: 'LGT', nom: 'LA PROMENADE', commune: 'RENNES', serviceGestionCandidats: false, nbCandidatures: 1 },
    ]);
    const t = await toulouse.get(B);
    expect(t.body.lignes.map((l: { uai: string }) => l.uai)).toEqual(['0120006S']);
  });

  it('positionne le service pour plusieurs établissements, puis le retire, et le journalise', async () => {
    const r = await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee, f.etabs.college], service: true });
    expect(r.status).toBe(200);
    expect(r.body.modifies).toBe(1);
    expect(r.body.message).toBe(
      'Service de gestion des candidats positionné pour LGT LA PROMENADE (0350710G) : cet établissement peut désormais générer les comptes CYCLADES de ses élèves. CLG DU PARC (0350711H) en disposait déjà.',
    );
    expect(await service(f.etabs.lycee)).toBe(true);
    expect((await rennes.get(B)).body.avecService).toBe(2);

    const retrait = await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee], service: false });
    expect(retrait.body.message).toBe(
      'Service de gestion des candidats retiré pour LGT LA PROMENADE (0350710G) : cet établissement ne peut plus générer les comptes CYCLADES de ses élèves ; les comptes déjà créés restent valables.',
    );
    // Several at once.
    const deux = await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee, f.etabs.college], service: false });
    expect(deux.body).toEqual({
      modifies: 1,
      message: 'Service de gestion des candidats retiré pour CLG DU PARC (0350711H) : cet établissement ne peut plus générer les comptes CYCLADES de ses élèves ; les comptes déjà créés restent valables. LGT LA PROMENADE (0350710G) n\'en disposait pas.',
    });
    const tous = await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee, f.etabs.college], service: true });
    expect(tous.body.message).toBe(
      'Service de gestion des candidats positionné pour 2 établissements (CLG DU PARC (0350711H), LGT LA PROMENADE (0350710G)) : ces établissements peuvent désormais générer les comptes CYCLADES de leurs élèves.',
    );
    await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee], service: false });
    expect(await service(f.etabs.lycee)).toBe(false);

    const journal = await p.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entite_id', 'acteur', 'avant', 'apres', 'academie_code'])
      .where('entite', '=', 'etablissement')
      .where('entite_id', '=', String(f.etabs.lycee))
      .orderBy('id')
      .limit(2)
      .execute();
    expect(journal).toEqual([
      { action: 'etablissement.service-candidats-positionne', entite_id: String(f.etabs.lycee), acteur: 'dec.rennes', avant: { uai: '0350710G', serviceGestionCandidats: false }, apres: { uai: '0350710G', serviceGestionCandidats: true }, academie_code: '14' },
      { action: 'etablissement.service-candidats-retire', entite_id: String(f.etabs.lycee), acteur: 'dec.rennes', avant: { uai: '0350710G', serviceGestionCandidats: true }, apres: { uai: '0350710G', serviceGestionCandidats: false }, academie_code: '14' },
    ]);
  });

  it("refuse un établissement d'une autre académie (404), sans rien modifier de la sélection", async () => {
    const r = await toulouse.post(`${B}/positionnement`, { etablissementIds: [f.etabs.toulouse, f.etabs.lycee], service: true });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe(ETABLISSEMENT_INTROUVABLE);
    expect(await service(f.etabs.toulouse)).toBe(false);
    expect(await service(f.etabs.lycee)).toBe(false);
    const retrait = await toulouse.post(`${B}/positionnement`, { etablissementIds: [f.etabs.college], service: false });
    expect(retrait.status).toBe(404);
    expect(await service(f.etabs.college)).toBe(true);
    // His own is fine.
    expect((await toulouse.post(`${B}/positionnement`, { etablissementIds: [f.etabs.toulouse], service: true })).status).toBe(200);
    expect(await service(f.etabs.toulouse)).toBe(true);
  });

  it('valide la demande avec des messages en français', async () => {
    const vide = await rennes.post(`${B}/positionnement`, { etablissementIds: [], service: true });
    expect(vide.status).toBe(400);
    expect(vide.body.message).toContain('Sélectionnez au moins un établissement.');
    const sans = await rennes.post(`${B}/positionnement`, { etablissementIds: [f.etabs.lycee] });
    expect(sans.status).toBe(400);
    expect(sans.body.fields.service).toBe('Service : indiquez true pour le positionner, false pour le retirer.');
  });

  it('est réservé au gestionnaire', async () => {
    await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: f.etabs.college });
    const ce = p.client();
    await ce.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
    expect((await ce.get(B)).status).toBe(403);
    expect((await ce.post(`${B}/positionnement`, { etablissementIds: [f.etabs.college], service: false })).status).toBe(403);
  });
});
