// Import « cyclades-icc » (issue 17, decision 0036): every rejection reason, the preview's counts
// (nothing written), idempotence, a changed line updates, another académie's centre rejected, and the
// ICC screen reads the imported figures as « Données issues de Cyclades ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { donneesCyclades } from '../../imagin-constat/icc.repo.ts';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
let dec16: TestClient;
let etabs: { lycee: number; college: number; toulouse: number };
let bac: number;
let bts: number;

const ENTETE = 'UAI;EXAMEN;SESSION;PERIODE;DATE_DEBUT;JOURNEES_1;JOURNEES_2;JOURNEES_3';
const L1 = '0350710G;470;2027-06;NORMALE;15/06/2027;6,0;1,0;0';
const L2 = '0350710G;320;2027-05;;12/05/2027;2,0;1,5;1';

beforeAll(async () => {
  ({ p, dec14, dec16, etabs } = await plateformeImports('icc'));
  const db = p.ctx.db;
  await db
    .insertInto('examen')
    .values([
      { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { code: '320', sigle: 'BTS', libelle: 'BREVET DE TECHNICIEN SUPERIEUR' },
      { code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  bac = (await db.insertInto('session_examen').values({ examen_code: '470', code: '2027-06', libelle: 'BCG 2027', annee: 2027 }).returning('id').executeTakeFirstOrThrow()).id;
  bts = (await db.insertInto('session_examen').values({ examen_code: '320', code: '2027-05', libelle: 'BTS 2027', annee: 2027 }).returning('id').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => p?.close());

const instantane = () => p.ctx.db.selectFrom('icc_donnees_cyclades').selectAll().orderBy('session_examen_id').orderBy('etablissement_id').orderBy('periode').execute();

describe('import des données CYCLADES de l’ICC', () => {
  it('chaque motif de rejet, avec la ligne et la colonne', async () => {
    const a = await apercu(dec14, 'cyclades-icc', [
      ENTETE,
      ';;;;;;;',
      '0350710A;100;2027-06;HIVER;31/02/2027;abc;;',
      '0350710G;320;2027-05;REMPLACEMENT;12/05/2027;100;0;0',
      '0350710G;470;2027-06;NORMALE;15/06/2027;1,25;0;3,5',
      '0999999F;470;2027-06;;15/06/2027;1;;',
      '0120006S;470;2027-06;;15/06/2027;1;;',
      '0350710G;470;2030-06;;15/06/2030;1;;',
    ]);
    expect(a.statut, a.erreur ?? '').toBe('termine');
    const motifs = a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`);
    expect(motifs).toEqual([
      "2 UAI : vide : l'UAI du centre d'examen est obligatoire.",
      "2 EXAMEN : vide : le code de l'examen est obligatoire.",
      "2 SESSION : vide : le code de la session est obligatoire.",
      "2 DATE_DEBUT : vide : le premier jour des épreuves (JJ/MM/AAAA) est obligatoire.",
      "2 JOURNEES_1 : vide : le nombre de journées de la tranche 1 est obligatoire (0 si aucune).",
      "3 UAI : « 0350710A » : La clé de l'UAI 0350710A est incorrecte : la lettre attendue est G.",
      "3 EXAMEN : « 100 » n'est pas un examen de l'ICC : 43A, 47A, 400, 430, 470, 320 est attendu.",
      "3 PERIODE : « HIVER » n'est pas une période : NORMALE ou REMPLACEMENT est attendu.",
      "3 DATE_DEBUT : « 31/02/2027 » n'est pas une date JJ/MM/AAAA (par exemple 15/06/2027).",
      "4 PERIODE : pas d'épreuves de remplacement pour le BTS : NORMALE est attendu.",
      "4 JOURNEES_1 : Nombre de journées « De 11 à 50 candidats » : la valeur doit être inférieure à 100 (format xx,x < 100).",
      "5 JOURNEES_1 : Nombre de journées « De 1 à 600 candidats » : 1 chiffre après la virgule au plus (format xx,x < 100).",
      "5 JOURNEES_3 : Nombre de journées « Supplémentaires » : la valeur doit être inférieure ou égale à 3 (format x,x <= 3).",
      "6 UAI : aucun établissement d'UAI 0999999F n'est connu.",
      "7 UAI : l'établissement 0120006S est un établissement d'une autre académie : seuls ceux de l'académie de Rennes sont acceptés.",
      "8 SESSION : aucune session 2030-06 de l'examen 470.",
    ]);
    expect(a.resultat).toMatchObject({ lignes: 7, ajoutees: 0, lignesRejetees: 7 });
  });

  it('aperçu exact sans rien écrire, application, même fichier deux fois, ligne changée', async () => {
    const a = await apercu(dec14, 'cyclades-icc', [ENTETE, L1, L2]);
    expect(a.resultat).toMatchObject({ lignes: 2, ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 0 });
    expect(await instantane()).toEqual([]);
    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.resultat).toMatchObject({ ajoutees: 2, modifiees: 0, inchangees: 0 });
    // What the ICC screen reads.
    expect(await donneesCyclades(p.ctx.db, bac, etabs.lycee, 'normale')).toEqual({ date_debut: '2027-06-15', journees_1: 60, journees_2: 10, journees_3: 0 });
    expect(await donneesCyclades(p.ctx.db, bts, etabs.lycee, 'normale')).toEqual({ date_debut: '2027-05-12', journees_1: 20, journees_2: 15, journees_3: 10 });

    const apres = await instantane();
    const deux = await importer(dec14, 'cyclades-icc', [ENTETE, L1, L2]);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2 });
    expect(await instantane()).toEqual(apres);

    const trois = await importer(dec14, 'cyclades-icc', [ENTETE, L1.replace('6,0', '6,5'), L2, L1.replace('NORMALE;15/06/2027', 'REMPLACEMENT;08/09/2027')]);
    expect(trois.application.resultat).toMatchObject({ ajoutees: 1, modifiees: 1, inchangees: 1 });
    expect(await donneesCyclades(p.ctx.db, bac, etabs.lycee, 'normale')).toMatchObject({ journees_1: 65 });
    expect(await donneesCyclades(p.ctx.db, bac, etabs.lycee, 'remplacement')).toMatchObject({ date_debut: '2027-09-08', journees_1: 60 });
  });

  it('Toulouse n’importe pas dans Rennes', async () => {
    const avant = await instantane();
    const a = await apercu(dec16, 'cyclades-icc', [ENTETE, L1.replace('6,0', '9,0')]);
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'UAI', motif: "l'établissement 0350710G est un établissement d'une autre académie : seuls ceux de l'académie de Toulouse sont acceptés." }]);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, lignesRejetees: 1 });
    expect(await instantane()).toEqual(avant);
  });
});
