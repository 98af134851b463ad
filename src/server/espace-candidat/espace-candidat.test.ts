// Espace candidat (issue 6): the candidate's own candidatures only (another's answers 404), the
// récapitulatif d'inscription read back, « Résultats non publiés » until the publication of the
// académie and session, then the frozen result with its grades.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { CANDIDATURE_INTROUVABLE, RESULTATS_NON_PUBLIES, SANS_CANDIDATURE } from './espace-candidat.service.ts';
import { fixtureCandidats } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureCandidats>>;
let lea: TestClient;
let paul: TestClient;
const B = '/api/candidat';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureCandidats(p);
  lea = p.client();
  await lea.login('espace-candidat', 'lea.moreau', MOT_DE_PASSE);
  paul = p.client();
  await paul.login('espace-candidat', 'paul.martin@example.fr', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

describe('Mon récapitulatif d’inscription', () => {
  it('liste les candidatures du candidat, et les siennes seulement', async () => {
    const r = await lea.get(`${B}/candidatures`);
    expect(r.status).toBe(200);
    expect(r.body.candidat).toMatchObject({ civilite: 'Mme', nom: 'MOREAU', prenom: 'Léa', dateNaissance: '2011-03-12', commune: 'RENNES' });
    expect(r.body.message).toBeNull();
    expect(r.body.lignes).toHaveLength(2);
    // The most recent session first.
    expect(r.body.lignes[0]).toMatchObject({
      id: f.candidatures.lea2027,
      session: 'DNB 2027',
      examen: 'DIPLOME NATIONAL DU BREVET',
      etablissement: 'LGT LA PROMENADE RENNES (0350710G)',
      numeroCandidat: '14100000201',
      libelleEtat: 'Inscrit',
      serie: 'SERIE GENERALE',
      division: '2NDE3',
      qualification: 'LV: ANGLAIS',
    });
    expect(r.body.lignes[1]).toMatchObject({ id: f.candidatures.lea2026, session: 'DNB 2026', etablissement: 'CLG DU PARC RENNES (0350711H)', recapitulatif: `${B}/candidatures/${f.candidatures.lea2026}/recapitulatif` });
    const autre = await paul.get(`${B}/candidatures`);
    expect(autre.body.lignes.map((l: { numeroCandidat: string }) => l.numeroCandidat)).toEqual(['14100000102', '14100000002']);
    expect(autre.body.lignes[1].libelleEtat).toBe('Annulé');
  });

  it('édite le récapitulatif d’inscription (PDF) avec l’identité, l’inscription et les épreuves', async () => {
    const r = await lea.get(`${B}/candidatures/${f.candidatures.lea2026}/recapitulatif`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('private, no-store');
    expect(r.headers['content-disposition']).toContain('recapitulatif-inscription-DNB-2026-14100000101.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe("Récapitulatif d'inscription");
    expect(pages).toHaveLength(1);
    const t = pages[0]!;
    for (const attendu of [
      'ACADEMIE DE RENNES',
      'CLG DU PARC RENNES (0350711H)',
      "Récapitulatif d'inscription",
      'DIPLOME NATIONAL DU BREVET — session DNB 2026',
      'Mme MOREAU Léa',
      '12/03/2011',
      '4 RUE DES ECOLES',
      '35000 RENNES',
      'Numéro de candidat : 14100000101',
      'État de la candidature : Inscrit',
      'Série : SERIE GENERALE',
      'Division de classe : 3A',
      'Qualification présentée : LV: ANGLAIS',
      'FRA FRANCAIS Écrite 100 Non',
      'ORAL SOUTENANCE ORALE Orale 100 Non',
      'LCA LANGUES ET CULTURES DE L’ANTIQUITE Écrite 1 Oui',
      'Récapitulatif édité le 15/06/2026 à 10:00.',
    ]) {
      expect(t).toContain(attendu);
    }
    // A candidature without épreuves says so.
    const sans = await textePdf((await lea.get(`${B}/candidatures/${f.candidatures.lea2027}/recapitulatif`)).raw);
    expect(sans.pages[0]).toContain('Aucune épreuve n’est enregistrée pour cette candidature.');
    expect(sans.pages[0]).toContain('LGT LA PROMENADE RENNES (0350710G)');
  });

  it('ne donne jamais la candidature d’un autre candidat (404), ni d’une autre académie', async () => {
    for (const id of [f.candidatures.paul2026, f.candidatures.tom2026, 999999]) {
      const r = await lea.get(`${B}/candidatures/${id}/recapitulatif`);
      expect(r.status, String(id)).toBe(404);
      expect(r.body.message).toBe(CANDIDATURE_INTROUVABLE);
      const res = await lea.get(`${B}/resultats/${id}`);
      expect(res.status, String(id)).toBe(404);
    }
    expect((await lea.get(`${B}/candidatures/abc/recapitulatif`)).status).toBe(400);
  });

  it('dit au compte qui n’est rattaché à aucun candidat qu’il n’a pas de candidature', async () => {
    const c = p.client();
    await c.login('espace-candidat', 'sans.candidature', MOT_DE_PASSE);
    const r = await c.get(`${B}/candidatures`);
    expect(r.body).toEqual({ candidat: null, message: SANS_CANDIDATURE, lignes: [] });
    expect((await c.get(`${B}/resultats`)).body.lignes).toEqual([]);
    expect((await c.get(`${B}/candidatures/${f.candidatures.lea2026}/recapitulatif`)).status).toBe(404);
  });

  it('est réservé au candidat', async () => {
    const { fixtureCompte } = await import('../testing/harness.ts');
    await fixtureCompte(p, { login: 'gest.candidats', role: 'gestionnaire' });
    const g = p.client();
    await g.login('imagin-gestion', 'gest.candidats', MOT_DE_PASSE);
    expect((await g.get(`${B}/candidatures`)).status).toBe(403);
    expect((await g.get(`${B}/resultats/${f.candidatures.lea2026}`)).status).toBe(403);
  });
});

describe('Mes résultats', () => {
  it('montre « Résultats non publiés » tant que la session n’est pas publiée, puis la décision', async () => {
    const r = await lea.get(`${B}/resultats`);
    expect(r.status).toBe(200);
    const [l2027, l2026] = r.body.lignes;
    expect(l2027).toMatchObject({ id: f.candidatures.lea2027, session: 'DNB 2027', publie: false, resultat: RESULTATS_NON_PUBLIES, decision: null, moyenne: null, nbNotes: 0 });
    expect(l2026).toMatchObject({ id: f.candidatures.lea2026, session: 'DNB 2026', publie: true, resultat: 'Admis — mention Bien', decision: 'Admis', mention: 'Bien', moyenne: 14.25, nbNotes: 4 });
    expect(l2026.publieLe).toBeTruthy();
  });

  it('donne les notes de la candidature publiée, rien de celle qui ne l’est pas', async () => {
    const r = await lea.get(`${B}/resultats/${f.candidatures.lea2026}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publie: true, decision: 'Admis', mention: 'Bien', moyenne: 14.25, etablissement: 'CLG DU PARC RENNES (0350711H)', numeroCandidat: '14100000101' });
    expect(r.body.notes).toEqual(f.NOTES_LEA);
    const non = await lea.get(`${B}/resultats/${f.candidatures.lea2027}`);
    expect(non.body).toMatchObject({ publie: false, resultat: RESULTATS_NON_PUBLIES, decision: null, notes: [] });
  });

  it('ne montre pas un résultat figé tant que l’académie de la candidature ne l’a pas publié', async () => {
    const c = p.client();
    await c.login('espace-candidat', 'tom.garcia', MOT_DE_PASSE);
    const r = await c.get(`${B}/resultats/${f.candidatures.tom2026}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publie: false, resultat: RESULTATS_NON_PUBLIES, decision: null, mention: null, moyenne: null, notes: [] });
    // Once Toulouse publishes, it appears.
    await p.ctx.db.insertInto('publication_resultats').values({ academie_code: '16', session_examen_id: f.session('2026-06') }).execute();
    expect((await c.get(`${B}/resultats/${f.candidatures.tom2026}`)).body).toMatchObject({ publie: true, decision: 'Admis', mention: 'Très bien', moyenne: 17 });
  });

  it('dit qu’aucun résultat n’est publié pour une candidature de la session publiée sans résultat', async () => {
    const r = await paul.get(`${B}/resultats`);
    const annulee = r.body.lignes.find((l: { numeroCandidat: string }) => l.numeroCandidat === '14100000002');
    expect(annulee).toMatchObject({ publie: false, resultat: RESULTATS_NON_PUBLIES });
    await p.ctx.db.insertInto('publication_resultats').values({ academie_code: '14', session_examen_id: f.session('2025-06') }).execute();
    const apres = (await paul.get(`${B}/resultats`)).body.lignes.find((l: { numeroCandidat: string }) => l.numeroCandidat === '14100000002');
    expect(apres).toMatchObject({ publie: true, resultat: "Aucun résultat n'a été publié pour cette candidature.", decision: null });
  });

  it('refuse quand le gestionnaire a fermé l’activité', async () => {
    await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'espace-candidat', activite: 'resultats', ouverte: false, motif: 'Publication en préparation.' }).execute();
    const r = await lea.get(`${B}/resultats`);
    expect(r.status).toBe(403);
    expect((await lea.get(`${B}/candidatures`)).status).toBe(200);
    await p.ctx.db.deleteFrom('activite_ouverture').where('service', '=', 'espace-candidat').execute();
    // Reopened: the very next read sees it (the openings come with the session, no cache to wait for).
    expect((await lea.get(`${B}/resultats`)).status).toBe(200);
    await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'espace-candidat', activite: 'resultats', ouverte: true }).execute();
    expect((await lea.get(`${B}/resultats`)).status).toBe(200);
    await p.ctx.db.updateTable('activite_ouverture').set({ ouverte: false }).where('service', '=', 'espace-candidat').execute();
    expect((await lea.get(`${B}/resultats`)).status).toBe(403);
    await p.ctx.db.deleteFrom('activite_ouverture').where('service', '=', 'espace-candidat').execute();
  });

  it('sert le résultat figé à la publication : des notes, un établissement ou une décision changés ensuite n’y changent rien (issue 18 §10)', async () => {
    const avantListe = (await lea.get(`${B}/resultats`)).body;
    const avant = (await lea.get(`${B}/resultats/${f.candidatures.lea2026}`)).body;
    const db = p.ctx.db;
    // After the publication: grades entered for the candidature (all 20), the candidature moved to
    // another établissement, and a jury's decision that would say otherwise.
    const epreuves = await db.selectFrom('candidature_epreuve').select('epreuve_option_id').where('candidature_id', '=', f.candidatures.lea2026).execute();
    await db
      .insertInto('note')
      .values(epreuves.map((e) => ({ candidature_id: f.candidatures.lea2026, epreuve_option_id: e.epreuve_option_id, groupe: 1 as const, statut: 'note' as const, valeur: 20 })))
      .execute();
    await db.updateTable('candidature').set({ etablissement_id: f.etabs.lycee }).where('id', '=', f.candidatures.lea2026).execute();
    const apresListe = (await lea.get(`${B}/resultats`)).body;
    const apres = (await lea.get(`${B}/resultats/${f.candidatures.lea2026}`)).body;
    // The decision, the mention, the average and the grades are those frozen; only the header follows the candidature.
    const fige = (r: Record<string, unknown>) => ({ decision: r.decision, mention: r.mention, moyenne: r.moyenne, resultat: r.resultat, notes: r.notes, publieLe: r.publieLe });
    expect(fige(apres)).toEqual(fige(avant));
    expect(apres.notes).toEqual(f.NOTES_LEA);
    expect(apresListe.lignes.map(({ etablissement: _e, ...l }: Record<string, unknown>) => l)).toEqual(avantListe.lignes.map(({ etablissement: _e, ...l }: Record<string, unknown>) => l));
    await db.deleteFrom('note').where('candidature_id', '=', f.candidatures.lea2026).execute();
    await db.updateTable('candidature').set({ etablissement_id: f.etabs.college }).where('id', '=', f.candidatures.lea2026).execute();
  });
});

