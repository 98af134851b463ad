// « Saisie/consultation états de frais » on demo data (issue 16, seed 004 §2.4), at 1280×720 with axe on
// every screen. First the « Déplacement » tab (decision 0029): prof.martin accepts the académie's
// conditions (refused while the box is not ticked), opens the morning mission at Dinan (its car trip
// already entered), adds a train leg in the dialog (a field error first), saves, finds it again after a
// reload, removes it with ✗ through the app's confirmation, saves; the afternoon mission of the same day
// says its trips go on the first mission of the day. Then the whole claim: the conditions are not asked
// again,
// sees the list of his états with both statuses (at least 10 whole rows), opens the épreuve pratique
// (first access: « Compléter »), enters a half-day and saves; opens the morning mission of 26/06
// (déplacement refunded): changes the copies, adds a train leg through the Déplacement dialog, saves,
// deposits the ticket on the Récapitulatif, declares the other receipts sent by post, validates through
// the confirmation and downloads the récapitulatif PDF with its numéro d'ordre; the afternoon mission
// of that day shows « Invalidable ».
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketPng } from '../src/server/demo/etats-frais.ts';
import { dialogueConfirmation, repondreConfirmation } from './support/confirmation.ts';
import { verifierPlace } from './support/place.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const TAILLE = { largeur: 1280, hauteur: 720 };
const ACTIVITE = 'Saisie/consultation états de frais';

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

/** The row of a mission in the list. */
const ligne = (page: Page, numero: number) => page.locator('.liste__table tbody tr.liste__ligne').filter({ hasText: String(numero) });

async function ouvrirEtat(page: Page, numero: number) {
  await ligne(page, numero).getByRole('link').first().click();
  await page.locator('#titre-etat').filter({ hasText: `Mission n° ${numero}` }).waitFor();
}

async function retourListe(page: Page) {
  await page.getByRole('button', { name: 'Retour' }).first().click();
  await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
}

async function onglet(page: Page, nom: string) {
  await page.getByRole('tab', { name: nom, exact: true }).click();
  await expect.poll(() => page.getByRole('tab', { name: nom, exact: true }).getAttribute('aria-selected')).toBe('true');
}

const MATIN = 146009;
const APRES_MIDI = 146010;

async function ouvrirDeplacement(page: Page, numero: number) {
  await page.locator('#menu').getByRole('link', { name: 'Saisie/consultation états de frais', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`[Mm]ission n° ${numero},`) }).click();
  // First access: « Compléter » opens the tabs (the other choice is « Mission non effectuée »).
  const onglet = page.getByRole('tab', { name: 'Déplacement' });
  const completer = page.getByRole('button', { name: 'Compléter', exact: true });
  await Promise.race([onglet.waitFor(), completer.waitFor()]);
  if (await completer.isVisible()) await completer.click();
  await onglet.click();
  await page.locator('.frais-deplacement').waitFor();
}

const lignesDuTableau = (page: Page) => page.locator('#lignes-deplacement tbody tr[data-ligne]');

