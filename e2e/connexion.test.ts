// Login and logout for every role, at every entry point; the wrong password; the Jury portal's place.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, compte, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const CAS = [
  { login: 'dec.rennes', service: 'imagin-gestion', entete: 'ACADEMIE DE RENNES - DIVISION DES EXAMENS ET CONCOURS', connecte: 'dec.rennes', activite: 'Ouverture des activités' },
  { login: 'admin.rennes', service: 'imagin-admin', entete: 'ACADEMIE DE RENNES', connecte: 'admin.rennes', activite: 'Boîte d\'envoi des messages' },
  { login: 'dsi.rennes', service: 'dsi', entete: 'ACADEMIE DE RENNES', connecte: 'dsi.rennes', activite: 'Journal d\'audit' },
  { login: 'ce.0350710g', service: 'imagin-etablissement', entete: 'ACADEMIE DE RENNES - LGT LA PROMENADE RENNES', connecte: '0350710G', activite: 'Comptes rendus des traitements' },
  { login: 'ce.0350711h', service: 'cyclades-etablissement', entete: 'ACADEMIE DE RENNES - CLG DU PARC RENNES', connecte: '0350711H', activite: 'Comptes rendus des traitements' },
  { login: 'prof.martin', service: 'imagin-intervenant', entete: 'ACADEMIE DE RENNES - M. MARTIN-DEMO Paul', connecte: 'prof.martin', activite: null },
  { login: 'e2e.candidat', service: 'espace-candidat', entete: 'ACADEMIE DE RENNES', connecte: 'e2e.candidat', activite: null },
];

describe('connexion et déconnexion', () => {
  for (const cas of CAS) {
    it(`${cas.login} se connecte au service ${cas.service} puis quitte`, async () => {
      const s = await nouvelleSession(browser, `connexion-${cas.service}`);
      const { page } = s;
      try {
        await seConnecter(s, cas.login, cas.service, undefined, { verifier: true });
        await attendreShell(page);
        await expect.poll(() => page.locator('#entete').innerText()).toContain(cas.entete);
        expect(await page.locator('#pied').innerText()).toContain(`Connecté en tant que ${cas.connecte}`);
        expect(await page.locator('h1').innerText()).toMatch(/^Accueil/);
        if (cas.activite) expect(await page.locator('#menu').innerText()).toContain(cas.activite);
        expect((await page.locator('.console__message').first().innerText())).toMatch(/^\(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\) Information : Connexion à /);
        await s.verifier(`accueil-${cas.service}`);

        await quitter(page);
        expect(page.url()).toContain('/connexion/');
        expect(await page.locator('#message-connexion').innerText()).toContain('Vous êtes déconnecté.');
        await s.verifier(`deconnexion-${cas.service}`);
        // The session is over on the server too: the service sends back to the login page.
        await page.goto(`/${cas.service}`);
        await page.locator('form.connexion').waitFor();
        expect(page.url()).toContain('/connexion/');
      } finally {
        await s.fermer();
      }
    });
  }

  it("le même compte reprend sa session IMAG'IN restée ouverte dans un autre navigateur (issue 13)", async () => {
    const ancien = await nouvelleSession(browser, 'reprise-ancien');
    const nouveau = await nouvelleSession(browser, 'reprise-nouveau');
    try {
      await seConnecter(ancien, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(ancien.page);
      // The first browser is left as is (closed, crashed): the same person logs in from another one.
      await seConnecter(nouveau, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(nouveau.page);
      await expect.poll(async () => (await messagesConsole(nouveau.page)).join('\n')).toContain('Votre session précédente');
      await nouveau.verifier('reprise-de-session');
      // The old browser's next action sends it to the login page, saying why.
      await ancien.page.locator('#menu').getByRole('link', { name: 'Comptes rendus des traitements' }).click();
      await ancien.page.locator('#message-connexion').waitFor();
      expect(await ancien.page.locator('#message-connexion').innerText()).toContain('Votre session a été reprise depuis un autre navigateur');
      await ancien.verifier('session-reprise-ailleurs');
      await quitter(nouveau.page);
    } finally {
      await ancien.fermer();
      await nouveau.fermer();
    }
  });

  it('un mauvais mot de passe est refusé avec un message en français', async () => {
    const s = await nouvelleSession(browser, 'connexion-refusee');
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion', 'demo-academie-2026!');
      const alerte = s.page.locator('#erreur-connexion');
      await alerte.waitFor();
      expect(await alerte.innerText()).toContain('Identifiant ou mot de passe incorrect.');
      expect(await s.page.locator('.connexion__casse').innerText()).toContain('les majuscules et les minuscules sont prises en compte');
      await s.verifier('mauvais-mot-de-passe');
    } finally {
      await s.fermer();
    }
  });

  it('un compte qui n’appartient pas au service choisi est orienté', async () => {
    const s = await nouvelleSession(browser, 'connexion-mauvais-service');
    try {
      const c = compte('dec.rennes');
      await s.page.goto('/connexion/agents');
      await s.page.getByLabel('Administration', { exact: true }).check({ force: true });
      await s.page.getByLabel('Identifiant').fill(c.login);
      await s.page.locator('#mot-de-passe').fill(c.motDePasse);
      await s.page.getByRole('button', { name: 'Valider' }).click();
      await s.page.locator('#erreur-connexion').waitFor();
      expect(await s.page.locator('#erreur-connexion').innerText()).toContain('Votre compte ne donne pas accès');
    } finally {
      await s.fermer();
    }
  });

  it('les champs vides sont signalés à côté du champ', async () => {
    const s = await nouvelleSession(browser, 'connexion-vide');
    try {
      await s.page.goto('/connexion/intervenants');
      await s.page.getByRole('button', { name: 'Valider' }).click();
      await s.page.locator('#erreur-connexion').waitFor();
      expect(await s.page.locator('.fr-message--error').first().innerText()).toContain("L'identifiant est obligatoire.");
      await s.verifier('connexion-champs-vides');
    } finally {
      await s.fermer();
    }
  });

  it('une autre session ouverte, une activité ou une page inconnue sont expliquées', async () => {
    const s = await nouvelleSession(browser, 'pages-d-orientation');
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.goto('/imagin-admin');
      await page.getByRole('heading', { name: 'Une autre session est ouverte' }).waitFor();
      expect(await page.locator('main').innerText()).toContain('Vous êtes connecté à IMAG\'IN — Service gestionnaire DEC (identifiant dec.rennes)');
      await s.verifier('autre-session');
      await page.getByRole('link', { name: "Revenir à IMAG'IN — Service gestionnaire DEC" }).click();
      await attendreShell(page);
      await page.goto('/imagin-gestion/activite-inconnue');
      await page.getByRole('heading', { level: 1, name: 'Activité inconnue' }).waitFor();
      await s.verifier('activite-inconnue');
      await page.goto('/adresse/qui/n-existe/pas');
      await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
      await s.verifier('page-introuvable');
    } finally {
      await s.fermer();
    }
  });

  it('le portail liste les accès, dont le portail Jury et sa 1re mire', async () => {
    const s = await nouvelleSession(browser, 'portails');
    try {
      await s.page.goto('/');
      await s.verifier('portail');
      await s.page.getByRole('link', { name: 'Portail Jury' }).click();
      await s.page.getByRole('heading', { name: 'Authentification', exact: true }).waitFor();
      expect(await s.page.getByLabel('Mot de Passe ou Passcode OTP').getAttribute('type')).toBe('password');
      await s.verifier('portail-jury');
    } finally {
      await s.fermer();
    }
  });
});
