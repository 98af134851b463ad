// « Imports de données » on demo data (issue 17, decision 0034), at 1280×720: dec.rennes sends a file
// full of errors — its preview lists each rejected line (number, column, reason) in the shared list and
// nothing is applied; then a good file: preview (counts), « Tout ou rien », « Appliquer » through the
// app's confirmation dialog, progression, compte rendu; the list of the last imports shows both.
// axe on every state.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';
import { genererDemo } from '../src/server/demo/generateur.ts';
import { fichiersDemo } from '../src/server/demo/par-les-imports.ts';
import { collegesCandidats, fichierInscriptions, genererCandidats } from '../src/server/demo/candidats.ts';
import { CANDIDATS_PAR_ECHELLE } from '../src/server/demo/generateur.ts';
import { FICHIER_ICC_DEMO } from '../src/server/demo/constat-icc.ts';

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

/** dec.rennes on « Imports de données ». */
async function ouvrirImports(s: Session) {
  await seConnecter(s, 'dec.rennes', 'imagin-gestion');
  await attendreShell(s.page);
  await s.page.locator('#menu').getByRole('link', { name: 'Imports de données', exact: true }).click();
  await s.page.getByRole('heading', { level: 1, name: 'Imports de données' }).waitFor();
}

async function envoyer(page: Page, nom: string, contenu: Buffer) {
  await page.locator('#fichier-import').setInputFiles({ name: nom, mimeType: 'text/csv', buffer: contenu });
  await page.getByRole('button', { name: 'Envoyer et prévisualiser', exact: true }).click();
}

