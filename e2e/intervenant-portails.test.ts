// Portails du service intervenant on demo data (issue 15, seed 004 §2.6; decision 0022): the
// administrator points SANTORIN at a target started by this scenario (an HTTP server that verifies the
// token with the platform's published key) and checks it with « Vérifier »; prof.martin's « Portail
// d'accès aux missions » lists his missions per académie with the SANTORIN states, a click on a row
// opens a new tab on the target, which verified the token; the CYCLADES commission (an address that
// never answers) leaves a message in the console; the gestionnaire imports a file full of errors and
// reads the compte rendu of each rejected line. axe and a screenshot on every page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierJeton, type ChargeJeton } from '../src/server/imagin-intervenant/jeton-passage.ts';
import { attendreShell, e2e, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
let cible: Server;
let urlCible: string;
const recus: Array<{ ok: boolean; charge?: ChargeJeton; motif?: string }> = [];

beforeAll(async () => {
  browser = await navigateur();
  const { url } = e2e();
  const jwk = ((await (await fetch(`${url}/api/jeton-passage/cles`)).json()) as { keys: Array<{ kty: string; crv: string; x: string }> }).keys[0]!;
  cible = createServer((req, res) => {
    const jeton = new URL(req.url ?? '/', 'http://cible').searchParams.get('jeton');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (!jeton) return void res.writeHead(200).end('<!doctype html><html lang="fr"><title>SANTORIN de test</title><main><h1>SANTORIN de test</h1></main></html>');
    try {
      const charge = verifierJeton(jeton, { clePublique: jwk, emetteur: url, audience: 'SANTORIN' });
      recus.push({ ok: true, charge });
      res.writeHead(200).end(`<!doctype html><html lang="fr"><title>SANTORIN de test</title><main><h1>Jeton vérifié</h1><p id="sujet">${charge.sub}</p><p id="mission">${charge.contexte.mission?.numero ?? ''}</p></main></html>`);
    } catch (e) {
      recus.push({ ok: false, motif: (e as Error).message });
      res.writeHead(401).end(`<!doctype html><html lang="fr"><title>Refus</title><main><h1>Jeton refusé</h1></main></html>`);
    }
  });
  await new Promise<void>((r) => cible.listen(0, '127.0.0.1', r));
  urlCible = `http://127.0.0.1:${(cible.address() as AddressInfo).port}/santorin`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (cible) await new Promise<void>((r) => cible.close(() => r()));
});

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function ouvrirActivite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: libelle }).waitFor();
}

async function adresse(s: Session, application: string, libelle: string, url: string) {
  const page = s.page;
  const champ = page.locator(`#url-${application}`);
  await champ.fill(url);
  await page.locator('form', { has: champ }).getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain(`Adresse de ${libelle} ${url ? 'enregistrée' : 'retirée'}`);
}
const adresseSantorin = (s: Session, url: string) => adresse(s, 'SANTORIN', 'SANTORIN', url);

