// The portail Jury's OTP keys on the demo (issue 8 §1–2): the first screen's check with the RFC 4226
// Appendix D and RFC 6238 Appendix B vectors (replay refused, look-ahead window, ±1 step, lockout at 5
// failures that a correct code does not lift, PIN and code failures alike, remise → active, one code
// used twice at once passes once), and the DSI's routes (register, import all or nothing, remise with
// a hashed PIN, activate, unlock, resynchronise, revoke; audited; another académie's key is 404), and
// the checklist of Cas 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp, MESSAGE_ECHEC, MESSAGE_VERROUILLEE, pasTotp } from '../../domain/identite/otp.ts';
import { SECRET_RFC_HEX } from '../demo/cles-otp.ts';
import { MOT_DE_PASSE_AGENTS, plateformeDeliberation, type PlateformeDeliberation } from '../cyclades-deliberation/dec.fixtures.ts';
import { fixtureCompte, MOT_DE_PASSE, type TestClient } from '../testing/harness.ts';
import { CLE_INTROUVABLE } from './cles.repo.ts';
import { ALERTE_PRESIDENT, alerteCentre, authentifierCle, MESSAGE_RESYNC_ECHEC, PARAMETRE_ECHECS_MAX } from './cles.service.ts';

const B = '/api/dsi';
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
const SECRET = Buffer.from(SECRET_RFC_HEX, 'hex');
const T = (s: number) => new Date(s * 1000);

let d: PlateformeDeliberation;
let dsi: TestClient;
let dsi16: TestClient;

beforeAll(async () => {
  d = await plateformeDeliberation();
  dsi = d.p.client();
  await dsi.login('dsi', 'dsi.rennes', MOT_DE_PASSE_AGENTS);
  await fixtureCompte(d.p, { login: 'dsi.essai16', role: 'dsi', academie: '16' });
  dsi16 = d.p.client();
  await dsi16.login('dsi', 'dsi.essai16', MOT_DE_PASSE);
});
afterAll(async () => {
  await d?.p.close();
});

const auth = (identifiant: string, motDePasse: string, now = d.p.clock.now()) => authentifierCle(d.p.ctx, { identifiant, motDePasse, now });
const cle = (identifiant: string) => d.p.ctx.db.selectFrom('cle_otp').selectAll().where('identifiant', '=', identifiant).executeTakeFirstOrThrow();
const journal = (action: string) => d.p.ctx.db.selectFrom('audit_log').select(['entite_id', 'acteur', 'academie_code', 'avant', 'apres']).where('action', '=', action).orderBy('id').execute();

