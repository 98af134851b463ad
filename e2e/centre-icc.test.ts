// IMAG'IN centre d'examen on demo data (issue 14, seed 003 §4.5): « Indemnités chef de centre » of
// LGT LA PROMENADE — the sessions and their statuses, the seed's example entered on the EA-BTN
// session (6 days ≤ 600 and 1 > 600 = 1 268,00 €, recomputed as one types), a percentage over 100
// refused on the field, an intervenant added at 5,5 % (69,74 €), the totals, « Enregistrer », then
// « Transmettre » through the app's confirmation dialog: TRANSMIS and read-only. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const LIGNES = '.liste__table tbody tr.liste__ligne';
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function texte(page: Page, selecteur: string) {
  return nbsp(await page.locator(selecteur).innerText());
}

describe('Indemnités chef de centre (centre d’examen)', () => {
  it("liste des sessions, saisie de l'exemple du seed, répartition, enregistrement et transmission", async () => {
    const s = await nouvelleSession(browser, 'centre-icc');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Indemnités chef de centre', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['Session examen', 'Statut saisie Session normale', 'Suivi traitement Session normale', 'Statut saisie Session remplacement', 'Suivi traitement Session remplacement'].map((t) => expect.stringContaining(t)),
      );
      const lignes = await page.locator(LIGNES).allInnerTexts();
      expect(lignes.find((l) => l.startsWith('470,'))).toMatch(/Transmis\s+Initialisé/);
      expect(lignes.filter((l) => l.startsWith('320,')).every((l) => /N\/A\s+N\/A/.test(l))).toBe(true);
      await s.verifier('sessions');

      await page.locator('.liste__table').getByRole('link', { name: /^Session 43A, EA-BTN/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Indemnités chef de centre', exact: true }).waitFor();
      await expect.poll(() => page.getByText(/Date issue de Cyclades : 15\/06\//).count()).toBeGreaterThan(0);
      await s.verifier('declaration-vide');
      await page.getByLabel(/Début des épreuves/).fill('15/06/2026');
      await page.getByLabel(/De 1 à 600 candidats/).fill('6');
      await page.getByLabel(/Plus de 600 candidats/).fill('1');
      await expect.poll(() => texte(page, '[data-montant-global]')).toBe('1 268,00 €');

      // « Ajouter un intervenant »: suggestions as one types, then a share over 100 % refused.
      await page.getByRole('button', { name: 'Ajouter un intervenant' }).click();
      await page.getByLabel(/^Nom prénom/).fill('martin-dem');
      await page.getByRole('button', { name: /^MARTIN-DEMO Paul/ }).click();
      await page.getByLabel('Répartition (%)', { exact: true }).fill('120');
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await expect.poll(() => page.locator('#icc-ajout-erreur').innerText()).toContain('inférieure ou égale à 100');
      await s.verifier('ajout-erreur');
      await page.getByLabel('Répartition (%)', { exact: true }).fill('5,5');
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await expect.poll(() => page.locator('table').filter({ hasText: 'Liste des intervenants' }).innerText().then(nbsp)).toContain('69,74 €');
      expect(await texte(page, '[data-total-reparti]')).toBe('69,74 €');
      expect(await texte(page, '[data-total-restant]')).toBe('1 198,26 €');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Indemnité enregistrée.');
      await expect.poll(() => page.getByText('NON TRANSMIS').count()).toBeGreaterThan(0);
      await s.verifier('declaration-enregistree');

      await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
      await expect.poll(() => page.getByRole('dialog', { name: 'Transmettre' }).innerText()).toContain('vous ne pourrez plus la modifier en ligne');
      await s.verifier('confirmation-transmission');
      await repondreConfirmation(page, 'Transmettre', 'Transmettre');
      await expect.poll(() => page.getByText('Vos indemnités ont été transmises au service Gestionnaire. Pour toute modification, veuillez contacter ce service.').count()).toBe(1);
      expect(await page.getByText('TRANSMIS', { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count()).toBe(0);
      await s.verifier('declaration-transmise');
    } finally {
      await sortir(s);
    }
  });
});
