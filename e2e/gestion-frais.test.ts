// « Traitement des états de frais » and « Paramètres des états de frais » on demo data (issue 16 §7,
// decision 0032), at 1280×720: dec.rennes sees the académie's états (at least 10 whole rows, nothing
// covering them), the number per status, filters on « Validé » that differ from the constat, opens the
// CORRECTION DE COPIES état whose 38 copies differ from the centre's 32, corrects the figure (reason,
// confirmation dialog, history), validates it (« Validé par gestionnaire »), rejects the SURVEILLANCE
// état with a reason, and saves the parameters (then puts them back). axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repondreConfirmation } from './support/confirmation.ts';
import { LIGNES, verifierPlace } from './support/place.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const TAILLE = { largeur: 1280, hauteur: 720 };

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function message(page: Page, attendu: string | RegExp) {
  await expect.poll(async () => (await messagesConsole(page)).join(' | ')).toMatch(attendu);
}

describe('Traitement des états de frais (gestionnaire)', () => {
  it('liste, filtres, correction motivée, validation et rejet par la boîte de confirmation ; paramètres', async () => {
    const s = await nouvelleSession(browser, 'gestion-frais', TAILLE);
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Traitement des états de frais', exact: true }).click();
      const lignes = page.locator(LIGNES);
      await lignes.first().waitFor();
      expect(await lignes.count()).toBeGreaterThanOrEqual(10);
      // The number per status, each a shortcut to its rows.
      const comptes = page.getByRole('list', { name: "Nombre d'états par statut (filtrer sur un statut)" });
      for (const libelle of ['Non validé', 'Validé', 'Validé par gestionnaire', 'Traité par le gestionnaire', 'Annulé', 'Mission non effectuée']) {
        await expect.poll(() => comptes.getByRole('button', { name: new RegExp(`^${libelle} \\(\\d+\\)$`) }).count()).toBe(1);
      }
      await verifierPlace(s, 'gestion-frais-liste');
      expect(await page.locator('.liste__defilement').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

      // Filters: « Validé » that differ from the centre's constat.
      await page.getByLabel('Statut', { exact: true }).selectOption('valide');
      await page.getByLabel('Écart avec le constat', { exact: true }).selectOption('oui');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      const ecart = lignes.filter({ hasText: '146020' }).filter({ hasText: 'Écart constat' });
      await ecart.first().waitFor();
      expect(await lignes.count()).toBeGreaterThanOrEqual(1);
      for (const t of await lignes.allInnerTexts()) expect(t).toMatch(/écart constat/i);
      await s.verifier('gestion-frais-filtre-ecart');

      // Open it: the constat beside the intervenant's figure.
      await ecart.first().getByRole('link').first().click();
      await page.getByRole('heading', { name: /^État de frais n° \d+ — / }).waitFor();
      await page.getByText("Le chiffre saisi par l'intervenant diffère du constat de service fait du centre").waitFor();
      const grille = await page.locator('.detail__grille').nth(1).innerText();
      expect(grille).toContain('38 copie(s)');
      expect(grille).toContain('32');
      await s.verifier('gestion-frais-etat');

      // Correct the figure: the reason is required.
      await page.getByLabel('Nouvelle valeur').fill('32');
      await page.getByRole('button', { name: 'Corriger', exact: true }).click();
      await page.getByText('Motif de la correction : obligatoire').first().waitFor();
      await page.getByLabel('Motif de la correction').fill('Nombre de copies constaté par le centre');
      await page.getByRole('button', { name: 'Corriger', exact: true }).click();
      await repondreConfirmation(page, 'Corriger un chiffre', 'Corriger');
      await message(page, /Nombre de copies corrigé : 38 → 32/);
      const historique = page.getByRole('table', { name: 'Historique des corrections' });
      await historique.getByText('Nombre de copies constaté par le centre').waitFor();
      expect(await historique.innerText()).toContain('38 → 32');
      await expect.poll(() => page.getByText("diffère du constat de service fait du centre").count()).toBe(0);
      await s.verifier('gestion-frais-corrige');

      // Valider, through the confirmation dialog.
      await page.getByRole('button', { name: 'Valider', exact: true }).click();
      await repondreConfirmation(page, "Valider l'état de frais", 'Valider');
      await message(page, /est validé par le gestionnaire/);
      await page.getByRole('heading', { name: /Validé par gestionnaire/i }).waitFor();
      expect(await page.getByRole('button', { name: 'Valider', exact: true }).isDisabled()).toBe(true);
      await s.verifier('gestion-frais-valide');

      // Back to the list; reject the SURVEILLANCE état « Validé » with a reason.
      await page.getByRole('button', { name: 'Retour' }).first().click();
      await page.getByRole('button', { name: 'Effacer filtre', exact: true }).click();
      await comptes.getByRole('button', { name: /^Validé \(\d+\)$/ }).click();
      const surveillance = lignes.filter({ hasText: '146022' });
      await surveillance.first().waitFor();
      await surveillance.first().getByRole('link').first().click();
      await page.getByRole('heading', { name: /^État de frais n° \d+ — / }).waitFor();
      await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
      await page.getByText('Motif : indiquez pourquoi vous rejetez cet état de frais').first().waitFor();
      await page.getByLabel('Motif (obligatoire pour rejeter ou annuler)').fill('Les horaires de surveillance ne sont pas renseignés : complétez-les.');
      await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
      await repondreConfirmation(page, "Rejeter l'état de frais", 'Rejeter');
      await message(page, /est rejeté : il revient à l'intervenant/);
      await page.getByRole('heading', { name: /Non validé/i }).waitFor();
      expect(await page.locator('.detail__grille').nth(2).innerText()).toContain('Les horaires de surveillance ne sont pas renseignés');
      await s.verifier('gestion-frais-rejete');

      // Paramètres des états de frais: saved with the version read, then put back.
      await page.locator('#menu').getByRole('link', { name: 'Paramètres des états de frais', exact: true }).click();
      const jours = page.getByLabel('Intervalle des relances (jours)');
      await jours.waitFor();
      const avant = await jours.inputValue();
      await s.verifier('gestion-frais-parametres');
      await jours.fill('99');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByText('Intervalle des relances : nombre de jours entre 1 et 90.').first().waitFor();
      await jours.fill(avant === '10' ? '12' : '10');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await message(page, /Paramètres enregistrés\./);
      await jours.fill(avant);
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page)).filter((m) => m.includes('Paramètres enregistrés.')).length).toBeGreaterThanOrEqual(1);
    } finally {
      await sortir(s);
    }
  });
});