describe('Imports de données (gestionnaire)', () => {
  it('un fichier plein d’erreurs (aperçu : lignes rejetées, rien d’appliqué), puis un bon fichier appliqué tout ou rien', async () => {
    const s = await nouvelleSession(browser, 'imports', TAILLE);
    const { page } = s;
    try {
      await ouvrirImports(s);
      await expect.poll(() => page.getByRole('link', { name: /^Documentation du fichier « États de correction SANTORIN »/ }).count()).toBe(1);
      await s.verifier('imports');

      // Nothing chosen: the field says so.
      await page.getByRole('button', { name: 'Envoyer et prévisualiser', exact: true }).click();
      await expect.poll(() => page.locator('#erreur-fichier-import').innerText()).toBe('Fichier : choisissez le fichier CSV à importer.');

      // A file full of errors (Windows-1252, « ; »).
      const erreurs = Buffer.from(['NUMERO_MISSION;ETAT;NUMEN', 'abc;A_CORRIGER;', '147903;SERVICE_FAIT;', '999999;A_NUMERISER;', '147902;Terminé;', ';;'].join('\r\n'), 'latin1');
      await envoyer(page, 'etats-faux.csv', erreurs);
      const apercu = page.locator('#apercu-import');
      await expect.poll(() => apercu.innerText(), { timeout: 30_000 }).toContain('Aperçu terminé, rien n’a encore été appliqué : 0 à créer, 0 à modifier, 0 inchangé(s), 5 ligne(s) rejetée(s).');
      const rejets = apercu.locator('.liste__table');
      await expect.poll(() => rejets.innerText()).toContain("« abc » n'est pas un numéro de mission");
      await expect.poll(() => rejets.innerText()).toContain('la mission n° 147903 est de type EPSACA');
      await expect.poll(() => rejets.innerText()).toContain("aucune mission n° 999999 dans l'académie de Rennes.");
      await expect.poll(() => rejets.innerText()).toContain("« Terminé » n'est pas un état connu");
      await expect.poll(() => rejets.locator('tbody tr.liste__ligne').count()).toBe(6);
      await s.verifier('imports-apercu-erreurs');

      // A good file (UTF-8 with BOM, « , »): preview, then « Tout ou rien ».
      const bon = Buffer.from('\uFEFFNuméro mission,État\r\n147901,A_CORRIGER\r\n147902,SERVICE_FAIT\r\n', 'utf8');
      await envoyer(page, 'etats-bons.csv', bon);
      await expect.poll(() => apercu.innerText(), { timeout: 30_000 }).toMatch(/Aperçu terminé, rien n’a encore été appliqué : \d+ à créer, \d+ à modifier, \d+ inchangé\(s\), 0 ligne\(s\) rejetée\(s\)\./);
      expect(await apercu.locator('.liste__table').count()).toBe(0);
      await page.locator('#mode-tout-ou-rien').check({ force: true });
      await s.verifier('imports-apercu-bon');
      await page.getByRole('button', { name: 'Appliquer', exact: true }).click();
      await repondreConfirmation(page, 'Appliquer l’import', 'Appliquer');
      const cr = page.locator('#application-import');
      await expect.poll(() => cr.innerText(), { timeout: 30_000 }).toContain('Import terminé : toutes les lignes sont appliquées.');
      await expect.poll(() => cr.locator('table').innerText()).toContain('Créés');
      await s.verifier('imports-compte-rendu');

      // The same file again: nothing changes (2 unchanged).
      await envoyer(page, 'etats-bons.csv', bon);
      await expect.poll(() => apercu.innerText(), { timeout: 30_000 }).toContain('Aperçu terminé, rien n’a encore été appliqué : 0 à créer, 0 à modifier, 2 inchangé(s), 0 ligne(s) rejetée(s).');

      // The list of the last imports shows the previews and the application.
      const liste = page.locator('.liste__table').last();
      await expect.poll(() => liste.innerText()).toContain('Import (tout ou rien) — États de correction SANTORIN : etats-bons.csv');
      await expect.poll(() => liste.innerText()).toContain('Aperçu — États de correction SANTORIN : etats-faux.csv');
    } finally {
      await sortir(s);
    }
  }, 180_000);

  it('chaque type d’import par le navigateur : le fichier plein d’erreurs de docs/imports, puis le fichier de la démonstration (aperçu juste ; appliqué pour les personnels, rien ne change)', async () => {
    // The demo's own files (what `npm run demo` imports, decision 0039) and the samples of docs/imports.
    const d = genererDemo(1);
    const demo = fichiersDemo(d, '14');
    const candidats = genererCandidats(collegesCandidats(d.etablissements), CANDIDATS_PAR_ECHELLE);
    const exemple = (nom: string) => readFile(new URL(`../docs/imports/exemples/${nom}`, import.meta.url));
    const flux = async (f: NodeJS.ReadableStream) => Buffer.from(await text(f as any), 'utf8');
    const genres: Array<{ code: string; libelle: string; bon: () => Promise<Buffer>; demo: boolean }> = [
      { code: 'personnels', libelle: 'Personnels et affectations (EPP / SIRHEN)', bon: () => flux(demo.personnels()), demo: true },
      { code: 'indisponibilites', libelle: "Indisponibilités déclarées hors IMAG'IN (EPP / SIRHEN)", bon: () => flux(demo.indisponibilites()), demo: true },
      { code: 'enseignements', libelle: 'Enseignements (STS-WEB)', bon: () => flux(demo.enseignements()), demo: true },
      { code: 'inscriptions', libelle: 'Candidats et inscriptions (CYCLADES)', bon: () => flux(fichierInscriptions(candidats, '14')), demo: true },
      // The demo loads no SANTORIN count: they are new to it (« à créer »).
      { code: 'santorin-comptages', libelle: 'Comptages SANTORIN (copies et candidats)', bon: () => flux(demo.santorinComptages()), demo: false },
      { code: 'cyclades-icc', libelle: "Données CYCLADES de l'ICC", bon: async () => Buffer.from(FICHIER_ICC_DEMO, 'utf8'), demo: true },
    ];
    const s = await nouvelleSession(browser, 'imports-genres', TAILLE);
    const { page } = s;
    try {
      await ouvrirImports(s);
      const apercu = page.locator('#apercu-import');
      const bilan = () => apercu.locator('[role="status"]').first().innerText();
      for (const g of genres) {
        await page.getByLabel(g.libelle, { exact: true }).check({ force: true });
        await expect.poll(() => page.getByRole('link', { name: new RegExp(`^Documentation du fichier « ${g.libelle.replace(/[()]/g, '\\$&')} »`) }).count()).toBe(1);

        // The file full of errors: each rejected line with its number, column and reason; nothing applied.
        await envoyer(page, `${g.code}-erreurs.csv`, await exemple(`${g.code}-erreurs.csv`));
        await expect.poll(() => apercu.locator('#titre-apercu-import').innerText(), { timeout: 30_000 }).toBe(`Aperçu : ${g.code}-erreurs.csv`);
        await expect.poll(bilan, { timeout: 30_000 }).toMatch(/^Aperçu terminé, rien n’a encore été appliqué : .*, [1-9]\d* ligne\(s\) rejetée\(s\)\.$/);
        const rejets = apercu.locator('.liste__table');
        await expect.poll(() => rejets.locator('tbody tr.liste__ligne').count()).toBeGreaterThan(1);
        expect(await rejets.innerText()).toMatch(/\d/);
        await s.verifier(`${g.code}-erreurs`);

        // The good file.
        const bon = await g.bon();
        const lignes = bon.toString('utf8').trim().split(/\r?\n/).length - 1;
        await envoyer(page, `${g.code}.csv`, bon);
        await expect.poll(() => apercu.locator('#titre-apercu-import').innerText(), { timeout: 30_000 }).toBe(`Aperçu : ${g.code}.csv`);
        if (g.demo) {
          // The demo was built through this very import: every line is unchanged.
          await expect.poll(bilan, { timeout: 60_000 }).toBe(`Aperçu terminé, rien n’a encore été appliqué : 0 à créer, 0 à modifier, ${lignes.toLocaleString('fr-FR')} inchangé(s), 0 ligne(s) rejetée(s).`);
        } else {
          await expect.poll(bilan, { timeout: 60_000 }).toBe(`Aperçu terminé, rien n’a encore été appliqué : ${lignes} à créer, 0 à modifier, 0 inchangé(s), 0 ligne(s) rejetée(s).`);
        }
        expect(await apercu.locator('.liste__table').count()).toBe(0);
        await s.verifier(`${g.code}-bon`);
      }

      // The demo's personnels applied « tout ou rien »: nothing changes, the compte rendu says so.
      await page.getByLabel('Personnels et affectations (EPP / SIRHEN)', { exact: true }).check({ force: true });
      const personnels = await genres[0]!.bon();
      await envoyer(page, 'personnels.csv', personnels);
      await expect.poll(bilan, { timeout: 60_000 }).toContain('0 à créer, 0 à modifier');
      await page.locator('#mode-tout-ou-rien').check({ force: true });
      await page.getByRole('button', { name: 'Appliquer', exact: true }).click();
      await repondreConfirmation(page, 'Appliquer l’import', 'Appliquer');
      const cr = page.locator('#application-import');
      await expect.poll(() => cr.innerText(), { timeout: 60_000 }).toContain('Import terminé : toutes les lignes sont appliquées.');
      await s.verifier('personnels-applique');
    } finally {
      await sortir(s);
    }
  }, 300_000);
});
