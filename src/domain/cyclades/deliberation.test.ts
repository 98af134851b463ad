import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auMoins,
  type ChoixControle,
  formatCoefficient,
  formatNote,
  lireNote,
  notesManquantes,
  notesManquantesPremierGroupe,
  resultatApresControle,
  resultatDefinitif,
  resultatPremierGroupe,
  type DecisionPremierGroupe,
  type Epreuve,
  type Moyenne,
  type Note,
  type NotesControle,
  type NoteOrale,
  type NotesPremierGroupe,
} from './deliberation.ts';

// A spécialité shaped like a bac pro grid: 20 compulsory coefficients, 10 of them professional.
const PRO1: Epreuve = { id: 'E31', code: 'E31', libelle: 'PRATIQUE PROFESSIONNELLE', coefficient: 5, domaine: 'professionnel', facultative: false, controle: null };
const PRO2: Epreuve = { id: 'E32', code: 'E32', libelle: 'PROJET PROFESSIONNEL', coefficient: 5, domaine: 'professionnel', facultative: false, controle: null };
const ECO: Epreuve = { id: 'E11', code: 'E11', libelle: 'ECONOMIE-GESTION', coefficient: 1, domaine: 'general', facultative: false, controle: 'scientifique' };
const MATHS: Epreuve = { id: 'E12', code: 'E12', libelle: 'MATHEMATIQUES', coefficient: 2, domaine: 'general', facultative: false, controle: 'scientifique' };
const FR: Epreuve = { id: 'E51', code: 'E51', libelle: 'FRANCAIS', coefficient: 2.5, domaine: 'general', facultative: false, controle: 'francais_hg' };
const HG: Epreuve = { id: 'E52', code: 'E52', libelle: 'HISTOIRE-GEOGRAPHIE-EMC', coefficient: 2.5, domaine: 'general', facultative: false, controle: 'francais_hg' };
const LV: Epreuve = { id: 'E4', code: 'E4', libelle: 'LANGUE VIVANTE A', coefficient: 2, domaine: 'general', facultative: false, controle: null };
const FAC: Epreuve = { id: 'UF1', code: 'UF1', libelle: 'LANGUE VIVANTE FACULTATIVE', coefficient: 1, domaine: null, facultative: true, controle: null };

const GRILLE = [PRO1, PRO2, ECO, MATHS, FR, HG, LV];
const AVEC_FAC = [...GRILLE, FAC];

const n = (valeur: number): NoteOrale => ({ type: 'note', valeur });
const ABSENT: NoteOrale = { type: 'absent' };

/** Grades by épreuve: "pro" for both professional épreuves, "gen" for the five general ones, then overrides. */
function notes(pro: number, gen: number, autres: Record<string, Note | undefined> = {}): NotesPremierGroupe {
  return { E31: n(pro), E32: n(pro), E11: n(gen), E12: n(gen), E51: n(gen), E52: n(gen), E4: n(gen), ...autres };
}

// The worked example of the suite, admissible to the contrôle:
//   PRO1 11 × 5 = 55      PRO2 12 × 5 = 60         → professional 115 / 10 = 11,50
//   ECO   8 × 1 = 8       MATHS 7,5 × 2 = 15
//   FR    8 × 2,5 = 20    HG 7 × 2,5 = 17,5    LV 6 × 2 = 12
//   Σ points = 187,5 ; Σ coef = 20 ; average 9,375 → displayed 9,37 (truncated, not 9,38)
const EXEMPLE: NotesPremierGroupe = { E31: n(11), E32: n(12), E11: n(8), E12: n(7.5), E51: n(8), E52: n(7), E4: n(6) };
const CHOIX = (sci: NoteOrale | undefined, fr: NoteOrale | undefined): NotesControle => ({
  scientifique: { epreuve: 'E12', ...(sci ? { note: sci } : {}) },
  francais_hg: { epreuve: 'E51', ...(fr ? { note: fr } : {}) },
});

