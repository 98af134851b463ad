// The communes' coordinates shipped for « Proposer des intervenants » (decision 0038): the open data set
// covers every établissement of the demo at an académie's size, and known places sit where they are.
import { describe, expect, it } from 'vitest';
import { genererDemo } from '../demo/generateur.ts';
import { distanceKm } from '../../domain/imagin/suggestions.ts';
import { coordonneesCommunes, coordonneesDe } from './suggestions.repo.ts';

describe('coordonnées des communes (jeu de données ouvert livré)', () => {
  it('couvre toute la France, chaque commune de la démonstration comprise', () => {
    expect(coordonneesCommunes().size).toBeGreaterThan(30_000);
    const d = genererDemo(100);
    const sans = d.etablissements.filter((e) => coordonneesDe(e.commune, e.code_postal) === null).map((e) => `${e.uai} ${e.commune} ${e.code_postal}`);
    expect(sans).toEqual([]);
  });

  it('place les communes à leur distance réelle, sous leurs différentes graphies', () => {
    const rennes = coordonneesDe('RENNES CEDEX', '35043')!;
    const brest = coordonneesDe('Brest', '29200')!;
    expect(Math.round(distanceKm(rennes, brest))).toBeGreaterThan(200);
    expect(Math.round(distanceKm(rennes, brest))).toBeLessThan(215);
    const stMalo = coordonneesDe('ST MALO', '35400')!;
    expect(stMalo).toEqual(coordonneesDe('Saint-Malo', '35400'));
    expect(distanceKm(rennes, stMalo)).toBeGreaterThan(60);
    // A name unknown under its code postal: the first commune of that code postal; an unknown code postal: none.
    expect(coordonneesDe('LAMBALLE-ARMOR', '22400')).not.toBeNull();
    expect(coordonneesDe('INCONNUE', '35999')).toBeNull();
  });
});
