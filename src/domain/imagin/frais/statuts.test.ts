import { describe, expect, it } from 'vitest';
import { messagesSuivi, premierAcces, saisieModifiable, statutsAffiches, type EntreeStatuts, type EntreeSuivi } from './statuts.ts';

const base: EntreeStatuts = {
  workflow: 'non_valide',
  aujourdhui: '2026-06-20',
  premierJour: '2026-06-15',
  dernierJour: '2026-06-16',
  saisieAttendue: 'copies',
  correctionDematerialisee: false,
  deplacementOuvert: true,
  invalidable: false,
};
const s = (o: Partial<EntreeStatuts>) => statutsAffiches({ ...base, ...o });

describe('statuts affichés (004 §2.4.2)', () => {
  it('selon la date du jour : à venir, en cours, achevée', () => {
    expect(s({ aujourdhui: '2026-06-14' })).toEqual({ remuneration: 'mission_non_effectuee', deplacement: 'mission_non_effectuee' });
    expect(s({ aujourdhui: '2026-06-15' })).toEqual({ remuneration: 'mission_en_cours', deplacement: 'mission_en_cours' });
    expect(s({ aujourdhui: '2026-06-16' })).toEqual({ remuneration: 'mission_en_cours', deplacement: 'mission_en_cours' });
    expect(s({ aujourdhui: '2026-06-17' })).toEqual({ remuneration: 'non_valide', deplacement: 'non_valide' });
  });
  it('selon le circuit', () => {
    expect(s({ workflow: 'valide' })).toEqual({ remuneration: 'valide', deplacement: 'valide' });
    expect(s({ workflow: 'valide_gestionnaire' })).toEqual({ remuneration: 'valide_gestionnaire', deplacement: 'valide_gestionnaire' });
    expect(s({ workflow: 'traite_gestionnaire' })).toEqual({ remuneration: 'traite_gestionnaire', deplacement: 'traite_gestionnaire' });
    expect(s({ workflow: 'annule', deplacementOuvert: false })).toEqual({ remuneration: 'annule', deplacement: 'annule' });
    expect(s({ workflow: 'mission_non_effectuee' })).toEqual({ remuneration: 'mission_non_effectuee', deplacement: 'mission_non_effectuee' });
  });
  it('selon le mode de paiement et le déplacement', () => {
    expect(s({ saisieAttendue: null })).toEqual({ remuneration: 'a_traiter_gestionnaire', deplacement: 'non_valide' });
    expect(s({ saisieAttendue: null, workflow: 'valide' }).remuneration).toBe('valide');
    expect(s({ saisieAttendue: null, aujourdhui: '2026-06-01' }).remuneration).toBe('mission_non_effectuee');
    expect(s({ saisieAttendue: 'santorin', correctionDematerialisee: true, deplacementOuvert: false })).toEqual({ remuneration: 'traite_gestionnaire', deplacement: 'pas_de_frais' });
    expect(s({ deplacementOuvert: false })).toEqual({ remuneration: 'non_valide', deplacement: 'pas_de_frais' });
    expect(s({ invalidable: true })).toEqual({ remuneration: 'non_valide', deplacement: 'invalidable' });
    expect(s({ invalidable: true, workflow: 'valide' }).deplacement).toBe('valide');
  });
  it('modifiable : non validé et mission commencée ; premier accès tant que « Compléter » n’a pas été choisi', () => {
    expect(saisieModifiable(base)).toBe(true);
    expect(saisieModifiable({ ...base, aujourdhui: '2026-06-15' })).toBe(true);
    expect(saisieModifiable({ ...base, aujourdhui: '2026-06-14' })).toBe(false);
    expect(saisieModifiable({ ...base, workflow: 'valide' })).toBe(false);
    expect(saisieModifiable({ ...base, workflow: 'mission_non_effectuee' })).toBe(false);
    expect(premierAcces({ ...base, saisieCommencee: false })).toBe(true);
    expect(premierAcces({ ...base, saisieCommencee: true })).toBe(false);
  });
});

describe('messages du Suivi', () => {
  const suivi: EntreeSuivi = {
    ...base,
    numeroOrdre: null,
    valideLe: null,
    traiteLe: null,
    payeLe: null,
    rejetMotif: null,
    annulationMotif: null,
    serviceNonFait: false,
    emiseParMinistere: false,
    commentaireRegroupement: null,
    montantRemunerationCentimes: null,
    montantDeplacementCentimes: null,
    retenuRemunerationCentimes: null,
    retenuDeplacementCentimes: null,
  };
  it('à compléter, validé, annulé, montants', () => {
    expect(messagesSuivi(suivi)).toContain("La mission est achevée : complétez l'état de frais puis validez-le pour qu'il soit transmis au gestionnaire.");
    const v = messagesSuivi({ ...suivi, workflow: 'valide', valideLe: '2026-06-21', numeroOrdre: 12, montantRemunerationCentimes: 126800, retenuDeplacementCentimes: 4000 });
    expect(v[0]).toBe('Frais de rémunération : Validé. Frais de déplacement : Validé.');
    expect(v).toContain("Vous avez validé l'état de frais le 21/06/2026 ; numéro d'ordre 12, à rappeler pour tout échange avec le gestionnaire.");
    expect(v).toContain('Montant de la rémunération estimé : 1\u00a0268,00\u00a0€ (le montant retenu par le gestionnaire fait foi).');
    expect(v).toContain('Montant du déplacement retenu par le gestionnaire : 40,00\u00a0€.');
    expect(messagesSuivi({ ...suivi, workflow: 'annule', serviceNonFait: true }).join(' ')).toContain('service non fait');
    expect(messagesSuivi({ ...suivi, workflow: 'annule', annulationMotif: 'Doublon' }).join(' ')).toContain('(motif : Doublon)');
    expect(messagesSuivi({ ...suivi, rejetMotif: 'RIB illisible' }).join(' ')).toContain('renvoyé par le gestionnaire : RIB illisible');
    expect(messagesSuivi({ ...suivi, commentaireRegroupement: 'Missions 12 et 13 regroupées.' })).toContain('Regroupement : Missions 12 et 13 regroupées.');
    expect(messagesSuivi({ ...suivi, deplacementOuvert: false }).join(' ')).toContain('ne donne pas lieu à remboursement de frais de déplacement');
  });
});
