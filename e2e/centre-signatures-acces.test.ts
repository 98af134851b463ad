// IMAG'IN centre d'examen on demo data (issue 5, seed 003 §4.4, §4.6): Signature centre / établissement
// pour la convocation (typing with per-field messages, the fictitious convocation read back, saving),
// and Accès autres académies (the new tab of the SIEC without a second login, its header and menu,
// « Quitter » there leaves the home tab working; a blocked window is said). axe and a screenshot on
// every page visited. A platform of its own: the scenarios log LA PROMENADE in and out, and prepare the
// other académies' data when the demo does not have it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/platform/db/database.ts';
import { textePdf } from '../src/server/testing/documents.ts';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, outilEntete, quitter, seConnecter, verifierAccessibilite, type Session } from './support/navigateur.ts';

const UAI = '0350710G';
const DOSSIER_CAPTURES = resolve(import.meta.dirname, '../test-results/screenshots');

let browser: Browser;
let plateforme: PlateformeE2e;
/** The unreachable académie's name (Versailles in the demo). */
let injoignable: string;

/** SIEC (reachable), DGRH (excluded), '25' (unreachable): LA PROMENADE is a centre of one mission in each. */
async function preparerAcademies(db: Db) {
  const etab = await db.selectFrom('etablissement').select('id').where('uai', '=', UAI).executeTakeFirstOrThrow();
  await db
    .insertInto('academie')
    .values([
      { code: 'SIEC', libelle: 'SIEC', nom_majuscule: 'SIEC', domaine_mail: 'siec.education.fr' },
      { code: 'DGRH', libelle: 'DGRH', nom_majuscule: 'DGRH', domaine_mail: 'education.gouv.fr' },
      { code: '25', libelle: 'Besançon', nom_majuscule: 'BESANCON', domaine_mail: 'ac-besancon.fr' },
    ])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db.updateTable('academie').set({ inter_academique: true, exclue_acces_autres: false, service_joignable: true }).where('code', '=', 'SIEC').execute();
  await db.updateTable('academie').set({ inter_academique: true, exclue_acces_autres: true }).where('code', '=', 'DGRH').execute();
  await db.updateTable('academie').set({ service_joignable: false, exclue_acces_autres: false }).where('code', '=', '25').execute();
  const session = await db.selectFrom('session_examen').select('id').orderBy('annee', 'desc').executeTakeFirstOrThrow();
  const type = await db.selectFrom('type_mission').select('code').orderBy('ordre').executeTakeFirstOrThrow();
  for (const [academie, numero] of [['SIEC', 940001], ['DGRH', 950001], ['25', 960001]] as const) {
    const existe = await db.selectFrom('mission').select('id').where('academie_code', '=', academie).where('centre_id', '=', etab.id).executeTakeFirst();
    if (existe) continue;
    await db
      .insertInto('mission')
      .values({ academie_code: academie, numero, session_examen_id: session.id, type_mission: type.code, centre_id: etab.id, ciblee_etablissement: true })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
  await preparerAcademies(plateforme.platform.ctx.db);
  injoignable = (await plateforme.platform.ctx.db.selectFrom('academie').select('libelle').where('code', '=', '25').executeTakeFirstOrThrow()).libelle;
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

async function activite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: libelle }).waitFor();
}

async function sortir(s: Session) {
  // Always leave the session, so the next scenario may open one for the same UAI.
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

/** axe and a screenshot of a page that is not the scenario's first tab. */
async function verifierOnglet(page: Page, nom: string) {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(DOSSIER_CAPTURES, `centre-acces-onglet-${nom}.png`) });
  await verifierAccessibilite(page, nom);
}

const CENTRE = { autorite: 'Pour le recteur et par délégation', intitule: 'La proviseure, cheffe de centre', nom: 'Mme Émilie ZOLA', ville: 'Rennes' };

