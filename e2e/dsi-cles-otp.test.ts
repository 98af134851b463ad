// Portail Jury — the DSI's OTP keys (issue 8 §1–2, seed 000) on demo data: dsi.rennes reads the
// checklist of Cas 1 (LA PROMENADE holds a single usable key: alert), registers a key by the form (a
// faulty secret first: the server's French message next to the field), imports a CSV seed file (a
// faulty one first: nothing imported, errors by line; then a good one), hands the new keys over with a
// PIN (BREQUIGNY, LA PROMENADE) and sees the control page's alert go, resynchronises the registered key
// with two consecutive RFC 4226 codes, unlocks the demo's locked key (only the operations its état
// allows are offered) and revokes a key. axe and a screenshot on every page visited. A platform of its own: the scenario
// changes the demo's keys.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp } from '../src/domain/identite/otp.ts';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { refuserDialoguesNatifs, repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter } from './support/navigateur.ts';

const MOT_DE_PASSE = 'Demo-Academie-2026!';
const LIGNES = '.liste__table tbody tr.liste__ligne';
/** RFC 4226 Appendix D: the secret "12345678901234567890". */
const SECRET_RFC_HEX = '3132333435363738393031323334353637383930';
const SECRET_RFC_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

const LISTE_DE: Record<string, string> = { 'Clés OTP du portail Jury': 'Clés OTP de l’académie', 'Contrôle des jurys avant délibération': 'Jurys de l’académie' };

/** Opens an activity from the menu and waits for its list's rows. */
async function ouvrirActivite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await liste(page, LISTE_DE[libelle]!).locator(LIGNES).first().waitFor();
}

/** A list of the page, by the start of its title. */
const liste = (page: Page, titre: string) => page.locator('section.liste', { has: page.locator('h2', { hasText: titre }) });
/** The row whose cells include exactly `texte`. */
const ligne = (zone: Locator, texte: string) => zone.locator(LIGNES).filter({ has: zone.page().locator('td', { hasText: new RegExp(`^${texte}$`) }) });
const ligneCentre = (page: Page, nom: string) => liste(page, 'Centres de délibération').locator(LIGNES).filter({ hasText: nom });

async function message(page: Page, contient: string | RegExp) {
  const trouve = (ms: string[]) => ms.find((m) => (typeof contient === 'string' ? m.includes(contient) : contient.test(m))) ?? '';
  await expect.poll(async () => trouve(await messagesConsole(page)), { timeout: 10_000 }).not.toBe('');
  return trouve(await messagesConsole(page));
}

async function ouvrirCle(page: Page, identifiant: string) {
  await ouvrirActivite(page, 'Clés OTP du portail Jury');
  await ligne(page.locator('body'), identifiant).locator('a').first().click();
  await page.getByRole('heading', { name: `Clé ${identifiant}`, exact: true }).waitFor();
}

const etatAffiche = (page: Page) => page.locator('.detail__grille dt', { hasText: /^État$/ }).locator('xpath=following-sibling::dd[1]').textContent();

