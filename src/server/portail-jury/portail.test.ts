// The Jury portal on the demo (issue 8 §2–7): the two screens (key, then IMAG'IN credentials), the
// refusals (no key first, ticket used twice, temporary password, not convoked, another académie's
// credentials), Cas 2 (a key of Nantes adds Nantes' jury; a key of Nantes never opens Rennes' juries),
// scope (a président never reaches another jury), grade modification (motif, modification_note, decision
// recomputed, audited), two members on one jury (a stale grade is refused with who changed it, never
// overwritten; two simultaneous changes: one passes), closing (version, 211, PV of the chef de centre),
// the backup portal (closed unless the DSI opened it with the RSSI's authorisation; one jury only;
// closing it ends its sessions), and the intervenant's SMS code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp } from '../../domain/identite/otp.ts';
import { RAISON_CONDITION_PERSONNE } from '../../domain/services.ts';
import { CLES_OTP_DEMO, SECRET_RFC_HEX } from '../demo/cles-otp.ts';
import { CLES_OTP_NANTES, COMPTES_JURY, JURY_PORTAIL_NANTES, JURY_PORTAIL_RENNES, MOT_DE_PASSE_INTERVENANT } from '../demo/portail-jury.ts';
import { MESSAGE_ECHEC } from '../identite/identite.service.ts';
import { MOT_DE_PASSE_AGENTS, plateformeDeliberation, type PlateformeDeliberation } from '../cyclades-deliberation/dec.fixtures.ts';
import { hacher } from '../platform/passwords.ts';
import { textePdf } from '../testing/documents.ts';
import type { TestClient } from '../testing/harness.ts';
import { MESSAGE_MIRE_CLE, MESSAGE_TEMPORAIRE, messageAutreAcademie, messageNonConvoque, messageSecoursFerme } from './acces.service.ts';

const J = '/api/jury';
let d: PlateformeDeliberation;
/** HOTP counters of the demo's HOTP keys, as the server moves them. */
const compteurs = new Map<string, number>();

beforeAll(async () => {
  d = await plateformeDeliberation();
});
afterAll(async () => {
  await d?.p.close();
});

/** PIN followed by the key's next HOTP code. */
function motDePasseCle(identifiant: string): string {
  const k = [...CLES_OTP_DEMO, ...CLES_OTP_NANTES].find((c) => c.identifiant === identifiant)!;
  const n = compteurs.get(identifiant) ?? 0;
  compteurs.set(identifiant, n + 1);
  return k.pin + calculerHotp(Buffer.from(k.secretHex, 'hex'), n, k.chiffres);
}

