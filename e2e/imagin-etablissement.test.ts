// IMAG'IN service établissement on demo data (issue 4, seed 003 §3.1–3.4): consultation des
// personnels (filters, tabs, exports, duplicata), saisie d'indisponibilité, saisie des compétences,
// validation; and the gestionnaire who sees the validation and reopens it. axe and a screenshot on
// every page visited. Each scenario logs out in the end (one IMAG'IN session per UAI at a time).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogueConfirmation, refuserDialoguesNatifs, repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

async function lignesAffichees(page: Page, portee = page.locator('body')): Promise<string[][]> {
  return portee.locator('.liste__table tbody tr.liste__ligne').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

async function compteDuTitre(page: Page, n = 0): Promise<number> {
  const t = await page.locator('.liste__titre').nth(n).innerText();
  const m = /\(([\d\s\u202f\u00a0]+) lignes?\)$/.exec(t);
  if (!m) throw new Error(`Titre sans nombre de lignes : ${t}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

async function activite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
}

async function sortir(s: Session) {
  // Always leave the session, so the next scenario may open one for the same UAI.
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function premierMessage(page: Page): Promise<string> {
  return (await messagesConsole(page))[0] ?? '';
}

describe('Consultation des personnels', () => {
  it('filtre par période, ouvre un agent, ses trois onglets, télécharge les personnels affichés et un duplicata', async () => {
    const s = await nouvelleSession(browser, 'etab-consultation');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, 'Consultation des personnels');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      const total = await compteDuTitre(page);
      expect(total).toBeGreaterThan(5);
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(['Nom', 'Prénom', 'Discipline de poste', 'Dernière convoc.'].map((t) => expect.stringContaining(t)));
      await s.verifier('consultation-liste');

      // The period is required, in JJ/MM/AAAA.
      await page.getByRole('button', { name: 'Filtrer personnels' }).click();
      await expect.poll(async () => (await page.locator('.fr-message--error').allInnerTexts()).join(' ')).toContain('La date de début de la période est obligatoire');
      expect(await premierMessage(page)).toContain('Erreur : La date de début de la période est obligatoire');
      await s.verifier('consultation-filtre-obligatoire');

      // Available over a period: fewer or as many personnels.
      await page.getByLabel('de disponibilité').check({ force: true });
      await page.locator('input[name="du"]').fill('01/06/2026');
      await page.locator('input[name="au"]').fill('30/06/2026');
      await page.getByRole('button', { name: 'Filtrer personnels' }).click();
      await expect.poll(async () => page.locator('body').innerText()).toContain('Personnels disponibles du 01/06/2026 au 30/06/2026');
      await expect.poll(() => page.locator('.liste__chargement').count()).toBe(0);
      const disponibles = await compteDuTitre(page);
      expect(disponibles).toBeLessThanOrEqual(total);
      await s.verifier('consultation-filtre-disponibilite');
      await page.getByLabel('de convocation').check({ force: true });
      await page.getByRole('button', { name: 'Filtrer personnels' }).click();
      await expect.poll(async () => page.locator('body').innerText()).toContain('Personnels convoqués du 01/06/2026 au 30/06/2026');
      await page.getByRole('button', { name: 'Effacer filtre' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);
      expect(await page.locator('input[name="du"]').inputValue()).toBe('');

      // CSV of the displayed rows: a keyword narrows the list, the file holds exactly those rows.
      const toutes = await lignesAffichees(page);
      const mot = toutes[0]![0]!.slice(0, 3);
      await page.getByLabel('Filtrer par mot-clé').fill(mot);
      await expect.poll(async () => (await lignesAffichees(page)).length).toBeLessThanOrEqual(total);
      await page.waitForTimeout(300);
      const affichees = await lignesAffichees(page);
      expect(await compteDuTitre(page)).toBe(affichees.length);
      await page.getByRole('group', { name: 'Télécharger les personnels', exact: true }).getByRole('button', { name: 'Format CSV' }).click();
      const modale = page.locator('#modale-annees-missions');
      await expect.poll(() => modale.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      expect(await modale.locator('input[type="checkbox"]').count()).toBeGreaterThan(0);
      expect(await modale.locator('input[type="checkbox"]:checked').count()).toBeGreaterThan(0);
      await s.verifier('consultation-annees-missions');
      const [csv] = await Promise.all([page.waitForEvent('download'), modale.getByRole('button', { name: 'Télécharger' }).click()]);
      const cheminCsv = resolve(DOSSIER_TELECHARGEMENTS, `etab-${csv.suggestedFilename()}`);
      await csv.saveAs(cheminCsv);
      const lignesCsv = readFileSync(cheminCsv, 'utf8').replace(/^\ufeff/, '').trimEnd().split(/\r?\n/);
      expect(lignesCsv[0]).toBe('Nom;Prénom;Discipline de poste;Dernière convoc.');
      expect(lignesCsv.length - 1).toBe(affichees.length);
      expect(lignesCsv[1]!.split(';').slice(0, 2)).toEqual(affichees[0]!.slice(0, 2));
      await expect.poll(() => premierMessage(page)).toContain(`(${affichees.length} personnel`);
      await page.getByLabel('Filtrer par mot-clé').fill('');

      // An agent convoked at least once: his three tabs.
      await expect.poll(() => compteDuTitre(page)).toBe(total);
      const index = toutes.findIndex((l) => l[3] && l[3] !== '—');
      expect(index).toBeGreaterThanOrEqual(0);
      await page.locator('.liste__table tbody tr.liste__ligne').nth(index).click();
      await page.getByRole('heading', { name: 'Agent sélectionné' }).waitFor();
      expect(await page.locator('.detail__grille').innerText()).toContain(toutes[index]![0]!);
      await page.getByRole('tab', { name: 'Affectations convoquées' }).waitFor();
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      expect(await page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des missions convoquées \(\d+ lignes?\)$/);
      await s.verifier('consultation-affectations');
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Duplicata PDF/ }).first().click()]);
      const cheminPdf = resolve(DOSSIER_TELECHARGEMENTS, `etab-${pdf.suggestedFilename()}`);
      await pdf.saveAs(cheminPdf);
      expect(readFileSync(cheminPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => premierMessage(page)).toContain('Duplicata de la convocation téléchargé');

      await page.getByRole('tab', { name: 'Indisponibilités' }).click();
      await expect.poll(async () => page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des indisponibilités \(\d+ lignes?\)$/);
      await s.verifier('consultation-indisponibilites');
      await page.getByRole('tab', { name: 'Enseignements' }).click();
      await expect.poll(async () => page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des enseignements \(\d+ lignes?\)$/);
      await s.verifier('consultation-enseignements');

      await page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(total);

      // An agent convoked by another académie: the summary of that convocation.
      await page.getByLabel('Filtrer par mot-clé').fill('MARTIN-DEMO');
      await expect.poll(() => compteDuTitre(page)).toBe(1);
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('tab', { name: 'Indisponibilités' }).click();
      await expect.poll(async () => page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des indisponibilités \(\d+ lignes?\)$/);
      const ligneToulouse = page.locator('.liste__table tbody tr.liste__ligne', { hasText: 'CONVOCATION PAR IMAGIN TOULOUSE' }).first();
      await ligneToulouse.getByRole('button', { name: /^Récapitulatif/ }).click();
      const recap = page.locator('#modale-recapitulatif-convocation');
      await expect.poll(() => recap.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      await expect.poll(() => recap.innerText()).toContain('Académie de Toulouse');
      await s.verifier('consultation-recapitulatif-convocation');
      await recap.getByRole('button', { name: 'Fermer' }).click();
      await expect.poll(() => recap.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(false);
    } finally {
      await sortir(s);
    }
  });
});

describe('Saisie d’indisponibilité', () => {
  it('dit la limite du motif (200 caractères, compteur), refuse au-delà sans couper, et replie un mot long dans la liste', async () => {
    const s = await nouvelleSession(browser, 'etab-indisponibilite-motif');
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, "Saisie d'indisponibilité");
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Personnel sélectionné' }).waitFor();
      await page.locator('.liste__titre').first().waitFor();
      const avant = await compteDuTitre(page);

      await page.getByRole('button', { name: 'Ajouter une indisponibilité' }).click();
      const motif = page.locator('#motif-indisponibilite');
      // The limit is said on the field, and the characters typed are counted.
      expect(await page.locator('label[for="motif-indisponibilite"]').innerText()).toContain('200 caractères au plus');
      const compteur = page.locator('#motif-indisponibilite-compteur');
      expect(await compteur.innerText()).toBe('0 / 200 caractères');
      expect((await motif.getAttribute('aria-describedby')) ?? '').toContain('motif-indisponibilite-compteur');
      // Nothing is cut silently: 230 characters stay in the field, the counter and the message say why it is refused.
      const tropLong = `STAGE ${'A'.repeat(224)}`;
      await motif.fill(tropLong);
      expect(await motif.inputValue()).toBe(tropLong);
      expect(await compteur.innerText()).toBe('230 / 200 caractères');
      await page.locator('input[name="dateDebut"]').fill('20/12/2030');
      await page.locator('input[name="dateFin"]').fill('20/12/2030');
      await page.getByRole('button', { name: 'Enregistrer l’indisponibilité' }).click();
      const erreur = 'Le motif ne doit pas dépasser 200 caractères (230 saisis).';
      await expect.poll(() => page.locator('.formulaire-indisponibilite .fr-message--error').allInnerTexts()).toContain(erreur);
      expect(await motif.getAttribute('aria-invalid')).toBe('true');
      expect(await premierMessage(page)).toContain(erreur);
      expect(await compteDuTitre(page)).toBe(avant);
      await s.verifier('indisponibilite-motif-trop-long');

      // 200 characters, one word with no space: saved whole, and the table keeps its width (the word wraps).
      const motLong = `ANTICONSTITUTIONNELLEMENT${'X'.repeat(175)}`;
      await motif.fill(motLong);
      expect(await compteur.innerText()).toBe('200 / 200 caractères');
      await expect.poll(() => page.locator('.formulaire-indisponibilite .fr-message--error').count()).toBe(0);
      await page.getByRole('button', { name: 'Enregistrer l’indisponibilité' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(avant + 1);
      const ligne = page.locator('.liste__table tbody tr.liste__ligne', { hasText: 'ANTICONSTITUTIONNELLEMENT' });
      expect((await ligne.locator('td').nth(4).innerText()).replace(/\s/g, '')).toBe(motLong);
      const largeurs = await page.evaluate(() => {
        const table = document.querySelector('.liste__table') as HTMLElement;
        const cadre = table.closest('.liste__defilement') as HTMLElement;
        return { table: table.scrollWidth, cadre: cadre.clientWidth, fenetre: document.documentElement.clientWidth, page: document.documentElement.scrollWidth };
      });
      expect(largeurs.table).toBeLessThanOrEqual(largeurs.cadre);
      expect(largeurs.page).toBeLessThanOrEqual(largeurs.fenetre);
      // The dates and the « ✗ » stay on the screen.
      const croix = ligne.getByRole('button', { name: /Supprimer l’indisponibilité du 20\/12\/2030/ });
      const boite = await croix.boundingBox();
      expect(boite && boite.x + boite.width).toBeLessThanOrEqual(1280);
      await s.verifier('indisponibilite-motif-long');

      await croix.click();
      await repondreConfirmation(page, 'Supprimer l’indisponibilité', 'Supprimer');
      await expect.poll(() => compteDuTitre(page)).toBe(avant);
    } finally {
      await sortir(s);
    }
  });

  it('refuse une fin avant le début, ajoute une indisponibilité (en tête) puis la supprime', async () => {
    const s = await nouvelleSession(browser, 'etab-indisponibilite');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, "Saisie d'indisponibilité");
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual([expect.stringContaining('Nom'), expect.stringContaining('Prénom'), expect.stringContaining('Date de naissance'), expect.stringContaining('Discipline de poste')]);
      await s.verifier('indisponibilite-liste');
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Personnel sélectionné' }).waitFor();
      await page.locator('.liste__titre').first().waitFor();
      const avant = await compteDuTitre(page);
      await s.verifier('indisponibilite-personnel');

      await page.getByRole('button', { name: 'Ajouter une indisponibilité' }).click();
      await page.locator('input[name="dateDebut"]').fill('14/12/2030');
      await page.locator('input[name="heureDebut"]').fill('08:00');
      await page.locator('input[name="dateFin"]').fill('10/12/2030');
      await page.locator('input[name="heureFin"]').fill('17:00');
      await page.getByLabel('Motif').fill('FORMATION E2E');
      await page.getByRole('button', { name: 'Enregistrer l’indisponibilité' }).click();
      const erreurFin = page.locator('.formulaire-indisponibilite .fr-message--error');
      await expect.poll(() => erreurFin.count()).toBeGreaterThan(0);
      const texteErreur = (await erreurFin.allInnerTexts()).join(' ');
      expect(texteErreur).toMatch(/fin|début/i);
      expect(await page.locator('input[name="dateFin"]').getAttribute('aria-invalid')).toBe('true');
      expect(await premierMessage(page)).toContain(texteErreur.trim());
      await s.verifier('indisponibilite-erreur');

      await page.locator('input[name="dateFin"]').fill('16/12/2030');
      await page.getByRole('button', { name: 'Enregistrer l’indisponibilité' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(avant + 1);
      const premiere = (await lignesAffichees(page))[0]!;
      expect(premiere.slice(0, 5)).toEqual(['14/12/2030', '08:00', '16/12/2030', '17:00', 'FORMATION E2E']);
      await expect.poll(() => premierMessage(page)).toContain('Indisponibilité ajoutée');
      await s.verifier('indisponibilite-ajoutee');

      // Deleting asks with the app's dialog (never the browser's confirm()); « Annuler » keeps it.
      const natifs = refuserDialoguesNatifs(page);
      const boutonSupprimer = page.getByRole('button', { name: 'Supprimer l’indisponibilité du 14/12/2030 au 16/12/2030' });
      await boutonSupprimer.click();
      const confirmation = dialogueConfirmation(page, 'Supprimer l’indisponibilité');
      await confirmation.waitFor({ state: 'visible' });
      expect(await confirmation.innerText()).toContain('Supprimer l’indisponibilité du 14/12/2030 au 16/12/2030 (motif : FORMATION E2E) ?');
      await s.verifier('indisponibilite-suppression-confirmation');
      await repondreConfirmation(page, 'Supprimer l’indisponibilité', 'Annuler');
      expect(await compteDuTitre(page)).toBe(avant + 1);
      await expect.poll(() => boutonSupprimer.evaluate((b) => b === document.activeElement)).toBe(true);
      await boutonSupprimer.click();
      await repondreConfirmation(page, 'Supprimer l’indisponibilité', 'Supprimer');
      expect(natifs).toEqual([]);
      await expect.poll(() => compteDuTitre(page)).toBe(avant);
      await expect.poll(() => premierMessage(page)).toContain('Indisponibilité supprimée.');
      expect((await lignesAffichees(page)).some((l) => l[4] === 'FORMATION E2E')).toBe(false);

      // Declared by another établissement or coming from a convocation: no « ✗ ».
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.getByLabel('Filtrer par mot-clé').fill('MARTIN-DEMO');
      await expect.poll(() => compteDuTitre(page)).toBe(1);
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Personnel sélectionné' }).waitFor();
      const autre = page.locator('.liste__table tbody tr.liste__ligne', { hasText: 'SECRETARIAT EXAMEN DNB' }).first();
      await autre.waitFor();
      expect(await autre.getByRole('button').count()).toBe(0);
      expect(await page.locator('.liste__table tbody tr.liste__ligne', { hasText: 'CONVOCATION PAR IMAGIN TOULOUSE' }).first().getByRole('button').count()).toBe(0);
    } finally {
      await sortir(s);
    }
  });
});

describe('Saisie des compétences', () => {
  it('ajoute une compétence par les listes de propositions, refuse le doublon, invalide puis reconnaît', async () => {
    // LA PROMENADE has compétences from several authors; every change made here is undone at the end.
    const s = await nouvelleSession(browser, 'etab-competences');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, 'Saisie des compétences');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      await s.verifier('competences-liste');
      const personnels = await lignesAffichees(page);
      const index = Math.max(
        0,
        personnels.findIndex((l) => l[3] === 'OUI'),
      );
      await page.locator('.liste__table tbody tr.liste__ligne').nth(index).click();
      await page.getByRole('heading', { name: 'Personnel sélectionné' }).waitFor();
      await page.getByRole('tab', { name: 'Liste des compétences' }).waitFor();
      await page.locator('.liste__titre').first().waitFor();
      await s.verifier('competences-personnel');
      const avant = await compteDuTitre(page);
      const epreuvesConnues = (await lignesAffichees(page)).map((l) => l[2]!);

      // « Ajouter une compétence »: exam, then spécialité and épreuve among the propositions.
      await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
      await page.locator('#examen-competence').selectOption({ index: 1 });
      const specialite = page.locator('input[name="specialite"]');
      const options = (champ: typeof specialite) => champ.evaluate((e) => [...((e as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
      await expect.poll(async () => (await options(specialite)).length).toBeGreaterThan(0);
      const toutesSpe = await options(specialite);
      await specialite.fill(toutesSpe[0]!.slice(0, 3));
      await expect.poll(async () => (await options(specialite)).every((o) => o.toLowerCase().includes(toutesSpe[0]!.slice(0, 3).toLowerCase()))).toBe(true);
      await specialite.fill(toutesSpe[0]!);
      const epreuve = page.locator('input[name="epreuve"]');
      await expect.poll(() => epreuve.isEnabled()).toBe(true);
      await expect.poll(async () => (await options(epreuve)).length).toBeGreaterThan(0);
      const choix = (await options(epreuve)).find((o) => !epreuvesConnues.includes(o));
      expect(choix).toBeTruthy();
      await epreuve.fill(choix!);
      await s.verifier('competences-ajout');
      await page.getByRole('button', { name: 'Ajouter la compétence' }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(avant + 1);
      await expect.poll(() => premierMessage(page)).toContain('Compétence ajoutée');
      const ajoutee = (await lignesAffichees(page)).find((l) => l[2] === choix)!;
      expect(ajoutee[3]).toContain('0350710G (C)');

      // The same again: refused, said in the console.
      await expect.poll(() => epreuve.inputValue()).toBe('');
      await expect.poll(async () => (await options(epreuve)).includes(choix!)).toBe(true);
      await epreuve.fill(choix!);
      await page.getByRole('button', { name: 'Ajouter la compétence' }).click();
      await expect
        .poll(() => premierMessage(page))
        .toContain("Erreur : Impossible de créer cette epreuve option. L'épreuve option que vous voulez ajouter existe déjà dans la liste des compétences.");
      await s.verifier('competences-doublon');
      await page.getByRole('button', { name: 'Fermer' }).click();

      // « × » then « + » on a compétence the établissement had recognised, with another author (back as it was).
      const lignes = await lignesAffichees(page);
      const cible = lignes.find((l) => l[2] !== choix && l[3]!.includes('0350710G (C)') && l[3] !== '0350710G (C)') ?? lignes.find((l) => l[2] !== choix && !l[3]!.includes('0350710G'));
      expect(cible, 'une compétence d’un autre auteur').toBeTruthy();
      await page.getByRole('button', { name: `Invalider la compétence ${cible![2]}` }).click();
      await expect.poll(async () => (await lignesAffichees(page)).find((l) => l[2] === cible![2])?.[3]).toContain('0350710G (I)');
      await s.verifier('competences-invalidee');
      await page.getByRole('button', { name: `Reconnaître la compétence ${cible![2]}` }).click();
      await expect.poll(async () => (await lignesAffichees(page)).find((l) => l[2] === cible![2])?.[3]).toContain('0350710G (C)');
      expect(await page.getByRole('button', { name: `Reconnaître la compétence ${cible![2]}` }).count()).toBe(0);

      // « × » on the compétence only the établissement gave: it leaves the list.
      await page.getByRole('button', { name: `Invalider la compétence ${choix}` }).click();
      await expect.poll(() => compteDuTitre(page)).toBe(avant);
      expect((await lignesAffichees(page)).some((l) => l[2] === choix)).toBe(false);

      await page.getByRole('tab', { name: 'Liste des enseignements' }).click();
      await expect.poll(async () => page.locator('.liste__titre').first().innerText()).toMatch(/^Liste des enseignements \(\d+ lignes?\)$/);
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['Libellé établissement', 'Module élémentaire de formation', 'Type de M.E.F.', 'Matière enseignée', 'Modalité cours'].map((t) => expect.stringContaining(t)),
      );
      await s.verifier('competences-enseignements');
    } finally {
      await sortir(s);
    }
  });
});

describe('Validation saisie compétence', () => {
  it('valide la saisie (compétences en lecture seule) ; le gestionnaire la voit validée et la rouvre', async () => {
    const s = await nouvelleSession(browser, 'etab-validation');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0120006s', 'imagin-etablissement');
      await attendreShell(page);
      await activite(page, 'Validation saisie compétence');
      await page.getByRole('button', { name: 'Valider' }).waitFor();
      await s.verifier('validation-formulaire');
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect.poll(() => premierMessage(page)).toContain("Cochez « J'ai terminé la saisie des compétences. » avant de valider.");
      await page.getByLabel("J'ai terminé la saisie des compétences. *").check({ force: true });
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect.poll(async () => page.locator('#etat-validation').innerText().catch(() => '')).toContain('Validée le');
      await expect.poll(() => premierMessage(page)).toContain('La saisie des compétences est validée');
      await s.verifier('validation-validee');

      await activite(page, 'Saisie des compétences');
      await page.locator('#message-lecture-seule').waitFor();
      expect(await page.locator('#message-lecture-seule').innerText()).toContain("elle n'est plus modifiable");
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Personnel sélectionné' }).waitFor();
      await page.locator('#message-lecture-seule').waitFor();
      await page.locator('.liste__titre').first().waitFor();
      expect(await page.getByRole('button', { name: 'Ajouter une compétence' }).count()).toBe(0);
      expect(await page.locator('.bouton-reconnaitre, .bouton-invalider').count()).toBe(0);
      await s.verifier('validation-competences-lecture-seule');
      await quitter(page);

      // The gestionnaire of the académie (Toulouse) sees it validated and reopens it.
      await seConnecter(s, 'dec.toulouse', 'imagin-gestion');
      await attendreShell(page);
      await activite(page, 'Suivi de la validation des compétences');
      await page.locator('.liste__table tbody tr.liste__ligne').first().waitFor();
      await page.getByLabel('Filtrer par mot-clé').fill('0120006S');
      await expect.poll(() => compteDuTitre(page)).toBe(1);
      expect((await lignesAffichees(page))[0]!.map((c) => c.toLowerCase())).toEqual(expect.arrayContaining(['0120006s', 'validée']));
      await s.verifier('gestion-suivi-validation');
      await page.locator('.liste__table tbody tr.liste__ligne').first().click();
      await page.getByRole('heading', { name: 'Établissement sélectionné' }).waitFor();
      await s.verifier('gestion-suivi-detail');
      await page.getByRole('button', { name: 'Rouvrir la saisie' }).click();
      await expect.poll(() => premierMessage(page)).toContain("est rouverte : l'établissement peut de nouveau la modifier.");
      await expect.poll(async () => page.locator('.detail__grille').innerText()).toContain('Rouverte');
      await page.getByRole('button', { name: 'Retour' }).click();
      await expect.poll(async () => (await lignesAffichees(page))[0]!.map((c) => c.toLowerCase())).toEqual(expect.arrayContaining(['0120006s', 'rouverte']));
    } finally {
      await sortir(s);
    }
  });
});
