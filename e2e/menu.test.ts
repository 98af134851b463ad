// The menu of activities (seed 003 §1.3.2): normal when accessible, white on blue for the current
// one, greyed and not clickable (with the reason) when the gestionnaire has closed it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const ACTIVITE = 'Comptes rendus des traitements';
const MOTIF = 'Ouverture le 2 mai, après la campagne de convocation';

async function changerOuverture(g: Session, ouvrir: boolean) {
  const page = g.page;
  await page.locator('#menu').getByRole('link', { name: 'Ouverture des activités' }).click();
  await page.getByLabel('Service', { exact: true }).selectOption({ label: "IMAG'IN — Service établissement" });
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await page.locator('.liste__table tbody tr', { hasText: ACTIVITE }).first().click();
  await page.getByRole('heading', { name: 'Activité sélectionnée' }).waitFor();
  await page.getByLabel(ouvrir ? 'Ouverte' : 'Fermée', { exact: true }).check({ force: true });
  if (!ouvrir) await page.getByLabel('Motif de fermeture (facultatif)').fill(MOTIF);
  if (!ouvrir) await g.verifier('ouverture-fermeture');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain(`${ouvrir ? 'Activité ouverte.' : 'Activité fermée.'} « ${ACTIVITE} »`);
  await page.getByRole('button', { name: 'Retour' }).click();
  const ligne = page.locator('.liste__table tbody tr', { hasText: ACTIVITE }).first();
  // (The badge is uppercased by CSS, and innerText follows it.)
  await expect.poll(async () => (await ligne.innerText()).toLowerCase()).toContain(ouvrir ? 'ouverte' : 'fermée');
}

async function lienMenu(page: Page, nom: string) {
  return page.locator('#menu').getByRole('link', { name: nom, exact: true });
}

describe('menu des activités', () => {
  it('accessible, en cours, puis grisé avec son motif quand la DEC la ferme', async () => {
    const chef = await nouvelleSession(browser, 'menu-chef');
    const g = await nouvelleSession(browser, 'menu-gestionnaire');
    try {
      // Accessible: a link; the current page: aria-current, white on blue.
      await seConnecter(chef, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(chef.page);
      const accueil = await lienMenu(chef.page, 'Accueil');
      expect(await accueil.getAttribute('aria-current')).toBe('page');
      const lien = await lienMenu(chef.page, ACTIVITE);
      expect(await lien.getAttribute('aria-current')).toBeNull();
      await lien.click();
      await chef.page.getByRole('heading', { level: 1, name: ACTIVITE }).waitFor();
      expect(await lien.getAttribute('aria-current')).toBe('page');
      const couleurs = await lien.evaluate((e) => {
        const cs = getComputedStyle(e);
        return { fond: cs.backgroundColor, texte: cs.color };
      });
      expect(couleurs.texte).toBe('rgb(245, 245, 254)');
      expect(couleurs.fond).toBe('rgb(0, 0, 145)');
      await chef.verifier('menu-activite-en-cours');
      await quitter(chef.page);

      // The gestionnaire closes it for the académie, with a reason.
      await seConnecter(g, 'dec.rennes', 'imagin-gestion');
      await attendreShell(g.page);
      await changerOuverture(g, false);
      await g.verifier('ouverture-liste-apres-fermeture');

      // Greyed, not a link, the reason written under it.
      await seConnecter(chef, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(chef.page);
      expect(await chef.page.locator('#menu').getByRole('link', { name: ACTIVITE }).count()).toBe(0);
      const ferme = chef.page.locator('.menu__item--ferme', { hasText: ACTIVITE });
      expect(await ferme.innerText()).toContain(`Activité non ouverte par le service gestionnaire de la division des examens et concours : ${MOTIF}`);
      expect(await ferme.locator('[aria-disabled="true"]').count()).toBe(1);
      await chef.verifier('menu-activite-fermee');
      // Even typed in the address bar, the activity says why it is closed.
      await chef.page.goto('/imagin-etablissement/traitements');
      await chef.page.locator('.fr-alert--info', { hasText: MOTIF }).waitFor();
      expect(await chef.page.locator('.liste').count()).toBe(0);
      await chef.verifier('activite-fermee-adresse');
      await quitter(chef.page);

      // Opened again.
      await changerOuverture(g, true);
      await seConnecter(chef, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(chef.page);
      expect(await (await lienMenu(chef.page, ACTIVITE)).count()).toBe(1);
      await quitter(chef.page);
      await quitter(g.page);
    } finally {
      await chef.fermer();
      await g.fermer();
    }
  });

  it("un établissement qui n'est pas centre d'examen n'a aucune entrée du centre ; à son adresse, la raison (issue 13)", async () => {
    const s = await nouvelleSession(browser, 'menu-non-centre');
    try {
      await seConnecter(s, 'ce.0350711h', 'imagin-etablissement');
      await attendreShell(s.page);
      const menu = await s.page.locator('#menu').innerText();
      expect(menu).toContain('Consultation des personnels');
      for (const a of ['Centre Examen', 'Consultation des missions', 'Convocation par mission', 'Signature centre pour la convocation', 'Accès autres académies']) expect(menu).not.toContain(a);
      await s.verifier('menu-etablissement-non-centre');
      // Typed in the address bar: its name and why, not « Activité inconnue ».
      await s.page.goto('/imagin-etablissement/consultation-missions');
      await s.page.getByRole('heading', { level: 1, name: 'Consultation des missions' }).waitFor();
      expect(await s.page.locator('#activite-reservee').innerText()).toContain("Votre établissement n'est pas centre d'examen");
      expect(await s.page.locator('main').innerText()).not.toContain('Activité inconnue');
      await s.verifier('activite-centre-non-centre');
      await quitter(s.page);
    } finally {
      await s.fermer();
    }
  });

  it('le plan du site et l’aide suivent le menu', async () => {
    const s = await nouvelleSession(browser, 'plan-aide');
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(s.page);
      await s.page.locator('.fr-header__tools-links').getByRole('link', { name: 'Plan du site' }).click();
      await s.page.getByRole('heading', { level: 1, name: 'Plan du site' }).waitFor();
      const plan = await s.page.locator('main').innerText();
      for (const a of ['Ouverture des activités', 'Comptes des intervenants', 'Comptes rendus des traitements', "Journal d'audit"]) expect(plan).toContain(a);
      await s.verifier('plan-du-site');
      await s.page.locator('#menu').getByRole('link', { name: "Journal d'audit" }).click();
      await s.page.locator('.fr-header__tools-links').getByRole('button', { name: 'Aide' }).click();
      const modale = s.page.locator('#modale-aide');
      await modale.getByRole('heading', { name: "Aide : Journal d'audit" }).waitFor();
      expect(await modale.innerText()).toContain('Consultez les connexions et les modifications enregistrées dans votre académie.');
      await s.verifier('aide-journal');
      // Focus is in the dialog; Escape closes it.
      await expect.poll(() => s.page.evaluate(() => document.getElementById('modale-aide')?.contains(document.activeElement))).toBe(true);
      await s.page.keyboard.press('Escape');
      await modale.waitFor({ state: 'hidden' });
      await quitter(s.page);
    } finally {
      await s.fermer();
    }
  });
});
