// Import « personnels » (issue 17, decision 0035): every rejection reason, the preview's counts
// (nothing written), idempotence, a changed line updates, the affectation principale moves, absents
// of the full extract reported (never deleted), another académie's établissement or person rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avecCleNir } from '../../../domain/referentiel/identifiants.ts';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
let dec16: TestClient;
let etabs: { lycee: number; college: number; toulouse: number };

const NIR = avecCleNir('2800535238123');
const ENTETE = 'NUMEN;CIVILITE;NOM;PRENOM;DATE_NAISSANCE;NIR;UAI;DISCIPLINE_POSTE;GRADE;EMAIL_PRO;TELEPHONE;ADRESSE;CODE_POSTAL;COMMUNE;SOURCE';
const L1 = `14E2612345AAA;Mme;LE GALL;Anne;20/05/1980;${NIR};0350710G;MATHEMATIQUES;PROFESSEUR CERTIFIE;anne.le-gall@ac-rennes.fr;02 99 00 00 01;3 RUE DES LILAS;35000;Rennes;EPP`;
const L2 = '14E2612345AAB;M.;MORVAN;Yann;02/01/1975;;0350711H;PHYSIQUE CHIMIE;PROFESSEUR AGREGE;;;;;;SIRHEN';

beforeAll(async () => {
  ({ p, dec14, dec16, etabs } = await plateformeImports('pers'));
  // A person of Toulouse and an EPP person of Rennes the file will not name.
  await p.ctx.db
    .insertInto('personne')
    .values([
      { academie_code: '16', civilite: 'M.', nom: 'DENIS', prenom: 'Denis', numen: '16E2612345ZZZ', source: 'EPP' },
      { academie_code: '14', civilite: 'Mme', nom: 'ABSENTE', prenom: 'Alix', numen: '14E2612345ZZY', source: 'EPP' },
      { academie_code: '14', civilite: 'M.', nom: 'LOCAL', prenom: 'Loïc', numen: null, source: 'IMAGIN' },
    ])
    .execute();
}, 120_000);
afterAll(async () => p?.close());

const personne = (numen: string) => p.ctx.db.selectFrom('personne').selectAll().where('numen', '=', numen).executeTakeFirst();
const principal = async (numen: string) =>
  (
    await p.ctx.db
      .selectFrom('personne_etablissement as pe')
      .innerJoin('personne as x', 'x.id', 'pe.personne_id')
      .select(['pe.etablissement_id', 'pe.principal'])
      .where('x.numen', '=', numen)
      .execute()
  ).map((r) => [r.etablissement_id, r.principal]);
const instantane = () => p.ctx.db.selectFrom('personne').selectAll().orderBy('id').execute();

