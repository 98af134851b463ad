// « Proposer des intervenants » on demo data (issue 17 §4), at 1280×720: dec.rennes opens a mission,
// « Proposer des intervenants » shows the ranked list with the reasons of each rank (axe), at least 10
// whole rows that nothing covers (e2e/support/place.ts), with the normal and the « Grande » font size,
// and « Convoquer » convokes the first one through the existing convocation; he then leaves the proposals.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, seConnecter } from './support/navigateur.ts';
import { choisirTaille, HAUTEUR, LARGEUR, LIGNES, sortir, verifierPlace } from './support/place.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

/** The index of the proposals' list among the lists of the mission page (the convocations come first). */
async function rangDeLaListe(page: Page): Promise<number> {
  return page.locator('.liste__defilement').evaluateAll((listes) => listes.findIndex((l) => l.closest('[aria-labelledby^="titre-propositions-"]') !== null));
}

describe('Proposer des intervenants (gestionnaire DEC)', () => {
  for (const taille of ['Normale', 'Grande'] as const) {
    it(`propose des intervenants classés avec leurs raisons, 10 lignes entières visibles${taille === 'Normale' ? ', et en convoque un en un clic' : ''} (police ${taille})`, async () => {
      const s = await nouvelleSession(browser, `suggestions-${taille.toLowerCase()}`, { largeur: LARGEUR, hauteur: HAUTEUR });
      const { page } = s;
      try {
        await seConnecter(s, 'dec.rennes', 'imagin-gestion');
        await attendreShell(page);
        if (taille !== 'Normale') await choisirTaille(page, taille);
        await page.locator('#menu').getByRole('link', { name: 'Missions et convocations', exact: true }).click();
        await page.locator(`${LIGNES} a`).first().click();
        await page.getByRole('heading', { name: /^Mission n° \d+/ }).waitFor();
        await page.getByRole('button', { name: 'Proposer des intervenants' }).click();
        const liste = page.locator('[aria-labelledby^="titre-propositions-"]');
        await liste.locator(LIGNES).first().waitFor();
        const raisons = await liste.locator(LIGNES).first().innerText();
        expect(raisons).toMatch(/dans la session/);
        expect(raisons).toMatch(/du centre|Même commune que le centre|Distance au centre inconnue/);

        // Room to work: the demo académie proposes more than 10 people, at least 10 whole rows show.
        const n = await rangDeLaListe(page);
        expect(n).toBeGreaterThanOrEqual(0);
        const m = await verifierPlace(s, `propositions-${taille.toLowerCase()}`, 10, n);
        expect(m.lignes).toBeGreaterThan(10);
        expect(m.entieres).toBeGreaterThanOrEqual(10);
        if (taille !== 'Normale') return;

        const premier = liste.locator(LIGNES).first();
        const bouton = premier.getByRole('button', { name: /^Convoquer / });
        const nom = ((await bouton.getAttribute('aria-label')) ?? '').replace(/^Convoquer /, '').replace(/ sur la mission.*$/, '');
        await bouton.click();
        await expect.poll(() => premierMessage(page)).toContain('convoqué(e) sur la mission');
        await expect.poll(async () => (await liste.locator('.liste__table tbody').innerText()).includes(nom)).toBe(false);
        await s.verifier('propositions-apres-convocation');
      } finally {
        await sortir(s, taille);
      }
    });
  }
});
