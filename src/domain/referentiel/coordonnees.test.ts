import { describe, expect, it } from 'vitest';
import {
  departementPlausible,
  lireAdresse,
  lireCodePostal,
  lireCommune,
  lireCourriel,
  lireTelephone,
  masquerAdresse,
  masquerBic,
  masquerCourriel,
  masquerTelephone,
} from './coordonnees.ts';

const T = 'Le téléphone personnel';

describe('téléphones français', () => {
  it('lit 10 chiffres commençant par 0, avec espaces, points ou tirets, et les écrit par paires', () => {
    for (const s of ['0612345678', '06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', ' 06 12 34.56-78 ']) {
      expect(lireTelephone(s, T)).toEqual({ ok: true, valeur: '06 12 34 56 78' });
    }
    expect(lireTelephone('02 99 00 00 00', T)).toEqual({ ok: true, valeur: '02 99 00 00 00' });
  });

  it('lit +33 (ou 0033) suivi de 9 chiffres, et le 0 national écrit entre parenthèses', () => {
    for (const s of ['+33612345678', '+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78']) {
      expect(lireTelephone(s, T)).toEqual({ ok: true, valeur: '06 12 34 56 78' });
    }
    // Overseas numbers of the national plan, written with their prefix.
    expect(lireTelephone('+262 692 12 34 56', T)).toEqual({ ok: true, valeur: '06 92 12 34 56' });
  });

  it('vide : aucun numéro', () => {
    expect(lireTelephone('', T)).toEqual({ ok: true, valeur: null });
    expect(lireTelephone('   ', T)).toEqual({ ok: true, valeur: null });
    expect(lireTelephone(undefined, T)).toEqual({ ok: true, valeur: null });
  });

  it('refuse, en nommant le champ : lettres, nombre de chiffres, numéro étranger, 00 en tête', () => {
    const msg = (s: string) => {
      const r = lireTelephone(s, T);
      if (r.ok) throw new Error(`accepté : ${s}`);
      return r.message;
    };
    expect(msg('06 12 AB 56 78')).toMatch(/^Le téléphone personnel ne doit contenir que des chiffres/);
    expect(msg('06 12 34 56 7')).toBe(
      'Le téléphone personnel doit compter 10 chiffres (9 saisis) : 10 chiffres commençant par 0 (par exemple 06 12 34 56 78), ou +33 suivi de 9 chiffres (+33 6 12 34 56 78).',
    );
    expect(msg('612345678')).toMatch(/doit compter 10 chiffres/);
    expect(msg('1612345678')).toMatch(/doit commencer par 0/);
    expect(msg('+44 20 7946 0958')).toMatch(/^Le téléphone personnel doit être un numéro français/);
    expect(msg('+33 6 12 34 56')).toMatch(/n'a pas le bon nombre de chiffres/);
    expect(msg('+33 0 12 34 56 78')).toMatch(/n'a pas le bon nombre de chiffres/);
  });
});

describe('adresses électroniques', () => {
  const C = 'Le mél personnel';
  it('accepte et écrit en minuscules', () => {
    expect(lireCourriel(' Paul.Martin-Demo@Example.ORG ', C)).toEqual({ ok: true, valeur: 'paul.martin-demo@example.org' });
    expect(lireCourriel('a+b@sous.domaine.ac-rennes.fr', C)).toEqual({ ok: true, valeur: 'a+b@sous.domaine.ac-rennes.fr' });
    expect(lireCourriel('', C)).toEqual({ ok: true, valeur: null });
  });
  it('refuse les formes fausses en nommant le champ', () => {
    for (const s of ['paul', 'paul@', '@example.org', 'paul@example', 'paul@@example.org', 'pa ul@example.org', 'paul..m@example.org', '.paul@example.org', 'paul@-example.org', 'paul@example.o', 'paul@exa_mple.org']) {
      expect(lireCourriel(s, C), s).toEqual({ ok: false, message: "Le mél personnel n'est pas valide : format attendu prenom.nom@exemple.fr." });
    }
    expect(lireCourriel(`${'a'.repeat(250)}@example.org`, C)).toEqual({ ok: false, message: 'Le mél personnel dépasse 254 caractères.' });
  });
});

describe('adresse postale', () => {
  it('code postal : 5 chiffres d’un département plausible ; la Corse en 20xxx', () => {
    expect(lireCodePostal('35000')).toEqual({ ok: true, valeur: '35000' });
    expect(lireCodePostal('35 000')).toEqual({ ok: true, valeur: '35000' });
    expect(lireCodePostal('20000')).toEqual({ ok: true, valeur: '20000' });
    expect(lireCodePostal('97400')).toEqual({ ok: true, valeur: '97400' });
    expect(lireCodePostal('98800')).toEqual({ ok: true, valeur: '98800' });
    expect(lireCodePostal('')).toEqual({ ok: false, message: 'Le code postal est obligatoire : 5 chiffres, par exemple 35000.' });
    expect(lireCodePostal('350')).toEqual({ ok: false, message: 'Le code postal compte 5 chiffres (par exemple 35000).' });
    expect(lireCodePostal('3500A')).toEqual({ ok: false, message: 'Le code postal compte 5 chiffres (par exemple 35000).' });
    expect(lireCodePostal('2A004')).toMatchObject({ ok: false, message: expect.stringMatching(/^Le code postal de la Corse commence par 20/) });
    for (const s of ['00100', '96000', '97900', '98100', '99000']) {
      expect(lireCodePostal(s), s).toEqual({ ok: false, message: `Le code postal ${s} ne correspond à aucun département : ses deux premiers chiffres vont de 01 à 95 (971 à 978 outre-mer).` });
    }
    expect(departementPlausible('01000')).toBe(true);
    expect(departementPlausible('95000')).toBe(true);
  });

  it('commune : lettres, espaces, tirets, apostrophes ; en capitales', () => {
    expect(lireCommune('Saint-Malo')).toEqual({ ok: true, valeur: 'SAINT-MALO' });
    expect(lireCommune("  L’Haÿ-les-Roses ")).toEqual({ ok: true, valeur: "L'HAŸ-LES-ROSES" });
    expect(lireCommune('Le  Mans')).toEqual({ ok: true, valeur: 'LE MANS' });
    expect(lireCommune('')).toEqual({ ok: false, message: 'La commune est obligatoire.' });
    for (const s of ['Paris 15e', 'Rennes Cedex 2', '-Rennes', 'Rennes!', "Saint-Malo'"]) expect(lireCommune(s).ok, s).toBe(false);
  });

  it('adresse : obligatoire, sur une ligne, avec une voie', () => {
    expect(lireAdresse(' 12  rue\n des Lilas ')).toEqual({ ok: true, valeur: '12 rue des Lilas' });
    expect(lireAdresse('Bâtiment B, 3 bis allée de l’Étang')).toEqual({ ok: true, valeur: "Bâtiment B, 3 bis allée de l'Étang" });
    expect(lireAdresse('')).toEqual({ ok: false, message: "L'adresse est obligatoire : numéro et voie, par exemple 12 rue des Lilas." });
    expect(lireAdresse('12')).toEqual({ ok: false, message: "L'adresse doit indiquer la voie, par exemple 12 rue des Lilas." });
    expect(lireAdresse('12 rue <script>').ok).toBe(false);
    expect(lireAdresse('x'.repeat(201))).toEqual({ ok: false, message: "L'adresse est trop longue (200 caractères au plus)." });
  });
});

describe('masquage', () => {
  it('garde le début et la fin d’un numéro, l’initiale et le domaine d’un mél, le numéro dans la voie', () => {
    expect(masquerTelephone('06 12 34 56 78')).toBe('06 •• •• •• 78');
    expect(masquerCourriel('paul.martin-demo@example.org')).toBe('p•••@example.org');
    expect(masquerAdresse('12 rue des Lilas')).toBe('12 •••');
    expect(masquerAdresse('Lieu-dit Kerbras')).toBe('•••');
    expect(masquerBic('CMBRFR2BXXX')).toBe('••••••••XXX');
    expect([masquerTelephone(null), masquerCourriel(null), masquerAdresse(''), masquerBic(null)]).toEqual([null, null, null, null]);
  });
});
