// Enquête DCS (seed 004 §2.9, decision 0023) on the database: a DCS teacher of the SIEC answers the six
// steps (each saved on its own, stale version → 409), validates; the survey closed → refused; his
// answers only (no id to change: another person's are unreachable); the SIEC's gestionnaire opens and
// closes it (stale state → 409), follows and reads the answers, exports them (CSV, BOM, ';'); a
// gestionnaire of another académie and a SIEC teacher outside the DCS are refused with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAISON_CONDITION_PERSONNE } from '../../domain/services.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let prof: TestClient;
let autreProf: TestClient;
let nonDcs: TestClient;
let decSiec: TestClient;
let decRennes: TestClient;
let personneProf = 0;
let personneAutre = 0;
let etabSiec = 0;

const I = '/api/intervenant/enquete-dcs';
const G = '/api/gestion/enquete-dcs';

const REPONSES = {
  activite: { situation: 'en_activite', fonction: 'Professeur agrégé d’économie et gestion', anneeRetraite: '', precision: '' },
  etablissements: { aucun: false, etablissements: [{ uai: '0750652B', libelle: 'LYC DEMO-DCG PARIS' }] },
  enseignements: { aucun: false, ues: ['DCG-11', 'DCG-6', 'DSCG-2'] },
  vae: { disponible: 'oui', diplomes: ['DSCG'] },
  'epreuves-ecrites': { souhaite: 'oui', ues: ['DCG-11'] },
  'epreuves-orales': { souhaite: 'non', ues: [] },
} as const;

async function enseignement(personneId: number, typeMef: string, matiere = 'CONTROLE DE GESTION') {
  await p.ctx.db
    .insertInto('enseignement')
    .values({ personne_id: personneId, etablissement_id: etabSiec, annee_scolaire: '2026-2027', mef_code: '32031000001', mef_libelle: typeMef, type_mef: typeMef, matiere, modalite_cours: 'CG' })
    .execute();
}

async function connecte(login: string, service: 'imagin-intervenant' | 'imagin-gestion') {
  const c = p.client();
  await c.login(service, login, MOT_DE_PASSE);
  return c;
}

