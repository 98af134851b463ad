// CYCLADES — the pupils' accounts, établissement side, on demo data (issue 6, seed 002): both menu
// paths, « Générer les comptes Cyclades de mes élèves » grouped by division, the compte rendu, both
// PDFs read back, a pupil logging in with the identifiant and password read from his papillon (forced
// change of the temporary password, then the espace candidat); LA PROMENADE, without « service de
// gestion des candidats », reads why; « Régénérer le mot de passe » for one pupil (and refused for an
// « email » login); « Liste détaillée de mes élèves » exported in CSV and read back. axe and a
// screenshot on every page visited. A platform of its own: the scenarios generate accounts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_REGENERATION_EMAIL, MESSAGE_SERVICE_INDISPONIBLE, PAS_DE_COMPTE } from '../src/domain/cyclades/comptes.ts';
import { textePdf } from '../src/server/testing/documents.ts';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

const SERVICE = 'cyclades-etablissement';
const DU_PARC = 'ce.0350711h';
const LA_PROMENADE = 'ce.0350710g';
const GROUPES = ['Mon établissement — Gérer les comptes Cyclades de mes élèves', 'Inscription — Gérer les comptes Cyclades de mes élèves'];
const NOUVEAU_MOT_DE_PASSE = 'Mon-Papillon-2027!';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

/** The activity's link in one menu group (an activity of seed 002 stands in two groups). */
function lienMenu(page: Page, groupe: string, libelle: string) {
  return page.locator('#menu .menu__groupe').filter({ has: page.getByText(groupe, { exact: true }) }).getByRole('link', { name: libelle, exact: true });
}

async function activite(page: Page, libelle: string, groupe = GROUPES[0]!) {
  await lienMenu(page, groupe, libelle).click();
  await page.getByRole('heading', { level: 1, name: libelle }).waitFor();
}

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function enregistrer(d: Download, prefixe: string): Promise<Buffer> {
  const chemin = resolve(DOSSIER_TELECHARGEMENTS, `${prefixe}-${d.suggestedFilename()}`);
  await d.saveAs(chemin);
  return readFileSync(chemin);
}

/** The state the treatment's follow-up says (« Traitement terminé. » at the end). */
async function attendreFinTraitement(page: Page) {
  await expect.poll(() => page.locator('#suivi-traitement').innerText(), { timeout: 60_000 }).toContain('Traitement terminé.');
}

/** The identifiant and password a papillon shows. */
function lirePapillon(texte: string): { login: string; motDePasse: string } {
  const login = /Votre identifiant de connexion : (\S+)/.exec(texte)?.[1];
  const motDePasse = /Votre mot de passe \(\*\) : (\S{10})/.exec(texte)?.[1];
  if (!login || !motDePasse) throw new Error(`Papillon illisible : ${texte}`);
  return { login, motDePasse };
}

let papillon: { login: string; motDePasse: string; texte: string };