describe('Signature centre / établissement pour la convocation', () => {
  it('saisit la signature, la vérifie champ par champ, prévisualise la convocation fictive puis sauvegarde', async () => {
    const s = await nouvelleSession(browser, 'centre-signatures', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      // Both signatures are under « Centre Examen », as in the seed's menu (003 §1.3.2).
      const groupe = (titre: string) => page.locator('#menu .menu__groupe').filter({ has: page.locator('.menu__groupe-titre', { hasText: new RegExp(`^${titre}$`, 'i') }) });
      const centre = await groupe('Centre Examen').getByRole('link').allInnerTexts();
      expect(centre.slice(0, 2)).toEqual(['Consultation des missions', 'Convocation par mission']);
      expect(centre.indexOf('Signature établissement pour la convocation')).toBe(centre.indexOf('Signature centre pour la convocation') + 1);
      expect(centre.indexOf('Signature centre pour la convocation')).toBeGreaterThan(1);
      expect(await groupe('Etablissement').getByRole('link', { name: 'Signature établissement pour la convocation' }).count()).toBe(0);
      await activite(page, 'Signature centre pour la convocation');
      await page.getByRole('heading', { level: 2, name: 'CHEF DE CENTRE' }).waitFor();
      await s.verifier('signature-centre');

      // Each field says what is expected.
      await page.getByLabel('Autorité').fill('');
      await page.getByLabel('Ville').fill('V'.repeat(51));
      await page.getByRole('button', { name: 'Sauvegarder' }).click();
      await expect.poll(async () => (await page.locator('.fr-input-group .fr-message--error').allInnerTexts()).join(' | ')).toBe("L'autorité est obligatoire. | La ville ne doit pas dépasser 50 caractères.");
      expect(await page.getByLabel('Autorité').evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await premierMessage(page)).toContain("L'autorité est obligatoire.");
      await s.verifier('signature-centre-erreurs');

      for (const [libelle, valeur] of [['Autorité', CENTRE.autorite], ['Intitulé', CENTRE.intitule], ['Nom', CENTRE.nom], ['Ville', CENTRE.ville]] as const) {
        await page.getByLabel(libelle).fill(valeur);
      }
      // The preview is signed with what is typed, before saving.
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Prévisualiser convocation' }).click()]);
      expect(pdf.suggestedFilename()).toBe('convocation-fictive-signature-centre.pdf');
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, `centre-${pdf.suggestedFilename()}`);
      await pdf.saveAs(chemin);
      const texte = (await textePdf(readFileSync(chemin))).pages.join(' ');
      for (const attendu of ['M. DUPONT Jean', 'Convocation fictive', 'LA PROMENADE', 'Fait à Rennes', CENTRE.autorite, CENTRE.intitule, CENTRE.nom]) expect(texte).toContain(attendu);
      await expect.poll(() => premierMessage(page)).toContain('Convocation fictive téléchargée');
      await s.verifier('signature-centre-saisie');

      await page.getByRole('button', { name: 'Sauvegarder' }).click();
      await expect.poll(() => premierMessage(page)).toContain('La signature du chef de centre est enregistrée');
      await expect.poll(() => page.locator('#signature-etat').innerText()).toContain('Signature sauvegardée le');
      await s.verifier('signature-centre-sauvegardee');
      // Saved: it is there again after a reload.
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'CHEF DE CENTRE' }).waitFor();
      expect(await page.getByLabel('Nom').inputValue()).toBe(CENTRE.nom);
      expect(await page.getByLabel('Intitulé').inputValue()).toBe(CENTRE.intitule);

      await activite(page, 'Signature établissement pour la convocation');
      await page.getByRole('heading', { level: 2, name: "CHEF D'ETABLISSEMENT" }).waitFor();
      await page.getByLabel('Autorité').fill("Le chef d'établissement");
      await page.getByLabel('Intitulé').fill('Le proviseur');
      await page.getByLabel('Nom').fill('M. Émile ZOLA');
      await page.getByLabel('Ville').fill('Rennes 35000');
      await page.getByRole('button', { name: 'Sauvegarder' }).click();
      await expect.poll(() => premierMessage(page)).toContain("La signature du chef d'établissement est enregistrée");
      await s.verifier('signature-etablissement');
    } finally {
      await sortir(s);
    }
  });
});

