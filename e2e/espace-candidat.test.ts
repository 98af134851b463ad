// Espace candidat and « Gestion des candidats en établissement » on demo data (issue 6): the demo
// candidate lea.moreau logs in on /connexion/candidat, downloads her récapitulatif d'inscription (read
// back) and reads her published DNB results with their grades; a pupil with a generated account logs
// in with his temporary password, must change it, then gets a new one through « mot de passe
// oublié » (the mail read in the outbox); the gestionnaire dec.rennes positions the service for an
// établissement and removes it again. axe and a screenshot on every page visited. A platform of its
// own: the scenarios change accounts and établissements.
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginDeBase } from '../src/domain/cyclades/comptes.ts';
import { genererMotDePasseTemporaire } from '../src/domain/identite/mot-de-passe.ts';
import { hacher } from '../src/server/platform/passwords.ts';
import { textePdf } from '../src/server/testing/documents.ts';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

async function activite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: libelle }).waitFor();
}

/** The login form of /connexion/candidat, for an account the scenario created (seConnecter knows the demo's). */
async function connexionCandidat(page: Page, login: string, motDePasse: string) {
  if (!page.url().includes('/connexion/candidat')) await page.goto('/connexion/candidat');
  await page.getByLabel('Identifiant').fill(login);
  await page.locator('#mot-de-passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Valider' }).click();
}

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function telechargerPdf(page: Page, clic: () => Promise<void>) {
  const [t] = await Promise.all([page.waitForEvent('download'), clic()]);
  const chemin = resolve(DOSSIER_TELECHARGEMENTS, t.suggestedFilename());
  await t.saveAs(chemin);
  const { readFileSync } = await import('node:fs');
  return { nom: t.suggestedFilename(), texte: (await textePdf(readFileSync(chemin))).pages.join('\n') };
}

