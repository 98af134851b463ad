// « Tableau de bord » of the gestionnaire (issue 17, decision 0037) on demo data, at 1280×720: dec.rennes
// opens it from the menu, chooses the Bac Pro session (the deliberation's jurys), sees the four charts
// (canvases drawn, role="img" with a French label) and beside each its data table holding the server's
// figures; downloads the jurys' CSV (BOM, « ; ») and reads it; the page refreshes itself (« dernière
// mise à jour »); with the large font nothing covers the panels' titles and tables. axe on every state.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choisirTaille } from './support/place.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const TAILLE = { largeur: 1280, hauteur: 720 };
const PANNEAUX = ['tdb-convocations', 'tdb-csf', 'tdb-frais', 'tdb-jurys'] as const;

/** The cells of a table, row by row (header cells of the rows included). */
function cellules(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** A canvas with something drawn on it (not a blank rectangle). */
function dessine(page: Page, id: string): Promise<boolean> {
  return page.locator(`canvas#${id}`).evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0 || c.height === 0) return false;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) return true;
    return false;
  });
}

/** Nothing (header, console, footer) covers the element: the point at its centre hits it. */
async function nonRecouvert(page: Page, selecteur: string): Promise<boolean> {
  const el = page.locator(selecteur).first();
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 40);
    const y = r.top + r.height / 2;
    const dessus = document.elementFromPoint(x, y);
    return !!dessus && (dessus === e || e.contains(dessus));
  });
}

