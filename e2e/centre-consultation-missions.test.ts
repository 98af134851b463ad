// IMAG'IN centre d'examen on demo data (issue 5, seed 003 §4.1): « Consultation des missions » of
// LGT LA PROMENADE — the list, the « Année » and « Examen » filters, the downloads of the displayed
// missions, a mission's detail with its convoked intervenants, « Détails de l'affectation », a
// duplicata and the mission's downloads. axe and a screenshot on every page visited. The scenario
// reads what the demo holds (no mission number is assumed) and always quits in the end: one IMAG'IN
// session per UAI at a time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const LIGNES = '.liste__table tbody tr.liste__ligne';

async function lignesAffichees(page: Page): Promise<string[][]> {
  return page.locator(LIGNES).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

async function compteDuTitre(page: Page): Promise<number> {
  const t = await page.locator('.liste__titre').first().innerText();
  const m = /\(([\d\s\u202f\u00a0]+) lignes?\)$/.exec(t);
  if (!m) throw new Error(`Titre sans nombre de lignes : ${t}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

async function sortir(s: Session) {
  // Always leave the session, so the next scenario may open one for the same UAI.
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

async function enregistrer(d: Download): Promise<Buffer> {
  const chemin = resolve(DOSSIER_TELECHARGEMENTS, `centre-${d.suggestedFilename()}`);
  await d.saveAs(chemin);
  return readFileSync(chemin);
}

function lignesCsv(b: Buffer): string[] {
  const texte = b.toString('utf8');
  expect(texte.startsWith('\ufeff')).toBe(true);
  return texte.slice(1).trimEnd().split('\r\n');
}

async function telecharger(page: Page, bouton: string): Promise<{ nom: string; contenu: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: bouton, exact: true }).click()]);
  return { nom: d.suggestedFilename(), contenu: await enregistrer(d) };
}

describe('Consultation des missions (centre d’examen)', () => {
  it('liste, filtres, téléchargements, détail d’une mission, détails de l’affectation, duplicata', async () => {
    const s = await nouvelleSession(browser, 'centre-missions');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Consultation des missions', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      const total = await compteDuTitre(page);
      expect(total).toBeGreaterThan(0);
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(['N°', 'Session examen', 'Spécialité', 'Epreuve-option', 'Type de mission', 'Début', 'Nbr. itv.'].map((t) => expect.stringContaining(t)));
      const toutes = await lignesAffichees(page);
      // Sorted by number at opening; each mission has at least one convoked intervenant.
      const nums = toutes.map((l) => Number(l[0]));
      expect(nums).toEqual([...nums].sort((a, b) => a - b));
      for (const l of toutes) expect(Number(l[6])).toBeGreaterThan(0);
      // Years offered: current − 3 … current + 1.
      const annees = await page.locator('#filtre-annees input[type="checkbox"]').evaluateAll((xs) => xs.map((x) => Number((x as HTMLInputElement).value)));
      expect(annees).toHaveLength(5);
      expect(annees[4]! - annees[0]!).toBe(4);
      await s.verifier('liste');

      // « Examen »: every exam offered has missions here; filtering on one keeps only its sessions.
      const examens = page.locator('#filtre-examens input[type="checkbox"]');
      expect(await examens.count()).toBeGreaterThan(0);
      const sigles = toutes.map((l) => l[1]!.split(', ')[1]);
      const sigle = sigles[0]!;
      const libelleExamen = page.locator('#filtre-examens label', { hasText: new RegExp(`^${sigle} - `) });
      await libelleExamen.click();
      await page.getByRole('button', { name: 'Filtrer missions' }).click();
      await expect.poll(async () => page.locator('body').innerText()).toContain(`Missions filtrées : examens ${sigle}.`);
      await expect.poll(() => compteDuTitre(page)).toBe(sigles.filter((x) => x === sigle).length);
      for (const l of await lignesAffichees(page)) expect(l[1]!.split(', ')[1]).toBe(sigle);
      await s.verifier('filtre-examen');

      // « Année »: the current year only (the session year, written in the session's label).
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);
      const courante = annees[3]!;
      await page.locator(`label[for="filtre-annees-${courante}"]`).click();
      await page.getByRole('button', { name: 'Filtrer missions' }).click();
      await expect.poll(async () => page.locator('body').innerText()).toContain(`Missions filtrées : années ${courante}.`);
      await expect.poll(() => page.locator('.liste__chargement').count()).toBe(0);
      expect(await compteDuTitre(page)).toBeLessThanOrEqual(total);
      await s.verifier('filtre-annee');
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);

      // Downloads of the displayed missions: a keyword narrows the list, the CSV holds exactly those rows.
      await page.getByLabel('Filtrer par mot-clé').fill(sigle);
      await page.waitForTimeout(300);
      const affichees = await lignesAffichees(page);
      expect(await compteDuTitre(page)).toBe(affichees.length);
      const csv = await telecharger(page, 'Extraction CSV');
      expect(csv.nom).toMatch(/^missions_centre_0350710G_\d{8}\.csv$/);
      const lignes = lignesCsv(csv.contenu);
      expect(lignes[0]).toBe('N°;Session examen;Spécialité;Epreuve-option;Type de mission;Début;Nbr. itv.');
      expect(lignes.slice(1).map((l) => l.split(';')[0])).toEqual(affichees.map((l) => l[0]));
      await expect.poll(() => premierMessage(page)).toContain(`« Extraction CSV » : ${affichees.length} mission`);
      for (const bouton of ['Télécharger liste (pdf)', 'Télécharger détails (pdf)']) {
        const pdf = await telecharger(page, bouton);
        expect(pdf.contenu.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      await page.getByLabel('Filtrer par mot-clé').fill('');
      await expect.poll(() => compteDuTitre(page)).toBe(total);

      // A mission with several intervenants if there is one: its header and its convoked intervenants.
      const index = Math.max(0, toutes.findIndex((l) => Number(l[6]) > 1));
      const choisie = toutes[index]!;
      await page.locator(LIGNES).nth(index).locator('td').nth(4).click();
      await page.getByRole('heading', { name: 'Mission sélectionnée' }).waitFor();
      const entete = await page.locator('.detail-mission').innerText();
      for (const x of [choisie[0]!, choisie[1]!, choisie[4]!, choisie[5]!]) expect(entete).toContain(x);
      await page.locator(LIGNES).first().waitFor();
      expect(await page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des intervenants convoqués \(\d+ lignes?\)$/);
      expect(await compteDuTitre(page)).toBe(Number(choisie[6]));
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['Nom', 'Prénom', 'Etablissement principal', 'Tél pers.', 'Tél prof.', 'Qualité', 'Dates spécifiques', 'Duplicata'].map((t) => expect.stringContaining(t)),
      );
      await s.verifier('detail-mission');

      // A row click: « Détails de l'affectation », closed by « OK ».
      const premiere = (await lignesAffichees(page))[0]!;
      await page.locator(LIGNES).first().locator('td').nth(2).click();
      const modale = page.locator('#modale-details-affectation');
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      const texteModale = await modale.innerText();
      for (const x of ["Détails de l'affectation", premiere[0]!, premiere[1]!, 'Qualité', 'Commission(s)', 'Jury(s)', 'Salle', 'Observation', 'Date de début', 'Date de fin']) expect(texteModale).toContain(x);
      expect(texteModale).toMatch(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \S+ \d{4} \d{2}:\d{2}/);
      await s.verifier('details-affectation');
      await modale.getByRole('button', { name: 'OK' }).click();
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(false);
      // The same from the keyboard: the name is a button.
      await page.locator(LIGNES).first().getByRole('button', { name: /détails de l’affectation/ }).press('Enter');
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      await modale.getByRole('button', { name: 'OK' }).click();
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(false);

      // The duplicata of a convocation.
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator(LIGNES).first().getByRole('button', { name: /^Duplicata PDF/ }).click()]);
      expect((await enregistrer(d)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => premierMessage(page)).toContain('Duplicata de la convocation téléchargé');

      // The mission's downloads.
      const intervenants = await lignesAffichees(page);
      const csvMission = await telecharger(page, 'Extraction CSV');
      expect(csvMission.nom).toMatch(new RegExp(`^mission_${choisie[0]}_\\d{8}_intervenants\\.csv$`));
      const lm = lignesCsv(csvMission.contenu);
      expect(lm[0]!.startsWith('Nom;Prénom;Etablissement principal;Tél pers.;Tél prof.;Qualité;Dates spécifiques;')).toBe(true);
      expect(lm.slice(1).map((l) => l.split(';').slice(0, 2))).toEqual(intervenants.map((l) => l.slice(0, 2)));
      for (const bouton of ['Télécharger liste par jury (pdf)', 'Télécharger détails (pdf)']) {
        const pdf = await telecharger(page, bouton);
        expect(pdf.contenu.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        await expect.poll(() => premierMessage(page)).toContain(`« ${bouton} » : ${intervenants.length} intervenant`);
      }
      await s.verifier('detail-telechargements');

      await page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);
    } finally {
      await sortir(s);
    }
  });
});
