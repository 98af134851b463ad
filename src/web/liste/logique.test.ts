import { describe, expect, it } from 'vitest';
import {
  cleTri,
  filtrerIndices,
  indexRecherche,
  nomFichier,
  normaliser,
  tableExport,
  texteCellule,
  titreAvecCompte,
  trierIndices,
  triSuivant,
  versCsv,
  type Colonne,
} from './logique.ts';

interface P {
  nom: string;
  prenom: string;
  discipline: string;
  convoc: string | null;
  n: number;
}

const lignes: P[] = [
  { nom: 'BLEUX-A', prenom: 'Agnès', discipline: 'GENIE MECANIQUE-MAINTENANCE VEHICULES', convoc: '2018-11-15', n: 10 },
  { nom: 'ARRAHAM-A', prenom: 'Liselotte', discipline: 'SANS DISCIPLINE', convoc: '2021-08-18', n: 2 },
  { nom: 'ZOUMENOU-A', prenom: 'Philippe', discipline: 'SANS DISCIPLINE', convoc: null, n: 2 },
  { nom: 'Élodie-Œuvre', prenom: 'Zoé', discipline: 'LETTRES MODERNES', convoc: '2021-07-19', n: 1 },
];

const colonnes: Colonne<P>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (p) => p.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (p) => p.prenom },
  { id: 'discipline', libelle: 'Discipline de poste', valeur: (p) => p.discipline },
  { id: 'convoc', libelle: 'Dernière convoc.', valeur: (p) => p.convoc, type: 'date' },
  { id: 'n', libelle: 'Missions', valeur: (p) => p.n, type: 'nombre' },
];
const col = (id: string) => colonnes.find((c) => c.id === id)!;

describe('mot-clé', () => {
  it('ignore les accents, la casse, les ligatures et les espaces multiples', () => {
    expect(normaliser('  Élodie  ŒUVRE ')).toBe('elodie oeuvre');
    expect(normaliser('Zoé’s')).toBe("zoe's");
  });

  it('cherche dans tous les libellés affichés, dates comprises', () => {
    const index = indexRecherche(lignes, colonnes);
    expect(filtrerIndices(index, 'agnes')).toEqual([0]);
    expect(filtrerIndices(index, 'AGNÈS')).toEqual([0]);
    expect(filtrerIndices(index, 'oeuvre')).toEqual([3]);
    expect(filtrerIndices(index, 'œuvre')).toEqual([3]);
    expect(filtrerIndices(index, 'sans discipline')).toEqual([1, 2]);
    expect(filtrerIndices(index, '15/11/2018')).toEqual([0]);
    expect(filtrerIndices(index, '')).toEqual([0, 1, 2, 3]);
    expect(filtrerIndices(index, 'discipline zoumenou')).toEqual([2]);
    expect(filtrerIndices(index, 'introuvable')).toEqual([]);
  });

  it('exige chaque mot, dans n’importe quelle colonne', () => {
    const index = indexRecherche(lignes, colonnes);
    expect(filtrerIndices(index, 'agnes bleux')).toEqual([0]);
    expect(filtrerIndices(index, 'agnes zoumenou')).toEqual([]);
  });
});

