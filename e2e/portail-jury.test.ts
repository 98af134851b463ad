// Portail Jury — deliberation in the browser on demo data (issue 8 §2–5, seed 000). Cas 1: the
// présidente passes the two screens (a wrong code first: the alert, focused), opens and closes « Où
// trouver mes identifiants ? » (its five situations), opens jury 25590 at 210 and modifies a grade (the
// motif is required; « 17,5 » with a comma): the computed result is shown again. Two browsers: the
// vice-présidente, on the same jury, sees the change appear by itself (« modifiée »); both modify the
// same grade: the second gets the conflict message and the page reloads. « Clore le jury »: the jury is
// read-only, in both browsers. Cas 2: the présidente adds the juries of Nantes from her open session (a
// key of Nantes, her convocation by Nantes) and jury 44590 joins her list. A temporary password is
// refused on the second screen with the seed's explanation. Then the backup portal: a jury's papillon
// opens nothing while it is closed (the message says so), the DSI opens it (the RSSI's reference and
// name required) and the papillon opens that jury only; and the intervenant convoked to deliberate
// reaches the portal with a code received by SMS. axe and a screenshot on every screen. A platform of
// its own: the scenario uses the demo keys' codes, closes a jury and opens the backup portal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp } from '../src/domain/identite/otp.ts';
import { SECRET_RFC_HEX } from '../src/server/demo/cles-otp.ts';
import { MOT_DE_PASSE_AGENTS } from '../src/server/demo/comptes.ts';
import { CLES_OTP_NANTES, COMPTES_JURY, JURY_PORTAIL_NANTES, JURY_PORTAIL_RENNES, MOT_DE_PASSE_INTERVENANT, MOT_DE_PASSE_TEMPORAIRE } from '../src/server/demo/portail-jury.ts';
import { hacher } from '../src/server/platform/passwords.ts';
import { demarrerPlateforme, type PlateformeE2e } from './support/plateforme.ts';
import { attendreShell, navigateur, nouvelleSession, quitter, seConnecter, type Session } from './support/navigateur.ts';

let browser: Browser;
let plateforme: PlateformeE2e;

beforeAll(async () => {
  [browser, plateforme] = await Promise.all([navigateur(), demarrerPlateforme()]);
});
afterAll(async () => {
  await browser?.close();
  await plateforme?.close();
});

/** A HOTP key of the demo: each call gives its next code, after its PIN. */
function cle(identifiant: string, pin: string, secretHex: string) {
  const secret = Buffer.from(secretHex, 'hex');
  let compteur = 0;
  return { identifiant, suivant: () => pin + calculerHotp(secret, compteur++), faux: () => `${pin}${calculerHotp(secret, 500)}` };
}
// OTP-DEMO-01: the RFC 4226 key given to BREQUIGNY with PIN 1234 (cles-otp.ts).
const RENNES = cle('OTP-DEMO-01', '1234', SECRET_RFC_HEX);
const cleNantes = CLES_OTP_NANTES.find((k) => k.type === 'HOTP')!;
const NANTES = cle(cleNantes.identifiant, cleNantes.pin!, cleNantes.secretHex);

const LIGNES = '.liste__table tbody tr.liste__ligne';
/** A plan de secours papillon, written in the test: jury 25510's login and password. */
const JURY_SECOURS = '25510';
const LOGIN_SECOURS = 'JURY-25510-E2E';
const MOT_DE_PASSE_SECOURS = 'Papillon-E2e-2026';

/** The first screen: the key's identifiant, PIN + code. */
async function mireCle(page: Page, k: typeof RENNES, code: string) {
  await page.locator('#identifiant').fill(k.identifiant);
  await page.locator('#mot-de-passe').fill(code);
  await page.getByRole('button', { name: 'Valider' }).click();
}

/** The second screen: the IMAG'IN convocation's credentials. */
async function mireIdentifiants(page: Page, login: string, motDePasse = MOT_DE_PASSE_INTERVENANT) {
  await page.locator('#identifiant').fill(login);
  await page.locator('#mot-de-passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Valider' }).click();
}