describe('moyenne du 1er groupe', () => {
  it("l'exemple : 9,37 affiché, admissible, chaque ligne expliquée", () => {
    const r = resultatPremierGroupe(GRILLE, EXEMPLE);
    expect(r.decision).toBe('admissible');
    expect(r.moyenne).toMatchObject({ sommePoints: 187.5, sommeCoefficients: 20, valeur: 9.37, texte: '9,37' });
    expect(r.moyenneProfessionnelle?.texte).toBe('11,50');
    expect(r.mention).toBeNull();
    expect(r.explication).toEqual([
      'PRATIQUE PROFESSIONNELLE (coef. 5) : 11,00 → 55,00 points',
      'PROJET PROFESSIONNEL (coef. 5) : 12,00 → 60,00 points',
      'ECONOMIE-GESTION (coef. 1) : 8,00 → 8,00 points',
      'MATHEMATIQUES (coef. 2) : 7,50 → 15,00 points',
      'FRANCAIS (coef. 2,5) : 8,00 → 20,00 points',
      'HISTOIRE-GEOGRAPHIE-EMC (coef. 2,5) : 7,00 → 17,50 points',
      'LANGUE VIVANTE A (coef. 2) : 6,00 → 12,00 points',
      'Moyenne générale du 1er groupe : 9,37 (somme des points 187,50 / somme des coefficients 20)',
      'Moyenne des épreuves professionnelles : 11,50 ≥ 10 (somme des points 115,00 / somme des coefficients 10)',
      "Décision : admissible à l'épreuve de contrôle (8 ≤ moyenne 9,37 < 10 et moyenne des épreuves professionnelles 11,50 ≥ 10)",
    ]);
  });

  it('les points gardent leurs décimales exactes (6,25 × 2,5 = 15,625)', () => {
    const r = resultatPremierGroupe(GRILLE, notes(10, 10, { E52: n(6.25) }));
    // 200 − 25 + 15,625 = 190,625 / 20 = 9,53125 → 9,53
    expect(r.explication).toContain('HISTOIRE-GEOGRAPHIE-EMC (coef. 2,5) : 6,25 → 15,625 points');
    expect(r.moyenne?.texte).toBe('9,53');
    expect(r.explication).toContain('Moyenne générale du 1er groupe : 9,53 (somme des points 190,625 / somme des coefficients 20)');
  });

  it("l'arithmétique est exacte là où les flottants se trompent", () => {
    // 16,97 × 2,5 + 5,21 × 0,5 + 4,99 × 3 = 42,425 + 2,605 + 14,97 = 60,00 ; / 6 = 10 exactement.
    // En flottants, Σ(note × coef) / Σ coef donne 9,999999999999998.
    const e = (id: string, coefficient: number): Epreuve => ({ ...PRO1, id, code: id, libelle: id, coefficient });
    const grille = [e('A', 2.5), e('B', 0.5), e('C', 3)];
    expect((16.97 * 2.5 + 5.21 * 0.5 + 4.99 * 3) / 6).toBeLessThan(10);
    const r = resultatPremierGroupe(grille, { A: n(16.97), B: n(5.21), C: n(4.99) });
    expect(r.moyenne?.texte).toBe('10,00');
    expect(r.decision).toBe('admis');
  });
});

