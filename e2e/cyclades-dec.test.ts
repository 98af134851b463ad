// CYCLADES — the DEC's pages of the Bac Pro second group (issue 7) on demo data: dec.rennes locks the
// first group of BREQUIGNY's three juries and opens the épreuve de contrôle (140 → 198 → 200; LA
// PROMENADE's jury, still at 140, is refused with the French message), reads a jury's candidates and
// the explanation of a result, enters one candidate's contrôle grades by the form and the others by a
// CSV file (a faulty file first: nothing imported, errors by line); after the chef de centre opened the
// deliberation (through the API, with ce.0350059z's own session) he records the decisions of jury 31202
// and closes it (211); the publication is refused while juries are not at 214. The Jury portal's jury
// 25590 (BREQUIGNY, at 210 in the demo) is listed with the others and left where it is. axe and a
// screenshot on every page visited. A platform of its own: the scenario moves the demo's juries.
import { request, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { dialogueConfirmation, refuserDialoguesNatifs, repondreConfirmation } from './support/confirmation.ts';
import { attendreShell, messagesConsole, navigateur, nouvelleSession, quitter, type Session } from './support/navigateur.ts';

const MOT_DE_PASSE = 'Demo-Academie-2026!';
const API_DEC = '/api/gestion/deliberation';
const LIGNES = '.liste__table tbody tr.liste__ligne';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

async function connecterDec(s: Session) {
  const page = s.page;
  await page.goto('/connexion/agents');
  await page.getByLabel('Gestionnaire DEC', { exact: true }).check({ force: true });
  await page.getByLabel('Identifiant').fill('dec.rennes');
  await page.locator('#mot-de-passe').fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: 'Valider' }).click();
  await attendreShell(page);
}

async function ouvrirActivite(page: Page, libelle: string) {
  await page.locator('#menu').getByRole('link', { name: libelle, exact: true }).click();
  await page.locator(LIGNES).first().waitFor();
}

/** The row of a jury in the list. */
const ligneJury = (page: Page, numero: string) => page.locator(LIGNES).filter({ has: page.locator('td', { hasText: new RegExp(`^${numero}$`) }) });

async function dernierMessage(page: Page, contient: string) {
  await expect.poll(async () => (await messagesConsole(page)).find((m) => m.includes(contient)) ?? '').toContain(contient);
  return (await messagesConsole(page)).find((m) => m.includes(contient))!;
}

interface CandidatApi {
  candidatureId: number;
  numeroCandidat: string;
  admissible: boolean;
  oraux: Array<{ oral: string; code: string | null; note: string }>;
}

async function candidats(page: Page, juryId: number): Promise<CandidatApi[]> {
  const r = await page.request.get(`${API_DEC}/jurys/${juryId}/candidats`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { candidats: CandidatApi[] }).candidats;
}