/** Both screens, then the jury 25590 opened from the list. */
async function ouvrirJury(s: Session, login: string, numero: string) {
  const { page } = s;
  await page.goto('/connexion/jury');
  await page.getByRole('heading', { name: 'Authentification', exact: true }).waitFor();
  await mireCle(page, RENNES, RENNES.suivant());
  await page.getByRole('heading', { name: 'Portail Jury — académie de Rennes' }).waitFor();
  await mireIdentifiants(page, login);
  await attendreShell(page);
  await page.locator('#menu').getByRole('link', { name: 'Délibération des jurys', exact: true }).click();
  await page.locator(LIGNES).first().waitFor();
  await page.locator(LIGNES).filter({ has: page.locator('td', { hasText: new RegExp(`^${numero}$`) }) }).locator('a').first().click();
  await page.getByRole('heading', { name: new RegExp(`^Jury ${numero} — `) }).waitFor();
}

const ligneCandidat = (page: Page, numero: string) => page.locator(`tr[data-candidat="${numero}"]`);
const celluleNote = (page: Page, numero: string, code: string) => ligneCandidat(page, numero).locator(`td[data-epreuve="${code}"]`);
const dialogue = (page: Page, id: string) => page.locator(`dialog#${id}`);

interface NoteApi {
  groupe: 1 | 2;
  code: string;
  libelle: string;
  coefficient: string;
  note: { texte: string } | null;
  modifiable: boolean;
}

/** A candidate of the jury and its two first-group grades of highest weight (professional: never replaced at the contrôle). */
async function cibles(page: Page, numero: string) {
  const { jurys } = (await (await page.request.get('/api/jury/jurys')).json()) as { jurys: Array<{ id: number; numero: string }> };
  const id = jurys.find((j) => j.numero === numero)!.id;
  const { candidats } = (await (await page.request.get(`/api/jury/jurys/${id}`)).json()) as { candidats: Array<{ numeroCandidat: string; notes: NoteApi[] }> };
  const c = [...candidats].sort((a, b) => a.numeroCandidat.localeCompare(b.numeroCandidat))[0]!;
  const poids = (n: NoteApi) => Number(n.coefficient.replace(',', '.')) || 0;
  const [n1, n2] = c.notes.filter((n) => n.groupe === 1 && n.modifiable && n.note).sort((a, b) => poids(b) - poids(a));
  return { numero: c.numeroCandidat, n1: n1!, n2: n2! };
}

/** Opens « Modifier une note » on a grade and fills it (nothing sent yet). */
async function saisirNote(page: Page, candidat: string, code: string, valeur: string, motif: string) {
  await celluleNote(page, candidat, code).getByRole('button').click();
  await dialogue(page, 'modale-modifier-note').locator('#note-valeur').waitFor({ state: 'visible' });
  await page.locator('#note-valeur').fill(valeur);
  await page.locator('#note-motif').fill(motif);
}

