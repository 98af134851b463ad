// IMAG'IN centre d'examen on demo data (issue 5, seed 003 §4.2): « Convocation par mission » of LGT LA
// PROMENADE — the missions open to the centre's convocations, a mission's screen, the form « Détail de
// l'affectation » (a teacher of the établissement found by discipline, a date from the calendar), the
// new row « Convoquée par centre », its PDF, the ZIP of the centre's convocations, and the deletion
// that leaves the demo as it was. axe and a screenshot on every page visited. The mission and the
// teacher are chosen from what the demo holds (through the API, with the scenario's own session); the
// scenario always quits in the end: one IMAG'IN session per UAI at a time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireZip, textePdf } from '../src/server/testing/documents.ts';
import { dialogueConfirmation, refuserDialoguesNatifs, repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, DOSSIER_TELECHARGEMENTS, messagesConsole, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await navigateur();
});
afterAll(async () => {
  await browser?.close();
});

const LIGNES = '.liste__table tbody tr.liste__ligne';
const API = '/api/centre/convocation';

async function sortir(s: Session) {
  // Always leave the session, so the next scenario may open one for the same UAI.
  await quitter(s.page).catch(() => undefined);
  await s.fermer();
}

async function enregistrer(d: Download): Promise<Buffer> {
  const chemin = resolve(DOSSIER_TELECHARGEMENTS, `convocation-${d.suggestedFilename()}`);
  await d.saveAs(chemin);
  return readFileSync(chemin);
}

interface Choix {
  mission: { id: number; numero: number };
  discipline: string;
  enseignant: { id: number; nom: string; prenom: string };
}

/**
 * A mission where a teacher of the établissement can be convoked by discipline: no EC oral refusal, at
 * most one commission, jury and salle (chosen without asking), selectable dates; the demo's CORRECTION
 * DE COPIES missions first.
 */
async function choisir(page: Page): Promise<Choix> {
  const get = async (url: string) => {
    const r = await page.request.get(url);
    expect(r.status(), url).toBe(200);
    return r.json();
  };
  const missions = (await get(`${API}/missions`)).lignes as Array<{ id: number; numero: number; typeMission: string }>;
  const ordre = [...missions].sort((a, b) => Number(b.typeMission === 'CORRECTION DE COPIES') - Number(a.typeMission === 'CORRECTION DE COPIES'));
  const disciplines = (await get(`${API}/disciplines?q=`)).lignes as string[];
  const preferees = ['MATHEMATIQUES', 'PHYSIQUE-CHIMIE', 'ANGLAIS', ...disciplines];
  for (const m of ordre) {
    const d = await get(`${API}/missions/${m.id}`);
    if (d.refusEC || d.commissions.length > 1 || d.jurys.length > 1 || d.salles.length > 1) continue;
    const jours = d.commissions.length ? d.commissions[0].joursSelectionnables : d.joursSelectionnables;
    if (jours.length === 0) continue;
    for (const discipline of preferees.filter((x) => disciplines.includes(x))) {
      const e = await get(`${API}/missions/${m.id}/enseignants?discipline=${encodeURIComponent(discipline)}`);
      const libre = (e.lignes as Array<{ id: number; nom: string; prenom: string; dejaConvoque: boolean }>).find((x) => !x.dejaConvoque);
      if (libre) return { mission: m, discipline, enseignant: libre };
    }
  }
  throw new Error('La démonstration n’a pas de mission où convoquer un enseignant de LA PROMENADE par discipline.');
}

