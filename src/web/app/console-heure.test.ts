// The console stamps its messages in Paris time, as the documents do, whatever the browser's time
// zone (issue 13): a browser in New York or Nouméa reads the same hour as the PV it prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libelleMessage } from './console.ts';
import { formaterDate, formaterDateHeure, formaterDateHeureSecondes } from '../forms/dates.ts';

const TZ_AVANT = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (TZ_AVANT === undefined) delete process.env.TZ;
  else process.env.TZ = TZ_AVANT;
});

describe('horodatage de la console à l’heure de Paris', () => {
  it('le navigateur est bien hors de France pendant ce test', () => {
    // 14/06/2026 12:18:38 UTC is 08:18:38 in New York (the browser) and 14:18:38 in Paris.
    expect(new Date(Date.UTC(2026, 5, 14, 12, 18, 38)).getHours()).toBe(8);
  });

  it('un message de la console porte l’heure de Paris (heure d’été)', () => {
    const le = Date.UTC(2026, 5, 14, 12, 18, 38);
    expect(libelleMessage({ le, niveau: 'erreur', texte: 'Impossible.' })).toBe('(14/06/2026 14:18:38) Erreur : Impossible.');
    expect(formaterDateHeureSecondes(new Date(le))).toBe('14/06/2026 14:18:38');
  });

  it('l’heure d’hiver, le changement de jour et les minutes', () => {
    // 12/12/2016 13:18:38 UTC = 14:18:38 in Paris (UTC+1).
    expect(formaterDateHeureSecondes(Date.UTC(2016, 11, 12, 13, 18, 38))).toBe('12/12/2016 14:18:38');
    // 31/12/2026 23:30 UTC is already 1 January in Paris (and still 31 December in New York).
    expect(formaterDateHeure(Date.UTC(2026, 11, 31, 23, 30))).toBe('01/01/2027 00:30');
    expect(formaterDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    // Midnight is 00, never 24.
    expect(formaterDateHeureSecondes(Date.UTC(2026, 5, 14, 22, 0, 5))).toBe('15/06/2026 00:00:05');
  });

  it('une date seule (AAAA-MM-JJ) reste le jour écrit', () => {
    expect(formaterDate('2026-06-15')).toBe('15/06/2026');
    expect(formaterDateHeure('')).toBe('');
    expect(formaterDateHeure('pas une date')).toBe('');
  });
});