describe('Générer les comptes Cyclades de mes élèves', () => {
  it('génère les comptes par division de classe, ouvre le compte rendu et lit les deux PDF', async () => {
    const s = await nouvelleSession(browser, 'cyclades-comptes', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, DU_PARC, SERVICE, undefined, { verifier: true });
      await attendreShell(page);
      // Both menu paths of the seed lead to the same activities.
      for (const groupe of GROUPES) {
        await expect(lienMenu(page, groupe, 'Générer les comptes Cyclades de mes élèves').count()).resolves.toBe(1);
        await expect(lienMenu(page, groupe, "Régénérer le mot de passe d'un compte d'un élève").count()).resolves.toBe(1);
      }
      await activite(page, 'Générer les comptes Cyclades de mes élèves', GROUPES[1]);
      await page.locator('#etat-comptes').waitFor();
      expect(await page.locator('#etat-comptes').innerText()).toMatch(/\d+ élève\(s\) éligible\(s\) n'ont pas encore de compte CYCLADES/);
      const avant = Number(/: (\d+)/.exec(await page.locator('#nb-avec-compte').innerText())?.[1]);
      // The pupils who created their own account with their e-mail have one already.
      expect(avant).toBeGreaterThan(0);
      expect(await page.getByLabel('Forcer la création d’un nouveau mot de passe').isChecked()).toBe(false);
      await s.verifier('comptes-eleves');

      await page.getByLabel('Division de classe', { exact: true }).check({ force: true });
      await page.getByRole('button', { name: /^Générer (le\(s\) compte\(s\)|des comptes supplémentaires)$/ }).click();
      await attendreFinTraitement(page);
      expect((await messagesConsole(page))[0]).toContain('La génération des comptes est lancée.');
      // Reread at the end: every eligible pupil has an account now.
      await expect.poll(() => page.locator('#etat-comptes').innerText()).toBe("Tous vos élèves éligibles disposent d'un compte CYCLADES.");
      await expect.poll(() => page.getByRole('button', { name: 'Générer des comptes supplémentaires' }).count()).toBe(1);
      // Nothing is missing: the button is disabled and says why, rather than launching an empty run.
      expect(await page.getByRole('button', { name: 'Générer des comptes supplémentaires' }).isDisabled()).toBe(true);
      expect(await page.locator('#rien-a-generer').innerText()).toContain("il n'y a aucun compte supplémentaire à générer");
      await s.verifier('comptes-eleves-generes');

      // Forcing asks first, saying plainly that the older papillons will stop working; cancelled here.
      await page.getByLabel('Forcer la création d’un nouveau mot de passe').check({ force: true });
      await page.getByRole('button', { name: 'Générer des comptes supplémentaires' }).click();
      const modale = page.getByRole('dialog', { name: 'Confirmer la régénération des mots de passe' });
      await modale.waitFor();
      expect(await modale.innerText()).toContain('Les papillons édités auparavant pour ces élèves ne permettront plus de se connecter');
      await s.verifier('comptes-eleves-forcer');
      await modale.getByRole('button', { name: 'Annuler' }).click();
      await modale.waitFor({ state: 'hidden' });
      await page.getByLabel('Forcer la création d’un nouveau mot de passe').uncheck({ force: true });

      // The compte rendu: the pupils left out and why, the two papillon PDFs.
      await page.getByRole('link', { name: 'Afficher le compte rendu du traitement' }).click();
      await page.getByRole('heading', { level: 2, name: 'Compte rendu du traitement' }).waitFor();
      await page.getByRole('heading', { name: /Journal du traitement/ }).waitFor();
      const journal = await page.locator('.liste').last().innerText();
      expect(journal).toContain('Adresse électronique absente');
      expect(journal).toContain('Candidature annulée');
      await s.verifier('compte-rendu');

      const [un] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /-1-par-page\.pdf/ }).click()]);
      // Named after the run's number: two runs never give look-alike files.
      expect(un.suggestedFilename()).toMatch(/^papillons-0350711H-\d{8}-\d{4}-n\d+-1-par-page\.pdf$/);
      const pages1 = (await textePdf(await enregistrer(un, 'cyclades'))).pages;
      const [deux] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /-2-par-page\.pdf/ }).click()]);
      expect(deux.suggestedFilename()).toMatch(/^papillons-0350711H-\d{8}-\d{4}-n\d+-2-par-page\.pdf$/);
      const pages2 = (await textePdf(await enregistrer(deux, 'cyclades'))).pages;
      expect(pages2.length).toBe(Math.ceil(pages1.length / 2));
      expect(pages1.length).toBeGreaterThan(100);

      const premiere = pages1[0]!;
      for (const attendu of ['ACADÉMIE DE RENNES', 'DNB 2027', 'Division de classe : 3A', 'Identifiez-vous avec le compte qui vous a été attribué :', '/connexion/candidat', '(*) Nous vous conseillons de changer ce mot de passe lors de votre première connexion.']) {
        expect(premiere).toContain(attendu);
      }
      // Grouped by division: the 3A first, the 3E last; the two-per-page file holds the same papillons.
      expect(pages1.at(-1)).toContain('Division de classe : 3E');
      papillon = { ...lirePapillon(premiere), texte: premiere };
      expect(pages2[0]).toContain(`Votre identifiant de connexion : ${papillon.login}`);
      expect(papillon.login).toMatch(/^[a-z]+\.[a-z]+$/);

      // « Accéder aux comptes » stays available: the run's documents are there.
      await activite(page, 'Générer les comptes Cyclades de mes élèves');
      await page.getByRole('button', { name: 'Accéder aux comptes' }).click();
      await page.getByRole('heading', { name: /Liste des documents générés \(2 lignes\)/ }).waitFor();
      expect(await page.locator('.liste').innerText()).toContain('Papillon de connexion — deux par page');
      await s.verifier('acces-comptes');
    } finally {
      await sortir(s);
    }
  });

  it('l’élève se connecte avec le papillon, change son mot de passe temporaire et arrive dans son espace candidat', async () => {
    expect(papillon, 'le scénario précédent a lu un papillon').toBeDefined();
    const s = await nouvelleSession(browser, 'cyclades-papillon', { url: plateforme.url });
    const { page } = s;
    try {
      await page.goto('/connexion/candidat');
      await page.getByLabel('Identifiant').fill(papillon.login);
      await page.locator('#mot-de-passe').fill(papillon.motDePasse);
      await s.verifier('connexion-candidat');
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.waitForURL('**/espace-candidat/mot-de-passe');
      await s.verifier('changement-mot-de-passe-candidat');
      await page.locator('#ancien').fill(papillon.motDePasse);
      await page.locator('#nouveau').fill(NOUVEAU_MOT_DE_PASSE);
      await page.locator('#confirmation').fill(NOUVEAU_MOT_DE_PASSE);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await attendreShell(page);
      expect(new URL(page.url()).pathname).toMatch(/^\/espace-candidat/);
      expect((await messagesConsole(page)).join('\n')).toContain('Votre mot de passe a été modifié.');
      // The header names the pupil « Prénom NOM », not his login; the home page says his own session (DNB 2027).
      const eleve = await plateforme.platform.ctx.db
        .selectFrom('compte as co')
        .innerJoin('compte_candidat as cc', 'cc.compte_id', 'co.id')
        .innerJoin('candidat as ca', 'ca.id', 'cc.candidat_id')
        .select(['ca.nom', 'ca.prenom'])
        .where('co.login', '=', papillon.login)
        .executeTakeFirstOrThrow();
      await expect.poll(() => page.locator('.entete__qui').innerText()).toBe(`ACADEMIE DE RENNES - ${eleve.prenom} ${eleve.nom.toUpperCase()}`);
      expect(await page.locator('.entete__qui').innerText()).not.toContain(papillon.login);
      await page.locator('#sessions-candidat').waitFor();
      const accueil = await page.locator('main').innerText();
      expect(accueil).toContain('Votre session d’examen : DNB 2027 — DIPLOME NATIONAL DU BREVET.');
      expect(accueil).not.toMatch(/session 2026|Session 2026|DNB 2026/);
      await s.verifier('espace-candidat');
      await quitter(page);

      // The papillon's password does not open the account any more; the new one does.
      await page.goto('/connexion/candidat');
      await page.getByLabel('Identifiant').fill(papillon.login);
      await page.locator('#mot-de-passe').fill(NOUVEAU_MOT_DE_PASSE);
      await page.getByRole('button', { name: 'Valider' }).click();
      await attendreShell(page);
      expect(new URL(page.url()).pathname).toBe('/espace-candidat');
    } finally {
      await sortir(s);
    }
  });

  it('un double clic sur « Régénérer les mots de passe » ne lance qu’une génération', async () => {
    const s = await nouvelleSession(browser, 'cyclades-double-clic', { url: plateforme.url });
    const { page } = s;
    const db = plateforme.platform.ctx.db;
    const generations = async () => Number((await db.selectFrom('generation_comptes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    try {
      await seConnecter(s, DU_PARC, SERVICE);
      await attendreShell(page);
      await activite(page, 'Générer les comptes Cyclades de mes élèves');
      await page.locator('#etat-comptes').waitFor();
      const avant = await generations();
      const envois: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/comptes/generer')) envois.push(r.url());
      });
      await page.getByLabel('Forcer la création d’un nouveau mot de passe').check({ force: true });
      await page.getByRole('button', { name: /^Générer (le\(s\) compte\(s\)|des comptes supplémentaires)$/ }).click();
      const modale = page.getByRole('dialog', { name: 'Confirmer la régénération des mots de passe' });
      await modale.waitFor();
      await modale.getByRole('button', { name: 'Régénérer les mots de passe' }).dblclick();
      await attendreFinTraitement(page);
      expect(envois).toHaveLength(1);
      expect(await generations()).toBe(avant + 1);
      // No refusal reached the console: the second click sent nothing.
      expect((await messagesConsole(page)).join('\n')).not.toContain('déjà en cours');
      await s.verifier('comptes-eleves-double-clic');
    } finally {
      await sortir(s);
    }
  });

  it('LA PROMENADE, sans service de gestion des candidats, lit pourquoi les activités sont indisponibles', async () => {
    const s = await nouvelleSession(browser, 'cyclades-indisponible', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, LA_PROMENADE, SERVICE);
      await attendreShell(page);
      for (const libelle of ['Générer les comptes Cyclades de mes élèves', "Régénérer le mot de passe d'un compte d'un élève"]) {
        await activite(page, libelle);
        await page.locator('#service-indisponible').waitFor();
        expect(await page.locator('#service-indisponible').innerText()).toContain(MESSAGE_SERVICE_INDISPONIBLE);
        expect(await page.getByRole('button', { name: /^Générer/ }).count()).toBe(0);
        await s.verifier(`indisponible-${libelle.slice(0, 9)}`);
      }
      await activite(page, 'Liste détaillée de mes élèves', 'Inscription — Génération de documents — Listes de travail');
      await page.locator('#service-indisponible').waitFor();
      expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
      // Nothing else was asked to the server and refused.
      expect((await messagesConsole(page)).join('\n')).not.toContain('Erreur');
    } finally {
      await sortir(s);
    }
  });
});

