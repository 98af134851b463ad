// `npm run demo` builds its personnels, enseignements and EPP/SIRHEN indisponibilités through the
// gestionnaire's imports (issue 17 §2, decision 0039): loaded once, the same files given again to
// « Imports de données » by dec.rennes change nothing, and what the demo holds is what the files say.
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { apercu } from '../imports/genres/essais-imports.ts';
import { MOT_DE_PASSE_AGENTS } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { genererDemo } from './generateur.ts';
import { fichiersDemo } from './par-les-imports.ts';
import { collegesCandidats, fichierInscriptions, genererCandidats } from './candidats.ts';
import { CANDIDATS_PAR_ECHELLE } from './generateur.ts';

let p: TestPlatform;
let dec: TestClient;
const d = genererDemo(1);
const fichiers = fichiersDemo(d, '14');

beforeAll(async () => {
  p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1, store: p.ctx.store });
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
}, 240_000);
afterAll(async () => p?.close());

const lignes = async (f: () => NodeJS.ReadableStream | Promise<NodeJS.ReadableStream>) => (await text((await f()) as any)).replace(/^\uFEFF/, '').trim().split('\r\n');

describe('la démonstration construite par les imports', () => {
  it("les personnels de Rennes : le fichier EPP/SIRHEN de la démonstration, importé de nouveau, ne change rien", async () => {
    const contenu = await lignes(fichiers.personnels);
    expect(contenu[0]).toBe('NUMEN;CIVILITE;NOM;PRENOM;DATE_NAISSANCE;UAI;NIR;DISCIPLINE_POSTE;GRADE;EMAIL_PRO;TELEPHONE;ADRESSE;CODE_POSTAL;COMMUNE;SOURCE');
    const n = contenu.length - 1;
    expect(n).toBeGreaterThan(50);
    const a = await apercu(dec, 'personnels', contenu);
    expect(a.statut, a.erreur ?? '').toBe('termine');
    expect([a.resultat.ajoutees, a.resultat.modifiees, a.resultat.inchangees, a.resultat.lignesRejetees]).toEqual([0, 0, n, 0]);
    // Every EPP/SIRHEN person of Rennes is in the file: none is reported absent.
    expect(a.resultat.nbAbsents).toBe(0);
    // Each holds its établissement principal, from the file.
    const [premiere] = contenu.slice(1);
    const [numen, , nom, , , uai] = premiere!.split(';');
    const r = await p.ctx.db
      .selectFrom('personne as pe')
      .innerJoin('personne_etablissement as pa', 'pa.personne_id', 'pe.id')
      .innerJoin('etablissement as e', 'e.id', 'pa.etablissement_id')
      .select(['pe.nom', 'e.uai', 'pe.source'])
      .where('pe.numen', '=', numen!)
      .where('pa.principal', '=', true)
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ nom, uai, source: expect.stringMatching(/^(EPP|SIRHEN)$/) });
  });

  it('les enseignements STS-WEB et les indisponibilités EPP/SIRHEN de Rennes : de nouveau importés, inchangés', async () => {
    const ens = await lignes(fichiers.enseignements);
    expect(ens.length - 1).toBeGreaterThan(100);
    const e = await apercu(dec, 'enseignements', ens);
    expect([e.resultat.ajoutees, e.resultat.modifiees, e.resultat.inchangees, e.resultat.lignesRejetees]).toEqual([0, 0, ens.length - 1, 0]);
    const ind = await lignes(fichiers.indisponibilites);
    expect(ind.length - 1).toBeGreaterThan(0);
    const i = await apercu(dec, 'indisponibilites', ind);
    expect([i.resultat.ajoutees, i.resultat.modifiees, i.resultat.inchangees, i.resultat.lignesRejetees]).toEqual([0, 0, ind.length - 1, 0]);
    // The imported indisponibilités carry their source, as the import writes them.
    const sources = await p.ctx.db.selectFrom('indisponibilite').select('source').distinct().where('academie_code', '=', '14').execute();
    expect(sources.map((s) => s.source)).toEqual(expect.arrayContaining(['EPP', 'ETABLISSEMENT']));
  });

  it('les candidats et inscriptions CYCLADES de Rennes : de nouveau importés, inchangés', async () => {
    const candidats = genererCandidats(collegesCandidats(d.etablissements), CANDIDATS_PAR_ECHELLE);
    const ins = await lignes(() => fichierInscriptions(candidats, '14'));
    expect(ins.length - 1).toBeGreaterThan(100);
    const i = await apercu(dec, 'inscriptions', ins);
    expect(i.statut, i.erreur ?? '').toBe('termine');
    expect([i.resultat.ajoutees, i.resultat.modifiees, i.resultat.inchangees, i.resultat.lignesRejetees]).toEqual([0, 0, ins.length - 1, 0]);
    // What the extract does not carry was written after the import: the pupil's address.
    const sansAdresse = await p.ctx.db.selectFrom('candidat').select((eb) => eb.fn.countAll<string>().as('n')).where('academie_code', '=', '14').where((eb) => eb.or([eb('commune', '=', ''), eb('commune', 'is', null)])).executeTakeFirstOrThrow();
    expect(Number(sansAdresse.n)).toBe(0);
  });
});
