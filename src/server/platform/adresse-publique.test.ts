// Documents and e-mails carry the configured public address (PUBLIC_URL), never a local one
// (issue 13 §22): the jury access slips of the plan de secours and the reset link of « Mot de passe
// oublié ». (The start-up warning when PUBLIC_URL is unset: config.test.ts.) Behind https, the Jury
// portal's first-screen ticket is a Secure cookie, as the session cookie is (http/securite.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargerDemo } from '../demo/demo.ts';
import { MOT_DE_PASSE_AGENTS } from '../demo/comptes.ts';
import { CHEMIN_PORTAIL_SECOURS } from '../cyclades-deliberation/centre.plan-secours.ts';
import { calculerHotp } from '../../domain/identite/otp.ts';
import { CLES_OTP_DEMO } from '../demo/cles-otp.ts';
import { lireZip, textePdf } from '../testing/documents.ts';
import { attendre, createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';

const PUBLIC_URL = 'https://examens.ac-rennes.fr';

let p: TestPlatform;
let chef: TestClient;

beforeAll(async () => {
  p = await createTestPlatform({ env: { PUBLIC_URL: PUBLIC_URL + '/' } });
  await chargerDemo(p.ctx.db, { scale: 1 });
  chef = p.client();
  await chef.login('cyclades-etablissement', 'ce.0350059z', MOT_DE_PASSE_AGENTS);
}, 120_000);
afterAll(async () => {
  await p?.close();
});

describe('adresse publique dans les documents', () => {
  it("les papillons d'accès des jurys (plan de secours) portent PUBLIC_URL", async () => {
    // BREQUIGNY's juries in the recueil des notes de l'épreuve de contrôle, as on the deliberation day.
    const brequigny = await p.ctx.db.selectFrom('jury').select('id').where('numero', 'in', ['25510', '31202', '31210']).execute();
    await p.ctx.db.updateTable('jury').set({ etat: 200 }).where('id', 'in', brequigny.map((j) => j.id)).execute();
    const r = await chef.post('/api/cyclades/deliberation/plan-de-secours', {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const cr = await attendre(async () => {
      const t = await chef.get(`/api/traitements/${r.body.traitementId}`);
      return t.body.statut === 'termine' || t.body.statut === 'erreur' ? t.body : null;
    }, 60_000);
    expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
    const zip = (cr.documents as Array<{ id: string; type: string }>).find((d) => d.type === 'ZIP')!;
    const entrees = lireZip((await chef.get(`/api/documents/${zip.id}`)).raw);
    const papillons = await textePdf(entrees.find((e) => e.nom === 'Papillons_acces_jurys.pdf')!.contenu);
    expect(papillons.pages.length).toBeGreaterThan(0);
    for (const page of papillons.pages) {
      expect(page).toContain(`URL d'accès : ${PUBLIC_URL}${CHEMIN_PORTAIL_SECOURS}`);
      expect(page).not.toContain('localhost');
    }
  });

  it('le lien de « Mot de passe oublié » porte PUBLIC_URL', async () => {
    await p.client().post('/api/auth/mot-de-passe-oublie', { identifiant: 'dec.rennes' });
    const mail = await attendre(() => p.ctx.db.selectFrom('mail').select('texte').where('texte', 'like', '%reinitialiser-mot-de-passe%').executeTakeFirst());
    expect(mail.texte).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/reinitialiser-mot-de-passe\\?jeton=`, 'm'));
    expect(mail.texte).not.toContain('localhost');
  });
});

describe('derrière https', () => {
  it('le ticket de la 1re mire du portail Jury est un cookie Secure, HttpOnly, limité à /api/jury', async () => {
    const cle = CLES_OTP_DEMO.find((k) => k.identifiant === 'OTP-DEMO-01')!;
    const r = await p.client().post('/api/jury/cle', { identifiant: cle.identifiant, motDePasse: cle.pin + calculerHotp(Buffer.from(cle.secretHex, 'hex'), 0, cle.chiffres) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ticket = [r.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('jury_cle='))!;
    expect(ticket).toMatch(/;\s*Secure/i);
    expect(ticket).toMatch(/;\s*HttpOnly/i);
    expect(ticket).toMatch(/;\s*Path=\/api\/jury/i);
  });
});
