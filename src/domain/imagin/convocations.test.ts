import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anneesProposees,
  avertissementChevauchements,
  avertissementHLP,
  datesLimiteesAuGestionnaire,
  demanderReportCOEC,
  erreursDates,
  estEpreuveEC,
  estEpreuveHLP,
  joursSelectionnables,
  memesDates,
  motifConvocationAutreAcademie,
  nomZipConvocations,
  profilHLP,
  qualiteRetenue,
  qualitesProposees,
  refusInterrogationEC,
  type DatesMission,
  type QualiteRegles,
  type TypeMissionRegles,
} from './convocations.ts';
import type { Creneau } from './dates.ts';

const c = (jour: string, heureDebut = '08:00', heureFin = '12:00'): Creneau => ({ jour, heureDebut, heureFin });

const type = (code: string, o: Partial<TypeMissionRegles> = {}): TypeMissionRegles => ({
  code,
  libelle: code,
  correctionDematerialisee: false,
  sansQualite: false,
  ouverteSansCiblage: false,
  ...o,
});

const QUALITES: QualiteRegles[] = [
  { id: 1, libelle: 'Président de jury', santorin: false },
  { id: 2, libelle: 'Correcteur', santorin: true },
  { id: 3, libelle: 'Correcteur suppléant (SANTORIN)', santorin: true },
  { id: 4, libelle: 'Référent correcteur', santorin: true },
  { id: 5, libelle: 'Correcteur Santorin', santorin: true },
  { id: 6, libelle: 'Interrogateur', santorin: false },
];

describe('qualités', () => {
  it('propose toutes les qualités, celles de SANTORIN pour la correction dématérialisée, aucune pour la numérisation', () => {
    expect(qualitesProposees(type('CORCOP'), QUALITES).map((q) => q.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(qualitesProposees(type('CEC', { correctionDematerialisee: true }), QUALITES).map((q) => q.libelle)).toEqual([
      'Correcteur',
      'Correcteur suppléant (SANTORIN)',
      'Référent correcteur',
      'Correcteur Santorin',
    ]);
    expect(qualitesProposees(type('NUMCOP', { sansQualite: true }), QUALITES)).toEqual([]);
  });

  it('retient « Correcteur Santorin » quand la qualité est vide sur une correction EC', () => {
    expect(qualiteRetenue(type('CEC', { correctionDematerialisee: true }), QUALITES, null)).toEqual({ ok: true, qualite: QUALITES[4] });
    expect(qualiteRetenue(type('CEC', { correctionDematerialisee: true }), QUALITES, 4)).toEqual({ ok: true, qualite: QUALITES[3] });
    // Without the qualité in the académie's list, nothing to fall back on.
    expect(qualiteRetenue(type('CEC', { correctionDematerialisee: true }), QUALITES.slice(0, 4), null)).toEqual({ ok: true, qualite: null });
    expect(qualiteRetenue(type('CORCOP'), QUALITES, null)).toEqual({ ok: true, qualite: null });
  });

  it('refuse une qualité hors de la liste proposée, et toute qualité pour la numérisation', () => {
    const r = qualiteRetenue(type('CEC', { libelle: 'Correction EC', correctionDematerialisee: true }), QUALITES, 1);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('choisissez une qualité SANTORIN') });
    expect(qualiteRetenue(type('CORCOP'), QUALITES, 99)).toEqual({ ok: false, message: 'Qualité : choisissez une qualité de la liste.' });
    expect(qualiteRetenue(type('NUMCOP', { libelle: 'NUMERISATION DES COPIES', sansQualite: true }), QUALITES, 2)).toEqual({
      ok: false,
      message: "Qualité : aucune qualité n'est à renseigner pour une mission « NUMERISATION DES COPIES ».",
    });
    expect(qualiteRetenue(type('NUMCOP', { sansQualite: true }), QUALITES, null)).toEqual({ ok: true, qualite: null });
  });
});

