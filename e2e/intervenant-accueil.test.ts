// The entrance of the intervenant service (issue 15, seed 004 §2.1–§2.2), at 1280×720: the e-mail
// prompt right after the identification when no address is known (before the temporary password is
// changed), « Plus tard », then the home page with the académie's message and one line per activity
// of the menu; the menu of each kind of intervenant holds exactly his activities.
// prof.abricotier's first connection is this scenario's own (no other scenario logs her in).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, compte, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';
import { choisirTaille } from './support/place.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const TAILLE = { largeur: 1280, hauteur: 720 };
const NOUVEAU = 'Abricotier-Nouveau-2026!';
const MESSAGE = "Bienvenue sur le service intervenants de l'académie de Rennes";
const LIGNES: Record<string, string> = {
  'Consultation missions': 'Cliquez sur le menu « Consultation missions » pour consulter la liste des missions auxquelles vous êtes convoqué(e).',
  'Saisie/consultation états de frais': 'Cliquez sur le menu « Saisie/consultation états de frais » pour compléter et valider les états de frais (rémunération, déplacements, pièces justificatives) des missions que vous avez effectuées.',
  'Informations personnelles': 'Cliquez sur le menu « Informations personnelles » pour vérifier ou modifier vos informations personnelles.',
  "Portail d'accès aux missions": "Cliquez sur le menu « Portail d'accès aux missions » pour accéder si besoin aux modules (de correction par exemple) de l'application SANTORIN ou de l'application CYCLADES.",
  'Gestion des épreuves EPS': "Cliquez sur le menu « Gestion des épreuves EPS » pour accéder à l'application CYCLADES pour y gérer les épreuves EPS.",
  'Gestion des sujets': "Cliquez sur le menu « Gestion des sujets » pour accéder au module BNS (banque nationale de sujets) de l'application DELOS.",
  'Statistiques nationales de notation': 'Cliquez sur le menu « Statistiques nationales de notation » pour accéder au module de statistiques nationales de notation dans SANTORIN.',
};

/** The activities of the menu (Accueil excepted), in order. */
async function menu(page: Page): Promise<string[]> {
  const liens = await page.locator('#menu .fr-sidemenu__link').allInnerTexts();
  return liens.map((t) => t.trim()).filter((t) => t !== 'Accueil');
}

