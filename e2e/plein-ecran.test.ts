// The work area toggle (seed 003 §1.3.5): header and menu go, content and console stay, and back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, e2e, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

describe('ajustement de la zone de travail', () => {
  it('masque l’en-tête et le menu, garde contenu et console, puis les rétablit', async () => {
    const s = await nouvelleSession(browser, 'plein-ecran');
    const { page } = s;
    try {
      // The outbox must hold a message whatever ran before on this platform (scenario files run in
      // parallel, each worker on its own platform): a forgotten-password request writes one.
      const oubli = await fetch(`${e2e().url}/api/auth/mot-de-passe-oublie`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifiant: 'e2e.oubli' }) });
      expect(oubli.status).toBe(200);
      await seConnecter(s, 'admin.rennes', 'imagin-admin');
      await attendreShell(page);
      const lien = page.locator('#menu').getByRole('link', { name: "Boîte d'envoi des messages" });
      await expect
        .poll(async () => {
          await lien.click();
          await page.locator('.liste__table').first().waitFor();
          return page.locator('.liste__table tbody tr').count();
        })
        .toBeGreaterThan(0);
      const bascule = page.locator('#bascule-plein-ecran');
      expect(await bascule.getAttribute('aria-pressed')).toBe('false');
      expect(await bascule.innerText()).toBe('Agrandir la zone de travail');
      const hauteurAvant = await page.locator('#zone-contenu').evaluate((e) => e.clientHeight);

      await bascule.click();
      expect(await page.locator('#entete').count()).toBe(0);
      expect(await page.locator('#menu').count()).toBe(0);
      expect(await page.locator('#console').isVisible()).toBe(true);
      expect(await page.locator('#contenu .liste__table').isVisible()).toBe(true);
      expect(await page.locator('#pied').innerText()).toContain('Connecté en tant que admin.rennes');
      expect(await bascule.getAttribute('aria-pressed')).toBe('true');
      expect(await bascule.innerText()).toBe('Afficher l’en-tête et le menu');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('bascule-plein-ecran');
      expect(await page.locator('#zone-contenu').evaluate((e) => e.clientHeight)).toBeGreaterThan(hauteurAvant);
      await s.verifier('plein-ecran');

      // The choice holds while working: open a message and come back.
      await page.locator('.liste__table tbody tr').first().click();
      await page.getByRole('heading', { name: 'Message sélectionné' }).waitFor();
      expect(await page.locator('#entete').count()).toBe(0);
      await page.getByRole('button', { name: 'Retour' }).click();

      await bascule.click();
      await page.locator('#entete').waitFor();
      expect(await page.locator('#menu').isVisible()).toBe(true);
      expect(await bascule.getAttribute('aria-pressed')).toBe('false');
      await s.verifier('ecran-complet');
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });
});
