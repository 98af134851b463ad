// The « Déplacement » tab's rules (seed 004 §2.4.4.3, decision 0029): each transport mode's amount, the
// dated rates, the rounding, the first mission of the day, the frais divers, the checks of a line.
import { describe, expect, it } from 'vitest';
import {
  categorieKm,
  deplacementOuvert,
  euros,
  lignePreremplie,
  lireEuros,
  missionsInvalidables,
  montantDeplacement,
  montantLigne,
  normaliserCommune,
  normaliserLigne,
  tauxDepuisVue,
  tauxEnVigueur,
  tauxVersVue,
  verifierLigne,
  verifierLignes,
  type TauxDeplacement,
  type TauxForfaitDate,
  type TauxKmDate,
} from './deplacement.ts';
import type { LigneDeplacement } from './types.ts';

// The arrêtés' rates, as migration 022 seeds them.
const KM: TauxKmDate[] = [
  { categorie: '5CV', bande: 1, depuis: '2022-01-01', centimes: 32 },
  { categorie: '5CV', bande: 2, depuis: '2022-01-01', centimes: 40 },
  { categorie: '5CV', bande: 3, depuis: '2022-01-01', centimes: 23 },
  { categorie: '6-7CV', bande: 1, depuis: '2022-01-01', centimes: 41 },
  { categorie: '6-7CV', bande: 2, depuis: '2022-01-01', centimes: 51 },
  { categorie: '8CV', bande: 1, depuis: '2022-01-01', centimes: 45 },
  { categorie: 'MOTO', bande: 1, depuis: '2022-01-01', centimes: 15 },
  { categorie: 'CYCLO', bande: 1, depuis: '2022-01-01', centimes: 12 },
];
const FORFAITS: TauxForfaitDate[] = [
  { nature: 'nuitee_base', depuis: '2019-03-01', centimes: 7000 },
  { nature: 'nuitee_paris', depuis: '2019-03-01', centimes: 11000 },
  { nature: 'repas', depuis: '2019-03-01', centimes: 1750 },
  { nature: 'nuitee_base', depuis: '2023-09-22', centimes: 9000 },
  { nature: 'nuitee_paris', depuis: '2023-09-22', centimes: 14000 },
  { nature: 'repas', depuis: '2023-09-22', centimes: 2000 },
];
const TAUX_2024 = tauxEnVigueur(KM, FORFAITS, '2024-06-12');

const ligne = (l: Partial<LigneDeplacement> = {}): LigneDeplacement => ({
  villeDepart: 'Versailles',
  villeArrivee: 'Nanterre',
  depart: '2024-06-12T07:30',
  retour: '2024-06-12T18:00',
  mode: 'AUTOMOBILE',
  puissanceFiscale: 6,
  km: 25,
  trajets: 1,
  nuitees: 0,
  repas: 0,
  fraisDiversCentimes: 0,
  billetsCentimes: 0,
  commentaire: '',
  ...l,
});

describe('catégorie kilométrique', () => {
  it('5 CV et moins, 6 et 7 CV, 8 CV et plus', () => {
    expect([1, 4, 5, 6, 7, 8, 11].map(categorieKm)).toEqual(['5CV', '5CV', '5CV', '6-7CV', '6-7CV', '8CV', '8CV']);
  });
});