async function premiereMire(c: TestClient, identifiant = 'OTP-DEMO-01') {
  const r = await c.post(`${J}/cle`, { identifiant, motDePasse: motDePasseCle(identifiant) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r;
}

/** A browser through both screens. */
async function portail(login: string, cle = 'OTP-DEMO-01'): Promise<TestClient> {
  const c = d.p.client();
  await premiereMire(c, cle);
  const r = await c.post(`${J}/identifiants`, { identifiant: login, motDePasse: MOT_DE_PASSE_INTERVENANT });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return c;
}

const journal = (action: string) => d.p.ctx.db.selectFrom('audit_log').select(['entite_id', 'acteur', 'academie_code', 'apres']).where('action', '=', action).orderBy('id').execute();
const numeros = (r: { body: { jurys: Array<{ numero: string }> } }) => r.body.jurys.map((j) => j.numero).sort();

describe('Les deux mires (Cas 1)', () => {
  it("clé OTP puis identifiants IMAG'IN : la session ne voit que les jurys de ses convocations", async () => {
    const c = d.p.client();
    expect((await c.get(`${J}/etape`)).body).toEqual({ etape: 'cle', academie: null, ajout: false });
    const r1 = await premiereMire(c);
    expect(r1.body).toEqual({ academie: { code: '14', libelle: 'Rennes' } });
    expect((await c.get(`${J}/etape`)).body).toEqual({ etape: 'identifiants', academie: { code: '14', libelle: 'Rennes' }, ajout: false });
    const r2 = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body.session).toMatchObject({ role: 'membre_jury', service: { code: 'portail-jury' }, academie: { code: '14' } });
    expect(r2.body.session.menu.flatMap((g: any) => g.activites.map((a: any) => a.code))).toEqual(['jurys', 'autre-academie']);
    const jurys = await c.get(`${J}/jurys`);
    expect(jurys.status).toBe(200);
    expect(numeros(jurys)).toEqual(['25510', JURY_PORTAIL_RENNES]);
    const j = jurys.body.jurys.find((x: any) => x.numero === JURY_PORTAIL_RENNES);
    expect(j).toMatchObject({ etat: 210, deliberable: true, qualite: 'Président de jury', academie: { code: '14' }, nbSansResultat: 0 });
    expect(j.nbCandidats).toBeGreaterThan(0);
    expect(jurys.body.jurys.find((x: any) => x.numero === '25510')).toMatchObject({ etat: 140, deliberable: false });
    const connexions = await journal('portail-jury.connexion');
    expect(connexions.at(-1)).toMatchObject({ acteur: COMPTES_JURY.president, academie_code: '14' });
    expect(connexions.at(-1)!.apres).toMatchObject({ issue: 'acceptee', mode: 'cle' });
  });

  it('la 2e mire exige la 1re, une seule fois', async () => {
    const c = d.p.client();
    const sans = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect([sans.status, sans.body.message]).toEqual([401, MESSAGE_MIRE_CLE]);
    await premiereMire(c);
    const ticket = c.autresCookies.get('jury_cle')!;
    expect((await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: MOT_DE_PASSE_INTERVENANT })).status).toBe(200);
    // The same ticket again (a replayed request): refused.
    const autre = d.p.client();
    autre.autresCookies.set('jury_cle', ticket);
    const rejeu = await autre.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect([rejeu.status, rejeu.body.message]).toEqual([401, MESSAGE_MIRE_CLE]);
  });

  it('une clé fausse ne donne pas de ticket ; un mot de passe faux est refusé sans dire pourquoi', async () => {
    const c = d.p.client();
    const faux = await c.post(`${J}/cle`, { identifiant: 'OTP-DEMO-01', motDePasse: '1234000000' });
    expect(faux.status).toBe(401);
    expect(c.autresCookies.has('jury_cle')).toBe(false);
    await premiereMire(c);
    const r = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: 'pas-le-bon' });
    expect([r.status, r.body.message]).toEqual([401, MESSAGE_ECHEC]);
  });

  it("refuse le mot de passe temporaire avec l'explication du seed, l'intervenant non convoqué, et les identifiants d'une autre académie", async () => {
    const c = d.p.client();
    await premiereMire(c);
    const temp = await d.p.ctx.db.selectFrom('compte').select('id').where('login', '=', COMPTES_JURY.presidentTemporaire).executeTakeFirstOrThrow();
    // The demo's temporary password is the generated one: set a known one, still temporary.
    await d.p.ctx.db.updateTable('compte').set({ password_hash: await hacher('Temporaire-2026!'), mot_de_passe_temporaire: true }).where('id', '=', temp.id).execute();
    const r = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.presidentTemporaire, motDePasse: 'Temporaire-2026!' });
    expect([r.status, r.body.message]).toEqual([403, MESSAGE_TEMPORAIRE]);
    expect((await journal('portail-jury.identifiants')).at(-1)!.apres).toEqual({ issue: 'mot_de_passe_temporaire' });

    const martin = await c.post(`${J}/identifiants`, { identifiant: 'prof.martin', motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect([martin.status, martin.body.message]).toEqual([403, messageNonConvoque('Rennes')]);

    const nantes = d.p.client();
    await premiereMire(nantes, 'OTP-DEMO-NANTES-01');
    const rennes = await nantes.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.president, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect([rennes.status, rennes.body.message]).toEqual([403, messageAutreAcademie('Nantes')]);
  });
});