/** The home page's lines, in order. */
async function lignesAccueil(page: Page): Promise<string[]> {
  return (await page.locator('#accueil-activites > li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Every element is inside the 1280×720 window horizontally: nothing cut, no horizontal scroll. */
async function sansDefilementHorizontal(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe("accueil du service intervenants", () => {
  it("l'invite à renseigner l'adresse suit l'identification, « Plus tard » mène au mot de passe puis à l'accueil", async () => {
    const s = await nouvelleSession(browser, 'intervenant-accueil-premiere', TAILLE);
    const { page } = s;
    try {
      const c = compte('prof.abricotier');
      expect(c.temporaire).toBe(true);
      expect(c.email).toBeNull();
      await page.goto('/connexion/intervenants');
      await seConnecter(s, 'prof.abricotier', 'imagin-intervenant');

      // Right after the identification, before the temporary password is changed.
      await page.waitForURL('**/imagin-intervenant/adresse-electronique');
      expect(await page.locator('h1').innerText()).toBe('Votre adresse électronique');
      const texte = await page.locator('main').innerText();
      expect(texte).toContain('Aucune adresse électronique n’est connue pour vous (identifiant prof.abricotier)');
      expect(texte).toContain('Vous choisirez ensuite votre mot de passe personnel.');
      await s.verifier('adresse-electronique-premiere-connexion');
      await sansDefilementHorizontal(page);

      // « Plus tard »: the temporary password is still to be changed.
      await page.getByRole('button', { name: 'Plus tard' }).click();
      await page.waitForURL('**/imagin-intervenant/mot-de-passe');
      expect(await page.locator('h1').innerText()).toBe('Choisissez votre mot de passe');
      await page.locator('#ancien').fill(c.motDePasse);
      await page.locator('#nouveau').fill(NOUVEAU);
      await page.locator('#confirmation').fill(NOUVEAU);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

      // The home page: the académie's message, one line per activity of her menu.
      await attendreShell(page);
      expect(page.url()).toMatch(/\/imagin-intervenant$/);
      await expect.poll(() => messagesConsole(page).then((m) => m.join('\n'))).toContain('Information : Votre mot de passe a été modifié.');
      expect(await page.locator('.accueil__message').innerText()).toContain(MESSAGE);
      expect(await page.locator('main').innerText()).toContain('Différentes activités peuvent vous être proposées selon vos habilitations :');
      expect(await menu(page)).toEqual(['Consultation missions', 'Saisie/consultation états de frais', 'Informations personnelles']);
      expect(await lignesAccueil(page)).toEqual([LIGNES['Consultation missions'], LIGNES['Saisie/consultation états de frais'], LIGNES['Informations personnelles']]);
      await s.verifier('accueil-intervenant-premiere-connexion');
      await sansDefilementHorizontal(page);
      await quitter(page);

      // « Plus tard » held for that session only: at the next identification, the prompt again.
      await seConnecter(s, 'prof.abricotier', 'imagin-intervenant', NOUVEAU);
      await page.waitForURL('**/imagin-intervenant/adresse-electronique');
      await page.getByLabel('Adresse électronique').fill('claire.abricotier@');
      await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
      await expect.poll(async () => (await page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain('Adresse électronique incorrecte');
      await s.verifier('adresse-electronique-refusee');
      await page.getByLabel('Adresse électronique').fill('claire.abricotier-demo@example.fr');
      await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
      await attendreShell(page);
      expect(page.url()).toMatch(/\/imagin-intervenant$/);
      await expect.poll(() => messagesConsole(page).then((m) => m.join('\n'))).toContain('Information : Votre adresse électronique a été enregistrée.');
      await quitter(page);

      // Address known: straight to the home page.
      await seConnecter(s, 'prof.abricotier', 'imagin-intervenant', NOUVEAU);
      await attendreShell(page);
      expect(page.url()).toMatch(/\/imagin-intervenant$/);
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  const MENUS: Array<{ login: string; activites: string[] }> = [
    // Convoked to correct copies: the portal of SANTORIN and CYCLADES.
    { login: 'prof.martin', activites: ['Consultation missions', 'Saisie/consultation états de frais', 'Informations personnelles', "Portail d'accès aux missions"] },
    { login: 'prof.sport', activites: ['Consultation missions', 'Saisie/consultation états de frais', 'Informations personnelles', 'Gestion des épreuves EPS'] },
    { login: 'habilite.sujets', activites: ['Consultation missions', 'Saisie/consultation états de frais', 'Informations personnelles', 'Gestion des sujets'] },
    { login: 'inspecteur.general', activites: ['Consultation missions', 'Saisie/consultation états de frais', 'Informations personnelles', 'Gestion des sujets', 'Statistiques nationales de notation'] },
  ];
  for (const { login, activites } of MENUS) {
    it(`le menu et l'accueil de ${login} : ses activités, et elles seules`, async () => {
      const s = await nouvelleSession(browser, `intervenant-accueil-${login}`, TAILLE);
      const { page } = s;
      try {
        await seConnecter(s, login, 'imagin-intervenant');
        await attendreShell(page);
        expect(await menu(page)).toEqual(activites);
        expect(await lignesAccueil(page)).toEqual(activites.map((a) => LIGNES[a]));
        expect(await page.locator('.accueil__message').innerText()).toContain(MESSAGE);
        // The whole menu and the lines are in the window at 1280×720.
        for (const a of activites) {
          const boite = await page.locator('#menu').getByRole('link', { name: a, exact: true }).boundingBox();
          expect(boite, a).not.toBeNull();
          expect(boite!.x + boite!.width, a).toBeLessThanOrEqual(1280);
        }
        await s.verifier(`accueil-${login}`);
        await sansDefilementHorizontal(page);
        if (login === 'inspecteur.general') {
          // The longest menu in the « Grande » font: every entry and every line still reachable, nothing cut.
          await choisirTaille(page, 'Grande');
          try {
            expect(await menu(page)).toEqual(activites);
            for (const a of activites) {
              const lien = page.locator('#menu').getByRole('link', { name: a, exact: true });
              await lien.scrollIntoViewIfNeeded();
              expect(await lien.isVisible(), a).toBe(true);
            }
            const derniere = page.locator('#accueil-activites > li').last();
            await derniere.scrollIntoViewIfNeeded();
            expect(await derniere.isVisible()).toBe(true);
            await sansDefilementHorizontal(page);
            await s.verifier(`accueil-${login}-police-grande`);
          } finally {
            await choisirTaille(page, 'Normale');
          }
        }
        // A line's link opens the activity.
        await page.locator('#accueil-activites').getByRole('link', { name: activites.at(-1)!, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: activites.at(-1)!, exact: true }).waitFor();
        await quitter(page);
      } finally {
        await s.fermer();
      }
    });
  }
});
