import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
let college: TestClient;
let dec: TestClient;
const K = '/api/etablissement/competences';

beforeEach(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
  college = p.client();
  await college.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
});
afterEach(async () => {
  await p?.close();
});

const fiche = async (c: TestClient, id: number) => (await c.get(`${K}/personnels/${id}`)).body;

describe('saisie des compétences', () => {
  it('liste les personnels avec « Compétences définies » OUI / NON', async () => {
    const r = await lycee.get(`${K}/personnels`);
    expect(r.body.lectureSeule).toBe(false);
    expect(r.body.lignes.map((l: any) => [l.nom, l.disciplinePoste, l.competencesDefinies])).toEqual([
      ['ALICE-TEST', 'MATHEMATIQUES', 'OUI'],
      ['BRUNO-TEST', 'PHYSIQUE CHIMIE', 'OUI'],
      ['EMMA-TEST', 'MATHEMATIQUES', 'NON'],
    ]);
  });

  it("montre l'examen, la spécialité, l'épreuve option et les auteurs de chaque compétence", async () => {
    const b = await fiche(lycee, f.personnes.bruno);
    expect(b.personne).toMatchObject({ nom: 'BRUNO-TEST', competencesDefinies: 'OUI' });
    expect(b.competences).toEqual([
      {
        id: f.competences.kBrunoC012,
        epreuveOptionId: f.epreuves.c012,
        examen: { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
        specialite: 'BCG - BACCALAUREAT GENERAL',
        epreuveOption: 'C012, Physique-Chimie',
        auteurs: [
          { code: '0350711H', type: 'ETABLISSEMENT', nature: 'C', libelle: '0350711H (C)' },
          { code: '14E0612345ABD', type: 'INTERVENANT', nature: 'C', libelle: '14E0612345ABD (C)' },
        ],
        libelleAuteurs: '0350711H (C) 14E0612345ABD (C)',
        marqueEtablissement: null,
        actions: { reconnaitre: true, invalider: true },
      },
    ]);
    const e = await lycee.get(`${K}/personnels/${f.personnes.bruno}/enseignements`);
    expect(e.body.lignes[0]).toMatchObject({ etablissement: 'CLG DU PARC RENNES', mef: '3EME', typeMef: '3EME', matiere: 'PHYSIQUE-CHIMIE', modaliteCours: 'CG' });
  });

  it("suit l'exemple du guide : SYS (C), puis + de l'établissement, puis ×", async () => {
    const k = f.competences.kAliceC010;
    expect((await fiche(lycee, f.personnes.alice)).competences[0].libelleAuteurs).toBe('SYS (C)');
    const plus = await lycee.post(`${K}/personnels/${f.personnes.alice}/${k}/reconnaissance`);
    expect(plus.status).toBe(200);
    expect(plus.body).toEqual({ supprimee: false, libelleAuteurs: '0350710G (C) SYS (C)', message: 'Compétence reconnue par votre établissement (0350710G).' });
    const apresPlus = (await fiche(lycee, f.personnes.alice)).competences[0];
    expect(apresPlus).toMatchObject({ libelleAuteurs: '0350710G (C) SYS (C)', marqueEtablissement: 'C', actions: { reconnaitre: false, invalider: true } });
    const deuxieme = await lycee.post(`${K}/personnels/${f.personnes.alice}/${k}/reconnaissance`);
    expect(deuxieme.body.message).toBe('Cette compétence est déjà reconnue par votre établissement.');
    const moins = await lycee.post(`${K}/personnels/${f.personnes.alice}/${k}/invalidation`);
    expect(moins.body).toMatchObject({ supprimee: false, libelleAuteurs: '0350710G (I) SYS (C)' });
    expect(moins.body.message).toContain("elle reste dans la liste tant qu'un autre auteur la déclare");
    expect((await fiche(lycee, f.personnes.alice)).competences[0]).toMatchObject({ libelleAuteurs: '0350710G (I) SYS (C)', actions: { reconnaitre: true, invalider: false } });
    const audit = await p.ctx.db.selectFrom('audit_log').select(['action', 'avant', 'apres']).where('entite', '=', 'competence').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['competence.reconnaissance', 'competence.invalidation']);
    expect(audit[1]).toMatchObject({ avant: { auteurs: '0350710G (C) SYS (C)' }, apres: { auteurs: '0350710G (I) SYS (C)' } });
  });

  it("une compétence ajoutée par le seul établissement disparaît à sa suppression ; avec un autre auteur, elle reste avec le (I)", async () => {
    const ajout = await lycee.post(`${K}/personnels/${f.personnes.emma}`, { epreuveOptionId: f.epreuves.c012 });
    expect(ajout.status).toBe(200);
    expect(ajout.body.message).toBe('Compétence ajoutée : C012, Physique-Chimie (BCG).');
    const e = await fiche(lycee, f.personnes.emma);
    expect(e.personne.competencesDefinies).toBe('OUI');
    expect(e.competences.map((k: any) => k.libelleAuteurs)).toEqual(['0350710G (C)']);
    const suppr = await lycee.post(`${K}/personnels/${f.personnes.emma}/${ajout.body.competenceId}/invalidation`);
    expect(suppr.body).toMatchObject({ supprimee: true, message: 'Compétence supprimée : plus aucun auteur ne la déclare.' });
    expect((await fiche(lycee, f.personnes.emma)).competences).toEqual([]);
    expect(await p.ctx.db.selectFrom('competence').select('id').where('id', '=', ajout.body.competenceId).executeTakeFirst()).toBeUndefined();

    // Bruno's C012, declared by the college and by himself: the lycée's × leaves it, with its (I).
    const b = await lycee.post(`${K}/personnels/${f.personnes.bruno}/${f.competences.kBrunoC012}/invalidation`);
    expect(b.body).toMatchObject({ supprimee: false, libelleAuteurs: '0350710G (I) 0350711H (C) 14E0612345ABD (C)' });
    const c = await college.post(`${K}/personnels/${f.personnes.bruno}/${f.competences.kBrunoC012}/invalidation`);
    expect(c.body).toMatchObject({ supprimee: false, libelleAuteurs: '0350710G (I) 0350711H (I) 14E0612345ABD (C)' });
    // Bruno himself still declares it: it stays until he removes it too.
    expect((await fiche(college, f.personnes.bruno)).competences).toHaveLength(1);
  });

  it("refuse d'ajouter une épreuve option déjà dans la liste, avec le message de la console", async () => {
    const r = await lycee.post(`${K}/personnels/${f.personnes.alice}`, { epreuveOptionId: f.epreuves.c010 });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ code: 'CONFLIT', message: "Impossible de créer cette epreuve option. L'épreuve option que vous voulez ajouter existe déjà dans la liste des compétences." });
    // Even when this établissement has invalidated it: it is still in the list.
    await lycee.post(`${K}/personnels/${f.personnes.alice}/${f.competences.kAliceC010}/invalidation`);
    expect((await lycee.post(`${K}/personnels/${f.personnes.alice}`, { epreuveOptionId: f.epreuves.c010 })).status).toBe(409);
  });

  it("propose les examens de la catégorie de l'établissement et refuse les autres", async () => {
    const l = await lycee.get(`${K}/examens`);
    expect(l.body.categorie).toBe('lycee');
    expect(l.body.lignes.map((x: any) => x.sigle)).toEqual(['BCG', 'EA-BCG']);
    const c = await college.get(`${K}/examens`);
    expect(c.body).toEqual({ categorie: 'college', lignes: [{ code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET', texte: 'DNB - DIPLOME NATIONAL DU BREVET' }] });
    const dnb = await lycee.post(`${K}/personnels/${f.personnes.emma}`, { epreuveOptionId: f.epreuves.math });
    expect(dnb.status).toBe(400);
    expect(dnb.body.fields.examen).toBe("Cet examen n'est pas proposé aux établissements de votre catégorie.");
    const cap = await lycee.post(`${K}/personnels/${f.personnes.emma}`, { epreuveOptionId: f.epreuves.cap });
    expect(cap.status).toBe(400);
    expect((await college.post(`${K}/personnels/${f.personnes.chloe}`, { epreuveOptionId: f.epreuves.c010 })).status).toBe(400);
    expect((await lycee.post(`${K}/personnels/${f.personnes.emma}`, { epreuveOptionId: 999999 })).status).toBe(400);
    expect((await lycee.get(`${K}/specialites?examen=100`)).status).toBe(400);
  });

  it('donne des listes de propositions qui se restreignent au fil de la saisie', async () => {
    const s = await lycee.get(`${K}/specialites?examen=470`);
    expect(s.body.lignes).toEqual([{ id: f.specialites.bcg, code: 'BCG', libelle: 'BACCALAUREAT GENERAL', texte: 'BCG - BACCALAUREAT GENERAL' }]);
    expect((await lycee.get(`${K}/specialites?examen=470&q=techno`)).body.lignes).toEqual([]);
    const tout = await lycee.get(`${K}/epreuves?specialiteId=${f.specialites.bcg}`);
    expect(tout.body.lignes.map((e: any) => e.texte)).toEqual(['1-T004-1, Epr orale terminale (Gd oral)', 'C010, Mathématiques', 'C012, Physique-Chimie']);
    const m = await lycee.get(`${K}/epreuves?specialiteId=${f.specialites.bcg}&q=mat`);
    expect(m.body.lignes.map((e: any) => e.code)).toEqual(['C010']);
    const mm = await lycee.get(`${K}/epreuves?specialiteId=${f.specialites.bcg}&q=c01`);
    expect(mm.body.lignes.map((e: any) => e.code)).toEqual(['C010', 'C012']);
    expect((await lycee.get(`${K}/epreuves?specialiteId=${f.specialites.dnb}`)).status).toBe(400);
  });
});

describe('validation de la saisie des compétences', () => {
  it("exige la case cochée, puis rend les compétences non modifiables jusqu'à la réouverture par le gestionnaire", async () => {
    expect((await lycee.get('/api/etablissement/validation-competences')).body).toMatchObject({ anneeScolaire: '2025-2026', validee: false, message: null });
    const sansCase = await lycee.post('/api/etablissement/validation-competences', { termine: false });
    expect(sansCase.status).toBe(400);
    expect(sansCase.body.fields.termine).toBe("Cochez « J'ai terminé la saisie des compétences. » avant de valider.");

    const v = await lycee.post('/api/etablissement/validation-competences', { termine: true });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ validee: true, valideePar: 'ce.0350710g', message: "La saisie des compétences est validée : elle n'est plus modifiable. Pour la modifier, prenez contact avec le service des examens." });
    expect((await lycee.post('/api/etablissement/validation-competences', { termine: true })).status).toBe(409);

    // Read-only, enforced by the server: every write is refused.
    const lecture = 'La saisie des compétences de votre établissement a été validée le 15/06/2026';
    for (const r of [
      await lycee.post(`${K}/personnels/${f.personnes.emma}`, { epreuveOptionId: f.epreuves.c012 }),
      await lycee.post(`${K}/personnels/${f.personnes.alice}/${f.competences.kAliceC010}/reconnaissance`),
      await lycee.post(`${K}/personnels/${f.personnes.alice}/${f.competences.kAliceC010}/invalidation`),
    ]) {
      expect(r.status).toBe(409);
      expect(r.body.message).toContain(lecture);
      expect(r.body.message).toContain('prenez contact avec le service des examens');
    }
    const a = await fiche(lycee, f.personnes.alice);
    expect(a.lectureSeule).toBe(true);
    expect(a.competences[0].actions).toEqual({ reconnaitre: false, invalider: false });
    expect((await lycee.get(`${K}/personnels`)).body.lectureSeule).toBe(true);
    // Another établissement is not affected.
    expect((await college.post(`${K}/personnels/${f.personnes.chloe}/${f.competences.kChloeMath}/reconnaissance`)).status).toBe(200);

    // The gestionnaire sees which établissements have validated.
    const suivi = await dec.get('/api/gestion/validation-competences');
    expect(suivi.status).toBe(200);
    expect(suivi.body).toMatchObject({ anneeScolaire: '2025-2026', validees: 1, total: 2 });
    expect(suivi.body.lignes.map((l: any) => [l.uai, l.libelleEtat, l.nbPersonnels])).toEqual([
      ['0350711H', 'Non validée', 2],
      ['0350710G', 'Validée', 3],
    ]);
    expect(suivi.body.lignes[1]).toMatchObject({ etablissement: 'LGT LA PROMENADE RENNES', valideeLe: '2026-06-15', valideePar: 'ce.0350710g' });

    // Reopening: writes are accepted again, the établissement is told.
    const reo = await dec.post(`/api/gestion/validation-competences/${f.etabs.lycee}/reouverture`);
    expect(reo.status).toBe(200);
    expect(reo.body.message).toBe("La saisie des compétences de LGT LA PROMENADE RENNES (0350710G) est rouverte : l'établissement peut de nouveau la modifier.");
    expect((await dec.post(`/api/gestion/validation-competences/${f.etabs.lycee}/reouverture`)).status).toBe(409);
    expect((await lycee.post(`${K}/personnels/${f.personnes.alice}/${f.competences.kAliceC010}/reconnaissance`)).status).toBe(200);
    const etat = await lycee.get('/api/etablissement/validation-competences');
    expect(etat.body).toMatchObject({ validee: false });
    expect(etat.body.message).toContain('rouverte par le service des examens le 15/06/2026');
    expect((await dec.get('/api/gestion/validation-competences')).body.lignes[1].libelleEtat).toBe('Rouverte');

    const audit = await p.ctx.db.selectFrom('audit_log').select('action').where('entite', '=', 'validation_competences').orderBy('id').execute();
    expect(audit.map((x) => x.action)).toEqual(['competences.validation', 'competences.reouverture']);
  });

  it("ne laisse pas un gestionnaire rouvrir un établissement d'une autre académie", async () => {
    const tls = p.client();
    await tls.login('imagin-gestion', 'dec.toulouse', MOT_DE_PASSE);
    await lycee.post('/api/etablissement/validation-competences', { termine: true });
    expect((await tls.post(`/api/gestion/validation-competences/${f.etabs.lycee}/reouverture`)).status).toBe(404);
    expect((await tls.get('/api/gestion/validation-competences')).body.lignes.map((l: any) => l.uai)).toEqual(['0120006S']);
    expect((await dec.get('/api/gestion/validation-competences?anneeScolaire=2026-2028')).status).toBe(400);
    expect((await dec.get('/api/gestion/validation-competences?anneeScolaire=2024-2025')).body.validees).toBe(0);
  });
});
