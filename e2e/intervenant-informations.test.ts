// IMAG'IN intervenant — « Informations personnelles » (issue 15 §4, seed 004 §2.5) on demo data, at
// 1280×720: Paul MARTIN-DEMO edits his phone, commune and mél; a wrong mél is said on its field and
// the other fields keep what was typed; « Enregistrer » (disabled while saving) saves; a reload shows
// the new values; a change made elsewhere meanwhile is said without losing the input; the bank details
// are read-only, masked, with the seed's sentence. axe on every state. A platform of its own: the
// scenario changes prof.martin's data, which other scenarios read.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';
import { choisirTaille } from './support/place.ts';

const PHRASE = 'Si vous avez besoin de modifier vos coordonnées bancaires, veuillez envoyer votre RIB au service de gestion.';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

describe('Informations personnelles', () => {
  it('modifie téléphone, commune et mél avec un message sur le champ fautif, enregistre, relit ; coordonnées bancaires en lecture seule', async () => {
    const db = plateforme.platform.ctx.db;
    const martin = await db
      .selectFrom('compte as c')
      .innerJoin('role_attribution as ra', 'ra.compte_id', 'c.id')
      .innerJoin('personne as p', 'p.id', 'ra.personne_id')
      .selectAll('p')
      .where('c.login', '=', 'prof.martin')
      .where('ra.role', '=', 'intervenant')
      .where('ra.academie_code', '=', '14')
      .executeTakeFirstOrThrow();
    expect(martin.iban_fin, 'la démonstration donne des coordonnées bancaires à prof.martin').toBeTruthy();
    const s = await nouvelleSession(browser, 'intervenant-informations', { url: plateforme.url, largeur: 1280, hauteur: 720 });
    const { page } = s;
    const champ = (id: string) => page.locator(`#info-${id}`);
    const premierMessage = async () => (await messagesConsole(page))[0] ?? '';
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Informations personnelles', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Informations personnelles' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'M. Paul MARTIN-DEMO' }).waitFor();
      // His data as recorded.
      expect(await champ('adresse').inputValue()).toBe(martin.adresse);
      expect(await champ('codePostal').inputValue()).toBe(martin.code_postal);
      expect(await champ('commune').inputValue()).toBe(martin.commune);
      expect(await champ('telPro').inputValue()).toBe(martin.tel_pro);
      expect(await champ('telPerso').inputValue()).toBe(martin.tel_perso);
      expect(await champ('emailPro').inputValue()).toBe('paul.martin-demo@ac-rennes.fr');
      expect(await champ('emailPerso').inputValue()).toBe('paul.martin-demo@example.org');
      // The bank details: masked, read-only, the sentence.
      const banque = page.locator('#coordonnees-bancaires');
      expect(await banque.locator('#banque-iban').innerText()).toBe(`FR•• •••• •••• •••• •••• ••${martin.iban_fin}`);
      expect(await banque.locator('#banque-bic').innerText()).toMatch(/^•+[A-Z0-9]{3}$/);
      expect(await banque.locator('#message-banque').innerText()).toBe(PHRASE);
      expect(await banque.locator('input, textarea, select, button').count()).toBe(0);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await s.verifier('informations-personnelles');

      // A wrong mél: its message on its field, focus there, the other fields keep what was typed.
      await champ('telPerso').fill('07.11.22.33.44');
      await champ('codePostal').fill('35400');
      await champ('commune').fill('Saint-Malo');
      await champ('emailPerso').fill('paul.nouveau@example');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      const erreurs = page.locator('.fr-input-group .fr-message--error');
      await expect.poll(async () => (await erreurs.allInnerTexts()).join(' | ')).toBe("Le mél personnel n'est pas valide : format attendu prenom.nom@exemple.fr.");
      expect(await champ('emailPerso').getAttribute('aria-invalid')).toBe('true');
      expect(await champ('emailPerso').evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await premierMessage()).toContain("Le mél personnel n'est pas valide");
      expect(await champ('telPerso').inputValue()).toBe('07.11.22.33.44');
      expect(await champ('commune').inputValue()).toBe('Saint-Malo');
      expect(await champ('codePostal').inputValue()).toBe('35400');
      expect((await db.selectFrom('personne').select('commune').where('id', '=', martin.id).executeTakeFirstOrThrow()).commune).toBe(martin.commune);
      await s.verifier('informations-personnelles-erreur');

      // Corrected: the message goes as soon as the field is typed in; « Enregistrer » is disabled while saving.
      await champ('emailPerso').fill('paul.nouveau@example.org');
      expect(await erreurs.count()).toBe(0);
      let liberer: () => void = () => {};
      const retenue = new Promise<void>((r) => (liberer = r));
      await page.route('**/api/intervenant/informations', async (route) => {
        if (route.request().method() === 'PUT') await retenue;
        await route.continue();
      });
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
      liberer();
      await expect.poll(premierMessage).toContain('Vos informations personnelles sont enregistrées.');
      await expect.poll(() => page.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(false);
      await page.unroute('**/api/intervenant/informations');
      // Normalised as stored.
      expect(await champ('telPerso').inputValue()).toBe('07 11 22 33 44');
      expect(await champ('commune').inputValue()).toBe('SAINT-MALO');
      await expect.poll(() => page.locator('#derniere-modification').innerText()).toMatch(/^Dernière modification le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} par vous-même\.$/);
      await s.verifier('informations-personnelles-enregistrees');

      // A reload shows the new values.
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'M. Paul MARTIN-DEMO' }).waitFor();
      expect(await champ('telPerso').inputValue()).toBe('07 11 22 33 44');
      expect(await champ('codePostal').inputValue()).toBe('35400');
      expect(await champ('commune').inputValue()).toBe('SAINT-MALO');
      expect(await champ('emailPerso').inputValue()).toBe('paul.nouveau@example.org');
      expect(await champ('emailPro').inputValue()).toBe('paul.martin-demo@ac-rennes.fr');

      // Changed elsewhere meanwhile (as an import of the académie's bases would): said, the input kept,
      // then « Afficher les valeurs enregistrées » shows them.
      await champ('telPro').fill('02 99 11 22 33');
      await db.updateTable('personne').set({ email_pro: 'p.martin-demo@ac-rennes.fr', modifie_le: new Date(Date.now() + 1000) }).where('id', '=', martin.id).execute();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      const perime = page.locator('#informations-perimees');
      await perime.waitFor();
      expect(await perime.innerText()).toContain("Rien n'a été enregistré");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('informations-perimees');
      expect(await champ('telPro').inputValue()).toBe('02 99 11 22 33');
      await s.verifier('informations-personnelles-perimees');
      await page.getByRole('button', { name: /Afficher les valeurs enregistrées/ }).click();
      await expect.poll(() => champ('emailPro').inputValue()).toBe('p.martin-demo@ac-rennes.fr');
      expect(await champ('telPro').inputValue()).toBe(martin.tel_pro);
      expect(await perime.count()).toBe(0);
      await champ('telPro').fill('02 99 11 22 33');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(premierMessage).toContain('Vos informations personnelles sont enregistrées.');
      expect((await db.selectFrom('personne').select(['tel_pro', 'email_pro']).where('id', '=', martin.id).executeTakeFirstOrThrow())).toEqual({ tel_pro: '02 99 11 22 33', email_pro: 'p.martin-demo@ac-rennes.fr' });

      // Large fonts: nothing wider than the screen, every field, the button and the sentence reachable.
      await choisirTaille(page, 'Grande');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      for (const id of ['adresse', 'codePostal', 'commune', 'telPro', 'telPerso', 'emailPro', 'emailPerso']) {
        await champ(id).scrollIntoViewIfNeeded();
        expect(await champ(id).isVisible(), id).toBe(true);
      }
      await page.getByRole('button', { name: 'Enregistrer' }).scrollIntoViewIfNeeded();
      await page.locator('#message-banque').scrollIntoViewIfNeeded();
      expect(await page.locator('#message-banque').isVisible()).toBe(true);
      await s.verifier('informations-personnelles-grande');
      await choisirTaille(page, 'Normale');
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });
});
