import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;

beforeEach(async () => {
  p = await createTestPlatform();
  etabs = await fixtureReferentiel(p);
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' });
  await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16' });
});
afterEach(async () => {
  await p.close();
});

describe('ouverture des activités', () => {
  it("ferme une activité pour l'académie : le menu la grise avec le motif, le serveur la refuse, l'audit le garde", async () => {
    await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
    await fixtureCompte(p, { login: 'ce.0120006s', role: 'chef_etablissement', etablissementId: etabs.toulouse, academie: '16' });
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const list = await dec.get('/api/gestion/activites');
    const etab = list.body.find((s: any) => s.service === 'imagin-etablissement');
    expect(etab.activites.find((a: any) => a.code === 'traitements')).toMatchObject({ ouverte: true, fermable: true });

    const closed = await dec.put('/api/gestion/activites/imagin-etablissement/traitements', { ouverte: false, motif: 'Ouverture le 2 juin' });
    expect(closed.status).toBe(200);

    const ce = p.client();
    const session = await ce.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const item = session.menu.flatMap((g: any) => g.activites).find((a: any) => a.code === 'traitements');
    expect(item).toMatchObject({ ouverte: false, motif: 'Ouverture le 2 juin' });
    const refused = await ce.get('/api/traitements');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACTIVITE_FERMEE' });
    expect(refused.body.message).toContain("n'est pas ouverte par le service gestionnaire");

    // Toulouse is another tenant: still open there.
    const tls = p.client();
    await tls.login('imagin-etablissement', 'ce.0120006s', MOT_DE_PASSE);
    expect((await tls.get('/api/traitements')).status).toBe(200);

    await dec.put('/api/gestion/activites/imagin-etablissement/traitements', { ouverte: true });
    expect((await ce.get('/api/traitements')).status).toBe(200);

    const audit = await dec.get('/api/audit?entite=activite');
    expect(audit.body.map((a: any) => a.action)).toEqual(['activite.ouverture', 'activite.fermeture']);
    expect(audit.body[1].apres).toEqual({ ouverte: false, motif: 'Ouverture le 2 juin' });
  });

  it("refuse de fermer une activité qui reste toujours ouverte, et une activité inconnue", async () => {
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const r = await dec.put('/api/gestion/activites/imagin-gestion/journal', { ouverte: false });
    expect(r.status).toBe(400);
    expect(r.body.fields.ouverte).toContain('ne peut pas être fermée');
    expect((await dec.put('/api/gestion/activites/imagin-gestion/inconnue', { ouverte: false })).status).toBe(404);
    const bad = await dec.put('/api/gestion/activites/imagin-gestion/journal', { ouverte: 'oui' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.ouverte).toBeDefined();
  });
});

describe('comptes des intervenants', () => {
  it("attribue un mot de passe temporaire, que l'intervenant doit changer", async () => {
    const { compteId } = await fixtureCompte(p, { login: 'prof.sans.mail', role: 'intervenant', email: null });
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const found = await dec.get('/api/gestion/comptes?q=sans');
    expect(found.body.map((c: any) => c.id)).toEqual([compteId]);
    const r = await dec.post(`/api/gestion/comptes/${compteId}/mot-de-passe-temporaire`);
    expect(r.status).toBe(200);
    expect(r.body.motDePasse).toHaveLength(10);
    const prof = p.client();
    const s = await prof.login('imagin-intervenant', 'prof.sans.mail', r.body.motDePasse);
    expect(s.compte.motDePasseTemporaire).toBe(true);
    // A gestionnaire of another académie neither finds nor changes this account.
    const tls = p.client();
    await tls.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
    expect((await tls.get('/api/gestion/comptes?q=sans')).body).toEqual([]);
    expect((await tls.post(`/api/gestion/comptes/${compteId}/mot-de-passe-temporaire`)).status).toBe(404);
  });

  it("renseigne l'adresse d'un intervenant et lui envoie le lien de réinitialisation", async () => {
    const { compteId } = await fixtureCompte(p, { login: 'prof.sans.mail', role: 'intervenant', email: null });
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
    const bad = await dec.put(`/api/gestion/comptes/${compteId}/email`, { email: 'pas-une-adresse' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.email).toContain('Adresse électronique incorrecte');
    const ok = await dec.put(`/api/gestion/comptes/${compteId}/email`, { email: 'prof@example.fr' });
    expect(ok.status).toBe(200);
    const mail = await attendre(() => p.ctx.db.selectFrom('mail').selectAll().where('statut', '=', 'boite_sortie').executeTakeFirst());
    expect(mail.destinataires).toEqual(['prof@example.fr']);
    expect(mail.texte).toContain('/reinitialiser-mot-de-passe?jeton=');
  });
});