describe('montant d’une ligne, par mode de transport', () => {
  it('AUTOMOBILE : km d’un aller × 2 × trajets × taux de la catégorie', () => {
    expect(montantLigne(ligne({ puissanceFiscale: 4, km: 25 }), TAUX_2024)).toBe(25 * 2 * 32); // 16,00 €
    expect(montantLigne(ligne({ puissanceFiscale: 7, km: 25 }), TAUX_2024)).toBe(25 * 2 * 41);
    expect(montantLigne(ligne({ puissanceFiscale: 9, km: 25 }), TAUX_2024)).toBe(25 * 2 * 45);
    // a daily return over a 3-day mission: one line, 3 trajets
    expect(montantLigne(ligne({ puissanceFiscale: 6, km: 40, trajets: 3, retour: '2024-06-14T18:00' }), TAUX_2024)).toBe(40 * 2 * 3 * 41); // 98,40 €
  });
  it('AUTOMOBILE : frais divers (péage, parking) ajoutés', () => {
    expect(montantLigne(ligne({ puissanceFiscale: 5, km: 100, fraisDiversCentimes: 1230, commentaire: 'péage A13' }), TAUX_2024)).toBe(100 * 2 * 32 + 1230);
  });
  it('MOTO et CYCLOMOTEUR : au kilomètre, sans puissance fiscale', () => {
    expect(montantLigne(ligne({ mode: 'MOTO', puissanceFiscale: null, km: 30, trajets: 2 }), TAUX_2024)).toBe(30 * 2 * 2 * 15);
    expect(montantLigne(ligne({ mode: 'CYCLOMOTEUR', puissanceFiscale: null, km: 10 }), TAUX_2024)).toBe(10 * 2 * 12);
  });
  it('TRAIN 2EME CLASSE, TRANSPORT EN COMMUN, AVION, BATEAU : les billets, sans kilomètres', () => {
    for (const mode of ['TRAIN_2EME_CLASSE', 'TRANSPORT_EN_COMMUN', 'AVION', 'BATEAU'] as const) {
      expect(montantLigne(ligne({ mode, puissanceFiscale: null, km: 300, billetsCentimes: 8450 }), TAUX_2024)).toBe(8450);
    }
  });
  it('BON DE TRANSPORT : le billet est payé par l’administration, seuls les frais divers comptent', () => {
    expect(montantLigne(ligne({ mode: 'BON_DE_TRANSPORT', km: null, billetsCentimes: 5000, fraisDiversCentimes: 800, commentaire: 'parking gare' }), TAUX_2024)).toBe(800);
  });
  it('COVOITURAGE (PASSAGER) et AUCUN : seulement nuitées et repas', () => {
    expect(montantLigne(ligne({ mode: 'COVOITURAGE_PASSAGER', km: 50, repas: 1 }), TAUX_2024)).toBe(2000);
    expect(montantLigne(ligne({ mode: 'AUCUN', km: null, nuitees: 2, repas: 3, fraisDiversCentimes: 900, billetsCentimes: 100 }), TAUX_2024)).toBe(2 * 9000 + 3 * 2000);
  });
  it('nuitées et repas s’ajoutent aux kilomètres', () => {
    expect(montantLigne(ligne({ puissanceFiscale: 8, km: 120, nuitees: 1, repas: 2, retour: '2024-06-13T18:00' }), TAUX_2024)).toBe(120 * 2 * 45 + 9000 + 2 * 2000);
  });
  it('automobile sans puissance fiscale ou sans km : pas d’indemnité kilométrique (la ligne est de toute façon refusée)', () => {
    expect(montantLigne(ligne({ puissanceFiscale: null, repas: 1 }), TAUX_2024)).toBe(2000);
    expect(montantLigne(ligne({ km: null }), TAUX_2024)).toBe(0);
  });
  it('le montant du déplacement est la somme des lignes', () => {
    const lignes = [ligne({ km: 10 }), ligne({ mode: 'TRAIN_2EME_CLASSE', billetsCentimes: 3120 }), ligne({ mode: 'AUCUN', repas: 1 })];
    expect(montantDeplacement(lignes, TAUX_2024)).toBe(10 * 2 * 41 + 3120 + 2000);
    expect(montantDeplacement([], TAUX_2024)).toBe(0);
  });
});

describe('arrondi', () => {
  // A future rate in tenths of a centime (0,325 €/km) gives fractions of a cent: the line is rounded once.
  const fractionnaire: TauxDeplacement = { kmCentimes: () => 32.5, nuiteeCentimes: 9000, repasCentimes: 2000 };
  it('au centime, une fois par ligne, après la somme des parts', () => {
    expect(montantLigne(ligne({ km: 1 }), fractionnaire)).toBe(65);
    expect(montantLigne(ligne({ km: 3, trajets: 1 }), fractionnaire)).toBe(195);
    const t: TauxDeplacement = { kmCentimes: () => 32.3, nuiteeCentimes: 0, repasCentimes: 0 };
    expect(montantLigne(ligne({ km: 7 }), t)).toBe(452); // 452,2 → 452
    expect(montantLigne(ligne({ km: 9 }), t)).toBe(581); // 581,4 → 581
    const u: TauxDeplacement = { kmCentimes: () => 32.25, nuiteeCentimes: 0, repasCentimes: 0 };
    expect(montantLigne(ligne({ km: 1 }), u)).toBe(65); // 64,5 → 65 (demi au-dessus)
    // two lines are each rounded, then added: 64,5 + 64,5 → 65 + 65
    expect(montantDeplacement([ligne({ km: 1 }), ligne({ km: 1 })], u)).toBe(130);
  });
  it('les montants sont des centimes entiers avec les taux des arrêtés', () => {
    expect(Number.isInteger(montantLigne(ligne({ km: 333, trajets: 7, nuitees: 0, repas: 5, retour: '2024-06-18T18:00' }), TAUX_2024))).toBe(true);
  });
});