describe("Portail d'accès aux missions", () => {
  it("l'administrateur renseigne SANTORIN, prof.martin l'ouvre depuis une ligne avec un jeton vérifié ; CYCLADES injoignable : la console le dit", async () => {
    const admin = await nouvelleSession(browser, 'portails-admin');
    let ancienne = '';
    try {
      await seConnecter(admin, 'admin.rennes', 'imagin-admin');
      await attendreShell(admin.page);
      await ouvrirActivite(admin.page, 'Applications externes');
      ancienne = await admin.page.locator('#url-SANTORIN').inputValue();
      await admin.verifier('applications-externes');
      await adresseSantorin(admin, urlCible);
      await admin.page.locator('form', { has: admin.page.locator('#url-SANTORIN') }).getByRole('button', { name: 'Vérifier', exact: true }).click();
      await expect.poll(async () => (await messagesConsole(admin.page))[0] ?? '').toMatch(/SANTORIN \(.*\) : L'application répond \(code HTTP 200/);
      // A wrong address: the field says what is expected.
      await admin.page.locator('#url-SANTORIN').fill('santorin.ac-rennes.fr');
      await admin.page.locator('form', { has: admin.page.locator('#url-SANTORIN') }).getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(() => admin.page.locator('.fr-input-group--error').first().innerText()).toContain('Adresse : une adresse complète est attendue');
      await admin.verifier('applications-externes-erreur');
    } finally {
      await sortir(admin);
    }

    const s = await nouvelleSession(browser, 'portails-intervenant', { largeur: 1280, hauteur: 720 });
    try {
      await seConnecter(s, 'prof.martin', 'imagin-intervenant');
      await attendreShell(s.page);
      await ouvrirActivite(s.page, "Portail d'accès aux missions");
      const page = s.page;
      const ligne = (n: number) => page.locator('tr.liste__ligne', { has: page.locator(`button[data-convocation]`, { hasText: String(n) }) });
      await ligne(147901).waitFor();
      await expect.poll(() => ligne(147901).innerText()).toContain('A corriger dans SANTORIN');
      await expect.poll(() => ligne(147902).innerText()).toContain('A numériser dans SANTORIN');
      expect(await page.getByRole('tab').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Rennes \(\d+\)$/), expect.stringMatching(/^Nantes \(\d+\)$/)]));
      await s.verifier('portail-acces-missions');

      // A click on the row (its type cell) opens SANTORIN in a new tab; the target verified the token.
      const [onglet] = await Promise.all([s.context.waitForEvent('page'), ligne(147901).locator('td').nth(4).click()]);
      await onglet.waitForURL(/\/santorin\?jeton=/);
      await expect.poll(() => onglet.locator('h1').innerText()).toBe('Jeton vérifié');
      expect(await onglet.locator('#mission').innerText()).toBe('147901');
      expect(recus.at(-1)).toMatchObject({ ok: true, charge: { sub: 'prof.martin', aud: 'SANTORIN', academie: '14' } });
      await onglet.close();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toMatch(/SANTORIN s'ouvre dans un nouvel onglet\./);

      // The commission académique EPS opens CYCLADES, whose address never answers: the tab closes, the console says why.
      await ligne(147903).locator('button[data-convocation]').click();
      await expect
        .poll(async () => (await messagesConsole(page))[0] ?? '', { timeout: 10_000 })
        .toMatch(/Erreur : L'application CYCLADES de l'académie de Rennes n'est pas disponible pour le moment\. Réessayez plus tard ; si le problème persiste, prenez contact avec votre gestionnaire\./);
      expect(s.context.pages()).toHaveLength(1);
      await s.verifier('portail-injoignable');

      // Nantes's tab: its missions, read from its data; no address there.
      await page.getByRole('tab', { name: /^Nantes/ }).click();
      await expect.poll(() => ligne(179201).innerText()).toContain('Service fait SANTORIN');
      await s.verifier('portail-nantes');
    } finally {
      await sortir(s);
    }

    const retour = await nouvelleSession(browser, 'portails-admin-retour');
    try {
      await seConnecter(retour, 'admin.rennes', 'imagin-admin');
      await attendreShell(retour.page);
      await ouvrirActivite(retour.page, 'Applications externes');
      await adresseSantorin(retour, ancienne);
    } finally {
      await sortir(retour);
    }
  }, 180_000);
});

describe('Imports de données (gestionnaire)', () => {
  it('un fichier plein d’erreurs : le compte rendu liste chaque ligne rejetée (numéro, colonne, motif)', async () => {
    const s = await nouvelleSession(browser, 'portails-imports');
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(s.page);
      await ouvrirActivite(s.page, 'Imports de données');
      await s.verifier('imports');
      const page = s.page;
      // Nothing chosen: the field says so.
      await page.getByRole('button', { name: 'Envoyer et prévisualiser', exact: true }).click();
      await expect.poll(() => page.locator('#erreur-fichier-import').innerText()).toBe('Fichier : choisissez le fichier CSV à importer.');
      const contenu = Buffer.from(['NUMERO_MISSION;ETAT;NUMEN', '147901;A_CORRIGER;', 'abc;A_CORRIGER;', '147903;SERVICE_FAIT;', '999999;A_NUMERISER;', '147902;Terminé;'].join('\r\n'), 'latin1');
      await page.locator('#fichier-import').setInputFiles({ name: 'etats-santorin.csv', mimeType: 'text/csv', buffer: contenu });
      await page.getByRole('button', { name: 'Envoyer et prévisualiser', exact: true }).click();
      // Issue 17: the preview lists each rejected line (number, column, reason); nothing is applied yet.
      const suivi = page.locator('#apercu-import');
      await expect.poll(() => suivi.innerText(), { timeout: 30_000 }).toContain('Aperçu terminé, rien n’a encore été appliqué');
      await expect.poll(() => suivi.innerText()).toContain("« abc » n'est pas un numéro de mission");
      await expect.poll(() => suivi.innerText()).toContain('la mission n° 147903 est de type EPSACA');
      await expect.poll(() => suivi.innerText()).toContain("aucune mission n° 999999 dans l'académie de Rennes.");
      await expect.poll(() => suivi.innerText()).toContain("« Terminé » n'est pas un état connu");
      await expect.poll(() => suivi.innerText()).toContain('4 ligne(s) rejetée(s).');
      // The list of the last imports shows it, finished.
      await expect.poll(() => page.locator('.liste__table').last().innerText()).toContain('Aperçu — États de correction SANTORIN : etats-santorin.csv');
      await expect.poll(() => page.locator('.liste__table').last().innerText()).toContain('Terminé');
      await s.verifier('imports-compte-rendu');
    } finally {
      await sortir(s);
    }
  }, 120_000);
});

