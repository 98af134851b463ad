// Display settings of the header (contraste, taille de police, interlignage, justification, DSFR's
// light/dark theme) remembered per user; the user guide and the tutorial served as pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, navigateur, nouvelleSession, outilEntete, quitter, seConnecter, verifierAccessibilite } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const attributs = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const h = document.documentElement;
    return { theme: h.getAttribute('data-fr-theme'), contraste: h.dataset.contraste, taille: h.dataset.taillePolice, interlignage: h.dataset.interlignage, justification: h.dataset.justification, police: getComputedStyle(h).fontSize };
  });

describe('paramètres d’affichage et guide', () => {
  it('les réglages s’appliquent et sont retrouvés à la connexion suivante, sur un autre navigateur', async () => {
    const a = await nouvelleSession(browser, 'affichage');
    try {
      await seConnecter(a, 'dsi.rennes', 'dsi');
      await attendreShell(a.page);
      await outilEntete(a.page, 'Affichage').click();
      const modale = a.page.locator('#modale-parametres');
      await modale.getByRole('heading', { name: 'Paramètres d’affichage' }).waitFor();
      for (const choix of ['Thème sombre', 'Renforcé', 'Très grande', 'Large', 'Justifiée']) {
        await modale.getByLabel(choix, { exact: true }).check({ force: true });
      }
      await expect.poll(() => attributs(a.page)).toEqual({ theme: 'dark', contraste: 'renforce', taille: 'tres-grande', interlignage: 'large', justification: 'justifie', police: '20px' });
      await a.verifier('affichage-modale');
      await modale.getByRole('button', { name: 'Fermer' }).click();
      await modale.waitFor({ state: 'hidden' });
      await a.verifier('affichage-sombre-renforce');
      await a.page.locator('#menu').getByRole('link', { name: "Journal d'audit" }).click();
      await a.page.locator('.liste__table').waitFor();
      await a.verifier('affichage-sombre-liste');
      await quitter(a.page);
    } finally {
      await a.fermer();
    }

    // Another browser (nothing stored locally): the settings come with the user.
    const b = await nouvelleSession(browser, 'affichage-retrouve');
    try {
      await b.page.goto('/connexion/agents');
      expect((await attributs(b.page)).taille).toBe('normale');
      await seConnecter(b, 'dsi.rennes', 'dsi');
      await attendreShell(b.page);
      await expect.poll(() => attributs(b.page)).toEqual({ theme: 'dark', contraste: 'renforce', taille: 'tres-grande', interlignage: 'large', justification: 'justifie', police: '20px' });
      // Back to the defaults.
      await outilEntete(b.page, 'Affichage').click();
      const modale = b.page.locator('#modale-parametres');
      await modale.getByRole('heading', { name: 'Paramètres d’affichage' }).waitFor();
      for (const choix of ['Thème clair', 'Normal', 'Normale', 'Alignée à gauche']) {
        // The settings fetched at login may re-render the radios under the click: check until it holds.
        const radio = modale.getByLabel(choix, { exact: true }).first();
        await expect
          .poll(async () => {
            await radio.check({ force: true }).catch(() => undefined);
            return radio.isChecked();
          })
          .toBe(true);
      }
      await modale.locator('input[name="preference-interlignage"][value="normal"]').check({ force: true });
      await expect.poll(() => attributs(b.page)).toEqual({ theme: 'light', contraste: 'normal', taille: 'normale', interlignage: 'normal', justification: 'gauche', police: '16px' });
      await modale.getByRole('button', { name: 'Fermer' }).click();
      await modale.waitFor({ state: 'hidden' });
      await quitter(b.page);
    } finally {
      await b.fermer();
    }
  });

  it('Guide et Tutoriel ouvrent le guide du service, rédigé dans docs/guide', async () => {
    const s = await nouvelleSession(browser, 'guide');
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(s.page);
      const [guide] = await Promise.all([s.context.waitForEvent('page'), outilEntete(s.page, 'Guide').click()]);
      await guide.getByRole('heading', { level: 1, name: "Guide du service gestionnaire DEC IMAG'IN" }).waitFor();
      expect(await guide.locator('main').innerText()).toContain('Ouverture des activités');
      expect(await guide.getByRole('navigation', { name: 'Sommaire' }).innerText()).toContain('Comptes des intervenants');
      await guide.screenshot({ path: 'test-results/screenshots/guide-imagin-gestion.png' });
      await verifierAccessibilite(guide, 'guide-imagin-gestion');
      await guide.getByRole('link', { name: 'Tutoriel : prendre en main le poste de travail' }).click();
      await guide.getByRole('heading', { level: 1, name: 'Tutoriel : prendre en main le poste de travail' }).waitFor();
      await guide.screenshot({ path: 'test-results/screenshots/guide-tutoriel.png' });
      await verifierAccessibilite(guide, 'guide-tutoriel');
      await guide.close();
      await quitter(s.page);
    } finally {
      await s.fermer();
    }
  });
});
