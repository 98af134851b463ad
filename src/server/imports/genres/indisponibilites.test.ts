// Import « indisponibilites » (issue 17, decision 0035): every rejection reason, the preview's counts,
// idempotence on (person, dates, source), a changed motif updates, another académie's person rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, appliquer, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
let dec16: TestClient;
const ENTETE = 'NUMEN;DATE_DEBUT;HEURE_DEBUT;DATE_FIN;HEURE_FIN;MOTIF;SOURCE';

beforeAll(async () => {
  ({ p, dec14, dec16 } = await plateformeImports('indispo'));
  await p.ctx.db
    .insertInto('personne')
    .values([
      { academie_code: '14', civilite: 'Mme', nom: 'LE GALL', prenom: 'Anne', numen: '14E2612345AAA', source: 'EPP' },
      { academie_code: '16', civilite: 'M.', nom: 'DENIS', prenom: 'Denis', numen: '16E2612345ZZZ', source: 'EPP' },
    ])
    .execute();
}, 120_000);
afterAll(async () => p?.close());

const indispos = () =>
  p.ctx.db.selectFrom('indisponibilite').select(['id', 'academie_code', 'date_debut', 'heure_debut', 'date_fin', 'heure_fin', 'motif', 'source']).orderBy('date_debut').orderBy('source').execute();

describe('import des indisponibilités', () => {
  it('chaque motif de rejet', async () => {
    const a = await apercu(dec14, 'indisponibilites', [
      ENTETE,
      ';;;;;;',
      '14E26;2026-06-15;8h;32/06/2026;25:00;VACANCES;RH',
      '14E2612345AAA;16/06/2026;10:00;15/06/2026;12:00;CONGE DE MALADIE;EPP',
      '14E2612345XXX;15/06/2026;;16/06/2026;;CONGE DE MALADIE;EPP',
      '16E2612345ZZZ;15/06/2026;;16/06/2026;;CONGE PARENTAL;SIRHEN',
    ]);
    expect(a.resultat.rejets.map((r) => `${r.ligne} ${r.champ} : ${r.motif}`)).toEqual([
      '2 NUMEN : vide : le NUMEN est obligatoire.',
      '2 DATE_DEBUT : vide : une date JJ/MM/AAAA est obligatoire.',
      '2 DATE_FIN : vide : une date JJ/MM/AAAA est obligatoire.',
      '2 MOTIF : vide : le motif est obligatoire.',
      '2 SOURCE : vide : EPP ou SIRHEN est attendu.',
      '3 NUMEN : « 14E26 » : Le NUMEN doit compter 13 caractères : 2 chiffres (académie), 1 lettre, 7 chiffres, 3 lettres.',
      "3 DATE_DEBUT : « 2026-06-15 » n'est pas une date JJ/MM/AAAA (par exemple 15/06/2026).",
      "3 HEURE_DEBUT : « 8h » n'est pas une heure HH:MM (par exemple 08:00).",
      "3 DATE_FIN : « 32/06/2026 » n'est pas une date JJ/MM/AAAA (par exemple 15/06/2026).",
      "3 HEURE_FIN : « 25:00 » n'est pas une heure HH:MM (par exemple 08:00).",
      expect.stringMatching(/^3 MOTIF : « VACANCES » n'est pas un motif connu : CONGE DE MALADIE, /),
      '3 SOURCE : « RH » : EPP ou SIRHEN est attendu.',
      '4 DATE_FIN : la fin (15/06/2026 12:00) doit être après le début (16/06/2026 10:00).',
      "5 NUMEN : aucune personne de NUMEN 14E… n'est connue : importez d'abord les personnels.",
      "6 NUMEN : le NUMEN 16E… est celui d'une personne d'une autre académie : seules celles de l'académie de Rennes sont acceptées.",
    ]);
    expect(a.resultat).toMatchObject({ lignes: 5, ajoutees: 0, lignesRejetees: 5 });
  });

  it('aperçu exact, application, même fichier deux fois, motif changé mis à jour', async () => {
    const lignes = [ENTETE, '14E2612345AAA;15/06/2026;08:00;15/06/2026;12:00;Congé de maladie;EPP', '14E2612345AAA;15/06/2026;08:00;15/06/2026;12:00;CONGE PARENTAL;SIRHEN', '14E2612345AAA;20/06/2026;;22/06/2026;;STAGE DE FORMATION CONTINUE;EPP'];
    const a = await apercu(dec14, 'indisponibilites', lignes);
    expect(a.resultat).toMatchObject({ ajoutees: 3, modifiees: 0, inchangees: 0, lignesRejetees: 0 });
    expect(await indispos()).toEqual([]);
    const t = await appliquer(dec14, a.id, 'tout-ou-rien');
    expect(t.resultat).toMatchObject({ ajoutees: 3 });
    const apres = await indispos();
    expect(apres.map((i) => [i.date_debut, i.heure_debut.slice(0, 5), i.date_fin, i.heure_fin.slice(0, 5), i.motif, i.source, i.academie_code])).toEqual([
      ['2026-06-15', '08:00', '2026-06-15', '12:00', 'CONGE DE MALADIE', 'EPP', '14'],
      ['2026-06-15', '08:00', '2026-06-15', '12:00', 'CONGE PARENTAL', 'SIRHEN', '14'],
      ['2026-06-20', '00:00', '2026-06-22', '23:59', 'STAGE DE FORMATION CONTINUE', 'EPP', '14'],
    ]);
    const deux = await importer(dec14, 'indisponibilites', lignes);
    expect(deux.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 0, inchangees: 3 });
    expect(await indispos()).toEqual(apres);
    const change = await importer(dec14, 'indisponibilites', [ENTETE, lignes[1]!.replace('Congé de maladie', "AUTORISATION D'ABSENCE")]);
    expect(change.application.resultat).toMatchObject({ ajoutees: 0, modifiees: 1, inchangees: 0 });
    expect((await indispos())[0]).toMatchObject({ id: apres[0]!.id, motif: "AUTORISATION D'ABSENCE" });
    // Not a full extract: nothing reported absent, nothing deleted.
    expect(change.application.resultat.nbAbsents).toBe(0);
    expect(await indispos()).toHaveLength(3);
  });

  it('Toulouse n’importe pas les indisponibilités d’une personne de Rennes', async () => {
    const avant = await indispos();
    const a = await apercu(dec16, 'indisponibilites', [ENTETE, '14E2612345AAA;01/07/2026;;02/07/2026;;CONGE PARENTAL;SIRHEN', '16E2612345ZZZ;01/07/2026;;02/07/2026;;CONGE PARENTAL;SIRHEN']);
    expect(a.resultat.rejets).toEqual([{ ligne: 2, champ: 'NUMEN', motif: "le NUMEN 14E… est celui d'une personne d'une autre académie : seules celles de l'académie de Toulouse sont acceptées." }]);
    const t = await appliquer(dec16, a.id, 'lignes-valides');
    expect(t.resultat).toMatchObject({ ajoutees: 1, lignesRejetees: 1 });
    const apres = await indispos();
    expect(apres.filter((i) => i.academie_code === '14')).toEqual(avant);
    expect(apres.filter((i) => i.academie_code === '16')).toHaveLength(1);
  });
});
