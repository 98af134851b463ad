// The « Déplacement » tab of an état de frais on demo data (issue 16, seed 004 §2.4.4.3, decision 0029),
// at 1280×720: prof.martin opens the morning mission at Dinan (its car trip already entered), adds a
// train leg in the dialog (a field error first, shown on the field), saves, finds it again after a
// reload, removes it with ✗ through the app's confirmation, saves; the afternoon mission of the same
// day says its trips go on the first mission of the day. axe on every screen and dialog.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const MATIN = 146009;
const APRES_MIDI = 146010;

async function ouvrirEtat(page: Page, numero: number) {
  await page.locator('#menu').getByRole('link', { name: 'Saisie/consultation états de frais', exact: true }).click();
  const accepter = page.getByLabel("J'ai lu et j'accepte les conditions relatives à l'utilisation du service");
  const lien = page.getByRole('link', { name: new RegExp(`[Mm]ission n° ${numero},`) });
  await Promise.race([accepter.waitFor(), lien.waitFor()]);
  if (await accepter.isVisible()) {
    await accepter.check({ force: true });
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
  }
  await lien.click();
  // First access: « Compléter » opens the tabs (the other choice is « Mission non effectuée »).
  const onglet = page.getByRole('tab', { name: 'Déplacement' });
  const completer = page.getByRole('button', { name: 'Compléter', exact: true });
  await Promise.race([onglet.waitFor(), completer.waitFor()]);
  if (await completer.isVisible()) await completer.click();
  await onglet.click();
  await page.locator('.frais-deplacement').waitFor();
}

const lignesDuTableau = (page: Page) => page.locator('#lignes-deplacement tbody tr[data-ligne]');

describe('onglet Déplacement', () => {
  it('ajouter un trajet en train, l’enregistrer, le retrouver, le supprimer ; la mission de l’après-midi est « Invalidable »', async () => {
    const s = await nouvelleSession(browser, 'frais-deplacement', { largeur: 1280, hauteur: 720 });
    const { page } = s;
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(page);
      await ouvrirEtat(page, MATIN);
      await expect.poll(() => lignesDuTableau(page).count()).toBe(1);
      expect(await lignesDuTableau(page).first().innerText()).toMatch(/AUTOMOBILE[\s\S]*55 km, 1 trajet \(5 CV\)/);
      expect(await page.locator('.frais-deplacement').innerText()).toContain('estimation : le montant retenu par le gestionnaire prévaut');
      // The whole table fits the work area at 1280×720: the edit and ✗ buttons need no horizontal scroll.
      const croix = await page.getByRole('button', { name: 'Supprimer le déplacement 1' }).boundingBox();
      const cadre = await page.locator('.frais-deplacement .fr-table').boundingBox();
      expect(croix && cadre && croix.x + croix.width <= cadre.x + cadre.width).toBe(true);
      expect(await page.locator('.frais-deplacement .fr-table').evaluate((t) => [t, ...t.querySelectorAll('div')].every((e) => e.scrollWidth <= e.clientWidth + 1))).toBe(true);
      await s.verifier('frais-deplacement-onglet');

      // « Ajouter un déplacement »: the next leg leaves from where the first arrived.
      await page.getByRole('button', { name: 'Ajouter un déplacement' }).click();
      const dialogue = page.getByRole('dialog', { name: /Nouveau déplacement/ });
      await dialogue.waitFor({ state: 'visible' });
      await expect.poll(() => dialogue.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      expect(await dialogue.getByLabel('Ville de départ').getAttribute('readonly')).toBeNull();
      await dialogue.getByLabel('Ville d’arrivée').fill('Saint-Malo');
      await dialogue.getByLabel('Mode de transport').selectOption('TRAIN_2EME_CLASSE');
      expect(await dialogue.getByLabel('Frais divers (€)').count()).toBe(0);
      await dialogue.getByLabel('Prix des billets (€)').fill('12,4a');
      await dialogue.getByRole('button', { name: 'OK', exact: true }).click();
      await expect.poll(() => dialogue.locator('.fr-error-text').allInnerTexts()).toEqual(['Déplacement 2, prix des billets : montant en euros attendu, par exemple 12,50.']);
      await s.verifier('frais-deplacement-dialogue-erreur');
      await dialogue.getByLabel('Prix des billets (€)').fill('12,40');
      await dialogue.getByRole('button', { name: 'OK', exact: true }).click();
      await dialogue.waitFor({ state: 'hidden' });
      await expect.poll(() => lignesDuTableau(page).count()).toBe(2);
      expect(await lignesDuTableau(page).nth(1).innerText()).toMatch(/Saint-Malo[\s\S]*TRAIN 2EME CLASSE[\s\S]*billets : 12,40/);

      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Votre état de frais est enregistré');

      // Stored: found again after a reload.
      await page.reload();
      await attendreShell(page);
      await page.getByRole('tab', { name: 'Déplacement' }).click();
      await expect.poll(() => lignesDuTableau(page).count()).toBe(2);
      expect(await lignesDuTableau(page).nth(1).innerText()).toContain('Saint-Malo');

      // ✗ removes it, after the app's confirmation.
      await page.getByRole('button', { name: 'Supprimer le déplacement 2' }).click();
      await s.verifier('frais-deplacement-confirmation');
      await repondreConfirmation(page, 'Supprimer le déplacement', 'Supprimer');
      await expect.poll(() => lignesDuTableau(page).count()).toBe(1);
      const avant = (await messagesConsole(page)).length;
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page)).length).toBeGreaterThan(avant);
      expect((await messagesConsole(page))[0]).toContain('Votre état de frais est enregistré');

      // The afternoon mission of the same day: « Invalidable », nothing to enter.
      await ouvrirEtat(page, APRES_MIDI);
      expect(await page.locator('.frais-deplacement').innerText()).toContain('tous les déplacements de la journée sont à saisir sur la première mission de la journée');
      expect(await page.getByRole('button', { name: 'Ajouter un déplacement' }).count()).toBe(0);
      await s.verifier('frais-deplacement-invalidable');
    } finally {
      await quitter(page).catch(() => undefined);
      await s.fermer();
    }
  });
});
