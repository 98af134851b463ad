import { describe, expect, it } from 'vitest';
import {
  centiemesHeures,
  chiffreSaisi,
  erreursHoraires,
  erreursLigne,
  etatMission,
  fraisApresConstat,
  heuresFr,
  horairesOuverts,
  horsConstat,
  lireDecimal,
  lireEntier,
  nombreCandidatsExige,
  remunerationTexte,
} from './constat.ts';

const AUJ = '2026-06-15';

describe('état de la mission', () => {
  const base = { mode: 'copies' as const, nbConvoques: 3, nbConstates: 0, aujourdhui: AUJ };
  it('non effectuée (à venir), effectuée (passée), constatée (tous les convoqués ont leur constat)', () => {
    expect(etatMission({ ...base, debut: '2026-06-20', fin: '2026-06-20' })).toBe('non_effectuee');
    expect(etatMission({ ...base, debut: '2026-06-10', fin: '2026-06-12' })).toBe('effectuee');
    expect(etatMission({ ...base, debut: '2026-06-10', fin: '2026-06-12', nbConstates: 2 })).toBe('effectuee');
    expect(etatMission({ ...base, debut: '2026-06-10', fin: '2026-06-12', nbConstates: 3 })).toBe('constatee');
    expect(etatMission({ ...base, debut: '2026-06-10', fin: '2026-06-12', nbConvoques: 0 })).toBe('effectuee');
  });
  it('commencée : seulement pour une mission payée à la demi-journée, commencée et non terminée', () => {
    expect(etatMission({ ...base, mode: 'demi_journees', debut: '2026-06-14', fin: '2026-06-16' })).toBe('commencee');
    expect(etatMission({ ...base, mode: 'demi_journees', debut: '2026-06-15', fin: '2026-06-15' })).toBe('commencee');
    expect(etatMission({ ...base, mode: 'copies', debut: '2026-06-14', fin: '2026-06-16' })).toBe('non_effectuee');
    expect(horairesOuverts('commencee', 'demi_journees')).toBe(true);
    expect(horairesOuverts('non_effectuee', 'demi_journees')).toBe(false);
  });
  it('hors constat : correction dématérialisée, concours, Diplôme Comptable Supérieur', () => {
    expect(horsConstat({ correctionDematerialisee: true, examenSigle: 'BCG', examenLibelle: 'BACCALAUREAT GENERAL' })).toBe(true);
    expect(horsConstat({ correctionDematerialisee: false, examenSigle: 'CAGE', examenLibelle: 'BANQUE POLYTECHNIQUE ENS' })).toBe(true);
    expect(horsConstat({ correctionDematerialisee: false, examenSigle: 'DCS', examenLibelle: 'DIPLOME COMPTABLE SUPERIEUR' })).toBe(true);
    expect(horsConstat({ correctionDematerialisee: false, examenSigle: 'CE1', examenLibelle: 'CONCOURS PROFESS' })).toBe(true);
    expect(horsConstat({ correctionDematerialisee: false, examenSigle: 'BTS', examenLibelle: 'TOUS LES BTS' })).toBe(false);
  });
});

describe('saisie par mode de rémunération', () => {
  it('copies, candidats, horaires par demi-journée, heures ; rien pour les autres', () => {
    expect(chiffreSaisi('copies')).toBe('copies');
    expect(chiffreSaisi('candidats')).toBe('candidats');
    expect(chiffreSaisi('demi_journees')).toBe('horaires');
    expect(chiffreSaisi('heures')).toBe('heures');
    expect(chiffreSaisi('gestionnaire')).toBeNull();
    expect(chiffreSaisi('santorin')).toBeNull();
  });
  it('nombre de copies entre 0 et 999, chiffres seulement', () => {
    expect(lireEntier('12', 'Nombre de copies', 0, 999)).toEqual({ ok: true, valeur: 12 });
    expect(lireEntier('0', 'Nombre de copies', 0, 999)).toEqual({ ok: true, valeur: 0 });
    expect(lireEntier('', 'Nombre de copies', 0, 999)).toEqual({ ok: true, valeur: null });
    const trop = lireEntier('1000', 'Nombre de copies', 0, 999);
    expect(trop.ok === false && trop.message).toBe('Nombre de copies : la valeur doit être comprise entre 0 et 999.');
    const lettres = lireEntier('12a', 'Nombre de copies', 0, 999);
    expect(lettres.ok === false && lettres.message).toContain('chiffres seulement');
    expect(lireEntier('-1', 'Nombre de copies', 0, 999).ok).toBe(false);
  });
  it('heures décimales à la française', () => {
    expect(lireDecimal('7,5', 'Heures', { decimales: 2, format: 'x,xx', max: 999 })).toEqual({ ok: true, valeur: 750 });
    expect(lireDecimal('7.25', 'Heures', { decimales: 2, format: 'x,xx', max: 999 })).toEqual({ ok: true, valeur: 725 });
    expect(lireDecimal('sept', 'Heures', { decimales: 2, format: 'x,xx', max: 999 }).ok).toBe(false);
    expect(heuresFr(750)).toBe('7,5');
    expect(heuresFr(700)).toBe('7');
    expect(heuresFr(725)).toBe('7,25');
  });
  it('oral du 2nd groupe du bac général ou technologique : nombre de candidats exigé quand le service est fait (0 admis)', () => {
    const oral2 = { typeCode: 'ORAL2', typeLibelle: 'Oral 2nd groupe', examenCode: '470' };
    expect(nombreCandidatsExige(oral2)).toBe(true);
    expect(nombreCandidatsExige({ ...oral2, examenCode: '430' })).toBe(true);
    expect(nombreCandidatsExige({ ...oral2, examenCode: '400' })).toBe(false);
    expect(nombreCandidatsExige({ typeCode: 'INTORA', typeLibelle: 'INTERROGATION ORALE', examenCode: '470' })).toBe(false);
    const o = { chiffre: 'candidats' as const, candidatsExiges: true };
    expect(erreursLigne({ serviceFait: 'fait', motif: '', nbCopies: null, nbCandidats: null, heures: null }, o)).toHaveProperty('nbCandidats');
    expect(erreursLigne({ serviceFait: 'fait', motif: '', nbCopies: null, nbCandidats: 0, heures: null }, o)).toEqual({});
    expect(erreursLigne({ serviceFait: 'non_fait', motif: 'Absent', nbCopies: null, nbCandidats: null, heures: null }, o)).toEqual({});
  });
  it('motif obligatoire quand le service n’est pas fait ; un chiffre sans service fait ou non fait est refusé', () => {
    const o = { chiffre: 'copies' as const, candidatsExiges: false };
    expect(erreursLigne({ serviceFait: 'non_fait', motif: ' ', nbCopies: null, nbCandidats: null, heures: null }, o).motif).toContain('obligatoire');
    expect(erreursLigne({ serviceFait: null, motif: '', nbCopies: 12, nbCandidats: null, heures: null }, o)).toHaveProperty('serviceFait');
    expect(erreursLigne({ serviceFait: null, motif: '', nbCopies: null, nbCandidats: null, heures: null }, o)).toEqual({});
  });
});

