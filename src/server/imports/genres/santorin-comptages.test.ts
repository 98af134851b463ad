// Import « santorin-comptages » (issue 17, decision 0036): every rejection reason, the preview's counts
// (nothing written), idempotence, a changed line updates, the état de frais' figure of a mission paid on
// SANTORIN's counts (csf_nb_copies) given unless the centre made the constat, another académie's
// mission rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureImagin } from '../../imagin-etablissement/fixtures.ts';
import { fixtureCompte, MOT_DE_PASSE, createTestPlatform, type TestClient, type TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer } from './essais-imports.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let dec14: TestClient;
let dec16: TestClient;
let cec: { alice: number; bruno: number };

const ENTETE = 'NUMERO_MISSION;NUMEN;NB_COPIES;NB_CANDIDATS';
const ALICE = '14E0512345ABC';
const BRUNO = '14E0612345ABD';
const BON = [ENTETE, `112440;${ALICE};35;`, `112441;${BRUNO};;18`, `112500;${ALICE};40;`, `112500;${BRUNO};41;`];

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  await fixtureCompte(p, { login: 'dec14.compt', role: 'gestionnaire' });
  await fixtureCompte(p, { login: 'dec16.compt', role: 'gestionnaire', academie: '16' });
  dec14 = p.client();
  await dec14.login('imagin-gestion', 'dec14.compt', MOT_DE_PASSE);
  dec16 = p.client();
  await dec16.login('imagin-gestion', 'dec16.compt', MOT_DE_PASSE);
  const db = p.ctx.db;
  // A correction dématérialisée paid on SANTORIN's counts; Bruno's constat already made by the centre.
  await db.insertInto('type_mission').values({ code: 'CEC', libelle: 'CORRECTION EC', mode_remuneration: 'santorin' }).onConflict((oc) => oc.doNothing()).execute();
  const m1 = await db.selectFrom('mission').selectAll().where('id', '=', f.missions.m1).executeTakeFirstOrThrow();
  const m = await db
    .insertInto('mission')
    .values({ academie_code: '14', numero: 112500, session_examen_id: m1.session_examen_id, specialite_id: m1.specialite_id, epreuve_option_id: m1.epreuve_option_id, type_mission: 'CEC', centre_id: m1.centre_id, signataire: 'gestionnaire' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cv = (personne: number) => db.insertInto('convocation').values({ academie_code: '14', mission_id: m.id, personne_id: personne, statut: 'convoquee', origine: 'gestionnaire' }).returning('id').executeTakeFirstOrThrow();
  cec = { alice: (await cv(f.personnes.alice)).id, bruno: (await cv(f.personnes.bruno)).id };
  await db.updateTable('convocation').set({ csf_nb_copies: 12, csf_par: 'centre', csf_le: new Date() }).where('id', '=', cec.bruno).execute();
}, 120_000);
afterAll(async () => p?.close());

const comptages = () =>
  p.ctx.db
    .selectFrom('convocation')
    .select(['id', 'santorin_nb_copies', 'santorin_nb_candidats', 'csf_nb_copies', 'csf_par', 'santorin_le'])
    .orderBy('id')
    .execute();
const de = (id: number) => p.ctx.db.selectFrom('convocation').select(['santorin_nb_copies', 'santorin_nb_candidats', 'csf_nb_copies']).where('id', '=', id).executeTakeFirstOrThrow();

describe('import des comptages SANTORIN', () => {
  it('chaque motif de rejet, avec la ligne et la colonne', async () => {
    const a = await apercu(dec14, 'santorin-comptages', [
      ENTETE,
      ';;;',
      '12a;14X;abc;-1',
      `112440;${ALICE};;`,
      `999999;${ALICE};1;`,
      '112440;14E0712345ABE;1;',
      `195466;${ALICE};1;`,
      `112500;${ALICE};1000;`,
    ]);
    expect(a.statut, a.erreur ?? '').toBe('termine');
    expect(a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`)).toEqual([
      '2 NUMERO_MISSION : vide : le numéro de la mission est obligatoire.',
      '2 NUMEN : vide : le NUMEN du correcteur ou de l’examinateur est obligatoire.',
      '2 NB_COPIES : vide, comme NB_CANDIDATS : au moins un des deux nombres est attendu.',
      "3 NUMERO_MISSION : « 12a » n'est pas un numéro de mission : un nombre entier positif est attendu.",
      '3 NUMEN : « 14X » : Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.',
      '3 NB_COPIES : « abc » : un nombre entier de 0 à 9999 est attendu.',
      '3 NB_CANDIDATS : « -1 » : un nombre entier de 0 à 9999 est attendu.',
      '4 NB_COPIES : vide, comme NB_CANDIDATS : au moins un des deux nombres est attendu.',
      "5 NUMERO_MISSION : aucune mission n° 999999 dans l'académie de Rennes.",
      "6 NUMEN : aucun intervenant de NUMEN 14E… n'est convoqué à la mission n° 112440.",
      "7 NUMERO_MISSION : aucune mission n° 195466 dans l'académie de Rennes.",
      '8 NB_COPIES : 1000 copies : le constat de service fait de la mission n° 112500 en compte 999 au plus.',
    ]);
    expect(a.resultat).toMatchObject({ lignes: 7, ajoutees: 0, lignesRejetees: 7 });
  });

  it('aperçu exact sans rien écrire, application, même fichier deux fois, ligne changée', async () => {
    const avant = await comptages();
    const a = await apercu(dec14, 'santorin-comptages', BON);
    expect(a.resultat).toMatchObject({ lignes: 4, ajoutees: 4, modifiees: 0, inchangees: 0, lignesRejetees: 0 });
    expect(await comptages()).toEqual(avant);

    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.resultat).toMatchObject({ ajoutees: 4, modifiees: 0, inchangees: 0 });
    // A CORCOP mission (paid by copies the centre counts): SANTORIN's count kept apart.
    expect(await de(f.convocations.cAliceM1)).toEqual({ santorin_nb_copies: 35, santorin_nb_candidats: null, csf_nb_copies: null });
    expect(await de(f.convocations.cBrunoM2)).toEqual({ santorin_nb_copies: null, santorin_nb_candidats: 18, csf_nb_copies: null });
    // A mission paid on SANTORIN's counts: the état de frais' figure, unless the centre made the constat.
    expect(await de(cec.alice)).toEqual({ santorin_nb_copies: 40, santorin_nb_candidats: null, csf_nb_copies: 40 });
    expect(await de(cec.bruno)).toEqual({ santorin_nb_copies: 41, santorin_nb_candidats: null, csf_nb_copies: 12 });

    const apres = await comptages();
    const deux = await importer(dec14, 'santorin-comptages', BON);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 4 });
    expect(await comptages()).toEqual(apres);

    const trois = await importer(dec14, 'santorin-comptages', [ENTETE, `112500;${ALICE};44;`, `112441;${BRUNO};;18`]);
    expect(trois.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1 });
    expect(await de(cec.alice)).toEqual({ santorin_nb_copies: 44, santorin_nb_candidats: null, csf_nb_copies: 44 });
  });

  it('Toulouse n’importe pas dans Rennes', async () => {
    const avant = await comptages();
    const a = await apercu(dec16, 'santorin-comptages', [ENTETE, `112440;${ALICE};99;`]);
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'NUMERO_MISSION', motif: "aucune mission n° 112440 dans l'académie de Toulouse." }]);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, lignesRejetees: 1 });
    expect(await comptages()).toEqual(avant);
  });
});
