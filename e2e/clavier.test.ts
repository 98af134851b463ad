// The shell used with the keyboard only: skip links, menu, sort, detail and back, help dialog,
// full screen, date picker, Quitter. No mouse click in this scenario.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compte, navigateur, nouvelleSession } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

interface Focus {
  tag: string;
  texte: string;
  id: string;
  label: string;
}

async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return { tag: e?.tagName.toLowerCase() ?? '', texte: (e?.innerText ?? '').trim(), id: e?.id ?? '', label: e?.getAttribute('aria-label') ?? '' };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabulerJusqua(page: Page, cible: (f: Focus) => boolean, o: { arriere?: boolean; max?: number } = {}) {
  for (let i = 0; i < (o.max ?? 80); i++) {
    await page.keyboard.press(o.arriere ? 'Shift+Tab' : 'Tab');
    const f = await focus(page);
    if (cible(f)) return f;
  }
  throw new Error('Élément jamais atteint au clavier');
}

describe('utilisation au clavier', () => {
  it('se connecte, navigue, trie, ouvre un détail, l’aide, le plein écran et quitte sans souris', async () => {
    const s = await nouvelleSession(browser, 'clavier');
    const { page } = s;
    try {
      const c = compte('dec.rennes');
      await page.goto('/connexion/agents');
      // The app renders after the document loads: wait for the form before the first key press.
      await page.getByRole('button', { name: 'Valider' }).waitFor();
      // First stop: the skip link to the content.
      await page.keyboard.press('Tab');
      expect((await focus(page)).texte).toBe('Contenu');
      // The service radio group: arrows choose.
      await tabulerJusqua(page, (f) => f.tag === 'input' && f.id.includes('radio'));
      await page.keyboard.press('ArrowRight');
      expect(await page.getByLabel('Gestionnaire DEC', { exact: true }).isChecked()).toBe(true);
      await tabulerJusqua(page, (f) => f.id === 'identifiant');
      await page.keyboard.type(c.login);
      await tabulerJusqua(page, (f) => f.id === 'mot-de-passe');
      await page.keyboard.type(c.motDePasse);
      await page.keyboard.press('Enter');
      await page.locator('#connecte-en-tant-que').waitFor();

      // Skip links of the shell, then the menu.
      await page.keyboard.press('Tab');
      expect((await focus(page)).texte).toBe('Contenu');
      await page.keyboard.press('Tab');
      expect((await focus(page)).texte).toBe('Menu des activités');
      await page.keyboard.press('Enter');
      await tabulerJusqua(page, (f) => f.texte === 'Comptes des intervenants');
      await page.keyboard.press('Enter');
      await page.locator('.liste__table tbody tr').first().waitFor();
      // Focus goes to the new page's title.
      expect((await focus(page)).tag).toBe('h1');
      await s.verifier('clavier-liste');

      // Sort with the keyboard: the header is a button.
      await tabulerJusqua(page, (f) => f.tag === 'button' && f.texte.startsWith('Prénom'));
      await page.keyboard.press('Enter');
      expect(await page.locator('th', { hasText: 'Prénom' }).getAttribute('aria-sort')).toBe('ascending');
      await page.keyboard.press('Enter');
      expect(await page.locator('th', { hasText: 'Prénom' }).getAttribute('aria-sort')).toBe('descending');

      // Open the first row's detail, come back.
      const premier = await tabulerJusqua(page, (f) => f.tag === 'a' && f.label.includes('('));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Compte sélectionné' }).waitFor();
      await tabulerJusqua(page, (f) => f.texte === 'Retour');
      await page.keyboard.press('Enter');
      await page.locator('.liste__table').waitFor();
      expect(await page.locator('th', { hasText: 'Prénom' }).getAttribute('aria-sort')).toBe('descending');
      expect(premier.label).toBeTruthy();

      // The help dialog opens and closes with the keyboard; focus comes back to its button.
      await tabulerJusqua(page, (f) => f.texte === 'Aide', { arriere: true, max: 120 });
      await page.keyboard.press('Enter');
      await page.locator('#modale-aide').getByRole('heading', { name: 'Aide : Comptes des intervenants' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.getElementById('modale-aide')?.contains(document.activeElement))).toBe(true);
      await s.verifier('clavier-aide');
      await page.keyboard.press('Escape');
      await page.locator('#modale-aide').waitFor({ state: 'hidden' });
      await expect.poll(async () => (await focus(page)).texte).toBe('Aide');

      // Full screen and back, focus kept on the toggle.
      await tabulerJusqua(page, (f) => f.id === 'bascule-plein-ecran');
      await page.keyboard.press('Enter');
      await page.locator('#entete').waitFor({ state: 'detached' });
      expect((await focus(page)).id).toBe('bascule-plein-ecran');
      await page.keyboard.press('Enter');
      await page.locator('#entete').waitFor();

      // The date picker of the audit log, with the arrows.
      await tabulerJusqua(page, (f) => f.tag === 'a' && f.texte === "Journal d'audit", { arriere: true, max: 120 });
      await page.keyboard.press('Enter');
      await page.locator('.liste__table').waitFor();
      await tabulerJusqua(page, (f) => f.label === 'Choisir la date « Du » dans un calendrier');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      const hier = new Date(Date.now() - 86_400_000);
      const attendu = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(hier);
      expect(await page.locator('input[name="du"]').inputValue()).toBe(attendu);
      expect((await focus(page)).label).toBe('Choisir la date « Du » dans un calendrier');

      // Quitter.
      await tabulerJusqua(page, (f) => f.texte === 'Quitter', { arriere: true, max: 150 });
      await page.keyboard.press('Enter');
      await page.locator('#message-connexion').waitFor();
    } finally {
      await s.fermer();
    }
  });
});
