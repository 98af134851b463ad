// IMAG'IN intervenant on demo data (issue 15, seed 004 §2.3): « Consultation missions » of prof.martin
// (Rennes) at 1280×720 — the list of his Rennes missions (sort, keyword), the pop-up of a mission with
// its jury and qualité, the duplicata downloaded and read back (identifiant, no password), the tab of
// Nantes (another académie that convoked him, read-only) with its pop-up and duplicata. axe and a
// screenshot on every state visited.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../src/server/testing/documents.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, seConnecter } from './support/navigateur.ts';
import { choisirTaille, sortir, verifierPlace, verifierPlaceDeuxEtats } from './support/place.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const LIGNES = '.liste__table tbody tr.liste__ligne';
const MODALE = '#modale-mission-intervenant';

async function lignesAffichees(page: Page): Promise<string[][]> {
  return page.locator(LIGNES).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

async function compteDuTitre(page: Page): Promise<number> {
  const t = await page.locator('.liste__titre').first().innerText();
  const m = /\(([\d\s\u202f\u00a0]+) lignes?\)$/.exec(t);
  if (!m) throw new Error(`Titre sans nombre de lignes : ${t}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

async function lirePdf(d: Download): Promise<string> {
  const chemin = resolve(DOSSIER_TELECHARGEMENTS, `intervenant-${d.suggestedFilename()}`);
  await d.saveAs(chemin);
  const contenu = readFileSync(chemin);
  expect(contenu.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return (await textePdf(contenu)).pages.join(' ');
}

const jj = (fr: string) => fr.split('/').reverse().join('-');

async function ouvrirPopup(page: Page, numero: string) {
  const ligne = page.locator(LIGNES).filter({ has: page.locator('td', { hasText: new RegExp(`^${numero}$`) }) });
  // A click anywhere on the row (here the type) opens it.
  await ligne.locator('td').nth(3).click();
  const modale = page.locator(MODALE);
  await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
  await modale.locator('.detail__grille').waitFor();
  return modale;
}

async function fermerPopup(page: Page) {
  const modale = page.locator(MODALE);
  await modale.getByRole('button', { name: 'Fermer', exact: true }).last().click();
  await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(false);
  // The DSFR fades the dialog out after its class goes: a click meanwhile may land on it, not on the list.
  await modale.waitFor({ state: 'hidden' });
}

describe('Consultation missions (intervenant)', () => {
  it('liste par académie, tri, recherche, pop-up, duplicata, onglet d’une autre académie', async () => {
    const s = await nouvelleSession(browser, 'intervenant-missions', { largeur: 1280, hauteur: 720 });
    const { page } = s;
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Consultation missions', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();

      // One tab per académie: his own first (selected), then those that convoked him.
      const onglets = await page.getByRole('tab').allInnerTexts();
      expect(onglets.map((t) => t.replace(/\s*\(\d+\)$/, ''))).toEqual(['Académie de Rennes', 'Académie de Nantes', 'Académie de Toulouse']);
      expect(await page.getByRole('tab', { selected: true }).innerText()).toContain('Académie de Rennes');
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['N°', 'Examen', "Centre d'examen", 'Type de mission', 'Qualité', 'Début', 'Duplicata'].map((t) => expect.stringContaining(t)),
      );
      const rennes = await lignesAffichees(page);
      const total = await compteDuTitre(page);
      expect(total).toBe(rennes.length);
      expect(rennes.map((l) => l[0])).toEqual(expect.arrayContaining(['148001', '140002']));
      expect(rennes.map((l) => l[0])).not.toContain('179201');
      // Sorted by first date at opening.
      const debuts = rennes.map((l) => jj(l[5]!));
      expect(debuts).toEqual([...debuts].sort());
      await s.verifier('liste-rennes');
      // At 1280×720, every row (10 at least for a longer list) wholly visible, console shown or folded.
      await verifierPlaceDeuxEtats(s, 'place-rennes');

      // Sort by number, both ways.
      await page.locator('.liste__table thead th').first().getByRole('button').click();
      await expect.poll(async () => (await lignesAffichees(page)).map((l) => Number(l[0]))).toEqual(rennes.map((l) => Number(l[0])).sort((a, b) => a - b));
      await page.locator('.liste__table thead th').first().getByRole('button').click();
      await expect.poll(async () => (await lignesAffichees(page)).map((l) => Number(l[0]))).toEqual(rennes.map((l) => Number(l[0])).sort((a, b) => b - a));

      // The keyword narrows the list as one types.
      await page.getByLabel('Filtrer par mot-clé').fill('mathématiques');
      await expect.poll(() => compteDuTitre(page)).toBeLessThan(total);
      await page.getByLabel('Filtrer par mot-clé').fill('interrogation');
      await expect.poll(async () => (await lignesAffichees(page)).every((l) => l[3] === 'INTERROGATION ORALE')).toBe(true);
      expect((await lignesAffichees(page)).map((l) => l[0])).toContain('148001');
      await s.verifier('recherche');

      // The pop-up: examen, centre, type, numéro, qualité, jury and its qualité, the text, the dates.
      const modale = await ouvrirPopup(page, '148001');
      const texte = await modale.innerText();
      for (const x of ['Mission n° 148001', 'Examen', 'BCG - BACCALAUREAT GENERAL', "Centre d'examen", 'INTERROGATION ORALE', 'Numéro de mission', '148001', 'Qualité', 'Interrogateur', 'Jury', 'J03 - Jury de mathématiques', 'Qualité dans le jury', 'Vous interrogez en salle B204', 'lundi 22 juin 2026 08:00 – 18:00', 'mardi 23 juin 2026 08:00 – 12:00']) {
        expect(texte, x).toContain(x);
      }
      await s.verifier('popup-rennes');
      await fermerPopup(page);
      // The same from the keyboard: the number is a button.
      await page.locator(LIGNES).getByRole('button', { name: /^Mission n° 148001/ }).press('Enter');
      await expect.poll(() => page.locator(MODALE).evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      await fermerPopup(page);

      // The duplicata: the convocation PDF, « Duplicata », his identifiant, never a password.
      const ligne = page.locator(LIGNES).filter({ has: page.getByRole('button', { name: /^Mission n° 148001/ }) });
      const [d] = await Promise.all([page.waitForEvent('download'), ligne.getByRole('button', { name: /^Duplicata PDF/ }).click()]);
      expect(d.suggestedFilename()).toBe('MARTIN-DEMO_Paul_148001.pdf');
      const pdf = await lirePdf(d);
      for (const x of ['ACADEMIE DE RENNES', 'Duplicata', 'M. MARTIN-DEMO Paul', 'N° 148001 INTERROGATION ORALE', 'J03 - Jury de mathématiques', "Identifiant IMAG'IN : prof.martin", 'lundi 22/06/2026']) expect(pdf, x).toContain(x);
      expect(pdf).not.toContain('Mot de passe temporaire');
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Duplicata de la convocation téléchargé');
      await page.getByLabel('Filtrer par mot-clé').fill('');

      // Nantes: its missions, read-only, read from its data.
      await page.getByRole('tab', { name: /Académie de Nantes/ }).click();
      await expect.poll(async () => (await lignesAffichees(page)).map((l) => l[0])).toEqual(expect.arrayContaining(['179201', '179202', '179203']));
      expect((await lignesAffichees(page)).map((l) => l[0])).not.toContain('148001');
      expect(await page.locator('body').innerText()).toContain("Missions auxquelles l'académie de Nantes vous a convoqué(e), lues dans ses données : consultation seule.");
      await s.verifier('onglet-nantes');
      const nantes = await ouvrirPopup(page, '179202');
      const texteNantes = await nantes.innerText();
      for (const x of ["Mission convoquée par l'académie de Nantes : consultation seule.", 'J44-02', 'Commission', 'C2', 'Interrogateur', 'lundi 29 juin 2026 08:00 – 12:00']) expect(texteNantes, x).toContain(x);
      await s.verifier('popup-nantes');
      await fermerPopup(page);
      const ligneNantes = page.locator(LIGNES).filter({ has: page.getByRole('button', { name: /^Mission n° 179201/ }) });
      const [dn] = await Promise.all([page.waitForEvent('download'), ligneNantes.getByRole('button', { name: /^Duplicata PDF/ }).click()]);
      const pdfNantes = await lirePdf(dn);
      for (const x of ['ACADEMIE DE NANTES', 'Duplicata', 'N° 179201 CORRECTION DE COPIES', 'Correcteur', "Pour le recteur de l'académie de Nantes et par délégation,"]) expect(pdfNantes, x).toContain(x);
      expect(pdfNantes).not.toContain('Mot de passe temporaire');

      // Toulouse, and back to Rennes as it was.
      await page.getByRole('tab', { name: /Académie de Toulouse/ }).click();
      await expect.poll(() => compteDuTitre(page)).toBeGreaterThan(0);
      expect((await lignesAffichees(page)).every((l) => l[3] === 'INTERROGATION ORALE')).toBe(true);
      await page.getByRole('tab', { name: /Académie de Rennes/ }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);

      // With the large font, the same: every column and row of the list.
      await choisirTaille(page, 'Grande');
      await verifierPlace(s, 'place-rennes-grande');
      const largeur = await page.locator('.liste__defilement').first().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(largeur, 'défilement horizontal de la liste en police Grande').toBeLessThanOrEqual(1);
    } finally {
      await sortir(s, 'Grande');
    }
  });
});
