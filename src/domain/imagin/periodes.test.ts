import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affectationsChevauchees, chevauche, convoqueSur, datesEffectives, disponibleSur, erreurPeriode, periodeCreneau, periodeJours, type Periode } from './periodes.ts';

const P = (d1: string, h1: string, d2: string, h2: string): Periode => ({ debut: { date: d1, heure: h1 }, fin: { date: d2, heure: h2 } });

describe('chevauchement de périodes (bornes incluses, à la minute)', () => {
  it('se chevauchent si elles partagent au moins une minute', () => {
    const matin = P('2026-06-15', '08:00', '2026-06-15', '12:00');
    expect(chevauche(matin, P('2026-06-15', '11:59', '2026-06-15', '18:00'))).toBe(true);
    // Touching boundaries overlap: an indisponibilité until 12:00 conflicts with a mission from 12:00.
    expect(chevauche(matin, P('2026-06-15', '12:00', '2026-06-15', '18:00'))).toBe(true);
    expect(chevauche(matin, P('2026-06-15', '12:01', '2026-06-15', '18:00'))).toBe(false);
    expect(chevauche(matin, P('2026-06-14', '00:00', '2026-06-15', '07:59'))).toBe(false);
    expect(chevauche(matin, P('2026-06-14', '00:00', '2026-06-15', '08:00'))).toBe(true);
    // One inside the other.
    expect(chevauche(P('2026-06-01', '00:00', '2026-06-30', '23:59'), matin)).toBe(true);
    // Seconds from the database are ignored.
    expect(chevauche(matin, P('2026-06-15', '12:00:00', '2026-06-15', '18:00:00'))).toBe(true);
  });

  it('est symétrique et réflexive', () => {
    const instant = fc.record({ date: fc.constantFrom('2026-06-14', '2026-06-15', '2026-06-16'), heure: fc.constantFrom('00:00', '08:00', '12:00', '23:59') });
    const periode = fc.tuple(instant, instant).map(([a, b]) => ((a.date + a.heure) <= (b.date + b.heure) ? { debut: a, fin: b } : { debut: b, fin: a }));
    fc.assert(
      fc.property(periode, periode, (a, b) => {
        expect(chevauche(a, b)).toBe(chevauche(b, a));
        expect(chevauche(a, a)).toBe(true);
      }),
    );
  });

  it('couvre des journées entières pour les filtres « du … au … »', () => {
    const filtre = periodeJours('2026-06-15', '2026-06-16');
    expect(filtre).toEqual(P('2026-06-15', '00:00', '2026-06-16', '23:59'));
    expect(chevauche(filtre, P('2026-06-16', '23:59', '2026-06-20', '12:00'))).toBe(true);
    expect(chevauche(filtre, P('2026-06-10', '08:00', '2026-06-15', '00:00'))).toBe(true);
    expect(chevauche(filtre, P('2026-06-17', '00:00', '2026-06-20', '12:00'))).toBe(false);
    expect(chevauche(filtre, P('2026-06-10', '08:00', '2026-06-14', '23:59'))).toBe(false);
  });
});

describe('filtres de la consultation des personnels', () => {
  const filtre = periodeJours('2026-06-15', '2026-06-19');
  it('« de disponibilité » : aucune indisponibilité déclarée ne chevauche la période', () => {
    expect(disponibleSur([], filtre)).toBe(true);
    expect(disponibleSur([P('2026-06-01', '00:00', '2026-06-14', '23:59'), P('2026-06-20', '00:00', '2026-06-30', '23:59')], filtre)).toBe(true);
    expect(disponibleSur([P('2026-06-19', '17:00', '2026-06-19', '18:00')], filtre)).toBe(false);
    expect(disponibleSur([P('2026-05-01', '00:00', '2026-07-01', '23:59')], filtre)).toBe(false);
  });
  it('« de convocation » : une date de la convocation est dans la période', () => {
    expect(convoqueSur([], filtre)).toBe(false);
    expect(convoqueSur([{ jour: '2026-06-14', heureDebut: '08:00', heureFin: '18:00' }], filtre)).toBe(false);
    expect(convoqueSur([{ jour: '2026-06-14', heureDebut: '08:00', heureFin: '18:00' }, { jour: '2026-06-19', heureDebut: '08:00', heureFin: '09:00' }], filtre)).toBe(true);
    expect(convoqueSur([{ jour: '2026-06-15', heureDebut: '00:00', heureFin: '00:30' }], filtre)).toBe(true);
  });
});

describe('indisponibilité et missions affectées', () => {
  it('trouve les affectations dont une date chevauche la nouvelle indisponibilité', () => {
    const affectations = [
      { id: 1, creneaux: [{ jour: '2026-06-15', heureDebut: '08:00', heureFin: '12:00' }] },
      { id: 2, creneaux: [{ jour: '2026-06-15', heureDebut: '14:00', heureFin: '18:00' }] },
      { id: 3, creneaux: [{ jour: '2026-06-10', heureDebut: '08:00', heureFin: '12:00' }, { jour: '2026-06-16', heureDebut: '08:00', heureFin: '12:00' }] },
      { id: 4, creneaux: [] },
    ];
    const indispo = P('2026-06-15', '12:00', '2026-06-16', '07:59');
    expect(affectationsChevauchees(indispo, affectations).map((a) => a.id)).toEqual([1, 2]);
    expect(affectationsChevauchees(P('2026-06-15', '12:01', '2026-06-15', '13:59'), affectations)).toEqual([]);
    expect(affectationsChevauchees(P('2026-06-16', '12:00', '2026-06-16', '23:59'), affectations).map((a) => a.id)).toEqual([3]);
    expect(periodeCreneau({ jour: '2026-06-15', heureDebut: '08:00', heureFin: '12:00' })).toEqual(P('2026-06-15', '08:00', '2026-06-15', '12:00'));
  });

  it('retient les dates de la convocation, sinon de la commission, sinon de la mission', () => {
    const c = [{ jour: '2026-06-15', heureDebut: '08:00', heureFin: '12:00' }];
    const k = [{ jour: '2026-06-16', heureDebut: '08:00', heureFin: '12:00' }];
    const m = [{ jour: '2026-06-17', heureDebut: '08:00', heureFin: '12:00' }];
    expect(datesEffectives({ convocation: c, commission: k, mission: m })).toEqual({ origine: 'convocation', creneaux: c });
    expect(datesEffectives({ convocation: [], commission: k, mission: m })).toEqual({ origine: 'commission', creneaux: k });
    expect(datesEffectives({ convocation: [], commission: [], mission: m })).toEqual({ origine: 'mission', creneaux: m });
  });
});

describe('validité d’une période saisie', () => {
  it('refuse une fin antérieure ou égale au début, avec un message clair', () => {
    expect(erreurPeriode(P('2026-06-15', '08:00', '2026-06-15', '08:01'))).toBeNull();
    expect(erreurPeriode(P('2026-06-15', '08:00', '2026-06-14', '18:00'))).toBe(
      "L'indisponibilité se termine (14/06/2026 18:00) avant de commencer (15/06/2026 08:00) : la date et l'heure de fin doivent être postérieures à celles de début.",
    );
    expect(erreurPeriode(P('2026-06-15', '08:00', '2026-06-15', '07:00'))).toContain('avant de commencer');
    expect(erreurPeriode(P('2026-06-15', '08:00', '2026-06-15', '08:00'))).toContain('au moment où elle commence');
  });
});
