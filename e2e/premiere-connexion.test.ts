// First connection (seed 004 §2.1): the e-mail prompt right after the identification (no address
// known), then the temporary password is changed; and a temporary password given by the gestionnaire in
// « Comptes des intervenants ». The account is the scenarios' own e2e.premiere (prof.abricotier's first
// connection is intervenant-accueil.test.ts').
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, compte, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const NOUVEAU = 'Mon-Nouveau-Mot2passe!';

describe('première connexion', () => {
  it('l’intervenant renseigne son adresse puis change son mot de passe temporaire', async () => {
    const s = await nouvelleSession(browser, 'premiere-connexion');
    const { page } = s;
    try {
      const c = compte('e2e.premiere');
      expect(c.temporaire).toBe(true);
      await page.goto('/connexion/intervenants');
      expect(await page.locator('main').innerText()).toContain('Votre identifiant figure en en-tête de votre convocation.');
      await seConnecter(s, 'e2e.premiere', 'imagin-intervenant');

      // No e-mail is known: the prompt comes first, right after the identification.
      await page.waitForURL('**/imagin-intervenant/adresse-electronique');
      await s.verifier('adresse-electronique');
      await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
      await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
      await expect.poll(async () => (await page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain('Adresse électronique incorrecte');
      await page.getByLabel('Adresse électronique').fill('elise.temporaire@example.fr');
      await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();

      await page.waitForURL('**/imagin-intervenant/mot-de-passe');
      expect(await page.locator('h1').innerText()).toBe('Choisissez votre mot de passe');
      await s.verifier('changement-mot-de-passe');

      // The confirmation differs: said beside the field, before any request.
      await page.locator('#ancien').fill(c.motDePasse);
      await page.locator('#nouveau').fill(NOUVEAU);
      await page.locator('#confirmation').fill(NOUVEAU + 'x');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await expect.poll(() => page.locator('.fr-message--error').allInnerTexts()).toContain('La confirmation ne correspond pas au nouveau mot de passe.');

      // Too weak: the server's rule, in French, beside the new password.
      await page.locator('#nouveau').fill('court');
      await page.locator('#confirmation').fill('court');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await expect.poll(async () => (await page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain('Le mot de passe doit contenir au moins 12 caractères');
      await s.verifier('changement-mot-de-passe-refuse');

      await page.locator('#nouveau').fill(NOUVEAU);
      await page.locator('#confirmation').fill(NOUVEAU);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

      await attendreShell(page);
      const messages = await messagesConsole(page);
      expect(messages.join('\n')).toContain('Information : Votre adresse électronique a été enregistrée.');
      expect(messages.join('\n')).toContain('Information : Votre mot de passe a été modifié.');
      await s.verifier('accueil-apres-premiere-connexion');
      await quitter(page);

      // The new password opens the service directly.
      await seConnecter(s, 'e2e.premiere', 'imagin-intervenant', NOUVEAU);
      await attendreShell(page);
      expect(page.url()).toMatch(/\/imagin-intervenant$/);
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  it('le gestionnaire attribue un mot de passe temporaire, que l’intervenant remplace', async () => {
    const g = await nouvelleSession(browser, 'mot-de-passe-temporaire-gestionnaire');
    const i = await nouvelleSession(browser, 'mot-de-passe-temporaire-intervenant');
    try {
      await seConnecter(g, 'dec.rennes', 'imagin-gestion');
      await attendreShell(g.page);
      await g.page.locator('#menu').getByRole('link', { name: 'Comptes des intervenants' }).click();
      await g.page.getByLabel('Nom, prénom ou identifiant').fill('e2e.temporaire');
      await g.page.getByRole('button', { name: 'Rechercher' }).click();
      await expect.poll(() => g.page.locator('.liste__titre').innerText()).toBe('Comptes des intervenants (1 ligne)');
      await g.verifier('comptes-recherche');
      await g.page.locator('.liste__table tbody tr').first().click();
      await g.page.getByRole('heading', { name: 'Compte sélectionné' }).waitFor();
      await g.page.getByRole('button', { name: 'Attribuer un mot de passe temporaire' }).click();
      const motDePasse = (await g.page.locator('#mot-de-passe-temporaire').innerText()).trim();
      expect(motDePasse).toMatch(/^\S{10}$/);
      await expect.poll(async () => (await messagesConsole(g.page))[0] ?? '').toContain('Mot de passe temporaire attribué.');
      await g.verifier('comptes-mot-de-passe-temporaire');

      await seConnecter(i, 'e2e.temporaire', 'imagin-intervenant', motDePasse);
      // No address known: the prompt first; it is only a proposal.
      await i.page.waitForURL('**/imagin-intervenant/adresse-electronique');
      await i.page.getByRole('button', { name: 'Plus tard' }).click();
      await i.page.waitForURL('**/imagin-intervenant/mot-de-passe');
      await i.page.locator('#ancien').fill(motDePasse);
      await i.page.locator('#nouveau').fill(NOUVEAU);
      await i.page.locator('#confirmation').fill(NOUVEAU);
      await i.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await attendreShell(i.page);
      await expect.poll(async () => (await messagesConsole(i.page)).join('\n')).toContain('Attention : Aucune adresse électronique n’est connue pour vous');
      await i.verifier('accueil-sans-adresse');
      await quitter(i.page);
      await quitter(g.page);
    } finally {
      await g.fermer();
      await i.fermer();
    }
  });
});
