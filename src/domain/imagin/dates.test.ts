import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajouterJours, anneeScolaire, creneauFr, dateFr, dateLongue, debutDureeFr, isoParis, jourSemaine, libellesDates, lireDate, lireHeure } from './dates.ts';

describe('saisie JJ/MM/AAAA', () => {
  it('lit une date et la rend en ISO, ainsi que la forme ISO envoyée par le web', () => {
    expect(lireDate('15/03/2016', 'La date de début')).toEqual({ ok: true, valeur: '2016-03-15' });
    expect(lireDate(' 5/3/2016 ', 'La date de début')).toEqual({ ok: true, valeur: '2016-03-05' });
    expect(lireDate('2016-03-15', 'La date de début')).toEqual({ ok: true, valeur: '2016-03-15' });
    expect(lireDate('29/02/2024', 'La date')).toEqual({ ok: true, valeur: '2024-02-29' });
  });
  it('nomme le champ dans un message en français', () => {
    expect(lireDate('', 'La date de début')).toEqual({ ok: false, message: 'La date de début est obligatoire (format JJ/MM/AAAA).' });
    expect(lireDate('15-03-2016', 'La date de fin')).toEqual({ ok: false, message: 'La date de fin doit être au format JJ/MM/AAAA (par exemple 15/06/2026).' });
    expect(lireDate('31/04/2016', 'La date de fin')).toEqual({ ok: false, message: "La date de fin (31/04/2016) n'existe pas." });
    expect(lireDate('29/02/2023', 'La date')).toMatchObject({ ok: false });
    expect(lireDate('12/13/2016', 'La date du filtre')).toEqual({ ok: false, message: "La date du filtre (12/13/2016) n'existe pas : le mois doit être compris entre 01 et 12." });
    expect(lireDate('01/01/1800', 'La date')).toMatchObject({ ok: false, message: 'La date doit être comprise entre 1900 et 2100.' });
  });
  it('relit ce que dateFr écrit', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(lireDate(dateFr(iso), 'La date')).toEqual({ ok: true, valeur: iso });
      }),
    );
  });
});

describe('saisie HH:MM', () => {
  it('lit 09:30, 9:30 et 9h30', () => {
    for (const s of ['09:30', '9:30', '9h30', ' 09 : 30 ']) expect(lireHeure(s, "L'heure de début")).toEqual({ ok: true, valeur: '09:30' });
    expect(lireHeure('23:59', "L'heure de fin")).toEqual({ ok: true, valeur: '23:59' });
  });
  it('refuse une heure impossible en nommant le champ', () => {
    expect(lireHeure('24:00', "L'heure de fin")).toEqual({ ok: false, message: "L'heure de fin (24:00) n'existe pas : les heures vont de 00:00 à 23:59." });
    expect(lireHeure('9', "L'heure de début")).toEqual({ ok: false, message: "L'heure de début doit être au format HH:MM (par exemple 09:30)." });
    expect(lireHeure('', "L'heure de début")).toEqual({ ok: false, message: "L'heure de début est obligatoire (format HH:MM)." });
  });
});

describe('dates des éditions', () => {
  it('donne le jour de la semaine', () => {
    expect(jourSemaine('2016-03-15')).toBe('mardi');
    expect(jourSemaine('2016-01-18')).toBe('lundi');
    expect(jourSemaine('2024-02-29')).toBe('jeudi');
    expect(dateLongue('2016-06-17')).toBe('vendredi 17 juin 2016');
  });
  it('écrit un créneau comme le guide : « Le mardi 15/03/2016 09:00 - 12:00 »', () => {
    expect(creneauFr({ jour: '2016-03-15', heureDebut: '09:00:00', heureFin: '12:00:00' })).toBe('Le mardi 15/03/2016 09:00 - 12:00');
  });
  it('écrit un début et une durée : « Le lundi 18/01/2016 à 09:00 Durée : 1 journée(s) »', () => {
    expect(debutDureeFr([{ jour: '2016-01-18', heureDebut: '09:00', heureFin: '17:00' }])).toBe('Le lundi 18/01/2016 à 09:00 Durée : 1 journée(s)');
    // Several dates: counted in days, from the first one whatever the order given.
    expect(
      debutDureeFr([
        { jour: '2016-06-22', heureDebut: '08:00', heureFin: '12:00' },
        { jour: '2016-06-20', heureDebut: '14:00', heureFin: '18:00' },
        { jour: '2016-06-21', heureDebut: '08:00', heureFin: '18:00' },
      ]),
    ).toBe('Le lundi 20/06/2016 à 14:00 Durée : 3 journée(s)');
    // One short date: in hours, as the seed's "reun. org" (3 hours).
    expect(debutDureeFr([{ jour: '2016-03-08', heureDebut: '09:00', heureFin: '12:00' }])).toBe('Le mardi 08/03/2016 à 09:00 Durée : 3 heure(s)');
    expect(debutDureeFr([{ jour: '2016-03-08', heureDebut: '09:00', heureFin: '11:30' }])).toBe('Le mardi 08/03/2016 à 09:00 Durée : 2 heure(s) 30');
    expect(debutDureeFr([])).toBe('');
  });
  it('liste les dates propres à une convocation, sinon le début et la durée', () => {
    const c = [
      { jour: '2016-03-16', heureDebut: '14:00', heureFin: '17:00' },
      { jour: '2016-03-15', heureDebut: '09:00', heureFin: '12:00' },
    ];
    expect(libellesDates(c, true)).toEqual(['Le mardi 15/03/2016 09:00 - 12:00', 'Le mercredi 16/03/2016 14:00 - 17:00']);
    expect(libellesDates(c, false)).toEqual(['Le mardi 15/03/2016 à 09:00 Durée : 2 journée(s)']);
  });
  it('ajoute des jours au calendrier', () => {
    expect(ajouterJours('2016-02-28', 1)).toBe('2016-02-29');
    expect(ajouterJours('2016-12-31', 1)).toBe('2017-01-01');
    expect(ajouterJours('2016-03-01', -1)).toBe('2016-02-29');
  });
  it("prend l'heure de Paris pour la date d'un horodatage et l'année scolaire", () => {
    // 23:30 UTC on 31 August is 01:30 on 1 September in Paris (UTC+2): the new school year.
    expect(isoParis(new Date('2026-08-31T23:30:00Z'))).toBe('2026-09-01');
    expect(anneeScolaire(new Date('2026-08-31T23:30:00Z'))).toBe('2026-2027');
    expect(anneeScolaire(new Date('2026-08-31T20:00:00Z'))).toBe('2025-2026');
    expect(anneeScolaire(new Date('2026-06-15T08:00:00Z'))).toBe('2025-2026');
  });
});
