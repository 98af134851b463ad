// Inactivity (seed 003 §1.3.1) on a platform configured with a short delay (SESSION_IDLE_SECONDS=40,
// SESSION_WARNING_SECONDS=36): the popup comes, « Rester connecté » prolongs, the warning names the
// unsaved form, the session ends back at the login page with a message, and the form being typed
// comes back after the next login.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, e2e, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

describe('inactivité', () => {
  it('prévient, prolonge, puis termine la session sans perdre la saisie', async () => {
    const { urlInactivite, inactivite } = e2e();
    const s = await nouvelleSession(browser, 'inactivite', { url: urlInactivite });
    const { page } = s;
    try {
      await seConnecter(s, 'admin.rennes', 'imagin-admin');
      await attendreShell(page);
      const modale = page.locator('#modale-inactivite');

      // The warning comes after (idle − warning) seconds without a request.
      const t0 = Date.now();
      await modale.getByRole('heading', { name: 'Votre session va bientôt expirer' }).waitFor({ timeout: (inactivite.idle - inactivite.avertissement + 10) * 1000 });
      const attente = (Date.now() - t0) / 1000;
      expect(attente).toBeGreaterThan(inactivite.idle - inactivite.avertissement - 2);
      expect(await modale.innerText()).toMatch(/votre session se terminera dans \d+ secondes?/);
      // DSFR opens its modal with a transition: answer once it is fully open, as a person would.
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      await s.verifier('inactivite-avertissement');
      await modale.getByRole('button', { name: 'Rester connecté' }).click();
      await modale.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Information : Votre session a été prolongée.');

      // A form being typed: the warning names it.
      await page.locator('#menu').getByRole('link', { name: "Message d'accueil" }).click();
      await page.locator('.liste__table tbody tr', { hasText: 'Service établissement' }).first().click();
      const saisie = 'Campagne 2026 : pensez à vérifier les disponibilités de vos personnels avant le 15 mai.';
      await page.getByLabel('Texte du message d’accueil').fill(saisie);
      await modale.getByRole('heading', { name: 'Votre session va bientôt expirer' }).waitFor({ timeout: 30_000 });
      expect(await modale.innerText()).toContain('Une saisie n’est pas enregistrée (« Message d’accueil — IMAG\'IN — Service établissement »)');
      await s.verifier('inactivite-avertissement-saisie');

      // Nobody answers: back to the login page, with the server's message.
      await page.waitForURL('**/connexion/agents', { timeout: (inactivite.avertissement + 15) * 1000 });
      await page.locator('#message-connexion').waitFor();
      expect(await page.locator('#message-connexion').innerText()).toContain(`Votre session a expiré après ${inactivite.idle} secondes d'inactivité. Identifiez-vous à nouveau.`);
      await s.verifier('inactivite-expiree');

      // Signing in again leads back to the form, with what was typed.
      await seConnecter(s, 'admin.rennes', 'imagin-admin');
      await attendreShell(page);
      await page.getByLabel('Texte du message d’accueil').waitFor();
      expect(page.url()).toContain('/imagin-admin/message-accueil/imagin-etablissement');
      expect(await page.getByLabel('Texte du message d’accueil').inputValue()).toBe(saisie);
      expect(await page.locator('main').innerText()).toContain('votre saisie non enregistrée');
      await s.verifier('inactivite-saisie-restauree');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain("Message d'accueil enregistré.");
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });
});
