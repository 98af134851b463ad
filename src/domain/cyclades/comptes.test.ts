import * as nodeCrypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  anneeSessionCourante,
  attribuerLogins,
  cleStableCandidat,
  comparerPapillons,
  estEligible,
  libelleRegroupement,
  loginDeBase,
  loginLibre,
  messageGenerationEnCours,
  messageReouverture,
  motDePasseCandidat,
  motifNonEligible,
  partieLogin,
  suffixeLogin,
  type ElementRegroupe,
} from './comptes.ts';

describe('identifiant « prenom.nom »', () => {
  it('retire les accents, passe en minuscules', () => {
    expect(loginDeBase('Éloïse', 'Bérénice')).toBe('eloise.berenice');
    expect(loginDeBase('ANTOINE', 'AUBIN')).toBe('antoine.aubin');
    expect(loginDeBase('François', 'Çelik')).toBe('francois.celik');
  });
  it('retire traits d’union, apostrophes, espaces et particules collées : les noms composés restent joints', () => {
    expect(loginDeBase('Jean-Éric', 'Martin')).toBe('jeaneric.martin');
    expect(loginDeBase('Awa', "N'Diaye")).toBe('awa.ndiaye');
    expect(loginDeBase('Awa', 'N’Diaye')).toBe('awa.ndiaye');
    expect(loginDeBase('Marie Claire', 'de La Fontaine')).toBe('marieclaire.delafontaine');
    expect(loginDeBase('Louis', 'Dupont-Aignan')).toBe('louis.dupontaignan');
    expect(loginDeBase('  Zoé ', "d'Alembert (2)")).toBe('zoe.dalembert');
  });
  it('traite les ligatures et lettres sans décomposition', () => {
    expect(partieLogin('Œuvray')).toBe('oeuvray');
    expect(partieLogin('Lætitia')).toBe('laetitia');
    expect(partieLogin('Straße')).toBe('strasse');
    expect(partieLogin('Øystein')).toBe('oystein');
  });
  it('remplace une partie sans lettre par un mot par défaut', () => {
    expect(loginDeBase('', 'Martin')).toBe('eleve.martin');
    expect(loginDeBase('Léa', '---')).toBe('lea.candidat');
    expect(loginDeBase('李', '王')).toBe('eleve.candidat');
  });
  it("ne produit que des lettres minuscules et un point, quelle que soit l'entrée", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (p, n) => {
        expect(loginDeBase(p, n)).toMatch(/^[a-z]+\.[a-z]+$/);
      }),
    );
  });
});

describe('suffixe sur collision', () => {
  it('est fait de trois lettres, stable pour un même candidat et une même tentative', () => {
    const s = suffixeLogin('ine:1234567890A');
    expect(s).toMatch(/^[a-z]{3}$/);
    expect(suffixeLogin('ine:1234567890A')).toBe(s);
    expect(suffixeLogin('ine:1234567890A', 1)).not.toBe(s);
    // Fixed across runs and machines (a portable hash): this value must never change.
    expect(suffixeLogin('id:42')).toBe('stg');
    expect(s).toBe('rhn');
  });
  it('se répartit sur l’alphabet', () => {
    const vus = new Set(Array.from({ length: 2000 }, (_, i) => suffixeLogin(`id:${i}`)));
    expect(vus.size).toBeGreaterThan(1900);
  });
  it("garde l'identifiant de base s'il est libre, sinon ajoute le suffixe, puis le suivant", () => {
    const cle = 'id:7';
    expect(loginLibre('Antoine', 'Aubin', cle, new Set())).toBe('antoine.aubin');
    const s0 = `antoine.aubin${suffixeLogin(cle, 0)}`;
    const s1 = `antoine.aubin${suffixeLogin(cle, 1)}`;
    expect(loginLibre('Antoine', 'Aubin', cle, new Set(['antoine.aubin']))).toBe(s0);
    expect(loginLibre('Antoine', 'Aubin', cle, (l) => l === 'antoine.aubin' || l === s0)).toBe(s1);
  });
  it('attribue les mêmes identifiants au même état, quel que soit l’ordre, et départage les homonymes', () => {
    const a = { cle: 'id:1', prenom: 'Léa', nom: 'Moreau' };
    const b = { cle: 'id:2', prenom: 'Lea', nom: 'MOREAU' };
    const c = { cle: 'id:3', prenom: 'Jean', nom: 'Petit' };
    const r1 = attribuerLogins([a, b, c], ['jean.petit']);
    const r2 = attribuerLogins([c, b, a], ['JEAN.PETIT']);
    expect([...r1.entries()].sort()).toEqual([...r2.entries()].sort());
    expect(r1.get('id:1')).toBe('lea.moreau');
    expect(r1.get('id:2')).toBe(`lea.moreau${suffixeLogin('id:2')}`);
    expect(r1.get('id:3')).toBe(`jean.petit${suffixeLogin('id:3')}`);
    expect(new Set(r1.values()).size).toBe(3);
  });
  it('donne des identifiants distincts à 1 000 homonymes', () => {
    const homonymes = Array.from({ length: 1000 }, (_, i) => ({ cle: `id:${i}`, prenom: 'Emma', nom: 'Martin' }));
    const r = attribuerLogins(homonymes, []);
    expect(new Set(r.values()).size).toBe(1000);
  });
  it("prend l'INE comme clé stable, l'identifiant sinon", () => {
    expect(cleStableCandidat({ id: 3, ine: '123456789ab' })).toBe('ine:123456789AB');
    expect(cleStableCandidat({ id: 3, ine: null })).toBe('id:3');
  });
});