// First in this file (the scenarios share prof.martin's demo data, in this order): the conditions are
// accepted here, and the leg added to the morning mission is removed before the next scenario validates it.
describe('onglet Déplacement', () => {
  it('ajouter un trajet en train, l’enregistrer, le retrouver, le supprimer ; la mission de l’après-midi est « Invalidable »', async () => {
    const s = await nouvelleSession(browser, 'frais-deplacement', { largeur: 1280, hauteur: 720 });
    const { page } = s;
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: ACTIVITE, exact: true }).click();
      // 1. Conditions d'utilisation: the académie's text, the box to tick, Valider.
      await page.getByRole('heading', { name: "Conditions d'utilisation du service" }).waitFor();
      expect(await page.locator('.etats-frais-conditions').innerText()).toContain('rectorat de Rennes');
      await s.verifier('frais-conditions');
      await page.getByRole('button', { name: 'Valider', exact: true }).click();
      await page.locator('#conditions-erreur').waitFor();
      expect(await page.locator('#conditions-erreur').innerText()).toContain("J'ai lu et j'accepte les conditions relatives à l'utilisation du service");
      await s.verifier('frais-conditions-non-cochees');
      await page.getByLabel("J'ai lu et j'accepte les conditions relatives à l'utilisation du service").check({ force: true });
      await page.getByRole('button', { name: 'Valider', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain("Vous avez accepté les conditions d'utilisation du service.");

      await ouvrirDeplacement(page, MATIN);
      await expect.poll(() => lignesDuTableau(page).count()).toBe(1);
      expect(await lignesDuTableau(page).first().innerText()).toMatch(/AUTOMOBILE[\s\S]*55 km, 1 trajet \(5 CV\)/);
      expect(await page.locator('.frais-deplacement').innerText()).toContain('estimation : le montant retenu par le gestionnaire prévaut');
      // The whole table fits the work area at 1280×720: the edit and ✗ buttons need no horizontal scroll.
      const croix = await page.getByRole('button', { name: 'Supprimer le déplacement 1' }).boundingBox();
      const cadre = await page.locator('.frais-deplacement .fr-table').boundingBox();
      expect(croix && cadre && croix.x + croix.width <= cadre.x + cadre.width).toBe(true);
      expect(await page.locator('.frais-deplacement .fr-table').evaluate((t) => [t, ...t.querySelectorAll('div')].every((e) => e.scrollWidth <= e.clientWidth + 1))).toBe(true);
      await s.verifier('frais-deplacement-onglet');

      // « Ajouter un déplacement »: the next leg leaves from where the first arrived.
      await page.getByRole('button', { name: 'Ajouter un déplacement' }).click();
      const dialogue = page.getByRole('dialog', { name: /Nouveau déplacement/ });
      await dialogue.waitFor({ state: 'visible' });
      await expect.poll(() => dialogue.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      expect(await dialogue.getByLabel('Ville de départ').getAttribute('readonly')).toBeNull();
      await dialogue.getByLabel('Ville d’arrivée').fill('Saint-Malo');
      await dialogue.getByLabel('Mode de transport').selectOption('TRAIN_2EME_CLASSE');
      expect(await dialogue.getByLabel('Frais divers (€)').count()).toBe(0);
      await dialogue.getByLabel('Prix des billets (€)').fill('12,4a');
      await dialogue.getByRole('button', { name: 'OK', exact: true }).click();
      await expect.poll(() => dialogue.locator('.fr-error-text').allInnerTexts()).toEqual(['Déplacement 2, prix des billets : montant en euros attendu, par exemple 12,50.']);
      await s.verifier('frais-deplacement-dialogue-erreur');
      await dialogue.getByLabel('Prix des billets (€)').fill('12,40');
      await dialogue.getByRole('button', { name: 'OK', exact: true }).click();
      await dialogue.waitFor({ state: 'hidden' });
      await expect.poll(() => lignesDuTableau(page).count()).toBe(2);
      expect(await lignesDuTableau(page).nth(1).innerText()).toMatch(/Saint-Malo[\s\S]*TRAIN 2EME CLASSE[\s\S]*billets : 12,40/);

      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Votre état de frais est enregistré');

      // Stored: found again after a reload.
      await page.reload();
      await attendreShell(page);
      await page.getByRole('tab', { name: 'Déplacement' }).click();
      await expect.poll(() => lignesDuTableau(page).count()).toBe(2);
      expect(await lignesDuTableau(page).nth(1).innerText()).toContain('Saint-Malo');

      // ✗ removes it, after the app's confirmation.
      await page.getByRole('button', { name: 'Supprimer le déplacement 2' }).click();
      await s.verifier('frais-deplacement-confirmation');
      await repondreConfirmation(page, 'Supprimer le déplacement', 'Supprimer');
      await expect.poll(() => lignesDuTableau(page).count()).toBe(1);
      const avant = (await messagesConsole(page)).length;
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page)).length).toBeGreaterThan(avant);
      expect((await messagesConsole(page))[0]).toContain('Votre état de frais est enregistré');

      // The afternoon mission of the same day: « Invalidable », nothing to enter.
      await ouvrirDeplacement(page, APRES_MIDI);
      expect(await page.locator('.frais-deplacement').innerText()).toContain('tous les déplacements de la journée sont à saisir sur la première mission de la journée');
      expect(await page.getByRole('button', { name: 'Ajouter un déplacement' }).count()).toBe(0);
      await s.verifier('frais-deplacement-invalidable');
    } finally {
      await quitter(page).catch(() => undefined);
      await s.fermer();
    }
  });
});

