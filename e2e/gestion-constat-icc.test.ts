// IMAG'IN gestionnaire DEC on demo data (issue 14, seed 003 §4.3, §4.5): the follow-up of the constat
// de service fait (every centre, counts of convoked, constatés and non faits, filter by centre), the
// constat entered for a centre (« soit par le service de gestion »), and the indemnités des chefs de
// centre: the académie's declarations, a transmitted one opened, a line rejected without reason
// (refused), then validated. axe on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSIONS_CONSTAT_DEMO as N } from '../src/server/demo/constat-icc.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const LIGNES = '.liste__table tbody tr.liste__ligne';

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function activite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
}

describe('Constat service fait et indemnités des chefs de centre (gestionnaire DEC)', () => {
  it('suivi du constat par centre, constat saisi par le service de gestion, décisions sur une indemnité transmise', async () => {
    const s = await nouvelleSession(browser, 'gestion-constat-icc');
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await activite(page, 'Constat service fait');
      await page.locator(LIGNES).first().waitFor();
      const entetes = await page.locator('.liste__table thead th').allInnerTexts();
      for (const t of ['Centre', 'Etat', 'Convoqués', 'Constatés', 'Non faits']) expect(entetes.join('|')).toContain(t);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Par état' }).count()).toBe(1);
      await s.verifier('suivi-constat');
      await page.getByLabel("Centre d'examen").selectOption({ label: 'LGT LA PROMENADE RENNES (0350710G)' });
      await page.getByRole('button', { name: 'Filtrer missions' }).click();
      await expect.poll(async () => (await page.locator(LIGNES).allInnerTexts()).every((l) => l.includes('LA PROMENADE'))).toBe(true);

      await page.locator('.liste__table').getByRole('link', { name: new RegExp(`^Mission n° ${N.surveillance},`) }).click();
      await page.locator('.constat-table caption').waitFor();
      expect(await page.getByText('LGT LA PROMENADE RENNES (0350710G)').count()).toBeGreaterThan(0);
      const ligne = page.locator('.constat-table tbody tr').filter({ has: page.locator('select') }).first();
      await ligne.getByRole('combobox').selectOption('fait');
      await ligne.getByRole('textbox').first().fill('sept');
      await page.getByRole('button', { name: /^Enregistrer/ }).click();
      await expect.poll(() => page.locator('.constat-table .fr-error-text').first().innerText()).toContain("Nombre d'heures effectuées");
      await ligne.getByRole('textbox').first().fill('3,5');
      await page.getByRole('button', { name: /^Enregistrer/ }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Constat enregistré : 1 ligne(s).');
      await s.verifier('constat-par-gestion');

      await activite(page, 'Indemnités des chefs de centre');
      await page.locator(LIGNES).first().waitFor();
      await s.verifier('declarations');
      await page.locator('.liste__table').getByRole('link', { name: /^470, BCG/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Indemnités chef de centre', exact: true }).waitFor();
      const valider = page.getByRole('button', { name: 'Valider', exact: true });
      await expect.poll(() => valider.count()).toBe(3);
      await page.getByRole('button', { name: 'Rejeter', exact: true }).first().click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Motif du rejet : obligatoire');
      await valider.first().click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Décision enregistrée.');
      await expect.poll(() => page.locator('table').filter({ hasText: 'Liste des intervenants' }).getByText('Validé', { exact: true }).count()).toBe(1);
      await s.verifier('decision');
    } finally {
      await sortir(s);
    }
  });
});
