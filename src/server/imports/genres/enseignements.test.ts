// Import « enseignements » (STS-WEB, issue 17, decision 0035): the rejection reasons, the preview's
// counts (nothing written, SYS(C) compétences rolled back too), idempotence, a changed libellé
// updates, the teachings of the file's (établissement, year) absent from it reported and kept,
// another académie's établissement rejected; the SYS(C) compétences generated after the import.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
let dec16: TestClient;
let etabs: { lycee: number; college: number; toulouse: number };
let ancien: number;
const ENTETE = 'UAI;NUMEN;ANNEE_SCOLAIRE;MEF_CODE;MEF_LIBELLE;TYPE_MEF;MATIERE;MODALITE_COURS;STRUCTURE';
const L1 = '0350710G;14E2612345AAA;2026-2027;20110019110;1ERE GENERALE;1ERE G;MATHEMATIQUES;CG;Div. Classe : 1G2';
const L2 = '0350710G;14E2612345AAA;2026-2027;20212019110;TERMINALE GENERALE;TLE G;MATHEMATIQUES;CG;Div. Classe : TG1';

beforeAll(async () => {
  ({ p, dec14, dec16, etabs } = await plateformeImports('ens'));
  const db = p.ctx.db;
  const pers = await db
    .insertInto('personne')
    .values([
      { academie_code: '14', civilite: 'Mme', nom: 'LE GALL', prenom: 'Anne', numen: '14E2612345AAA', source: 'EPP' },
      { academie_code: '14', civilite: 'M.', nom: 'ANCIEN', prenom: 'Paul', numen: '14E2612345AAB', source: 'EPP' },
      { academie_code: '16', civilite: 'M.', nom: 'DENIS', prenom: 'Denis', numen: '16E2612345ZZZ', source: 'EPP' },
    ])
    .returning('id')
    .execute();
  ancien = pers[1]!.id;
  // A teaching of the lycée the file will not name any more.
  await db
    .insertInto('enseignement')
    .values({ personne_id: ancien, etablissement_id: etabs.lycee, annee_scolaire: '2026-2027', mef_code: '20110019110', mef_libelle: '1ERE GENERALE', type_mef: '1ERE G', matiere: 'PHYSIQUE-CHIMIE', modalite_cours: 'CG', structure: '' })
    .execute();
  // The correspondence MATHEMATIQUES → an épreuve-option, for the SYS(C) compétences.
  await db.insertInto('examen').values({ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).execute();
  const spec = await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).returning('id').executeTakeFirstOrThrow();
  const ep = await db.insertInto('epreuve_option').values({ specialite_id: spec.id, code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('correspondance_enseignement').values({ matiere: 'MATHEMATIQUES', epreuve_option_id: ep.id }).execute();
}, 120_000);
afterAll(async () => p?.close());

const enseignements = () => p.ctx.db.selectFrom('enseignement').selectAll().orderBy('id').execute();
const competences = async () => Number((await p.ctx.db.selectFrom('competence').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

describe('import des enseignements STS-WEB', () => {
  it('chaque motif de rejet', async () => {
    const a = await apercu(dec14, 'enseignements', [
      ENTETE,
      ';;;;;;;;',
      '0350710X;14E26;2026/2027;X;X;X;X;X;',
      '0350710G;14E2612345AAA;2026-2028;X;X;X;X;X;',
      '0999999F;14E2612345AAA;2026-2027;X;X;X;X;X;',
      '0120006S;14E2612345AAA;2026-2027;X;X;X;X;X;',
      '0350710G;14E2612345XXX;2026-2027;X;X;X;X;X;',
      '0350710G;16E2612345ZZZ;2026-2027;X;X;X;X;X;',
    ]);
    const motifs = a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`);
    expect(motifs.filter((m) => m.startsWith('2 '))).toHaveLength(8);
    expect(motifs.filter((m) => !m.startsWith('2 '))).toEqual([
      "3 UAI : « 0350710X » : La clé de l'UAI 0350710X est incorrecte : la lettre attendue est G.",
      '3 NUMEN : « 14E26 » : Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.',
      "3 ANNEE_SCOLAIRE : « 2026/2027 » n'est pas une année scolaire : AAAA-AAAA attendu (2026-2027).",
      "4 ANNEE_SCOLAIRE : « 2026-2028 » n'est pas une année scolaire : AAAA-AAAA attendu (2026-2027).",
      "5 UAI : aucun établissement d'UAI 0999999F n'est connu.",
      "6 UAI : l'établissement 0120006S est un établissement d'une autre académie : seuls ceux de l'académie de Rennes sont acceptés.",
      "7 NUMEN : aucune personne de NUMEN 14E… n'est connue : importez d'abord les personnels.",
      "8 NUMEN : le NUMEN 16E… est celui d'une personne d'une autre académie : seules celles de l'académie de Rennes sont acceptées.",
    ]);
  });

  it('aperçu exact, application, compétences SYS (C), même fichier deux fois, libellé changé, absents gardés', async () => {
    const avant = await enseignements();
    const a = await apercu(dec14, 'enseignements', [ENTETE, L1, L2]);
    expect(a.resultat).toMatchObject({ ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 0, nbAbsents: 1 });
    expect(a.resultat.absents).toEqual(['0350710G 2026-2027 : ANCIEN Paul, PHYSIQUE-CHIMIE en 1ERE GENERALE']);
    expect(await enseignements()).toEqual(avant);
    expect(await competences()).toBe(0);

    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.resultat).toMatchObject({ ajoutees: 2, nbAbsents: 1 });
    const apres = await enseignements();
    expect(apres).toHaveLength(3);
    expect(apres.some((e) => e.personne_id === ancien)).toBe(true);
    expect(await competences()).toBe(1);

    const deux = await importer(dec14, 'enseignements', [ENTETE, L1, L2]);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2 });
    expect(await enseignements()).toEqual(apres);

    const change = await importer(dec14, 'enseignements', [ENTETE, L1.replace('1ERE GENERALE', 'PREMIERE GENERALE'), L2]);
    expect(change.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1 });
    expect((await enseignements()).map((e) => e.mef_libelle)).toContain('PREMIERE GENERALE');
  });

  it('Toulouse ne peut rien importer dans un établissement de Rennes', async () => {
    const avant = await enseignements();
    const a = await apercu(dec16, 'enseignements', [ENTETE, L1.replace('14E2612345AAA', '16E2612345ZZZ')]);
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'UAI', motif: "l'établissement 0350710G est un établissement d'une autre académie : seuls ceux de l'académie de Toulouse sont acceptés." }]);
    expect(a.resultat.nbAbsents).toBe(0);
    await appliquer(dec16, a.id, 'lignes-valides');
    expect(await enseignements()).toEqual(avant);
  });
});