describe('dates et commissions', () => {
  const mission = [c('2026-06-16'), c('2026-06-15', '14:00', '18:00')];
  const base: DatesMission = { typeCode: 'CORCOP', mission, commission: null, aDesCommissions: false, dateLimitee: null };

  it('sans commission, surligne les dates de la mission, triées', () => {
    expect(joursSelectionnables(base)).toEqual([c('2026-06-15', '14:00', '18:00'), c('2026-06-16')]);
  });

  it('avec des commissions, rien tant qu’aucune n’est choisie, puis les dates de la commission', () => {
    const avec: DatesMission = { ...base, aDesCommissions: true };
    expect(joursSelectionnables(avec)).toEqual([]);
    expect(erreursDates(avec, [c('2026-06-15')])).toEqual({ commissionId: 'Commission : choisissez la commission sur laquelle vous convoquez.' });
    const k = { ...avec, commission: [c('2026-06-16', '14:00', '18:00')] };
    expect(joursSelectionnables(k)).toEqual([c('2026-06-16', '14:00', '18:00')]);
    expect(erreursDates(k, [c('2026-06-16', '14:00', '18:00')])).toEqual({});
    expect(erreursDates(k, [c('2026-06-15')])).toEqual({ 'dates.0.jour': "Date : le 15/06/2026 n'est pas une date de la commission." });
  });

  it('exige au moins une date, chacune une seule fois, parmi les dates proposées, la fin après le début', () => {
    expect(erreursDates(base, [])).toEqual({ dates: "Dates de l'affectation : sélectionnez au moins une date dans le calendrier." });
    expect(erreursDates(base, [c('2026-06-15', '14:00', '18:00'), c('2026-06-16', '09:00', '11:00')])).toEqual({});
    const e = erreursDates(base, [c('2026-06-17'), c('2026-06-16', '12:00', '12:00'), c('2026-06-16')]);
    expect(e['dates.0.jour']).toBe("Date : le 17/06/2026 n'est pas une date de la mission.");
    expect(e['dates.1.heureFin']).toBe("Heure de fin : le 16/06/2026, l'heure de fin (12:00) doit être postérieure à l'heure de début (12:00).");
    expect(e['dates.2.jour']).toBe('Date : le 16/06/2026 est sélectionné deux fois.');
  });

  it('COEC et PRECE : la seule date est celle du gestionnaire', () => {
    expect(datesLimiteesAuGestionnaire('COEC')).toBe(true);
    expect(datesLimiteesAuGestionnaire('PRECE')).toBe(true);
    expect(datesLimiteesAuGestionnaire('CEC')).toBe(false);
    const coec: DatesMission = { ...base, typeCode: 'COEC', dateLimitee: '2026-06-16' };
    expect(joursSelectionnables(coec)).toEqual([c('2026-06-16')]);
    expect(erreursDates(coec, [c('2026-06-15', '14:00', '18:00')])).toEqual({
      'dates.0.jour': 'Date : pour cette mission, la convocation ne peut porter que sur le 16/06/2026, date fixée par le gestionnaire.',
    });
    // A date outside the mission's: the whole day by default.
    expect(joursSelectionnables({ ...base, typeCode: 'PRECE', dateLimitee: '2026-06-20' })).toEqual([c('2026-06-20', '08:00', '18:00')]);
    // Without the gestionnaire's date, the mission's dates.
    expect(joursSelectionnables({ ...base, typeCode: 'PRECE' })).toHaveLength(2);
  });

  it('reconnaît les dates de la mission ou de la commission (pas de dates propres), à la minute et dans tout ordre', () => {
    expect(memesDates([c('2026-06-16'), c('2026-06-15', '14:00:00', '18:00:00')], mission)).toBe(true);
    expect(memesDates([c('2026-06-16')], mission)).toBe(false);
    expect(memesDates([c('2026-06-16', '08:00', '11:00'), c('2026-06-15', '14:00', '18:00')], mission)).toBe(false);
    fc.assert(
      fc.property(fc.shuffledSubarray(mission, { minLength: mission.length, maxLength: mission.length }), (perm) => {
        expect(memesDates(perm, mission)).toBe(true);
      }),
    );
  });
});

