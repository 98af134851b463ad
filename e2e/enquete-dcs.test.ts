// Enquête DCS on demo data (issue 15, seed 004 §2.9), at 1280×720: prof.dcs, a DCS teacher of the
// SIEC, answers the six steps (a field error shown on the field, then corrected), then « Valider mes
// réponses » through the confirmation dialog; dec.siec, the SIEC's gestionnaire, sees the answers in
// the list (at least 10 rows), opens them, and downloads the CSV (BOM, « ; »). axe on every page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repondreConfirmation } from './support/confirmation.ts';
import { choisirTaille, verifierPlace } from './support/place.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const TAILLE = { largeur: 1280, hauteur: 720 };

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function enregistrerEtape(page: Page, attendu: string) {
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain(attendu);
}

async function etapeSuivante(page: Page, titre: string) {
  await page.getByRole('button', { name: 'Suivant', exact: true }).click();
  await page.locator('.fr-stepper__title').filter({ hasText: titre }).waitFor();
}

describe('Enquête DCS', () => {
  it('l’enseignant du DCS répond aux six étapes et valide ; le gestionnaire du SIEC voit sa réponse et exporte le CSV', async () => {
    const s = await nouvelleSession(browser, 'enquete-dcs', TAILLE);
    const { page } = s;
    try {
      await seConnecter(s, 'prof.dcs', 'imagin-intervenant');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Enquête DCS', exact: true }).click();
      await page.locator('.fr-stepper__title').filter({ hasText: 'Activité' }).waitFor();
      expect(await page.locator('.fr-stepper__state').innerText()).toContain('Étape 1 sur 6');
      await s.verifier('enquete-dcs-etape-1');

      // 1. Activité: « En activité » without the function → the message on the field; corrected.
      await page.getByLabel('En activité', { exact: true }).check({ force: true });
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const erreur = page.locator('.fr-input-group--error').filter({ hasText: 'Fonction exercée' });
      await expect.poll(() => erreur.innerText()).toContain('Fonction exercée : renseignez votre fonction');
      await s.verifier('enquete-dcs-etape-1-erreur');
      await page.getByLabel('Fonction exercée').fill('Professeure agrégée d’économie et gestion');
      await expect.poll(() => erreur.count()).toBe(0);
      await enregistrerEtape(page, 'Étape « Activité » enregistrée.');

      // 2. Etablissements: proposed from her établissement.
      await etapeSuivante(page, 'Etablissements');
      expect(await page.getByLabel("UAI de l'établissement 1").inputValue()).toBe('0750690T');
      await s.verifier('enquete-dcs-etape-2');
      await enregistrerEtape(page, 'Étape « Etablissements » enregistrée.');

      // 3. Enseignements (UE).
      await etapeSuivante(page, 'Enseignements (UE)');
      await page.getByLabel('DCG UE 11 — Contrôle de gestion', { exact: true }).check({ force: true });
      await page.getByLabel('DSCG UE 3 — Management et contrôle de gestion', { exact: true }).check({ force: true });
      await s.verifier('enquete-dcs-etape-3');
      await enregistrerEtape(page, 'Étape « Enseignements (UE) » enregistrée.');

      // 4. VAE.
      await etapeSuivante(page, 'VAE');
      await page.getByLabel('Oui', { exact: true }).check({ force: true });
      await page.getByLabel('DSCG', { exact: true }).check({ force: true });
      await enregistrerEtape(page, 'Étape « VAE » enregistrée.');

      // 5. Epreuves écrites: only the written papers are offered.
      await etapeSuivante(page, 'Epreuves écrites DSCG ou DCG');
      await page.getByLabel('Oui', { exact: true }).check({ force: true });
      expect(await page.getByLabel('DCG UE 13 — Communication professionnelle').count()).toBe(0);
      await page.getByLabel('DCG UE 11 — Contrôle de gestion', { exact: true }).check({ force: true });
      await s.verifier('enquete-dcs-etape-5');
      await enregistrerEtape(page, 'Étape « Epreuves écrites DSCG ou DCG » enregistrée.');

      // 6. Epreuves orales.
      await etapeSuivante(page, 'Epreuves orales DSCG ou DCG');
      await page.getByLabel('Oui', { exact: true }).check({ force: true });
      await page.getByLabel('DSCG UE 7 — Relations professionnelles', { exact: true }).check({ force: true });
      await enregistrerEtape(page, 'Étape « Epreuves orales DSCG ou DCG » enregistrée.');
      expect(await page.getByRole('button', { name: 'Suivant', exact: true }).isDisabled()).toBe(true);

      // « Valider mes réponses », through the confirmation dialog.
      await page.getByRole('button', { name: 'Valider mes réponses', exact: true }).click();
      await repondreConfirmation(page, 'Valider mes réponses', 'Valider mes réponses');
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain("Vos réponses à l'enquête DCS 2027 sont validées.");
      await page.getByText(/Réponses validées le \d\d\/\d\d\/\d{4}/).waitFor();
      await s.verifier('enquete-dcs-validee');

      // In « Grande » font at 1280×720: the établissements and the units' columns still fit, the step's
      // buttons stay reachable; answers stay editable after validating (still validated).
      await choisirTaille(page, 'Grande');
      await page.getByRole('button', { name: 'Etablissements', exact: true }).click();
      await page.locator('.fr-stepper__title').filter({ hasText: 'Etablissements' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await s.verifier('enquete-dcs-grande-etape-2');
      await page.getByRole('button', { name: 'Enseignements (UE)', exact: true }).click();
      await page.locator('.fr-stepper__title').filter({ hasText: 'Enseignements (UE)' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await page.getByLabel('DCG UE 10 — Comptabilité approfondie', { exact: true }).check({ force: true });
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).scrollIntoViewIfNeeded();
      await s.verifier('enquete-dcs-grande-etape-3');
      await enregistrerEtape(page, 'Vos réponses restent validées');
      await choisirTaille(page, 'Normale');
    } finally {
      await sortir(s);
    }

    const g = await nouvelleSession(browser, 'enquete-dcs-gestion', TAILLE);
    try {
      const p = g.page;
      await seConnecter(g, 'dec.siec', 'imagin-gestion');
      await attendreShell(p);
      await p.locator('#menu').getByRole('link', { name: 'Enquête DCS', exact: true }).click();
      await p.getByRole('heading', { name: 'Campagne 2027 : enquête ouverte' }).waitFor();
      const lignes = p.locator('.liste__table tbody tr.liste__ligne');
      await lignes.first().waitFor();
      expect(await lignes.count()).toBeGreaterThanOrEqual(10);
      // At 1280×720, at least 10 whole rows once the list is scrolled into view, nothing covering them.
      await verifierPlace(g, 'enquete-dcs-gestion');
      const laurier = lignes.filter({ hasText: 'LAURIER-DEMO' });
      // Every column visible at 1280 px: nothing wider than the list.
      expect(await p.locator('.liste__defilement').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      expect(await laurier.innerText()).toMatch(/Validée[\s\S]*après validation/i);

      await laurier.getByRole('link').first().click();
      await p.getByRole('heading', { name: /Réponses de Mme LAURIER-DEMO Hélène — campagne 2027/ }).waitFor();
      const detail = await p.locator('.detail__grille').innerText();
      expect(detail).toContain('DCG UE 10, DCG UE 11, DSCG UE 3');
      expect(detail).toContain('(après validation)');
      expect(detail).toContain('Oui : DSCG UE 7');
      await g.verifier('enquete-dcs-gestion-detail');
      await p.getByRole('button', { name: 'Retour' }).first().click();
      await lignes.first().waitFor();

      const [d] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Exporter les réponses (CSV)' }).click()]);
      expect(d.suggestedFilename()).toBe('enquete-dcs-2027.csv');
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, 'enquete-dcs-2027.csv');
      await d.saveAs(chemin);
      const texte = readFileSync(chemin, 'utf8');
      expect(texte.startsWith('\ufeff')).toBe(true);
      const l = texte.slice(1).trimEnd().split('\r\n');
      expect(l[0]!.split(';').slice(0, 6)).toEqual(['Civilité', 'Nom', 'Prénom', 'Mél professionnel', 'Etablissement principal', 'Réponse']);
      const sienne = l.find((x) => x.includes('LAURIER-DEMO'))!.split(';');
      expect(sienne.slice(5, 7)).toEqual(['Validée', '6']);
      expect(sienne.at(-1)).toBe('Oui : DSCG UE 7');

      // Fermer puis rouvrir, par la boîte de confirmation commune.
      await p.getByRole('button', { name: "Fermer l'enquête", exact: true }).click();
      await repondreConfirmation(p, "Fermer l'enquête DCS", "Fermer l'enquête");
      await p.getByRole('heading', { name: 'Campagne 2027 : enquête fermée' }).waitFor();
      await expect.poll(async () => (await messagesConsole(p))[0] ?? '').toContain("L'enquête DCS 2027 est fermée");
      expect(await p.getByLabel('Année de la campagne').inputValue()).toBe('2027');
      await g.verifier('enquete-dcs-gestion-fermee');
      await p.getByRole('button', { name: "Ouvrir l'enquête", exact: true }).click();
      await repondreConfirmation(p, "Ouvrir l'enquête DCS", "Ouvrir l'enquête");
      await p.getByRole('heading', { name: 'Campagne 2027 : enquête ouverte' }).waitFor();
    } finally {
      await sortir(g);
    }
  });
});