describe('mot de passe du papillon', () => {
  const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  it('compte 10 caractères des quatre classes', () => {
    for (let i = 0; i < 500; i++) {
      const m = motDePasseCandidat(nodeCrypto.randomInt);
      expect(m).toHaveLength(10);
      for (const c of CLASSES) expect(m).toMatch(c);
    }
  });
  it('tire chaque caractère de la source cryptographique injectée', () => {
    const source = vi.fn((max: number) => nodeCrypto.randomInt(max));
    motDePasseCandidat(source);
    // 4 forced classes + 6 free characters + 9 swaps of the shuffle.
    expect(source).toHaveBeenCalledTimes(19);
    // A constant source gives a constant password: nothing else is random.
    const zero = () => 0;
    expect(motDePasseCandidat(zero)).toBe(motDePasseCandidat(zero));
  });
  it('se répartit sans biais grossier (fréquences des caractères, doublons)', () => {
    const n = 5000;
    const mots = Array.from({ length: n }, () => motDePasseCandidat(nodeCrypto.randomInt));
    expect(new Set(mots).size).toBe(n);
    const freq = new Map<string, number>();
    for (const m of mots) for (const ch of m) freq.set(ch, (freq.get(ch) ?? 0) + 1);
    // 67 symbols, 50,000 characters: every symbol is drawn, none dominates.
    expect(freq.size).toBe(67);
    const max = Math.max(...freq.values());
    const min = Math.min(...freq.values());
    expect(max / min).toBeLessThan(6);
    // The shuffle works: among the passwords with a single special character (about 38 %: the forced
    // one, none of the six free ones drawn special), its position is uniform. Counting the FIRST special of every
    // password instead would favour the first positions by design, and its last position sat near the
    // bound (166 for a bound of 166,7 on one CI run). Here each position expects about 190, with a
    // standard deviation of about 13: half the expected count is some seven deviations away.
    const seuls = mots.filter((m) => m.replace(/[A-Za-z0-9]/g, '').length === 1);
    expect(seuls.length).toBeGreaterThan(n / 4);
    const positions = Array.from({ length: 10 }, () => 0);
    for (const m of seuls) positions[m.search(/[^A-Za-z0-9]/)]!++;
    for (const p of positions) expect(p).toBeGreaterThan(seuls.length / 10 / 2);
  });
});