describe('seuils 7,99 / 8 / 9,99 / 10', () => {
  // Professional épreuves at 10 (100 points); the general ones make up the rest of 20 × average.
  it('7,99 : ajourné', () => {
    // 100 + ECO 5,8 × 1 + 6 × 9 = 100 + 5,8 + 54 = 159,8 / 20 = 7,99
    const r = resultatPremierGroupe(GRILLE, notes(10, 6, { E11: n(5.8) }));
    expect(r.moyenne?.texte).toBe('7,99');
    expect(r.decision).toBe('ajourne');
    expect(r.explication.at(-1)).toBe('Décision : ajourné (moyenne 7,99 < 8)');
  });

  it('8 : admissible', () => {
    // 100 + 6 × 10 = 160 / 20 = 8
    const r = resultatPremierGroupe(GRILLE, notes(10, 6));
    expect(r.moyenne?.texte).toBe('8,00');
    expect(r.decision).toBe('admissible');
  });

  it('9,99 : admissible', () => {
    // 100 + ECO 9,8 + 10 × 9 = 199,8 / 20 = 9,99
    const r = resultatPremierGroupe(GRILLE, notes(10, 10, { E11: n(9.8) }));
    expect(r.moyenne?.texte).toBe('9,99');
    expect(r.decision).toBe('admissible');
  });

  it('9,995 est affiché 9,99 (tronqué) et reste admissible', () => {
    // 100 + ECO 9,9 + 10 × 9 = 199,9 / 20 = 9,995 : arrondi, il s'afficherait 10,00 à côté de « admissible ».
    const r = resultatPremierGroupe(GRILLE, notes(10, 10, { E11: n(9.9) }));
    expect(r.moyenne?.valeur).toBe(9.99);
    expect(r.decision).toBe('admissible');
  });

  it('10 : admis, sans mention', () => {
    const r = resultatPremierGroupe(GRILLE, notes(10, 10));
    expect(r.decision).toBe('admis');
    expect(r.mention).toBeNull();
    expect(r.explication.at(-1)).toBe("Décision : admis à l'issue du 1er groupe, sans mention (10 ≤ moyenne 10,00 < 12)");
  });

  it('auMoins compare la valeur exacte', () => {
    const m = resultatPremierGroupe(GRILLE, notes(10, 10, { E11: n(9.9) })).moyenne!;
    expect(auMoins(m, 9.99)).toBe(true);
    expect(auMoins(m, 10)).toBe(false);
  });
});

describe('condition de la moyenne professionnelle', () => {
  it('8 ≤ moyenne < 10 mais moyenne professionnelle < 10 : ajourné', () => {
    // PRO 9,5 × 10 = 95 ; général 8,5 × 10 = 85 ; 180 / 20 = 9 ; professionnelle 9,5
    const r = resultatPremierGroupe(GRILLE, notes(9.5, 8.5));
    expect(r.moyenne?.texte).toBe('9,00');
    expect(r.decision).toBe('ajourne');
    expect(r.explication.slice(-2)).toEqual([
      'Moyenne des épreuves professionnelles : 9,50 < 10 (somme des points 95,00 / somme des coefficients 10)',
      "Décision : ajourné, non admissible à l'épreuve de contrôle (8 ≤ moyenne 9,00 < 10 mais moyenne des épreuves professionnelles 9,50 < 10)",
    ]);
  });

  it('moyenne professionnelle à 10 tout juste : admissible', () => {
    // PRO1 9,99 × 5 + PRO2 10,01 × 5 = 100 → 10 ; général 8 × 10 = 80 ; 180 / 20 = 9
    const r = resultatPremierGroupe(GRILLE, notes(10, 8, { E31: n(9.99), E32: n(10.01) }));
    expect(r.moyenneProfessionnelle?.texte).toBe('10,00');
    expect(r.decision).toBe('admissible');
  });

  it("n'intervient pas pour un admis", () => {
    // PRO 8 × 10 = 80 ; général 12 × 10 = 120 ; 200 / 20 = 10
    expect(resultatPremierGroupe(GRILLE, notes(8, 12)).decision).toBe('admis');
  });
});

describe('mentions (1er groupe)', () => {
  it.each([
    [11.99, null, 'sans mention (10 ≤ moyenne 11,99 < 12)'],
    [12, 'assez_bien', 'mention Assez bien (moyenne 12,00 ≥ 12)'],
    [14, 'bien', 'mention Bien (moyenne 14,00 ≥ 14)'],
    [15.99, 'bien', 'mention Bien (moyenne 15,99 ≥ 14)'],
    [16, 'tres_bien', 'mention Très bien (moyenne 16,00 ≥ 16)'],
    [18, 'tres_bien_felicitations', 'mention Très bien avec les félicitations du jury (moyenne 18,00 ≥ 18)'],
  ] as const)('%s → %s', (moy, mention, texte) => {
    const r = resultatPremierGroupe(GRILLE, notes(moy, moy));
    expect(r.mention).toBe(mention);
    expect(r.explication.at(-1)).toBe(`Décision : admis à l'issue du 1er groupe, ${texte}`);
  });
});