describe('États de frais de l’intervenant', () => {
  it('conditions, liste, premier accès, rémunération, déplacement, pièce justificative, Enregistrer puis Valider avec le récapitulatif PDF', async () => {
    const s = await nouvelleSession(browser, 'intervenant-frais', TAILLE);
    const { page } = s;
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: ACTIVITE, exact: true }).click();

      // 1. The conditions, accepted in the scenario above, are not asked again (same version).
      expect(await page.getByRole('heading', { name: "Conditions d'utilisation du service" }).count()).toBe(0);

      // 2. The list: his missions with both statuses; at least 10 whole rows at 1280×720.
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      expect(await page.locator('.liste__table tbody tr.liste__ligne').count()).toBeGreaterThanOrEqual(10);
      await verifierPlace(s, 'frais-liste');
      // (textContent: the badges are upper-cased by the style only.)
      expect(await ligne(page, 146010).textContent()).toContain('Invalidable');
      expect(await ligne(page, 146003).textContent()).toMatch(/Non validé/);
      expect(await ligne(page, 146001).textContent()).toContain('Validé');

      // 3. The épreuve pratique: first access, « Compléter », a half-day, Enregistrer.
      await ouvrirEtat(page, 146003);
      await page.locator('#premier-acces').waitFor();
      expect(await page.locator('#details-mission').innerText()).toContain('épreuve pratique');
      await s.verifier('frais-premier-acces');
      // The details can be hidden and shown again.
      await page.getByRole('button', { name: 'Masquer les détails de la mission' }).click();
      await expect.poll(() => page.locator('#details-mission').count()).toBe(0);
      await page.getByRole('button', { name: 'Afficher les détails de la mission' }).click();
      await page.locator('#details-mission').waitFor();
      await page.getByRole('button', { name: 'Compléter', exact: true }).click();
      await page.getByRole('tab', { name: 'Suivi', exact: true }).waitFor();
      expect(await page.locator('#messages-suivi').innerText()).toContain('La mission est achevée');
      await s.verifier('frais-suivi');
      await page.getByRole('button', { name: 'Suivant', exact: true }).click();
      await expect.poll(() => page.getByRole('tab', { name: 'Rémunération', exact: true }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('button', { name: 'Ajouter une demi-journée' }).click();
      expect(await page.getByLabel('Demi-journée 1, heure de début (HH:MM)').inputValue()).toBe('08:00');
      await page.getByLabel('Demi-journée 1, heure de fin (HH:MM)').fill('12:30');
      await s.verifier('frais-remuneration-demi-journees');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Votre état de frais est enregistré.');
      await retourListe(page);

      // 4. The morning mission of 26/06: copies, a train leg in the Déplacement dialog.
      await ouvrirEtat(page, 146009);
      await onglet(page, 'Rémunération');
      const copies = page.getByLabel('Nombre de copies corrigées');
      expect(await copies.inputValue()).toBe('18');
      await copies.fill('abc');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.locator('#remuneration\\.copies-erreur').waitFor();
      expect(await page.locator('#remuneration\\.copies-erreur').innerText()).toBe('Nombre de copies corrigées : entier positif attendu.');
      await copies.fill('20');
      await s.verifier('frais-remuneration-copies');
      await page.getByRole('button', { name: 'Suivant', exact: true }).click();
      await expect.poll(() => page.getByRole('tab', { name: 'Déplacement', exact: true }).getAttribute('aria-selected')).toBe('true');
      await s.verifier('frais-deplacement');
      await page.getByRole('button', { name: 'Ajouter un déplacement' }).click();
      const dialogue = page.getByRole('dialog');
      await dialogue.waitFor({ state: 'visible' });
      await dialogue.getByLabel('Ville de départ').fill('DINAN');
      await dialogue.getByLabel('Ville d’arrivée').fill('RENNES');
      await dialogue.locator('input[name="dateDepart"]').fill('26/06/2026');
      await dialogue.locator('input[name="heureDepart"]').fill('18:45');
      await dialogue.locator('input[name="dateRetour"]').fill('26/06/2026');
      await dialogue.locator('input[name="heureRetour"]').fill('19:30');
      await dialogue.getByLabel('Mode de transport').selectOption('TRAIN_2EME_CLASSE');
      await dialogue.getByLabel('Prix des billets (€)').fill('12,40');
      await s.verifier('frais-deplacement-dialogue');
      await dialogue.getByRole('button', { name: 'OK', exact: true }).click();
      await dialogue.waitFor({ state: 'hidden' });
      await expect.poll(async () => page.locator('.etat-frais-onglets').innerText()).toContain('TRAIN 2EME CLASSE');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Votre état de frais est enregistré.');

      // 5. Récapitulatif: what was entered, the receipts, Valider.
      await page.getByRole('button', { name: 'Suivant', exact: true }).click();
      await expect.poll(() => page.getByRole('tab', { name: 'Récapitulatif', exact: true }).getAttribute('aria-selected')).toBe('true');
      const recap = page.locator('.etat-frais-onglets');
      expect(await recap.innerText()).toContain('20 copies corrigées');
      expect(await recap.innerText()).toContain('Récapitulatif des pièces justificatives du déplacement');
      await page.locator('input[name="fichier-deplacement"]').setInputFiles({ name: 'billet-train.png', mimeType: 'image/png', buffer: ticketPng() });
      await expect.poll(() => page.locator('#pieces-deplacement').innerText(), { timeout: 20_000 }).toContain('billet-train.png');
      // The Récapitulatif re-renders when the deposit's answer arrives: check until the box holds.
      const courrier = page.getByLabel(/J'envoie mes pièces justificatives par voie postale/);
      await expect
        .poll(async () => {
          await courrier.check({ force: true }).catch(() => undefined);
          return courrier.isChecked();
        })
        .toBe(true);
      await s.verifier('frais-recapitulatif');
      // A click while the Récapitulatif re-renders (the deposit's answer, the box just ticked) may open
      // nothing: click until the confirmation shows. The récapitulatif with its receipts may take a while
      // on a loaded machine.
      const confirmation = dialogueConfirmation(page, "Valider l'état de frais");
      await expect
        .poll(
          async () => {
            if (!(await confirmation.isVisible())) await page.getByRole('button', { name: 'Valider', exact: true }).click({ timeout: 5_000 }).catch(() => undefined);
            return confirmation.isVisible();
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const [telechargement] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), repondreConfirmation(page, "Valider l'état de frais", "Valider l'état de frais")]);
      const nom = telechargement.suggestedFilename();
      expect(nom).toMatch(/^recapitulatif-etat-de-frais-\d+-mission-146009\.pdf$/);
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, nom);
      await telechargement.saveAs(chemin);
      expect(readFileSync(chemin).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByText(/Votre dossier est maintenant pris en compte\. Numéro d'ordre/).waitFor();
      await expect.poll(async () => (await page.locator('#titre-etat').locator('..').textContent()) ?? '').toContain('Validé');
      await page.getByRole('button', { name: 'Dévalider' }).waitFor();
      await s.verifier('frais-valide');

      // 6. The afternoon mission of the same day: « Invalidable », the trips are on the morning's.
      await retourListe(page);
      await ouvrirEtat(page, 146010);
      expect((await page.locator('#titre-etat').locator('..').textContent()) ?? '').toContain('Invalidable');
      // Its first access (« Compléter ») was made in the Déplacement scenario above: the tabs open at once.
      expect(await page.getByRole('button', { name: 'Compléter', exact: true }).count()).toBe(0);
      await onglet(page, 'Déplacement');
      expect(await page.locator('.etat-frais-onglets').innerText()).toMatch(/première mission de la journée/);
      await s.verifier('frais-invalidable');

      // 7. The banner: his états de frais of another académie, after that académie's own conditions.
      await retourListe(page);
      await page.locator('#bandeau-academies').getByRole('button', { name: /^Académie de Nantes/ }).click();
      await page.getByRole('heading', { name: "Conditions d'utilisation du service" }).waitFor();
      expect(await page.locator('main').innerText()).toContain('États de frais générés par Académie de Nantes');
      await s.verifier('frais-conditions-nantes');
      await page.getByRole('button', { name: 'Revenir à ceux de mon académie' }).click();
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      await expect.poll(async () => (await ligne(page, 146009).textContent()) ?? '', { timeout: 15_000 }).toContain('Validé');
    } finally {
      await sortir(s);
    }
  });
});