describe('import des personnels', () => {
  it('chaque motif de rejet, avec la ligne et la colonne', async () => {
    const a = await apercu(dec14, 'personnels', [
      ENTETE,
      ';Mme;;;;;;;;;;;;;',
      '14X2612345;Madame X;NOM;Prénom;31/02/1980;1800535238123 00;0350710A;;;pas-un-mail;123;;3500;;RH',
      `14E2612345AAC;Mme;${'X'.repeat(101)};Eva;1850-01-01;;0350710G;;;;;;;;`,
      '14E2612345AAD;Mme;NOM;Eva;01/01/1850;;0350710G;;;;;;;;',
      '14E2612345AAE;Mme;INCONNU;Eva;01/01/1980;;0999999F;;;;;;;;',
      '14E2612345AAF;Mme;TOULOUSE;Eva;01/01/1980;;0120006S;;;;;;;;',
      '16E2612345ZZZ;M.;DENIS;Denis;01/01/1980;;0350710G;;;;;;;;',
    ]);
    expect(a.statut).toBe('termine');
    const motifs = a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`);
    expect(motifs).toEqual([
      '2 NUMEN : vide : le NUMEN est obligatoire.',
      '2 NOM : vide : le nom est obligatoire.',
      '2 PRENOM : vide : le prénom est obligatoire.',
      '2 DATE_NAISSANCE : vide : la date de naissance (JJ/MM/AAAA) est obligatoire.',
      "2 UAI : vide : l'UAI de l'établissement principal est obligatoire.",
      '3 NUMEN : « 14X2612345 » : Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.',
      "3 CIVILITE : « Madame X » n'est pas une civilité : M. ou Mme est attendu.",
      "3 DATE_NAISSANCE : « 31/02/1980 » n'est pas une date JJ/MM/AAAA (par exemple 20/05/1980).",
      "3 UAI : « 0350710A » : La clé de l'UAI 0350710A est incorrecte : la lettre attendue est G.",
      `3 NIR : La clé du numéro de sécurité sociale est incorrecte : la clé attendue est ${avecCleNir('1800535238123').slice(13)}.`,
      "3 EMAIL_PRO : « pas-un-mail » n'est pas une adresse électronique (prenom.nom@ac-rennes.fr).",
      "3 TELEPHONE : « 123 » n'est pas un numéro de téléphone : 10 chiffres attendus (02 99 00 00 00).",
      "3 CODE_POSTAL : « 3500 » n'est pas un code postal : 5 chiffres attendus.",
      '3 SOURCE : « RH » : EPP ou SIRHEN est attendu.',
      '4 NOM : 100 caractères au plus (101 donnés).',
      "4 DATE_NAISSANCE : « 1850-01-01 » n'est pas une date JJ/MM/AAAA (par exemple 20/05/1980).",
      '5 DATE_NAISSANCE : « 01/01/1850 » : une date de naissance après 1900 est attendue.',
      "6 UAI : aucun établissement d'UAI 0999999F n'est connu.",
      "7 UAI : l'établissement 0120006S est un établissement d'une autre académie : seuls ceux de l'académie de Rennes sont acceptés.",
      "8 NUMEN : le NUMEN 16E… est celui d'une personne d'une autre académie : elle ne peut être importée que par son académie.",
    ]);
    expect(a.resultat).toMatchObject({ lignes: 7, ajoutees: 0, lignesRejetees: 7 });
  });

  it('aperçu exact sans rien écrire, application, même fichier deux fois : rien ne change', async () => {
    const avant = await instantane();
    const a = await apercu(dec14, 'personnels', [ENTETE, L1, L2]);
    expect(a.resultat).toMatchObject({ lignes: 2, ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 0, nbAbsents: 1 });
    expect(a.resultat.absents).toEqual(['ABSENTE Alix (NUMEN 14E…, source EPP)']);
    expect(await instantane()).toEqual(avant);

    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.statut).toBe('termine');
    expect(t.resultat).toMatchObject({ ajoutees: 2, modifiees: 0, inchangees: 0, nbAbsents: 1 });
    expect(t.documents.map((d) => d.nom)).toEqual(['Absents du fichier']);
    expect(await personne('14E2612345AAA')).toMatchObject({
      academie_code: '14',
      civilite: 'Mme',
      nom: 'LE GALL',
      prenom: 'Anne',
      date_naissance: '1980-05-20',
      nir: NIR,
      discipline_poste: 'MATHEMATIQUES',
      grade: 'PROFESSEUR CERTIFIE',
      email_pro: 'anne.le-gall@ac-rennes.fr',
      tel_pro: '02 99 00 00 01',
      adresse: '3 RUE DES LILAS',
      code_postal: '35000',
      commune: 'RENNES',
      source: 'EPP',
    });
    expect(await personne('14E2612345AAB')).toMatchObject({ source: 'SIRHEN', nir: null, email_pro: null, adresse: '' });
    expect(await principal('14E2612345AAA')).toEqual([[etabs.lycee, true]]);
    // The absent person is still there.
    expect(await personne('14E2612345ZZY')).toBeDefined();

    const apres = await instantane();
    const deux = await importer(dec14, 'personnels', [ENTETE, L1, L2]);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2, lignesRejetees: 0 });
    expect(await instantane()).toEqual(apres);
  });

  it('une ligne changée met à jour ; vide garde la valeur connue ; l’affectation principale change', async () => {
    const modifiee = L2.replace('MORVAN', 'MORVAN-KERJEAN').replace('0350711H', '0350710G');
    const sansNir = L1.replace(NIR, '').replace('PROFESSEUR CERTIFIE', '');
    const { application } = await importer(dec14, 'personnels', [ENTETE, sansNir, modifiee]);
    expect(application.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1 });
    expect(await personne('14E2612345AAB')).toMatchObject({ nom: 'MORVAN-KERJEAN', prenom: 'Yann' });
    expect(await principal('14E2612345AAB')).toEqual([[etabs.lycee, true]]);
    expect(await personne('14E2612345AAA')).toMatchObject({ nir: NIR, grade: 'PROFESSEUR CERTIFIE' });
  });

  it('Toulouse n’importe pas dans Rennes : ses lignes vers un établissement de Rennes sont rejetées', async () => {
    const avant = await instantane();
    const a = await apercu(dec16, 'personnels', [ENTETE, L1.replace('14E2612345AAA', '16E2612345AAA')]);
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'UAI', motif: "l'établissement 0350710G est un établissement d'une autre académie : seuls ceux de l'académie de Toulouse sont acceptés." }]);
    // Toulouse's absents are its own persons only.
    expect(a.resultat.absents).toEqual(['DENIS Denis (NUMEN 16E…, source EPP)']);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, lignesRejetees: 1 });
    expect(await instantane()).toEqual(avant);
  });

  it('Windows-1252 avec « , » et ligne en double', async () => {
    const fichier = Buffer.from([ENTETE.replaceAll(';', ','), '14E2612345AAG,Mme,LE FLOC\'H,Hélène,01/02/1990,,0350711H,LETTRES,,,,,,,', '14E2612345AAG,Mme,LE FLOC\'H,Hélène,01/02/1990,,0350711H,LETTRES,,,,,,,'].join('\r\n'), 'latin1');
    const { application } = await importer(dec14, 'personnels', fichier);
    expect(application.resultat).toMatchObject({ encodage: 'Windows-1252', separateur: ',', ajoutees: 1, lignesRejetees: 1 });
    expect(application.resultat.rejets[0]).toEqual({ ligne: 3, champ: 'ligne', motif: 'ligne en double : la même donnée est déjà donnée ligne 2 du fichier.' });
    expect(await personne('14E2612345AAG')).toMatchObject({ prenom: 'Hélène', source: 'EPP' });
  });
});