describe('unités facultatives', () => {
  it('seuls les points au-delà de 10 comptent, le total des coefficients ne change pas', () => {
    // 187,5 + (14 − 10) × 1 = 191,5 / 20 = 9,575 → 9,57
    const r = resultatPremierGroupe(AVEC_FAC, { ...EXEMPLE, UF1: n(14) });
    expect(r.moyenne).toMatchObject({ sommePoints: 191.5, sommeCoefficients: 20, texte: '9,57' });
    expect(r.explication).toContain('LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : 14,00, points au-delà de 10 : (14,00 − 10) × 1 → 4,00 points ajoutés');
    // The professional average does not see them.
    expect(r.moyenneProfessionnelle?.texte).toBe('11,50');
  });

  it('peuvent faire passer la barre des 10', () => {
    // 198 (9,90) + (12 − 10) × 1 = 200 / 20 = 10
    const base = notes(10, 10, { E12: n(9) });
    expect(resultatPremierGroupe(GRILLE, base).moyenne?.texte).toBe('9,90');
    expect(resultatPremierGroupe(AVEC_FAC, { ...base, UF1: n(12) }).decision).toBe('admis');
  });

  it.each([
    [n(8), 'LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : 8,00, pas de point au-delà de 10 → aucun point ajouté'],
    [n(11.5), 'LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : 11,50, points au-delà de 10 : (11,50 − 10) × 1 → 1,50 point ajouté'],
    [n(10), 'LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : 10,00, pas de point au-delà de 10 → aucun point ajouté'],
    [{ type: 'absent' } as Note, 'LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : absent → aucun point ajouté'],
    [{ type: 'dispense' } as Note, 'LANGUE VIVANTE FACULTATIVE (facultative, coef. 1) : dispensé → aucun point ajouté'],
  ])('%j ne retire rien', (note, ligne) => {
    const r = resultatPremierGroupe(AVEC_FAC, { ...EXEMPLE, UF1: note });
    expect(r.moyenne?.sommePoints).toBe(note.type === 'note' ? 187.5 + Math.max(0, note.valeur - 10) : 187.5);
    expect(r.explication).toContain(ligne);
  });
});

describe('absent, dispensé, note conservée', () => {
  it('une absence (non justifiée) à une épreuve obligatoire compte 0', () => {
    // 187,5 − 20 (FRANCAIS 8 × 2,5) = 167,5 / 20 = 8,375 → 8,37
    const r = resultatPremierGroupe(GRILLE, { ...EXEMPLE, E51: { type: 'absent' } });
    expect(r.moyenne).toMatchObject({ sommeCoefficients: 20, texte: '8,37' });
    expect(r.explication).toContain('FRANCAIS (coef. 2,5) : absent (absence non justifiée), compté 0,00 → 0,00 point');
  });

  it('une dispense retire l’épreuve des points et des coefficients', () => {
    // 187,5 − 12 (LV 6 × 2) = 175,5 / 18 = 9,75
    const r = resultatPremierGroupe(GRILLE, { ...EXEMPLE, E4: { type: 'dispense' } });
    expect(r.moyenne).toMatchObject({ sommePoints: 175.5, sommeCoefficients: 18, texte: '9,75' });
    expect(r.explication).toContain('LANGUE VIVANTE A (coef. 2) : dispensé, hors moyenne (ni points ni coefficient)');
    expect(r.explication).toContain('Moyenne générale du 1er groupe : 9,75 (somme des points 175,50 / somme des coefficients 18)');
  });

  it('une note conservée d’une session antérieure compte comme une note', () => {
    const r = resultatPremierGroupe(GRILLE, { ...EXEMPLE, E31: { type: 'conservee', valeur: 11, session: '2024' } });
    expect(r.moyenne?.texte).toBe('9,37');
    expect(r.explication[0]).toBe('PRATIQUE PROFESSIONNELLE (coef. 5) : 11,00, note conservée de la session 2024 → 55,00 points');
  });

  it('dispensé de toutes les épreuves professionnelles : condition sans objet', () => {
    // Only the general épreuves count: 9 × 10 = 90 / 10 = 9
    const r = resultatPremierGroupe(GRILLE, notes(0, 9, { E31: { type: 'dispense' }, E32: { type: 'dispense' } }));
    expect(r.moyenneProfessionnelle).toBeNull();
    expect(r.decision).toBe('admissible');
    expect(r.explication).toContain('Moyenne des épreuves professionnelles : aucune épreuve professionnelle prise en compte, condition sans objet');
  });

  it('dispensé de tout : pas de moyenne, erreur de données', () => {
    const tout = Object.fromEntries(GRILLE.map((e) => [e.id, { type: 'dispense' } as Note]));
    expect(() => resultatPremierGroupe(GRILLE, tout)).toThrow(RangeError);
  });
});

