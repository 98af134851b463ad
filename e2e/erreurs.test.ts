// Errors (issue 3 §10): a 4xx shows the server's French message in the console and beside its
// field, also announced to screen readers; a 5xx shows « Erreur technique (réf. …) »; a lost
// connection is reported and the action retried.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const HORODATAGE = /^\(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\) /;

describe('erreurs', () => {
  it('4xx : le message du serveur dans la console, à côté du champ, et annoncé', async () => {
    const s = await nouvelleSession(browser, 'erreur-4xx');
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Comptes des intervenants' }).click();
      await page.getByLabel('Nom, prénom ou identifiant').fill('prof.martin');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.locator('.liste__table tbody tr.liste__ligne', { hasText: 'prof.martin' }).click();
      await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
      await page.getByRole('button', { name: 'Enregistrer et envoyer le lien' }).click();
      const attendu = 'Adresse électronique incorrecte : saisissez une adresse de la forme prenom.nom@exemple.fr.';
      await expect.poll(() => page.locator('.fr-message--error').allInnerTexts()).toContain(attendu);
      const premier = (await messagesConsole(page))[0]!;
      expect(premier).toMatch(HORODATAGE);
      expect(premier.replace(HORODATAGE, '')).toBe(`Erreur : ${attendu}`);
      await expect.poll(() => page.locator('#annonce-erreur').innerText()).toBe(`Erreur : ${attendu}`);
      // The field points at its message.
      const decrit = await page.getByLabel('Adresse électronique').getAttribute('aria-describedby');
      expect(await page.locator(`#${decrit!.split(' ')[0]!.replace(/:/g, '\\:')}`).innerText()).toBe(attendu);
      await s.verifier('erreur-champ');
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  it('5xx : « Erreur technique (réf. …) », puis « Réessayer »', async () => {
    const s = await nouvelleSession(browser, 'erreur-5xx');
    const { page } = s;
    try {
      await seConnecter(s, 'admin.rennes', 'imagin-admin');
      await attendreShell(page);
      // A reverse proxy answering 502 with its own HTML page, as happens when the service restarts.
      await page.route('**/api/admin/boite-envoi', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' }));
      await page.locator('#menu').getByRole('link', { name: "Boîte d'envoi des messages" }).click();
      const alerte = page.locator('.liste .fr-alert--error');
      await alerte.waitFor();
      expect(await alerte.innerText()).toMatch(/Erreur technique \(réf\. HTTP502-[0-9A-F]{8}\)/);
      expect((await messagesConsole(page))[0]).toMatch(/Erreur : Erreur technique \(réf\. HTTP502-[0-9A-F]{8}\)/);
      await s.verifier('erreur-technique');
      await page.unroute('**/api/admin/boite-envoi');
      await alerte.getByRole('button', { name: 'Réessayer' }).click();
      await page.locator('.liste__table').waitFor();
      expect(await page.locator('.liste__titre').innerText()).toMatch(/\(\d+ lignes?\)$/);
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  it('connexion perdue : signalée, l’action se relance', async () => {
    const s = await nouvelleSession(browser, 'erreur-reseau');
    const { page, context } = s;
    try {
      await seConnecter(s, 'admin.rennes', 'imagin-admin');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: "Message d'accueil" }).click();
      await page.locator('.liste__table tbody tr').first().waitFor();
      await s.verifier('messages-accueil');
      await page.locator('.liste__table tbody tr', { hasText: 'DSI' }).first().click();
      const texte = `Maintenance prévue le ${new Date().getDate()} au soir.`;
      await page.getByLabel('Texte du message d’accueil').fill(texte);

      await context.setOffline(true);
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const message = page.locator('.console__message').first();
      await expect.poll(() => message.innerText()).toContain('Erreur : La connexion au serveur est interrompue');
      await expect.poll(() => page.locator('#annonce-erreur').innerText()).toContain('La connexion au serveur est interrompue');
      await s.verifier('erreur-reseau');

      await context.setOffline(false);
      await message.getByRole('button', { name: 'Réessayer' }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain("Message d'accueil enregistré.");
      // Saved for real.
      await page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(() => page.locator('.liste__table tbody tr', { hasText: 'DSI' }).first().innerText()).toContain('Maintenance prévue');
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });
});