describe('Convocation par mission (centre d’examen)', () => {
  it('convoque un enseignant par discipline, le voit « Convoquée par centre », télécharge sa convocation et le ZIP', async () => {
    const s = await nouvelleSession(browser, 'centre-convocation');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Convocation par mission', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['N°', 'Session examen', 'Spécialité', 'Epreuve-option', 'Type de mission', 'Début', 'Nbr itv.', 'Signature convocation'].map((t) => expect.stringContaining(t)),
      );
      // Sorted by start date; the years offered are N−3 … N+1.
      const debuts = await page.locator(LIGNES).evaluateAll((trs) => trs.map((tr) => (tr.querySelectorAll('td')[5] as HTMLElement).innerText.trim().split('/').reverse().join('-')));
      expect(debuts).toEqual([...debuts].sort());
      expect(await page.locator('#filtre-annees input[type="checkbox"]').count()).toBe(5);
      await s.verifier('convocation-liste');

      const c = await choisir(page);
      await page.getByLabel('Filtrer par mot-clé').fill(String(c.mission.numero));
      await expect.poll(() => page.locator(LIGNES).count()).toBe(1);
      await page.locator(LIGNES).first().click();
      await page.getByRole('heading', { name: 'Mission sélectionnée' }).waitFor();
      expect(await page.locator('.detail__grille').first().innerText()).toContain(String(c.mission.numero));
      await page.getByRole('heading', { name: /^Liste des intervenants convoqués/ }).waitFor();
      await s.verifier('convocation-mission');

      // « Détail de l'affectation »: the teachers of the discipline, all checked; keep one.
      await page.getByRole('button', { name: 'Convoquer des intervenants' }).click();
      await page.getByRole('heading', { name: /^Détail de l'affectation/ }).waitFor();
      // « Convoquer » on the empty form: each missing field says so; each message goes away as soon as
      // its field is filled in, not at the next « Convoquer ».
      const erreurIntervenants = page.locator('#intervenants-identifies .fr-message--error');
      const erreurDates = page.locator('.formulaire-affectation .fr-message--error', { hasText: "Dates de l'affectation" });
      await page.getByRole('button', { name: 'Convoquer', exact: true }).click();
      await expect.poll(() => erreurIntervenants.allInnerTexts()).toEqual(['Intervenant(s) : recherchez et cochez au moins un intervenant à convoquer.']);
      await expect.poll(() => erreurDates.count()).toBe(1);
      expect(await page.locator('#intervenants-identifies').getAttribute('class')).toContain('fr-fieldset--error');
      await page.locator('#intervenants-identifies').scrollIntoViewIfNeeded();
      await s.verifier('convocation-formulaire-vide');
      await page.locator('#recherche-discipline').fill(c.discipline);
      const cases = page.locator('#intervenants-identifies input[name="personneIds"]:not([disabled])');
      await expect.poll(() => cases.count()).toBeGreaterThan(0);
      const n = await cases.count();
      await expect.poll(() => page.locator('#intervenants-identifies input[name="personneIds"]:checked').count()).toBe(n);
      // The teachers found are checked: the field is valid, its message is gone (the dates' one stays).
      await expect.poll(() => erreurIntervenants.count()).toBe(0);
      expect(await page.locator('#intervenants-identifies').getAttribute('class')).not.toContain('fr-fieldset--error');
      expect(await erreurDates.count()).toBe(1);
      await page.locator('#intervenants-identifies').scrollIntoViewIfNeeded();
      await s.verifier('convocation-formulaire-discipline');
      await page.getByLabel('Tout sélectionner').uncheck({ force: true });
      await page.locator(`#intervenants-identifies input[name="personneIds"][value="${c.enseignant.id}"]`).check({ force: true });
      expect(await page.locator('#intervenants-identifies input[name="personneIds"]:checked').count()).toBe(1);

      // The calendar: the mission's dates highlighted, the others greyed; one date chosen.
      const proposees = page.locator('.calendrier-affectation button[aria-pressed]');
      await expect.poll(() => proposees.count()).toBeGreaterThan(0);
      expect(await page.locator('.calendrier-affectation button[disabled]').count()).toBeGreaterThan(0);
      await proposees.first().click();
      await expect.poll(() => proposees.first().getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('#dates-selectionnees tbody tr input').count()).toBe(2);
      await expect.poll(() => erreurDates.count()).toBe(0);
      await page.locator('#dates-selectionnees').scrollIntoViewIfNeeded();
      await s.verifier('convocation-formulaire-dates');

      await page.getByRole('button', { name: 'Convoquer', exact: true }).click();
      // The centre decides on overlaps; a COEC asks whether to keep the input on the mission.
      const fin = page.getByRole('heading', { name: /^Liste des intervenants convoqués/ });
      const chevauchement = page.getByRole('button', { name: 'Convoquer quand même' });
      const coec = page.locator('#modale-report-coec');
      // isVisible answers at once; evaluate() would wait for a modal that only COEC missions have.
      const coecOuverte = page.locator('#modale-report-coec.fr-modal--opened');
      await expect.poll(async () => (await fin.isVisible()) || (await chevauchement.isVisible()) || (await coecOuverte.isVisible())).toBe(true);
      if (await chevauchement.isVisible()) {
        await s.verifier('convocation-chevauchement');
        await chevauchement.click();
      }
      if (await coecOuverte.isVisible()) {
        await s.verifier('convocation-report-coec');
        await coec.getByRole('button', { name: 'Oui' }).click();
      }
      await fin.waitFor();
      await expect.poll(async () => (await messagesConsole(page)).join('\n')).toContain(`${c.enseignant.nom} ${c.enseignant.prenom}`);
      const ligne = page.locator(LIGNES).filter({ hasText: c.enseignant.nom }).filter({ hasText: c.enseignant.prenom });
      await expect.poll(() => ligne.count()).toBe(1);
      expect(await ligne.innerText()).toContain('Convoquée par centre');
      await ligne.scrollIntoViewIfNeeded();
      await s.verifier('convocation-convoquee');

      // Its convocation: a PDF named nom_prénom, with the identifiant and the centre's mention.
      const [pdf] = await Promise.all([page.waitForEvent('download'), ligne.getByRole('button', { name: `Convocation PDF de ${c.enseignant.nom} ${c.enseignant.prenom}` }).click()]);
      const propre = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
      expect(pdf.suggestedFilename()).toBe(`${propre(c.enseignant.nom)}_${propre(c.enseignant.prenom)}_${c.mission.numero}.pdf`);
      const texte = (await textePdf(await enregistrer(pdf))).pages.join(' ');
      expect(texte).toContain("Dossier suivi par le centre d'examen");
      expect(texte).toContain("Identifiant IMAG'IN");
      expect(texte).toContain(`N° ${c.mission.numero}`);

      // The ZIP of the centre's convocations displayed: SIGLE_MISSION_AAAAMMJJ.zip, one PDF each.
      const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger convocations (zip)' }).click()]);
      expect(zip.suggestedFilename()).toMatch(new RegExp(`^[A-Z0-9-]+_${c.mission.numero}_\\d{8}\\.zip$`));
      const entrees = lireZip(await enregistrer(zip));
      expect(entrees.length).toBeGreaterThan(0);
      expect(entrees.map((e) => e.nom)).toContain(pdf.suggestedFilename());
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain('Convocations téléchargées');
      await s.verifier('convocation-telechargements');

      // « Envoyer convocations par mail »: a treatment, whose compte rendu is one link away.
      await page.getByRole('button', { name: 'Envoyer convocations par mail' }).click();
      const lien = page.getByRole('link', { name: 'Afficher le compte rendu de l’envoi' });
      await lien.waitFor();
      await lien.click();
      await page.getByRole('heading', { name: 'Compte rendu du traitement' }).waitFor();
      await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('Compte rendu : ');
      await s.verifier('convocation-compte-rendu-envoi');
      await page.locator('#menu').getByRole('link', { name: 'Convocation par mission', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      await page.getByLabel('Filtrer par mot-clé').fill(String(c.mission.numero));
      await expect.poll(() => page.locator(LIGNES).count()).toBe(1);
      await page.locator(LIGNES).first().click();
      await page.getByRole('heading', { name: /^Liste des intervenants convoqués/ }).waitFor();
      await expect.poll(() => ligne.count()).toBe(1);

      // « Modifier »: the same form, for this intervenant; another hour.
      await ligne.getByRole('button', { name: `Modifier la convocation de ${c.enseignant.nom} ${c.enseignant.prenom}` }).click();
      await page.getByRole('heading', { name: `Détail de l'affectation — ${c.enseignant.nom} ${c.enseignant.prenom}` }).waitFor();
      const heureFin = page.locator('#dates-selectionnees tbody tr').first().locator('input').nth(1);
      await heureFin.fill('11:00');
      await page.locator('#dates-selectionnees').scrollIntoViewIfNeeded();
      await s.verifier('convocation-modification');
      await page.getByRole('button', { name: 'Enregistrer la convocation' }).click();
      const confirmer = page.getByRole('button', { name: 'Convoquer quand même' });
      await expect.poll(async () => (await fin.isVisible()) || (await confirmer.isVisible())).toBe(true);
      if (await confirmer.isVisible()) await confirmer.click();
      await fin.waitFor();
      await expect.poll(async () => (await messagesConsole(page))[0] ?? '').toContain(`Convocation de ${c.enseignant.nom} ${c.enseignant.prenom} modifiée`);

      // Deleted again: the demo stays as it was for the other scenarios.
      const natifs = refuserDialoguesNatifs(page);
      await ligne.getByRole('button', { name: `Supprimer la convocation de ${c.enseignant.nom} ${c.enseignant.prenom}` }).click();
      const modale = dialogueConfirmation(page, 'Supprimer la convocation');
      await modale.waitFor({ state: 'visible' });
      expect(await modale.innerText()).toContain(`Supprimer la convocation de ${c.enseignant.nom} ${c.enseignant.prenom} ?`);
      await s.verifier('convocation-suppression');
      await repondreConfirmation(page, 'Supprimer la convocation', 'Supprimer');
      expect(natifs).toEqual([]);
      await expect.poll(() => ligne.count()).toBe(0);
      expect((await messagesConsole(page))[0]).toContain("n'est plus convoqué");
    } finally {
      await sortir(s);
    }
  });

  it('COEC HLP : un intervenant par « NOM Prénom », la date du gestionnaire, « Saisie sur la mission », les profils HLP', async () => {
    const s = await nouvelleSession(browser, 'centre-convocation-coec');
    const { page } = s;
    try {
      await seConnecter(s, 'ce.0350710g', 'imagin-etablissement');
      await attendreShell(page);
      await page.locator('#menu').getByRole('link', { name: 'Convocation par mission', exact: true }).click();
      await page.locator(LIGNES).first().waitFor();
      // The demo's HLP COEC mission (MISSIONS_CENTRE_DEMO.coecHlp), open without targeting.
      const missions = (await (await page.request.get(`${API}/missions`)).json()).lignes as Array<{ id: number; numero: number; typeCode: string }>;
      const m = missions.find((x) => x.numero === 140001 && x.typeCode === 'COEC');
      expect(m, 'la mission COEC HLP 140001 de la démonstration').toBeDefined();
      const detail = await (await page.request.get(`${API}/missions/${m!.id}`)).json();
      const lettres = ((await (await page.request.get(`${API}/missions/${m!.id}/enseignants?discipline=LETTRES%20MODERNES`)).json()).lignes as Array<{ id: number; nom: string; prenom: string; dejaConvoque: boolean }>).find(
        (x) => !x.dejaConvoque,
      );
      expect(lettres, 'un professeur de lettres de LA PROMENADE libre').toBeDefined();

      await page.getByLabel('Filtrer par mot-clé').fill('140001');
      await expect.poll(() => page.locator(LIGNES).count()).toBe(1);
      await page.locator(LIGNES).first().click();
      await page.getByRole('heading', { name: 'Mission sélectionnée' }).waitFor();
      await expect.poll(() => page.locator('#avertissement-hlp').innerText()).toContain('Il manque un professeur de lettres et un professeur de philosophie');
      await s.verifier('coec-mission');

      await page.getByRole('button', { name: 'Convoquer des intervenants' }).click();
      await page.getByRole('heading', { name: /^Détail de l'affectation/ }).waitFor();
      // « NOM Prénom »: suggestions as you type; the one chosen joins the identified intervenants.
      await page.locator('#recherche-nom').fill(`${lettres!.nom} ${lettres!.prenom.slice(0, 2)}`);
      const option = page.locator('#recherche-nom-liste option');
      await expect.poll(() => option.count()).toBeGreaterThan(0);
      const valeur = (await option.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v.startsWith(`${lettres!.nom} ${lettres!.prenom}`))!;
      await page.locator('#recherche-nom').fill(valeur);
      await expect.poll(() => page.locator(`#intervenants-identifies input[value="${lettres!.id}"]:checked`).count()).toBe(1);
      expect(await page.locator('#recherche-nom').inputValue()).toBe('');
      // The observation is prefilled with the mission's default text; only the gestionnaire's date is offered.
      expect(await page.locator('#observation').inputValue()).toBe(detail.observation);
      const proposees = page.locator('.calendrier-affectation button[aria-pressed]');
      await expect.poll(() => proposees.count()).toBe(1);
      expect(await proposees.first().getAttribute('data-date')).toBe(detail.regles.dateLimitee);
      await proposees.first().click();
      await page.locator('#dates-selectionnees').scrollIntoViewIfNeeded();
      await s.verifier('coec-formulaire');

      await page.getByRole('button', { name: 'Convoquer', exact: true }).click();
      const coec = page.locator('#modale-report-coec');
      const chevauchement = page.getByRole('button', { name: 'Convoquer quand même' });
      await expect.poll(async () => (await chevauchement.isVisible()) || (await page.locator('#modale-report-coec.fr-modal--opened').isVisible())).toBe(true);
      if (await chevauchement.isVisible()) await chevauchement.click();
      await expect.poll(() => coec.evaluate((e) => e.classList.contains('fr-modal--opened'))).toBe(true);
      expect(await coec.innerText()).toContain('Souhaitez-vous enregistrer votre saisie sur la mission ?');
      await s.verifier('coec-saisie-sur-la-mission');
      await coec.getByRole('button', { name: 'Oui' }).click();
      await page.getByRole('heading', { name: /^Liste des intervenants convoqués/ }).waitFor();
      await expect.poll(async () => (await messagesConsole(page)).join('\n')).toContain('Dates et observations enregistrées sur la mission.');
      expect((await messagesConsole(page)).join('\n')).toContain('Il manque un professeur de philosophie.');
      const ligne = page.locator(LIGNES).filter({ hasText: lettres!.nom });
      expect(await ligne.innerText()).toContain('Convoquée par centre');
      // The date carried over is selected beforehand in the next form.
      const apres = await (await page.request.get(`${API}/missions/${m!.id}`)).json();
      expect(apres.datesReportees.map((d: { jour: string }) => d.jour)).toEqual([detail.regles.dateLimitee]);
      await ligne.scrollIntoViewIfNeeded();
      await s.verifier('coec-convoquee');

      await ligne.getByRole('button', { name: `Supprimer la convocation de ${lettres!.nom} ${lettres!.prenom}` }).click();
      await repondreConfirmation(page, 'Supprimer la convocation', 'Supprimer');
      await expect.poll(() => ligne.count()).toBe(0);
    } finally {
      await sortir(s);
    }
  });
});