describe('éligibilité', () => {
  it('retient les inscrits et pré-inscrits avec une adresse électronique', () => {
    expect(estEligible({ etat: 'inscrit', email: 'a@b.fr' })).toBe(true);
    expect(estEligible({ etat: 'pre_inscrit', email: 'a@b.fr' })).toBe(true);
  });
  it('dit pourquoi une candidature est écartée', () => {
    expect(motifNonEligible({ etat: 'annule', email: 'a@b.fr' })).toBe('Candidature annulée');
    expect(motifNonEligible({ etat: 'refuse', email: 'a@b.fr' })).toBe('Candidature refusée');
    expect(motifNonEligible({ etat: 'en_cours_saisie', email: 'a@b.fr' })).toMatch(/^Candidature en cours de saisie/);
    expect(motifNonEligible({ etat: 'inscrit', email: null })).toBe('Adresse électronique absente');
    expect(motifNonEligible({ etat: 'inscrit', email: '  ' })).toBe('Adresse électronique absente');
    expect(motifNonEligible({ etat: 'annule', email: '' })).toBe('Candidature annulée ; adresse électronique absente');
  });
  it("prend pour session courante l'année suivante à partir de septembre (heure de Paris)", () => {
    expect(anneeSessionCourante(new Date('2026-12-03T10:00:00Z'))).toBe(2027);
    expect(anneeSessionCourante(new Date('2027-03-01T10:00:00Z'))).toBe(2027);
    expect(anneeSessionCourante(new Date('2026-08-31T21:59:00Z'))).toBe(2026);
    expect(anneeSessionCourante(new Date('2026-08-31T22:00:00Z'))).toBe(2027);
  });
  it('annonce à la réouverture si tous les élèves éligibles ont un compte', () => {
    expect(messageReouverture(0)).toBe("Tous vos élèves éligibles disposent d'un compte CYCLADES.");
    expect(messageReouverture(3)).toBe("3 élève(s) éligible(s) n'ont pas encore de compte CYCLADES : « Générer des comptes supplémentaires ».");
  });
});

describe('regroupement des papillons', () => {
  const e = (nom: string, prenom: string, division: string, serieLibelle = 'SERIE GENERALE', qualification = ''): ElementRegroupe => ({ nom, prenom, division, serieLibelle, qualification });
  it('trie par regroupement puis nom et prénom', () => {
    const l = [e('ZOLA', 'Emile', '3A'), e('ABEL', 'Zoé', '3B'), e('ABEL', 'Adam', '3B'), e('MARTIN', 'Léa', '3A'), e('Élie', 'Bob', '3A')];
    const parDivision = [...l].sort(comparerPapillons('division')).map((x) => `${x.division} ${x.nom} ${x.prenom}`);
    expect(parDivision).toEqual(['3A Élie Bob', '3A MARTIN Léa', '3A ZOLA Emile', '3B ABEL Adam', '3B ABEL Zoé']);
    const divQualif = [e('B', 'b', '3A', '', 'LV: ESPAGNOL'), e('A', 'a', '3A', '', 'LV: ANGLAIS'), e('C', 'c', '3A', '', 'LV: ANGLAIS')];
    expect([...divQualif].sort(comparerPapillons('division_qualification')).map((x) => x.nom)).toEqual(['A', 'C', 'B']);
    const series = [e('A', 'a', '3A', 'SERIE PROFESSIONNELLE'), e('B', 'b', '3B', 'SERIE GENERALE')];
    expect([...series].sort(comparerPapillons('serie')).map((x) => x.nom)).toEqual(['B', 'A']);
  });
  it('range les divisions dans l’ordre naturel des nombres', () => {
    const l = [e('A', 'a', '3E10'), e('B', 'b', '3E2')];
    expect([...l].sort(comparerPapillons('division')).map((x) => x.division)).toEqual(['3E2', '3E10']);
  });
  it('imprime la valeur du regroupement', () => {
    const x = e('A', 'a', '3A', 'SERIE GENERALE', 'LV: ANGLAIS');
    expect(libelleRegroupement('serie', x)).toBe('Série : SERIE GENERALE');
    expect(libelleRegroupement('division', x)).toBe('Division de classe : 3A');
    expect(libelleRegroupement('division_qualification', x)).toBe('Division de classe : 3A / Qualification présentée : LV: ANGLAIS');
  });
});

describe('messageGenerationEnCours', () => {
  it('nomme la génération en cours, son heure de lancement à Paris (hiver comme été) et son auteur', () => {
    expect(messageGenerationEnCours({ titre: 'Papillon perdu', creeLe: new Date('2026-12-03T09:05:00Z'), creePar: 'ce.0350711h' })).toMatch(
      /^Une génération des comptes de vos élèves est déjà en cours : « Papillon perdu », lancée le 03\/12\/2026 à 10:05 par ce\.0350711h\. Attendez/,
    );
    expect(messageGenerationEnCours({ titre: 'G', creeLe: new Date('2026-06-30T22:30:00Z'), creePar: null })).toContain('« G », lancée le 01/07/2026 à 00:30. ');
  });
});