describe('taux datés', () => {
  it('repas : 17,50 € avant le 22 septembre 2023, 20 € ensuite ; nuitée de base 70 € puis 90 €', () => {
    const juin2023 = tauxEnVigueur(KM, FORFAITS, '2023-06-15');
    expect(juin2023.repasCentimes).toBe(1750);
    expect(juin2023.nuiteeCentimes).toBe(7000);
    expect(tauxEnVigueur(KM, FORFAITS, '2023-09-21').repasCentimes).toBe(1750);
    expect(tauxEnVigueur(KM, FORFAITS, '2023-09-22').repasCentimes).toBe(2000);
    expect(TAUX_2024.nuiteeCentimes).toBe(9000);
    // the same line costs more in 2024
    const l = ligne({ mode: 'AUCUN', nuitees: 1, repas: 2, retour: '2024-06-13T18:00' });
    expect(montantLigne(l, juin2023)).toBe(7000 + 3500);
    expect(montantLigne(l, TAUX_2024)).toBe(9000 + 4000);
  });
  it('tranche kilométrique de la personne (bande 1 par défaut) et nuitée choisie', () => {
    expect(TAUX_2024.kmCentimes('5CV')).toBe(32);
    expect(tauxEnVigueur(KM, FORFAITS, '2024-06-12', { bande: 2 }).kmCentimes('5CV')).toBe(40);
    expect(tauxEnVigueur(KM, FORFAITS, '2024-06-12', { nuitee: 'nuitee_paris' }).nuiteeCentimes).toBe(14000);
  });
  it('un nouveau taux s’applique à partir de sa date ; avant tout taux connu : 0', () => {
    const km = [...KM, { categorie: '5CV' as const, bande: 1, depuis: '2025-01-01', centimes: 35 }];
    expect(tauxEnVigueur(km, FORFAITS, '2024-12-31').kmCentimes('5CV')).toBe(32);
    expect(tauxEnVigueur(km, FORFAITS, '2025-01-01').kmCentimes('5CV')).toBe(35);
    expect(tauxEnVigueur(km, FORFAITS, '2021-12-31').kmCentimes('5CV')).toBe(0);
  });
});

describe('première mission de la journée', () => {
  it('les autres missions du jour avec déplacement sont « Invalidable »', () => {
    const r = missionsInvalidables([
      { convocationId: 10, premierJour: '2024-06-12', heureDebut: '14:00:00', deplacement: true },
      { convocationId: 11, premierJour: '2024-06-12', heureDebut: '08:00:00', deplacement: true },
      { convocationId: 12, premierJour: '2024-06-12', heureDebut: '10:00', deplacement: true },
      { convocationId: 13, premierJour: '2024-06-13', heureDebut: '14:00', deplacement: true },
    ]);
    expect([...r].sort()).toEqual([10, 12]);
  });
  it('une mission sans déplacement ne compte pas : la première avec déplacement porte les trajets', () => {
    const r = missionsInvalidables([
      { convocationId: 1, premierJour: '2024-06-12', heureDebut: '08:00', deplacement: false },
      { convocationId: 2, premierJour: '2024-06-12', heureDebut: '13:30', deplacement: true },
      { convocationId: 3, premierJour: '2024-06-12', heureDebut: '15:00', deplacement: true },
    ]);
    expect([...r]).toEqual([3]);
  });
  it('même heure : la plus petite convocation est la première ; mission seule : rien', () => {
    expect([...missionsInvalidables([
      { convocationId: 8, premierJour: '2024-06-12', heureDebut: '09:00', deplacement: true },
      { convocationId: 5, premierJour: '2024-06-12', heureDebut: '09:00', deplacement: true },
    ])]).toEqual([8]);
    expect(missionsInvalidables([{ convocationId: 1, premierJour: '2024-06-12', heureDebut: '09:00', deplacement: true }]).size).toBe(0);
    expect(missionsInvalidables([]).size).toBe(0);
  });
});

