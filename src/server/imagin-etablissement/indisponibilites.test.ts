import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
const I = '/api/etablissement/indisponibilites/personnels';

beforeEach(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
});
afterEach(async () => {
  await p?.close();
});

const mails = () => p.ctx.db.selectFrom('mail').select(['destinataires', 'objet', 'texte', 'academie_code', 'cle_idempotence']).orderBy('cree_le').orderBy('objet').execute();

describe("saisie d'indisponibilité", () => {
  it('liste les personnels avec leur date de naissance et leur discipline de poste', async () => {
    const r = await lycee.get(I);
    expect(r.status).toBe(200);
    expect(r.body.lignes).toEqual([
      { id: f.personnes.alice, civilite: 'Mme', nom: 'ALICE-TEST', prenom: 'Anne', dateNaissance: '1980-05-20', disciplinePoste: 'MATHEMATIQUES' },
      { id: f.personnes.bruno, civilite: 'Mme', nom: 'BRUNO-TEST', prenom: 'Bruno', dateNaissance: '1975-01-02', disciplinePoste: 'PHYSIQUE CHIMIE' },
      { id: f.personnes.emma, civilite: 'Mme', nom: 'EMMA-TEST', prenom: 'Emma', dateNaissance: '1980-05-20', disciplinePoste: 'MATHEMATIQUES' },
    ]);
  });

  it('montre les indisponibilités, la plus récente d’abord ; seules celles de l’établissement sont supprimables', async () => {
    const r = await lycee.get(`${I}/${f.personnes.alice}`);
    expect(r.body.personne).toMatchObject({ nom: 'ALICE-TEST', dateNaissance: '1980-05-20', disciplinePoste: 'MATHEMATIQUES' });
    expect(r.body.lignes.map((l: any) => [l.dateDebut, l.source, l.supprimable])).toEqual([
      ['2026-06-25', 'CONVOCATION', false],
      ['2026-04-02', 'ETABLISSEMENT', true],
      ['2026-03-01', 'EPP', false],
      ['2026-01-05', 'SIRHEN', false],
    ]);
    expect(r.body.lignes[0].recapitulatif).toBe(`${I}/${f.personnes.alice}/indisponibilites/${f.indisponibilites.iToulouse}/convocation`);
    expect((await lycee.get(r.body.lignes[0].recapitulatif)).body.numeroMission).toBe(195466);
    // Declared by the college: visible here, not deletable.
    const b = await lycee.get(`${I}/${f.personnes.bruno}`);
    expect(b.body.lignes).toEqual([expect.objectContaining({ motif: 'SECRETARIAT EXAMEN DNB', source: 'ETABLISSEMENT', declareePar: '0350711H', supprimable: false })]);
  });

  it('ajoute une indisponibilité, la journal et la range par date de début', async () => {
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '02/09/2026', heureDebut: '08:00', dateFin: '03/09/2026', heureFin: '12:00', motif: 'STAGE DE FORMATION CONTINUE' });
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('Indisponibilité ajoutée.');
    expect(r.body.missionsConcernees).toEqual([]);
    const l = await lycee.get(`${I}/${f.personnes.alice}`);
    expect(l.body.lignes[0]).toMatchObject({ id: r.body.id, dateDebut: '2026-09-02', heureDebut: '08:00', dateFin: '2026-09-03', heureFin: '12:00', motif: 'STAGE DE FORMATION CONTINUE', source: 'ETABLISSEMENT', supprimable: true });
    // A double click records it once.
    const double = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '02/09/2026', heureDebut: '08:00', dateFin: '03/09/2026', heureFin: '12:00', motif: 'STAGE DE FORMATION CONTINUE' });
    expect(double.status).toBe(409);
    expect(double.body.message).toBe('Cette indisponibilité est déjà enregistrée pour cette personne (mêmes dates, heures et motif).');
    // Without hours: whole days.
    const j = await lycee.post(`${I}/${f.personnes.emma}`, { dateDebut: '2026-10-01', dateFin: '2026-10-02', motif: 'JURY DE CONCOURS' });
    expect(j.status).toBe(200);
    const e = await lycee.get(`${I}/${f.personnes.emma}`);
    expect(e.body.lignes[0]).toMatchObject({ heureDebut: '00:00', heureFin: '23:59' });
    const audit = await p.ctx.db.selectFrom('audit_log').select(['action', 'apres', 'acteur']).where('entite', '=', 'indisponibilite').execute();
    expect(audit.map((a) => a.action)).toEqual(['indisponibilite.creation', 'indisponibilite.creation']);
    expect(audit[0]!.acteur).toBe('ce.0350710g');
    expect(await mails()).toEqual([]);
  });

  it('refuse une fin avant le début, et des champs manquants, avec un message clair', async () => {
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '03/09/2026', heureDebut: '08:00', dateFin: '02/09/2026', heureFin: '12:00', motif: 'STAGE' });
    expect(r.status).toBe(400);
    expect(r.body.fields.dateFin).toBe(
      "L'indisponibilité se termine (02/09/2026 12:00) avant de commencer (03/09/2026 08:00) : la date et l'heure de fin doivent être postérieures à celles de début.",
    );
    const memeJour = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '03/09/2026', heureDebut: '14:00', dateFin: '03/09/2026', heureFin: '09:00', motif: 'STAGE' });
    expect(memeJour.status).toBe(400);
    expect(memeJour.body.fields.dateFin).toContain('avant de commencer');
    const vide = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '31/09/2026', heureDebut: '25:00', motif: '  ' });
    expect(vide.status).toBe(400);
    expect(vide.body.fields).toMatchObject({
      dateDebut: "La date de début (31/09/2026) n'existe pas.",
      heureDebut: "L'heure de début (25:00) n'existe pas : les heures vont de 00:00 à 23:59.",
      dateFin: 'La date de fin est obligatoire (format JJ/MM/AAAA).',
      motif: 'Le motif est obligatoire.',
    });
    expect((await p.ctx.db.selectFrom('indisponibilite').select('id').where('personne_id', '=', f.personnes.alice).execute()).length).toBe(4);
  });

  it('refuse un motif de plus de 200 caractères (400 qui nomme le champ et sa limite) au lieu de le couper', async () => {
    const avant = (await p.ctx.db.selectFrom('indisponibilite').select('id').where('personne_id', '=', f.personnes.alice).execute()).length;
    const motif = `STAGE ${'X'.repeat(195)}`;
    expect(motif).toHaveLength(201);
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '10/09/2026', dateFin: '10/09/2026', motif });
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual({ motif: 'Le motif ne doit pas dépasser 200 caractères (201 saisis).' });
    expect((await p.ctx.db.selectFrom('indisponibilite').select('id').where('personne_id', '=', f.personnes.alice).execute()).length).toBe(avant);
    // 200 characters exactly (spaces around them are not counted) are kept whole.
    const juste = `  ${'Y'.repeat(200)}  `;
    const ok = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '10/09/2026', dateFin: '10/09/2026', motif: juste });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const enregistre = await p.ctx.db.selectFrom('indisponibilite').select('motif').where('id', '=', ok.body.id).executeTakeFirstOrThrow();
    expect(enregistre.motif).toBe('Y'.repeat(200));
    await lycee.delete(`${I}/${f.personnes.alice}/${ok.body.id}`);
  });

  it('ne supprime que les indisponibilités déclarées par l’établissement', async () => {
    const ok = await lycee.request('DELETE', `${I}/${f.personnes.alice}/${f.indisponibilites.iLycee}`);
    expect(ok.status).toBe(200);
    expect(ok.body.message).toBe('Indisponibilité supprimée.');
    for (const [id, motif] of [
      [f.indisponibilites.iEpp, 'elle est importée de EPP'],
      [f.indisponibilites.iSirhen, 'elle est importée de SIRHEN'],
      [f.indisponibilites.iToulouse, "elle provient d'une convocation dans une autre académie"],
    ] as const) {
      const r = await lycee.request('DELETE', `${I}/${f.personnes.alice}/${id}`);
      expect(r.status).toBe(403);
      expect(r.body.message).toBe(`Vous ne pouvez supprimer que les indisponibilités déclarées par votre établissement : ${motif}.`);
    }
    const college = await lycee.request('DELETE', `${I}/${f.personnes.bruno}/${f.indisponibilites.iCollege}`);
    expect(college.status).toBe(403);
    expect(college.body.message).toContain('déclarée par un autre établissement');
    // An indisponibilité of another person, through this person's URL: not found.
    expect((await lycee.request('DELETE', `${I}/${f.personnes.emma}/${f.indisponibilites.iEpp}`)).status).toBe(404);
    // Already deleted.
    expect((await lycee.request('DELETE', `${I}/${f.personnes.alice}/${f.indisponibilites.iLycee}`)).status).toBe(404);
    const restantes = await p.ctx.db.selectFrom('indisponibilite').select('id').execute();
    expect(restantes.length).toBe(4);
    const audit = await p.ctx.db.selectFrom('audit_log').select(['action', 'avant']).where('action', '=', 'indisponibilite.suppression').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.avant).toMatchObject({ motif: 'SORTIE PEDAGOGIQUE' });
  });
});

