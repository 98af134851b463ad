import { describe, expect, it } from 'vitest';
import { ajouterMois, formaterDateHeureSecondes, isoVersFr, libelleJour, lireDate, lireHeure, semainesDuMois } from './dates.ts';

describe('dates JJ/MM/AAAA', () => {
  it('lit une date valide', () => {
    expect(lireDate('15/06/2026')).toEqual({ ok: true, iso: '2026-06-15' });
    expect(lireDate(' 5/6/2026 ')).toEqual({ ok: true, iso: '2026-06-05' });
    expect(lireDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('refuse un format ou une date impossible, en disant pourquoi', () => {
    expect(lireDate('2026-06-15')).toEqual({ ok: false, message: 'La date doit être au format JJ/MM/AAAA (par exemple 15/06/2026).' });
    expect(lireDate('15/06/26').ok).toBe(false);
    expect(lireDate('31/02/2026')).toEqual({ ok: false, message: 'La date 31/02/2026 n’existe pas.' });
    expect(lireDate('29/02/2100').ok).toBe(false);
    expect(lireDate('01/13/2026').ok).toBe(false);
    expect(lireDate('00/01/2026').ok).toBe(false);
    expect(lireDate('12/12/1899').ok).toBe(false);
    expect(lireDate('', 'La date de début')).toEqual({ ok: false, message: 'La date de début doit être au format JJ/MM/AAAA (par exemple 15/06/2026).' });
  });

  it('affiche une date ISO', () => {
    expect(isoVersFr('2026-06-15')).toBe('15/06/2026');
    expect(isoVersFr('2026-06-15T10:00:00Z')).toBe('15/06/2026');
    expect(isoVersFr(null)).toBe('');
  });

  it('formate l’horodatage de la console', () => {
    // An instant, read in Paris time (12/12/2016 13:18:38 UTC = 14:18:38 in Paris).
    expect(formaterDateHeureSecondes(new Date(Date.UTC(2016, 11, 12, 13, 18, 38)))).toBe('12/12/2016 14:18:38');
  });
});

describe('heures HH:MM', () => {
  it('lit une heure', () => {
    expect(lireHeure('09:30')).toEqual({ ok: true, heure: '09:30', minutes: 570 });
    expect(lireHeure('9h05')).toEqual({ ok: true, heure: '09:05', minutes: 545 });
    expect(lireHeure('23:59').ok).toBe(true);
  });
  it('refuse une heure impossible', () => {
    expect(lireHeure('24:00').ok).toBe(false);
    expect(lireHeure('12:60').ok).toBe(false);
    expect(lireHeure('midi')).toEqual({ ok: false, message: 'L’heure doit être au format HH:MM (par exemple 09:30).' });
  });
});

describe('calendrier', () => {
  it('découpe un mois en semaines commençant le lundi', () => {
    const s = semainesDuMois('2026-06-15');
    expect(s[0]![0]).toBe('2026-06-01'); // 1er juin 2026 : un lundi
    expect(s.flat().filter(Boolean).length).toBe(30);
    const fev = semainesDuMois('2026-02-10');
    expect(fev[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(fev[0]![6]).toBe('2026-02-01');
  });
  it('nomme un jour en toutes lettres', () => {
    expect(libelleJour('2026-06-15')).toBe('lundi 15 juin 2026');
  });
  it('ajoute des mois en restant dans le mois visé', () => {
    expect(ajouterMois('2026-01-31', 1)).toBe('2026-02-28');
    expect(ajouterMois('2026-12-15', 1)).toBe('2027-01-15');
    expect(ajouterMois('2026-01-15', -1)).toBe('2025-12-15');
  });
});