beforeAll(async () => {
  p = await createTestPlatform();
  await fixtureReferentiel(p);
  const db = p.ctx.db;
  await db.insertInto('academie').values({ code: 'SIEC', libelle: 'SIEC', nom_majuscule: 'SIEC', domaine_mail: 'siec.education.fr' }).execute();
  etabSiec = (
    await db.insertInto('etablissement').values({ uai: '0750652B', academie_code: 'SIEC', nom: 'DEMO-DCG', type: 'LGT', commune: 'PARIS' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  const a = await fixtureCompte(p, { login: 'prof.dcs', role: 'intervenant', academie: 'SIEC' });
  personneProf = a.personneId!;
  await db.insertInto('personne_etablissement').values({ personne_id: personneProf, etablissement_id: etabSiec, principal: true }).execute();
  await enseignement(personneProf, 'DCG 3A');
  const b = await fixtureCompte(p, { login: 'prof.dscg', role: 'intervenant', academie: 'SIEC' });
  personneAutre = b.personneId!;
  await enseignement(personneAutre, 'DSCG 1A', 'FINANCE');
  const c = await fixtureCompte(p, { login: 'prof.bts', role: 'intervenant', academie: 'SIEC' });
  await enseignement(c.personneId!, 'BTS2', 'COMPTABILITE');
  await fixtureCompte(p, { login: 'dec.siec', role: 'gestionnaire', academie: 'SIEC' });
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire', academie: '14' });
  prof = await connecte('prof.dcs', 'imagin-intervenant');
  autreProf = await connecte('prof.dscg', 'imagin-intervenant');
  nonDcs = await connecte('prof.bts', 'imagin-intervenant');
  decSiec = await connecte('dec.siec', 'imagin-gestion');
  decRennes = await connecte('dec.rennes', 'imagin-gestion');
});

afterAll(async () => {
  await p?.close();
});

describe('Enquête DCS', () => {
  it('fermée par défaut : l’enseignant est refusé, le menu ne la montre pas', async () => {
    const r = await prof.get(I);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ACTIVITE_FERMEE');
    // The menu shows it closed (greyed, as every closed activity).
    const s = await prof.get('/api/auth/session');
    const entree = s.body.menu.flatMap((g: { activites: Array<{ code: string; ouverte: boolean }> }) => g.activites).find((a: { code: string }) => a.code === 'enquete-dcs');
    expect(entree.ouverte).toBe(false);
  });

  it('le gestionnaire du SIEC l’ouvre (état lu obligatoire : 409 sinon)', async () => {
    const vide = await decSiec.get(G);
    expect(vide.status).toBe(200);
    expect(vide.body).toMatchObject({ campagne: null, ouverte: false, anneeProposee: 2026 });
    const perime = await decSiec.put(`${G}/ouverture`, { ouverte: true, ouverteVue: true });
    expect(perime.status).toBe(409);
    const r = await decSiec.put(`${G}/ouverture`, { ouverte: true, ouverteVue: false, annee: 2027 });
    expect(r.status).toBe(200);
    expect(r.body.message).toContain("L'enquête DCS 2027 est ouverte");
    const deuxieme = await decSiec.put(`${G}/ouverture`, { ouverte: false, ouverteVue: false });
    expect(deuxieme.status).toBe(409);
    expect(deuxieme.body.message).toMatch(/a été ouverte par dec\.siec le \d\d\/\d\d\/2026 à \d\d:\d\d/);
    const suivi = await decSiec.get(G);
    expect(suivi.body).toMatchObject({ campagne: { annee: 2027, ouvertePar: 'dec.siec', courante: true }, ouverte: true, ouvertureModifieePar: 'dec.siec' });
    // The same switch as « Ouverture des activités ».
    const activites = await decSiec.get('/api/gestion/activites');
    const intervenant = activites.body.find((s: { service: string }) => s.service === 'imagin-intervenant');
    expect(intervenant.activites.find((a: { code: string }) => a.code === 'enquete-dcs').ouverte).toBe(true);
    const audit = await p.ctx.db.selectFrom('audit_log').select(['action', 'acteur']).where('entite_id', '=', 'imagin-intervenant/enquete-dcs').execute();
    expect(audit).toEqual([{ action: 'activite.ouverture', acteur: 'dec.siec' }]);
  });

  it('un enseignant du SIEC hors DCS est refusé avec la raison ; un gestionnaire d’une autre académie aussi', async () => {
    const r = await nonDcs.get(I);
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(RAISON_CONDITION_PERSONNE.enseignant_dcs);
    const s = await nonDcs.get('/api/auth/session');
    expect(s.body.menu.flatMap((g: { activites: Array<{ code: string }> }) => g.activites.map((x) => x.code))).not.toContain('enquete-dcs');
    for (const [m, u, b] of [
      ['GET', G, undefined],
      ['PUT', `${G}/ouverture`, { ouverte: false, ouverteVue: true }],
      ['GET', `${G}/export`, undefined],
      ['GET', `${G}/reponses/${personneProf}`, undefined],
    ] as const) {
      const x = await decRennes.request(m, u, b);
      expect(x.status, u).toBe(403);
      expect(x.body.message).toBe("L'enquête DCS n'existe que dans l'IMAG'IN du SIEC.");
    }
    // Nothing changed in the SIEC.
    expect((await decSiec.get(G)).body.ouverte).toBe(true);
    const sr = await decRennes.get('/api/auth/session');
    expect(sr.body.menu.flatMap((g: { activites: Array<{ code: string }> }) => g.activites.map((x) => x.code))).not.toContain('enquete-dcs');
  });

  it('l’enseignant du DCS lit ses réponses : étape 2 proposée depuis ses établissements', async () => {
    const s = await prof.get('/api/auth/session');
    expect(s.body.menu.flatMap((g: { activites: Array<{ code: string }> }) => g.activites.map((x) => x.code))).toContain('enquete-dcs');
    const r = await prof.get(I);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ annee: 2027, version: 0, enregistrees: [], valideLe: null, etapes: { activite: null, vae: null } });
    expect(r.body.etablissementsConnus).toEqual([{ uai: '0750652B', libelle: 'LGT DEMO-DCG PARIS', principal: true }]);
  });

  it('chaque étape est contrôlée (message français nommant le champ) puis enregistrée seule, avec sa version', async () => {
    const faux = await prof.put(`${I}/etapes/activite`, { version: 0, reponse: { situation: 'retraite', anneeRetraite: '3000' } });
    expect(faux.status).toBe(400);
    expect(faux.body.fields.anneeRetraite).toBe('Année de départ en retraite : indiquez une année sur 4 chiffres, entre 1970 et 2026.');
    expect(faux.body.message).toContain('Étape « Activité »');
    const uai = await prof.put(`${I}/etapes/etablissements`, { version: 0, reponse: { etablissements: [{ uai: '0750652A', libelle: '' }] } });
    expect(uai.status).toBe(400);
    expect(uai.body.fields['etablissements.0.uai']).toContain("UAI de l'établissement 1 : La clé de l'UAI 0750652A est incorrecte");
    expect(uai.body.fields['etablissements.0.libelle']).toBe("Nom de l'établissement 1 : ce champ est obligatoire.");
    const etape = await p.ctx.db.selectFrom('enquete_dcs_reponse').selectAll().execute();
    expect(etape).toEqual([]);

    let version = 0;
    for (const [e, reponse] of Object.entries(REPONSES)) {
      const r = await prof.put(`${I}/etapes/${e}`, { version, reponse });
      expect(r.status, e).toBe(200);
      expect(r.body.version).toBe(version + 1);
      version = r.body.version;
    }
    const lu = await prof.get(I);
    expect(lu.body.version).toBe(6);
    expect(lu.body.enregistrees).toHaveLength(6);
    // Cleaned: units in the official order.
    expect(lu.body.etapes.enseignements).toEqual({ aucun: false, ues: ['DCG-6', 'DCG-11', 'DSCG-2'] });
    expect(lu.body.etapes['epreuves-orales']).toEqual({ souhaite: 'non', ues: [] });
  });

  it('une page périmée reçoit 409 qui dit quelle étape a changé et quand', async () => {
    const r = await prof.put(`${I}/etapes/vae`, { version: 3, reponse: { disponible: 'non', diplomes: [] } });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/l'étape « Epreuves orales DSCG ou DCG » a été enregistrée le \d\d\/\d\d\/2026 à \d\d:\d\d/);
    expect((await prof.get(I)).body.etapes.vae).toEqual({ disponible: 'oui', diplomes: ['DSCG'] });
  });

  it('« Valider mes réponses » exige les six étapes ; après validation, une modification garde la validation et date la modification', async () => {
    const incomplet = await autreProf.put(`${I}/etapes/activite`, { version: 0, reponse: { situation: 'autre', precision: 'Expert-comptable' } });
    expect(incomplet.status).toBe(200);
    const refus = await autreProf.post(`${I}/validation`, { version: 1 });
    expect(refus.status).toBe(400);
    expect(refus.body.message).toContain('« Etablissements », « Enseignements (UE) », « VAE »');

    const v = await prof.post(`${I}/validation`, { version: 6 });
    expect(v.status).toBe(200);
    expect(v.body.version).toBe(7);
    const valideLe = v.body.valideLe;
    p.clock.advance(120_000);
    const m = await prof.put(`${I}/etapes/vae`, { version: 7, reponse: { disponible: 'oui', diplomes: ['DCG', 'DSCG'] } });
    expect(m.status).toBe(200);
    expect(m.body.message).toContain('Vos réponses restent validées');
    const lu = await prof.get(I);
    expect(lu.body.valideLe).toBe(valideLe);
    expect(new Date(lu.body.modifieLe).getTime()).toBeGreaterThan(new Date(valideLe).getTime());
  });

  it('les réponses d’une autre personne sont inaccessibles : chacun lit et écrit les siennes', async () => {
    const a = await autreProf.get(I);
    expect(a.body.etapes.activite).toEqual({ situation: 'autre', fonction: '', anneeRetraite: '', precision: 'Expert-comptable' });
    expect(a.body.etapes.vae).toBeNull();
    // The intervenant's routes take no person id; the gestionnaire's are not his.
    const g = await prof.get(`${G}/reponses/${personneAutre}`);
    expect(g.status).toBe(403);
    const e = await prof.get(`${G}/export`);
    expect(e.status).toBe(403);
    expect((await prof.get(I)).body.etapes.activite.situation).toBe('en_activite');
  });

  it('le gestionnaire suit les réponses, lit celles d’un enseignant, exporte le CSV (BOM, « ; »)', async () => {
    const s = await decSiec.get(G);
    const lignes = s.body.lignes as Array<{ personneId: number; etat: string; etapesEnregistrees: number; modifieeApresValidation: boolean }>;
    expect(lignes.map((l) => [l.personneId, l.etat, l.etapesEnregistrees])).toEqual(
      expect.arrayContaining([
        [personneProf, 'validee', 6],
        [personneAutre, 'en_cours', 1],
      ]),
    );
    // The SIEC teacher outside the DCS is not listed.
    expect(lignes).toHaveLength(2);
    expect(lignes.find((l) => l.personneId === personneProf)!.modifieeApresValidation).toBe(true);
    const d = await decSiec.get(`${G}/reponses/${personneProf}`);
    expect(d.status).toBe(200);
    expect(d.body.resumes).toMatchObject({ vae: 'Oui : DCG, DSCG', enseignements: 'DCG UE 6, DCG UE 11, DSCG UE 2', 'epreuves-orales': 'Non' });
    expect((await decSiec.get(`${G}/reponses/999999`)).status).toBe(404);
    const csv = await decSiec.get(`${G}/export`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain('enquete-dcs-2027.csv');
    const texte = csv.raw.toString('utf8');
    expect(texte.startsWith('\ufeff')).toBe(true);
    const l = texte.slice(1).trimEnd().split('\r\n').map((x) => x.split(';'));
    expect(l[0]).toEqual([
      'Civilité', 'Nom', 'Prénom', 'Mél professionnel', 'Etablissement principal', 'Réponse', 'Etapes enregistrées', 'Validée le', 'Modifiée le', 'Situation',
      'Fonction, année de retraite ou précision', "Etablissements d'exercice", 'UE enseignées', 'Examinateur VAE', 'Epreuves écrites à corriger', 'Epreuves orales où interroger',
    ]);
    expect(l).toHaveLength(3);
    const ligneProf = l.find((x) => x[1] === 'TESTEUR-PROF.DCS')!;
    expect(ligneProf.slice(4, 7)).toEqual(['LGT DEMO-DCG PARIS (0750652B)', 'Validée', '6']);
    expect(ligneProf.slice(9)).toEqual(['En activité', 'Professeur agrégé d’économie et gestion', '0750652B LYC DEMO-DCG PARIS', 'DCG UE 6, DCG UE 11, DSCG UE 2', 'Oui : DCG, DSCG', 'Oui : DCG UE 11', 'Non']);
  });

  it('fermée : plus de modification ni de validation ; la campagne garde sa date de fermeture', async () => {
    const f = await decSiec.put(`${G}/ouverture`, { ouverte: false, ouverteVue: true });
    expect(f.status).toBe(200);
    const r = await prof.put(`${I}/etapes/vae`, { version: 8, reponse: { disponible: 'non', diplomes: [] } });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ACTIVITE_FERMEE');
    expect((await prof.post(`${I}/validation`, { version: 8 })).status).toBe(403);
    const s = await decSiec.get(G);
    expect(s.body).toMatchObject({ ouverte: false, campagne: { annee: 2027, fermeePar: 'dec.siec' } });
    // An older campaign cannot be reopened once a newer one exists.
    const ancienne = await decSiec.put(`${G}/ouverture`, { ouverte: true, ouverteVue: false, annee: 2026 });
    expect(ancienne.status).toBe(400);
    expect(ancienne.body.fields.annee).toContain('la campagne 2027 l');
    const rep = await p.ctx.db.selectFrom('enquete_dcs_reponse').select('vae').where('personne_id', '=', personneProf).executeTakeFirstOrThrow();
    expect(rep.vae).toEqual({ disponible: 'oui', diplomes: ['DCG', 'DSCG'] });
  });
});
