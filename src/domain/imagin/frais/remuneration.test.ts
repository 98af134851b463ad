import { describe, expect, it } from 'vitest';
import { chiffreCompare, libelleSaisie, montantRemuneration, remunerationLectureSeule, saisieAttendue, tauxApplicables, tauxEnVigueur, verifierRemuneration } from './remuneration.ts';

const type = (mode: any, typeLibelle: string, o: { epreuveCode?: string | null; correctionDematerialisee?: boolean; typeCode?: string } = {}) =>
  saisieAttendue({ mode, typeCode: o.typeCode ?? 'X', typeLibelle, epreuveCode: o.epreuveCode ?? null, correctionDematerialisee: o.correctionDematerialisee ?? false });

// Rates of the arrêté du 13 avril 2012 (centimes): taux 1 and 3.
const TAUX1 = { copieCentimes: 75, heureCentimes: 411 };
const TAUX3 = { copieCentimes: 173, heureCentimes: 960 };

describe('saisie attendue par type de mission (004 §2.4.4.2)', () => {
  it('copies, candidats, demi-journées, heures et minutes, SANTORIN, gestionnaire', () => {
    expect(type('copies', 'CORRECTION DE COPIES')).toBe('copies');
    expect(type('candidats', 'INTERROGATION ORALE', { epreuveCode: '1-T004-1' })).toBe('candidats');
    expect(type('candidats', 'ENTRETIEN DOSSIER DE VAE')).toBe('candidats');
    // Oral on an EC épreuve: the oral ponctuel of the contrôle continu → half-days.
    expect(type('candidats', 'INTERROGATION ORALE', { epreuveCode: 'C010' })).toBe('demi_journees');
    expect(type('demi_journees', 'épreuve pratique')).toBe('demi_journees');
    expect(type('demi_journees', 'épreuve sportive')).toBe('demi_journees');
    expect(type('gestionnaire', 'Épreuve orale ponctuelle au titre du contrôle continu')).toBe('demi_journees');
    expect(type('heures_minutes', 'entretien recrutement sans concours')).toBe('heures_minutes');
    expect(type('heures_minutes', 'lecture de mémoire')).toBe('heures_minutes');
    expect(type('santorin', 'Epreuve commune de contrôle continu')).toBe('santorin');
    expect(type('copies', 'Épreuve écrite ponctuelle au titre du contrôle continu')).toBe('santorin');
    expect(type('santorin', 'Correction EC', { correctionDematerialisee: true })).toBe('santorin');
    expect(type('copies', 'CORRECTION DE COPIES', { correctionDematerialisee: true })).toBe('santorin');
    expect(type('heures', 'AIDE EXTER. AU DEROULEMENT DES EPREUVES')).toBeNull();
    expect(type('heures', 'SURVEILLANCE')).toBeNull();
    expect(type('gestionnaire', 'JURY DE DELIBERATION')).toBeNull();
  });

  it('lecture seule : SANTORIN, correction dématérialisée, convocation du ministère', () => {
    expect(remunerationLectureSeule({ saisieAttendue: 'santorin', emiseParMinistere: false, correctionDematerialisee: false })).toBe(true);
    expect(remunerationLectureSeule({ saisieAttendue: 'copies', emiseParMinistere: true, correctionDematerialisee: false })).toBe(true);
    expect(remunerationLectureSeule({ saisieAttendue: 'copies', emiseParMinistere: false, correctionDematerialisee: false })).toBe(false);
  });
});