describe('horaires par demi-journée', () => {
  const jours = ['2026-06-10', '2026-06-11'];
  it('heures constatées calculées', () => {
    const h = [
      { jour: '2026-06-10', debutMatin: '08:00', finMatin: '12:00', debutApresMidi: '13:30', finApresMidi: '17:00' },
      { jour: '2026-06-11', debutMatin: '10:00', finMatin: '12:00', debutApresMidi: null, finApresMidi: null },
    ];
    expect(erreursHoraires(h, jours)).toEqual({});
    expect(centiemesHeures(h)).toBe(950);
    expect(remunerationTexte('horaires', { nbCopies: null, nbCandidats: null, heures: 950 })).toBe("Nombre d'heures constatées : 9,5");
  });
  it('fin avant début, demi-journée incomplète, après-midi avant la fin du matin, date hors mission', () => {
    const e = erreursHoraires(
      [
        { jour: '2026-06-10', debutMatin: '12:00', finMatin: '10:00', debutApresMidi: '13:00', finApresMidi: null },
        { jour: '2026-06-11', debutMatin: '08:00', finMatin: '12:30', debutApresMidi: '12:00', finApresMidi: '15:00' },
        { jour: '2026-06-20', debutMatin: '08:00', finMatin: '09:00', debutApresMidi: null, finApresMidi: null },
      ],
      jours,
    );
    expect(e['horaires.2026-06-10.finMatin']).toBe('10/06/2026 : la fin du matin doit être après son début.');
    expect(e['horaires.2026-06-10.finApresMidi']).toContain("début et la fin de l'après-midi");
    expect(e['horaires.2026-06-11.debutApresMidi']).toContain('après la fin du matin');
    expect(e['horaires.2026-06-20.jour']).toContain("n'est pas une date de la mission");
  });
});

describe('rémunération imprimée', () => {
  it('« Nombre de copies : 12 »…', () => {
    expect(remunerationTexte('copies', { nbCopies: 12, nbCandidats: null, heures: null })).toBe('Nombre de copies : 12');
    expect(remunerationTexte('candidats', { nbCopies: null, nbCandidats: 9, heures: null })).toBe('Nombre de candidats : 9');
    expect(remunerationTexte('heures', { nbCopies: null, nbCandidats: null, heures: 700 })).toBe("Nombre d'heures effectuées : 7");
    expect(remunerationTexte('copies', { nbCopies: null, nbCandidats: null, heures: null })).toBe('');
    expect(remunerationTexte(null, { nbCopies: 3, nbCandidats: null, heures: null })).toBe('');
  });
});

describe('frais et service non fait', () => {
  it('« Service non fait » annule, « Service fait » rétablit le statut d’avant ; rien une fois traité par le gestionnaire', () => {
    const annule = fraisApresConstat({ statut: 'non_valide', statutAvantAnnulation: null }, 'non_fait');
    expect(annule).toEqual({ statut: 'annule', statutAvantAnnulation: 'non_valide' });
    expect(fraisApresConstat(annule!, 'fait')).toEqual({ statut: 'non_valide', statutAvantAnnulation: null });
    expect(fraisApresConstat({ statut: 'annule', statutAvantAnnulation: null }, 'fait')).toBeNull();
    expect(fraisApresConstat({ statut: 'valide_gestionnaire', statutAvantAnnulation: null }, 'non_fait')).toBeNull();
    expect(fraisApresConstat({ statut: 'annule', statutAvantAnnulation: 'valide' }, 'non_fait')).toBeNull();
  });
});