describe('Cas 2 : un centre de Rennes délibère un jury de Nantes', () => {
  it("une clé de Nantes et la convocation de Nantes ajoutent le jury de Nantes à la session ; seule, elle n'ouvre que lui", async () => {
    const c = await portail(COMPTES_JURY.president);
    expect(numeros(await c.get(`${J}/jurys`))).toEqual(['25510', JURY_PORTAIL_RENNES]);
    await premiereMire(c, 'OTP-DEMO-NANTES-01');
    expect((await c.get(`${J}/etape`)).body).toEqual({ etape: 'identifiants', academie: { code: '17', libelle: 'Nantes' }, ajout: true });
    // That ticket belongs to this browser's session: elsewhere, it opens nothing.
    const ailleurs = d.p.client();
    ailleurs.autresCookies.set('jury_cle', c.autresCookies.get('jury_cle')!);
    const vole = await ailleurs.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.presidentNantes, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect([vole.status, vole.body.message]).toEqual([401, MESSAGE_MIRE_CLE]);
    const ajout = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.presidentNantes, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect(ajout.status, JSON.stringify(ajout.body)).toBe(200);
    const tous = await c.get(`${J}/jurys`);
    expect(numeros(tous)).toEqual(['25510', JURY_PORTAIL_RENNES, JURY_PORTAIL_NANTES]);
    expect(tous.body.academies.map((a: any) => a.libelle)).toEqual(['Nantes', 'Rennes']);
    expect(tous.body.jurys.find((j: any) => j.numero === JURY_PORTAIL_NANTES)).toMatchObject({ academie: { code: '17' }, etat: 210, centre: { uai: '0350059Z' } });
    expect((await journal('portail-jury.ajout-academie')).at(-1)).toMatchObject({ acteur: COMPTES_JURY.presidentNantes, academie_code: '17' });

    const seule = await portail(COMPTES_JURY.presidentNantes, 'OTP-DEMO-NANTES-01');
    expect(numeros(await seule.get(`${J}/jurys`))).toEqual([JURY_PORTAIL_NANTES]);
    expect((await seule.get(`${J}/jurys/${d.jurys[JURY_PORTAIL_RENNES]}`)).status).toBe(404);
  });
});

describe('Cas 2 : nouvel identifiant de session (issue 13 §11)', () => {
  it("l'ajout d'une académie remplace le jeton de session : l'ancien n'ouvre plus rien, le cookie et le jeton CSRF sont nouveaux", async () => {
    const c = await portail(COMPTES_JURY.president);
    const ancienCookie = c.cookie!;
    const ancienCsrf = c.csrf;
    await premiereMire(c, 'OTP-DEMO-NANTES-01');
    const ajout = await c.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.presidentNantes, motDePasse: MOT_DE_PASSE_INTERVENANT });
    expect(ajout.status, JSON.stringify(ajout.body)).toBe(200);
    expect(ajout.headers['set-cookie']).toBeDefined();
    expect(c.cookie).not.toBe(ancienCookie);
    expect(c.csrf).not.toBe(ancienCsrf);
    expect(numeros(await c.get(`${J}/jurys`))).toEqual(['25510', JURY_PORTAIL_RENNES, JURY_PORTAIL_NANTES]);
    // Whoever held the old token (fixation) holds nothing.
    const ancien = d.p.client();
    ancien.cookie = ancienCookie;
    expect((await ancien.get(`${J}/jurys`)).status).toBe(401);
    // The new session still writes (its CSRF token is the one the answer gave).
    expect((await c.post('/api/auth/prolonger')).status).toBe(200);
  });
});