describe('Accès autres académies', () => {
  it("ouvre le SIEC dans un nouvel onglet sans nouvelle identification ; « Quitter » là-bas laisse l'onglet d'origine actif", async () => {
    const s = await nouvelleSession(browser, 'centre-acces', { url: plateforme.url });
    const { page, context } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, 'Accès autres académies');
      const siec = page.getByRole('button', { name: "IMAG'IN SIEC" });
      await siec.waitFor();
      expect(await siec.getAttribute('title')).toBe('Ouverture dans une nouvelle fenêtre');
      expect(await siec.isEnabled()).toBe(true);
      // DGRH is never offered; an unreachable académie is greyed, with what to do.
      expect(await page.getByRole('button', { name: /DGRH/ }).count()).toBe(0);
      const grise = page.getByRole('button', { name: `IMAG'IN ${injoignable}` });
      expect(await grise.isDisabled()).toBe(true);
      expect(await page.locator('#injoignable-25').innerText()).toContain('Si le problème persiste, merci de le signaler au gestionnaire de votre académie.');
      await s.verifier('acces-autres-academies');

      const [onglet] = await Promise.all([context.waitForEvent('page'), siec.click()]);
      await onglet.waitForURL(/\/imagin-etablissement$/, { timeout: 15_000 });
      await attendreShell(onglet);
      // An inter-académie service is named by itself, not « ACADEMIE DE SIEC ».
      expect(await onglet.locator('.entete__qui').innerText()).toBe('SIEC - LGT LA PROMENADE RENNES');
      expect((await onglet.locator('.pied__role').innerText()).trim()).toBe("— Chef d'établissement, SIEC");
      const menu = await onglet.locator('#menu').innerText();
      expect(menu).toContain('Consultation des missions');
      expect(menu).not.toContain('Accès autres académies');
      expect(menu).not.toContain('Consultation des personnels');
      expect(menu).not.toContain('Signature centre pour la convocation');
      expect(menu).not.toContain('Signature établissement pour la convocation');
      expect(await onglet.locator('#acces-autre-academie').innerText()).toContain("ouvert depuis votre session de l’académie de Rennes");
      expect(onglet.url()).not.toContain('#');
      await verifierOnglet(onglet, 'accueil-siec');
      await expect.poll(() => premierMessage(page)).toContain("Le service IMAG'IN SIEC s’ouvre dans un nouvel onglet.");

      // « Quitter » in the new tab: its end page, the home tab goes on.
      await outilEntete(onglet, 'Quitter').click();
      await onglet.locator('#message-fin-acces').waitFor();
      expect(await onglet.locator('#message-fin-acces').innerText()).toContain("La session de votre académie reste ouverte dans l'onglet d'origine.");
      // The tab forgot its session (only an emptied console may be kept).
      expect(await onglet.evaluate(() => Object.keys(sessionStorage).filter((k) => k !== 'console'))).toEqual([]);
      await verifierOnglet(onglet, 'fin');
      await onglet.close();

      await activite(page, 'Signature centre pour la convocation');
      await page.getByRole('heading', { level: 2, name: 'CHEF DE CENTRE' }).waitFor();
      expect(await page.locator('.entete__qui').innerText()).toBe('ACADEMIE DE RENNES - LGT LA PROMENADE RENNES');

      // A browser that blocks new windows: the user is told what to check.
      await activite(page, 'Accès autres académies');
      await page.evaluate(() => {
        window.open = () => null;
      });
      await page.getByRole('button', { name: "IMAG'IN SIEC" }).click();
      await page.locator('#fenetre-bloquee').waitFor();
      expect(await page.locator('#fenetre-bloquee').innerText()).toBe('Aucune nouvelle fenêtre ne s’est ouverte : vérifiez que votre navigateur autorise l’ouverture de fenêtres pour ce site.');
      await s.verifier('acces-fenetre-bloquee');
    } finally {
      await sortir(s);
    }
  });

  it("ferme l'onglet de l'autre académie quand la session d'origine se termine", async () => {
    const s = await nouvelleSession(browser, 'centre-acces-fin', { url: plateforme.url });
    const { page, context } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, 'Accès autres académies');
      const [onglet] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: "IMAG'IN SIEC" }).click()]);
      await onglet.waitForURL(/\/imagin-etablissement$/, { timeout: 15_000 });
      await attendreShell(onglet);
      await quitter(page);
      // The tab's next call finds its session over: its end page, not a login page.
      await onglet.locator('#menu').getByRole('link', { name: 'Consultation des missions' }).click();
      await onglet.locator('#message-fin-acces').waitFor();
      expect(await onglet.locator('#message-fin-acces').innerText()).toContain("La session de votre académie d'origine est terminée");
      await verifierOnglet(onglet, 'fin-parente');
    } finally {
      await s.fermer();
    }
  });
});