describe("Régénérer le mot de passe d'un compte d'un élève", () => {
  it('régénère le mot de passe d’un élève, refuse un compte « email » et donne le papillon', async () => {
    expect(papillon, 'le premier scénario a généré les comptes').toBeDefined();
    const s = await nouvelleSession(browser, 'cyclades-regeneration', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, DU_PARC, SERVICE);
      await attendreShell(page);
      await activite(page, "Régénérer le mot de passe d'un compte d'un élève", GROUPES[1]);
      await page.getByRole('tab', { name: 'Paramètres' }).waitFor();
      expect(await page.getByLabel('Supprimer limitation à un élève').isChecked()).toBe(false);
      await s.verifier('regeneration');

      // Nothing typed: each message beside its field.
      await page.getByRole('button', { name: 'Générer', exact: true }).click();
      await expect.poll(() => page.locator('.fr-message--error').allInnerTexts()).toContain('Titre édition : saisissez un titre.');
      await expect.poll(() => page.locator('#selection-erreur').innerText()).toContain('Sélectionnez au moins un élève');
      await s.verifier('regeneration-erreurs');

      // A pupil whose account was created with his e-mail: refused, said beside the selection.
      await page.getByLabel('Titre édition').fill('Papillon perdu');
      await page.getByLabel('Compte CYCLADES').selectOption('email');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await expect.poll(() => page.locator('.liste__ligne input[name="eleve"]').count()).toBeGreaterThan(0);
      await page.locator('.liste__ligne input[name="eleve"]').first().check();
      await page.getByRole('button', { name: 'Générer', exact: true }).click();
      await expect.poll(() => page.locator('#selection-erreur').innerText()).toBe(MESSAGE_REGENERATION_EMAIL);

      // The pupil of the papillon read above, found by his name.
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await page.locator('#critere-q').fill(papillon.login.split('.')[1]!);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const ligne = page.locator('.liste__ligne').filter({ hasText: papillon.login });
      await ligne.waitFor();
      // One pupil at a time: radio buttons.
      expect(await page.locator('.liste__ligne input[name="eleve"]').first().getAttribute('type')).toBe('radio');
      await ligne.locator('input[name="eleve"]').check();
      await s.verifier('regeneration-selection');
      await page.getByRole('button', { name: 'Générer', exact: true }).click();
      await attendreFinTraitement(page);
      expect((await messagesConsole(page))[0]).toContain('Les papillons édités auparavant pour ces élèves ne permettront plus de se connecter.');

      const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#suivi-traitement').getByRole('button', { name: /Papillon de connexion — un par page/ }).click()]);
      const pages = (await textePdf(await enregistrer(pdf, 'cyclades-regeneration'))).pages;
      expect(pages).toHaveLength(1);
      const nouveau = lirePapillon(pages[0]!);
      expect(nouveau.login).toBe(papillon.login);
      expect(nouveau.motDePasse).not.toBe(papillon.motDePasse);
      await page.getByRole('heading', { name: /Liste des documents générés \(2 lignes\)/ }).waitFor();
      await s.verifier('regeneration-generee');

      await page.locator('#suivi-traitement').getByRole('link', { name: 'Afficher le compte rendu' }).click();
      await page.getByRole('heading', { level: 2, name: 'Compte rendu du traitement' }).waitFor();
      expect(await page.locator('main').innerText()).toContain('Papillon perdu');
      await s.verifier('regeneration-compte-rendu');

      // « Supprimer limitation à un élève »: the pupils of a division at once (the « email » ones are set aside by the server).
      await activite(page, "Régénérer le mot de passe d'un compte d'un élève");
      await page.getByLabel('Titre édition').fill('Papillons 3E');
      // « Régénération en masse » opens with the DSFR animation: the box is clicked once it is over.
      await expect.poll(() => page.locator('.fr-accordion .fr-collapsing').count()).toBe(0);
      await page.getByLabel('Supprimer limitation à un élève').check({ force: true });
      await page.getByRole('tab', { name: /Critères de sélection/ }).click();
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await page.getByLabel('Division de classe').selectOption('3E');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const cases = page.locator('.liste__ligne input[name="eleve"]');
      await expect.poll(() => cases.count()).toBeGreaterThan(1);
      expect(await cases.first().getAttribute('type')).toBe('checkbox');
      const n = await cases.count();
      await page.getByRole('button', { name: 'Sélectionner les élèves affichés' }).click();
      expect(await page.locator('#titre-selection').innerText()).toBe(`${n} élèves sélectionnés.`);
      await s.verifier('regeneration-masse');
      await page.getByRole('button', { name: 'Générer', exact: true }).click();
      await attendreFinTraitement(page);
      expect((await messagesConsole(page))[0]).toContain(`La régénération du mot de passe de ${n} élève(s) est lancée`);
    } finally {
      await sortir(s);
    }
  });
});