describe('Espace candidat', () => {
  it('la candidate de démonstration télécharge son récapitulatif et lit ses résultats publiés', async () => {
    const s = await nouvelleSession(browser, 'espace-candidat', { url: plateforme.url });
    const { page } = s;
    try {
      await seConnecter(s, 'lea.moreau', 'espace-candidat', undefined, { verifier: true });
      await attendreShell(page);
      // « Prénom NOM » in the header, not the login; the home page names her session (a former pupil: DNB 2026).
      await expect.poll(() => page.locator('.entete__qui').innerText()).toBe('ACADEMIE DE RENNES - Léa MOREAU');
      await page.locator('#sessions-candidat').waitFor();
      expect(await page.locator('#sessions-candidat').innerText()).toContain('Votre session d’examen : DNB 2026 — DIPLOME NATIONAL DU BREVET.');
      await s.verifier('accueil');

      await activite(page, "Mon récapitulatif d'inscription");
      await page.locator('.liste__table tbody tr').first().waitFor();
      expect(await page.locator('.liste__titre').innerText()).toBe('Mes inscriptions (1 ligne)');
      const ligne = await page.locator('.liste__table tbody tr').first().innerText();
      for (const attendu of ['DNB 2026', 'DIPLOME NATIONAL DU BREVET', 'CLG DU PARC RENNES (0350711H)']) expect(ligne).toContain(attendu);
      // The état's badge (capitals on screen).
      expect(ligne).toMatch(/\bInscrit\b/i);
      expect(await page.locator('.detail__grille').innerText()).toContain('Mme MOREAU Léa');
      await s.verifier('recapitulatif');

      const pdf = await telechargerPdf(page, () => page.getByRole('button', { name: "Télécharger le récapitulatif d'inscription DNB 2026 (PDF)" }).click());
      expect(pdf.nom).toMatch(/^recapitulatif-inscription-DNB-2026-\d+\.pdf$/);
      for (const attendu of ['ACADEMIE DE RENNES', "Récapitulatif d'inscription", 'DIPLOME NATIONAL DU BREVET — session DNB 2026', 'Mme MOREAU Léa', 'CLG DU PARC RENNES (0350711H)', 'État de la candidature : Inscrit', 'Épreuves présentées', 'Coefficient', 'Récapitulatif édité le']) {
        expect(pdf.texte).toContain(attendu);
      }
      expect((await messagesConsole(page))[0]).toContain(`Récapitulatif d'inscription téléchargé : ${pdf.nom}.`);

      await activite(page, 'Mes résultats');
      await page.locator('.liste__table tbody tr').first().waitFor();
      const resultat = await page.locator('.liste__table tbody tr').first().innerText();
      expect(resultat).toContain('DNB 2026');
      // Her frozen result, as published (badges in capitals on screen).
      const publie = await plateforme.platform.ctx.db
        .selectFrom('resultat_publie as r')
        .innerJoin('candidature as c', 'c.id', 'r.candidature_id')
        .innerJoin('compte_candidat as cc', 'cc.candidat_id', 'c.candidat_id')
        .innerJoin('compte as co', 'co.id', 'cc.compte_id')
        .select(['r.decision', 'r.mention', 'r.moyenne'])
        .where('co.login', '=', 'lea.moreau')
        .executeTakeFirstOrThrow();
      const moyenne = `${Number(publie.moyenne).toFixed(2).replace('.', ',')} / 20`;
      expect(resultat.toLowerCase()).toContain(`${publie.decision} — mention ${publie.mention}`.toLowerCase());
      expect(resultat).toContain(moyenne);
      await s.verifier('resultats');
      await page.locator('.liste__table tbody tr').first().click();
      await page.getByRole('heading', { level: 2, name: 'DIPLOME NATIONAL DU BREVET — session DNB 2026' }).waitFor();
      const details = await page.locator('.detail__grille').innerText();
      expect(details).toMatch(new RegExp(`Décision\\s+${publie.decision}`));
      expect(details).toMatch(new RegExp(`Mention\\s+${publie.mention}`));
      expect(details).toContain(moyenne);
      await page.locator('.liste__table tbody tr').first().waitFor();
      expect(await page.locator('.liste__titre').innerText()).toMatch(/^Mes notes \(\d+ lignes\)$/);
      expect(await page.locator('.liste__table thead').innerText()).toMatch(/Épreuve[\s\S]*Coefficient[\s\S]*Note[\s\S]*Groupe/);
      expect(await page.locator('.liste__table tbody').innerText()).toContain('1er groupe');
      await s.verifier('resultats-detail');

      // Another candidate's candidature: the server says it is not hers.
      const autre = await plateforme.platform.ctx.db
        .selectFrom('candidature as c')
        .innerJoin('candidat as ca', 'ca.id', 'c.candidat_id')
        .select('c.id')
        .where('ca.nom', '<>', 'MOREAU')
        .executeTakeFirstOrThrow();
      await page.goto(`/espace-candidat/resultats/${autre.id}`);
      await page.locator('.fr-alert--error').getByText("Cette candidature n'existe pas ou n'est pas la vôtre.").waitFor();
      await s.verifier('resultats-autre-candidat');
    } finally {
      await sortir(s);
    }
  });

  it('un élève se connecte avec le mot de passe de son papillon, le change, puis le réinitialise par courriel', async () => {
    // An account as « Générer les comptes » creates it: "prenom.nom", temporary password, the candidature's e-mail.
    const db = plateforme.platform.ctx.db;
    const eleve = await db
      .selectFrom('candidature as c')
      .innerJoin('candidat as ca', 'ca.id', 'c.candidat_id')
      .innerJoin('etablissement as e', 'e.id', 'c.etablissement_id')
      .leftJoin('compte_candidat as cc', 'cc.candidat_id', 'ca.id')
      .select(['ca.id', 'ca.nom', 'ca.prenom', 'c.email', 'e.id as etablissement_id', 'ca.academie_code'])
      .where('e.uai', '=', '0350711H')
      .where('c.etat', '=', 'inscrit')
      .where('c.email', 'is not', null)
      .where('cc.compte_id', 'is', null)
      .orderBy('ca.nom')
      .executeTakeFirstOrThrow();
    const login = `${loginDeBase(eleve.prenom, eleve.nom)}e2e`;
    const temporaire = genererMotDePasseTemporaire(randomInt, 10);
    const compte = await db
      .insertInto('compte')
      .values({ login, password_hash: await hacher(temporaire), mot_de_passe_temporaire: true, email: eleve.email, type: 'candidat' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'candidat', academie_code: eleve.academie_code }).execute();
    await db.insertInto('compte_candidat').values({ compte_id: compte.id, candidat_id: eleve.id, type_login: 'prenom_nom', etablissement_id: eleve.etablissement_id, genere_le: new Date() }).execute();

    const s = await nouvelleSession(browser, 'espace-candidat-papillon', { url: plateforme.url });
    const { page } = s;
    const PERSONNEL = 'Mon-Brevet-Perso-2027!';
    const OUBLIE = 'Retrouve-Mon-Espace-2027!';
    try {
      await connexionCandidat(page, login, temporaire);
      await page.waitForURL('**/espace-candidat/mot-de-passe');
      await s.verifier('changement-mot-de-passe');
      await page.locator('#ancien').fill(temporaire);
      await page.locator('#nouveau').fill(PERSONNEL);
      await page.locator('#confirmation').fill(PERSONNEL);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await attendreShell(page);
      expect((await messagesConsole(page)).join('\n')).toContain('Votre mot de passe a été modifié.');
      // A pupil of 3e: his name in the header, the DNB 2027 on the home page, no year of another session.
      await expect.poll(() => page.locator('.entete__qui').innerText()).toBe(`ACADEMIE DE RENNES - ${eleve.prenom} ${eleve.nom.toUpperCase()}`);
      await page.goto('/espace-candidat');
      await page.locator('#sessions-candidat').waitFor();
      const accueil = await page.locator('main').innerText();
      expect(accueil).toContain('Votre session d’examen : DNB 2027 — DIPLOME NATIONAL DU BREVET.');
      expect(accueil).not.toContain('2026');
      await s.verifier('accueil-eleve');
      await activite(page, "Mon récapitulatif d'inscription");
      await page.locator('.liste__table tbody tr').first().waitFor();
      expect(await page.locator('.liste__table tbody').innerText()).toContain('DNB 2027');
      await s.verifier('recapitulatif-eleve');
      // The DNB 2027 is not published yet.
      await activite(page, 'Mes résultats');
      await page.locator('.liste__table tbody tr').first().waitFor();
      expect(await page.locator('.liste__table tbody').innerText()).toMatch(/DNB 2027[\s\S]*Résultats non publiés/i);
      await page.locator('.liste__table tbody tr').first().click();
      await page.locator('#resultats-non-publies').waitFor();
      expect(await page.locator('#resultats-non-publies').innerText()).toContain('Vos résultats seront consultables ici dès leur publication');
      await s.verifier('resultats-non-publies');
      await quitter(page);

      // « Mot de passe oublié ? » on the candidate's entry: the mail waits in the outbox.
      await page.goto('/connexion/candidat');
      await page.getByLabel('Identifiant').fill(login);
      await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
      await page.locator('#message-connexion').waitFor();
      // The same sentence for every identifiant, never the address (issue 13 §8).
      expect(await page.locator('#message-connexion').innerText()).toContain("un courriel vient d'y être envoyé");
      await s.verifier('oubli-demande');
      // The link is written just after the answer.
      await expect.poll(() => db.selectFrom('mail').select('id').where('texte', 'like', `%${login}%`).executeTakeFirst()).toBeTruthy();
      const mail = await db.selectFrom('mail').select(['destinataires', 'texte']).where('texte', 'like', `%${login}%`).orderBy('cree_le', 'desc').executeTakeFirstOrThrow();
      expect(mail.destinataires).toEqual([eleve.email]);
      const lien = /https?:\/\/\S+\/reinitialiser-mot-de-passe\?jeton=\S+/.exec(mail.texte)?.[0];
      expect(lien).toBeTruthy();
      await page.goto(lien!);
      await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
      await page.locator('#nouveau').fill(OUBLIE);
      await page.locator('#confirmation').fill(OUBLIE);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Votre mot de passe a été modifié. Vous pouvez vous connecter.').waitFor();
      await s.verifier('reinitialisation-faite');

      await connexionCandidat(page, login, OUBLIE);
      await attendreShell(page);
      expect(page.url()).toMatch(/\/espace-candidat$/);
    } finally {
      await sortir(s);
    }
  });
});

