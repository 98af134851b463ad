// IMAG'IN gestionnaire DEC on demo data (issue 5): dec.rennes creates a mission targeted for
// convocation by the établissement, with two dates and a commission (after a wrong hour, shown
// beside its field), convokes an intervenant on it and downloads the convocation's PDF; then the
// qualités and the intervenants (creation of an unknown one). axe and a screenshot on every page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

async function activite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
}

async function sortir(s: Session) {
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

async function lignes(page: Page, portee = page.locator('body')): Promise<string[][]> {
  return portee.locator('.liste__table tbody tr.liste__ligne').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

/** The first real option of a select (not the empty one). */
async function choisirPremiere(page: Page, selecteur: string) {
  const select = page.locator(selecteur);
  await expect.poll(() => select.locator('option:not([value=""])').count()).toBeGreaterThan(0);
  const valeur = await select.locator('option:not([value=""])').first().getAttribute('value');
  await select.selectOption(valeur!);
}

describe('Missions et convocations (gestionnaire DEC)', () => {
  it('crée une mission ciblée (deux dates, une commission), y convoque un intervenant et télécharge la convocation', async () => {
    const s = await nouvelleSession(browser, 'gestion-missions');
    const { page } = s;
    const numero = '990001';
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await activite(page, 'Missions et convocations');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['N°', 'Session examen', 'Spécialité', 'Epreuve-option', 'Type de mission', 'Centre', 'Début', 'Nbr. itv.', 'Ciblée'].map((t) => expect.stringContaining(t)),
      );
      await s.verifier('missions-liste');

      // Creation: session, spécialité and épreuve in dependent lists, type, centre, dates, a commission.
      await page.getByRole('button', { name: 'Créer une mission' }).click();
      await page.getByRole('heading', { name: 'Créer une mission' }).waitFor();
      await page.getByLabel('Numéro de mission').fill(numero);
      await page.locator('#mission-session').selectOption({ label: '470, BCG, 2026-06, BGT 2026' });
      await choisirPremiere(page, '#mission-specialite');
      await choisirPremiere(page, '#mission-epreuve');
      await page.locator('#mission-type').selectOption({ label: 'CORRECTION DE COPIES' });
      await page.locator('#mission-centre').fill('0350710G');
      await page.locator('input[name="mission-dates-0-jour"]').fill('06/07/2026');
      await page.locator('input[name="mission-dates-0-debut"]').fill('08:00');
      await page.locator('input[name="mission-dates-0-fin"]').fill('12:00');
      await page.getByRole('button', { name: 'Ajouter une date de la mission' }).click();
      await page.locator('input[name="mission-dates-1-jour"]').fill('07/07/2026');
      await page.locator('input[name="mission-dates-1-debut"]').fill('13:30');
      // A wrong hour: the server names the field, beside it and in the console.
      await page.locator('input[name="mission-dates-1-fin"]').fill('11:00');
      await page.getByRole('button', { name: 'Ajouter une commission' }).click();
      await page.locator('#commission-0-code').fill('E2E1');
      await page.locator('#commission-0-nb').fill('12');
      await page.getByRole('button', { name: 'Ajouter une date de la commission E2E1' }).click();
      await page.locator('input[name="commission-0-dates-0-jour"]').fill('07/07/2026');
      await page.locator('input[name="commission-0-dates-0-debut"]').fill('13:30');
      await page.locator('input[name="commission-0-dates-0-fin"]').fill('17:30');
      await page.getByLabel('Observation par défaut').fill('Présentez-vous à l’accueil du lycée à 7 h 45.');
      await page.getByLabel('Chef de centre').check({ force: true });
      await page.getByLabel('Ciblée pour convocation en établissement').check({ force: true });
      await s.verifier('mission-formulaire');
      await page.getByRole('button', { name: 'Créer la mission' }).click();
      const erreur = page.locator('.formulaire-mission .fr-message--error, .formulaire-mission .fr-error-text');
      await expect.poll(async () => (await erreur.allInnerTexts()).join(' ')).toContain("L'heure de fin n° 2 de la mission (11:00) doit être postérieure à l'heure de début (13:30)");
      expect(await page.locator('input[name="mission-dates-1-fin"]').getAttribute('aria-invalid')).toBe('true');
      expect(await premierMessage(page)).toContain("L'heure de fin n° 2 de la mission");
      await s.verifier('mission-erreur-heure');

      await page.locator('input[name="mission-dates-1-fin"]').fill('17:30');
      await page.getByRole('button', { name: 'Créer la mission' }).click();
      await page.getByRole('heading', { name: `Mission n° ${numero}` }).waitFor();
      await expect.poll(() => premierMessage(page)).toContain(`Mission n° ${numero} créée.`);
      const details = (await page.locator('.detail__grille').allInnerTexts()).join('\n');
      for (const attendu of ['CORRECTION DE COPIES', '06/07/2026', '470, BCG, 2026-06, BGT 2026', 'LGT LA PROMENADE RENNES (0350710G)', 'E2E1 (12 candidats, 07/07/2026 13:30-17:30)', 'Chef de centre']) {
        expect(details).toContain(attendu);
      }
      await s.verifier('mission-creee');

      // Convocation: « NOM Prénom » among the académie's persons; the unique commission is chosen by itself.
      await page.getByRole('button', { name: 'Ajouter une convocation' }).click();
      await page.getByRole('heading', { name: /Détail de l’affectation/ }).waitFor();
      await page.getByLabel('Rechercher l’intervenant').fill('martin-demo');
      const premier = page.locator('.formulaire-convocation input[name="personne"]').first();
      await premier.waitFor();
      const libelle = await page.locator('.formulaire-convocation .fr-radio-group label').first().innerText();
      const nom = libelle.split('\n')[0]!.trim();
      await premier.check({ force: true });
      await page.locator('#convocation-qualite').selectOption({ label: 'Correcteur' });
      expect(await page.locator('#convocation-commission').inputValue()).not.toBe('');
      expect(await page.getByLabel('Observations sur la convocation').inputValue()).toBe('Présentez-vous à l’accueil du lycée à 7 h 45.');
      await s.verifier('convocation-formulaire');
      await page.getByRole('button', { name: 'Convoquer', exact: true }).click();
      await expect.poll(() => premierMessage(page)).toContain(`convoqué(e) sur la mission n° ${numero}`);
      const section = page.locator('section[aria-labelledby="titre-convocations"]');
      await expect.poll(async () => (await lignes(page, section)).length).toBe(1);
      const ligne = (await lignes(page, section))[0]!;
      expect(`${ligne[0]} ${ligne[1]}`).toBe(nom);
      expect(ligne[4]).toBe('Correcteur');
      expect(ligne[5]).toBe('Com. E2E1');
      expect(ligne[6]).toContain('07/07/2026');
      expect(ligne[7]).toBe('Convoquée');
      await s.verifier('convocation-creee');

      // The PDF of the convocation.
      const [pdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /^Convocation PDF de/ }).click()]);
      expect(pdf.suggestedFilename()).toMatch(new RegExp(`_${numero}\\.pdf$`));
      const chemin = resolve(DOSSIER_TELECHARGEMENTS, `gestion-${pdf.suggestedFilename()}`);
      await pdf.saveAs(chemin);
      expect(readFileSync(chemin).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => premierMessage(page)).toContain('Convocation téléchargée');
      // « Dernière convoc. » is now set.
      await expect.poll(async () => (await lignes(page, section))[0]![8]).toMatch(/\d{2}\/\d{2}\/\d{4}/);

      // Back to the list: the mission, its convoked intervenant, « Ciblée ».
      await page.getByRole('button', { name: 'Retour' }).click();
      // The list restores its own keyword when it mounts: type it again until the filter holds.
      await expect
        .poll(async () => {
          await page.getByLabel('Filtrer par mot-clé').fill(numero);
          return (await lignes(page)).length;
        })
        .toBe(1);
      const l = (await lignes(page))[0]!;
      expect(l[0]).toBe(numero);
      expect(l[7]).toBe('1');
      expect(l[8]).toBe('Oui');
    } finally {
      await sortir(s);
    }
  });

  it('tient la liste des qualités et crée un intervenant inconnu de l’académie', async () => {
    const s = await nouvelleSession(browser, 'gestion-qualites-intervenants');
    const { page } = s;
    try {
      await seConnecter(s, 'dec.rennes', 'imagin-gestion');
      await attendreShell(page);
      await activite(page, 'Qualités');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      await s.verifier('qualites-liste');
      await page.getByRole('button', { name: 'Ajouter une qualité' }).click();
      await page.getByLabel('Libellé').fill('Président de jury');
      await page.getByRole('button', { name: 'Ajouter la qualité' }).click();
      await expect.poll(async () => (await page.locator('.formulaire-qualite .fr-error-text, .formulaire-qualite .fr-message--error').allInnerTexts()).join(' ')).toContain('existe déjà dans votre académie');
      await s.verifier('qualites-doublon');
      await page.getByLabel('Libellé').fill('Examinateur E2E');
      await page.getByLabel('Qualité SANTORIN').check({ force: true });
      await page.getByRole('button', { name: 'Ajouter la qualité' }).click();
      await expect.poll(() => premierMessage(page)).toContain('Qualité « Examinateur E2E » ajoutée.');
      await page.getByLabel('Filtrer par mot-clé').fill('Examinateur E2E');
      await expect.poll(async () => (await lignes(page)).length).toBe(1);
      expect((await lignes(page))[0]!.slice(0, 4)).toEqual(['Examinateur E2E', 'Oui', 'Non', 'Oui']);

      await activite(page, 'Intervenants');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      await s.verifier('intervenants-liste');
      await page.getByRole('button', { name: 'Créer un intervenant' }).click();
      await page.getByRole('heading', { name: 'Créer un intervenant' }).waitFor();
      await page.getByLabel('Mme').check({ force: true });
      await page.locator('#intervenant-nom').fill('Nouvelle-e2e');
      await page.locator('#intervenant-prenom').fill('Léna');
      await page.locator('input[name="dateNaissance"]').fill('31/02/1985');
      await page.getByLabel('NUMEN').fill('14X');
      await page.getByRole('button', { name: 'Créer l’intervenant' }).click();
      await expect.poll(async () => (await page.locator('.formulaire-intervenant .fr-message--error, .formulaire-intervenant .fr-error-text').allInnerTexts()).join(' ')).toContain("La date de naissance (31/02/1985) n'existe pas.");
      expect(await page.getByLabel('NUMEN').getAttribute('aria-invalid')).toBe('true');
      await s.verifier('intervenant-erreurs');
      await page.locator('input[name="dateNaissance"]').fill('28/02/1985');
      await page.getByLabel('NUMEN').fill('');
      await page.getByLabel('Établissement principal (UAI)').fill('0350710G');
      await page.getByRole('button', { name: 'Créer l’intervenant' }).click();
      await page.getByRole('heading', { name: 'Intervenant sélectionné' }).waitFor();
      await expect.poll(() => page.locator('.detail__grille').innerText()).toContain('Mme NOUVELLE-E2E Léna');
      expect(await page.locator('.detail__grille').innerText()).toContain('LGT LA PROMENADE RENNES (0350710G)');
      await expect.poll(() => premierMessage(page)).toContain('Intervenant Mme NOUVELLE-E2E Léna créé');
      await s.verifier('intervenant-cree');
    } finally {
      await sortir(s);
    }
  });
});