describe('tri', () => {
  const tous = [0, 1, 2, 3];
  it('trie le texte sans tenir compte des accents ni de la casse', () => {
    expect(trierIndices(lignes, tous, col('nom'), 'asc')).toEqual([1, 0, 3, 2]);
    expect(trierIndices(lignes, tous, col('nom'), 'desc')).toEqual([2, 3, 0, 1]);
  });

  it('trie les dates par date, les vides toujours à la fin', () => {
    expect(trierIndices(lignes, tous, col('convoc'), 'asc')).toEqual([0, 3, 1, 2]);
    expect(trierIndices(lignes, tous, col('convoc'), 'desc')).toEqual([1, 3, 0, 2]);
  });

  it('trie les nombres numériquement et garde l’ordre d’origine des égalités', () => {
    expect(trierIndices(lignes, tous, col('n'), 'asc')).toEqual([3, 1, 2, 0]);
    expect(trierIndices(lignes, tous, col('n'), 'desc')).toEqual([0, 1, 2, 3]);
  });

  it('ordonne les numéros dans le texte naturellement', () => {
    expect((cleTri('lot 2') as string) < (cleTri('lot 10') as string)).toBe(true);
  });

  it('inverse au second clic, repart en croissant sur une autre colonne', () => {
    expect(triSuivant(null, 'nom')).toEqual({ colonne: 'nom', sens: 'asc' });
    expect(triSuivant({ colonne: 'nom', sens: 'asc' }, 'nom')).toEqual({ colonne: 'nom', sens: 'desc' });
    expect(triSuivant({ colonne: 'nom', sens: 'desc' }, 'nom')).toEqual({ colonne: 'nom', sens: 'asc' });
    expect(triSuivant({ colonne: 'nom', sens: 'desc' }, 'prenom')).toEqual({ colonne: 'prenom', sens: 'asc' });
  });

  it('reste rapide sur 10 000 lignes', () => {
    const beaucoup: P[] = Array.from({ length: 10_000 }, (_, i) => ({ nom: `NOM-${(i * 7919) % 10_000}`, prenom: `Prénom ${i}`, discipline: i % 2 ? 'MATHÉMATIQUES' : 'ANGLAIS', convoc: `2021-0${(i % 9) + 1}-1${i % 9}`, n: i % 13 }));
    const t0 = performance.now();
    const index = indexRecherche(beaucoup, colonnes);
    const filtres = filtrerIndices(index, 'mathematiques');
    const tries = trierIndices(beaucoup, filtres, col('nom'), 'desc');
    const duree = performance.now() - t0;
    expect(tries.length).toBe(5000);
    expect(duree).toBeLessThan(1500);
  });
});

describe('libellés et exports', () => {
  it('formate les cellules selon leur type', () => {
    expect(texteCellule(col('convoc'), lignes[0]!)).toBe('15/11/2018');
    expect(texteCellule(col('convoc'), lignes[2]!)).toBe('');
    expect(texteCellule({ id: 'x', libelle: 'X', valeur: () => 12345, type: 'nombre' }, {})).toBe('12 345');
    expect(texteCellule({ id: 'x', libelle: 'X', valeur: () => true, type: 'booleen' }, {})).toBe('Oui');
  });

  it('écrit le CSV séparé par des points-virgules, libellés en première ligne', () => {
    const t = tableExport(colonnes, [lignes[0]!, lignes[3]!]);
    const csv = versCsv(t.entetes, t.lignes);
    expect(csv.split('\r\n')).toEqual([
      'Nom;Prénom;Discipline de poste;Dernière convoc.;Missions',
      'BLEUX-A;Agnès;GENIE MECANIQUE-MAINTENANCE VEHICULES;15/11/2018;10',
      'Élodie-Œuvre;Zoé;LETTRES MODERNES;19/07/2021;1',
      '',
    ]);
  });

  it('protège les champs spéciaux et neutralise les formules', () => {
    expect(versCsv(['a'], [['x;y'], ['il a dit "oui"'], ['=SOMME(A1)'], ['-12,5'], ['deux\nlignes']])).toBe(
      'a\r\n"x;y"\r\n"il a dit ""oui"""\r\n\'=SOMME(A1)\r\n-12,5\r\n"deux\nlignes"\r\n',
    );
  });

  it('exclut les colonnes non exportables', () => {
    const t = tableExport([...colonnes, { id: 'act', libelle: 'Action', valeur: () => 'x', exportable: false }], [lignes[0]!]);
    expect(t.entetes).not.toContain('Action');
  });

  it('dit le nombre de lignes au singulier pour 0 et 1', () => {
    expect(titreAvecCompte('Liste des personnels', 0)).toBe('Liste des personnels (0 ligne)');
    expect(titreAvecCompte('Liste des personnels', 1)).toBe('Liste des personnels (1 ligne)');
    expect(titreAvecCompte('Liste des personnels', 154)).toBe('Liste des personnels (154 lignes)');
    expect(titreAvecCompte('Liste', 10000)).toBe('Liste (10 000 lignes)');
  });

  it('nomme les fichiers sans accents', () => {
    expect(nomFichier("Boîte d'envoi des messages", 'csv', new Date(2026, 5, 15))).toBe('boite-d-envoi-des-messages-20260615.csv');
  });
});