describe('CYCLADES — DEC : jurys, notes de contrôle, décisions et publication', () => {
  it('mène les jurys de BREQUIGNY de 140 à 211 et refuse la publication tant que les jurys ne sont pas à 214', async () => {
    const s = await nouvelleSession(browser, 'cyclades-dec', { url: plateforme.url });
    const { page } = s;
    const natifs = refuserDialoguesNatifs(page);
    try {
      await connecterDec(s);
      await ouvrirActivite(page, 'Jurys du 2nd groupe (Bac Pro)');
      // Académie 14's five juries: BREQUIGNY's three at 140 and 25590 at 210, LA PROMENADE's 30001.
      await expect.poll(() => page.locator(LIGNES).count()).toBe(5);
      expect(await page.locator('.liste__table thead th').allInnerTexts()).toEqual(
        ['Jury', 'Spécialité', 'Etat d’avancement du jury', 'Sélectionner jurys', 'Centre de délibération', 'Candidats', 'Admis', 'Admissibles', 'Ajournés', 'Notes manquantes', 'Décisions'].map((t) =>
          expect.stringContaining(t),
        ),
      );
      expect(await ligneJury(page, '31202').textContent()).toContain('140 - 1er groupe terminé en centre');
      expect(await ligneJury(page, '25590').textContent()).toContain("210 - Délibération de l'épreuve de contrôle");
      await s.verifier('dec-jurys');

      // LA PROMENADE's jury, at 140, cannot have its contrôle opened. Every move is irreversible: the
      // app's dialog asks first, « Annuler » changes nothing (issue 13 §15).
      await ligneJury(page, '30001').locator('input[type="checkbox"]').check({ force: true });
      await page.getByRole('button', { name: 'Verrouiller le 1er groupe' }).click();
      expect(await dialogueConfirmation(page, 'Verrouiller le 1er groupe').innerText()).toContain('Verrouiller le 1er groupe pour le jury 30001 ?');
      await s.verifier('dec-confirmation-verrouillage');
      await repondreConfirmation(page, 'Verrouiller le 1er groupe', 'Annuler');
      expect(await ligneJury(page, '30001').textContent()).toContain('140 - 1er groupe terminé en centre');
      await page.getByRole('button', { name: 'Ouvrir l’épreuve de contrôle' }).click();
      await repondreConfirmation(page, 'Ouvrir l’épreuve de contrôle', 'Ouvrir l’épreuve de contrôle');
      expect(await dernierMessage(page, 'Le jury 30001')).toContain(
        "Le jury 30001 est à l'état 140 - 1er groupe terminé en centre : l'ouverture de l'épreuve de contrôle demande l'état 198 - 1er groupe verrouillé en académie.",
      );
      await page.getByRole('button', { name: 'Vider la sélection' }).click();

      for (const n of ['25510', '31202', '31210']) await ligneJury(page, n).locator('input[type="checkbox"]').check({ force: true });
      await page.getByRole('button', { name: 'Verrouiller le 1er groupe' }).click();
      await repondreConfirmation(page, 'Verrouiller le 1er groupe', 'Verrouiller le 1er groupe');
      await dernierMessage(page, "sont à l'état 198 - 1er groupe verrouillé en académie");
      await expect.poll(() => ligneJury(page, '31202').textContent()).toContain('198 - 1er groupe verrouillé en académie');
      // A selection in mixed états (30001 still at 140): the three others move, 30001 is named with the
      // reason and stays selected (issue 13 §17).
      for (const n of ['25510', '31202', '31210', '30001']) await ligneJury(page, n).locator('input[type="checkbox"]').check({ force: true });
      await page.getByRole('button', { name: 'Ouvrir l’épreuve de contrôle' }).click();
      await repondreConfirmation(page, 'Ouvrir l’épreuve de contrôle', 'Ouvrir l’épreuve de contrôle');
      expect(await dernierMessage(page, "l'état 200")).toContain("Enregistrement effectué : les jurys 25510, 31202, 31210 sont à l'état 200 - Recueil des notes de l'épreuve de contrôle.");
      await expect.poll(() => ligneJury(page, '31210').textContent()).toContain("200 - Recueil des notes de l'épreuve de contrôle");
      const nonDeplaces = page.locator('#jurys-non-deplaces');
      await expect.poll(() => nonDeplaces.innerText()).toContain('1 jury n’a pas été déplacé');
      expect(await nonDeplaces.innerText()).toContain(
        "30001 : Le jury 30001 est à l'état 140 - 1er groupe terminé en centre : l'ouverture de l'épreuve de contrôle demande l'état 198 - 1er groupe verrouillé en académie.",
      );
      expect(await ligneJury(page, '30001').locator('input[type="checkbox"]').isChecked()).toBe(true);
      await s.verifier('dec-jurys-ouverts');
      await page.getByRole('button', { name: 'Vider la sélection' }).click();

      // A jury's candidates, results and the explanation of one.
      await ligneJury(page, '31202').locator('a').first().click();
      await page.getByRole('heading', { name: /^Jury 31202 — Commerce/ }).waitFor();
      await expect.poll(() => page.locator(LIGNES).count()).toBe(12);
      const premier = page.locator('.fr-accordion').first();
      await premier.getByRole('button').click();
      await expect.poll(() => premier.locator('ol').innerText()).toMatch(/Moyenne générale du 1er groupe : \d+,\d\d/);
      await s.verifier('dec-jury-detail');
      const juryIds = Object.fromEntries(
        ((await (await page.request.get(`${API_DEC}/jurys`)).json()) as { jurys: Array<{ id: number; numero: string }> }).jurys.map((j) => [j.numero, j.id]),
      ) as Record<string, number>;

      // Contrôle grades: one candidate by the form.
      await ouvrirActivite(page, "Notes de l'épreuve de contrôle");
      await s.verifier('dec-notes-jurys');
      await ligneJury(page, '31202').locator('a').first().click();
      await page.getByRole('heading', { name: /^Notes de l’épreuve de contrôle — jury 31202/ }).waitFor();
      const c31202 = (await candidats(page, juryIds['31202']!)).filter((c) => c.admissible);
      const saisi = c31202[0]!;
      const ect1 = page.getByLabel(`Note /20 ECT1 ${saisi.numeroCandidat}`);
      const enregistrerSaisi = page.getByRole('button', { name: `Enregistrer les notes de ${saisi.numeroCandidat}` });
      // A grade out of range: the message on the field itself (DSFR error state), not only in the console (issue 13 §20).
      await ect1.fill('21');
      await enregistrerSaisi.click();
      const champEct1 = page.locator('.fr-input-group').filter({ has: ect1 });
      await expect.poll(() => champEct1.getAttribute('class')).toContain('fr-input-group--error');
      expect(await champEct1.locator('.fr-error-text').innerText()).toBe('Épreuve de contrôle scientifique et technique : une note sur 20 avec au plus deux décimales est attendue (12 ou 12,5).');
      expect(await ect1.getAttribute('aria-invalid')).toBe('true');
      await s.verifier('dec-notes-erreur-champ');
      // Another gestionnaire enters 9 meanwhile: this page's entry (made on « no grade ») is refused, the
      // message names who changed it, when and to what, on the field; the field shows 9,00 (issue 13 §19).
      const autre = await request.newContext({ baseURL: plateforme.url });
      try {
        const r = await autre.post('/api/auth/connexion', { data: { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: MOT_DE_PASSE } });
        const csrf = ((await r.json()) as { session: { csrfToken: string } }).session.csrfToken;
        const put = await autre.put(`${API_DEC}/notes-controle`, {
          data: { candidatureId: saisi.candidatureId, epreuve: 'scientifique', statut: 'note', valeur: 9, attendu: null },
          headers: { 'x-csrf-token': csrf },
        });
        expect(put.status(), await put.text()).toBe(200);
      } finally {
        await autre.dispose();
      }
      await ect1.fill('12,5');
      await enregistrerSaisi.click();
      await expect.poll(() => champEct1.locator('.fr-error-text').innerText()).toMatch(
        /^La note de l'épreuve de contrôle scientifique et technique du candidat .+ a été modifiée par dec\.rennes le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} depuis l'affichage de votre page \(\(aucune\) → 9,00\)/,
      );
      await expect.poll(() => ect1.inputValue()).toBe('9');
      await s.verifier('dec-notes-conflit');
      await ect1.fill('12,5');
      await page.getByLabel(`Absent (ECT2, ${saisi.numeroCandidat})`).check({ force: true });
      await s.verifier('dec-notes-saisie');
      await page.getByRole('button', { name: `Enregistrer les notes de ${saisi.numeroCandidat}` }).click();
      expect(await dernierMessage(page, `Note enregistrée : ${saisi.numeroCandidat}, épreuve de contrôle scientifique`)).toContain('12,50');
      await dernierMessage(page, `Note enregistrée : ${saisi.numeroCandidat}, épreuve de contrôle de français et histoire-géographie : absent.`);
      await expect.poll(async () => (await candidats(page, juryIds['31202']!)).find((c) => c.candidatureId === saisi.candidatureId)!.oraux.map((o) => o.note)).toEqual(['12,50', 'ABS']);

      // The others by a CSV file: a faulty one first (nothing imported), then the right one.
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.locator(LIGNES).first().waitFor();
      const autres: CandidatApi[] = [];
      for (const n of ['25510', '31202', '31210']) autres.push(...(await candidats(page, juryIds[n]!)).filter((c) => c.admissible && c.candidatureId !== saisi.candidatureId));
      const lignesCsv = autres.flatMap((c, i) => [`${c.numeroCandidat};ECT1;${i % 3 === 0 ? '14' : '16,5'}`, `${c.numeroCandidat};ECT2;${i % 4 === 0 ? 'ABS' : '15'}`]);
      const fautif = ['N° candidat;Epreuve;Note', lignesCsv[0]!, `${autres[1]!.numeroCandidat};ECT3;12`, `${autres[2]!.numeroCandidat};ECT1;21`].join('\r\n');
      await page.locator('#fichier-notes').setInputFiles({ name: 'notes-fautives.csv', mimeType: 'text/csv', buffer: Buffer.from(fautif, 'utf8') });
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      const erreurs = page.locator('#erreurs-import');
      await erreurs.waitFor();
      expect(await erreurs.innerText()).toContain('2 erreurs : aucune note n’a été importée.');
      expect(await erreurs.locator('li').allInnerTexts()).toEqual([
        'Ligne 3 : épreuve « ECT3 » inconnue : ECT1 (épreuve scientifique et technique) ou ECT2 (épreuve de français et histoire-géographie) est attendue.',
        'Ligne 4 : note « 21 » invalide : une note sur 20 avec au plus deux décimales (12 ou 12,5) ou ABS est attendue.',
      ]);
      await erreurs.scrollIntoViewIfNeeded();
      await s.verifier('dec-notes-import-erreurs');
      expect((await candidats(page, juryIds[(await juryDe(page, autres[0]!, juryIds))]!)).find((c) => c.candidatureId === autres[0]!.candidatureId)!.oraux[0]!.note).toBe('');

      const bon = ['N° candidat;Epreuve;Note', ...lignesCsv].join('\r\n');
      await page.locator('#fichier-notes').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + bon, 'utf8') });
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      expect(await dernierMessage(page, 'notes importées')).toContain(`${autres.length * 2} notes importées (jurys 25510, 31202, 31210).`);
      await expect.poll(() => ligneJury(page, '31202').locator('td').nth(5).innerText()).toBe('0');
      await s.verifier('dec-notes-importees');

      // The chef de centre opens the deliberation (200 → 210) with his own session.
      const chef = await request.newContext({ baseURL: plateforme.url });
      try {
        const r = await chef.post('/api/auth/connexion', { data: { service: 'cyclades-etablissement', identifiant: 'ce.0350059z', motDePasse: MOT_DE_PASSE } });
        expect(r.status()).toBe(200);
        const csrf = ((await r.json()) as { session: { csrfToken: string } }).session.csrfToken;
        const ouvrir = await chef.post('/api/cyclades/deliberation/ouvrir', { data: {}, headers: { 'x-csrf-token': csrf } });
        expect(ouvrir.status(), await ouvrir.text()).toBe(200);
        await chef.post('/api/auth/deconnexion', { data: {}, headers: { 'x-csrf-token': csrf } });
      } finally {
        await chef.dispose();
      }

      // Decisions and closing of jury 31202.
      await ouvrirActivite(page, 'Jurys du 2nd groupe (Bac Pro)');
      await expect.poll(() => ligneJury(page, '31202').textContent()).toContain("210 - Délibération de l'épreuve de contrôle");
      await ligneJury(page, '31202').locator('a').first().click();
      await page.getByRole('heading', { name: /^Jury 31202 — Commerce/ }).waitFor();
      await page.getByRole('button', { name: 'Enregistrer les décisions' }).click();
      expect(await dernierMessage(page, 'Décisions enregistrées')).toContain('Décisions enregistrées pour 12 candidats du jury 31202.');
      await expect.poll(() => page.locator('.detail__grille').innerText()).toContain('12 sur 12');
      await s.verifier('dec-jury-decisions');
      await page.getByRole('button', { name: 'Clore le jury' }).click();
      await repondreConfirmation(page, 'Clore le jury', 'Clore le jury');
      expect(await dernierMessage(page, 'est clos')).toContain("Enregistrement effectué : le jury 31202 est clos (211 - Editions après la délibération de l'épreuve de contrôle).");
      await expect.poll(() => page.locator('.detail__grille').textContent()).toContain('211 - Editions après la délibération');
      await s.verifier('dec-jury-clos');

      // Publication: refused while the session's juries are not at 214.
      await page.locator('#menu').getByRole('link', { name: 'Publication des résultats', exact: true }).click();
      await page.getByRole('heading', { name: /^BCP JUIN 2026 — 5 jurys/ }).waitFor();
      expect(await page.locator('table').first().innerText()).toMatch(/211\s+Editions après la délibération de l'épreuve de contrôle\s+1/);
      expect(await page.locator('table').first().innerText()).toMatch(/210\s+Délibération de l'épreuve de contrôle\s+3/);
      await page.getByRole('button', { name: 'Publier les résultats' }).click();
      await repondreConfirmation(page, 'Publier les résultats', 'Publier');
      expect(natifs).toEqual([]);
      expect(await dernierMessage(page, 'La publication des résultats demande')).toContain(
        "La publication des résultats demande que tous les jurys de la session soient à l'état 214 - Epreuve de contrôle terminée en centre : 5 jurys ne le sont pas (" +
          "25510 à l'état 210 - Délibération de l'épreuve de contrôle ; 25590 à l'état 210 - Délibération de l'épreuve de contrôle ; 30001 à l'état 140 - 1er groupe terminé en centre ; " +
          "31202 à l'état 211 - Editions après la délibération de l'épreuve de contrôle ; 31210 à l'état 210 - Délibération de l'épreuve de contrôle).",
      );
      await s.verifier('dec-publication-refusee');
    } finally {
      await quitter(page).catch(() => undefined);
      await s.fermer();
    }
  });
});

async function juryDe(page: Page, c: CandidatApi, juryIds: Record<string, number>): Promise<string> {
  for (const [n, id] of Object.entries(juryIds)) if ((await candidats(page, id)).some((x) => x.candidatureId === c.candidatureId)) return n;
  throw new Error(`Jury introuvable pour ${c.numeroCandidat}`);
}
