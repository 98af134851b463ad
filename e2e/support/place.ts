// The measure of the room to work (issue 13, item 21; decision 0016), shared by the scenarios that check
// it: at 1280×720, whole visible rows of a list under its column headers, what covers them, the font
// size chosen through the « Affichage » dialog.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { outilEntete, quitter, type Session } from './navigateur.ts';

export const LARGEUR = 1280;
export const HAUTEUR = 720;
export const LIGNES = '.liste__table tbody tr.liste__ligne';

export type Taille = 'Normale' | 'Grande';

export interface Mesure {
  /** Rows of the list in the DOM. */
  lignes: number;
  /** Rows wholly visible (under the list's sticky header, inside every scrolling box and the viewport) that a click at their middle reaches. */
  entieres: number;
  /** What covers a visible row or checkbox: « ligne 3 / console »… */
  chevauchements: string[];
  /** Heights of the header, the console and the footer. */
  hauteurs: Record<string, number>;
}

/** Measures the nth list of the page as the user sees it now. */
export async function mesurer(page: Page, n = 0): Promise<Mesure> {
  return page.evaluate((n) => {
    interface R {
      top: number;
      bottom: number;
      left: number;
      right: number;
    }
    const inter = (a: R, b: R): R => ({ top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right) });
    const vide = (r: R) => r.bottom - r.top < 1 || r.right - r.left < 1;
    // The part of an element the user may see: clipped by the viewport and every box that scrolls or clips.
    const partVisible = (el: Element): R => {
      let r: R = el.getBoundingClientRect();
      r = inter(r, { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth });
      for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(`${s.overflowX} ${s.overflowY}`)) {
          const b = p.getBoundingClientRect();
          r = inter(r, { top: b.top + p.clientTop, left: b.left + p.clientLeft, bottom: b.top + p.clientTop + p.clientHeight, right: b.left + p.clientLeft + p.clientWidth });
        }
      }
      return r;
    };
    const entiereVisible = (el: Element) => {
      const b = el.getBoundingClientRect();
      const v = partVisible(el);
      return v.top <= b.top + 0.5 && v.bottom >= b.bottom - 0.5 && v.left <= b.left + 0.5 && v.right >= b.right - 0.5;
    };
    const region = document.querySelectorAll<HTMLElement>('.liste__defilement')[n]!;
    const entete = region.querySelector('thead')!.getBoundingClientRect();
    const obstacles = (['entete', 'console', 'pied'] as const)
      .map((id) => [id, document.getElementById(id)] as const)
      .filter((x): x is readonly [(typeof x)[0], HTMLElement] => !!x[1])
      .map(([id, el]) => [id, el.getBoundingClientRect()] as const);
    const chevauchements: string[] = [];
    let entieres = 0;
    const lignes = [...region.querySelectorAll<HTMLTableRowElement>('tbody tr.liste__ligne')];
    lignes.forEach((tr, i) => {
      const boite = tr.getBoundingClientRect();
      const v = partVisible(tr);
      if (vide(v)) return;
      for (const [id, o] of obstacles) if (!vide(inter(v, o))) chevauchements.push(`ligne ${i + 1} / ${id}`);
      for (const c of tr.querySelectorAll('input[type="checkbox"], input[type="checkbox"] + label')) {
        const vc = partVisible(c);
        if (vide(vc)) continue;
        for (const [id, o] of obstacles) if (!vide(inter(vc, o))) chevauchements.push(`case de la ligne ${i + 1} / ${id}`);
      }
      const entiere = v.top <= boite.top + 0.5 && v.bottom >= boite.bottom - 0.5 && boite.top >= entete.bottom - 0.5;
      for (const c of tr.querySelectorAll('input[type="checkbox"]')) {
        const b = c.getBoundingClientRect();
        const t = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
        if (entiereVisible(c) && !(t === c || (t instanceof HTMLLabelElement && t.control === c))) chevauchements.push(`case de la ligne ${i + 1} / ${t?.closest('[id]')?.id ?? t?.tagName}`);
      }
      const td = tr.querySelector('td')!.getBoundingClientRect();
      const touche = document.elementFromPoint(td.left + 4, (boite.top + boite.bottom) / 2);
      if (entiere && touche && tr.contains(touche)) entieres++;
    });
    // The frame is the viewport: the page itself never scrolls (the header would leave the screen).
    const page = document.scrollingElement!;
    if (page.scrollTop !== 0 || page.scrollHeight > window.innerHeight + 1) chevauchements.push(`la page défile (${page.scrollTop} / ${page.scrollHeight} px)`);
    // The console and the footer have their own place: the content zone ends where they begin.
    const zone = document.getElementById('zone-contenu')!.getBoundingClientRect();
    for (const [id, o] of obstacles) if (!vide(inter(zone, o))) chevauchements.push(`zone de contenu / ${id}`);
    const hauteurs: Record<string, number> = {};
    for (const [id, o] of obstacles) hauteurs[id] = Math.round(o.height);
    return { lignes: lignes.length, entieres, chevauchements, hauteurs };
  }, n);
}