describe('courriel aux gestionnaires des examens concernés', () => {
  it("prévient les gestionnaires de l'académie quand aucun n'est affecté à l'examen, en listant les missions", async () => {
    // 16/06 12:00 – 22/06 10:00 touches M1 (15–16/06 08:00–12:00) at its last minute; Alice's M2 holds
    // her on her commission's date (23/06), not on the mission's 22/06: only M1.
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '16/06/2026', heureDebut: '12:00', dateFin: '22/06/2026', heureFin: '10:00', motif: 'HOSPITALISATION' });
    expect(r.status).toBe(200);
    expect(r.body.missionsConcernees.map((m: any) => m.numeroMission)).toEqual([112440]);
    expect(r.body.message).toContain('déjà affectée à 1 mission(s)');
    expect(r.body.gestionnairesInformes).toEqual(['bcg@ac-rennes.fr', 'dec@ac-rennes.fr']);
    const m = await mails();
    expect(m).toHaveLength(1);
    expect(m[0]!.destinataires).toEqual(['bcg@ac-rennes.fr', 'dec@ac-rennes.fr']);
    expect(m[0]!.academie_code).toBe('14');
    expect(m[0]!.objet).toBe("IMAG'IN - Indisponibilité de Mme ALICE-TEST Anne sur des missions BCG affectées");
    expect(m[0]!.texte).toContain("L'établissement LGT LA PROMENADE RENNES (0350710G) a déclaré dans IMAG'IN une indisponibilité de Mme ALICE-TEST Anne");
    expect(m[0]!.texte).toContain('du 16/06/2026 12:00 au 22/06/2026 10:00 (motif : HOSPITALISATION)');
    expect(m[0]!.texte).toContain('- N° 112440 CORRECTION DE COPIES — 470, BCG, 2026-06, BGT 2026 — C010, Mathématiques — LGT LA PROMENADE RENNES — Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s) — Convoquée');
    // The mail job ran: without SMTP it waits in the outbox.
    await attendre(async () => (await p.ctx.db.selectFrom('mail').select('statut').where('statut', '=', 'boite_sortie').executeTakeFirst()) ?? null);
  });

  it("écrit aux seuls gestionnaires affectés à l'examen, et à ceux de l'autre académie pour sa mission", async () => {
    await p.ctx.db.insertInto('gestionnaire_examen').values({ compte_id: f.comptes.decRennes2.compteId, academie_code: '14', examen_code: '470' }).execute();
    // 15/06 – 30/06: M1 and M2 (Rennes, exam 470), M4 (Toulouse, exam 470); Emma's affectation is hers, not Alice's.
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '15/06/2026', dateFin: '30/06/2026', motif: 'CONGE DE MALADIE' });
    expect(r.status).toBe(200);
    expect(r.body.missionsConcernees.map((m: any) => m.numeroMission)).toEqual([112440, 112441, 195466]);
    const m = await mails();
    expect(m.map((x) => [x.academie_code, x.destinataires])).toEqual([
      ['14', ['bcg@ac-rennes.fr']],
      ['16', ['dec@ac-toulouse.fr']],
    ]);
    expect(m[0]!.texte).toContain('N° 112440');
    expect(m[0]!.texte).toContain('N° 112441');
    expect(m[0]!.texte).not.toContain('195466');
    expect(m[1]!.texte).toContain('N° 195466 INTERROGATION ORALE');
    const audit = await p.ctx.db.selectFrom('audit_log').select('apres').where('action', '=', 'indisponibilite.creation').executeTakeFirstOrThrow();
    expect(audit.apres).toMatchObject({ missionsConcernees: [112440, 112441, 195466] });
  });

  it('ne prévient personne quand la période ne touche aucune mission (bornes incluses à la minute)', async () => {
    // M1 ends at 12:00 on 16/06: 12:01 does not touch it; 12:00 does.
    const r = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '16/06/2026', heureDebut: '12:01', dateFin: '16/06/2026', heureFin: '18:00', motif: 'RDV' });
    expect(r.body.missionsConcernees).toEqual([]);
    expect(await mails()).toEqual([]);
    const s = await lycee.post(`${I}/${f.personnes.alice}`, { dateDebut: '16/06/2026', heureDebut: '12:00', dateFin: '16/06/2026', heureFin: '18:00', motif: 'RDV' });
    expect(s.body.missionsConcernees.map((m: any) => m.numeroMission)).toEqual([112440]);
    expect(await mails()).toHaveLength(1);
  });

  it('compte une affectation non encore convoquée', async () => {
    const r = await lycee.post(`${I}/${f.personnes.emma}`, { dateDebut: '15/06/2026', dateFin: '15/06/2026', motif: 'ABSENCE' });
    expect(r.body.missionsConcernees).toEqual([expect.objectContaining({ numeroMission: 112440 })]);
    const m = await mails();
    expect(m[0]!.texte).toContain('Affectée, non convoquée');
  });
});