describe('notes manquantes', () => {
  it('une note manquante rend le résultat incomplet, avec la liste', () => {
    const r = resultatPremierGroupe(AVEC_FAC, { ...EXEMPLE, E12: undefined });
    expect(r.decision).toBe('incomplet');
    expect(r.moyenne).toBeNull();
    expect(r.manquantes).toEqual(['MATHEMATIQUES', 'LANGUE VIVANTE FACULTATIVE']);
    expect(r.explication).toEqual([
      'Note manquante : MATHEMATIQUES',
      'Note manquante : LANGUE VIVANTE FACULTATIVE',
      'Décision : incomplet, délibération impossible : 2 notes manquantes',
    ]);
    expect(notesManquantesPremierGroupe(AVEC_FAC, { ...EXEMPLE, E12: undefined }).map((e) => e.id)).toEqual(['E12', 'UF1']);
  });

  it("à l'épreuve de contrôle, avec les libellés de l'édition", () => {
    expect(notesManquantes(undefined).map((m) => m.libelle)).toEqual([
      'Epreuve de contrôle : épr. Scientifique et Technique',
      'Epreuve de contrôle : épr. Français et Histoire Géographie',
    ]);
    expect(notesManquantes(CHOIX(n(12), undefined))).toEqual([{ oral: 'francais_hg', libelle: 'Epreuve de contrôle : épr. Français et Histoire Géographie' }]);
    expect(notesManquantes(CHOIX(n(12), ABSENT))).toEqual([]);
  });

  it('un oral sans note : résultat après contrôle incomplet', () => {
    const r = resultatApresControle(GRILLE, EXEMPLE, CHOIX(n(12), undefined));
    expect(r.decision).toBe('incomplet');
    expect(r.moyenne).toBeNull();
    expect(r.manquantes).toEqual(['Epreuve de contrôle : épr. Français et Histoire Géographie']);
    expect(r.explication.slice(-2)).toEqual([
      'Note manquante : Epreuve de contrôle : épr. Français et Histoire Géographie',
      'Décision : incomplet, délibération impossible : 1 note manquante',
    ]);
  });
});