describe('montant de la rémunération (centimes, arrondi au centime)', () => {
  it('chaque mode de rémunération', () => {
    expect(montantRemuneration({ type: 'copies', copies: 12 }, TAUX1)).toBe(900);
    expect(montantRemuneration({ type: 'copies', copies: 40 }, { copieCentimes: 500, heureCentimes: null })).toBe(20000);
    // 7 candidats × 20 min = 140 min × 9,60 €/h = 22,40 €.
    expect(montantRemuneration({ type: 'candidats', candidats: 7 }, TAUX3)).toBe(2240);
    // 08:00–12:00 and 13:30–17:00 = 7 h 30 × 9,60 = 72,00 €.
    expect(
      montantRemuneration(
        { type: 'demi_journees', demiJournees: [{ jour: '2026-06-15', debut: '08:00', fin: '12:00' }, { jour: '2026-06-15', debut: '13:30', fin: '17:00' }] },
        TAUX3,
      ),
    ).toBe(7200);
    // 2 h 45 × 4,11 = 11,3025 € → 11,30 €.
    expect(montantRemuneration({ type: 'heures_minutes', heures: 2, minutes: 45 }, TAUX1)).toBe(1130);
  });

  it('arrondi au centime le plus proche, sur le total', () => {
    // 1 candidat: 20 min × 4,11 €/h = 1,37 €; 2: 2,74 €; 1 min × 4,11 = 6,85 c → 7 c.
    expect(montantRemuneration({ type: 'candidats', candidats: 1 }, TAUX1)).toBe(137);
    expect(montantRemuneration({ type: 'heures_minutes', heures: 0, minutes: 1 }, TAUX1)).toBe(7);
    // 0 h 10 × 5,49 €/h = 0,915 € → 0,92 € (half up).
    expect(montantRemuneration({ type: 'heures_minutes', heures: 0, minutes: 10 }, { copieCentimes: 110, heureCentimes: 549 })).toBe(92);
    // Rounding once: 3 × 1 min at 4,11 = 20,55 c → 21 c (not 3 × 7 = 21 by chance: check 7 min = 47,95 → 48).
    expect(montantRemuneration({ type: 'heures_minutes', heures: 0, minutes: 7 }, TAUX1)).toBe(48);
  });

  it('rien à calculer : pas de saisie, pas de taux, pas de taux horaire', () => {
    expect(montantRemuneration(null, TAUX1)).toBeNull();
    expect(montantRemuneration({ type: 'copies', copies: 3 }, null)).toBeNull();
    expect(montantRemuneration({ type: 'copies', copies: null }, TAUX1)).toBeNull();
    expect(montantRemuneration({ type: 'candidats', candidats: 3 }, { copieCentimes: 500, heureCentimes: null })).toBeNull();
  });

  it('taux en vigueur à la date de la mission', () => {
    const lignes = [
      { taux: 1, depuis: '2012-04-13', copie: 75 },
      { taux: 1, depuis: '2027-01-01', copie: 80 },
      { taux: 2, depuis: '2012-04-13', copie: 110 },
    ];
    expect(tauxEnVigueur(lignes, 1, '2026-06-15')?.copie).toBe(75);
    expect(tauxEnVigueur(lignes, 1, '2027-01-01')?.copie).toBe(80);
    expect(tauxEnVigueur(lignes, 1, '2027-06-01')?.copie).toBe(80);
    expect(tauxEnVigueur(lignes, 1, '2010-01-01')).toBeNull();
    expect(tauxEnVigueur(lignes, 2, '2030-01-01')?.copie).toBe(110);
  });

  it("taux applicable : celui de l'épreuve-option, sinon selon l'examen", () => {
    expect(tauxApplicables({ tauxEpreuve: 2, examenSigle: 'BCG' })).toEqual({ copie: 2, heure: 2 });
    expect(tauxApplicables({ tauxEpreuve: 5, examenSigle: 'DNB' })).toEqual({ copie: 5, heure: 4 });
    expect(tauxApplicables({ tauxEpreuve: null, examenSigle: 'BCG' })).toEqual({ copie: 5, heure: 3 });
    expect(tauxApplicables({ tauxEpreuve: null, examenSigle: 'BTS' })).toEqual({ copie: 5, heure: 3 });
    expect(tauxApplicables({ tauxEpreuve: null, examenSigle: 'DNB' })).toEqual({ copie: 1, heure: 1 });
    expect(tauxApplicables({ tauxEpreuve: null, examenSigle: 'CAP' })).toEqual({ copie: 1, heure: 1 });
  });
});