describe('vérification d’une ligne', () => {
  it('une ligne complète passe', () => {
    expect(verifierLigne(ligne(), 0)).toEqual({});
    expect(verifierLigne(ligne({ mode: 'TRAIN_2EME_CLASSE', puissanceFiscale: null, km: null, billetsCentimes: 4500 }), 3)).toEqual({});
  });
  it('villes obligatoires, nommées, avec le numéro de la ligne', () => {
    const e = verifierLigne(ligne({ villeDepart: ' ', villeArrivee: '' }), 2);
    expect(e['lignes.2.villeDepart']).toBe('Déplacement 3, ville de départ : obligatoire.');
    expect(e['lignes.2.villeArrivee']).toBe("Déplacement 3, ville d'arrivée : obligatoire.");
  });
  it('dates et heures qui existent, retour après le départ', () => {
    expect(verifierLigne(ligne({ depart: '2024-02-30T08:00' }), 0)['lignes.0.depart']).toMatch(/date et heure de départ/);
    expect(verifierLigne(ligne({ retour: '2024-06-12T25:00' }), 0)['lignes.0.retour']).toMatch(/date et heure de retour/);
    expect(verifierLigne(ligne({ retour: '2024-06-12T07:30' }), 0)['lignes.0.retour']).toBe('Déplacement 1, date et heure de retour : doivent être postérieures au départ.');
    expect(verifierLigne(ligne({ retour: '2024-06-11T20:00' }), 0)['lignes.0.retour']).toMatch(/postérieures au départ/);
  });
  it('AUTOMOBILE : puissance fiscale et kilomètres obligatoires', () => {
    const e = verifierLigne(ligne({ puissanceFiscale: null, km: null }), 0);
    expect(e['lignes.0.puissanceFiscale']).toBe('Déplacement 1, puissance fiscale : obligatoire pour une automobile (en CV).');
    expect(e['lignes.0.km']).toMatch(/nombre de kilomètres : obligatoire/);
    expect(verifierLigne(ligne({ km: 0 }), 0)['lignes.0.km']).toMatch(/entre 1 et 5000/);
    expect(verifierLigne(ligne({ km: 12.5 }), 0)['lignes.0.km']).toMatch(/entier/);
    expect(verifierLigne(ligne({ puissanceFiscale: 0 }), 0)['lignes.0.puissanceFiscale']).toMatch(/entre 1 et 99/);
    // other modes do not ask for them
    expect(verifierLigne(ligne({ mode: 'TRANSPORT_EN_COMMUN', puissanceFiscale: null, km: null }), 0)).toEqual({});
    // MOTO asks km, not CV
    const moto = verifierLigne(ligne({ mode: 'MOTO', puissanceFiscale: null, km: null }), 0);
    expect(Object.keys(moto)).toEqual(['lignes.0.km']);
  });
  it('au moins un trajet', () => {
    expect(verifierLigne(ligne({ trajets: 0 }), 0)['lignes.0.trajets']).toMatch(/nombre de trajets : nombre entier entre 1 et 100/);
    expect(verifierLigne(ligne({ trajets: 101 }), 0)['lignes.0.trajets']).toBeDefined();
  });
  it('nuitées et repas : positifs, pas plus de nuits que le déplacement n’en compte, 2 repas par jour', () => {
    expect(verifierLigne(ligne({ nuitees: -1 }), 0)['lignes.0.nuitees']).toMatch(/positif ou nul/);
    expect(verifierLigne(ligne({ nuitees: 1 }), 0)['lignes.0.nuitees']).toBe('Déplacement 1, nombre de nuitées : aucune nuit entre le départ et le retour, 1 déclarée.');
    expect(verifierLigne(ligne({ nuitees: 2, retour: '2024-06-14T12:00' }), 0)).toEqual({});
    expect(verifierLigne(ligne({ repas: 3 }), 0)['lignes.0.repas']).toBe('Déplacement 1, nombre de repas : 2 repas par jour au plus, soit 2 pour 1 jour.');
    expect(verifierLigne(ligne({ repas: 4, retour: '2024-06-13T12:00' }), 0)).toEqual({});
  });
  it('frais divers : seulement AUTOMOBILE et BON DE TRANSPORT, et alors un commentaire', () => {
    expect(verifierLigne(ligne({ fraisDiversCentimes: 650 }), 0)['lignes.0.commentaire']).toBe(
      'Déplacement 1, commentaire : obligatoire quand des frais divers sont déclarés, précisez leur nature (péage, parking).',
    );
    expect(verifierLigne(ligne({ fraisDiversCentimes: 650, commentaire: 'Parking de la gare' }), 0)).toEqual({});
    expect(verifierLigne(ligne({ mode: 'BON_DE_TRANSPORT', km: null, fraisDiversCentimes: 650, commentaire: '  ' }), 0)['lignes.0.commentaire']).toBeDefined();
    expect(verifierLigne(ligne({ mode: 'BON_DE_TRANSPORT', km: null, fraisDiversCentimes: 650, commentaire: 'taxi' }), 0)).toEqual({});
    for (const mode of ['TRAIN_2EME_CLASSE', 'TRANSPORT_EN_COMMUN', 'AVION', 'BATEAU', 'MOTO', 'CYCLOMOTEUR', 'COVOITURAGE_PASSAGER', 'AUCUN'] as const) {
      expect(verifierLigne(ligne({ mode, fraisDiversCentimes: 650, commentaire: 'péage' }), 0)['lignes.0.fraisDiversCentimes']).toBe(
        'Déplacement 1, frais divers : seulement avec les modes AUTOMOBILE et BON DE TRANSPORT TRAIN, AVION, BATEAU.',
      );
    }
    expect(verifierLigne(ligne({ fraisDiversCentimes: -1 }), 0)['lignes.0.fraisDiversCentimes']).toMatch(/positif ou nul/);
  });
  it('billets : montant positif, seulement pour les modes à billets', () => {
    expect(verifierLigne(ligne({ billetsCentimes: 1000 }), 0)['lignes.0.billetsCentimes']).toMatch(/seulement avec les modes TRAIN/);
    expect(verifierLigne(ligne({ mode: 'BON_DE_TRANSPORT', km: null, billetsCentimes: 1000 }), 0)['lignes.0.billetsCentimes']).toMatch(/payé par l'administration/);
    expect(verifierLigne(ligne({ mode: 'AVION', billetsCentimes: -5 }), 0)['lignes.0.billetsCentimes']).toMatch(/positif ou nul/);
  });
  it('mode inconnu refusé', () => {
    expect(verifierLigne(ligne({ mode: 'FUSEE' as never }), 0)['lignes.0.mode']).toBe('Déplacement 1, mode de transport : à choisir dans la liste.');
  });
  it('toutes les lignes, et la ville de départ fixée de la première', () => {
    const pre = { villeDepart: 'Versailles' };
    expect(verifierLignes([ligne({ villeDepart: 'VERSAILLES' }), ligne({ villeDepart: 'Paris', km: null })], pre)).toEqual({
      'lignes.1.km': "Déplacement 2, nombre de kilomètres : obligatoire (distance d'un aller).",
    });
    expect(verifierLignes([ligne({ villeDepart: 'Chartres' })], pre)['lignes.0.villeDepart']).toBe(
      'Déplacement 1, ville de départ : le premier déplacement part de votre commune (Versailles), non modifiable.',
    );
    // unknown commune: free
    expect(verifierLignes([ligne({ villeDepart: 'Chartres' })], { villeDepart: '' })).toEqual({});
  });
});

describe('normalisation selon le mode', () => {
  it('efface ce que le mode n’utilise pas', () => {
    const l = normaliserLigne(ligne({ mode: 'TRAIN_2EME_CLASSE', puissanceFiscale: 6, km: 40, trajets: 3, fraisDiversCentimes: 500, billetsCentimes: 3000, villeArrivee: ' Lyon ' }));
    expect(l).toMatchObject({ puissanceFiscale: null, km: null, trajets: 1, fraisDiversCentimes: 0, billetsCentimes: 3000, villeArrivee: 'Lyon' });
    expect(normaliserLigne(ligne({ mode: 'MOTO', puissanceFiscale: 6, km: 40, trajets: 3 }))).toMatchObject({ puissanceFiscale: null, km: 40, trajets: 3 });
    expect(normaliserLigne(ligne({ fraisDiversCentimes: 500, billetsCentimes: 100 }))).toMatchObject({ fraisDiversCentimes: 500, billetsCentimes: 0 });
  });
});

describe('ligne préremplie', () => {
  it('de la commune de la personne au lieu de la mission, aux heures de la mission', () => {
    expect(lignePreremplie({ villeDepart: 'Versailles', lieu: 'Nanterre', debut: '2024-06-12 08:00:00', fin: '2024-06-12T12:00' })).toEqual({
      villeDepart: 'Versailles',
      villeArrivee: 'Nanterre',
      depart: '2024-06-12T08:00',
      retour: '2024-06-12T12:00',
      mode: 'AUTOMOBILE',
      puissanceFiscale: null,
      km: null,
      trajets: 1,
      nuitees: 0,
      repas: 0,
      fraisDiversCentimes: 0,
      billetsCentimes: 0,
      commentaire: '',
    });
  });
  it('à compléter : le mode AUTOMOBILE demande puissance et km', () => {
    const e = verifierLigne(lignePreremplie({ villeDepart: 'Versailles', lieu: 'Nanterre', debut: '2024-06-12T08:00', fin: '2024-06-12T12:00' }), 0);
    expect(Object.keys(e).sort()).toEqual(['lignes.0.km', 'lignes.0.puissanceFiscale']);
  });
});

describe('onglet Déplacement ouvert', () => {
  it('pas pour une correction dématérialisée', () => {
    expect(deplacementOuvert({ correctionDematerialisee: true, communeMission: 'Lyon', communeResidenceAdministrative: 'Paris' })).toBe(false);
  });
  it('pas dans la commune de résidence administrative ou familiale', () => {
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: 'Saint-Germain-en-Laye', communeResidenceAdministrative: 'ST GERMAIN EN LAYE' })).toBe(false);
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: 'Versailles', communeResidenceAdministrative: 'Paris', communeResidenceFamiliale: 'VERSAILLES' })).toBe(false);
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: 'Paris 15e Arrondissement', communeResidenceAdministrative: 'PARIS' })).toBe(false);
  });
  it('ailleurs, ou commune inconnue : ouvert', () => {
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: 'Nanterre', communeResidenceAdministrative: 'Versailles', communeResidenceFamiliale: 'Chartres' })).toBe(true);
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: null, communeResidenceAdministrative: 'Versailles' })).toBe(true);
    expect(deplacementOuvert({ correctionDematerialisee: false, communeMission: 'Nanterre', communeResidenceAdministrative: null })).toBe(true);
  });
  it('comparaison des communes', () => {
    expect(normaliserCommune('Évry-Courcouronnes')).toBe('EVRY COURCOURONNES');
    expect(normaliserCommune('Versailles Cedex 3')).toBe('VERSAILLES');
    expect(normaliserCommune('Ste-Geneviève-des-Bois')).toBe('SAINTE GENEVIEVE DES BOIS');
  });
});

describe('montants', () => {
  it('affichés en euros, saisis en euros', () => {
    expect(euros(126800)).toBe('1\u00a0268,00\u00a0€');
    expect(lireEuros('12,50')).toBe(1250);
    expect(lireEuros('12.5 €')).toBe(1250);
    expect(lireEuros('')).toBe(0);
    expect(lireEuros('12,345')).toBeNull();
    expect(lireEuros('-3')).toBeNull();
    expect(lireEuros('0,07')).toBe(7);
  });
});

describe('taux transmis à la page', () => {
  it('aller-retour JSON sans perte', () => {
    const vue = JSON.parse(JSON.stringify(tauxVersVue(TAUX_2024))) as ReturnType<typeof tauxVersVue>;
    expect(vue).toEqual({ kmCentimes: { '5CV': 32, '6-7CV': 41, '8CV': 45, MOTO: 15, CYCLO: 12 }, nuiteeCentimes: 9000, repasCentimes: 2000 });
    const l = ligne({ km: 40, trajets: 2, nuitees: 1, repas: 2, retour: '2024-06-13T18:00' });
    expect(montantLigne(l, tauxDepuisVue(vue))).toBe(montantLigne(l, TAUX_2024));
  });
});