describe("après l'épreuve de contrôle", () => {
  it("l'exemple : admis à 10,07, sans mention", () => {
    // MATHS 7,5 → 12 : + 4,5 × 2 = 9 ; FRANCAIS 8 → 10 : + 2 × 2,5 = 5
    // 187,5 + 9 + 5 = 201,5 / 20 = 10,075 → 10,07
    const r = resultatApresControle(GRILLE, EXEMPLE, CHOIX(n(12), n(10)));
    expect(r.decision).toBe('admis');
    expect(r.mention).toBeNull();
    expect(r.moyenne?.texte).toBe('10,07');
    expect(r.remplacements.map((x) => [x.epreuve.id, x.notePremierGroupe, x.remplace])).toEqual([
      ['E12', 7.5, true],
      ['E51', 8, true],
    ]);
    expect(r.explication).toEqual([
      "Moyenne générale du 1er groupe : 9,37, admissible à l'épreuve de contrôle",
      'Épreuve de contrôle scientifique et technique : 12,00 remplace MATHEMATIQUES 7,50',
      'Épreuve de contrôle de français et histoire-géographie : 10,00 remplace FRANCAIS 8,00',
      "Moyenne générale après l'épreuve de contrôle : 10,07 (somme des points 201,50 / somme des coefficients 20)",
      "Décision : admis à l'issue de l'épreuve de contrôle, sans mention (moyenne 10,07 ≥ 10)",
    ]);
    const maths = r.lignes.find((l) => l.epreuve.id === 'E12')!;
    expect(maths).toMatchObject({ retenue: 12, points: 24, remplaceePar: 'scientifique' });
  });

  it('une note orale inférieure ou égale ne remplace pas', () => {
    // MATHS 7,5 reste (oral 7) ; FRANCAIS 8 reste (oral 8) : 187,5 / 20 = 9,375 → ajourné
    const r = resultatApresControle(GRILLE, EXEMPLE, CHOIX(n(7), n(8)));
    expect(r.remplacements.map((x) => x.remplace)).toEqual([false, false]);
    expect(r.moyenne?.texte).toBe('9,37');
    expect(r.decision).toBe('ajourne');
    expect(r.explication.slice(1)).toEqual([
      'Note du 1er groupe conservée en MATHEMATIQUES : 7,50 ≥ 7,00 (épreuve de contrôle scientifique et technique)',
      'Note du 1er groupe conservée en FRANCAIS : 8,00 ≥ 8,00 (épreuve de contrôle de français et histoire-géographie)',
      "Moyenne générale après l'épreuve de contrôle : 9,37 (somme des points 187,50 / somme des coefficients 20)",
      "Décision : ajourné à l'issue de l'épreuve de contrôle (moyenne 9,37 < 10)",
    ]);
  });

  it('absent à un oral : la note du 1er groupe reste', () => {
    // MATHS 7,5 → 20 : + 12,5 × 2 = 25 ; 187,5 + 25 = 212,5 / 20 = 10,625
    const r = resultatApresControle(GRILLE, EXEMPLE, CHOIX(n(20), ABSENT));
    expect(r.explication[2]).toBe("Note du 1er groupe conservée en FRANCAIS : 8,00 (absent à l'épreuve de contrôle de français et histoire-géographie)");
    expect(r.moyenne?.texte).toBe('10,62');
    expect(r.decision).toBe('admis');
  });

  it("pas de mention après l'épreuve de contrôle, même à 14", () => {
    // PRO 19 × 10 = 190 ; tout le général absent (0) : 190 / 20 = 9,5, professionnelle 19 → admissible
    // MATHS 0 → 20 : + 40 ; FRANCAIS 0 → 20 : + 50 ; 280 / 20 = 14
    const premier = notes(19, 0, { E11: ABSENT, E12: ABSENT, E51: ABSENT, E52: ABSENT, E4: ABSENT });
    expect(resultatPremierGroupe(GRILLE, premier).decision).toBe('admissible');
    const r = resultatApresControle(GRILLE, premier, CHOIX(n(20), n(20)));
    expect(r.moyenne?.texte).toBe('14,00');
    expect(r.decision).toBe('admis');
    expect(r.mention).toBeNull();
    expect(r.explication[1]).toBe('Épreuve de contrôle scientifique et technique : 20,00 remplace MATHEMATIQUES 0,00 (absent)');
    expect(r.explication.at(-1)).toBe("Décision : admis à l'issue de l'épreuve de contrôle, sans mention (moyenne 14,00 ≥ 10)");
    expect(resultatDefinitif(GRILLE, premier, CHOIX(n(20), n(20)))).toMatchObject({ groupe: 2, decision: 'admis', mention: null });
  });

  it("refuse un candidat qui n'est pas admissible et un choix d'épreuve impossible", () => {
    expect(() => resultatApresControle(GRILLE, notes(10, 10), CHOIX(n(12), n(12)))).toThrow(/pas admissible/);
    expect(() => resultatApresControle(GRILLE, EXEMPLE, { scientifique: { epreuve: 'E31', note: n(12) }, francais_hg: { epreuve: 'E51', note: n(12) } })).toThrow(RangeError);
    expect(() => resultatApresControle(GRILLE, EXEMPLE, { scientifique: { epreuve: 'E51', note: n(12) } })).toThrow(RangeError);
    expect(() => resultatApresControle(GRILLE, { ...EXEMPLE, E12: { type: 'dispense' } }, CHOIX(n(12), n(12)))).toThrow(/dispensée/);
  });
});

