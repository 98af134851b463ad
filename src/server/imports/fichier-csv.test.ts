// Reading an imported CSV (issue 15): the encodings a spreadsheet writes, the separator of the header,
// the columns by name whatever their case and accents, quoted fields, lines with too many fields.
import { describe, expect, it } from 'vitest';
import { decoderFichier, examinerFlux, FichierIllisible, lireCsv, lireCsvFlux } from './fichier-csv.ts';

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

// The streamed reading (issue 17): the same file cut anywhere (inside a UTF-8 character, between
// « \r » and « \n », inside quotes) gives the same lines; never the whole file in memory.
async function* morceaux(octets: Buffer, taille: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < octets.length; i += taille) yield octets.subarray(i, i + taille);
}

async function lireTout(octets: Buffer, taille: number, obligatoires: string[], facultatives: string[] = []) {
  const { encodage } = await examinerFlux(morceaux(octets, taille));
  const lu = await lireCsvFlux(morceaux(octets, taille), encodage, obligatoires, facultatives);
  if ('entete' in lu) return lu;
  const lignes: Array<[number, ...string[]] | string> = [];
  for await (const l of lu.lignes) lignes.push('motif' in l ? `${l.ligne} ${l.motif}` : [l.ligne, ...[...obligatoires, ...facultatives].map((c) => l.champ(c))]);
  return { encodage, separateur: lu.separateur, lignes };
}

describe('fichier CSV lu en flux', () => {
  const texte = '\uFEFFNuméro mission;"État";Commentaire\r\n12;"A corriger; vite";"dit ""urgent""\r\nsur deux lignes"\r\n\r\n13;SERVICE_FAIT;é€\r\n14;x;y;z\r\n15;fin;';
  it.each([1, 2, 3, 7, 64, 1 << 16])('UTF-8 avec BOM, « ; », guillemets et saut de ligne dans un champ (morceaux de %i octets)', async (taille) => {
    expect(await lireTout(Buffer.from(texte, 'utf8'), taille, ['NUMERO_MISSION', 'ETAT'], ['COMMENTAIRE'])).toEqual({
      encodage: 'UTF-8',
      separateur: ';',
      lignes: [
        [2, '12', 'A corriger; vite', 'dit "urgent"\nsur deux lignes'],
        [5, '13', 'SERVICE_FAIT', 'é€'],
        '6 4 champs au lieu de 3 : vérifiez le séparateur « ; » et les guillemets.',
        [7, '15', 'fin', ''],
      ],
    });
  });

  it('Windows-1252 reconnu même loin dans le fichier, « , », sans BOM, fin sans saut de ligne', async () => {
    const lignes = ['NUMERO_MISSION,ETAT', ...Array.from({ length: 500 }, (_, i) => `${i + 1},A_CORRIGER`), '501,Sévère'];
    const lu = await lireTout(Buffer.from(lignes.join('\n'), 'latin1'), 100, ['NUMERO_MISSION', 'ETAT']);
    if ('entete' in lu) throw new Error(lu.entete);
    expect(lu.encodage).toBe('Windows-1252');
    expect(lu.separateur).toBe(',');
    expect(lu.lignes).toHaveLength(501);
    expect(lu.lignes.at(-1)).toEqual([502, '501', 'Sévère']);
  });

  it('en-tête incomplet, fichier vide, guillemet jamais fermé', async () => {
    expect(await lireTout(Buffer.from('MISSION;ETAT\n1;A'), 3, ['NUMERO_MISSION', 'ETAT'])).toEqual({ entete: expect.stringContaining("colonne absente de la ligne d'en-tête : NUMERO_MISSION") });
    expect(await lireTout(Buffer.from('\r\n'), 3, ['NUMERO_MISSION'])).toEqual({ entete: expect.stringContaining('Le fichier est vide') });
    await expect(lireTout(Buffer.from('A;B\n1;"jamais fermé\n2;x\n'), 4, ['A', 'B'])).rejects.toBeInstanceOf(FichierIllisible);
  });

  it('200 000 lignes lues sans jamais tenir le fichier en mémoire', async () => {
    const n = 200_000;
    async function* genere(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('NUMEN;NOM;PRENOM;COMMENTAIRE\n');
      for (let i = 0; i < n; i += 1000) {
        let bloc = '';
        for (let j = i; j < i + 1000; j++) bloc += `14E${String(j).padStart(7, '0')}ABC;NOM-${j};Prénom;"commentaire assez long pour peser, ligne ${j}"\n`;
        yield Buffer.from(bloc);
      }
    }
    const avant = process.memoryUsage().rss;
    const lu = await lireCsvFlux(genere(), 'UTF-8', ['NUMEN', 'NOM'], ['PRENOM', 'COMMENTAIRE']);
    if ('entete' in lu) throw new Error(lu.entete);
    let compte = 0;
    let derniere = 0;
    for await (const l of lu.lignes) {
      compte++;
      if (!('motif' in l)) derniere = l.ligne;
    }
    expect(compte).toBe(n);
    expect(derniere).toBe(n + 1);
    // About 16 Mo of text went through; far below the 500 Mo allowed.
    expect(process.memoryUsage().rss - avant).toBeLessThan(150 * 1024 * 1024);
    expect(process.memoryUsage().rss).toBeLessThan(500 * 1024 * 1024);
  });
});
