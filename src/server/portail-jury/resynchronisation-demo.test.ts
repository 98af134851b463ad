// Issue 13 §1: on a fresh demo, resynchronising a demo key (whose secret is still marked « demo-clair »
// and is encrypted at first use) hung the whole server: the secret was re-encrypted through ctx.db
// from inside the resync transaction. The request must answer, the secret be stored encrypted, and
// the server keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp } from '../../domain/identite/otp.ts';
import { CLES_OTP_DEMO } from '../demo/cles-otp.ts';
import { MOT_DE_PASSE_AGENTS, plateformeDeliberation, type PlateformeDeliberation } from '../cyclades-deliberation/dec.fixtures.ts';
import { PREFIXE_SECRET_DEMO } from './cles.repo.ts';

let d: PlateformeDeliberation;
beforeAll(async () => {
  d = await plateformeDeliberation();
});
afterAll(async () => {
  await d?.p.close();
});

describe("resynchronisation d'une clé de démonstration", () => {
  it('répond, chiffre le secret et laisse le serveur répondre', async () => {
    const demo = CLES_OTP_DEMO.find((c) => c.identifiant === 'OTP-DEMO-03')!;
    const avant = await d.p.ctx.db.selectFrom('cle_otp').select(['id', 'secret_chiffre', 'compteur']).where('identifiant', '=', demo.identifiant).executeTakeFirstOrThrow();
    expect(avant.secret_chiffre.startsWith(PREFIXE_SECRET_DEMO)).toBe(true);
    const dsi = d.p.client();
    await dsi.login('dsi', 'dsi.rennes', MOT_DE_PASSE_AGENTS);
    const secret = Buffer.from(demo.secretHex, 'hex');
    const r = await dsi.post(`/api/dsi/cles-otp/${avant.id}/resynchroniser`, { code1: calculerHotp(secret, 7, demo.chiffres), code2: calculerHotp(secret, 8, demo.chiffres) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toContain('OTP-DEMO-03 resynchronisée (compteur 9)');
    const apres = await d.p.ctx.db.selectFrom('cle_otp').select(['secret_chiffre', 'compteur']).where('id', '=', avant.id).executeTakeFirstOrThrow();
    expect(apres.compteur).toBe(9);
    expect(apres.secret_chiffre.startsWith(PREFIXE_SECRET_DEMO)).toBe(false);
    expect(apres.secret_chiffre).not.toContain(demo.secretHex);
    const sante = await d.p.client().get('/api/health');
    expect(sante.status).toBe(200);
  });
});
