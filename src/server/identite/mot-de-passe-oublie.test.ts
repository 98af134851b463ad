// « Mot de passe oublié » (seed 004 §2.1; issue 13 §8): one answer for every identifiant — known with
// an address, known without, unknown, deactivated — that states both cases of the seed, never shows
// the address, and does not wait for the message to be written (the link is sent after the answer).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, type TestPlatform } from '../testing/harness.ts';
import { MESSAGE_MOT_DE_PASSE_OUBLIE } from './identite.service.ts';

let p: TestPlatform;
beforeEach(async () => {
  p = await createTestPlatform();
  await fixtureReferentiel(p);
});
afterEach(async () => {
  await p.close();
});

const demander = (identifiant: string) => p.client().post('/api/auth/mot-de-passe-oublie', { identifiant });

describe('mot de passe oublié', () => {
  it('répond la même phrase pour tout identifiant, sans jamais montrer d’adresse', async () => {
    await fixtureCompte(p, { login: 'avec.adresse', role: 'intervenant', email: 'alice.prof@example.fr' });
    await fixtureCompte(p, { login: 'sans.adresse', role: 'intervenant', email: null });
    const { compteId } = await fixtureCompte(p, { login: 'desactive', role: 'intervenant', email: 'desactive@example.fr' });
    await p.ctx.db.updateTable('compte').set({ actif: false }).where('id', '=', compteId).execute();

    const reponses = await Promise.all(['avec.adresse', 'sans.adresse', 'desactive', 'inconnu', 'AVEC.ADRESSE'].map(demander));
    for (const r of reponses) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ message: MESSAGE_MOT_DE_PASSE_OUBLIE });
    }
    // Both cases of the seed, in one sentence…
    expect(MESSAGE_MOT_DE_PASSE_OUBLIE).toMatch(/^Si une adresse électronique est connue pour cet identifiant.*courriel.*; sinon, contactez le gestionnaire des examens de votre académie/);
    expect(MESSAGE_MOT_DE_PASSE_OUBLIE.match(/\./g)).toHaveLength(1);
    // …and no address, not even masked.
    expect(MESSAGE_MOT_DE_PASSE_OUBLIE).not.toMatch(/@|•/);

    // Only the account with an address (in either case of its login) gets the link.
    const mails = await attendre(async () => {
      const m = await p.ctx.db.selectFrom('mail').select('destinataires').execute();
      return m.length >= 2 ? m : null;
    });
    expect(mails.map((m) => m.destinataires)).toEqual([['alice.prof@example.fr'], ['alice.prof@example.fr']]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await p.ctx.db.selectFrom('mail').select('id').execute()).toHaveLength(2);
  });
});
