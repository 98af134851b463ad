// The demo of the Enquête DCS (issue 15, seed 004 §2.9) as its users see it: prof.dcs, a DCS teacher of
// the SIEC, finds the survey open in his menu, step 2 proposed from his lycée, nothing answered yet;
// prof.bts.siec (BTS only) does not see it and is refused; dec.siec follows twelve DCS teachers in
// every state, one modified after validating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAISON_CONDITION_PERSONNE } from '../../domain/services.ts';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { MOT_DE_PASSE_AGENTS, MOT_DE_PASSE_INTERVENANT } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { UAI_LYCEE_GESTION_SIEC } from './enquete-dcs.ts';

let p: TestPlatform;
let prof: TestClient;
let bts: TestClient;
let dec: TestClient;

const menu = (s: { menu: Array<{ activites: Array<{ code: string; ouverte: boolean }> }> }) => s.menu.flatMap((g) => g.activites);

beforeAll(async () => {
  p = await createTestPlatform();
  p.clock.set(new Date('2026-12-06T09:00:00Z'));
  await chargerDemo(p.ctx.db, { scale: 1 });
  prof = p.client();
  await prof.login('imagin-intervenant', 'prof.dcs', MOT_DE_PASSE_INTERVENANT);
  bts = p.client();
  await bts.login('imagin-intervenant', 'prof.bts.siec', MOT_DE_PASSE_INTERVENANT);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.siec', MOT_DE_PASSE_AGENTS);
}, 240_000);
afterAll(async () => {
  await p?.close();
});

describe('démonstration de l’enquête DCS (SIEC)', () => {
  it('prof.dcs : l’enquête ouverte au menu, rien de répondu, son lycée proposé', async () => {
    const s = (await prof.get('/api/auth/session')).body;
    expect(menu(s).find((a) => a.code === 'enquete-dcs')).toMatchObject({ ouverte: true });
    const r = await prof.get('/api/intervenant/enquete-dcs');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ annee: 2027, version: 0, enregistrees: [], valideLe: null });
    expect(r.body.etablissementsConnus).toEqual([{ uai: UAI_LYCEE_GESTION_SIEC, libelle: 'LGT LYCEE DES METIERS DE LA GESTION-DEMO PARIS', principal: true }]);
  });

  it('prof.bts.siec : ni au menu ni à l’adresse', async () => {
    const s = (await bts.get('/api/auth/session')).body;
    expect(menu(s).map((a) => a.code)).not.toContain('enquete-dcs');
    const r = await bts.get('/api/intervenant/enquete-dcs');
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(RAISON_CONDITION_PERSONNE.enseignant_dcs);
  });

  it('dec.siec : douze enseignants du DCS, chaque état, une réponse modifiée après validation', async () => {
    const r = await dec.get('/api/gestion/enquete-dcs');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ouverte: true, ouvertureModifieePar: 'dec.siec', campagne: { annee: 2027, ouvertePar: 'dec.siec', courante: true } });
    const lignes = r.body.lignes as Array<{ nom: string; etat: string; modifieeApresValidation: boolean }>;
    expect(lignes).toHaveLength(12);
    const compte = (e: string) => lignes.filter((l) => l.etat === e).length;
    expect([compte('validee'), compte('en_cours'), compte('non_commencee')]).toEqual([6, 3, 3]);
    expect(lignes.filter((l) => l.modifieeApresValidation).map((l) => l.nom)).toEqual(['CEDRE-DEMO']);
    expect(lignes.map((l) => l.nom)).not.toContain('SAULE-DEMO');
  });
});