describe('Portail Jury — la DSI gère les clés OTP et contrôle les jurys', () => {
  it('enregistre, importe, remet, resynchronise, déverrouille et révoque des clés ; les alertes du contrôle suivent', async () => {
    const s = await nouvelleSession(browser, 'dsi-cles-otp', { url: plateforme.url });
    const { page } = s;
    const natifs = refuserDialoguesNatifs(page);
    try {
      await seConnecter(s, 'dsi.rennes', 'dsi', MOT_DE_PASSE);
      await attendreShell(page);

      // The checklist of Cas 1: LA PROMENADE has a single usable key.
      await ouvrirActivite(page, 'Contrôle des jurys avant délibération');
      await expect.poll(() => ligneCentre(page, 'LA PROMENADE').textContent()).toMatch(/Moins de deux clés/);
      expect(await ligneCentre(page, 'BREQUIGNY').textContent()).toContain('Conforme');
      expect(await ligneCentre(page, 'BREQUIGNY').locator('td').nth(1).innerText()).toBe('2');
      await expect.poll(() => liste(page, 'Jurys de l’académie').locator(LIGNES).count()).toBe(5);
      expect(await liste(page, 'Jurys de l’académie').locator('thead th').allInnerTexts()).toEqual(
        ['Jury', 'Spécialité', 'Centre de délibération', 'Etat', 'Clés utilisables', 'Président convoqué', 'Vice-présidents convoqués', 'Alertes'].map((t) => expect.stringContaining(t)),
      );
      await s.verifier('dsi-controle-jurys');

      // Someone tries codes on OTP-DEMO-03 (issue 13 §4): the key is not locked, the DSI is alerted.
      for (let i = 0; i < 12; i++) {
        const r = await fetch(`${plateforme.url}/api/jury/cle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifiant: 'OTP-DEMO-03', motDePasse: `0000${100000 + i}` }) });
        expect(r.status).toBe(401);
      }

      // The keys.
      await ouvrirActivite(page, 'Clés OTP du portail Jury');
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['Identifiant', 'N° de série', 'Type', 'État', 'Centres', 'Échecs', 'Dernière utilisation'].map((t) => expect.stringContaining(t)),
      );
      const alerte = page.locator('#alertes-cles-attaquees');
      await alerte.waitFor();
      expect(await alerte.innerText()).toMatch(/Une clé est peut-être attaquée[\s\S]*Clé OTP-DEMO-03 : 12 tentatives incorrectes en 24 h depuis 1 adresse/);
      expect(await ligne(page.locator('body'), 'OTP-DEMO-03').textContent()).toContain('Remise');
      await expect.poll(() => page.locator(LIGNES).filter({ hasText: 'Verrouillée' }).count()).toBeGreaterThanOrEqual(1);
      await s.verifier('dsi-cles');
      // The état filter.
      await page.getByLabel('État', { exact: true }).selectOption('verrouillee');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(async () => (await page.locator(LIGNES).allTextContents()).every((t) => t.includes('Verrouillée'))).toBe(true);
      const verrouillee = (await page.locator(LIGNES).first().locator('td').first().innerText()).trim();
      await page.getByRole('button', { name: 'Effacer filtre' }).click();

      // « Enregistrer une clé »: a secret too short first, then the RFC 4226 key.
      await page.getByRole('button', { name: 'Enregistrer une clé' }).click();
      await page.getByRole('heading', { name: 'Enregistrer une clé' }).waitFor();
      await page.locator('#cle-identifiant').fill('OTP-E2E-FORM');
      await page.locator('#cle-numero-serie').fill('E2E-FORM-01');
      await page.locator('#cle-secret').fill('ABCDEF');
      await page.getByRole('button', { name: 'Enregistrer la clé' }).click();
      await expect.poll(() => page.locator('#cle-secret').getAttribute('aria-invalid')).toBe('true');
      const erreurSecret = await page.locator('.fr-input-group--error').filter({ has: page.locator('#cle-secret') }).innerText();
      expect(erreurSecret).toMatch(/[Ss]ecret/);
      await s.verifier('dsi-cle-nouvelle-erreur');
      await page.locator('#cle-secret').fill(SECRET_RFC_HEX);
      await page.getByRole('button', { name: 'Enregistrer la clé' }).click();
      await page.getByRole('heading', { name: 'Clé OTP-E2E-FORM', exact: true }).waitFor();
      expect(await etatAffiche(page)).toBe('En stock');

      // Import: a faulty file (nothing imported, errors by line), then a good one.
      await ouvrirActivite(page, 'Clés OTP du portail Jury');
      const avant = await page.locator(LIGNES).count();
      const fautif = ['serial;secret;type;digits;period', `E2E-IMP-01;${SECRET_RFC_HEX};HOTP;6;`, 'E2E-IMP-02;ZZ;XOTP;7;'].join('\n');
      await page.locator('#fichier-graines').setInputFiles({ name: 'graines-fautif.csv', mimeType: 'text/csv', buffer: Buffer.from(fautif) });
      await page.getByRole('button', { name: 'Importer le fichier' }).click();
      const erreurs = page.locator('#erreurs-import-graines');
      await erreurs.waitFor();
      expect(await erreurs.innerText()).toContain('aucune clé n’a été importée');
      expect(await erreurs.innerText()).toMatch(/[Ll]igne 3/);
      await s.verifier('dsi-import-fautif');
      expect(await page.locator(LIGNES).count()).toBe(avant);
      const bon = ['serial;secret;type;digits;period', `E2E-IMP-01;${SECRET_RFC_HEX};HOTP;6;`, `E2E-IMP-02;${SECRET_RFC_BASE32};TOTP;6;30`].join('\r\n');
      await page.locator('#fichier-graines').setInputFiles({ name: 'graines.csv', mimeType: 'text/csv', buffer: Buffer.from(bon) });
      await page.getByRole('button', { name: 'Importer le fichier' }).click();
      await message(page, /2 clés/);
      await expect.poll(() => page.locator(LIGNES).count()).toBe(avant + 2);
      await expect(page.locator('#erreurs-import-graines').count()).resolves.toBe(0);
      expect(await ligne(page.locator('body'), 'OTP-E2E-IMP-02').innerText()).toContain('TOTP');

      // Hand the registered key over to BREQUIGNY with a PIN (a short PIN refused first).
      await ouvrirCle(page, 'OTP-E2E-FORM');
      await s.verifier('dsi-cle-detail');
      expect(await page.locator('.operation-cle h3').allTextContents()).toEqual(['Remettre la clé', 'Resynchroniser la clé', 'Révoquer la clé']);
      // The operations, below the fold: a picture of the whole detail on a tall window.
      await page.setViewportSize({ width: 1400, height: 2000 });
      await page.screenshot({ path: 'test-results/screenshots/dsi-cles-otp-operations-en-stock.png' });
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.getByLabel(/BREQUIGNY/).check({ force: true });
      await page.locator('#remise-pin').fill('12');
      await page.getByRole('button', { name: 'Remettre', exact: true }).click();
      await expect.poll(() => page.locator('#remise-pin').getAttribute('aria-invalid')).toBe('true');
      await page.locator('#remise-pin').fill('1234');
      await page.getByRole('button', { name: 'Remettre', exact: true }).click();
      await expect.poll(() => etatAffiche(page)).toBe('Remise');
      expect(await page.locator('.detail__grille').innerText()).toContain('BREQUIGNY');

      // Resynchronisation with two consecutive codes (RFC 4226 Appendix D, counters 5 and 6).
      const secret = Buffer.from(SECRET_RFC_HEX, 'hex');
      expect([calculerHotp(secret, 5), calculerHotp(secret, 6)]).toEqual(['254676', '287922']);
      await page.locator('#resync-code1').fill('287922');
      await page.locator('#resync-code2').fill('254676');
      await page.getByRole('button', { name: 'Resynchroniser', exact: true }).click();
      await expect.poll(() => page.locator('#resync-code2').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.fr-input-group--error').filter({ has: page.locator('#resync-code2') }).innerText()).toContain('ces deux codes ne sont pas deux codes consécutifs');
      await page.locator('#resync-code1').fill('254676');
      await page.locator('#resync-code2').fill('287922');
      await page.getByRole('button', { name: 'Resynchroniser', exact: true }).click();
      expect(await message(page, 'resynchronisée')).toContain('Clé OTP-E2E-FORM resynchronisée (compteur 7).');

      // The imported HOTP key to LA PROMENADE, activated: the control page's alert goes.
      await ouvrirCle(page, 'OTP-E2E-IMP-01');
      await page.getByLabel(/LA PROMENADE/).check({ force: true });
      await page.locator('#remise-pin').fill('567890');
      await page.getByRole('button', { name: 'Remettre', exact: true }).click();
      await expect.poll(() => etatAffiche(page)).toBe('Remise');
      await page.getByRole('button', { name: 'Activer', exact: true }).click();
      await expect.poll(() => etatAffiche(page)).toBe('Active');
      await ouvrirActivite(page, 'Contrôle des jurys avant délibération');
      await expect.poll(() => ligneCentre(page, 'LA PROMENADE').textContent()).toContain('Conforme');
      expect(await ligneCentre(page, 'LA PROMENADE').textContent()).not.toMatch(/Moins de deux clés/);
      await expect.poll(() => ligneCentre(page, 'BREQUIGNY').locator('td').nth(1).innerText()).toBe('3');
      await s.verifier('dsi-controle-apres-remise');

      // Unlock the demo's locked key; a second unlock is refused in French.
      await ouvrirCle(page, verrouillee);
      expect(await etatAffiche(page)).toBe('Verrouillée');
      expect(await page.getByRole('button', { name: 'Activer', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
      expect(await message(page, 'déverrouillée')).toContain(`Clé ${verrouillee} déverrouillée : elle est de nouveau active.`);
      await expect.poll(() => etatAffiche(page)).toBe('Active');
      expect(await page.locator('.detail__grille').innerText()).toMatch(/Échecs consécutifs\s+0/);
      // Only the operations an active key allows are left.
      expect(await page.getByRole('button', { name: 'Déverrouiller', exact: true }).count()).toBe(0);
      expect(await page.locator('.operation-cle h3').allTextContents()).toEqual(['Resynchroniser la clé', 'Révoquer la clé']);
      await s.verifier('dsi-cle-deverrouillee');

      // Revoke the TOTP key: the motif is required.
      await ouvrirCle(page, 'OTP-E2E-IMP-02');
      await page.getByRole('button', { name: 'Révoquer', exact: true }).click();
      await expect.poll(() => page.locator('#revocation-motif').getAttribute('aria-invalid')).toBe('true');
      await page.locator('#revocation-motif').fill('Clé perdue lors de l’acheminement');
      await page.getByRole('button', { name: 'Révoquer', exact: true }).click();
      await repondreConfirmation(page, 'Révoquer la clé', 'Révoquer');
      expect(natifs).toEqual([]);
      await expect.poll(() => etatAffiche(page)).toBe('Révoquée');
      await page.getByText('Cette clé est révoquée').waitFor();
      await s.verifier('dsi-cle-revoquee');

      // The audit trail has the operations.
      const audit = await page.request.get('/api/audit?limite=200');
      expect(audit.status()).toBe(200);
      const texteAudit = JSON.stringify(await audit.json());
      for (const action of ['cle-otp.remise', 'cle-otp.activation', 'cle-otp.resynchronisation', 'cle-otp.deverrouillage', 'cle-otp.revocation']) expect(texteAudit).toContain(action);

      await quitter(page);
    } finally {
      await s.fermer();
    }
  });
});
