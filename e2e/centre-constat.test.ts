// IMAG'IN centre d'examen on demo data (issue 14, seed 003 §4.3): « Constat service fait » of LGT LA
// PROMENADE — the list with its computed états and filters, a written paper's mission (the row
// « Traité par le gestionnaire » read-only, copies out of range refused on the field without losing
// the other entries, « Service non fait » needing its motif, the save, « Télécharger liste (pdf) »),
// and « Détails Constat Service Fait » of a half-day mission. axe on every page visited.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSIONS_CONSTAT_DEMO as N } from '../src/server/demo/constat-icc.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

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

async function numeros(page: Page): Promise<number[]> {
  return page.locator(LIGNES).evaluateAll((trs) => trs.map((tr) => Number((tr.querySelector('td') as HTMLElement).innerText.trim())));
}

async function ouvrirMission(page: Page, numero: number) {
  await page.locator('.liste__table').getByRole('link', { name: new RegExp(`^Mission n° ${numero},`) }).click();
  await page.getByRole('heading', { name: `Mission n° ${numero}`, exact: true }).waitFor();
  await page.locator('.constat-table caption').waitFor();
}

describe('Constat service fait (centre d’examen)', () => {
  it('liste et filtres, saisie d’une mission écrite avec ses erreurs, PDF, horaires par demi-journée', async () => {
    const s = await nouvelleSession(browser, 'centre-constat');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Constat service fait', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(['N°', 'Session examen', 'Spécialité/série', 'Epreuve-option', 'Type de mission', 'Début', 'Etat'].map((t) => expect.stringContaining(t)));
      let vus = await numeros(page);
      for (const n of [N.copies, N.oral2, N.pratique, N.surveillance]) expect(vus).toContain(n);
      // Hidden by default: the mission already constatée; never listed: the correction dématérialisée.
      expect(vus).not.toContain(N.constatee);
      expect(vus).not.toContain(N.correctionEc);
      await s.verifier('liste');
      await page.getByLabel('Masquer les missions déjà constatées').uncheck({ force: true });
      await page.getByRole('button', { name: 'Filtrer missions' }).click();
      await expect.poll(() => numeros(page)).toContain(N.constatee);
      vus = await numeros(page);
      expect(vus).not.toContain(N.correctionEc);
      await s.verifier('liste-avec-constatees');

      // A written paper: candidats inscrits, copies, service fait, motif.
      await ouvrirMission(page, N.copies);
      await expect.poll(() => page.locator('[data-mention="traite"]').count()).toBe(1);
      await s.verifier('mission-copies');
      const lignes = page.locator('.constat-table tbody tr');
      const editables = lignes.filter({ has: page.locator('select') });
      const premiere = editables.nth(0);
      const seconde = editables.nth(1);
      await premiere.getByRole('combobox').selectOption('fait');
      await premiere.getByRole('textbox').first().fill('1000');
      await seconde.getByRole('combobox').selectOption('non_fait');
      await page.getByRole('button', { name: /^Enregistrer/ }).click();
      // The copies out of range and the missing motif, each on its field; nothing else lost.
      await expect.poll(() => page.locator('.constat-table .fr-error-text').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('entre 0 et 999')]));
      expect(await premiere.getByRole('combobox').inputValue()).toBe('fait');
      expect(await seconde.getByRole('combobox').inputValue()).toBe('non_fait');
      await s.verifier('mission-erreurs');
      await premiere.getByRole('textbox').first().fill('12');
      await page.getByRole('button', { name: /^Enregistrer/ }).click();
      await expect.poll(() => page.locator('.constat-table .fr-error-text').allInnerTexts()).toEqual([expect.stringContaining('Motif service non fait : obligatoire')]);
      await seconde.getByRole('textbox', { name: /Motif service non fait/ }).fill('Absent le jour de la correction');
      await page.getByRole('button', { name: /^Enregistrer/ }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Constat enregistré : 2 ligne(s).');
      expect(await page.locator('.constat-table .fr-error-text').count()).toBe(0);

      // « Télécharger liste (pdf) ».
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger liste (pdf)' }).click()]);
      expect(d.suggestedFilename()).toBe(`constat_service_mission_${N.copies}.pdf`);
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, `centre-${d.suggestedFilename()}`);
      await d.saveAs(chemin);
      expect(readFileSync(chemin).subarray(0, 5).toString()).toBe('%PDF-');

      // Back to the list as it was (constatées shown).
      await page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(() => numeros(page)).toContain(N.constatee);

      // A half-day mission: « Détails Constat Service Fait ».
      await ouvrirMission(page, N.pratique);
      await s.verifier('mission-demi-journees');
      // The intervenant without hours yet (the other one has 7,5 h from the demo).
      await page.locator('.constat-table tbody tr').filter({ hasNotText: /\d h/ }).getByRole('link', { name: /^Détails Constat Service Fait de / }).first().click();
      await page.getByRole('heading', { name: 'Détails Constat Service Fait' }).waitFor();
      const jour = page.locator('.calendrier-csf button.calendrier__jour--autorise').first();
      await jour.click();
      await page.getByLabel(/^Début matin le /).first().fill('08:00');
      await page.getByLabel(/^Fin matin le /).first().fill('07:00');
      await expect.poll(() => page.locator('.fr-error-text').first().innerText()).toContain('la fin du matin doit être après son début');
      await page.getByLabel(/^Fin matin le /).first().fill('12:00');
      await expect.poll(() => page.getByRole('status').filter({ hasText: "Nombre d'heures constatées" }).innerText()).toContain('4 h');
      await s.verifier('horaires');
      await page.getByRole('button', { name: 'Service Fait', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Horaires enregistrés.');
    } finally {
      await sortir(s);
    }
  });
});
