// Reading an imported CSV (issue 15): the encodings a spreadsheet writes, the separator of the header,
// the columns by name whatever their case and accents, quoted fields, lines with too many fields.
import { describe, expect, it } from 'vitest';
import { decoderFichier, lireCsv } from './fichier-csv.ts';

describe('fichier CSV importé', () => {
  it('UTF-8 avec BOM, UTF-8 sans BOM, sinon Windows-1252', () => {
    expect(decoderFichier(Buffer.from('\uFEFFÉtat;Numéro', 'utf8'))).toEqual({ texte: 'État;Numéro', encodage: 'UTF-8' });
    expect(decoderFichier(Buffer.from('État;Numéro', 'utf8'))).toEqual({ texte: 'État;Numéro', encodage: 'UTF-8' });
    // « É » (0xC9), « € » (0x80) of Windows-1252: not UTF-8.
    expect(decoderFichier(Buffer.from([0xc9, 0x74, 0x61, 0x74, 0x3b, 0x80]))).toEqual({ texte: 'État;€', encodage: 'Windows-1252' });
  });

  it('séparateur de la ligne d’en-tête, colonnes par leur nom, champs entre guillemets, lignes vides ignorées', () => {
    const lu = lireCsv('Numéro mission,"État",numen\r\n12,"A corriger, vite",\r\n\r\n13,SERVICE_FAIT,14E0512345ABC\n', ['NUMERO_MISSION', 'ETAT'], ['NUMEN']);
    if ('entete' in lu) throw new Error(lu.entete);
    expect(lu.separateur).toBe(',');
    expect(lu.colonnes).toEqual(['NUMERO_MISSION', 'ETAT', 'NUMEN']);
    expect(lu.lignes.map((l) => [l.ligne, l.champ('NUMERO_MISSION'), l.champ('ETAT'), l.champ('NUMEN')])).toEqual([
      [2, '12', 'A corriger, vite', ''],
      [4, '13', 'SERVICE_FAIT', '14E0512345ABC'],
    ]);
  });

  it('colonne obligatoire absente : le fichier est refusé en la nommant ; trop de champs : la ligne est rejetée', () => {
    expect(lireCsv('MISSION;ETAT\n1;A', ['NUMERO_MISSION', 'ETAT'])).toEqual({ entete: expect.stringContaining("colonne absente de la ligne d'en-tête : NUMERO_MISSION") });
    expect(lireCsv('', ['NUMERO_MISSION'])).toEqual({ entete: expect.stringContaining('Le fichier est vide') });
    const lu = lireCsv('NUMERO_MISSION;ETAT\n1;A;x;y\n2;B;', ['NUMERO_MISSION', 'ETAT']);
    if ('entete' in lu) throw new Error(lu.entete);
    expect(lu.rejets).toEqual([{ ligne: 2, champ: 'ligne', motif: '4 champs au lieu de 2 : vérifiez le séparateur « ; » et les guillemets.' }]);
    expect(lu.lignes.map((l) => l.ligne)).toEqual([3]);
  });
});
