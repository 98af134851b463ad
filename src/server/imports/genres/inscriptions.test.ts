// Import « inscriptions » (issue 17, decision 0036): every rejection reason, the preview's counts
// (nothing written), idempotence, a changed line updates (identity, état, épreuves), another académie's
// établissement, candidature or INE rejected, Windows-1252 and a line given twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
let dec16: TestClient;
let etabs: { lycee: number; college: number; toulouse: number };
let session: number;
let options: Record<string, number>;

const ENTETE = 'EXAMEN;SESSION;NUMERO_CANDIDAT;INE;CIVILITE;NOM;PRENOM;DATE_NAISSANCE;EMAIL;UAI;SERIE;SERIE_LIBELLE;SPECIALITE;DIVISION;EPREUVES;ETAT';
const L1 = '100;2027-06;0350001;123456789AB;Mme;LE GALL;Anne;14/03/2012;anne.legall@example.fr;0350711H;G;SERIE GENERALE;DNBG;3A;FR|MA;Inscrit';
const L2 = '100;2027-06;0350002;;M.;MORVAN;Yann;02/01/2012;;;P;SERIE PROFESSIONNELLE;;;;Pré-inscrit';

beforeAll(async () => {
  ({ p, dec14, dec16, etabs } = await plateformeImports('insc'));
  const db = p.ctx.db;
  await db.insertInto('examen').values({ code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' }).onConflict((oc) => oc.doNothing()).execute();
  session = (await db.insertInto('session_examen').values({ examen_code: '100', code: '2027-06', libelle: 'DNB 2027', annee: 2027 }).returning('id').executeTakeFirstOrThrow()).id;
  const spec = await db.insertInto('specialite').values({ examen_code: '100', code: 'DNBG', libelle: 'DNB SERIE GENERALE' }).returning('id').executeTakeFirstOrThrow();
  const o = await db
    .insertInto('epreuve_option')
    .values([
      { specialite_id: spec.id, code: 'FR', libelle: 'FRANCAIS', nature: 'ecrite' },
      { specialite_id: spec.id, code: 'MA', libelle: 'MATHEMATIQUES', nature: 'ecrite' },
      { specialite_id: spec.id, code: 'HG', libelle: 'HISTOIRE GEOGRAPHIE', nature: 'ecrite' },
    ])
    .returning(['id', 'code'])
    .execute();
  options = Object.fromEntries(o.map((x) => [x.code, x.id]));
  // A Toulouse candidate (candidature n° 1200001, INE 1600000000T) the Rennes file must not touch.
  const cd = await db.insertInto('candidat').values({ academie_code: '16', ine: '1600000000T', civilite: 'M.', nom: 'DENIS', prenom: 'Denis', date_naissance: '2012-01-01' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('candidature').values({ candidat_id: cd.id, session_examen_id: session, academie_code: '16', etablissement_id: etabs.toulouse, numero_candidat: '1200001', etat: 'inscrit' }).execute();
}, 120_000);
afterAll(async () => p?.close());

const instantane = async () => ({
  candidats: await p.ctx.db.selectFrom('candidat').selectAll().orderBy('id').execute(),
  candidatures: await p.ctx.db.selectFrom('candidature').selectAll().orderBy('id').execute(),
  epreuves: await p.ctx.db.selectFrom('candidature_epreuve').selectAll().orderBy('candidature_id').orderBy('epreuve_option_id').execute(),
});
const candidature = (numero: string) =>
  p.ctx.db
    .selectFrom('candidature as ca')
    .innerJoin('candidat as cd', 'cd.id', 'ca.candidat_id')
    .select(['ca.id', 'ca.etat', 'ca.email', 'ca.etablissement_id', 'ca.serie_code', 'ca.division_classe', 'ca.academie_code', 'cd.ine', 'cd.nom', 'cd.prenom', 'cd.civilite', 'cd.date_naissance'])
    .where('ca.numero_candidat', '=', numero)
    .executeTakeFirst();
const epreuves = async (numero: string) =>
  (
    await p.ctx.db
      .selectFrom('candidature_epreuve as ce')
      .innerJoin('candidature as ca', 'ca.id', 'ce.candidature_id')
      .select('ce.epreuve_option_id')
      .where('ca.numero_candidat', '=', numero)
      .orderBy('ce.epreuve_option_id')
      .execute()
  ).map((r) => r.epreuve_option_id);

describe('import des inscriptions', () => {
  it('chaque motif de rejet, avec la ligne et la colonne', async () => {
    const a = await apercu(dec14, 'inscriptions', [
      ENTETE,
      ';;;;;;;;;;;;;;;',
      '100;2027-06;03-5;12345;Madame X;NOM;Prénom;31/02/2012;pas-un-mail;0350711A;;;;;FR|FR;Admis',
      `100;2027-06;0350003;;Mme;${'X'.repeat(101)};Eva;01/01/1850;;;;;;;FR;Inscrit`,
      '999;2027-06;0350004;;Mme;NOM;Eva;01/01/2012;;;;;;;;Inscrit',
      '100;2030-06;0350005;;Mme;NOM;Eva;01/01/2012;;;;;;;;Inscrit',
      '100;2027-06;0350006;;Mme;NOM;Eva;01/01/2012;;0999999F;;;;;;Inscrit',
      '100;2027-06;0350007;;Mme;NOM;Eva;01/01/2012;;0120006S;;;;;;Inscrit',
      '100;2027-06;0350008;;Mme;NOM;Eva;01/01/2012;;;;;XX;;;Inscrit',
      '100;2027-06;0350009;;Mme;NOM;Eva;01/01/2012;;;;;DNBG;;FR|ZZ|YY;Inscrit',
      '100;2027-06;1200001;;M.;DENIS;Denis;01/01/2012;;;;;;;;Inscrit',
      '100;2027-06;0350010;1600000000T;M.;DENIS;Denis;01/01/2012;;;;;;;;Inscrit',
    ]);
    expect(a.statut, a.erreur ?? '').toBe('termine');
    const motifs = a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`);
    expect(motifs).toEqual([
      "2 EXAMEN : vide : le code de l'examen est obligatoire.",
      '2 SESSION : vide : le code de la session est obligatoire.',
      '2 NUMERO_CANDIDAT : vide : le numéro de candidat est obligatoire.',
      '2 CIVILITE : vide : M. ou Mme est attendu.',
      '2 NOM : vide : le nom est obligatoire.',
      '2 PRENOM : vide : le prénom est obligatoire.',
      '2 DATE_NAISSANCE : vide : la date de naissance (JJ/MM/AAAA) est obligatoire.',
      '2 ETAT : vide : Inscrit, Pré-inscrit ou Annulé est attendu.',
      "3 NUMERO_CANDIDAT : « 03-5 » n'est pas un numéro de candidat : 1 à 20 chiffres ou lettres attendus.",
      "3 INE : « 12345 » n'est pas un INE : 11 chiffres ou lettres attendus (123456789AB).",
      "3 CIVILITE : « Madame X » n'est pas une civilité : M. ou Mme est attendu.",
      "3 DATE_NAISSANCE : « 31/02/2012 » n'est pas une date JJ/MM/AAAA (par exemple 14/03/2011).",
      "3 EMAIL : « pas-un-mail » n'est pas une adresse électronique (prenom.nom@exemple.fr).",
      "3 UAI : « 0350711A » : La clé de l'UAI 0350711A est incorrecte : la lettre attendue est H.",
      '3 SPECIALITE : vide : la spécialité est obligatoire quand des épreuves sont données.',
      "3 EPREUVES : l'épreuve FR est donnée deux fois.",
      "3 ETAT : « Admis » n'est pas un état d'inscription : Inscrit, Pré-inscrit ou Annulé est attendu.",
      '4 NOM : 100 caractères au plus (101 donnés).',
      '4 DATE_NAISSANCE : « 01/01/1850 » : une date de naissance après 1900 est attendue.',
      '4 SPECIALITE : vide : la spécialité est obligatoire quand des épreuves sont données.',
      "5 EXAMEN : aucun examen de code 999 n'a de session dans IMAG'IN.",
      "6 SESSION : aucune session 2030-06 de l'examen 100.",
      "7 UAI : aucun établissement d'UAI 0999999F n'est connu.",
      "8 UAI : l'établissement 0120006S est un établissement d'une autre académie : seuls ceux de l'académie de Rennes sont acceptés.",
      "9 SPECIALITE : aucune spécialité XX de l'examen 100.",
      '10 EPREUVES : épreuves inconnues dans la spécialité DNBG : YY, ZZ.',
      '11 NUMERO_CANDIDAT : le candidat n° 1200001 de la session 2027-06 est inscrit dans une autre académie : il ne peut être importé que par elle.',
      "12 INE : l'INE 160… est celui d'un candidat d'une autre académie : il ne peut être importé que par elle.",
    ]);
    expect(a.resultat).toMatchObject({ lignes: 11, ajoutees: 0, lignesRejetees: 11 });
  });

  it('aperçu exact sans rien écrire, application, même fichier deux fois : rien ne change', async () => {
    const avant = await instantane();
    const a = await apercu(dec14, 'inscriptions', [ENTETE, L1, L2]);
    expect(a.resultat).toMatchObject({ lignes: 2, ajoutees: 2, modifiees: 0, inchangees: 0, lignesRejetees: 0 });
    expect(await instantane()).toEqual(avant);

    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.statut).toBe('termine');
    expect(t.resultat).toMatchObject({ ajoutees: 2, modifiees: 0, inchangees: 0 });
    expect(await candidature('0350001')).toMatchObject({
      academie_code: '14',
      etat: 'inscrit',
      email: 'anne.legall@example.fr',
      etablissement_id: etabs.college,
      serie_code: 'G',
      division_classe: '3A',
      ine: '123456789AB',
      civilite: 'Mme',
      nom: 'LE GALL',
      prenom: 'Anne',
      date_naissance: '2012-03-14',
    });
    expect(await epreuves('0350001')).toEqual([options.FR, options.MA].sort((x, y) => x! - y!));
    expect(await candidature('0350002')).toMatchObject({ etat: 'pre_inscrit', etablissement_id: null, ine: null, email: null });

    const apres = await instantane();
    const deux = await importer(dec14, 'inscriptions', [ENTETE, L1, L2]);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 2, lignesRejetees: 0 });
    expect(await instantane()).toEqual(apres);
  });

  it('une ligne changée met à jour : identité, état, établissement, épreuves', async () => {
    const modifiee = L1.replace('LE GALL', 'LE GALL-RIOU').replace('FR|MA', 'HG|FR').replace('0350711H', '0350710G').replace(';Inscrit', ';Annulé');
    const { apercu: a, application } = await importer(dec14, 'inscriptions', [ENTETE, modifiee, L2]);
    expect(a.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1 });
    expect(application.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 1 });
    expect(await candidature('0350001')).toMatchObject({ nom: 'LE GALL-RIOU', etat: 'annule', etablissement_id: etabs.lycee });
    expect(await epreuves('0350001')).toEqual([options.FR, options.HG].sort((x, y) => x! - y!));
    // A second number for the same INE in the same session is refused.
    const r = await apercu(dec14, 'inscriptions', [ENTETE, L1.replace('0350001', '0350099')]);
    expect(r.resultat.rejets).toEqual([{ ligne: 2, champ: 'NUMERO_CANDIDAT', motif: "le candidat d'INE 123… est déjà inscrit à la session 2027-06 sous le n° 0350001." }]);
  });

  it('Toulouse n’importe pas dans Rennes : établissement, candidature et INE de Rennes rejetés', async () => {
    const avant = await instantane();
    const a = await apercu(dec16, 'inscriptions', [ENTETE, L1.replace('0350001', '1200099').replace('123456789AB', '1600000001T'), L2, L1.replace('0350711H', '0120006S').replace('0350001', '1200098')]);
    expect(a.resultat.rejets).toEqual([
      { ligne: 2, champ: 'UAI', motif: "l'établissement 0350711H est un établissement d'une autre académie : seuls ceux de l'académie de Toulouse sont acceptés." },
      { ligne: 3, champ: 'NUMERO_CANDIDAT', motif: 'le candidat n° 0350002 de la session 2027-06 est inscrit dans une autre académie : il ne peut être importé que par elle.' },
      { ligne: 4, champ: 'INE', motif: "l'INE 123… est celui d'un candidat d'une autre académie : il ne peut être importé que par elle." },
    ]);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, lignesRejetees: 3 });
    expect(await instantane()).toEqual(avant);
  });

  it('Windows-1252 avec « , » et ligne en double', async () => {
    const l = "100,2027-06,0350020,123456789AC,Mme,LE FLOC'H,Hélène,01/02/2012,,0350711H,G,,DNBG,3B,FR,Inscrit";
    const fichier = Buffer.from([ENTETE.replaceAll(';', ','), l, l].join('\r\n'), 'latin1');
    const { application } = await importer(dec14, 'inscriptions', fichier);
    expect(application.resultat).toMatchObject({ encodage: 'Windows-1252', separateur: ',', ajoutees: 1, lignesRejetees: 1 });
    expect(application.resultat.rejets[0]).toEqual({ ligne: 3, champ: 'ligne', motif: 'ligne en double : la même donnée est déjà donnée ligne 2 du fichier.' });
    expect(await candidature('0350020')).toMatchObject({ prenom: 'Hélène', division_classe: '3B' });
  });
});
