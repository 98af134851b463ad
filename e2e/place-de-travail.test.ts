// Room to work on the screens of schools and DECs (issue 13, item 21): at 1280×720, with the normal
// and the « Grande » font size, the longest lists show at least 10 whole rows under their title
// (the établissement's personnels, a DEC jury's candidates; all 5 rows of the DEC's juries), the
// console never covers a row or a checkbox (bounding boxes and hit tests), whether shown or folded,
// and the jury checkboxes take real clicks. axe and a screenshot on every page visited.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, navigateur, nouvelleSession, seConnecter } from './support/navigateur.ts';
import { LARGEUR, HAUTEUR, LIGNES, mesurer, choisirTaille, ouvrirActivite, verifierPlaceDeuxEtats, sortir } from './support/place.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks with the mouse in the middle of a checkbox, once nothing but the box (input or its label) is there. */
async function cocherAuClic(page: Page, c: Locator) {
  await c.scrollIntoViewIfNeeded();
  const b = (await c.boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  const touche = await c.evaluate((el, [x, y]) => {
    const t = document.elementFromPoint(x!, y!);
    return t === el || (t instanceof HTMLLabelElement && t.control === el) ? 'la case' : (t?.closest('[id]')?.id ?? t?.tagName ?? 'rien');
  }, [x, y]);
  expect(touche).toBe('la case');
  await page.mouse.click(x, y);
  await expect.poll(() => c.isChecked()).toBe(true);
}

describe('place de travail à 1280×720', () => {
  for (const taille of ['Normale', 'Grande'] as const) {
    it(`établissement, consultation des personnels : 10 lignes entières, rien ne les couvre (police ${taille})`, async () => {
      const s = await nouvelleSession(browser, `place-etab-${taille.toLowerCase()}`, { largeur: LARGEUR, hauteur: HAUTEUR });
      const { page } = s;
      try {
        await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
        await attendreShell(page);
        if (taille !== 'Normale') await choisirTaille(page, taille);
        await s.verifier('accueil');
        await ouvrirActivite(page, 'Consultation des personnels');
        const { montree } = await verifierPlaceDeuxEtats(s, 'personnels');
        expect(montree.lignes).toBeGreaterThan(10);
      } finally {
        await sortir(s, taille);
      }
    });

    it(`DEC, jurys du 2nd groupe : les cases des jurys se cochent au clic, les candidats d’un jury ont la place (police ${taille})`, async () => {
      const s = await nouvelleSession(browser, `place-dec-${taille.toLowerCase()}`, { largeur: LARGEUR, hauteur: HAUTEUR });
      const { page } = s;
      try {
        await seConnecter(s, 'dec.rennes', 'imagin-gestion');
        await attendreShell(page);
        if (taille !== 'Normale') await choisirTaille(page, taille);
        await ouvrirActivite(page, 'Jurys du 2nd groupe (Bac Pro)');
        await expect.poll(() => page.locator(LIGNES).count()).toBe(5);
        await verifierPlaceDeuxEtats(s, 'jurys');

        // Real mouse clicks where the user sees each box (DSFR draws it with the label over the input):
        // if anything covered it, the click would land there and the box would stay empty.
        const cases = page.locator(`${LIGNES} input[type="checkbox"]`);
        for (let i = 0; i < 5; i++) await cocherAuClic(page, cases.nth(i));
        await expect.poll(() => page.locator('#titre-transition').innerText()).toBe('5 jurys sélectionnés');
        expect((await mesurer(page)).chevauchements).toEqual([]);
        await s.verifier('jurys-coches');
        await page.getByRole('button', { name: 'Vider la sélection' }).click();
        await expect.poll(() => page.locator('#titre-transition').innerText()).toBe('0 jury sélectionné');

        // A jury's candidates.
        await page.locator(LIGNES).filter({ has: page.locator('td', { hasText: /^31202$/ }) }).locator('a').first().click();
        await page.getByRole('heading', { name: /^Jury 31202 — / }).waitFor();
        await expect.poll(() => page.locator(LIGNES).count()).toBeGreaterThanOrEqual(12);
        await verifierPlaceDeuxEtats(s, 'jury-candidats');
      } finally {
        await sortir(s, taille);
      }
    });
  }
});