/** Registers a key through the DSI's route and gives it to BREQUIGNY with this PIN. */
async function cleRemise(o: { identifiant: string; type?: 'HOTP' | 'TOTP'; chiffres?: 6 | 8; pin?: string; secret?: string }) {
  const type = o.type ?? 'HOTP';
  const r = await dsi.post(`${B}/cles-otp`, { identifiant: o.identifiant, numeroSerie: `SN-${o.identifiant}`, type, secret: o.secret ?? SECRET_RFC_HEX, chiffres: o.chiffres ?? 6, ...(type === 'TOTP' ? { periode: 30 } : {}) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const remise = await dsi.post(`${B}/cles-otp/${r.body.id}/remise`, { centreIds: [d.etabs.brequigny], pin: o.pin ?? '1234' });
  expect(remise.status, JSON.stringify(remise.body)).toBe(200);
  return r.body.id as number;
}

describe('Contrôle des jurys avant délibération (démo)', () => {
  it('BREQUIGNY a deux clés utilisables, LA PROMENADE une (alerte) ; présidents convoqués ou non', async () => {
    const r = await dsi.get(`${B}/controle-jurys`);
    expect(r.status).toBe(200);
    const centre = (uai: string) => r.body.centres.find((c: any) => c.uai === uai);
    expect(centre('0350059Z')).toMatchObject({ nbClesUtilisables: 2, alerte: null });
    expect(centre('0350710G')).toMatchObject({ nbClesUtilisables: 1, alerte: alerteCentre(1) });
    expect(r.body.centres).toHaveLength(2);
    const jury = (n: string) => r.body.jurys.find((j: any) => j.numero === n);
    expect(jury('25510')).toMatchObject({ nbClesUtilisables: 2, presidentConvoque: true, vicePresidents: 1, alertes: [], specialite: { code: '25510' }, centre: { uai: '0350059Z' }, etat: 140 });
    expect(jury('31202')).toMatchObject({ presidentConvoque: true, vicePresidents: 0, alertes: ["Un vice-président affecté mais non convoqué dans IMAG'IN."] });
    expect(jury('31210')).toMatchObject({ presidentConvoque: false, alertes: [ALERTE_PRESIDENT] });
    expect(jury('30001')).toMatchObject({ nbClesUtilisables: 1, presidentConvoque: false, alertes: [alerteCentre(1), ALERTE_PRESIDENT] });
    const autre = await dsi16.get(`${B}/controle-jurys`);
    expect(autre.body).toEqual({ centres: [], jurys: [] });
  });

  it('liste les clés de la démo avec leurs centres ; rien pour une autre académie', async () => {
    const r = await dsi.get(`${B}/cles-otp`);
    expect(r.status).toBe(200);
    expect(r.body.lignes.map((l: any) => [l.identifiant, l.libelleEtat, l.centres.map((c: any) => c.uai)])).toEqual([
      ['OTP-DEMO-01', 'Remise', ['0350059Z']],
      ['OTP-DEMO-02', 'Active', ['0350059Z']],
      ['OTP-DEMO-03', 'Remise', ['0350710G']],
      ['OTP-DEMO-04', 'En stock', []],
      ['OTP-DEMO-05', 'Verrouillée', ['0350710G']],
    ]);
    expect(r.body.lignes[0]).toMatchObject({ numeroSerie: 'DEMO0001', type: 'HOTP', chiffres: 6, periode: null, echecs: 0, derniereUtilisation: null });
    expect(r.body.lignes[0]).not.toHaveProperty('secret_chiffre');
    expect(r.body.centres.map((c: any) => c.uai)).toEqual(expect.arrayContaining(['0350059Z', '0350710G']));
    expect((await dsi.get(`${B}/cles-otp?etat=verrouillee`)).body.lignes.map((l: any) => l.identifiant)).toEqual(['OTP-DEMO-05']);
    expect((await dsi.get(`${B}/cles-otp?q=demo0003`)).body.lignes.map((l: any) => l.identifiant)).toEqual(['OTP-DEMO-03']);
    expect((await dsi.get(`${B}/cles-otp?etat=perdue`)).status).toBe(400);
    expect((await dsi16.get(`${B}/cles-otp`)).body.lignes).toEqual([]);
  });

  it('la clé de démonstration OTP-DEMO-01 ouvre avec 1234 + 755224 ; son secret est alors chiffré', async () => {
    expect((await cle('OTP-DEMO-01')).secret_chiffre).toMatch(/^demo-clair:/);
    const r = await auth('OTP-DEMO-01', '1234755224');
    expect(r).toEqual({ ok: true, cleId: expect.any(Number), academieCode: '14' });
    const k = await cle('OTP-DEMO-01');
    expect(k.secret_chiffre).toMatch(/^v1\./);
    expect(k).toMatchObject({ etat: 'active', compteur: 1 });
    expect((await auth('OTP-DEMO-01', '1234287082')).ok).toBe(true);
  });
});

describe('Première mire : HOTP (RFC 4226, annexe D)', () => {
  it('accepte PIN + code, passe la clé remise à active, refuse le rejeu, tolère la fenêtre d’avance', async () => {
    await cleRemise({ identifiant: 'H-RFC' });
    expect((await cle('H-RFC')).etat).toBe('remise');
    expect(await auth('H-RFC', '1234' + RFC4226[0])).toMatchObject({ ok: true, academieCode: '14' });
    expect(await cle('H-RFC')).toMatchObject({ etat: 'active', compteur: 1, echecs: 0, derniere_utilisation: d.p.clock.now() });
    // Replay of counter 0: refused; an invalid code counts nothing on the key (issue 13 §4).
    expect(await auth('H-RFC', '1234' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect((await cle('H-RFC')).echecs).toBe(0);
    // Counter 5 (the button pressed four times without a login): within the window, the failures reset.
    expect((await auth('H-RFC', '1234' + RFC4226[5])).ok).toBe(true);
    expect(await cle('H-RFC')).toMatchObject({ compteur: 6, echecs: 0 });
    // An earlier code never comes back.
    expect((await auth('H-RFC', '1234' + RFC4226[3])).ok).toBe(false);
    // Beyond the window (6 + 10): refused.
    expect((await auth('H-RFC', '1234' + calculerHotp(SECRET, 17))).ok).toBe(false);
    expect((await auth('H-RFC', '1234' + calculerHotp(SECRET, 16))).ok).toBe(true);
    const j = await journal('cle-otp.authentification');
    expect(j.filter((e) => e.acteur === 'cle-otp:H-RFC').map((e) => (e.apres as any).issue)).toEqual(['acceptee', 'echec', 'acceptee', 'echec', 'echec', 'acceptee']);
  });

  it('PIN faux ou code faux : même message ; seuls les PIN faux avec un code valide comptent, verrouillée à 5 ; un bon code ensuite est refusé', async () => {
    await cleRemise({ identifiant: 'H-LOCK', pin: '9876' });
    const pinFaux = await auth('H-LOCK', '0000' + RFC4226[0]);
    const codeFaux = await auth('H-LOCK', '9876' + '000000');
    const tropCourt = await auth('H-LOCK', '123');
    expect(pinFaux).toEqual(codeFaux);
    expect(tropCourt).toEqual(codeFaux);
    expect(pinFaux).toEqual({ ok: false, message: MESSAGE_ECHEC });
    // The wrong PIN with a valid code counted, and used that code (no second PIN guess with it).
    expect(await cle('H-LOCK')).toMatchObject({ echecs: 1, compteur: 1 });
    expect(await auth('H-LOCK', '1111' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect((await cle('H-LOCK')).echecs).toBe(1);
    // Wrong codes, with or without the right PIN: never counted for the key (anyone can type them).
    for (let i = 0; i < 12; i++) expect(await auth('H-LOCK', (i % 2 ? '9876' : '0000') + String(100000 + i))).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect(await cle('H-LOCK')).toMatchObject({ etat: 'remise', echecs: 1, compteur: 1 });
    // Someone holding the key guesses the PIN: 4 more wrong PINs, each with the next code, lock it.
    expect(await auth('H-LOCK', '1111' + RFC4226[1])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect(await auth('H-LOCK', '2222' + RFC4226[2])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect(await auth('H-LOCK', '3333' + RFC4226[3])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    expect(await auth('H-LOCK', '4444' + RFC4226[4])).toEqual({ ok: false, message: MESSAGE_VERROUILLEE });
    expect(await cle('H-LOCK')).toMatchObject({ etat: 'verrouillee', echecs: 5, compteur: 5 });
    // The right PIN and code: still refused, nothing moves.
    expect(await auth('H-LOCK', '9876' + RFC4226[5])).toEqual({ ok: false, message: MESSAGE_VERROUILLEE });
    expect(await cle('H-LOCK')).toMatchObject({ etat: 'verrouillee', echecs: 5, compteur: 5 });
    // An unknown identifiant says the same as a wrong PIN.
    expect(await auth('INCONNUE', '9876' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    // The audit tells the causes apart.
    const causes = (await journal('cle-otp.authentification')).filter((e) => e.acteur === 'cle-otp:H-LOCK').map((e) => (e.apres as any).cause ?? (e.apres as any).issue);
    expect(causes.slice(0, 4)).toEqual(['pin', 'code', 'code', 'code']);
    expect(causes.filter((c) => c === 'pin')).toHaveLength(5);

    // The DSI unlocks (audited); the code then opens.
    const id = (await cle('H-LOCK')).id;
    const r = await dsi.post(`${B}/cles-otp/${id}/deverrouiller`, {});
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('Clé H-LOCK déverrouillée : elle est de nouveau active.');
    expect((await journal('cle-otp.deverrouillage')).at(-1)).toMatchObject({ entite_id: String(id), acteur: 'dsi.rennes', academie_code: '14', avant: { etat: 'verrouillee', echecs: 5 }, apres: { etat: 'active' } });
    expect((await auth('H-LOCK', '9876' + RFC4226[6])).ok).toBe(true);
    const encore = await dsi.post(`${B}/cles-otp/${id}/deverrouiller`, {});
    expect([encore.status, encore.body.message]).toEqual([409, "La clé H-LOCK est à l'état « Active » : le déverrouillage demande une clé verrouillée."]);
  });

  it("le seuil de verrouillage est un paramètre de l'académie", async () => {
    await d.p.ctx.db.insertInto('parametre').values({ academie_code: '14', cle: PARAMETRE_ECHECS_MAX, valeur: JSON.stringify(2) }).execute();
    try {
      await cleRemise({ identifiant: 'H-SEUIL' });
      expect(await auth('H-SEUIL', '0000' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
      expect(await auth('H-SEUIL', '0000' + RFC4226[1])).toEqual({ ok: false, message: MESSAGE_VERROUILLEE });
    } finally {
      await d.p.ctx.db.deleteFrom('parametre').where('cle', '=', PARAMETRE_ECHECS_MAX).execute();
    }
  });

  it('un même code envoyé deux fois en même temps passe une seule fois', async () => {
    await cleRemise({ identifiant: 'H-CONC' });
    const r = await Promise.all([1, 2, 3].map(() => auth('H-CONC', '1234' + RFC4226[0])));
    expect(r.filter((x) => x.ok)).toHaveLength(1);
    // The two others find the code used: an invalid code, which counts nothing on the key.
    expect(await cle('H-CONC')).toMatchObject({ compteur: 1, echecs: 0 });
  });

  it('une clé en stock ou révoquée n’ouvre pas ; la révocation est définitive et motivée', async () => {
    const id = await cleRemise({ identifiant: 'H-REVOQ' });
    const sans = await dsi.post(`${B}/cles-otp/${id}/revoquer`, {});
    expect(sans.status).toBe(400);
    expect(sans.body.fields.motif).toMatch(/^Motif : /);
    const r = await dsi.post(`${B}/cles-otp/${id}/revoquer`, { motif: 'Clé perdue par le centre' });
    expect([r.status, r.body.message]).toEqual([200, "Clé H-REVOQ révoquée : elle n'ouvre plus le portail Jury."]);
    expect((await journal('cle-otp.revocation')).at(-1)).toMatchObject({ entite_id: String(id), apres: { etat: 'revoquee', motif: 'Clé perdue par le centre' } });
    expect(await auth('H-REVOQ', '1234' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
    for (const op of ['activer', 'deverrouiller', 'revoquer']) expect((await dsi.post(`${B}/cles-otp/${id}/${op}`, { motif: 'encore' })).status).toBe(409);
    expect((await dsi.post(`${B}/cles-otp/${id}/remise`, { centreIds: [d.etabs.brequigny], pin: '1234' })).status).toBe(409);
    expect(await auth('OTP-DEMO-04', '1234' + RFC4226[0])).toEqual({ ok: false, message: MESSAGE_ECHEC });
  });
});

describe('Première mire : TOTP (RFC 6238, annexe B, 8 chiffres)', () => {
  it('accepte le code du pas courant, refuse son rejeu, tolère ±1 pas', async () => {
    await cleRemise({ identifiant: 'T-RFC', type: 'TOTP', chiffres: 8 });
    expect((await auth('T-RFC', '1234' + '14050471', T(1111111111))).ok).toBe(true);
    expect((await cle('T-RFC')).dernier_pas).toBe(pasTotp(T(1111111111), 30));
    expect((await auth('T-RFC', '1234' + '14050471', T(1111111111))).ok).toBe(false);
    // 1234567890's code typed 30 s late (one step behind the server), then again: refused.
    expect((await auth('T-RFC', '1234' + '89005924', T(1234567890 + 30))).ok).toBe(true);
    expect((await auth('T-RFC', '1234' + '89005924', T(1234567890 + 30))).ok).toBe(false);
    // The drift that code showed (one step) is kept (RFC 6238 §6): the key's window follows it.
    expect((await cle('T-RFC')).derive).toBe(-1);
    // Three steps late (two beyond the key's drift): refused; two steps late: accepted, the drift follows.
    expect((await auth('T-RFC', '1234' + '69279037', T(2000000000 + 90))).ok).toBe(false);
    expect((await auth('T-RFC', '1234' + '69279037', T(2000000000 + 60))).ok).toBe(true);
    expect((await cle('T-RFC')).derive).toBe(-2);
    expect((await auth('T-RFC', '1234' + '65353130', T(20000000000 + 60))).ok).toBe(true);
  });
});

describe('DSI — resynchronisation', () => {
  it('HOTP : deux codes consécutifs loin devant ramènent le compteur ; sinon un refus qui dit quoi faire', async () => {
    const id = await cleRemise({ identifiant: 'H-RESYNC' });
    expect((await auth('H-RESYNC', '1234' + calculerHotp(SECRET, 40))).ok).toBe(false);
    const faux = await dsi.post(`${B}/cles-otp/${id}/resynchroniser`, { code1: calculerHotp(SECRET, 50), code2: calculerHotp(SECRET, 52) });
    expect([faux.status, faux.body.fields.code2]).toEqual([400, MESSAGE_RESYNC_ECHEC]);
    const format = await dsi.post(`${B}/cles-otp/${id}/resynchroniser`, { code1: '12345', code2: 'abcdef' });
    expect(format.body.fields).toEqual({ code1: 'Code 1 : 6 ou 8 chiffres sont attendus.', code2: 'Code 2 : 6 ou 8 chiffres sont attendus.' });
    const r = await dsi.post(`${B}/cles-otp/${id}/resynchroniser`, { code1: calculerHotp(SECRET, 50), code2: calculerHotp(SECRET, 51) });
    expect([r.status, r.body.message]).toEqual([200, 'Clé H-RESYNC resynchronisée (compteur 52).']);
    expect((await journal('cle-otp.resynchronisation')).at(-1)).toMatchObject({ entite_id: String(id), acteur: 'dsi.rennes', avant: { compteur: 0 }, apres: { compteur: 52 } });
    expect((await auth('H-RESYNC', '1234' + calculerHotp(SECRET, 51))).ok).toBe(false);
    expect((await auth('H-RESYNC', '1234' + calculerHotp(SECRET, 52))).ok).toBe(true);
  });

  it('TOTP : la dérive de l’horloge de la clé est retrouvée et suivie', async () => {
    const id = await cleRemise({ identifiant: 'T-RESYNC', type: 'TOTP' });
    const serveur = pasTotp(d.p.clock.now(), 30);
    // The key runs 5 steps (2 min 30) ahead.
    expect((await auth('T-RESYNC', '1234' + calculerHotp(SECRET, serveur + 5))).ok).toBe(false);
    const r = await dsi.post(`${B}/cles-otp/${id}/resynchroniser`, { code1: calculerHotp(SECRET, serveur + 5), code2: calculerHotp(SECRET, serveur + 6) });
    expect([r.status, r.body.message]).toEqual([200, 'Clé T-RESYNC resynchronisée (décalage de 6 pas de 30 s).']);
    d.p.clock.advance(30_000);
    expect((await auth('T-RESYNC', '1234' + calculerHotp(SECRET, serveur + 7))).ok).toBe(true);
  });
});

describe('DSI — enregistrement, import, remise, activation', () => {
  it('enregistre une clé une à une, refuse un secret illisible, un identifiant pris, un mélange HOTP/période', async () => {
    const ok = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-UNE', numeroSerie: 'SN-UNE', type: 'TOTP', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', chiffres: 6, periode: 60 });
    expect([ok.status, ok.body.message]).toEqual([200, 'Clé K-UNE (n° de série SN-UNE, TOTP) enregistrée : elle est en stock.']);
    const k = await cle('K-UNE');
    expect(k).toMatchObject({ etat: 'en_stock', type: 'TOTP', periode: 60, academie_code: '14', pin_hash: null });
    expect(k.secret_chiffre).toMatch(/^v1\./);
    expect(k.secret_chiffre).not.toContain('GEZDGNBV');
    expect((await journal('cle-otp.enregistrement')).at(-1)).toMatchObject({ entite_id: String(k.id), apres: { identifiant: 'K-UNE', type: 'TOTP' } });

    const pris = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-UNE', numeroSerie: 'SN-AUTRE', type: 'HOTP', secret: SECRET_RFC_HEX, chiffres: 6 });
    expect([pris.status, pris.body.message]).toEqual([409, "L'identifiant « K-UNE » est déjà celui d'une autre clé : choisissez-en un autre."]);
    const illisible = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-DEUX', numeroSerie: 'SN-DEUX', type: 'HOTP', secret: 'pas un secret !', chiffres: 6 });
    expect(illisible.status).toBe(400);
    expect(illisible.body.fields.secret).toMatch(/^Secret : /);
    const court = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-DEUX', numeroSerie: 'SN-DEUX', type: 'HOTP', secret: '00112233', chiffres: 6 });
    expect(court.body.fields.secret).toBe('Secret : 4 octets lus, 16 au moins sont attendus (128 bits, RFC 4226).');
    const sept = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-DEUX', numeroSerie: 'SN-DEUX', type: 'HOTP', secret: SECRET_RFC_HEX, chiffres: 7 });
    expect(sept.body.fields).toEqual({ chiffres: 'Chiffres : 6 ou 8 (la longueur des codes affichés par la clé).' });
    const melange = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-DEUX', numeroSerie: 'SN-DEUX', type: 'HOTP', secret: SECRET_RFC_HEX, chiffres: 6, periode: 30 });
    expect(melange.body.fields).toEqual({ periode: "Période : une clé HOTP n'a pas de période (seulement un compteur)." });
    const totp = await dsi.post(`${B}/cles-otp`, { identifiant: 'K-DEUX', numeroSerie: 'SN-DEUX', type: 'TOTP', secret: SECRET_RFC_HEX, chiffres: 6, compteur: 3 });
    expect(totp.body.fields).toEqual({ compteur: "Compteur : une clé TOTP n'a pas de compteur (seulement une période)." });
  });

  it('importe un fichier tout ou rien, avec les erreurs par ligne et par champ', async () => {
    const mauvais = ['serial;secret;type;digits;period', `IMP-1;${SECRET_RFC_HEX};HOTP;6;`, 'IMP-2;zz;HOTP;6;', `IMP-3;${SECRET_RFC_HEX};XOTP;6;`].join('\n');
    const r = await dsi.post(`${B}/cles-otp/import`, { contenu: mauvais });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Le fichier contient 2 erreurs : aucune clé n'a été importée\./);
    expect(r.body.erreurs).toEqual([
      expect.objectContaining({ ligne: 3, champ: 'secret' }),
      expect.objectContaining({ ligne: 4, champ: 'type' }),
    ]);
    expect(await d.p.ctx.db.selectFrom('cle_otp').select('id').where('numero_serie', 'like', 'IMP-%').execute()).toEqual([]);

    const bon = ['serial;secret;type;digits;period', `IMP-1;${SECRET_RFC_HEX};HOTP;6;`, `IMP-2;${SECRET_RFC_HEX};TOTP;8;30`].join('\r\n');
    const ok = await dsi.post(`${B}/cles-otp/import`, { contenu: bon });
    expect([ok.status, ok.body]).toEqual([200, { importees: 2, message: '2 clés importées (fichier CSV) : en stock.' }]);
    expect((await cle('OTP-IMP-2'))).toMatchObject({ type: 'TOTP', chiffres: 8, periode: 30, etat: 'en_stock' });
    expect((await journal('cle-otp.import')).at(-1)).toMatchObject({ apres: { format: 'csv', importees: 2, numerosSerie: ['IMP-1', 'IMP-2'] } });

    const encore = await dsi.post(`${B}/cles-otp/import`, { contenu: ['serial;secret;type;digits;period', `IMP-9;${SECRET_RFC_HEX};HOTP;6;`, `IMP-2;${SECRET_RFC_HEX};HOTP;6;`].join('\n') });
    expect(encore.status).toBe(400);
    expect(encore.body.erreurs).toEqual([{ ligne: null, champ: 'serial', message: 'La clé de numéro de série « IMP-2 » est déjà enregistrée dans votre académie.' }]);
    expect(await d.p.ctx.db.selectFrom('cle_otp').select('id').where('numero_serie', '=', 'IMP-9').execute()).toEqual([]);
    const prefixe = await dsi.post(`${B}/cles-otp/import`, { contenu: `IMP-9;${SECRET_RFC_HEX};HOTP;6;`, prefixeIdentifiant: 'RN-' });
    expect(prefixe.status).toBe(200);
    expect((await cle('RN-IMP-9')).numero_serie).toBe('IMP-9');
  });

  it("l'import refuse les identifiants que le formulaire refuse (une seule règle, issue 13 §10)", async () => {
    const formule = "=cmd|' /C calc'!A0";
    const form = await dsi.post(`${B}/cles-otp`, { identifiant: `OTP-${formule}`, numeroSerie: formule, type: 'HOTP', secret: SECRET_RFC_HEX, chiffres: 6 });
    expect(form.status).toBe(400);
    expect(form.body.fields.identifiant).toMatch(/^Identifiant : 3 à 40 caractères/);
    const imp = await dsi.post(`${B}/cles-otp/import`, { contenu: `${formule};${SECRET_RFC_HEX};HOTP;6;` });
    expect(imp.status).toBe(400);
    expect(imp.body.erreurs).toEqual([expect.objectContaining({ ligne: 1, champ: 'serial', message: expect.stringContaining(`l’identifiant « OTP-${formule} »`) })]);
    const prefixe = await dsi.post(`${B}/cles-otp/import`, { contenu: `${'S'.repeat(30)};${SECRET_RFC_HEX};HOTP;6;`, prefixeIdentifiant: 'PREFIXE-LONG-' });
    expect(prefixe.status).toBe(400);
    expect(await d.p.ctx.db.selectFrom('cle_otp').select('id').where('numero_serie', 'in', [formule, 'S'.repeat(30)]).execute()).toEqual([]);
    // A serial number with a control character: refused by the form as by the import.
    const controle = await dsi.post(`${B}/cles-otp`, { identifiant: 'OTP-CTRL', numeroSerie: 'A\u0007B', type: 'HOTP', secret: SECRET_RFC_HEX, chiffres: 6 });
    expect([controle.status, controle.body.fields?.numeroSerie]).toEqual([400, 'Numéro de série : le numéro de série contient un caractère de contrôle.']);
  });

  it('remet une clé avec un PIN haché (argon2id) à des centres permis, puis l’active', async () => {
    const { id } = await cle('OTP-IMP-1');
    const pin = await dsi.post(`${B}/cles-otp/${id}/remise`, { centreIds: [d.etabs.brequigny], pin: '12a4' });
    expect(pin.body.fields.pin).toBe('Code PIN : 4 à 8 chiffres sont attendus.');
    const activer = await dsi.post(`${B}/cles-otp/${id}/activer`, {});
    expect([activer.status, activer.body.message]).toEqual([409, "La clé OTP-IMP-1 est à l'état « En stock » : l'activation demande une clé remise (code PIN et centres donnés)."]);
    const ailleurs = await d.p.ctx.db.selectFrom('etablissement').select('id').where('academie_code', '=', '16').executeTakeFirstOrThrow();
    const horsPortee = await dsi.post(`${B}/cles-otp/${id}/remise`, { centreIds: [ailleurs.id], pin: '4321' });
    expect(horsPortee.status).toBe(400);
    expect(horsPortee.body.fields.centreIds).toMatch(/^Centres : \d+ ne est pas un centre de délibération de votre académie/);

    const r = await dsi.post(`${B}/cles-otp/${id}/remise`, { centreIds: [d.etabs.brequigny, d.etabs.promenade], pin: '4321' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/^Clé OTP-IMP-1 remise à .*BREQUIGNY.*LA PROMENADE.* avec son code PIN\.$/);
    const k = await cle('OTP-IMP-1');
    expect(k.etat).toBe('remise');
    expect(k.pin_hash).toMatch(/^\$argon2id\$/);
    expect(k.pin_hash).not.toContain('4321');
    expect((await journal('cle-otp.remise')).at(-1)).toMatchObject({ entite_id: String(id), avant: { etat: 'en_stock', centres: [] }, apres: { etat: 'remise', pin: 'modifié' } });
    const a = await dsi.post(`${B}/cles-otp/${id}/activer`, {});
    expect([a.status, a.body.message]).toEqual([200, 'Clé OTP-IMP-1 activée.']);
    expect((await journal('cle-otp.activation')).at(-1)).toMatchObject({ entite_id: String(id), avant: { etat: 'remise' }, apres: { etat: 'active' } });
    expect((await auth('OTP-IMP-1', '4321' + RFC4226[0])).ok).toBe(true);

    // LA PROMENADE now has two usable keys: its alert is gone.
    const c = await dsi.get(`${B}/controle-jurys`);
    expect(c.body.centres.find((x: any) => x.uai === '0350710G')).toMatchObject({ nbClesUtilisables: 2, alerte: null });
  });

  it("une autre académie ne voit ni ne touche les clés de Rennes (404)", async () => {
    const { id } = await cle('OTP-DEMO-05');
    for (const [op, body] of [
      ['remise', { centreIds: [d.etabs.brequigny], pin: '1234' }],
      ['activer', {}],
      ['deverrouiller', {}],
      ['resynchroniser', { code1: '123456', code2: '654321' }],
      ['revoquer', { motif: 'essai' }],
    ] as const) {
      const r = await dsi16.post(`${B}/cles-otp/${id}/${op}`, body);
      expect([op, r.status, r.body.message]).toEqual([op, 404, CLE_INTROUVABLE]);
    }
    expect((await cle('OTP-DEMO-05')).etat).toBe('verrouillee');
    const r = await dsi.post(`${B}/cles-otp/999999/activer`, {});
    expect([r.status, r.body.message]).toEqual([404, CLE_INTROUVABLE]);
  });
});