describe('Portail Jury — deux mires, délibération à deux, clôture, autre académie', () => {
  it('Cas 1 et Cas 2 dans deux navigateurs', async () => {
    const pres = await nouvelleSession(browser, 'portail-jury-presidente', { url: plateforme.url });
    const vice = await nouvelleSession(browser, 'portail-jury-vice-presidente', { url: plateforme.url });
    const temp = await nouvelleSession(browser, 'portail-jury-temporaire', { url: plateforme.url });
    const p = pres.page;
    const v = vice.page;
    try {
      // --- The first screen: a wrong code, then the right one.
      await p.goto('/');
      await p.getByRole('link', { name: 'Portail Jury' }).click();
      await p.getByRole('heading', { name: 'Authentification', exact: true }).waitFor();
      expect(await p.getByLabel('Mot de Passe ou Passcode OTP').getAttribute('type')).toBe('password');
      expect(await p.getByLabel('Mot de Passe ou Passcode OTP').getAttribute('autocomplete')).toBe('off');
      await pres.verifier('mire-cle');
      await mireCle(p, RENNES, RENNES.faux());
      const erreur = p.locator('#erreur-connexion');
      await erreur.waitFor();
      expect(await erreur.innerText()).toContain('Identifiant ou mot de passe incorrect.');
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('erreur-connexion');
      await pres.verifier('mire-cle-erreur');
      await mireCle(p, RENNES, RENNES.suivant());

      // --- The second screen, « Où trouver mes identifiants ? ».
      await p.getByRole('heading', { name: 'Portail Jury — académie de Rennes' }).waitFor();
      await pres.verifier('mire-identifiants');
      await p.getByRole('button', { name: 'Où trouver mes identifiants ?' }).click();
      const aide = dialogue(p, 'modale-ou-trouver-identifiants');
      await aide.getByRole('heading', { name: 'Où trouver mes identifiants ?' }).waitFor({ state: 'visible' });
      const situations = await aide.locator('.situations-identifiants > li').allInnerTexts();
      expect(situations).toHaveLength(5);
      expect(situations[2]).toContain("Il s'agit d'un mot de passe temporaire, que vous devez changer en vous connectant à IMAG'IN avant votre connexion au portail Jury.");
      expect(situations[4]).toContain("Au besoin, le chef de centre peut rééditer votre convocation IMAG'IN.");
      await pres.verifier('ou-trouver-mes-identifiants');
      await aide.locator('.fr-modal__footer').getByRole('button', { name: 'Fermer' }).click();
      await aide.waitFor({ state: 'hidden' });

      // --- A temporary password is refused with the seed's explanation (another browser, its own key code).
      await temp.page.goto('/connexion/jury');
      await mireCle(temp.page, RENNES, RENNES.suivant());
      await temp.page.getByRole('heading', { name: 'Portail Jury — académie de Rennes' }).waitFor();
      await mireIdentifiants(temp.page, COMPTES_JURY.presidentTemporaire, MOT_DE_PASSE_TEMPORAIRE);
      await temp.page.locator('#erreur-connexion').waitFor();
      expect(await temp.page.locator('#erreur-connexion').innerText()).toContain('il s\'agit d\'un mot de passe temporaire, que vous devez changer en vous connectant à IMAG\'IN');
      await temp.verifier('refus-mot-de-passe-temporaire');
      expect(temp.page.url()).toContain('/connexion/jury');

      // --- The présidente in the portal, jury 25590; the vice-présidente in her own browser.
      await mireIdentifiants(p, COMPTES_JURY.president);
      await attendreShell(p);
      await p.locator('#menu').getByRole('link', { name: 'Délibération des jurys', exact: true }).click();
      await p.locator(LIGNES).first().waitFor();
      await pres.verifier('portail-jurys');
      await p.locator(LIGNES).filter({ has: p.locator('td', { hasText: new RegExp(`^${JURY_PORTAIL_RENNES}$`) }) }).locator('a').first().click();
      await p.getByRole('heading', { name: new RegExp(`^Jury ${JURY_PORTAIL_RENNES} — `) }).waitFor();
      await pres.verifier('jury-210');
      await ouvrirJury(vice, COMPTES_JURY.vicePresident, JURY_PORTAIL_RENNES);

      // --- A grade modified: the motif is required, the comma accepted, the result computed again.
      const { numero, n1, n2 } = await cibles(p, JURY_PORTAIL_RENNES);
      const resultat = () => ligneCandidat(p, numero).locator('td.resultat-jury').innerText();
      const avant = await resultat();
      await celluleNote(p, numero, n1.code).getByRole('button').click();
      const modale = dialogue(p, 'modale-modifier-note');
      await modale.locator('#note-valeur').waitFor({ state: 'visible' });
      expect(await modale.locator('#note-affichee').innerText()).toBe(n1.note!.texte);
      await modale.getByRole('button', { name: 'Enregistrer la note' }).click();
      await expect.poll(() => p.locator('#note-motif').getAttribute('aria-invalid')).toBe('true');
      expect(await p.locator('#note-valeur').getAttribute('aria-invalid')).toBe('true');
      await pres.verifier('modifier-note-erreurs');
      const nouvelle = n1.note!.texte === '17,50' ? '3,5' : '17,5';
      await p.locator('#note-valeur').fill(nouvelle);
      await p.locator('#note-motif').fill('Erreur de report de la note sur le relevé');
      await modale.getByRole('button', { name: 'Enregistrer la note' }).click();
      await modale.waitFor({ state: 'hidden' });
      const succes = await p.locator('#succes-jury').innerText();
      expect(succes).toContain(`Note modifiée : ${numero}, ${n1.libelle} : ${n1.note!.texte} → ${nouvelle}0.`);
      const moyenne = /moyenne ([\d,]+)/.exec(succes)![1]!;
      await expect.poll(resultat).toContain(`Moyenne ${moyenne}`);
      expect(await resultat()).not.toBe(avant);
      expect(await celluleNote(p, numero, n1.code).innerText()).toContain(`${nouvelle}0`);
      // One's own change is not flagged.
      expect(await celluleNote(p, numero, n1.code).locator('.note-modifiee').count()).toBe(0);

      // « Détail »: the explanation line by line and the history.
      await ligneCandidat(p, numero).getByRole('button', { name: /^Détail/ }).click();
      const detail = dialogue(p, 'modale-detail-candidat');
      await detail.locator('.explication-resultat li').first().waitFor({ state: 'visible' });
      expect(await detail.locator('.historique-modifications').innerText()).toContain('Erreur de report de la note sur le relevé');
      await pres.verifier('detail-candidat');
      await detail.locator('.fr-modal__footer').getByRole('button', { name: 'Fermer' }).click();
      await detail.waitFor({ state: 'hidden' });

      // --- The vice-présidente's page shows it by itself (read again every 5 s), flagged.
      await expect.poll(() => celluleNote(v, numero, n1.code).innerText(), { timeout: 15_000 }).toContain(`${nouvelle}0`);
      expect(await celluleNote(v, numero, n1.code).locator('.note-modifiee').textContent()).toContain('modifiée par un autre membre du jury');
      await vice.verifier('modification-vue-par-la-vice-presidente');

      // --- Both modify the same grade: the second one is refused, with who and what.
      const [deA, deB] = n2.note!.texte === '12,00' ? ['11', '13'] : ['12', '13'];
      await saisirNote(p, numero, n2.code, deA, 'Harmonisation décidée par le jury');
      await saisirNote(v, numero, n2.code, deB, 'Correction demandée par la vice-présidente');
      await dialogue(p, 'modale-modifier-note').getByRole('button', { name: 'Enregistrer la note' }).click();
      await dialogue(p, 'modale-modifier-note').waitFor({ state: 'hidden' });
      await dialogue(v, 'modale-modifier-note').getByRole('button', { name: 'Enregistrer la note' }).click();
      const conflit = v.locator('#erreur-note');
      await conflit.waitFor();
      const texteConflit = await conflit.innerText();
      expect(texteConflit).toContain(`La note « ${n2.libelle} » du candidat ${numero} a été modifiée par `);
      expect(texteConflit).toContain(`depuis l'affichage de votre page (${n2.note!.texte} → ${deA},00)`);
      // The page was read again: the dialog now starts from the grade stored.
      await expect.poll(() => v.locator('#note-affichee').innerText()).toBe(`${deA},00`);
      await vice.verifier('conflit-vice-presidente');
      await dialogue(v, 'modale-modifier-note').getByRole('button', { name: 'Annuler' }).click();
      await expect.poll(() => celluleNote(v, numero, n2.code).innerText()).toContain(`${deA},00`);

      // --- « Clore le jury »: read-only in both browsers.
      await p.getByRole('button', { name: 'Clore le jury', exact: true }).first().click();
      const cloture = dialogue(p, 'modale-clore-jury');
      await cloture.getByRole('heading', { name: `Clore le jury ${JURY_PORTAIL_RENNES} ?` }).waitFor({ state: 'visible' });
      await pres.verifier('clore-jury-confirmation');
      await cloture.locator('.fr-modal__footer').getByRole('button', { name: 'Clore le jury' }).click();
      await p.locator('#bandeau-lecture-seule').waitFor();
      expect(await p.locator('#succes-jury').innerText()).toContain(`Le jury ${JURY_PORTAIL_RENNES} est clos`);
      expect(await p.locator('td.note-jury button').count()).toBe(0);
      expect(await p.locator('#clore-jury').count()).toBe(0);
      await pres.verifier('jury-clos');
      await v.locator('#bandeau-lecture-seule').waitFor({ timeout: 15_000 });
      expect(await v.locator('td.note-jury button').count()).toBe(0);

      // --- Cas 2: the juries of Nantes added to the présidente's session.
      await p.locator('#menu').getByRole('link', { name: 'Ajouter les jurys d\'une autre académie', exact: true }).click();
      await p.getByRole('link', { name: 'S’identifier pour une autre académie' }).waitFor();
      await pres.verifier('autre-academie');
      await p.getByRole('link', { name: 'S’identifier pour une autre académie' }).click();
      await p.getByRole('heading', { name: 'Authentification — ajout des jurys d’une autre académie' }).waitFor();
      expect(await p.getByRole('link', { name: 'Revenir à mes jurys' }).count()).toBe(1);
      await pres.verifier('mire-cle-ajout');
      await mireCle(p, NANTES, NANTES.suivant());
      await p.getByRole('heading', { name: 'Portail Jury — ajout des jurys de l’académie de Nantes' }).waitFor();
      await mireIdentifiants(p, COMPTES_JURY.presidentNantes);
      await p.locator(LIGNES).filter({ hasText: JURY_PORTAIL_NANTES }).waitFor();
      const nantes = p.locator(LIGNES).filter({ has: p.locator('td', { hasText: new RegExp(`^${JURY_PORTAIL_NANTES}$`) }) });
      expect(await nantes.innerText()).toContain('Nantes');
      expect(await p.locator('#academies-session').innerText()).toContain('Nantes, Rennes');
      await pres.verifier('jurys-deux-academies');
      await nantes.locator('a').first().click();
      await p.getByRole('heading', { name: new RegExp(`^Jury ${JURY_PORTAIL_NANTES} — `) }).waitFor();
      expect(await p.locator('.detail__grille').innerText()).toMatch(/Académie\s+Nantes/);
      expect(await p.locator('td.note-jury button').count()).toBeGreaterThan(0);
    } finally {
      await Promise.all([pres.fermer(), vice.fermer(), temp.fermer()]);
    }
  });

  it('le portail de secours ne sert que si la DSI l’a ouvert ; l’intervenant convoqué accède au portail par un code SMS', async () => {
    const dsi = await nouvelleSession(browser, 'portail-jury-dsi', { url: plateforme.url });
    const sec = await nouvelleSession(browser, 'portail-jury-secours', { url: plateforme.url });
    const int = await nouvelleSession(browser, 'portail-jury-intervenant', { url: plateforme.url });
    try {
      // The papillon of jury 25510 (the plan de secours writes these two columns).
      await plateforme.platform.ctx.db
        .updateTable('jury')
        .set({ login_secours: LOGIN_SECOURS, mot_de_passe_secours_hash: await hacher(MOT_DE_PASSE_SECOURS) })
        .where('numero', '=', JURY_SECOURS)
        .execute();
      const secours = async () => {
        await sec.page.goto('/connexion/jury/secours');
        await sec.page.getByRole('heading', { name: 'Portail CYCLADES-JURY de secours' }).waitFor();
        await mireIdentifiants(sec.page, LOGIN_SECOURS, MOT_DE_PASSE_SECOURS);
      };

      // Closed: the papillon opens nothing, and says why.
      await secours();
      await sec.page.locator('#erreur-connexion').waitFor();
      expect(await sec.page.locator('#erreur-connexion').innerText()).toContain("Le portail CYCLADES-JURY de secours n'est pas ouvert pour l'académie de Rennes");
      await sec.verifier('secours-ferme');

      // The DSI: the RSSI's reference and name are required, then it is open.
      const d = dsi.page;
      await seConnecter(dsi, 'dsi.rennes', 'dsi', MOT_DE_PASSE_AGENTS);
      await attendreShell(d);
      await d.locator('#menu').getByRole('link', { name: 'Portail Jury de secours', exact: true }).click();
      await d.getByRole('heading', { name: 'Ouvrir le portail de secours' }).waitFor();
      expect(await d.locator('.detail__grille').textContent()).toContain('Fermé');
      await expect.poll(() => d.locator(LIGNES).filter({ hasText: LOGIN_SECOURS }).count()).toBe(1);
      await d.getByRole('button', { name: 'Ouvrir le portail de secours' }).click();
      await expect.poll(() => d.locator('#secours-reference').getAttribute('aria-invalid')).toBe('true');
      expect(await d.locator('#secours-rssi').getAttribute('aria-invalid')).toBe('true');
      await dsi.verifier('dsi-portail-secours-erreurs');
      await d.locator('#secours-reference').fill('RSSI-2026-042');
      await d.locator('#secours-rssi').fill('M. Dupond');
      await d.getByRole('button', { name: 'Ouvrir le portail de secours' }).click();
      await d.locator('#secours-ouvert').waitFor();
      expect(await d.locator('.detail__grille').textContent()).toMatch(/Ouvert[\s\S]*RSSI-2026-042[\s\S]*M\. Dupond[\s\S]*dsi\.rennes/);
      await dsi.verifier('dsi-portail-secours-ouvert');

      // Open: the papillon opens its jury, and that jury only.
      await secours();
      await attendreShell(sec.page);
      await sec.page.locator('#menu').getByRole('link', { name: 'Délibération des jurys', exact: true }).click();
      await sec.page.locator(LIGNES).first().waitFor();
      expect(await sec.page.locator(LIGNES).allInnerTexts()).toEqual([expect.stringContaining(JURY_SECOURS)]);

      // Closed again: the DSI's button.
      await d.getByRole('button', { name: 'Fermer le portail de secours' }).click();
      await d.getByRole('heading', { name: 'Ouvrir le portail de secours' }).waitFor();

      // The intervenant convoked to deliberate: a code by SMS instead of the key.
      const i = int.page;
      await seConnecter(int, COMPTES_JURY.president, 'imagin-intervenant', MOT_DE_PASSE_INTERVENANT);
      await attendreShell(i);
      await i.locator('#menu').getByRole('link', { name: 'Portail délibération de jury', exact: true }).click();
      await i.locator('#telephone-masque').waitFor();
      expect(await i.locator('#telephone-masque').innerText()).toContain('06 •• •• •• 78');
      expect(await i.locator(LIGNES).filter({ hasText: JURY_PORTAIL_RENNES }).count()).toBe(1);
      await int.verifier('intervenant-portail-deliberation');
      await i.getByRole('button', { name: 'Recevoir un code par SMS' }).click();
      await i.locator('#code-envoye').waitFor();
      await i.getByRole('button', { name: 'Accéder au portail' }).click();
      await expect.poll(() => i.locator('#code-sms').getAttribute('aria-invalid')).toBe('true');
      await int.verifier('intervenant-code-sms');
      const sms = await plateforme.platform.ctx.db.selectFrom('sms').select('texte').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      const code = /\b(\d{6})\b/.exec(sms.texte)![1]!;
      await i.getByLabel('Code reçu par SMS').fill(code);
      await i.getByRole('button', { name: 'Accéder au portail' }).click();
      await expect.poll(() => new URL(i.url()).pathname).toBe('/portail-jury');
      await attendreShell(i);
      expect(await i.locator('#connecte-en-tant-que').innerText()).toBe(COMPTES_JURY.president);
      // « Quitter »: back to the portal's first screen, which says so.
      await quitter(i);
      expect(new URL(i.url()).pathname).toBe('/connexion/jury');
      await i.getByRole('heading', { name: 'Authentification', exact: true }).waitFor();
    } finally {
      await Promise.all([dsi.fermer(), sec.fermer(), int.fermer()]);
    }
  });
});
