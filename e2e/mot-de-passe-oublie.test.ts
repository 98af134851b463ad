// Forgotten password (seed 004 §2): the intervenant asks for a link, the message waits in the
// platform's outbox (no SMTP server in tests), the administrator reads it in « Boîte d'envoi », the
// link sets a new password once.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MOT_DE_PASSE_OUBLIE } from '../src/server/identite/identite.service.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const NOUVEAU = 'Retrouve-Mon-Acces-2026!';

describe('mot de passe oublié', () => {
  it('de la demande au nouveau mot de passe, par la boîte d’envoi', async () => {
    const i = await nouvelleSession(browser, 'oubli-intervenant');
    const a = await nouvelleSession(browser, 'oubli-administrateur');
    try {
      await i.page.goto('/connexion/intervenants');
      await i.page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
      await expect.poll(async () => (await i.page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain("Saisissez d'abord votre identifiant");
      await i.page.getByLabel('Identifiant').fill('e2e.oubli');
      await i.page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
      await i.page.locator('#message-connexion').waitFor();
      // One sentence for every identifiant, never the address (issue 13 §8).
      expect((await i.page.locator('#message-connexion').innerText()).trim()).toBe(MESSAGE_MOT_DE_PASSE_OUBLIE);
      await i.verifier('oubli-demande');

      await seConnecter(a, 'admin.rennes', 'imagin-admin');
      await attendreShell(a.page);
      await a.page.locator('#menu').getByRole('link', { name: "Boîte d'envoi des messages" }).click();
      await a.page.locator('.liste__table').waitFor();
      expect(await a.page.locator('.liste__titre').innerText()).toMatch(/^Boîte d’envoi des messages \(\d+ lignes?\)$/);
      await a.page.getByLabel('Filtrer par mot-clé').fill('OUBLI-E2E');
      await expect.poll(() => a.page.locator('.liste__titre').innerText()).toBe('Boîte d’envoi des messages (1 ligne)');
      await a.verifier('boite-envoi');
      await a.page.locator('.liste__table tbody tr').first().click();
      await a.page.getByRole('heading', { name: 'Message sélectionné' }).waitFor();
      const texte = await a.page.locator('#texte-message').innerText();
      expect(texte).toContain("Une réinitialisation du mot de passe a été demandée pour l'identifiant e2e.oubli.");
      const lien = /https?:\/\/\S+\/reinitialiser-mot-de-passe\?jeton=\S+/.exec(texte)?.[0];
      expect(lien).toBeTruthy();
      await a.verifier('boite-envoi-message');

      // The .eml download.
      const [telechargement] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Télécharger le message (.eml)' }).click()]);
      expect(telechargement.suggestedFilename()).toMatch(/^message-.+\.eml$/);
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, telechargement.suggestedFilename());
      await telechargement.saveAs(chemin);
      // Quoted-printable: soft line breaks and "=" encoded.
      const eml = readFileSync(chemin, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(eml).toMatch(/^To: oubli-e2e@example\.fr/m);
      expect(eml).toContain('reinitialiser-mot-de-passe?jeton=');

      // « Retour » brings the list back as it was: the keyword is still there.
      await a.page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(() => a.page.locator('.liste__titre').innerText()).toBe('Boîte d’envoi des messages (1 ligne)');
      expect(await a.page.getByLabel('Filtrer par mot-clé').inputValue()).toBe('OUBLI-E2E');
      await quitter(a.page);

      // The link, in the intervenant's browser.
      await i.page.goto(lien!);
      await i.page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
      await i.verifier('reinitialisation');
      await i.page.locator('#nouveau').fill(NOUVEAU);
      await i.page.locator('#confirmation').fill(NOUVEAU);
      await i.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await i.page.getByText('Votre mot de passe a été modifié. Vous pouvez vous connecter.').waitFor();
      await i.verifier('reinitialisation-faite');

      await seConnecter(i, 'e2e.oubli', 'imagin-intervenant', NOUVEAU);
      await attendreShell(i.page);
      await quitter(i.page);

      // The link serves once.
      await i.page.goto(lien!);
      await i.page.locator('#nouveau').fill(NOUVEAU + '2');
      await i.page.locator('#confirmation').fill(NOUVEAU + '2');
      await i.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await i.page.getByRole('alert').filter({ hasText: 'plus valable' }).waitFor();
      await i.verifier('reinitialisation-lien-use');
    } finally {
      await i.fermer();
      await a.fermer();
    }
  });

  it('sans adresse connue, l’intervenant est orienté vers le gestionnaire', async () => {
    const s = await nouvelleSession(browser, 'oubli-sans-adresse');
    try {
      await s.page.goto('/connexion/intervenants');
      await s.page.getByLabel('Identifiant').fill('identifiant.inconnu');
      await s.page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
      await s.page.locator('#message-connexion').waitFor();
      // The same sentence as for a known identifiant: it does not tell that this one does not exist.
      expect((await s.page.locator('#message-connexion').innerText()).trim()).toBe(MESSAGE_MOT_DE_PASSE_OUBLIE);
      expect(await s.page.locator('#message-connexion').innerText()).toContain('contactez le gestionnaire des examens de votre académie');
    } finally {
      await s.fermer();
    }
  });
});
