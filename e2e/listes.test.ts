// The list component on demo data (seeds 003 §1.3.6–1.3.9): count in the title, keyword search
// ignoring accents and case, column sort with aria-sort, filter area, detail and « Retour » as it
// was, CSV and PDF of exactly the displayed rows; and 10,000 rows staying smooth.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const normaliser = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

async function lignesAffichees(page: Page): Promise<string[][]> {
  return page.locator('.liste__table tbody tr.liste__ligne').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

async function compteDuTitre(page: Page): Promise<number> {
  const t = await page.locator('.liste__titre').first().innerText();
  const m = /\(([\d\s\u202f\u00a0]+) lignes?\)$/.exec(t);
  if (!m) throw new Error(`Titre sans nombre de lignes : ${t}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

async function pdfTexte(chemin: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(chemin)), standardFontDataUrl: resolve('node_modules/pdfjs-dist/standard_fonts') + '/' }).promise;
  let texte = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    texte += c.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  return texte;
}

describe('la liste', () => {
  it('recherche, trie, exporte et revient du détail telle qu’elle était (comptes des intervenants)', async () => {
    const s = await nouvelleSession(browser, 'liste-comptes');
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Comptes des intervenants' }).click();
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      const total = await compteDuTitre(page);
      const toutes = await lignesAffichees(page);
      expect(toutes.length).toBe(total);
      expect(total).toBeGreaterThan(5);

      // Default sort: by name, ascending, said by aria-sort on the th.
      const thNom = page.locator('th', { hasText: 'Nom' }).first();
      expect(await thNom.getAttribute('aria-sort')).toBe('ascending');
      expect(await thNom.locator('button').count()).toBe(1);
      const noms = toutes.map((l) => l[0]!);
      expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
      await s.verifier('liste-comptes');

      // Keyword without accents nor case, over every displayed label.
      const mot = 'SEBASTIEN';
      const attendues = toutes.filter((l) => normaliser(l.join(' ')).includes(normaliser(mot)));
      expect(attendues.length).toBeGreaterThan(0);
      await page.getByLabel('Filtrer par mot-clé').fill(mot);
      await expect.poll(() => compteDuTitre(page)).toBe(attendues.length);
      expect((await lignesAffichees(page)).map((l) => l[2])).toEqual(attendues.map((l) => l[2]));
      await page.getByLabel('Filtrer par mot-clé').fill('');
      await expect.poll(() => compteDuTitre(page)).toBe(total);

      // A click inverts; the triangle turns; another column sorts ascending.
      await thNom.locator('button').click();
      expect(await thNom.getAttribute('aria-sort')).toBe('descending');
      expect(await thNom.innerText()).toContain('▼');
      const desc = (await lignesAffichees(page)).map((l) => l[0]!);
      expect(desc).toEqual([...noms].sort((a, b) => b.localeCompare(a, 'fr', { sensitivity: 'base' })));
      const thId = page.locator('th', { hasText: 'Identifiant' }).first();
      await thId.locator('button').click();
      expect(await thId.getAttribute('aria-sort')).toBe('ascending');
      expect(await thNom.getAttribute('aria-sort')).toBeNull();
      await thNom.locator('button').click();
      await thNom.locator('button').click();
      expect(await thNom.getAttribute('aria-sort')).toBe('descending');
      await s.verifier('liste-comptes-tri-decroissant');

      // Export of exactly the displayed rows: keyword "demo" and descending order.
      await page.getByLabel('Filtrer par mot-clé').fill('demo');
      await expect.poll(async () => (await lignesAffichees(page)).every((l) => normaliser(l.join(' ')).includes('demo'))).toBe(true);
      const affichees = await lignesAffichees(page);
      expect(await compteDuTitre(page)).toBe(affichees.length);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Format CSV' }).click()]);
      const cheminCsv = resolve(DOSSIER_TELECHARGEMENTS, csv.suggestedFilename());
      await csv.saveAs(cheminCsv);
      expect(csv.suggestedFilename()).toMatch(/^comptes-des-intervenants-\d{8}\.csv$/);
      const lignesCsv = readFileSync(cheminCsv, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
      expect(lignesCsv[0]).toBe('Nom;Prénom;Identifiant;Adresse électronique;Mot de passe temporaire;Dernière connexion');
      expect(lignesCsv.slice(1).map((l) => l.split(';'))).toEqual(affichees.map((l) => l.map((c) => (c === '—' ? '' : c))));
      expect((await messagesConsole(page))[0]).toContain(`au format CSV (${affichees.length} ligne`);

      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Format PDF' }).click()]);
      const cheminPdf = resolve(DOSSIER_TELECHARGEMENTS, pdf.suggestedFilename());
      await pdf.saveAs(cheminPdf);
      const texte = await pdfTexte(cheminPdf);
      expect(texte).toContain(`Comptes des intervenants (${affichees.length} ligne`);
      expect(texte).toContain('ACADEMIE DE RENNES');
      for (const l of affichees) expect(texte).toContain(l[2]!);
      for (const l of toutes.filter((x) => !normaliser(x.join(' ')).includes('demo'))) expect(texte).not.toContain(` ${l[2]} `);

      // Detail, then « Retour »: keyword, sort and count are as they were.
      const premier = affichees[0]!;
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Compte sélectionné' }).waitFor();
      expect(await page.locator('.detail__grille').innerText()).toContain(premier[2]!);
      await s.verifier('liste-comptes-detail');
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.locator('.liste__table').waitFor();
      expect(await page.getByLabel('Filtrer par mot-clé').inputValue()).toBe('demo');
      expect(await page.locator('th', { hasText: 'Nom' }).first().getAttribute('aria-sort')).toBe('descending');
      expect(await lignesAffichees(page)).toEqual(affichees);
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  it('filtre par période avec des dates JJ/MM/AAAA, vérifiées, et un calendrier (journal d’audit)', async () => {
    const s = await nouvelleSession(browser, 'liste-journal');
    const { page } = s;
    try {
      await seConnecter(s, 'dsi.rennes', 'dsi');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: "Journal d'audit" }).click();
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      const total = await compteDuTitre(page);
      expect(total).toBeGreaterThan(0);

      // An impossible date is refused beside its field and in the console.
      await page.locator('input[name="au"]').fill('31/02/2026');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(async () => (await page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain('La date de fin 31/02/2026 n’existe pas.');
      expect((await messagesConsole(page))[0]).toMatch(/^\(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\) Erreur : La date de fin 31\/02\/2026 n’existe pas\.$/);
      await s.verifier('journal-date-impossible');

      // The calendar picks today for « Du »; « Au » typed.
      await page.getByRole('button', { name: 'Choisir la date « Du » dans un calendrier' }).click();
      const calendrier = page.getByRole('dialog', { name: /Du/ });
      await calendrier.waitFor();
      await s.verifier('journal-calendrier');
      await page.keyboard.press('Enter');
      const aujourdhui = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      expect(await page.locator('input[name="du"]').inputValue()).toBe(aujourdhui);
      await page.locator('input[name="au"]').fill(aujourdhui);
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(async () => (await lignesAffichees(page)).every((l) => l[0]!.startsWith(aujourdhui))).toBe(true);

      // Another day: nothing; « Effacer filtre »: everything again.
      await page.locator('input[name="du"]').fill('01/01/2020');
      await page.locator('input[name="au"]').fill('02/01/2020');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(0);
      await s.verifier('journal-filtre-vide');
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Entrée du journal' }).waitFor();
      await s.verifier('journal-detail');
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.locator('input[name="du"]').fill('01/01/2020');
      await page.locator('input[name="au"]').fill('02/01/2020');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(0);
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);
      expect(await page.locator('input[name="du"]').inputValue()).toBe('');
      await quitter(page);
    } finally {
      await s.fermer();
    }
  });

  it('reste fluide avec 10 000 lignes', async () => {
    const s = await nouvelleSession(browser, 'liste-10000');
    const { page } = s;
    try {
      // The server sends at most 5,000 audit lines: for this measure only, the answer is made of
      // 10,000 lines shaped like the real ones.
      const actions = ['connexion.reussie', 'connexion.echec', 'mot_de_passe.change', 'activite.fermeture', 'document.telechargement'];
      const lignes = Array.from({ length: 10_000 }, (_, i) => ({
        id: 100_000 - i,
        le: new Date(Date.UTC(2026, 5, 1) + i * 60_000).toISOString(),
        acteur: `agent.${(i * 7919) % 997}`,
        action: actions[i % actions.length],
        entite: i % 3 ? 'session' : 'compte',
        entiteId: `Établissement ${(i * 31) % 500}`,
        avant: null,
        apres: null,
        ip: `10.0.${i % 255}.${(i * 13) % 255}`,
      }));
      await page.route('**/api/audit?limite=*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(lignes) }));
      await seConnecter(s, 'dsi.rennes', 'dsi');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: "Journal d'audit" }).click();
      await expect.poll(() => compteDuTitre(page), { timeout: 15_000 }).toBe(10_000);
      // Only the rows in view are in the page.
      expect(await page.locator('.liste__table tbody tr.liste__ligne').count()).toBeLessThan(120);
      await s.verifier('liste-10000');

      const mesurer = async (action: () => Promise<void>, fini: () => Promise<boolean>) => {
        const t0 = Date.now();
        await action();
        await expect.poll(fini, { interval: 10, timeout: 10_000 }).toBe(true);
        return Date.now() - t0;
      };
      const frappe = await mesurer(
        () => page.getByLabel('Filtrer par mot-clé').pressSequentially('AGENT.42', { delay: 30 }),
        async () => (await compteDuTitre(page)) === lignes.filter((l) => l.acteur.includes('agent.42')).length,
      );
      const tri = await mesurer(
        () => page.locator('th', { hasText: 'Acteur' }).locator('button').click(),
        async () => (await page.locator('th', { hasText: 'Acteur' }).getAttribute('aria-sort')) === 'ascending',
      );
      await page.getByLabel('Filtrer par mot-clé').fill('');
      const triTout = await mesurer(
        () => page.locator('th', { hasText: 'Adresse IP' }).locator('button').click(),
        async () => (await page.locator('th', { hasText: 'Adresse IP' }).getAttribute('aria-sort')) === 'ascending' && (await compteDuTitre(page)) === 10_000,
      );
      // To the bottom: the last rows are drawn, the header row is still at the top of the area.
      const zone = page.locator('.liste__defilement');
      const defilement = await mesurer(
        () => zone.evaluate((e) => e.scrollTo({ top: e.scrollHeight })),
        async () => (await page.locator('.liste__table tbody tr.liste__ligne').last().getAttribute('aria-rowindex')) === '10001',
      );
      const [haut, hautEntete] = await Promise.all([zone.evaluate((e) => e.getBoundingClientRect().top), page.locator('.liste__table thead th').first().evaluate((e) => e.getBoundingClientRect().top)]);
      expect(Math.abs(hautEntete - haut)).toBeLessThan(3);
      await s.verifier('liste-10000-bas');

      // Open a row in the middle of the list; « Retour » finds it where it was.
      await zone.evaluate((e) => e.scrollTo({ top: e.scrollHeight / 2 }));
      await page.waitForTimeout(200);
      const avant = await zone.evaluate((e) => e.scrollTop);
      const ligne = page.locator('.liste__table tbody tr.liste__ligne').nth(15);
      const indexAvant = await ligne.getAttribute('aria-rowindex');
      await ligne.locator('a').click();
      await page.getByRole('heading', { name: 'Entrée du journal' }).waitFor();
      expect(await page.locator('#zone-contenu').evaluate((e) => e.scrollTop)).toBe(0);
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.locator('.liste__table').waitFor();
      await expect.poll(() => zone.evaluate((e) => e.scrollTop)).toBe(avant);
      expect(await page.locator(`.liste__table tbody tr[aria-rowindex="${indexAvant}"]`).count()).toBe(1);
      console.log(`Liste de 10 000 lignes : frappe de 8 caractères ${frappe} ms, tri filtré ${tri} ms, tri complet ${triTout} ms, défilement jusqu'en bas ${defilement} ms`);
      expect(frappe).toBeLessThan(5000);
      expect(tri).toBeLessThan(1500);
      expect(triTout).toBeLessThan(1500);
      expect(defilement).toBeLessThan(1500);
    } finally {
      await s.fermer();
    }
  });
});
