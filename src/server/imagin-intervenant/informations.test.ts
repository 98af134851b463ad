// « Informations personnelles » of the intervenant (issue 15 §4, seed 004 §2.5): his own data only (no
// id reaches another person), each field checked with a French message naming it and nothing saved on
// an error, the version the page saw (409 naming who, what and when), the audit entry with minimised
// values, the IBAN never in clear, the activity closed by the gestionnaire refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chiffrer } from '../platform/crypto.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { MESSAGE_BANQUE } from './informations.service.ts';

const URL = '/api/intervenant/informations';
const IBAN = 'FR7630006000011234567890189';
const MESSAGE_SENTENCE = 'Si vous avez besoin de modifier vos coordonnées bancaires, veuillez envoyer votre RIB au service de gestion.';

let p: TestPlatform;
let moi: TestClient;
let autre: TestClient;
let dec: TestClient;
let ids: { moi: number; autre: number; compteMoi: number };

const INITIAL = {
  adresse: '12 rue des Lilas',
  code_postal: '35000',
  commune: 'RENNES',
  tel_pro: '02 99 01 02 03',
  tel_perso: '0601020304',
  email_pro: 'alice.testeur@ac-rennes.fr',
  email_perso: 'alice.testeur@example.org',
};

async function ligne(id: number) {
  return p.ctx.db
    .selectFrom('personne')
    .select(['adresse', 'code_postal', 'commune', 'tel_pro', 'tel_perso', 'email_pro', 'email_perso', 'modifie_le', 'iban_chiffre', 'iban_fin', 'bic'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function journal(id: number) {
  return p.ctx.db.selectFrom('audit_log').selectAll().where('entite', '=', 'personne').where('entite_id', '=', String(id)).orderBy('id').execute();
}

/** The form as the page sends it: what it shows, with some fields changed. */
async function saisie(client: TestClient, changes: Record<string, unknown> = {}) {
  const r = await client.get(URL);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const { adresse, codePostal, commune, telPro, telPerso, emailPro, emailPerso, version } = r.body;
  return { adresse, codePostal, commune, telPro, telPerso, emailPro, emailPerso, version, ...changes };
}

beforeAll(async () => {
  p = await createTestPlatform();
  await fixtureReferentiel(p);
  const a = await fixtureCompte(p, { login: 'alice.testeur', role: 'intervenant' });
  const b = await fixtureCompte(p, { login: 'bruno.autre', role: 'intervenant' });
  await fixtureCompte(p, { login: 'dec.test', role: 'gestionnaire' });
  ids = { moi: a.personneId!, autre: b.personneId!, compteMoi: a.compteId };
  await connecter();
});

/** Fresh sessions (a jump of the test clock would otherwise end them for inactivity). */
async function connecter() {
  moi = p.client();
  await moi.login('imagin-intervenant', 'alice.testeur', MOT_DE_PASSE);
  autre = p.client();
  await autre.login('imagin-intervenant', 'bruno.autre', MOT_DE_PASSE);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.test', MOT_DE_PASSE);
}

/** The clock at this instant, with fresh sessions. */
async function aLInstant(iso: string) {
  p.clock.set(new Date(iso));
  await connecter();
}
afterAll(async () => {
  await p?.close();
});

/** personne.modifie_le before each test: later than every change made so far (a version only grows). */
let versionInitiale: Date;

beforeEach(async () => {
  p.clock.advance(60_000);
  const le = (versionInitiale = p.clock.now());
  await p.ctx.db
    .updateTable('personne')
    .set({ ...INITIAL, iban_chiffre: chiffrer(p.config.encryptionKey, IBAN), iban_fin: IBAN.slice(-4), bic: 'CMBRFR2BXXX', modifie_le: le })
    .where('id', '=', ids.moi)
    .execute();
  await p.ctx.db
    .updateTable('personne')
    .set({ adresse: '1 place de la Mairie', code_postal: '31000', commune: 'TOULOUSE', tel_perso: '07 00 00 00 01', email_perso: 'bruno@example.org', modifie_le: le })
    .where('id', '=', ids.autre)
    .execute();
});

describe('lecture', () => {
  it("montre à l'intervenant ses propres informations, ses coordonnées bancaires masquées et la phrase du RIB", async () => {
    const r = await moi.get(URL);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      nom: 'TESTEUR-ALICE.TESTEUR',
      adresse: '12 rue des Lilas',
      codePostal: '35000',
      commune: 'RENNES',
      telPro: '02 99 01 02 03',
      telPerso: '0601020304',
      emailPro: 'alice.testeur@ac-rennes.fr',
      emailPerso: 'alice.testeur@example.org',
      version: versionInitiale.toISOString(),
      banque: { iban: 'FR•• •••• •••• •••• •••• ••0189', bic: '••••••••XXX', message: MESSAGE_SENTENCE },
    });
    expect(MESSAGE_BANQUE).toBe(MESSAGE_SENTENCE);
    // The other intervenant reads his, not hers.
    const b = await autre.get(URL);
    expect(b.body).toMatchObject({ commune: 'TOULOUSE', telPerso: '07 00 00 00 01', banque: { iban: null, bic: null, message: MESSAGE_SENTENCE } });
    expect(b.raw.toString()).not.toContain('alice');
  });

  it("n'est pas ouverte aux autres rôles", async () => {
    const r = await dec.get(URL);
    expect(r.status).toBe(403);
    expect(r.raw.toString()).not.toContain('Lilas');
  });
});

describe('modification', () => {
  it('enregistre chaque champ, normalisé, et change la version', async () => {
    const corps = await saisie(moi, {
      adresse: '  3 bis allée de l’Étang ',
      codePostal: '29 200',
      commune: 'brest',
      telPro: '+33 2 98 00 11 22',
      telPerso: '07.11.22.33.44',
      emailPro: 'Alice.Testeur@AC-RENNES.fr',
      emailPerso: '',
    });
    await aLInstant('2026-06-15T12:30:00Z');
    const r = await moi.put(URL, corps);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      message: 'Vos informations personnelles sont enregistrées.',
      adresse: "3 bis allée de l'Étang",
      codePostal: '29200',
      commune: 'BREST',
      telPro: '02 98 00 11 22',
      telPerso: '07 11 22 33 44',
      emailPro: 'alice.testeur@ac-rennes.fr',
      emailPerso: '',
      version: '2026-06-15T12:30:00.000Z',
      derniereModification: { le: '2026-06-15T12:30:00.000Z', par: 'vous-même' },
    });
    expect(await ligne(ids.moi)).toMatchObject({
      adresse: "3 bis allée de l'Étang",
      code_postal: '29200',
      commune: 'BREST',
      tel_pro: '02 98 00 11 22',
      tel_perso: '07 11 22 33 44',
      email_pro: 'alice.testeur@ac-rennes.fr',
      email_perso: null,
      modifie_le: new Date('2026-06-15T12:30:00Z'),
    });
    // The other person is untouched.
    expect(await ligne(ids.autre)).toMatchObject({ commune: 'TOULOUSE', tel_perso: '07 00 00 00 01' });
    // Reading again gives the saved values.
    expect((await moi.get(URL)).body).toMatchObject({ commune: 'BREST', telPerso: '07 11 22 33 44', version: '2026-06-15T12:30:00.000Z' });
  });

  it("un champ à la fois : seul ce champ change, et un numéro déjà enregistré autrement (0601020304) n'est pas une modification", async () => {
    const champs: Array<[string, string, string, unknown]> = [
      ['adresse', '5 rue Neuve', 'adresse', '5 rue Neuve'],
      ['codePostal', '35200', 'code_postal', '35200'],
      ['commune', 'Saint-Malo', 'commune', 'SAINT-MALO'],
      ['telPro', '0299999999', 'tel_pro', '02 99 99 99 99'],
      ['telPerso', '06 55 44 33 22', 'tel_perso', '06 55 44 33 22'],
      ['emailPro', 'a.t@ac-rennes.fr', 'email_pro', 'a.t@ac-rennes.fr'],
      ['emailPerso', 'a.t@example.net', 'email_perso', 'a.t@example.net'],
    ];
    for (const [champ, valeur, colonne, attendu] of champs) {
      const avantAudit = (await journal(ids.moi)).length;
      p.clock.advance(1000);
      const r = await moi.put(URL, await saisie(moi, { [champ]: valeur }));
      expect(r.status, `${champ} : ${JSON.stringify(r.body)}`).toBe(200);
      expect((await ligne(ids.moi))[colonne as 'adresse'], champ).toBe(attendu);
      const entrees = (await journal(ids.moi)).slice(avantAudit);
      expect(entrees, champ).toHaveLength(1);
      expect(Object.keys(entrees[0]!.avant as object).filter((k) => k !== 'version'), champ).toEqual([champ]);
    }
    // Saving the page unchanged: nothing recorded.
    const avantAudit = (await journal(ids.moi)).length;
    const version = (await ligne(ids.moi)).modifie_le;
    const r = await moi.put(URL, await saisie(moi));
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('Aucune modification : vos informations personnelles étaient déjà celles-ci.');
    expect(await journal(ids.moi)).toHaveLength(avantAudit);
    expect((await ligne(ids.moi)).modifie_le).toEqual(version);
  });

  it('refuse chaque valeur incorrecte par un message qui nomme le champ, sans rien enregistrer', async () => {
    const cas: Array<[string, unknown, RegExp]> = [
      ['adresse', '', /^L'adresse est obligatoire/],
      ['adresse', '12', /^L'adresse doit indiquer la voie/],
      ['adresse', `12 ${'rue '.repeat(50)}`, /^L'adresse est trop longue \(200 caractères au plus\)\.$/],
      ['adresse', 'x'.repeat(301), /^L'adresse dépasse 300 caractères\.$/],
      ['codePostal', '350', /^Le code postal compte 5 chiffres/],
      ['codePostal', '2A004', /^Le code postal de la Corse commence par 20/],
      ['codePostal', '96100', /^Le code postal 96100 ne correspond à aucun département/],
      ['commune', '', /^La commune est obligatoire/],
      ['commune', 'Paris 15e', /^La commune ne doit contenir que des lettres/],
      ['telPro', '02 99 01 02', /^Le téléphone professionnel doit compter 10 chiffres/],
      ['telPerso', '+44 20 7946 0958', /^Le téléphone personnel doit être un numéro français/],
      ['telPerso', '06-AB-34-56-78', /^Le téléphone personnel ne doit contenir que des chiffres/],
      ['emailPro', 'alice@ac-rennes', /^Le mél professionnel n'est pas valide/],
      ['emailPerso', 'alice.example.org', /^Le mél personnel n'est pas valide/],
      ['emailPerso', 42, /^Le mél personnel doit être un texte/],
    ];
    const avant = await ligne(ids.moi);
    const avantAudit = (await journal(ids.moi)).length;
    for (const [champ, valeur, message] of cas) {
      // A valid change elsewhere in the same form is not saved either.
      const r = await moi.put(URL, await saisie(moi, { commune: 'VITRE', [champ]: valeur }));
      expect(r.status, `${champ}=${String(valeur)}`).toBe(400);
      expect(r.body.code).toBe('VALIDATION');
      expect(Object.keys(r.body.fields), `${champ}=${String(valeur)}`).toEqual([champ]);
      expect(r.body.fields[champ]).toMatch(message);
      expect(r.body.message).toBe(r.body.fields[champ]);
    }
    expect(await ligne(ids.moi)).toEqual(avant);
    expect(await journal(ids.moi)).toHaveLength(avantAudit);
  });

  it('signale toutes les erreurs à la fois, chacune sur son champ', async () => {
    const r = await moi.put(URL, await saisie(moi, { codePostal: '1', telPro: '12', emailPro: 'x@', commune: '' }));
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.fields).sort()).toEqual(['codePostal', 'commune', 'emailPro', 'telPro']);
    expect(r.body.message).toMatch(/\(et 3 autres erreurs de saisie\)$/);
  });

  it('sans la version affichée : refusé', async () => {
    const { version: _v, ...sans } = await saisie(moi, { commune: 'VITRE' });
    const r = await moi.put(URL, sans);
    expect(r.status).toBe(400);
    expect(r.body.fields.version).toBe('La version de vos informations affichées manque : rechargez la page, puis recommencez.');
    expect((await ligne(ids.moi)).commune).toBe('RENNES');
  });
});

describe('version périmée', () => {
  it('une page ouverte avant une modification faite ailleurs est refusée (409) en disant qui, quoi et quand', async () => {
    await aLInstant('2026-06-20T14:00:00Z');
    const page1 = await saisie(moi, { commune: 'VITRE', codePostal: '35500' });
    // The same person, in another tab (another session), changes his phone first.
    p.clock.set(new Date('2026-06-20T14:05:00Z'));
    const onglet = p.client();
    await onglet.login('imagin-intervenant', 'alice.testeur', MOT_DE_PASSE);
    expect((await onglet.put(URL, await saisie(onglet, { telPerso: '06 99 88 77 66' }))).status).toBe(200);
    p.clock.advance(60_000);
    const r = await moi.put(URL, page1);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CONFLIT');
    expect(r.body.message).toBe(
      "Vos informations personnelles ont été modifiées le 20/06/2026 à 16:05 par vous-même dans une autre fenêtre ou un autre onglet depuis l'affichage de cette page (champs modifiés : téléphone personnel). " +
        "Rien n'a été enregistré : rechargez la page pour voir les valeurs actuelles, puis refaites vos modifications.",
    );
    expect(await ligne(ids.moi)).toMatchObject({ commune: 'RENNES', tel_perso: '06 99 88 77 66' });
    // Reloaded, the page saves.
    expect((await moi.put(URL, await saisie(moi, { commune: 'VITRE', codePostal: '35500' }))).status).toBe(200);
  });

  it("nomme le gestionnaire qui a modifié la fiche, et un import quand aucun auteur n'est connu", async () => {
    const page1 = await saisie(moi, { commune: 'VITRE', codePostal: '35500' });
    // A change recorded the way this activity records its own (audit entry carrying the version it set).
    const le = new Date('2026-06-21T07:45:00Z');
    const gestionnaire = await p.ctx.db.selectFrom('compte').select('id').where('login', '=', 'dec.test').executeTakeFirstOrThrow();
    await p.ctx.db.updateTable('personne').set({ email_pro: 'alice.t@ac-rennes.fr', adresse: '8 rue Haute', modifie_le: le }).where('id', '=', ids.moi).execute();
    await p.ctx.db
      .insertInto('audit_log')
      .values({ academie_code: '14', compte_id: gestionnaire.id, acteur: 'dec.test', action: 'intervenant.modification', entite: 'personne', entite_id: String(ids.moi), avant: JSON.stringify({}), apres: JSON.stringify({ champs: ['mél professionnel', 'adresse'], version: le.toISOString() }) })
      .execute();
    const r = await moi.put(URL, page1);
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/^Vos informations personnelles ont été modifiées le 21\/06\/2026 à 09:45 par dec\.test \(service de gestion\) depuis l'affichage de cette page \(champs modifiés : mél professionnel, adresse\)\. Rien/);

    const page2 = await saisie(moi, { commune: 'VITRE', codePostal: '35500' });
    await p.ctx.db.updateTable('personne').set({ tel_pro: '02 23 00 00 00', modifie_le: new Date('2026-06-22T06:00:00Z') }).where('id', '=', ids.moi).execute();
    const r2 = await moi.put(URL, page2);
    expect(r2.status).toBe(409);
    expect(r2.body.message).toMatch(/^Vos informations personnelles ont été modifiées le 22\/06\/2026 à 08:00 par le service de gestion ou une mise à jour des bases académiques depuis/);
    expect((await ligne(ids.moi)).commune).toBe('RENNES');
    // Later tests start after these changes.
    await aLInstant('2026-06-23T08:00:00Z');
  });
});

describe('journal', () => {
  it('note qui, quand, ancien → nouveau par champ, valeurs personnelles masquées, empreinte de la nouvelle valeur', async () => {
    await aLInstant('2026-06-25T09:00:00Z');
    const r = await moi.put(URL, await saisie(moi, { telPerso: '07 11 22 33 44', emailPerso: 'nouvelle.adresse@example.net', adresse: '40 boulevard de la Liberté', codePostal: '35700' }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const e = (await journal(ids.moi)).at(-1)!;
    expect(e).toMatchObject({ academie_code: '14', compte_id: ids.compteMoi, acteur: 'alice.testeur', action: 'informations-personnelles.modifier', entite: 'personne', entite_id: String(ids.moi) });
    expect(e.avant).toEqual({ adresse: '12 •••', codePostal: '35000', telPerso: '06 •• •• •• 04', emailPerso: 'a•••@example.org', version: versionInitiale.toISOString() });
    expect(e.apres).toMatchObject({
      adresse: '40 •••',
      codePostal: '35700',
      telPerso: '07 •• •• •• 44',
      emailPerso: 'n•••@example.net',
      champs: ['adresse', 'code postal', 'téléphone personnel', 'mél personnel'],
      version: '2026-06-25T09:00:00.000Z',
    });
    const empreintes = (e.apres as { empreintes: Record<string, string> }).empreintes;
    expect(Object.keys(empreintes).sort()).toEqual(['adresse', 'codePostal', 'emailPerso', 'telPerso']);
    for (const v of Object.values(empreintes)) expect(v).toMatch(/^[0-9a-f]{16}$/);
    const texte = JSON.stringify(e);
    for (const clair of ['0601020304', '07 11 22 33 44', '0711223344', 'alice.testeur@example.org', 'nouvelle.adresse', 'rue des Lilas', 'Liberté']) expect(texte).not.toContain(clair);
    // The gestionnaire's journal shows it.
    const j = await dec.get(`/api/audit?entite=personne&entiteId=${ids.moi}`);
    expect(j.status).toBe(200);
    expect(j.body[0]).toMatchObject({ acteur: 'alice.testeur', action: 'informations-personnelles.modifier', apres: { telPerso: '07 •• •• •• 44' } });
  });
});

describe('portée et confidentialité', () => {
  it("l'IBAN n'apparaît jamais en clair ni chiffré dans une réponse", async () => {
    const chiffre = (await ligne(ids.moi)).iban_chiffre!;
    const reponses = [await moi.get(URL), await moi.put(URL, await saisie(moi, { commune: 'VITRE', codePostal: '35500' })), await moi.put(URL, await saisie(moi, { codePostal: '1' }))];
    for (const r of reponses) {
      const t = r.raw.toString();
      expect(t).not.toContain(IBAN.slice(4, 20));
      expect(t).not.toContain(IBAN);
      expect(t).not.toContain(chiffre);
      expect(t).not.toContain('CMBRFR2B');
      expect(t).not.toContain('iban_chiffre');
    }
    expect(reponses.map((r) => r.status)).toEqual([200, 200, 400]);
  });

  it("un identifiant de personne dans la demande n'atteint personne : refusé, rien n'est enregistré", async () => {
    const avantAutre = await ligne(ids.autre);
    const avantMoi = await ligne(ids.moi);
    for (const cle of ['personneId', 'id', 'personne_id']) {
      const r = await moi.put(URL, await saisie(moi, { commune: 'PIRATE', [cle]: ids.autre }));
      expect(r.status, cle).toBe(400);
      expect(r.body.message).toBe("Ce formulaire ne modifie que vos propres informations : l'identifiant d'une personne n'y est pas accepté.");
    }
    // The bank details are not editable here either.
    const iban = await moi.put(URL, await saisie(moi, { iban: 'FR7612345000010000000000000' }));
    expect(iban.status).toBe(400);
    expect(iban.body.message).toBe('Champ inconnu dans la demande : iban.');
    // Nor through a query string or another path.
    expect((await moi.get(`${URL}?personneId=${ids.autre}`)).body.commune).toBe('RENNES');
    expect((await moi.get(`${URL}/${ids.autre}`)).status).toBe(404);
    expect(await ligne(ids.autre)).toEqual(avantAutre);
    expect(await ligne(ids.moi)).toEqual(avantMoi);
  });

  it("une personne d'une autre académie que la session : introuvable", async () => {
    await p.ctx.db.updateTable('personne').set({ academie_code: '16' }).where('id', '=', ids.autre).execute();
    try {
      const r = await autre.get(URL);
      expect(r.status).toBe(404);
      expect(r.raw.toString()).not.toContain('TOULOUSE');
    } finally {
      await p.ctx.db.updateTable('personne').set({ academie_code: '14' }).where('id', '=', ids.autre).execute();
    }
  });

  it('activité fermée par le gestionnaire : lecture et modification refusées', async () => {
    const A = '/api/gestion/activites/imagin-intervenant/informations-personnelles';
    expect((await dec.put(A, { ouverte: false, motif: 'Campagne de vérification' })).status).toBe(200);
    try {
      const corps = { ...(await p.ctx.db.selectFrom('personne').select('modifie_le').where('id', '=', ids.moi).executeTakeFirstOrThrow()), commune: 'VITRE' };
      const g = await moi.get(URL);
      expect(g.status).toBe(403);
      expect(g.body.code).toBe('ACTIVITE_FERMEE');
      const m = await moi.put(URL, { version: corps.modifie_le.toISOString(), adresse: '1 rue A', codePostal: '35500', commune: 'VITRE' });
      expect(m.status).toBe(403);
      expect(m.body.code).toBe('ACTIVITE_FERMEE');
      expect((await ligne(ids.moi)).commune).toBe('RENNES');
    } finally {
      expect((await dec.put(A, { ouverte: true })).status).toBe(200);
    }
    expect((await moi.get(URL)).status).toBe(200);
  });
});