describe('contrôles de la saisie (messages en français nommant le champ)', () => {
  const jours = ['2026-06-15', '2026-06-16'];
  it('nombres entiers positifs bornés', () => {
    expect(verifierRemuneration('copies', { type: 'copies', copies: 12 }, jours)).toEqual({});
    expect(verifierRemuneration('copies', { type: 'copies', copies: -1 }, jours)).toEqual({ 'remuneration.copies': 'Nombre de copies corrigées : entier positif attendu.' });
    expect(verifierRemuneration('copies', { type: 'copies', copies: 2.5 }, jours)['remuneration.copies']).toMatch(/entier positif/);
    expect(verifierRemuneration('copies', { type: 'copies', copies: 1000 }, jours)).toEqual({ 'remuneration.copies': 'Nombre de copies corrigées : 999 au plus.' });
    expect(verifierRemuneration('candidats', { type: 'candidats', candidats: null }, jours)).toEqual({});
    expect(verifierRemuneration('candidats', { type: 'candidats', candidats: null }, jours, { complete: true })).toEqual({ 'remuneration.candidats': 'Nombre de candidats interrogés : obligatoire.' });
    expect(verifierRemuneration('heures_minutes', { type: 'heures_minutes', heures: 2, minutes: 75 }, jours)).toEqual({ 'remuneration.minutes': 'Minutes : entier entre 0 et 59 attendu.' });
  });
  it('demi-journées : dates de la mission, heures, fin après début, pas de chevauchement', () => {
    const e = verifierRemuneration(
      'demi_journees',
      {
        type: 'demi_journees',
        demiJournees: [
          { jour: '2026-06-15', debut: '08:00', fin: '12:00' },
          { jour: '2026-06-15', debut: '11:00', fin: '13:00' },
          { jour: '2026-06-20', debut: '08:00', fin: '12:00' },
          { jour: '2026-06-16', debut: '14:00', fin: '13:00' },
          { jour: '2026-06-16', debut: '8h', fin: '13:00' },
        ],
      },
      jours,
    );
    expect(e['remuneration.demiJournees.1.debut']).toBe('Demi-journée 2 : chevauche la demi-journée 1 du 15/06/2026.');
    expect(e['remuneration.demiJournees.2.jour']).toBe("Demi-journée 3, date : le 20/06/2026 n'est pas une date de la mission.");
    expect(e['remuneration.demiJournees.3.fin']).toBe("Demi-journée 4, heure de fin : doit être après l'heure de début.");
    expect(e['remuneration.demiJournees.4.debut']).toMatch(/format HH:MM/);
    expect(e['remuneration.demiJournees.0.jour']).toBeUndefined();
  });
  it('une saisie pour une mission qui n’en demande pas est refusée', () => {
    expect(verifierRemuneration(null, { type: 'copies', copies: 3 }, jours).remuneration).toMatch(/ne demande pas de saisie/);
    expect(verifierRemuneration('santorin', null, jours)).toEqual({});
    expect(verifierRemuneration('copies', { type: 'candidats', candidats: 3 }, jours).remuneration).toMatch(/ne correspond pas/);
  });
});

describe('libellés et chiffre comparé au constat', () => {
  it('libellés', () => {
    expect(libelleSaisie({ type: 'copies', copies: 1 })).toBe('1 copie corrigée');
    expect(libelleSaisie({ type: 'candidats', candidats: 7 })).toBe('7 candidats interrogés');
    expect(libelleSaisie({ type: 'heures_minutes', heures: 3, minutes: 5 })).toBe('3 h 05');
  });
  it('heures en centièmes comme le constat', () => {
    expect(chiffreCompare({ type: 'heures_minutes', heures: 2, minutes: 30 })).toBe(250);
    expect(chiffreCompare({ type: 'copies', copies: 30 })).toBe(30);
    expect(chiffreCompare({ type: 'demi_journees', demiJournees: [{ jour: '2026-06-15', debut: '08:00', fin: '12:15' }] })).toBe(425);
  });
});
