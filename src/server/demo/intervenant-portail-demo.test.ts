// The demo of the intervenant's portals (issue 15) as prof.martin sees it: a tab per académie with the
// SANTORIN states, the CYCLADES commission whose application never answers, Nantes without addresses,
// and the demo target that verifies the platform's token (« Jeton vérifié »).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { cleJeton, signerJeton } from '../imagin-intervenant/jeton-passage.ts';
import { MOT_DE_PASSE_INTERVENANT } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { MISSIONS_PORTAIL_DEMO as N } from './intervenant-portail.ts';
import { MISSIONS_NANTES } from './intervenant-missions.ts';

let p: TestPlatform;
let martin: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1 });
  martin = p.client();
  await martin.login('imagin-intervenant', 'prof.martin', MOT_DE_PASSE_INTERVENANT);
}, 240_000);
afterAll(async () => {
  await p?.close();
});

describe('démonstration des portails (prof.martin)', () => {
  it('Rennes puis Nantes, avec les états de correction SANTORIN', async () => {
    const r = await martin.get('/api/intervenant/portails/missions');
    expect(r.status).toBe(200);
    const [rennes, ...autres] = r.body.academies;
    expect(rennes).toMatchObject({ code: '14', courante: true });
    const nantes = autres.find((a: any) => a.code === '17');
    const etat = (missions: any[], n: number) => missions.find((m) => m.numero === n)?.etatLibelle;
    expect(etat(rennes.missions, N.correction)).toBe('A corriger dans SANTORIN');
    expect(etat(rennes.missions, N.numerisation)).toBe('A numériser dans SANTORIN');
    expect(rennes.missions.find((m: any) => m.numero === N.commissionEps)).toMatchObject({ application: 'CYCLADES', etat: null });
    expect(etat(nantes.missions, MISSIONS_NANTES[0])).toBe('Service fait SANTORIN');
    expect(etat(nantes.missions, N.numerisationNantes)).toBe('A numériser dans SANTORIN');
  });

  it('CYCLADES injoignable, Nantes sans adresse : la raison et le conseil de contacter le gestionnaire', async () => {
    const { academies } = (await martin.get('/api/intervenant/portails/missions')).body;
    const id = (code: string, n: number) => academies.find((a: any) => a.code === code).missions.find((m: any) => m.numero === n).convocationId;
    const eps = await martin.post(`/api/intervenant/portails/missions/${id('14', N.commissionEps)}/acces`);
    expect(eps.status).toBe(503);
    expect(eps.body.message).toMatch(/^L'application CYCLADES de l'académie de Rennes n'est pas disponible .* prenez contact avec votre gestionnaire\.$/);
    const nantes = await martin.post(`/api/intervenant/portails/missions/${id('17', N.numerisationNantes)}/acces`);
    expect(nantes.status).toBe(503);
    expect(nantes.body.message).toContain("pour l'académie de Nantes : son adresse n'a pas été renseignée");
  });

  it('la cible de démonstration vérifie le jeton de la plateforme', async () => {
    const { jeton } = signerJeton(
      cleJeton(p.config.sessionSecret),
      { iss: p.config.publicUrl, aud: 'SANTORIN', sub: 'prof.martin', nom: 'MARTIN-DEMO', prenom: 'Paul', academie: '14', contexte: { activite: 'portail-acces-missions', mission: { numero: N.correction, type: 'CORCOP', examen: 'BCG', epreuve: 'C010' } } },
      new Date(),
    );
    const ok = await martin.get(`/api/demo-cible/SANTORIN?jeton=${jeton}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Jeton vérifié');
    expect(ok.body).toContain(`n° ${N.correction}`);
    const autre = await martin.get(`/api/demo-cible/DELOS_BNS?jeton=${jeton}`);
    expect(autre.status).toBe(401);
    expect(autre.body).toContain('Jeton destiné à une autre application.');
    expect((await martin.get('/api/demo-cible/SANTORIN')).status).toBe(200);
  });
});