describe('COEC : report des dates et observations sur la mission', () => {
  const saisies = { dates: [c('2026-06-10', '13:00', '17:00')], observation: 'Copies à 13 h.' };

  it('demande à la première convocation, puis tant que rien n’a été reporté', () => {
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: true, reportees: { dates: saisies.dates, observation: saisies.observation }, saisies })).toBe(true);
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: false, reportees: { dates: [], observation: null }, saisies })).toBe(true);
  });

  it('ne demande pas quand la saisie reprend ce qui est reporté, redemande après une modification de date ou d’observation', () => {
    const reportees = { dates: [c('2026-06-10', '13:00:00', '17:00:00')], observation: 'Copies à 13 h. ' };
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: false, reportees, saisies })).toBe(false);
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: false, reportees, saisies: { ...saisies, dates: [c('2026-06-10', '08:00', '12:00')] } })).toBe(true);
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: false, reportees, saisies: { ...saisies, observation: 'Autre consigne.' } })).toBe(true);
    // An observation reported empty is a choice too.
    expect(demanderReportCOEC({ typeCode: 'COEC', premiereConvocation: false, reportees: { dates: saisies.dates, observation: '' }, saisies: { ...saisies, observation: '' } })).toBe(false);
  });

  it('ne concerne que les missions COEC', () => {
    for (const code of ['CEC', 'PRECE', 'CORCOP', 'NUMCOP']) {
      expect(demanderReportCOEC({ typeCode: code, premiereConvocation: true, reportees: { dates: [], observation: null }, saisies })).toBe(false);
    }
  });
});

describe('règles EC et HLP', () => {
  it('reconnaît les épreuves des évaluations communes à leur code', () => {
    for (const code of ['C001A', 'C0038', 'C010', 'C009']) expect(estEpreuveEC(code)).toBe(true);
    for (const code of ['1-T004-1', 'MATH', 'CHEOEUVR', '', null, undefined]) expect(estEpreuveEC(code)).toBe(false);
  });

  it("refuse l'interrogation orale EC tant que CYCLADES n'a pas affecté les candidats", () => {
    const refus = refusInterrogationEC({ typeCode: 'INTORA', codeEpreuve: 'C0038', candidatsAffectes: false });
    expect(refus).toContain("n'est possible qu'une fois l'affectation des candidats à l'épreuve achevée dans CYCLADES");
    expect(refusInterrogationEC({ typeCode: 'INTORA', codeEpreuve: 'C0038', candidatsAffectes: true })).toBeNull();
    // Not an EC épreuve, or not an oral: no such rule.
    expect(refusInterrogationEC({ typeCode: 'INTORA', codeEpreuve: '1-T004-1', candidatsAffectes: false })).toBeNull();
    expect(refusInterrogationEC({ typeCode: 'CEC', codeEpreuve: 'C0038', candidatsAffectes: false })).toBeNull();
  });

  it('lit le profil HLP dans la discipline de poste', () => {
    expect(profilHLP('LETTRES MODERNES')).toBe('lettres');
    expect(profilHLP('Lettres classiques')).toBe('lettres');
    expect(profilHLP('PHILOSOPHIE')).toBe('philosophie');
    expect(profilHLP('Philosophie ')).toBe('philosophie');
    expect(profilHLP('MATHEMATIQUES')).toBeNull();
    expect(estEpreuveHLP('C009')).toBe(true);
    expect(estEpreuveHLP('C0091')).toBe(true);
    expect(estEpreuveHLP('X', 'Humanités, littérature philo partie philo')).toBe(true);
    expect(estEpreuveHLP('C010', 'Mathématiques')).toBe(false);
  });

  it('avertit sur une COEC HLP tant que les deux profils ne sont pas convoqués', () => {
    const p = { typeCode: 'COEC', codeEpreuve: 'C009', libelleEpreuve: 'Humanités, littérature philo' };
    expect(avertissementHLP({ ...p, disciplinesConvoquees: [] })).toBe(
      'Épreuve Humanités, littérature et philosophie : deux profils de correcteurs doivent être missionnés. Il manque un professeur de lettres et un professeur de philosophie.',
    );
    expect(avertissementHLP({ ...p, disciplinesConvoquees: ['LETTRES MODERNES', 'MATHEMATIQUES'] })).toContain('Il manque un professeur de philosophie.');
    expect(avertissementHLP({ ...p, disciplinesConvoquees: ['PHILOSOPHIE'] })).toContain('Il manque un professeur de lettres.');
    expect(avertissementHLP({ ...p, disciplinesConvoquees: ['PHILOSOPHIE', 'LETTRES CLASSIQUES'] })).toBeNull();
    // Other épreuves, other types: no warning.
    expect(avertissementHLP({ ...p, codeEpreuve: 'C010', libelleEpreuve: 'Mathématiques', disciplinesConvoquees: [] })).toBeNull();
    expect(avertissementHLP({ ...p, typeCode: 'CEC', disciplinesConvoquees: [] })).toBeNull();
  });
});

