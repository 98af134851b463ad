// Room to work on the « Constat service fait » of a centre d'examen (issue 14 after decision 0016): at
// 1280×720, with the normal and the « Grande » font size, the list of missions shows at least 10
// whole rows under its column headers — all 7 columns inside the list, no sideways scrolling — and
// nothing covers them, console shown or folded; its filter panel keeps to a few short lines, so that
// rows show from the start; a mission's screen (its summary in columns) shows its intervenants; the
// ICC sessions show every row and column. The measure is the one of e2e/place-de-travail.test.ts
// (same code). axe and a screenshot on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSIONS_CONSTAT_DEMO as N } from '../src/server/demo/constat-icc.ts';
import { attendreShell, navigateur, nouvelleSession, outilEntete, quitter, seConnecter, type Session } from './support/navigateur.ts';

const LARGEUR = 1280;
const HAUTEUR = 720;
const LIGNES = '.liste__table tbody tr.liste__ligne';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

type Taille = 'Normale' | 'Grande';

interface Mesure {
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
async function mesurer(page: Page, n = 0): Promise<Mesure> {
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
async function allerALaListe(page: Page, n = 0) {
  await page.locator('.liste__defilement').nth(n).evaluate((el) => {
    el.scrollTop = 0;
    el.scrollLeft = 0;
    el.scrollIntoView({ block: 'start' });
  });
  await page.waitForTimeout(150);
}

async function choisirTaille(page: Page, taille: Taille) {
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

async function ouvrirActivite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.locator(LIGNES).first().waitFor();
}

/** At least `minimum` whole rows (all of them when the list is shorter), nothing covering any. */
async function verifierPlace(s: Session, nom: string, minimum = 10, n = 0) {
  await allerALaListe(s.page, n);
  const m = await mesurer(s.page, n);
  expect(m.chevauchements, `${nom} : ${JSON.stringify(m)}`).toEqual([]);
  expect(m.entieres, `${nom} : ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(Math.min(minimum, m.lignes));
  await s.verifier(nom);
  return m;
}

/** Folds or shows the console by its button; it says its state. */
async function console_(page: Page, montree: boolean) {
  const bouton = page.locator('#console').getByRole('button', { name: montree ? 'Afficher les messages' : 'Replier les messages' });
  await bouton.click();
  await expect.poll(() => page.locator('#console button[aria-expanded]').getAttribute('aria-expanded')).toBe(String(montree));
  await expect.poll(() => page.locator('#console [role="region"]').isVisible()).toBe(montree);
}

/** Measures the list with the console shown, then folded (more rows), then shows it again. */
async function verifierPlaceDeuxEtats(s: Session, nom: string, minimum = 10, n = 0) {
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

async function sortir(s: Session, taille: Taille) {
  // Back to the default size (it is remembered per user), then leave the session.
  if (taille !== 'Normale') await choisirTaille(s.page, 'Normale').catch(() => undefined);
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

/** The list's columns: all inside the list's visible width (no sideways scrolling), none empty. */
async function colonnesVisibles(page: Page) {
  return page.locator('.liste__defilement').first().evaluate((region) => {
    const r = region.getBoundingClientRect();
    const debordement = region.scrollWidth - region.clientWidth;
    const dehors = [...region.querySelectorAll('thead th')]
      .map((th) => [(th as HTMLElement).innerText.replace(/[△▲▼]/g, '').trim(), th.getBoundingClientRect()] as const)
      .filter(([, b]) => b.left < r.left + region.clientLeft - 0.5 || b.right > r.left + region.clientLeft + region.clientWidth + 0.5 || b.width < 40)
      .map(([t]) => t);
    return { debordement, dehors, entetes: [...region.querySelectorAll('thead th')].map((th) => (th as HTMLElement).innerText.replace(/[△▲▼]/g, '').trim()) };
  });
}

/**
 * Rows wholly visible (inside the content zone, above the console, reached by a click) and the height
 * of the filter panel: on arrival (content zone not scrolled), or once `haut` is scrolled to the top
 * of the zone.
 */
async function aLArrivee(page: Page, selecteurLignes: string, haut?: string) {
  await page.locator('#zone-contenu').evaluate((z) => (z.scrollTop = 0));
  if (haut) await page.locator(haut).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(150);
  return page.evaluate((sel) => {
    const zone = document.getElementById('zone-contenu')!.getBoundingClientRect();
    const console_ = document.getElementById('console')?.getBoundingClientRect();
    const bas = Math.min(zone.bottom, console_?.top ?? zone.bottom);
    let visibles = 0;
    for (const tr of document.querySelectorAll(sel)) {
      const b = tr.getBoundingClientRect();
      if (b.top >= zone.top && b.bottom <= bas + 0.5) {
        const t = document.elementFromPoint(b.left + 8, (b.top + b.bottom) / 2);
        if (t && tr.contains(t)) visibles++;
      }
    }
    const filtres = document.querySelector('.liste__filtres')?.getBoundingClientRect().height ?? 0;
    return { visibles, filtres: Math.round(filtres) };
  }, selecteurLignes);
}

describe('place de travail du constat de service fait à 1280×720', () => {
  for (const taille of ['Normale', 'Grande'] as const) {
    it(`centre d'examen, liste des missions : 10 lignes entières, les 7 colonnes sans défilement horizontal ; une mission montre ses intervenants (police ${taille})`, async () => {
      const s = await nouvelleSession(browser, `place-constat-${taille.toLowerCase()}`, { largeur: LARGEUR, hauteur: HAUTEUR });
      const { page } = s;
      try {
        await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
        await attendreShell(page);
        if (taille !== 'Normale') await choisirTaille(page, taille);
        await ouvrirActivite(page, 'Constat service fait');
        // At least 10 missions to measure: show the missions already constatées too if needed.
        if ((await page.locator(LIGNES).count()) < 11) {
          await page.getByLabel('Masquer les missions déjà constatées').uncheck({ force: true });
          await page.getByRole('button', { name: 'Filtrer missions' }).click();
          await expect.poll(() => page.locator(LIGNES).count()).toBeGreaterThan(10);
        }
        // The filter panel keeps to a few short lines (years and buttons, then the two « Masquer »), no
        // longer five tall ones: rows show from the start (before: none at 1280×720).
        const arrivee = await aLArrivee(page, LIGNES);
        await s.verifier('missions-arrivee');
        expect(arrivee.filtres, JSON.stringify(arrivee)).toBeLessThanOrEqual(taille === 'Normale' ? 95 : 130);
        expect(arrivee.visibles, JSON.stringify(arrivee)).toBeGreaterThanOrEqual(taille === 'Normale' ? 5 : 1);
        const c = await colonnesVisibles(page);
        expect(c.entetes).toEqual(['N°', 'Session examen', 'Spécialité/série', 'Epreuve-option', 'Type de mission', 'Début', 'Etat']);
        expect(c.dehors, JSON.stringify(c)).toEqual([]);
        expect(c.debordement, JSON.stringify(c)).toBeLessThanOrEqual(1);
        const { montree } = await verifierPlaceDeuxEtats(s, 'missions');
        expect(montree.lignes).toBeGreaterThan(10);

        // A mission: its summary in columns; in the normal font the first intervenants show on
        // arrival; with the table brought to the top of the zone, its 4 rows show.
        await page.locator('.liste__table').getByRole('link', { name: new RegExp(`^Mission n° ${N.copies},`) }).click();
        await page.locator('.constat-table caption').waitFor();
        await expect.poll(() => page.locator('.constat-table tbody tr').count()).toBe(4);
        const mission = await aLArrivee(page, '.constat-table tbody tr');
        await s.verifier('mission');
        if (taille === 'Normale') expect(mission.visibles, JSON.stringify(mission)).toBeGreaterThanOrEqual(1);
        const tableau = await aLArrivee(page, '.constat-table tbody tr', '.constat-table');
        await s.verifier('mission-intervenants');
        expect(tableau.visibles, JSON.stringify(tableau)).toBe(4);

        // The ICC sessions (same compact filters and columns): every row, every column, no sideways scrolling.
        await ouvrirActivite(page, 'Indemnités chef de centre');
        const icc = await colonnesVisibles(page);
        expect(icc.entetes).toHaveLength(5);
        expect(icc.dehors, JSON.stringify(icc)).toEqual([]);
        expect(icc.debordement, JSON.stringify(icc)).toBeLessThanOrEqual(1);
        const sessions = await verifierPlace(s, 'icc-sessions');
        expect(sessions.lignes).toBeGreaterThanOrEqual(5);
      } finally {
        await sortir(s, taille);
      }
    });
  }
});