// « Gestion des épreuves EPS » (004 §2.7), « Gestion des sujets » and « Statistiques nationales de
// notation » (§2.10): each to the person it is for, each opening its application with a verified token.
const PORTAILS_PERSONNELS = [
  { login: 'habilite.sujets', activite: 'Gestion des sujets', application: 'DELOS_BNS', libelle: 'DELOS (banque nationale de sujets)', bouton: 'Accéder à DELOS (BNS)' },
  { login: 'prof.sport', activite: 'Gestion des épreuves EPS', application: 'CYCLADES_EPS', libelle: 'CYCLADES (gestion des épreuves EPS)', bouton: 'Accéder à CYCLADES (épreuves EPS)' },
  { login: 'inspecteur.general', activite: 'Statistiques nationales de notation', application: 'SANTORIN_STATS', libelle: 'SANTORIN (statistiques nationales de notation)', bouton: 'Accéder aux statistiques de SANTORIN' },
] as const;

describe('Gestion des sujets, des épreuves EPS, statistiques nationales de notation', () => {
  it('chaque page explique l’activité ; son bouton ouvre l’application dans un nouvel onglet, sur la cible de démonstration qui vérifie le jeton', async () => {
    const { url } = e2e();
    const admin = await nouvelleSession(browser, 'portails-personnels-admin');
    const anciennes = new Map<string, string>();
    try {
      await seConnecter(admin, 'admin.rennes', 'imagin-admin');
      await attendreShell(admin.page);
      await ouvrirActivite(admin.page, 'Applications externes');
      for (const c of PORTAILS_PERSONNELS) {
        anciennes.set(c.application, await admin.page.locator(`#url-${c.application}`).inputValue());
        // The platform's own demo target, at this platform's address (the demo's assumes localhost:3000).
        await adresse(admin, c.application, c.libelle, `${url}/api/demo-cible/${c.application}`);
      }
    } finally {
      await sortir(admin);
    }
    try {
      for (const c of PORTAILS_PERSONNELS) {
        const s = await nouvelleSession(browser, `portails-${c.application.toLowerCase()}`);
        try {
          await seConnecter(s, c.login, 'imagin-intervenant');
          await attendreShell(s.page);
          await ouvrirActivite(s.page, c.activite);
          await s.verifier(c.application.toLowerCase());
          const [onglet] = await Promise.all([s.context.waitForEvent('page'), s.page.getByRole('button', { name: c.bouton }).click()]);
          await onglet.waitForURL(new RegExp(`demo-cible/${c.application}\\?jeton=`));
          await expect.poll(() => onglet.locator('h1').innerText()).toContain('Jeton vérifié');
          expect(await onglet.locator('dd').first().innerText()).toContain(`(${c.login})`);
          await onglet.close();
        } finally {
          await sortir(s);
        }
      }
    } finally {
      const retour = await nouvelleSession(browser, 'portails-personnels-retour');
      try {
        await seConnecter(retour, 'admin.rennes', 'imagin-admin');
        await attendreShell(retour.page);
        await ouvrirActivite(retour.page, 'Applications externes');
        for (const c of PORTAILS_PERSONNELS) await adresse(retour, c.application, c.libelle, anciennes.get(c.application) ?? '');
      } finally {
        await sortir(retour);
      }
    }
  }, 180_000);
});