describe('Gestion des candidats en établissement', () => {
  it('le gestionnaire positionne le service pour un établissement, puis le retire', async () => {
    const s = await nouvelleSession(browser, 'gestion-candidats', { url: plateforme.url });
    const { page } = s;
    const db = plateforme.platform.ctx.db;
    const service = async () => (await db.selectFrom('etablissement').select('service_gestion_candidats').where('uai', '=', '0350710G').executeTakeFirstOrThrow()).service_gestion_candidats;
    try {
      expect(await service()).toBe(false);
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await activite(page, 'Gestion des candidats en établissement');
      await page.locator('.liste__table tbody tr').first().waitFor();
      expect(await page.locator('#synthese-service').innerText()).toMatch(/établissements? sur \d+ dispose/);
      await s.verifier('liste');

      // The filter « Service de gestion des candidats : Oui » keeps DU PARC, not LA PROMENADE.
      await page.getByLabel('Service de gestion des candidats', { exact: true }).selectOption('true');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await expect.poll(async () => page.locator('.liste__table tbody').innerText()).toContain('0350711H');
      expect(await page.locator('.liste__table tbody').innerText()).not.toContain('0350710G');
      await page.getByRole('button', { name: 'Effacer filtre' }).click();

      await page.getByLabel('Filtrer par mot-clé').fill('0350710G');
      await expect.poll(() => page.locator('.liste__titre').innerText()).toBe('Établissements de l’académie (1 ligne)');
      const ligne = page.locator('.liste__table tbody tr').first();
      expect(await ligne.innerText()).toMatch(/LGT\s+LA PROMENADE\s+RENNES\s+Non/i);

      // Nothing ticked: said in the console.
      await page.getByRole('button', { name: 'Positionner le service' }).click();
      await expect.poll(async () => (await messagesConsole(page))[0]).toContain('Cochez d’abord');

      await page.getByLabel('Sélectionner LGT LA PROMENADE (0350710G)').check({ force: true });
      await page.getByRole('button', { name: 'Positionner le service' }).click();
      await expect.poll(async () => (await messagesConsole(page))[0]).toContain('Service de gestion des candidats positionné pour LGT LA PROMENADE (0350710G)');
      await expect.poll(() => ligne.innerText()).toMatch(/RENNES\s+Oui/i);
      expect(await service()).toBe(true);
      await s.verifier('positionne');

      await page.getByLabel('Sélectionner LGT LA PROMENADE (0350710G)').check({ force: true });
      await page.getByRole('button', { name: 'Retirer le service' }).click();
      await repondreConfirmation(page, 'Retirer le service de gestion des candidats', 'Retirer le service');
      await expect.poll(async () => (await messagesConsole(page))[0]).toContain('Service de gestion des candidats retiré pour LGT LA PROMENADE (0350710G)');
      await expect.poll(() => ligne.innerText()).toMatch(/RENNES\s+Non/i);
      expect(await service()).toBe(false);
      await s.verifier('retire');

      const journal = await db.selectFrom('audit_log').select('action').where('entite', '=', 'etablissement').where('acteur', '=', 'dec.rennes').orderBy('id').execute();
      expect(journal.map((j) => j.action)).toEqual(['etablissement.service-candidats-positionne', 'etablissement.service-candidats-retire']);
    } finally {
      await sortir(s);
    }
  });
});
