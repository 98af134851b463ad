// The demo of the constat de service fait and the ICC (issue 14) as LA PROMENADE and the gestionnaire
// see it: past missions of every pay mode, the correction dématérialisée not listed, a mission already
// constatée, a read-only row, the ICC sessions with the seed's example and the BTS pre-filled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { MOT_DE_PASSE_AGENTS } from './comptes.ts';
import { MISSIONS_CONSTAT_DEMO as N } from './constat-icc.ts';
import { chargerDemo } from './demo.ts';

let p: TestPlatform;
let ce: TestClient;
let dec: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  p.clock.set(new Date('2026-11-23T09:00:00Z'));
  await chargerDemo(p.ctx.db, { scale: 1 });
  ce = p.client();
  await ce.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE_AGENTS);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
}, 240_000);
afterAll(async () => {
  await p?.close();
});

describe('démonstration du constat de service fait et des ICC (LA PROMENADE)', () => {
  it('missions passées de chaque mode de rémunération, correction dématérialisée absente, une mission constatée masquée par défaut', async () => {
    const tout = await ce.get('/api/centre/constat/missions');
    expect(tout.status).toBe(200);
    const numeros = tout.body.lignes.map((l: any) => l.numero);
    for (const n of [N.copies, N.oral2, N.pratique, N.surveillance, N.constatee, N.oralBts]) expect(numeros).toContain(n);
    expect(numeros).not.toContain(N.correctionEc);
    expect(tout.body.lignes.find((l: any) => l.numero === N.constatee).libelleEtat).toBe('Mission constatée');
    const parDefaut = await ce.get('/api/centre/constat/missions?masquerConstatees=true');
    expect(parDefaut.body.lignes.map((l: any) => l.numero)).not.toContain(N.constatee);
    const copies = tout.body.lignes.find((l: any) => l.numero === N.copies);
    const d = (await ce.get(`/api/centre/constat/missions/${copies.id}`)).body;
    expect(d.regles.saisieOuverte).toBe(true);
    expect(d.intervenants.filter((i: any) => i.mention === 'Traité par le gestionnaire')).toHaveLength(1);
    const oral2 = tout.body.lignes.find((l: any) => l.numero === N.oral2);
    expect((await ce.get(`/api/centre/constat/missions/${oral2.id}`)).body.regles.candidatsExiges).toBe(true);
  });

  it("ICC : l'exemple du seed sur EA-BTN (CYCLADES 6,0), la déclaration BCG transmise, le BTS pré-renseigné", async () => {
    const l = await ce.get('/api/centre/icc/sessions');
    const ea = l.body.lignes.find((x: any) => x.examen === '43A');
    const bcg = l.body.lignes.find((x: any) => x.examen === '470');
    expect(bcg.normale).toEqual({ statutSaisie: 'Transmis', suivi: 'Initialisé' });
    const detail = (await ce.get(`/api/centre/icc/sessions/${ea.sessionId}/normale`)).body;
    expect(detail.cyclades).toMatchObject({ journees: [60, 0, 0] });
    const bts = l.body.lignes.find((x: any) => x.examen === '320' && x.session.includes('BTS 2026'));
    expect((await ce.get(`/api/centre/icc/sessions/${bts.sessionId}/normale`)).body).toMatchObject({ journeesModifiables: false, declaration: { montant: 37_000 } });
    const g = await dec.get('/api/gestion/icc/declarations?annees=2025,2026');
    expect(g.body.lignes.map((x: any) => x.suivi).sort()).toEqual(['', 'Initialisé', 'Validé']);
  });
});