/**
 * Scrolls the content zone to the nth list, as the user does: its column headers at the top of the
 * zone, the list itself not scrolled (its first rows under its headers).
 */
export async function allerALaListe(page: Page, n = 0) {
  await page.locator('.liste__defilement').nth(n).evaluate((el) => {
    el.scrollTop = 0;
    el.scrollLeft = 0;
    el.scrollIntoView({ block: 'start' });
  });
  await page.waitForTimeout(150);
}

export async function choisirTaille(page: Page, taille: Taille) {
  await outilEntete(page, 'Affichage').click();
  const modale = page.locator('#modale-parametres');
  await modale.getByRole('heading', { name: 'Paramètres d’affichage' }).waitFor();
  const radio = modale.getByLabel(taille, { exact: true }).first();
  // The settings fetched at login may re-render the radios under the click: check until it holds.
  await expect
    .poll(async () => {
      await radio.check({ force: true }).catch(() => undefined);
      return radio.isChecked();
    })
    .toBe(true);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.taillePolice)).toBe(taille === 'Grande' ? 'grande' : 'normale');
  await modale.getByRole('button', { name: 'Fermer' }).click();
  await modale.waitFor({ state: 'hidden' });
}

export async function ouvrirActivite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.locator(LIGNES).first().waitFor();
}

/** At least `minimum` whole rows (all of them when the list is shorter), nothing covering any. */
export async function verifierPlace(s: Session, nom: string, minimum = 10, n = 0) {
  await allerALaListe(s.page, n);
  const m = await mesurer(s.page, n);
  expect(m.chevauchements, `${nom} : ${JSON.stringify(m)}`).toEqual([]);
  expect(m.entieres, `${nom} : ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(Math.min(minimum, m.lignes));
  await s.verifier(nom);
  return m;
}

/** Folds or shows the console by its button; it says its state. */
export async function console_(page: Page, montree: boolean) {
  const bouton = page.locator('#console').getByRole('button', { name: montree ? 'Afficher les messages' : 'Replier les messages' });
  await bouton.click();
  await expect.poll(() => page.locator('#console button[aria-expanded]').getAttribute('aria-expanded')).toBe(String(montree));
  await expect.poll(() => page.locator('#console [role="region"]').isVisible()).toBe(montree);
}

/** Measures the list with the console shown, then folded (more rows), then shows it again. */
export async function verifierPlaceDeuxEtats(s: Session, nom: string, minimum = 10, n = 0) {
  const montree = await verifierPlace(s, nom, minimum, n);
  await console_(s.page, false);
  // Folded, the console still shows the newest message on its bar.
  expect(await s.page.locator('#console .console__dernier').innerText()).toMatch(/^\(\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d\) /);
  const repliee = await verifierPlace(s, `${nom}-console-repliee`, minimum, n);
  expect(repliee.hauteurs.console).toBeLessThan(montree.hauteurs.console ?? 0);
  expect(repliee.entieres).toBeGreaterThanOrEqual(montree.entieres);
  await console_(s.page, true);
  return { montree, repliee };
}

export async function sortir(s: Session, taille: Taille) {
  // Back to the default size (it is remembered per user), then leave the session.
  if (taille !== 'Normale') await choisirTaille(s.page, 'Normale').catch(() => undefined);
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}
