import { describe, expect, it } from 'vitest';
import { lireFlux } from '../../testing/documents.ts';
import { champCsv, genererCsv } from './csv.ts';

describe('CSV', () => {
  it('écrit BOM, libellés, « ; », CRLF et cite ce qui doit l’être', async () => {
    async function* lignes() {
      yield { nom: 'DUPONT', prenom: 'Hélène', note: 12.5, present: true, commentaire: 'a;b' };
      yield { nom: 'O"BRIEN', prenom: 'Seán', note: 8, present: false, commentaire: 'ligne 1\nligne 2' };
      yield { nom: 'MARTIN', prenom: null, note: null, present: null, commentaire: 'retour\r chariot' };
    }
    const octets = await lireFlux(
      genererCsv(
        [
          { libelle: 'Nom', valeur: (l) => l.nom },
          { libelle: 'Prénom', valeur: (l) => l.prenom },
          { libelle: 'Note', valeur: (l) => l.note },
          { libelle: 'Présent', valeur: (l) => l.present },
          { libelle: 'Commentaire; libre', valeur: (l) => l.commentaire },
        ],
        lignes(),
      ),
    );
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const texte = octets.subarray(3).toString('utf8');
    expect(texte).toBe(
      'Nom;Prénom;Note;Présent;"Commentaire; libre"\r\n' +
        'DUPONT;Hélène;12,5;Oui;"a;b"\r\n' +
        '"O""BRIEN";Seán;8;Non;"ligne 1\nligne 2"\r\n' +
        'MARTIN;;;;"retour\r chariot"\r\n',
    );
  });

  it('lit les lignes par position quand les colonnes ne disent pas comment', async () => {
    const octets = await lireFlux(genererCsv([{ libelle: 'A' }, { libelle: 'B' }], [['1', '2'], ['x', 'y']]));
    expect(octets.toString('utf8')).toBe('\uFEFFA;B\r\n1;2\r\nx;y\r\n');
  });

  it('neutralise les formules tapées par les utilisateurs, pas les nombres', () => {
    expect(champCsv('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(champCsv('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(champCsv('-3,5')).toBe('-3,5');
    expect(champCsv(-3.5)).toBe('-3,5');
    expect(champCsv('+33 6 12')).toBe("'+33 6 12");
  });

  it('écrit les dates en heure de Paris', () => {
    expect(champCsv(new Date('2026-11-22T23:00:00Z'))).toBe('23/11/2026');
    expect(champCsv(new Date('2026-06-15T07:30:00Z'))).toBe('15/06/2026 09:30');
  });

  it('diffuse un grand export par morceaux sans le construire en entier', async () => {
    let produites = 0;
    function* lignes() {
      for (let i = 0; i < 200_000; i++) {
        produites++;
        yield [i, `NOM-${i}`, 'LGT LA DECOUVERTE DECAZEVILLE'];
      }
    }
    const flux = genererCsv([{ libelle: 'N°' }, { libelle: 'Nom' }, { libelle: 'Etablissement' }], lignes());
    const it = flux[Symbol.asyncIterator]();
    await it.next();
    // The first chunk is out long before the last row is produced.
    expect(produites).toBeLessThan(20_000);
    let taille = 0;
    let n = 0;
    for await (const m of { [Symbol.asyncIterator]: () => it }) {
      taille += (m as Buffer).length;
      n++;
    }
    expect(produites).toBe(200_000);
    expect(n).toBeGreaterThan(50);
    expect(taille).toBeGreaterThan(5_000_000);
  });
});
