// The sample files of docs/imports/exemples (issue 17, decision 0035) go through their import: the
// good ones without a rejected line (personnels, then indisponibilités and enseignements of those
// personnels), the « -erreurs » ones with every line rejected (but the first of a duplicated pair).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '../../testing/harness.ts';
import { apercu, importer, plateformeImports } from './essais-imports.ts';

let p: TestPlatform;
let dec14: TestClient;
const exemple = (nom: string) => readFile(new URL(`../../../../docs/imports/exemples/${nom}`, import.meta.url));

beforeAll(async () => {
  ({ p, dec14 } = await plateformeImports('exemples'));
}, 120_000);
afterAll(async () => p?.close());

describe('fichiers d’exemple de docs/imports', () => {
  it('les exemples justes s’importent sans rejet, dans l’ordre personnels, indisponibilités, enseignements', async () => {
    const pers = await importer(dec14, 'personnels', await exemple('personnels.csv'), 'tout-ou-rien');
    expect(pers.application.resultat).toMatchObject({ lignes: 4, ajoutees: 4, lignesRejetees: 0 });
    const ind = await importer(dec14, 'indisponibilites', await exemple('indisponibilites.csv'), 'tout-ou-rien');
    expect(ind.application.resultat).toMatchObject({ lignes: 4, ajoutees: 4, lignesRejetees: 0 });
    const ens = await importer(dec14, 'enseignements', await exemple('enseignements.csv'), 'tout-ou-rien');
    expect(ens.application.resultat).toMatchObject({ lignes: 4, ajoutees: 4, lignesRejetees: 0 });
  });

  it.each([
    ['personnels', 11, 1],
    ['indisponibilites', 6, 1],
    ['enseignements', 8, 1],
  ])('%s-erreurs.csv : chaque ligne rejetée avec son motif', async (genre, lignes, valides) => {
    const a = await apercu(dec14, genre, await exemple(`${genre}-erreurs.csv`));
    expect(a.statut).toBe('termine');
    expect(a.resultat.lignes).toBe(lignes);
    expect(a.resultat.lignesRejetees).toBe(lignes - valides);
    expect(a.resultat.ajoutees + a.resultat.inchangees + a.resultat.modifiees).toBe(valides);
    expect(a.resultat.rejets.every((r) => r.motif.length > 10)).toBe(true);
  });
});