describe('chevauchements', () => {
  const personne = (nom: string, o: Partial<Parameters<typeof avertissementChevauchements>[1][number]> = {}) => ({ nom, prenom: 'Anne', indisponibilites: [], convocations: [], ...o });

  it('nomme chaque personne indisponible ou déjà convoquée sur les dates choisies', () => {
    const dates = [c('2026-06-15'), c('2026-06-16', '14:00', '18:00')];
    const r = avertissementChevauchements(dates, [
      personne('ALICE', { indisponibilites: [{ motif: 'CONGE DE MALADIE', periode: { debut: { date: '2026-06-01', heure: '00:00' }, fin: { date: '2026-06-15', heure: '08:00' } } }] }),
      personne('BRUNO', { convocations: [{ numeroMission: 112440, typeMission: 'CORRECTION DE COPIES', creneaux: [c('2026-06-16', '09:00', '14:00')] }] }),
      personne('CHLOE', {
        indisponibilites: [{ motif: 'SORTIE', periode: { debut: { date: '2026-06-15', heure: '12:01' }, fin: { date: '2026-06-16', heure: '13:59' } } }],
        convocations: [{ numeroMission: 1, typeMission: 'JURY', creneaux: [c('2026-06-17')] }],
      }),
    ]);
    expect(r).toBe(
      'Attention, sur les dates choisies : ALICE Anne : indisponible (CONGE DE MALADIE) ; BRUNO Anne : déjà convoqué(e) sur la mission n° 112440 (CORRECTION DE COPIES).',
    );
  });

  it('ne dit rien quand personne ne chevauche', () => {
    expect(avertissementChevauchements([c('2026-06-15')], [personne('ALICE')])).toBeNull();
    expect(avertissementChevauchements([], [personne('ALICE', { convocations: [{ numeroMission: 1, typeMission: 'X', creneaux: [c('2026-06-15')] }] })])).toBeNull();
  });

  it('avertit si et seulement si une période touche une date choisie (propriété)', () => {
    const heure = fc.constantFrom('00:00', '08:00', '12:00', '14:00', '18:00', '23:59');
    const jour = fc.constantFrom('2026-06-14', '2026-06-15', '2026-06-16');
    const creneau = fc.tuple(jour, heure, heure).filter(([, a, b]) => a < b).map(([j, a, b]) => c(j, a, b));
    fc.assert(
      fc.property(fc.array(creneau, { minLength: 1, maxLength: 3 }), creneau, (dates, autre) => {
        const r = avertissementChevauchements(dates, [personne('X', { convocations: [{ numeroMission: 7, typeMission: 'T', creneaux: [autre] }] })]);
        const touche = dates.some((d) => d.jour === autre.jour && d.heureDebut <= autre.heureFin && autre.heureDebut <= d.heureFin);
        expect(r !== null).toBe(touche);
      }),
    );
  });
});

describe('divers', () => {
  it('nomme le ZIP SIGLE_MISSION_AAAAMMJJ', () => {
    expect(nomZipConvocations('BCG', 112121, '2016-12-14')).toBe('BCG_112121_20161214.zip');
    expect(nomZipConvocations('EA-BCG', 140001, '2026-06-15')).toBe('EA-BCG_140001_20260615.zip');
    expect(nomZipConvocations('BTS MCO', 1, '2026-01-02')).toBe('BTS-MCO_1_20260102.zip');
  });

  it('propose les années N−3 à N+1', () => {
    expect(anneesProposees(2026)).toEqual([2023, 2024, 2025, 2026, 2027]);
  });

  it("dit le motif de l'indisponibilité donnée par une autre académie", () => {
    expect(motifConvocationAutreAcademie('TOULOUSE')).toBe('CONVOCATION PAR IMAGIN TOULOUSE');
  });
});