describe('Tableau de bord', () => {
  it('graphiques et tableaux de données de la session, export CSV, actualisation, grands caractères', async () => {
    const s = await nouvelleSession(browser, 'tableau-de-bord', TAILLE);
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Tableau de bord', exact: true }).click();
      await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
      const choix = page.getByLabel("Session d'examen");
      await choix.waitFor();

      // The Bac Pro session of the deliberation (examen 400).
      const options = await choix.locator('option').evaluateAll((os) => os.map((o) => ({ valeur: (o as HTMLOptionElement).value, texte: o.textContent ?? '' })));
      const bcp = options.find((o) => o.texte.includes('(400 –'));
      expect(bcp, JSON.stringify(options)).toBeDefined();
      await choix.selectOption(bcp!.valeur);
      await page.locator('#tdb-jurys-table tbody tr').first().waitFor();
      await expect.poll(() => page.locator('#tableau-de-bord-mise-a-jour').innerText()).toMatch(/Dernière mise à jour : \d\d:\d\d:\d\d/);

      // The server's figures for the session (the page's own session cookie).
      const t = await page.evaluate(async (sid) => (await fetch(`/api/gestion/tableau-de-bord/sessions/${sid}`, { credentials: 'same-origin' })).json(), bcp!.valeur);

      // Four panels, each with its title, its « Exporter en CSV » and its data table; charts drawn when the panel has rows.
      for (const id of PANNEAUX) {
        const section = page.locator(`section#${id}`);
        await expect.poll(() => section.getByRole('button', { name: 'Exporter en CSV' }).count()).toBe(1);
      }
      // Jurys: Rennes' five demo jurys (25510, 31202, 31210 and the Jury portal's 25590 at BREQUIGNY, 30001 at
      // LA PROMENADE), whatever état other scenarios moved them to; Nantes' 44590, also at BREQUIGNY, is not Rennes'.
      const jurys = await cellules(page, 'tdb-jurys-table');
      expect(jurys).toEqual(t.jurys.map((l: any) => [l.centre, ...t.etatsJury.map((e: any) => String(l.parEtat[String(e.etat)])), String(l.total)]));
      expect(jurys.reduce((n, l) => n + Number(l.at(-1)), 0)).toBe(5);
      expect(jurys.find((l) => /BREQUIGNY/i.test(l[0]!))?.at(-1)).toBe('4');
      const entetesJurys = await page.locator('#tdb-jurys-table thead th').allInnerTexts();
      expect(entetesJurys.map((x) => x.trim())).toEqual(['Centre', '140', '198', '200', '210', '211', '214', 'Total']);
      // États de frais: every status in the pipeline, then « Ensemble » with the total count.
      const frais = await cellules(page, 'tdb-frais-table');
      expect(frais.map((l) => l[0])).toEqual([...t.frais.map((l: any) => l.libelle), 'Ensemble']);
      expect(frais.map((l) => l[1])).toEqual([...t.frais.map((l: any) => String(l.nombre)), String(t.frais.reduce((n: number, l: any) => n + l.nombre, 0))]);
      // Convocations and constat de service fait: the server's rows.
      if (t.convocations.length) {
        const conv = await cellules(page, 'tdb-convocations-table');
        expect(conv.map((l) => [l[0], l[3]])).toEqual(t.convocations.map((l: any) => [l.mission, String(l.convoquees)]));
      }
      if (t.csf.length) {
        const csf = await cellules(page, 'tdb-csf-table');
        expect(csf.map((l) => [l[0], l[1], l[5]])).toEqual(t.csf.map((l: any) => [l.centre, String(l.convoquees), `${l.pourcentage} %`]));
      }
      // The charts: canvases drawn, read as images with a French description, beside their table.
      const graphiques = ['tdb-frais-graphique', 'tdb-jurys-graphique', ...(t.convocations.length ? ['tdb-convocations-graphique'] : []), ...(t.csf.length ? ['tdb-csf-graphique'] : [])];
      for (const g of graphiques) {
        const c = page.locator(`canvas#${g}`);
        await c.scrollIntoViewIfNeeded();
        await expect.poll(() => dessine(page, g)).toBe(true);
        expect(await c.getAttribute('role')).toBe('img');
        expect(await c.getAttribute('aria-label')).toMatch(/^Histogramme .* Les chiffres .*tableau à côté\.$/);
      }
      const boiteGraphique = await page.locator('canvas#tdb-jurys-graphique').boundingBox();
      const boiteTable = await page.locator('#tdb-jurys-table').boundingBox();
      expect(boiteTable!.x).toBeGreaterThan(boiteGraphique!.x + boiteGraphique!.width - 1);
      await page.locator('#tdb-convocations').scrollIntoViewIfNeeded();
      await s.verifier('tableau-de-bord');
      await page.locator('#tdb-jurys').scrollIntoViewIfNeeded();
      await s.verifier('tableau-de-bord-jurys');

      // CSV of the jurys: downloaded and read.
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#tdb-jurys').getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(d.suggestedFilename()).toMatch(/^tableau-de-bord-jurys-400-.*\.csv$/);
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, d.suggestedFilename());
      await d.saveAs(chemin);
      const texte = readFileSync(chemin, 'utf8');
      expect(texte.startsWith('\ufeff')).toBe(true);
      const lignes = texte.slice(1).trimEnd().split('\r\n');
      expect(lignes[0]).toBe(['Centre de délibération', ...t.etatsJury.map((e: any) => `${e.etat} - ${e.libelle}`), 'Total'].join(';'));
      expect(lignes.slice(1).map((l) => l.split(';'))).toEqual(jurys);
      // The frais CSV too: one line per status.
      const [f] = await Promise.all([page.waitForEvent('download'), page.locator('#tdb-frais').getByRole('button', { name: 'Exporter en CSV' }).click()]);
      const cheminFrais = resolve(DOSSIER_TELECHARGEMENTS, f.suggestedFilename());
      await f.saveAs(cheminFrais);
      const lf = readFileSync(cheminFrais, 'utf8').slice(1).trimEnd().split('\r\n');
      expect(lf[0]).toBe('Statut;Nombre;Rémunération (€);Déplacement (€);Total (€)');
      expect(lf.slice(1).map((l) => l.split(';').slice(0, 2))).toEqual(t.frais.map((l: any) => [l.libelle, String(l.nombre)]));

      // Live: the page reads the figures again by itself (every 15 s).
      const avant = await page.locator('#tableau-de-bord-mise-a-jour').innerText();
      await expect.poll(() => page.locator('#tableau-de-bord-mise-a-jour').innerText(), { timeout: 25_000, interval: 1_000 }).not.toBe(avant);

      // Large font: nothing covers the titles and tables of the panels.
      await choisirTaille(page, 'Grande');
      for (const id of PANNEAUX) {
        expect(await nonRecouvert(page, `#${id}-titre`), `${id} : titre recouvert`).toBe(true);
        expect(await nonRecouvert(page, `section#${id} table tbody tr th, section#${id} .tableau-de-bord__table p`), `${id} : tableau recouvert`).toBe(true);
      }
      await page.locator('#tdb-frais').scrollIntoViewIfNeeded();
      await s.verifier('tableau-de-bord-grands-caracteres');
      await choisirTaille(page, 'Normale');
    } finally {
      await quitter(page).catch(() => undefined);
      await s.fermer();
    }
  });
});