describe('en-tête et accueil de l’espace candidat', () => {
  it('nomme le candidat « Prénom NOM » dans l’en-tête, et non par son identifiant', async () => {
    const r = await lea.get('/api/auth/session');
    expect(r.status).toBe(200);
    expect(r.body.entete).toBe('ACADEMIE DE RENNES - Léa MOREAU');
    expect(r.body.candidat).toMatchObject({ prenom: 'Léa', nom: 'MOREAU' });
    // The same at login.
    const c = p.client();
    const connexion = await c.post('/api/auth/connexion', { service: 'espace-candidat', identifiant: 'paul.martin@example.fr', motDePasse: MOT_DE_PASSE });
    expect(connexion.body.session.entete).toBe('ACADEMIE DE RENNES - Paul MARTIN');
    expect(connexion.body.session.entete).not.toContain('paul.martin');
  });

  it('donne à l’accueil la session de ses candidatures : un élève de 3e inscrit au DNB 2027 lit DNB 2027', async () => {
    const db = p.ctx.db;
    const ca = await db
      .insertInto('candidat')
      .values({ academie_code: '14', civilite: 'Mme', nom: 'Dupont-Le Goff', prenom: 'Jade', date_naissance: '2012-02-02' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('candidature')
      .values({ candidat_id: ca.id, session_examen_id: f.session('2027-06'), academie_code: '14', etablissement_id: f.etabs.college, numero_candidat: '14100000301', etat: 'inscrit', email: 'jade@example.fr', serie_code: 'G', serie_libelle: 'SERIE GENERALE', division_classe: '3C', qualification_presentee: 'LV: ANGLAIS' })
      .execute();
    const { fixtureCompte } = await import('../testing/harness.ts');
    const compte = await fixtureCompte(p, { login: 'jade.dupontlegoff', role: 'candidat' });
    await db.insertInto('compte_candidat').values({ compte_id: compte.compteId, candidat_id: ca.id, type_login: 'prenom_nom', etablissement_id: f.etabs.college }).execute();
    const jade = p.client();
    await jade.login('espace-candidat', 'jade.dupontlegoff', MOT_DE_PASSE);
    const r = await jade.get('/api/auth/session');
    expect(r.body.entete).toBe('ACADEMIE DE RENNES - Jade DUPONT-LE GOFF');
    expect(r.body.candidat).toEqual({ prenom: 'Jade', nom: 'DUPONT-LE GOFF', sessions: [{ libelle: 'DNB 2027', examen: 'DIPLOME NATIONAL DU BREVET', annee: 2027 }] });
    // Léa, registered in 2026 and 2027: both, the most recent first.
    const l = await lea.get('/api/auth/session');
    expect(l.body.candidat.sessions.map((s: { libelle: string }) => s.libelle)).toEqual(['DNB 2027', 'DNB 2026']);
    // Paul's cancelled 2025 candidature is past: only his current session.
    expect((await paul.get('/api/auth/session')).body.candidat.sessions.map((s: { libelle: string }) => s.libelle)).toEqual(['DNB 2026']);
  });

  it('garde l’identifiant pour un compte rattaché à aucun candidat', async () => {
    const c = p.client();
    await c.login('espace-candidat', 'sans.candidature', MOT_DE_PASSE);
    const r = await c.get('/api/auth/session');
    expect(r.body.entete).toBe('ACADEMIE DE RENNES - sans.candidature');
    expect(r.body.candidat).toBeNull();
  });
});
