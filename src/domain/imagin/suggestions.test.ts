import { describe, expect, it } from 'vitest';
import { cleCommune, distanceKm, estIndisponible, normaliserCommune, proposer, type CandidatSuggestion, type MissionSuggestion } from './suggestions.ts';

const RENNES = { lat: 48.111, lon: -1.68 };
const BREST = { lat: 48.39, lon: -4.486 };

const mission: MissionSuggestion = {
  dates: [{ jour: '2027-06-15', heureDebut: '08:00', heureFin: '12:00' }],
  centre: RENNES,
  parEtablissementMission: new Map([[7, 2]]),
  parEtablissementSession: new Map([[7, 3]]),
};

function candidat(id: number, p: Partial<CandidatSuggestion> = {}): CandidatSuggestion {
  return {
    personneId: id,
    civilite: 'Mme',
    nom: `NOM${id}`,
    prenom: 'Anne',
    disciplinePoste: 'L0202',
    etablissementId: 1,
    etablissementLibelle: 'LYCEE',
    coordonnees: RENNES,
    marques: [],
    occupations: [],
    convocationsSession: 0,
    dejaSurMission: false,
    ...p,
  };
}

describe('distanceKm', () => {
  it('gives the great-circle distance Rennes – Brest (about 210 km)', () => {
    expect(distanceKm(RENNES, BREST)).toBeGreaterThan(205);
    expect(distanceKm(RENNES, BREST)).toBeLessThan(215);
    expect(distanceKm(RENNES, RENNES)).toBe(0);
  });
});

describe('estIndisponible', () => {
  it('is true for an overlap, inclusive at the minute, false otherwise', () => {
    expect(estIndisponible(mission.dates, [{ debut: { date: '2027-06-15', heure: '12:00' }, fin: { date: '2027-06-15', heure: '14:00' } }])).toBe(true);
    expect(estIndisponible(mission.dates, [{ debut: { date: '2027-06-15', heure: '13:00' }, fin: { date: '2027-06-15', heure: '14:00' } }])).toBe(false);
    expect(estIndisponible(mission.dates, [{ debut: { date: '2027-06-10', heure: '00:00' }, fin: { date: '2027-06-20', heure: '23:59' } }])).toBe(true);
  });
});

describe('proposer', () => {
  it('never proposes someone unavailable or already on the mission, even the best one', () => {
    const occupe = candidat(1, { marques: [{ type: 'ETABLISSEMENT', code: '0350001A', nature: 'C' }], occupations: [{ debut: { date: '2027-06-15', heure: '00:00' }, fin: { date: '2027-06-15', heure: '23:59' } }] });
    const deja = candidat(2, { marques: [{ type: 'ETABLISSEMENT', code: '0350001A', nature: 'C' }], dejaSurMission: true });
    const libre = candidat(3);
    expect(proposer([occupe, deja, libre], mission).map((s) => s.personneId)).toEqual([3]);
  });

  it('ranks a validated compétence first, even far away and with load', () => {
    const competent = candidat(1, { marques: [{ type: 'ETABLISSEMENT', code: '0290001A', nature: 'C' }], coordonnees: BREST, convocationsSession: 2 });
    const proche = candidat(2);
    const [premier, second] = proposer([proche, competent], mission);
    expect(premier!.personneId).toBe(1);
    expect(premier!.raisons.map((r) => r.texte)).toEqual(
      expect.arrayContaining(['Compétence validée par l’établissement', '210 km du centre', '2 convocations dans la session']),
    );
    expect(second!.raisons.map((r) => r.texte)).toEqual(expect.arrayContaining(['Aucune compétence sur cette épreuve', 'Même commune que le centre', 'Aucune convocation dans la session']));
  });

  it('prefers the closer, the less loaded, and the établissement not yet convoked', () => {
    const m = (p: Partial<CandidatSuggestion>) => ({ marques: [{ type: 'INTERVENANT' as const, code: 'N', nature: 'C' as const }], ...p });
    expect(proposer([candidat(1, m({ coordonnees: BREST })), candidat(2, m({}))], mission)[0]!.personneId).toBe(2);
    expect(proposer([candidat(1, m({ convocationsSession: 3 })), candidat(2, m({}))], mission)[0]!.personneId).toBe(2);
    const r = proposer([candidat(1, m({ etablissementId: 7 })), candidat(2, m({}))], mission);
    expect(r[0]!.personneId).toBe(2);
    expect(r[1]!.raisons.map((x) => x.texte)).toContain('2 collègues de son établissement déjà convoqués sur la mission');
  });

  it('penalises a compétence invalidated by an établissement, and says when the distance is unknown', () => {
    const r = proposer([candidat(1, { marques: [{ type: 'SYS', code: 'SYS', nature: 'C' }, { type: 'ETABLISSEMENT', code: 'X', nature: 'I' }], coordonnees: null })], mission);
    expect(r[0]!.raisons.map((x) => x.texte)).toEqual(expect.arrayContaining(['Compétence issue de ses enseignements', 'Compétence invalidée par un établissement', 'Distance au centre inconnue']));
    expect(r[0]!.distanceKm).toBeNull();
  });

  it('keeps at most the limit, best first', () => {
    const tous = Array.from({ length: 80 }, (_, i) => candidat(i + 1, { convocationsSession: i % 5 }));
    const r = proposer(tous, mission, 10);
    expect(r).toHaveLength(10);
    expect(r.every((s) => s.convocationsSession === 0)).toBe(true);
  });
});

describe('communes', () => {
  it('matches names as établissements spell them', () => {
    expect(normaliserCommune('RENNES CEDEX 2')).toBe('RENNES');
    expect(normaliserCommune('Saint-Malo')).toBe('SAINT MALO');
    expect(normaliserCommune("LES SABLES-D'OLONNE")).toBe('LES SABLES D OLONNE');
    expect(cleCommune('Fougères', '35300')).toBe('35|FOUGERES');
    expect(cleCommune('TOULOUSE CEDEX 7', '31077')).toBe('31|TOULOUSE');
  });
});