describe('Délibération', () => {
  let president: TestClient;
  let vice: TestClient;
  const juryId = () => d.jurys[JURY_PORTAIL_RENNES]!;

  beforeAll(async () => {
    president = await portail(COMPTES_JURY.president);
    vice = await portail(COMPTES_JURY.vicePresident, 'OTP-DEMO-01');
  });

  it("un président n'atteint jamais un autre jury", async () => {
    for (const numero of ['31202', '31210', '30001', JURY_PORTAIL_NANTES]) {
      expect((await president.get(`${J}/jurys/${d.jurys[numero]}`)).status).toBe(404);
      const r = await president.put(`${J}/jurys/${d.jurys[numero]}/notes`, { version: 0, candidatureId: 1, epreuveOptionId: 1, groupe: 1, attendu: null, statut: 'note', valeur: 10, motif: 'essai' });
      expect(r.status).toBe(404);
      expect((await president.post(`${J}/jurys/${d.jurys[numero]}/cloture`, { version: 0 })).status).toBe(404);
    }
    // An agent's session is not a jury's.
    const dec = d.p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
    expect((await dec.get(`${J}/jurys`)).status).toBe(403);
  });

  it("modifie une note avec un motif : historique, décision recalculée, journal ; un autre membre la voit", async () => {
    const avant = await president.get(`${J}/jurys/${juryId()}`);
    expect(avant.status).toBe(200);
    // An admissible candidate still ajourné after the contrôle: a better oral grade changes his result.
    const cand = avant.body.candidats.find((c: any) => c.notes.some((n: any) => n.groupe === 2 && n.note?.statut === 'note') && c.resultat.decision === 'ajourne');
    expect(cand).toBeDefined();
    const oral = cand.notes.find((n: any) => n.groupe === 2 && n.note?.statut === 'note');
    const base = { version: avant.body.jury.version, candidatureId: cand.candidatureId, epreuveOptionId: oral.epreuveOptionId, groupe: 2, attendu: { statut: oral.note.statut, valeur: oral.note.valeur }, statut: 'note' };

    const sansMotif = await president.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 2, motif: '' });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.fields.motif).toMatch(/^Motif : obligatoire/);
    const horsBareme = await president.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 21, motif: 'Erreur de report' });
    expect(horsBareme.body.fields.valeur).toBe('Note : un nombre de 0 à 20 est attendu.');

    const r = await president.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 20, motif: 'Erreur de report de la note' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(avant.body.jury.version + 1);
    expect(r.body.candidat.notes.find((n: any) => n.epreuveOptionId === oral.epreuveOptionId && n.groupe === 2).note).toMatchObject({ statut: 'note', valeur: 20 });
    expect(r.body.candidat.resultat.moyenne).not.toBe(cand.resultat.moyenne);
    expect(r.body.candidat.resultat.explication.join(' ')).toContain('20,00');
    const nouvelle = r.body.candidat.resultat.decision;
    expect(r.body.message).toContain(`${oral.note.texte} → 20,00`);
    expect(r.body.candidat.modifications.at(-1)).toMatchObject({ ancienne: oral.note.texte, nouvelle: '20,00', motif: 'Erreur de report de la note', par: expect.stringContaining('(Président de jury)') });
    const decision = await d.p.ctx.db.selectFrom('decision_jury').select('decision').where('candidature_id', '=', cand.candidatureId).executeTakeFirstOrThrow();
    expect(decision.decision).toBe(nouvelle);
    expect((await journal('portail-jury.modification-note')).at(-1)).toMatchObject({ acteur: COMPTES_JURY.president, academie_code: '14', entite_id: String(cand.candidatureId) });

    // The page's periodic read: unchanged since, 304; changed, the new page.
    const etag = String(avant.headers.etag);
    expect(etag).toBe(`"jury-${juryId()}-v${avant.body.jury.version}"`);
    expect((await president.request('GET', `${J}/jurys/${juryId()}`, undefined, { 'if-none-match': String(r.headers?.etag ?? '"x"') })).status).toBe(200);
    const courant = await president.get(`${J}/jurys/${juryId()}`);
    expect((await president.request('GET', `${J}/jurys/${juryId()}`, undefined, { 'if-none-match': String(courant.headers.etag) })).status).toBe(304);
    expect((await president.request('GET', `${J}/jurys/${juryId()}`, undefined, { 'if-none-match': etag })).status).toBe(200);

    // The vice-présidente's next read shows it.
    const vu = await vice.get(`${J}/jurys/${juryId()}`);
    expect(vu.body.jury.version).toBe(r.body.version);
    expect(vu.body.candidats.find((c: any) => c.candidatureId === cand.candidatureId).resultat.moyenne).toBe(r.body.candidat.resultat.moyenne);

    // Stale page: the vice-présidente still believes the old grade; refused, naming who changed it.
    const perime = await vice.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 15, motif: 'Erreur de saisie' });
    expect(perime.status).toBe(409);
    expect(perime.body.message).toContain('a été modifiée par Mme');
    expect(perime.body.message).toContain(`(${oral.note.texte} → 20,00)`);
    const apres = await president.get(`${J}/jurys/${juryId()}`);
    expect(apres.body.candidats.find((c: any) => c.candidatureId === cand.candidatureId).notes.find((n: any) => n.epreuveOptionId === oral.epreuveOptionId && n.groupe === 2).note.valeur).toBe(20);
  });

  it('deux modifications simultanées de la même note : une seule passe', async () => {
    const page = await president.get(`${J}/jurys/${juryId()}`);
    const cand = page.body.candidats.find((c: any) => c.notes.some((n: any) => n.groupe === 1 && n.modifiable && n.note?.statut === 'note'));
    const note = cand.notes.find((n: any) => n.groupe === 1 && n.modifiable && n.note?.statut === 'note');
    const base = { version: page.body.jury.version, candidatureId: cand.candidatureId, epreuveOptionId: note.epreuveOptionId, groupe: 1, attendu: { statut: 'note', valeur: note.note.valeur }, statut: 'note' };
    const [a, b] = await Promise.all([
      president.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 17, motif: 'Harmonisation' }),
      vice.put(`${J}/jurys/${juryId()}/notes`, { ...base, valeur: 3, motif: 'Harmonisation' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const gagnant = a.status === 200 ? 17 : 3;
    const lu = await vice.get(`${J}/jurys/${juryId()}`);
    expect(lu.body.candidats.find((c: any) => c.candidatureId === cand.candidatureId).notes.find((n: any) => n.epreuveOptionId === note.epreuveOptionId && n.groupe === 1).note.valeur).toBe(gagnant);
  });

  it('« Clore le jury » : version à jour exigée, puis 211, décisions enregistrées ; le chef de centre édite le PV', async () => {
    const page = await president.get(`${J}/jurys/${juryId()}`);
    const perime = await president.post(`${J}/jurys/${juryId()}/cloture`, { version: page.body.jury.version - 1 });
    expect(perime.status).toBe(409);
    const r = await president.post(`${J}/jurys/${juryId()}/cloture`, { version: page.body.jury.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.message).toContain('est clos');
    const jury = await d.p.ctx.db.selectFrom('jury').select(['etat']).where('id', '=', juryId()).executeTakeFirstOrThrow();
    expect(jury.etat).toBe(211);
    const decisions = await d.p.ctx.db.selectFrom('decision_jury').select('candidature_id').where('jury_id', '=', juryId()).execute();
    expect(decisions).toHaveLength(page.body.candidats.length);
    expect((await journal('jury.clore')).at(-1)).toMatchObject({ acteur: COMPTES_JURY.president, entite_id: String(juryId()) });
    // Closed: no more modification, and closing again says so.
    const encore = await vice.post(`${J}/jurys/${juryId()}/cloture`, { version: page.body.jury.version + 1 });
    expect(encore.status).toBe(409);
    expect(encore.body.message).toMatch(/^Le jury 25590 est à l'état 211/);
    expect((await vice.get(`${J}/jurys/${juryId()}`)).body.candidats.every((c: any) => c.notes.every((n: any) => !n.modifiable))).toBe(true);

    const chef = d.p.client();
    await chef.login('cyclades-etablissement', 'ce.0350059z', MOT_DE_PASSE_AGENTS);
    const pv = await chef.post('/api/cyclades/deliberation/pv', { juryIds: [juryId()], mode: 'unique' });
    expect(pv.status).toBe(200);
    const texte = (await textePdf(pv.raw)).pages.join('\n');
    expect(texte).toContain('Erreur de report de la note');
    expect(texte).toContain('Harmonisation');
  });
});

describe('Portail de secours', () => {
  it("n'ouvre le jury du papillon que si la DSI l'a ouvert, après l'autorisation du RSSI ; la fermeture termine les sessions", async () => {
    const juryId = d.jurys[JURY_PORTAIL_NANTES]!;
    await d.p.ctx.db.updateTable('jury').set({ login_secours: 'J44590-0350059Z', mot_de_passe_secours_hash: await hacher('Secours-44590') }).where('id', '=', juryId).execute();
    const jury = d.p.client();
    const ferme = await jury.post(`${J}/secours`, { identifiant: 'J44590-0350059Z', motDePasse: 'Secours-44590' });
    expect([ferme.status, ferme.body.message]).toEqual([403, messageSecoursFerme('Nantes')]);
    expect((await jury.post(`${J}/secours`, { identifiant: 'J44590-0350059Z', motDePasse: 'faux' })).status).toBe(401);

    // Nantes' DSI opens its backup portal; Rennes' DSI cannot open Nantes'.
    const dsiRennes = d.p.client();
    await dsiRennes.login('dsi', 'dsi.rennes', MOT_DE_PASSE_AGENTS);
    const sansAutorisation = await dsiRennes.put('/api/dsi/portail-secours', { actif: true });
    expect(sansAutorisation.status).toBe(400);
    expect(Object.keys(sansAutorisation.body.fields).sort()).toEqual(['autorisePar', 'referenceAutorisation']);
    expect((await dsiRennes.put('/api/dsi/portail-secours', { actif: true, referenceAutorisation: 'RSSI-2027-004', autorisePar: 'M. LE RSSI' })).status).toBe(200);
    const encoreFerme = await jury.post(`${J}/secours`, { identifiant: 'J44590-0350059Z', motDePasse: 'Secours-44590' });
    expect(encoreFerme.status).toBe(403);
    await d.p.ctx.db.insertInto('portail_secours').values({ academie_code: '17', actif: true, reference_autorisation: 'RSSI-NANTES-1', autorise_par: 'Mme RSSI' }).onConflict((oc) => oc.column('academie_code').doUpdateSet({ actif: true })).execute();

    const ok = await jury.post(`${J}/secours`, { identifiant: 'j44590-0350059z', motDePasse: 'Secours-44590' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(numeros(await jury.get(`${J}/jurys`))).toEqual([JURY_PORTAIL_NANTES]);
    expect((await jury.get(`${J}/jurys/${d.jurys[JURY_PORTAIL_RENNES]}`)).status).toBe(404);
    const connexions = await journal('portail-secours.connexion');
    expect(connexions.map((c) => (c.apres as any).issue)).toEqual(['portail_ferme', 'echec', 'portail_ferme', 'acceptee']);
    expect(connexions.at(-1)).toMatchObject({ academie_code: '17', acteur: 'secours:j44590-0350059z' });
    expect((await journal('portail-secours.ouverture')).at(-1)).toMatchObject({ academie_code: '14', acteur: 'dsi.rennes' });

    // Rennes' DSI view shows its own state only; Nantes' closing ends the jury's session.
    expect((await dsiRennes.get('/api/dsi/portail-secours')).body).toMatchObject({ actif: true, referenceAutorisation: 'RSSI-2027-004', autorisePar: 'M. LE RSSI', modifiePar: 'dsi.rennes' });
    expect((await dsiRennes.get('/api/dsi/portail-secours')).body.jurys.map((j: any) => j.numero)).not.toContain(JURY_PORTAIL_NANTES);
    const { fixtureCompte, MOT_DE_PASSE } = await import('../testing/harness.ts');
    await fixtureCompte(d.p, { login: 'dsi.nantes', role: 'dsi', academie: '17' });
    const dsiNantes = d.p.client();
    await dsiNantes.login('dsi', 'dsi.nantes', MOT_DE_PASSE);
    const fermeture = await dsiNantes.put('/api/dsi/portail-secours', { actif: false });
    expect(fermeture.body.message).toContain('1 session de secours est terminée');
    expect((await jury.get(`${J}/jurys`)).status).toBe(401);
  });
});

describe("Menu de l'intervenant : un code par SMS au lieu de la clé", () => {
  it("n'apparaît qu'aux convoqués ; le code reçu ouvre le portail sur leurs jurys", async () => {
    const martin = d.p.client();
    const sm = await martin.login('imagin-intervenant', 'prof.martin', MOT_DE_PASSE_INTERVENANT);
    expect(sm.menu.flatMap((g: any) => g.activites.map((a: any) => a.code))).not.toContain('portail-deliberation-jury');
    // Hidden from the menu, refused at its address too (issue 15: the activity's personal condition).
    const refus = await martin.get('/api/intervenant/portail-jury');
    expect(refus.status).toBe(403);
    expect(refus.body.message).toBe(RAISON_CONDITION_PERSONNE.convoque_deliberation);
    expect(refus.body.jurys).toBeUndefined();

    const c = d.p.client();
    const s = await c.login('imagin-intervenant', COMPTES_JURY.vicePresident, MOT_DE_PASSE_INTERVENANT);
    expect(s.menu.flatMap((g: any) => g.activites.map((a: any) => a.code))).toContain('portail-deliberation-jury');
    const acces = await c.get('/api/intervenant/portail-jury');
    expect(acces.body.jurys.map((j: any) => j.numero).sort()).toEqual(['25510', JURY_PORTAIL_RENNES]);

    const p = d.p.client();
    await p.login('imagin-intervenant', COMPTES_JURY.president, MOT_DE_PASSE_INTERVENANT);
    expect((await p.get('/api/intervenant/portail-jury')).body.telephone).toBe('06 •• •• •• 78');
    const envoi = await p.post('/api/intervenant/portail-jury/sms');
    expect(envoi.status, JSON.stringify(envoi.body)).toBe(200);
    expect(envoi.body.message).toBe('Un code vous a été envoyé par SMS au 06 •• •• •• 78 ; il est valable 10 minutes.');
    expect((await p.post('/api/intervenant/portail-jury/sms')).status).toBe(409);
    const sms = await d.p.ctx.db.selectFrom('sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ telephone: '0612345678', statut: 'conserve', academie_code: '14' });
    const code = /code d'accès est (\d{6})/.exec(sms.texte)![1]!;
    const faux = await p.post('/api/intervenant/portail-jury/code', { code: code === '000000' ? '111111' : '000000' });
    expect(faux.status).toBe(400);
    expect(faux.body.fields.code).toMatch(/^Code reçu par SMS : ce code est incorrect/);
    const mauvaisFormat = await p.post('/api/intervenant/portail-jury/code', { code: '12a' });
    expect(mauvaisFormat.body.fields.code).toBe('Code reçu par SMS : les 6 chiffres du message sont attendus.');
    const ok = await p.post('/api/intervenant/portail-jury/code', { code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.session).toMatchObject({ role: 'membre_jury', service: { code: 'portail-jury' } });
    expect(numeros(await p.get(`${J}/jurys`))).toEqual(['25510', JURY_PORTAIL_RENNES]);
    // Used once.
    const rejeu = d.p.client();
    await rejeu.login('imagin-intervenant', COMPTES_JURY.president, MOT_DE_PASSE_INTERVENANT);
    expect((await rejeu.post('/api/intervenant/portail-jury/code', { code })).status).toBe(400);
    expect((await journal('portail-jury.connexion')).at(-1)!.apres).toMatchObject({ mode: 'sms' });
    // The administrator reads it in the SMS outbox.
    const admin = d.p.client();
    await admin.login('imagin-admin', 'admin.rennes', MOT_DE_PASSE_AGENTS);
    expect((await admin.get('/api/admin/boite-envoi-sms')).body.sms[0]).toMatchObject({ telephone: '0612345678', statut: 'conserve' });
  });

  it("fermée par l'administrateur, l'activité disparaît du menu et le serveur refuse", async () => {
    await d.p.ctx.db
      .updateTable('activite_ouverture')
      .set({ ouverte: false })
      .where('academie_code', '=', '14')
      .where('service', '=', 'imagin-intervenant')
      .where('activite', '=', 'portail-deliberation-jury')
      .execute();
    const c = d.p.client();
    const s = await c.login('imagin-intervenant', COMPTES_JURY.vicePresident, MOT_DE_PASSE_INTERVENANT);
    expect(s.menu.flatMap((g: any) => g.activites.map((a: any) => a.code))).not.toContain('portail-deliberation-jury');
    expect((await c.post('/api/intervenant/portail-jury/sms')).status).toBe(403);
  });
});

// The README's key: the first code of RFC 4226 Appendix D.
it('la clé de démonstration OTP-DEMO-01 est celle de la RFC 4226', () => {
  expect(calculerHotp(Buffer.from(SECRET_RFC_HEX, 'hex'), 0, 6)).toBe('755224');
});

describe('Matin de la délibération : une adresse qui essaie des codes (issue 13 §4)', () => {
  it("40 échecs depuis une adresse : ralentis puis refusés (429) sans verrouiller la clé ; son détenteur entre d'ailleurs ; l'audit a l'adresse ; la DSI voit l'alerte", async () => {
    const attaquant = d.p.client();
    attaquant.ip = '10.66.1.1';
    const statuts: number[] = [];
    let refus: any;
    for (let i = 0; i < 40; i++) {
      const r = await attaquant.post(`${J}/cle`, { identifiant: 'OTP-DEMO-03', motDePasse: `${String(i).padStart(4, '0')}${String(100000 + i)}` });
      statuts.push(r.status);
      if (r.status === 429) refus ??= r.body;
    }
    expect(statuts.filter((s) => s === 401)).toHaveLength(20);
    expect(statuts.slice(20).every((s) => s === 429)).toBe(true);
    expect(refus).toMatchObject({ code: 'TROP_DE_TENTATIVES', message: expect.stringMatching(/^Trop de tentatives incorrectes depuis ce poste sur la 1re mire\. Réessayez après \d\d:\d\d/) });
    // The key is not locked, and counted no failure (no valid code was ever typed).
    const k = await d.p.ctx.db.selectFrom('cle_otp').select(['etat', 'echecs']).where('identifiant', '=', 'OTP-DEMO-03').executeTakeFirstOrThrow();
    expect(k).toEqual({ etat: 'remise', echecs: 0 });
    // Its holder, from the centre's computer, passes the first screen.
    const detenteur = d.p.client();
    detenteur.ip = '10.0.0.3';
    await premiereMire(detenteur, 'OTP-DEMO-03');
    // The audit of each attempt has the client's address.
    const essais = await d.p.ctx.db
      .selectFrom('audit_log')
      .select(['ip', 'apres', 'academie_code'])
      .where('action', '=', 'cle-otp.authentification')
      .where('acteur', '=', 'cle-otp:OTP-DEMO-03')
      .orderBy('id')
      .execute();
    expect(essais).toHaveLength(21);
    expect(essais.slice(0, 20).every((e) => e.ip === '10.66.1.1' && (e.apres as any).cause === 'code' && e.academie_code === '14')).toBe(true);
    expect(essais.at(-1)).toMatchObject({ ip: '10.0.0.3', apres: { issue: 'acceptee' } });
    // The DSI's list says the key is under attack.
    const dsi = d.p.client();
    await dsi.login('dsi', 'dsi.rennes', MOT_DE_PASSE_AGENTS);
    const liste = await dsi.get('/api/dsi/cles-otp');
    const ligne = liste.body.lignes.find((l: any) => l.identifiant === 'OTP-DEMO-03');
    expect(ligne.alerte).toMatch(/^20 tentatives incorrectes en 24 h depuis 1 adresse \(dernière : 10\.66\.1\.1/);
    expect(liste.body.lignes.find((l: any) => l.identifiant === 'OTP-DEMO-01').alerte).toBeNull();
    // The block is temporary: a minute later that address is heard again.
    d.p.clock.advance(61_000);
    expect((await attaquant.post(`${J}/cle`, { identifiant: 'OTP-DEMO-03', motDePasse: '0000000000' })).status).toBe(401);
  });
});

describe("Matin de la délibération : les mots de passe d'un président essayés d'ailleurs (issue 13 §4)", () => {
  it("5 mots de passe faux depuis une autre adresse, sur IMAG'IN et la 2e mire, ne bloquent pas le président sur son poste", async () => {
    const attaquant = d.p.client();
    attaquant.ip = '10.66.2.1';
    for (let i = 0; i < 3; i++) {
      expect((await attaquant.post('/api/auth/connexion', { service: 'imagin-intervenant', identifiant: COMPTES_JURY.vicePresident, motDePasse: `faux${i}` })).status).toBe(401);
    }
    await premiereMire(attaquant, 'OTP-DEMO-01');
    for (let i = 0; i < 2; i++) expect((await attaquant.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.vicePresident, motDePasse: `faux${i}` })).status).toBe(401);
    // That address is now slowed for this account, on both pages.
    expect((await attaquant.post(`${J}/identifiants`, { identifiant: COMPTES_JURY.vicePresident, motDePasse: MOT_DE_PASSE_INTERVENANT })).status).toBe(429);
    // The vice-présidente, from the centre's computer, opens the portal and IMAG'IN.
    const c = await portail(COMPTES_JURY.vicePresident);
    expect((await c.get(`${J}/jurys`)).status).toBe(200);
    const imagin = d.p.client();
    await imagin.login('imagin-intervenant', COMPTES_JURY.vicePresident, MOT_DE_PASSE_INTERVENANT);
  });
});

describe('Relecture en arrière-plan (issue 13 §9)', () => {
  it("la relecture toutes les 5 s (en-tête x-arriere-plan) ne prolonge pas la session ; une action de l'utilisateur la prolonge", async () => {
    const c = await portail(COMPTES_JURY.vicePresident);
    const autre = await portail(COMPTES_JURY.president);
    const jury = `${J}/jurys/${d.jurys[JURY_PORTAIL_RENNES]}`;
    const arrierePlan = { 'x-arriere-plan': '1' };
    // 29 minutes of refreshes every 5 s (sampled each minute): answered, but no activity.
    for (let m = 1; m <= 29; m++) {
      d.p.clock.advance(60_000);
      expect((await c.request('GET', jury, undefined, arrierePlan)).status).toBe(200);
      expect((await c.request('GET', `${J}/jurys`, undefined, arrierePlan)).status).toBe(200);
    }
    // Meanwhile the other browser's user reads the jury himself (no header): that is activity.
    expect((await autre.get(jury)).status).toBe(200);
    d.p.clock.advance(60_000);
    const expiree = await c.request('GET', jury, undefined, arrierePlan);
    expect([expiree.status, expiree.body.code]).toEqual([401, 'SESSION_EXPIREE']);
    // The other one lives on: 29 more minutes from its last action.
    d.p.clock.advance(28 * 60_000);
    expect((await autre.get(`${J}/jurys`)).status).toBe(200);
  });
});

// Issue 13 §5: the demo's administrator is the national one.
it("l'administrateur de la démonstration lit aussi les échecs de connexion d'un identifiant inconnu (administrateur national)", async () => {
  const c = d.p.client();
  c.ip = '10.0.7.1';
  expect((await c.post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'identifiant.inconnu', motDePasse: 'faux' })).status).toBe(401);
  const admin = d.p.client();
  admin.ip = '10.0.7.2';
  await admin.login('imagin-admin', 'admin.rennes', MOT_DE_PASSE_AGENTS);
  const lu = await admin.get('/api/audit?action=connexion.echec');
  expect(lu.body.find((e: any) => e.acteur === 'identifiant.inconnu')).toMatchObject({ academie: null, ip: '10.0.7.1' });
});
