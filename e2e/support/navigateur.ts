// What every scenario needs: a browser, a fresh context per scenario (own cookies), axe-core on every
// page visited (WCAG 2.1 A and AA: zero violation), a screenshot of every page visited, the accounts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { lancerChromium } from './chromium.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DOSSIER_CAPTURES = resolve(import.meta.dirname, '../../test-results/screenshots');
export const DOSSIER_TELECHARGEMENTS = resolve(import.meta.dirname, '../../test-results/downloads');

/** The platform of this worker (global-setup.ts starts one per worker), with the shared settings. */
export const e2e = () => {
  const { plateformes, ...commun } = inject('e2e');
  const i = (Number(process.env.VITEST_POOL_ID ?? '1') - 1) % plateformes.length;
  return { ...commun, ...plateformes[i]! };
};

export function compte(login: string, service?: string) {
  const c = e2e().comptes.find((x) => x.login === login && (!service || x.service === service));
  if (!c) throw new Error(`Compte de démonstration inconnu : ${login}`);
  return c;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Checks the page with axe and keeps a screenshot under a readable name. */
  verifier(nom: string): Promise<void>;
  fermer(): Promise<void>;
}

let numero = 0;

export async function navigateur(): Promise<Browser> {
  return lancerChromium();
}

export async function nouvelleSession(browser: Browser, scenario: string, o: { url?: string; largeur?: number; hauteur?: number } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL: o.url ?? e2e().url,
    viewport: { width: o.largeur ?? 1400, height: o.hauteur ?? 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const erreursPage: string[] = [];
  page.on('pageerror', (e) => erreursPage.push(e.message));
  // The Content-Security-Policy (issue 13 §6) must never block the app: Chromium reports each
  // violation in the console.
  const violationsCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violationsCsp.push(m.text());
  });
  const verifier = async (nom: string) => {
    await page.waitForLoadState('load');
    await attendreStabilite(page);
    expect(erreursPage, `Erreurs JavaScript dans la page « ${nom} »`).toEqual([]);
    expect(violationsCsp, `Violations de la politique de sécurité du contenu dans la page « ${nom} »`).toEqual([]);
    const fichier = `${scenario}-${String(++numero).padStart(3, '0')}-${nom}`.replace(/[^a-zA-Z0-9._-]+/g, '-');
    await page.screenshot({ path: resolve(DOSSIER_CAPTURES, `${fichier}.png`), fullPage: false });
    await verifierAccessibilite(page, nom);
  };
  return { context, page, verifier, fermer: () => context.close() };
}

async function attendreStabilite(page: Page) {
  // Wait until nothing is loading and the DOM has stopped changing for a short while.
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __dernierChangement?: number; __observe?: boolean };
        if (!w.__observe) {
          w.__observe = true;
          w.__dernierChangement = Date.now();
          new MutationObserver(() => (w.__dernierChangement = Date.now())).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        return !document.querySelector('[aria-busy="true"]') && Date.now() - (w.__dernierChangement ?? 0) > 250;
      },
      undefined,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary?: string; html: string }>;
}

export async function verifierAccessibilite(page: Page, nom: string) {
  const deja = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the CSP.
  if (!deja) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations;
  });
  const v = violations as Violation[];
  if (v.length) {
    const texte = v
      .map(
        (x) =>
          `- ${x.id} (${x.impact}) : ${x.help}\n  ${x.helpUrl}\n` +
          x.nodes
            .slice(0, 5)
            .map((n) => `    • ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
            .join('\n'),
      )
      .join('\n');
    throw new Error(`axe-core : ${v.length} violation(s) WCAG 2.1 A/AA sur la page « ${nom} » (${page.url()}) :\n${texte}`);
  }
}

export type Entree = 'agents' | 'intervenants' | 'cyclades' | 'candidat';

const LIBELLE_SERVICE_AGENTS: Record<string, string> = {
  'imagin-etablissement': 'Service établissement',
  'imagin-gestion': 'Gestionnaire DEC',
  'imagin-admin': 'Administration',
  dsi: 'DSI',
};

export function entreeDuService(service: string): Entree {
  if (service in LIBELLE_SERVICE_AGENTS) return 'agents';
  if (service === 'imagin-intervenant') return 'intervenants';
  if (service === 'cyclades-etablissement') return 'cyclades';
  return 'candidat';
}

/** Fills and submits the login form of the service's entry point. */
export async function seConnecter(s: Session, login: string, service: string, motDePasse?: string, o: { verifier?: boolean } = {}) {
  const c = compte(login, service);
  const page = s.page;
  const entree = entreeDuService(service);
  if (!page.url().includes(`/connexion/${entree}`)) await page.goto(`/connexion/${entree}`);
  if (entree === 'agents') await page.getByLabel(LIBELLE_SERVICE_AGENTS[service]!, { exact: true }).check({ force: true });
  await page.getByLabel('Identifiant').fill(login);
  await page.locator('#mot-de-passe').fill(motDePasse ?? c.motDePasse);
  if (o.verifier) await s.verifier(`connexion-${entree}`);
  await page.getByRole('button', { name: 'Valider' }).click();
}

export async function attendreShell(page: Page) {
  await page.locator('#connecte-en-tant-que').waitFor({ timeout: 15_000 });
}

export async function quitter(page: Page) {
  await outilEntete(page, 'Quitter').click();
  await page.locator('#message-connexion').waitFor();
}

/** A link or button of the header's tools (Guide, Tutoriel, Plan du site, Aide, Affichage, Quitter). */
export function outilEntete(page: Page, nom: string) {
  return page.locator('.fr-header__tools-links').getByRole(nom === 'Plan du site' || nom === 'Guide' || nom === 'Tutoriel' ? 'link' : 'button', { name: nom }).first();
}

/** The console's messages, newest first. */
export async function messagesConsole(page: Page): Promise<string[]> {
  return page.locator('.console__message').allInnerTexts();
}