describe('Liste détaillée de mes élèves', () => {
  it('affiche les identifiants de connexion et exporte la liste en CSV', async () => {
    const s = await nouvelleSession(browser, 'cyclades-liste', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, DU_PARC, SERVICE);
      await attendreShell(page);
      await activite(page, 'Liste détaillée de mes élèves', 'Inscription — Génération de documents — Listes de travail');
      await page.getByRole('heading', { name: /Liste détaillée de mes élèves \(\d+ lignes\)/ }).waitFor();
      await page.getByLabel('Filtrer par mot-clé').fill(papillon.login);
      await expect.poll(() => page.locator('.liste__ligne').count()).toBe(1);
      await s.verifier('liste-detaillee');
      await page.getByLabel('Filtrer par mot-clé').fill('');

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      expect(csv.suggestedFilename()).toMatch(/\.csv$/);
      const texte = (await enregistrer(csv, 'cyclades')).toString('utf8');
      expect(texte.charCodeAt(0)).toBe(0xfeff);
      const lignes = texte.slice(1).trim().split(/\r?\n/);
      expect(lignes[0]).toBe(
        'N° candidat;Nom;Prénom;Date de naissance;Division de classe;Série;Qualification présentée;Etat de la candidature;Adresse électronique;Identifiant de connexion',
      );
      expect(lignes.some((l) => l.endsWith(`;${papillon.login}`))).toBe(true);
      // The pupils without an e-mail got no account.
      expect(lignes.some((l) => l.endsWith(`;${PAS_DE_COMPTE}`))).toBe(true);
      expect(lignes.length - 1).toBe(Number(/\((\d+) lignes\)/.exec(await page.locator('.liste__titre').innerText())?.[1]));
      await expect.poll(async () => (await messagesConsole(page))[0]).toContain('Liste détaillée de vos élèves téléchargée au format CSV');
    } finally {
      await sortir(s);
    }
  });
});
