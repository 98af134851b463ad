// « Liquidation des frais » on demo data (issue 16 §8, decision 0033), at 1280×720: dec.rennes opens the
// activity, reads the number of états de frais ready, asks « Constituer un lot de liquidation » and
// gives up in the app's confirmation dialog (the demo's queue stays as it is for the other scenarios),
// and reads the demo's paid batch no. 1 (status, totals). axe on the page and on the dialog.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogueConfirmation, refuserDialoguesNatifs, repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

describe('Liquidation des frais', () => {
  it('le gestionnaire voit les frais prêts, ouvre puis annule la constitution d’un lot, lit le lot payé de la démonstration', async () => {
    const s = await nouvelleSession(browser, 'liquidation-frais', { largeur: 1280, hauteur: 720 });
    const { page } = s;
    const natifs = refuserDialoguesNatifs(page);
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Liquidation des frais', exact: true }).click();
      const titre = page.getByRole('heading', { name: /États de frais prêts à liquider : \d+/ });
      await titre.waitFor();
      const prets = Number(/: (\d+)/.exec(await titre.innerText())![1]);
      // The demo's batch no. 1 is paid.
      const ligne = page.locator('.liste__table tbody tr').filter({ hasText: 'n° 1' });
      await expect.poll(() => ligne.innerText()).toContain('Payé');
      await page.getByRole('heading', { name: 'Lot n° 1 — Payé' }).waitFor();
      await s.verifier('liquidation-frais');

      const bouton = page.getByRole('button', { name: 'Constituer un lot de liquidation', exact: true });
      if (prets > 0) {
        await bouton.click();
        const d = dialogueConfirmation(page, 'Constituer un lot de liquidation');
        await d.waitFor({ state: 'visible' });
        expect(await d.innerText()).toContain(`${prets} état(s) de frais validé(s) par le gestionnaire`);
        await s.verifier('liquidation-frais-confirmation');
        await repondreConfirmation(page, 'Constituer un lot de liquidation', 'Annuler');
        // Nothing was launched: the same count, no batch no. 2.
        expect(await titre.innerText()).toContain(`: ${prets} `);
        expect(await page.locator('.liste__table tbody tr').filter({ hasText: 'n° 2' }).count()).toBe(0);
      } else {
        expect(await bouton.isDisabled()).toBe(true);
      }
      expect(natifs).toEqual([]);
    } finally {
      await quitter(page).catch(() => undefined);
      await s.fermer();
    }
  });
});