describe('résultat définitif', () => {
  it('1er groupe pour un admis ou un ajourné ; contrôle pour un admissible', () => {
    expect(resultatDefinitif(GRILLE, notes(12, 12))).toMatchObject({ groupe: 1, decision: 'admis', mention: 'assez_bien' });
    expect(resultatDefinitif(GRILLE, notes(10, 6, { E11: n(5.8) }))).toMatchObject({ groupe: 1, decision: 'ajourne' });
    const r = resultatDefinitif(GRILLE, EXEMPLE, CHOIX(n(12), n(10)));
    expect(r).toMatchObject({ groupe: 2, decision: 'admis', mention: null, manquantes: [] });
    expect(r.explication[0]).toBe('PRATIQUE PROFESSIONNELLE (coef. 5) : 11,00 → 55,00 points');
    expect(r.explication.at(-1)).toBe("Décision : admis à l'issue de l'épreuve de contrôle, sans mention (moyenne 10,07 ≥ 10)");
    expect(resultatDefinitif(GRILLE, EXEMPLE)).toMatchObject({ groupe: 2, decision: 'incomplet' });
  });
});

describe('saisie et format des nombres', () => {
  it('formate à la française', () => {
    expect(formatNote(9.12)).toBe('9,12');
    expect(formatNote(12)).toBe('12,00');
    expect(formatNote(0.5)).toBe('0,50');
    expect(formatCoefficient(2.5)).toBe('2,5');
    expect(formatCoefficient(18)).toBe('18');
  });

  it('lit une note saisie ou importée', () => {
    expect(lireNote('12')).toBe(12);
    expect(lireNote(' 12,5 ')).toBe(12.5);
    expect(lireNote('9.99')).toBe(9.99);
    expect(lireNote('20,00')).toBe(20);
    for (const mauvais of ['20,01', '21', '-1', '9,999', 'abs', '', '1e1']) expect(lireNote(mauvais)).toBeNull();
  });

  it('refuse une note hors barème ou à plus de 2 décimales', () => {
    expect(() => resultatPremierGroupe(GRILLE, notes(10, 10, { E11: n(20.5) }))).toThrow(RangeError);
    expect(() => resultatPremierGroupe(GRILLE, notes(10, 10, { E11: n(9.999) }))).toThrow(RangeError);
    expect(() => resultatPremierGroupe(GRILLE, { ...notes(10, 10), X: n(10) })).toThrow(/inconnue/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const centiemes = fc.integer({ min: 0, max: 2000 }).map((c) => c / 100);
/** Mostly 7–13, where the thresholds 8 and 10 are crossed, sometimes anywhere in 0–20. */
const notePresDesSeuils = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 700, max: 1300 }).map((c) => c / 100) }, { weight: 1, arbitrary: centiemes });
const noteQuelconque: fc.Arbitrary<Note> = fc.oneof(
  { weight: 6, arbitrary: notePresDesSeuils.map(n) },
  { weight: 1, arbitrary: fc.constant<Note>({ type: 'absent' }) },
  { weight: 1, arbitrary: fc.constant<Note>({ type: 'dispense' }) },
  { weight: 1, arbitrary: notePresDesSeuils.map((valeur): Note => ({ type: 'conservee', valeur, session: '2024' })) },
);
/** Grades for the grid with its optional unit; PRO1 is never dispensé, so there is always an average. */
const notesQuelconques: fc.Arbitrary<Record<string, Note>> = fc.record(
  Object.fromEntries(AVEC_FAC.map((e) => [e.id, e.id === PRO1.id ? notePresDesSeuils.map(n) : noteQuelconque])),
) as fc.Arbitrary<Record<string, Note>>;

/** A grade raised: a higher value, or a grade instead of an absence (dispensé stays: it is not a grade). */
function relevee(note: Note, hausse: number): Note | null {
  const plus = (v: number) => Math.min(2000, Math.round(v * 100) + hausse) / 100;
  if (note.type === 'note') return n(plus(note.valeur));
  if (note.type === 'conservee') return { ...note, valeur: plus(note.valeur) };
  if (note.type === 'absent') return n(hausse / 100);
  return null;
}

/** a ≤ b, exactly. */
const auPlus = (a: Moyenne, b: Moyenne) => a.numerateur * b.denominateur <= b.numerateur * a.denominateur;

const RANG: Record<DecisionPremierGroupe, number> = { incomplet: -1, ajourne: 0, admissible: 1, admis: 2 };
const RANG_MENTION = { null: 0, assez_bien: 1, bien: 2, tres_bien: 3, tres_bien_felicitations: 4 } as const;

describe('propriétés', () => {
  // Small raises cross thresholds one at a time; large ones jump.
  const hausse = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2000 }));
  const epreuve = fc.constantFrom(...AVEC_FAC.map((e) => e.id));

  it('relever une note ne baisse jamais la moyenne, ni la décision, ni la mention', () => {
    fc.assert(
      fc.property(notesQuelconques, epreuve, hausse, (avant, id, h) => {
        const nouvelle = relevee(avant[id]!, h);
        fc.pre(nouvelle !== null);
        const a = resultatPremierGroupe(AVEC_FAC, avant);
        const b = resultatPremierGroupe(AVEC_FAC, { ...avant, [id]: nouvelle! });
        expect(auPlus(a.moyenne!, b.moyenne!)).toBe(true);
        expect(RANG[b.decision]).toBeGreaterThanOrEqual(RANG[a.decision]);
        expect(RANG_MENTION[`${b.mention}`]).toBeGreaterThanOrEqual(RANG_MENTION[`${a.mention}`]);
      }),
      { numRuns: 1000 },
    );
  });

  it("la moyenne affichée, tronquée, ne contredit jamais un seuil", () => {
    fc.assert(
      fc.property(notesQuelconques, (notes) => {
        const m = resultatPremierGroupe(AVEC_FAC, notes).moyenne!;
        for (const seuil of [8, 10, 12, 14, 16, 18]) expect(m.valeur >= seuil).toBe(auMoins(m, seuil));
      }),
      { numRuns: 300 },
    );
  });

  // Candidates near the window of the contrôle: professional grades 9–15, the others 5–12.
  const pres = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => n(c / 100));
  const admissibles = fc
    .record({ E31: pres(9, 15), E32: pres(9, 15), E11: pres(5, 12), E12: pres(5, 12), E51: pres(5, 12), E52: pres(5, 12), E4: pres(5, 12) })
    .filter((notes) => resultatPremierGroupe(GRILLE, notes).decision === 'admissible');
  const controle = fc.record({
    sci: fc.record({ epreuve: fc.constantFrom('E11', 'E12'), note: fc.oneof(notePresDesSeuils.map(n), fc.constant(ABSENT)) }),
    fr: fc.record({ epreuve: fc.constantFrom('E51', 'E52'), note: fc.oneof(notePresDesSeuils.map(n), fc.constant(ABSENT)) }),
  });
  const versControle = (c: { sci: ChoixControle; fr: ChoixControle }): NotesControle => ({ scientifique: c.sci, francais_hg: c.fr });

  it("l'épreuve de contrôle ne baisse jamais la moyenne, et ne donne jamais de mention", () => {
    fc.assert(
      fc.property(admissibles, controle, (notes, c) => {
        const r = resultatApresControle(GRILLE, notes, versControle(c));
        expect(auPlus(r.premierGroupe.moyenne!, r.moyenne!)).toBe(true);
        expect(r.mention).toBeNull();
        expect(r.decision === 'admis').toBe(auMoins(r.moyenne!, 10));
      }),
      { numRuns: 300 },
    );
  });

  it('le résultat définitif est monotone en chaque note, du 1er groupe comme de l’oral', () => {
    const rang = { incomplet: -1, ajourne: 0, admis: 1 };
    fc.assert(
      fc.property(admissibles, controle, fc.constantFrom(...GRILLE.map((e) => e.id), 'sci', 'fr'), hausse, (notes, c, cible, h) => {
        const avant = resultatDefinitif(GRILLE, notes, versControle(c));
        let apres;
        if (cible === 'sci' || cible === 'fr') {
          const plus = { ...c, [cible]: { ...c[cible], note: relevee(c[cible].note, h)! } };
          apres = resultatDefinitif(GRILLE, notes, versControle(plus));
        } else {
          apres = resultatDefinitif(GRILLE, { ...notes, [cible]: relevee(notes[cible as keyof typeof notes], h)! }, versControle(c));
        }
        expect(rang[apres.decision]).toBeGreaterThanOrEqual(rang[avant.decision]);
      }),
      { numRuns: 300 },
    );
  });
});
