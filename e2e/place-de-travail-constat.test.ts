// Room to work on the « Constat service fait » of a centre d'examen (issue 14 after decision 0016): at
// 1280×720, with the normal and the « Grande » font size, the list of missions shows at least 10
// whole rows under its column headers — all 7 columns inside the list, no sideways scrolling — and
// nothing covers them, console shown or folded; its filter panel keeps to a few short lines, so that
// rows show from the start; a mission's screen (its summary in columns) shows its intervenants; the
// ICC sessions show every row and column. The measure is the one of e2e/place-de-travail.test.ts
// (same code). axe and a screenshot on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSIONS_CONSTAT_DEMO as N } from '../src/server/demo/constat-icc.ts';
import { attendreShell, navigateur, nouvelleSession, seConnecter } from './support/navigateur.ts';
import { LARGEUR, HAUTEUR, LIGNES, choisirTaille, ouvrirActivite, verifierPlace, verifierPlaceDeuxEtats, sortir } from './support/place.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

/** The list's columns: all inside the list's visible width (no sideways scrolling), none empty. */
async function colonnesVisibles(page: Page) {
  return page.locator('.liste__defilement').first().evaluate((region) => {
    const r = region.getBoundingClientRect();
    const debordement = region.scrollWidth - region.clientWidth;
    const dehors = [...region.querySelectorAll('thead th')]
      .map((th) => [(th as HTMLElement).innerText.replace(/[△▲▼]/g, '').trim(), th.getBoundingClientRect()] as const)
      .filter(([, b]) => b.left < r.left + region.clientLeft - 0.5 || b.right > r.left + region.clientLeft + region.clientWidth + 0.5 || b.width < 40)
      .map(([t]) => t);
    return { debordement, dehors, entetes: [...region.querySelectorAll('thead th')].map((th) => (th as HTMLElement).innerText.replace(/[△▲▼]/g, '').trim()) };
  });
}

/**
 * Rows wholly visible (inside the content zone, above the console, reached by a click) and the height
 * of the filter panel: on arrival (content zone not scrolled), or once `haut` is scrolled to the top
 * of the zone.
 */
async function aLArrivee(page: Page, selecteurLignes: string, haut?: string) {
  await page.locator('#zone-contenu').evaluate((z) => (z.scrollTop = 0));
  if (haut) await page.locator(haut).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(150);
  return page.evaluate((sel) => {
    const zone = document.getElementById('zone-contenu')!.getBoundingClientRect();
    const console_ = document.getElementById('console')?.getBoundingClientRect();
    const bas = Math.min(zone.bottom, console_?.top ?? zone.bottom);
    let visibles = 0;
    for (const tr of document.querySelectorAll(sel)) {
      const b = tr.getBoundingClientRect();
      if (b.top >= zone.top && b.bottom <= bas + 0.5) {
        const t = document.elementFromPoint(b.left + 8, (b.top + b.bottom) / 2);
        if (t && tr.contains(t)) visibles++;
      }
    }
    const filtres = document.querySelector('.liste__filtres')?.getBoundingClientRect().height ?? 0;
    return { visibles, filtres: Math.round(filtres) };
  }, selecteurLignes);
}

describe('place de travail du constat de service fait à 1280×720', () => {
  for (const taille of ['Normale', 'Grande'] as const) {
    it(`centre d'examen, liste des missions : 10 lignes entières, les 7 colonnes sans défilement horizontal ; une mission montre ses intervenants (police ${taille})`, async () => {
      const s = await nouvelleSession(browser, `place-constat-${taille.toLowerCase()}`, { largeur: LARGEUR, hauteur: HAUTEUR });
      const { page } = s;
      try {
        await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
        await attendreShell(page);
        if (taille !== 'Normale') await choisirTaille(page, taille);
        await ouvrirActivite(page, 'Constat service fait');
        // At least 10 missions to measure: show the missions already constatées too if needed.
        if ((await page.locator(LIGNES).count()) < 11) {
          await page.getByLabel('Masquer les missions déjà constatées').uncheck({ force: true });
          await page.getByRole('button', { name: 'Filtrer missions' }).click();
          await expect.poll(() => page.locator(LIGNES).count()).toBeGreaterThan(10);
        }
        // The filter panel keeps to a few short lines (years and buttons, then the two « Masquer »), no
        // longer five tall ones: rows show from the start (before: none at 1280×720).
        const arrivee = await aLArrivee(page, LIGNES);
        await s.verifier('missions-arrivee');
        expect(arrivee.filtres, JSON.stringify(arrivee)).toBeLessThanOrEqual(taille === 'Normale' ? 95 : 130);
        expect(arrivee.visibles, JSON.stringify(arrivee)).toBeGreaterThanOrEqual(taille === 'Normale' ? 5 : 1);
        const c = await colonnesVisibles(page);
        expect(c.entetes).toEqual(['N°', 'Session examen', 'Spécialité/série', 'Epreuve-option', 'Type de mission', 'Début', 'Etat']);
        expect(c.dehors, JSON.stringify(c)).toEqual([]);
        expect(c.debordement, JSON.stringify(c)).toBeLessThanOrEqual(1);
        const { montree } = await verifierPlaceDeuxEtats(s, 'missions');
        expect(montree.lignes).toBeGreaterThan(10);

        // A mission: its summary in columns; in the normal font the first intervenants show on
        // arrival; with the table brought to the top of the zone, its 4 rows show.
        await page.locator('.liste__table').getByRole('link', { name: new RegExp(`^Mission n° ${N.copies},`) }).click();
        await page.locator('.constat-table caption').waitFor();
        await expect.poll(() => page.locator('.constat-table tbody tr').count()).toBe(4);
        const mission = await aLArrivee(page, '.constat-table tbody tr');
        await s.verifier('mission');
        if (taille === 'Normale') expect(mission.visibles, JSON.stringify(mission)).toBeGreaterThanOrEqual(1);
        const tableau = await aLArrivee(page, '.constat-table tbody tr', '.constat-table');
        await s.verifier('mission-intervenants');
        expect(tableau.visibles, JSON.stringify(tableau)).toBe(4);

        // The ICC sessions (same compact filters and columns): every row, every column, no sideways scrolling.
        await ouvrirActivite(page, 'Indemnités chef de centre');
        const icc = await colonnesVisibles(page);
        expect(icc.entetes).toHaveLength(5);
        expect(icc.dehors, JSON.stringify(icc)).toEqual([]);
        expect(icc.debordement, JSON.stringify(icc)).toBeLessThanOrEqual(1);
        const sessions = await verifierPlace(s, 'icc-sessions');
        expect(sessions.lignes).toBeGreaterThanOrEqual(5);
      } finally {
        await sortir(s, taille);
      }
    });
  }
});
