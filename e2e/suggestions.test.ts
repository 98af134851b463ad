// « Proposer des intervenants » on demo data (issue 17 §4), at 1280×720: dec.rennes opens a mission,
// « Proposer des intervenants » shows the ranked list with the reasons of each rank (axe), and
// « Convoquer » convokes the first one through the existing convocation; he then leaves the proposals.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

describe('Proposer des intervenants (gestionnaire DEC)', () => {
  it('propose des intervenants classés avec leurs raisons et en convoque un en un clic', async () => {
    const s = await nouvelleSession(browser, 'suggestions', { largeur: 1280, hauteur: 720 });
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Missions et convocations', exact: true }).click();
      await page.locator('.liste__table tbody tr.liste__ligne a').first().click();
      await page.getByRole('heading', { name: /^Mission n° \d+/ }).waitFor();
      await page.getByRole('button', { name: 'Proposer des intervenants' }).click();
      const liste = page.locator('[aria-labelledby^="titre-propositions-"]');
      await liste.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      const raisons = await liste.locator('.liste__table tbody tr.liste__ligne').first().innerText();
      expect(raisons).toMatch(/dans la session/);
      expect(raisons).toMatch(/du centre|Même commune que le centre|Distance au centre inconnue/);
      await s.verifier('propositions');

      const premier = liste.locator('.liste__table tbody tr.liste__ligne').first();
      const bouton = premier.getByRole('button', { name: /^Convoquer / });
      const nom = ((await bouton.getAttribute('aria-label')) ?? '').replace(/^Convoquer /, '').replace(/ sur la mission.*$/, '');
      await bouton.click();
      await expect.poll(() => premierMessage(page)).toContain('convoqué(e) sur la mission');
      await expect.poll(async () => (await liste.locator('.liste__table tbody').innerText()).includes(nom)).toBe(false);
      await s.verifier('propositions-apres-convocation');
    } finally {
      await sortir(s);
    }
  });
});
