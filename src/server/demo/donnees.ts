// Reference lists for the demo generator: académies (shared/reference/codes.md), départements and
// communes, invented names, disciplines de poste and MEF, examens, sessions, spécialités and
// épreuves-options as the seeds print them. Everything here is data; the generator draws from it.
import type { TypeEtablissement } from '../platform/db/tables.ts';

/** The demo's "current year": sessions are those of June 2026, teaching that of 2026-2027. */
export const ANNEE_SESSION = 2026;
export const ANNEE_SCOLAIRE = '2026-2027';

export interface AcademieDemo {
  code: string;
  libelle: string;
  nomMajuscule: string;
  domaineMail: string;
  /** An inter-académie service (SIEC, DGRH): an académie of its own in IMAG'IN (issue 5, 003 §4.6). */
  interAcademique?: boolean;
  /** Never offered by "Accès autres académies" (DGRH). */
  exclueAccesAutres?: boolean;
  /** False while the académie's service cannot be reached: its "Accès autres académies" button is greyed. */
  serviceJoignable?: boolean;
}

// Caen and Rouen keep their codes (used in NUMEN) but share the Normandie mail domain since 2020.
export const ACADEMIES: readonly AcademieDemo[] = [
  { code: '01', libelle: 'Paris', nomMajuscule: 'PARIS', domaineMail: 'ac-paris.fr' },
  { code: '02', libelle: 'Aix-Marseille', nomMajuscule: 'AIX-MARSEILLE', domaineMail: 'ac-aix-marseille.fr' },
  { code: '03', libelle: 'Besançon', nomMajuscule: 'BESANCON', domaineMail: 'ac-besancon.fr' },
  { code: '04', libelle: 'Bordeaux', nomMajuscule: 'BORDEAUX', domaineMail: 'ac-bordeaux.fr' },
  { code: '05', libelle: 'Caen', nomMajuscule: 'CAEN', domaineMail: 'ac-normandie.fr' },
  { code: '06', libelle: 'Clermont-Ferrand', nomMajuscule: 'CLERMONT-FERRAND', domaineMail: 'ac-clermont.fr' },
  { code: '07', libelle: 'Dijon', nomMajuscule: 'DIJON', domaineMail: 'ac-dijon.fr' },
  { code: '08', libelle: 'Grenoble', nomMajuscule: 'GRENOBLE', domaineMail: 'ac-grenoble.fr' },
  { code: '09', libelle: 'Lille', nomMajuscule: 'LILLE', domaineMail: 'ac-lille.fr' },
  { code: '10', libelle: 'Lyon', nomMajuscule: 'LYON', domaineMail: 'ac-lyon.fr' },
  { code: '11', libelle: 'Montpellier', nomMajuscule: 'MONTPELLIER', domaineMail: 'ac-montpellier.fr' },
  { code: '12', libelle: 'Nancy-Metz', nomMajuscule: 'NANCY-METZ', domaineMail: 'ac-nancy-metz.fr' },
  { code: '13', libelle: 'Poitiers', nomMajuscule: 'POITIERS', domaineMail: 'ac-poitiers.fr' },
  { code: '14', libelle: 'Rennes', nomMajuscule: 'RENNES', domaineMail: 'ac-rennes.fr' },
  { code: '15', libelle: 'Strasbourg', nomMajuscule: 'STRASBOURG', domaineMail: 'ac-strasbourg.fr' },
  { code: '16', libelle: 'Toulouse', nomMajuscule: 'TOULOUSE', domaineMail: 'ac-toulouse.fr' },
  { code: '17', libelle: 'Nantes', nomMajuscule: 'NANTES', domaineMail: 'ac-nantes.fr' },
  { code: '18', libelle: 'Orléans-Tours', nomMajuscule: 'ORLEANS-TOURS', domaineMail: 'ac-orleans-tours.fr' },
  { code: '19', libelle: 'Reims', nomMajuscule: 'REIMS', domaineMail: 'ac-reims.fr' },
  { code: '20', libelle: 'Amiens', nomMajuscule: 'AMIENS', domaineMail: 'ac-amiens.fr' },
  { code: '21', libelle: 'Rouen', nomMajuscule: 'ROUEN', domaineMail: 'ac-normandie.fr' },
  { code: '22', libelle: 'Limoges', nomMajuscule: 'LIMOGES', domaineMail: 'ac-limoges.fr' },
  { code: '23', libelle: 'Nice', nomMajuscule: 'NICE', domaineMail: 'ac-nice.fr' },
  { code: '24', libelle: 'Créteil', nomMajuscule: 'CRETEIL', domaineMail: 'ac-creteil.fr' },
  // The demo's unreachable académie (issue 5): LA PROMENADE is a centre there, its button is greyed.
  { code: '25', libelle: 'Versailles', nomMajuscule: 'VERSAILLES', domaineMail: 'ac-versailles.fr', serviceJoignable: false },
  { code: '27', libelle: 'Corse', nomMajuscule: 'CORSE', domaineMail: 'ac-corse.fr' },
  { code: '28', libelle: 'La Réunion', nomMajuscule: 'LA REUNION', domaineMail: 'ac-reunion.fr' },
  { code: '31', libelle: 'Martinique', nomMajuscule: 'MARTINIQUE', domaineMail: 'ac-martinique.fr' },
  { code: '32', libelle: 'Guadeloupe', nomMajuscule: 'GUADELOUPE', domaineMail: 'ac-guadeloupe.fr' },
  { code: '33', libelle: 'Guyane', nomMajuscule: 'GUYANE', domaineMail: 'ac-guyane.fr' },
  { code: '43', libelle: 'Mayotte', nomMajuscule: 'MAYOTTE', domaineMail: 'ac-mayotte.fr' },
  // Inter-académie services (seed 003 §4.6): the SIEC (Île-de-France exams) and the DGRH, which
  // "Accès autres académies" never offers.
  { code: 'SIEC', libelle: 'SIEC', nomMajuscule: 'SIEC', domaineMail: 'siec.education.fr', interAcademique: true },
  { code: 'DGRH', libelle: 'DGRH', nomMajuscule: 'DGRH', domaineMail: 'education.gouv.fr', interAcademique: true, exclueAccesAutres: true },
];

export interface Commune {
  nom: string;
  codePostal: string;
}

export interface Departement {
  /** The three digits that start the UAIs of the département. */
  uai: string;
  /** The two characters of the département in a NIR. */
  insee: string;
  communes: readonly Commune[];
}

export interface VolumeAcademie {
  code: string;
  /** Établissements at scale 1, and how many more per unit of scale. */
  etablissementsBase: number;
  etablissementsParEchelle: number;
  /** Intervenants (personnes) per unit of scale: 80 × 100 gives Rennes its 8,000 intervenants. */
  personnesParEchelle: number;
  /** Prefix of office phone numbers (01–05), drawn in the range ARCEP keeps for fiction. */
  telephone: '01' | '02' | '03' | '04' | '05';
  departements: readonly Departement[];
}

const c = (nom: string, codePostal: string): Commune => ({ nom, codePostal });

/** The académies the demo populates; the others exist in the référentiel but stay empty. */
export const ACADEMIES_PEUPLEES: readonly VolumeAcademie[] = [
  {
    code: '14',
    etablissementsBase: 12,
    etablissementsParEchelle: 3,
    personnesParEchelle: 80,
    telephone: '02',
    departements: [
      { uai: '035', insee: '35', communes: [c('RENNES', '35000'), c('SAINT-MALO', '35400'), c('FOUGERES', '35300'), c('VITRE', '35500'), c('REDON', '35600'), c('BRUZ', '35170'), c('CESSON-SEVIGNE', '35510'), c('COMBOURG', '35270')] },
      { uai: '022', insee: '22', communes: [c('SAINT-BRIEUC', '22000'), c('LANNION', '22300'), c('DINAN', '22100'), c('GUINGAMP', '22200'), c('LAMBALLE-ARMOR', '22400'), c('LOUDEAC', '22600')] },
      { uai: '029', insee: '29', communes: [c('BREST', '29200'), c('QUIMPER', '29000'), c('MORLAIX', '29600'), c('CONCARNEAU', '29900'), c('LANDERNEAU', '29800'), c('QUIMPERLE', '29300')] },
      { uai: '056', insee: '56', communes: [c('VANNES', '56000'), c('LORIENT', '56100'), c('PONTIVY', '56300'), c('AURAY', '56400'), c('PLOERMEL', '56800'), c('HENNEBONT', '56700')] },
    ],
  },
  {
    code: '16',
    etablissementsBase: 12,
    etablissementsParEchelle: 3,
    personnesParEchelle: 70,
    telephone: '05',
    departements: [
      { uai: '031', insee: '31', communes: [c('TOULOUSE', '31000'), c('MURET', '31600'), c('COLOMIERS', '31770'), c('BLAGNAC', '31700'), c('SAINT-GAUDENS', '31800'), c('ASPET', '31160')] },
      { uai: '012', insee: '12', communes: [c('RODEZ', '12000'), c('DECAZEVILLE', '12300'), c('MILLAU', '12100'), c('VILLEFRANCHE-DE-ROUERGUE', '12200')] },
      { uai: '081', insee: '81', communes: [c('ALBI', '81000'), c('CASTRES', '81100'), c('GAILLAC', '81600')] },
      { uai: '082', insee: '82', communes: [c('MONTAUBAN', '82000'), c('CASTELSARRASIN', '82100')] },
      { uai: '032', insee: '32', communes: [c('AUCH', '32000'), c('CONDOM', '32100')] },
      { uai: '046', insee: '46', communes: [c('CAHORS', '46000'), c('FIGEAC', '46100')] },
      { uai: '065', insee: '65', communes: [c('TARBES', '65000'), c('LOURDES', '65100')] },
      { uai: '009', insee: '09', communes: [c('FOIX', '09000'), c('PAMIERS', '09100')] },
    ],
  },
  {
    code: '17',
    etablissementsBase: 5,
    etablissementsParEchelle: 1.2,
    personnesParEchelle: 30,
    telephone: '02',
    departements: [
      { uai: '044', insee: '44', communes: [c('NANTES', '44000'), c('SAINT-NAZAIRE', '44600'), c('CHATEAUBRIANT', '44110')] },
      { uai: '049', insee: '49', communes: [c('ANGERS', '49000'), c('CHOLET', '49300'), c('SAUMUR', '49400')] },
      { uai: '053', insee: '53', communes: [c('LAVAL', '53000'), c('MAYENNE', '53100')] },
      { uai: '072', insee: '72', communes: [c('LE MANS', '72000'), c('LA FLECHE', '72200')] },
      { uai: '085', insee: '85', communes: [c('LA ROCHE-SUR-YON', '85000'), c('LES SABLES-D\'OLONNE', '85100')] },
    ],
  },
  {
    code: '11',
    etablissementsBase: 4,
    etablissementsParEchelle: 1,
    personnesParEchelle: 20,
    telephone: '04',
    departements: [
      { uai: '034', insee: '34', communes: [c('MONTPELLIER', '34000'), c('BEZIERS', '34500'), c('SETE', '34200')] },
      { uai: '030', insee: '30', communes: [c('NIMES', '30000'), c('ALES', '30100')] },
      { uai: '011', insee: '11', communes: [c('CARCASSONNE', '11000'), c('NARBONNE', '11100')] },
      { uai: '066', insee: '66', communes: [c('PERPIGNAN', '66000'), c('PRADES', '66500')] },
      { uai: '048', insee: '48', communes: [c('MENDE', '48000')] },
    ],
  },
  {
    code: '02',
    etablissementsBase: 4,
    etablissementsParEchelle: 1,
    personnesParEchelle: 20,
    telephone: '04',
    departements: [
      { uai: '013', insee: '13', communes: [c('MARSEILLE', '13004'), c('MARSEILLE', '13013'), c('AIX-EN-PROVENCE', '13100'), c('ARLES', '13200'), c('MARTIGUES', '13500')] },
      { uai: '084', insee: '84', communes: [c('AVIGNON', '84000'), c('CARPENTRAS', '84200')] },
      { uai: '004', insee: '04', communes: [c('DIGNE-LES-BAINS', '04000'), c('MANOSQUE', '04100')] },
      { uai: '005', insee: '05', communes: [c('GAP', '05000'), c('BRIANCON', '05100')] },
    ],
  },
];

/** Établissements that the seeds or the demo accounts name, generated before the others. */
export interface EtablissementFixe {
  uai: string;
  academie: string;
  type: TypeEtablissement;
  nom: string;
  commune: string;
  codePostal: string;
  adresse: string;
  centreExamen: boolean;
  centreDeliberation: boolean;
  gestionCandidats: boolean;
}

export const UAI_LYCEE_RENNES = '0350710G';
export const UAI_COLLEGE_RENNES = '0350711H';
export const UAI_LP_RENNES = '0350059Z';
export const UAI_LA_DECOUVERTE = '0120006S';
export const UAI_RECTORAT_TOULOUSE = '0310094J';

export const ETABLISSEMENTS_FIXES: readonly EtablissementFixe[] = [
  { uai: UAI_LYCEE_RENNES, academie: '14', type: 'LGT', nom: 'LA PROMENADE', commune: 'RENNES', codePostal: '35000', adresse: '12 AVENUE DE LA PROMENADE', centreExamen: true, centreDeliberation: true, gestionCandidats: false },
  { uai: UAI_COLLEGE_RENNES, academie: '14', type: 'CLG', nom: 'DU PARC', commune: 'RENNES', codePostal: '35000', adresse: '5 ALLEE DU PARC', centreExamen: false, centreDeliberation: false, gestionCandidats: true },
  // Seed 001 prints "P BREQUIGNY – RENNES CEDEX 2 (0350059Z)" as a centre de l'épreuve de contrôle.
  { uai: UAI_LP_RENNES, academie: '14', type: 'LPO', nom: 'BREQUIGNY', commune: 'RENNES CEDEX 2', codePostal: '35202', adresse: '7 AVENUE DES LANDES', centreExamen: true, centreDeliberation: true, gestionCandidats: true },
  // Seed 003 prints "LGT LA DECOUVERTE DECAZEVILLE (0120006S)" and the Toulouse rectorat (0310094J).
  { uai: UAI_LA_DECOUVERTE, academie: '16', type: 'LGT', nom: 'LA DECOUVERTE', commune: 'DECAZEVILLE', codePostal: '12300', adresse: '3 RUE DES MINEURS', centreExamen: true, centreDeliberation: false, gestionCandidats: true },
  { uai: UAI_RECTORAT_TOULOUSE, academie: '16', type: 'RECT', nom: 'RECTORAT ACADEMIE DE TOULOUSE', commune: 'TOULOUSE CEDEX 7', codePostal: '31073', adresse: '75 RUE SAINT-ROCH', centreExamen: true, centreDeliberation: false, gestionCandidats: false },
];

/** Invented établissement names (no person's name, so that none reads as a real school). */
export const NOMS_ETABLISSEMENT: readonly string[] = [
  'LES TILLEULS', 'LES GLYCINES', 'LE BOCAGE', 'LES HORIZONS', "DE L'ESTRAN", 'LES EMBRUNS', 'DU VAL FLEURI',
  'LES CHARMILLES', 'DES TROIS RIVIERES', 'LE GRAND CEDRE', 'LES ARDOISIERES', 'DU PLATEAU', 'LES SOURCES',
  'LA CHENAIE', 'LES MARRONNIERS', 'DU LAC', 'LES PEUPLIERS', 'LA GARENNE', 'LES COQUELICOTS', 'DES DEUX VALLEES',
  'LE PHARE', 'LES ROCHES BLANCHES', 'LA HALLE', 'DU MOULIN', 'LES VERGERS', 'LES CIGALES', 'LE BELVEDERE',
  'LES AUBEPINES', 'DES MONTAGNES', 'LA CANOPEE', 'LES ORMEAUX', 'DU PORT', 'LES SALINES', 'LA RIVE GAUCHE',
  "L'ARC-EN-CIEL", 'LES GRANDS CHAMPS', 'LE MAIL', 'LES LAVANDES', 'DU CANAL', 'LES ECLUSES',
];

export const VOIES: readonly string[] = [
  'RUE DE LA GARE', 'AVENUE DES TILLEULS', 'RUE DU STADE', 'BOULEVARD DE LA LIBERTE', 'RUE DES ECOLES',
  'CHEMIN DES VIGNES', 'RUE DU MOULIN', 'ALLEE DES ROSIERS', 'RUE DE LA MAIRIE', 'AVENUE DU GENERAL DE GAULLE',
  'RUE DES LILAS', 'IMPASSE DES SOURCES', 'RUE DE LA FONTAINE', 'PLACE DU MARCHE', 'RUE DES PECHEURS',
  'ROUTE DE LA CORNICHE', 'RUE DES ARTISANS', 'AVENUE DES PLATANES',
];

// Family names: common French names and invented ones, always suffixed "-DEMO" so that no demo
// person (nor their mailbox prenom.nom-demo@…) can be mistaken for a real one.
export const NOMS_FAMILLE: readonly string[] = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT',
  'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFEVRE', 'FAURE', 'ANDRE',
  'MERCIER', 'BLANC', 'GUERIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANCOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA',
  'PERRIN', 'ROBIN', 'CLEMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON',
  'LE GOFF', 'LE GALL', 'KERMARREC', 'LE BRIS', 'TANGUY', 'LE ROUX', 'GUILLOU', 'JEGOU', 'LE MOAL', 'PRIGENT',
  'BOUSQUET', 'ESPINASSE', 'FABRE', 'VIDAL', 'CAZENAVE', 'LAFFONT', 'DELMAS', 'COSTES', 'ROQUES', 'MARTY',
  'ABRICOTIER', 'BOULEAU', 'CHATAIGNIER', 'MESANGE', 'ALOUETTE', 'NOISETIER', 'GENEVRIER', 'HIRONDELLE',
  'PERVENCHE', 'SAULE', 'ROITELET', 'CORMORAN', 'MARRONNIER', 'TOURNESOL', 'COQUELICOT', 'PLATANE',
  'BRUYERE', 'ECUREUIL', 'LOUTRE', 'GOELAND', 'MIMOSA', 'CAPUCINE', 'SORBIER', 'BERGERONNETTE', 'AUBEPINE',
  'CERISAIE', 'FOUGERE', 'GRIVE', 'HERMINE', 'LAVANDE', 'MYRTILLE', 'NENUPHAR', 'OLIVIER', 'PINSON',
  'QUETSCHE', 'ROMARIN', 'TAMARIS', 'VERVEINE', 'ARDOISE', 'BALISE', 'CABESTAN', 'DUNETTE', 'ESTACADE',
];

export const PRENOMS_FEMININS: readonly string[] = [
  'Anne', 'Claire', 'Marie', 'Isabelle', 'Nathalie', 'Sophie', 'Catherine', 'Sandrine', 'Céline', 'Valérie',
  'Christine', 'Stéphanie', 'Julie', 'Aurélie', 'Émilie', 'Camille', 'Laure', 'Hélène', 'Agnès', 'Virginie',
  'Caroline', 'Élodie', 'Delphine', 'Karine', 'Laetitia', 'Mélanie', 'Pauline', 'Sylvie', 'Florence', 'Cécile',
  'Marion', 'Lucie', 'Chloé', 'Manon', 'Sarah', 'Léa', 'Audrey', 'Gwenaëlle', 'Maëlle', 'Solène',
  'Françoise', 'Brigitte', 'Patricia', 'Véronique', 'Anaïs', 'Justine', 'Morgane', 'Nolwenn', 'Elsa', 'Inès',
];

export const PRENOMS_MASCULINS: readonly string[] = [
  'Paul', 'Jean', 'Pierre', 'Nicolas', 'Julien', 'Sébastien', 'Christophe', 'Stéphane', 'Laurent', 'Olivier',
  'Philippe', 'Frédéric', 'Thierry', 'Éric', 'David', 'Guillaume', 'Thomas', 'Alexandre', 'Vincent', 'François',
  'Mathieu', 'Romain', 'Antoine', 'Benoît', 'Cédric', 'Damien', 'Fabrice', 'Jérôme', 'Ludovic', 'Xavier',
  'Yann', 'Erwan', 'Loïc', 'Gaël', 'Ronan', 'Maxime', 'Hugo', 'Lucas', 'Arnaud', 'Bruno',
  'Didier', 'Gilles', 'Hervé', 'Jacques', 'Michel', 'Patrick', 'Alain', 'Denis', 'Florian', 'Kevin',
];

// ---------------------------------------------------------------------------------------------
// Disciplines de poste and teaching (STS-Web style: MEF, matière, modalité de cours).

export type Niveau = 'CLG' | 'GT' | 'PRO' | 'BTS';

export const NIVEAUX_PAR_TYPE: Partial<Record<TypeEtablissement, readonly Niveau[]>> = {
  CLG: ['CLG'],
  LGT: ['GT', 'BTS'],
  LP: ['PRO'],
  LPO: ['GT', 'PRO', 'BTS'],
};

export interface Mef {
  code: string;
  libelle: string;
  type: string;
  niveau: Niveau;
}

// MEF codes have the national 11-character shape; these are representative, not an extract of BCN.
export const MEFS: readonly Mef[] = [
  { code: '10010012110', libelle: '6EME', type: '6EME', niveau: 'CLG' },
  { code: '10110001110', libelle: '5EME', type: '5EME', niveau: 'CLG' },
  { code: '10210001110', libelle: '4EME', type: '4EME', niveau: 'CLG' },
  { code: '10310019110', libelle: '3EME', type: '3EME', niveau: 'CLG' },
  { code: '20010018110', libelle: '2NDE GENERALE ET TECHNOLOGIQUE', type: '2NDE GT', niveau: 'GT' },
  { code: '20110019110', libelle: '1ERE GENERALE', type: '1ERE G', niveau: 'GT' },
  { code: '20212001110', libelle: 'TERMINALE GENERALE', type: 'TLE G', niveau: 'GT' },
  { code: '21131102110', libelle: '1ERE STMG', type: '1ERE T', niveau: 'GT' },
  { code: '21231102110', libelle: 'TERMINALE STMG SPECIALITE MERCATIQUE', type: 'TLE T', niveau: 'GT' },
  { code: '21133004110', libelle: '1ERE STI2D', type: '1ERE T', niveau: 'GT' },
  { code: '21233004110', libelle: 'TERMINALE STI2D SPECIALITE ITEC', type: 'TLE T', niveau: 'GT' },
  { code: '24731208210', libelle: '2NDPRO METIERS DE LA RELATION CLIENT', type: '2NDE PRO', niveau: 'PRO' },
  { code: '24031202210', libelle: '1ERE PRO METIERS COMMERCE VENTE OPT.A', type: '1ERE PRO', niveau: 'PRO' },
  { code: '24131202210', libelle: 'TLEPRO METIERS COMMERCE VENTE OPT.A', type: 'TLE PRO', niveau: 'PRO' },
  { code: '24725510210', libelle: '2NDPRO METIERS TRANSITIONS NUM. ENERG.', type: '2NDE PRO', niveau: 'PRO' },
  { code: '24025510210', libelle: '1ERE PRO MET. ELEC. ENVIRONNEMENTS CONNECTES', type: '1ERE PRO', niveau: 'PRO' },
  { code: '24125510210', libelle: 'TLEPRO MET. ELEC. ENVIRONNEMENTS CONNECTES', type: 'TLE PRO', niveau: 'PRO' },
  { code: '24130001210', libelle: 'TLEPRO GESTION-ADMINISTRATION', type: 'TLE PRO', niveau: 'PRO' },
  { code: '24331208210', libelle: '1CAP2 EQUIPIER POLYVALENT DU COMMERCE', type: '1CAP2', niveau: 'PRO' },
  { code: '24431208210', libelle: '2CAP2 EQUIPIER POLYVALENT DU COMMERCE', type: '2CAP2', niveau: 'PRO' },
  { code: '32031209210', libelle: '1BTS2 MANAGEMENT UNITES COMMERCIALES', type: 'BTS 1A', niveau: 'BTS' },
  { code: '32131209210', libelle: '2BTS2 MANAGEMENT UNITES COMMERCIALES', type: 'BTS 2A', niveau: 'BTS' },
];

/** Modalités de cours as STS-Web codes them: cours général, travaux pratiques, accompagnement, aide. */
export const MODALITES: readonly (readonly [string, number])[] = [['CG', 70], ['TP', 12], ['AP', 10], ['AI', 8]];

/** A matière taught at every level of the discipline, or only at some ([matière, levels]). */
export type Matiere = string | readonly [string, readonly Niveau[]];

export interface Discipline {
  libelle: string;
  /** Relative weight in each type of établissement (absent: not found there). */
  poids: Partial<Record<'CLG' | 'LGT' | 'LP', number>>;
  /** Levels it teaches and the matières it appears under; empty for non-teaching posts. */
  niveaux: readonly Niveau[];
  matieres: readonly Matiere[];
}

const d = (libelle: string, poids: Discipline['poids'], niveaux: readonly Niveau[], matieres: readonly Matiere[]): Discipline => ({ libelle, poids, niveaux, matieres });
const GT = ['GT'] as const;
const BTS = ['BTS'] as const;

// Disciplines de poste as seed 003 lists them (Consultation des personnels), with realistic shares.
export const DISCIPLINES: readonly Discipline[] = [
  d('MATHEMATIQUES', { CLG: 14, LGT: 13 }, ['CLG', 'GT', 'BTS'], ['MATHEMATIQUES', ['MATHEMATIQUES EXPERTES', GT]]),
  d('LETTRES MODERNES', { CLG: 14, LGT: 10 }, ['CLG', 'GT', 'BTS'], [['FRANCAIS', ['CLG', 'GT']], ['CULTURE GENERALE ET EXPRESSION', BTS]]),
  d('LETTRES CLASSIQUES', { CLG: 3, LGT: 2 }, ['CLG', 'GT'], ['FRANCAIS', 'LATIN', 'GREC']),
  d('HISTOIRE GEOGRAPHIE', { CLG: 11, LGT: 10 }, ['CLG', 'GT'], ['HISTOIRE-GEOGRAPHIE', 'ENSEIGNEMENT MORAL ET CIVIQUE', ['HIST.GEO.GEOPOLITIQUE & SC.POLITIQUES', GT]]),
  d('ANGLAIS', { CLG: 11, LGT: 10 }, ['CLG', 'GT', 'BTS'], ['ANGLAIS LV1', ['ANGLAIS LV2', ['CLG', 'GT']], ['LANGUES, LITTERATURES & CULTURES ETRANG.', GT]]),
  d('ESPAGNOL', { CLG: 7, LGT: 6 }, ['CLG', 'GT'], ['ESPAGNOL LV2', 'ESPAGNOL LV1']),
  d('ALLEMAND', { CLG: 3, LGT: 3 }, ['CLG', 'GT'], ['ALLEMAND LV1', 'ALLEMAND LV2']),
  d('SCIENCES PHYSIQUES ET CHIMIQUES', { CLG: 7, LGT: 9 }, ['CLG', 'GT'], ['PHYSIQUE-CHIMIE', ['ENSEIGNEMENT SCIENTIFIQUE', GT]]),
  d('SCIENCES DE LA VIE ET DE LA TERRE', { CLG: 7, LGT: 7 }, ['CLG', 'GT'], ['SCIENCES VIE & TERRE', ['ENSEIGNEMENT SCIENTIFIQUE', GT]]),
  d('TECHNOLOGIE', { CLG: 6 }, ['CLG'], ['TECHNOLOGIE']),
  d('EDUCATION PHYSIQUE ET SPORTIVE', { CLG: 9, LGT: 7, LP: 6 }, ['CLG', 'GT', 'PRO'], ['EDUCATION PHYSIQUE ET SPORTIVE']),
  d('ARTS PLASTIQUES', { CLG: 4, LGT: 1 }, ['CLG', 'GT'], ['ARTS PLASTIQUES']),
  d('EDUCATION MUSICALE', { CLG: 4 }, ['CLG'], ['EDUCATION MUSICALE']),
  d('PHILOSOPHIE', { LGT: 4 }, ['GT'], ['PHILOSOPHIE', 'HUMANITES, LITTERATURE & PHILOSOPHIE']),
  d('SCIENCES ECONOMIQUES ET SOCIALES', { LGT: 4 }, ['GT'], ['SCIENCES ECONOMIQUES ET SOCIALES']),
  d('ECONOMIE ET GESTION', { LGT: 6 }, ['GT', 'BTS'], [['MANAGEMENT', GT], ['SC.GESTION & NUMERIQUE', GT], ['DROIT ET ECONOMIE', GT], ['MANAGEMENT DES ENTREPRISES', BTS], ['CULTURE ECONOMIQUE, JURIDIQUE ET MANAGERIALE', BTS]]),
  d('SII OPTION INGENIERIE MECANIQUE', { LGT: 4 }, ['GT'], ["SCIENCES DE L'INGENIEUR", 'INNOVATION TECHNOLOGIQUE', 'INGENIERIE, INNOVATION & DEVELOP. DURABLE']),
  d('BIOCHIMIE-GENIE BIOLOGIQUE', { LGT: 2 }, ['GT'], ['BIOCHIMIE-BIOLOGIE-BIOTECHNOLOGIES']),
  d('SCIENCES ET TECHNIQUES MEDICO-SOCIALES', { LGT: 2, LP: 3 }, ['GT', 'PRO'], ['SCIENCES & TECHNIQUES SANITAIRES & SOCIALES']),
  d('LETTRES-HISTOIRE GEOGRAPHIE', { LP: 12 }, ['PRO'], ['FRANCAIS', 'HISTOIRE-GEOGRAPHIE-EMC']),
  d('MATHEMATIQUES-SCIENCES PHYSIQUES ET CHIMIQUES', { LP: 11 }, ['PRO'], ['MATHEMATIQUES', 'PHYSIQUE-CHIMIE']),
  d('ANGLAIS-LETTRES', { LP: 7 }, ['PRO'], ['ANGLAIS LV1', 'FRANCAIS']),
  d('ECONOMIE ET GESTION OPTION COMMERCE ET VENTE', { LP: 10 }, ['PRO'], ['ENSEIGNEMENT PROFESSIONNEL', 'ECONOMIE-DROIT', 'CO-INTERVENTION']),
  d('ECONOMIE ET GESTION OPTION GESTION ADMINISTRATION', { LP: 6 }, ['PRO'], ['ENSEIGNEMENT PROFESSIONNEL', 'ECONOMIE-GESTION']),
  d('GENIE ELECTRIQUE OPTION ELECTROTECHNIQUE', { LP: 8 }, ['PRO'], ['ENSEIGNEMENT PROFESSIONNEL', 'CO-INTERVENTION']),
  d('GENIE MECANIQUE-MAINTENANCE VEHICULES', { LP: 5 }, ['PRO'], ['ENSEIGNEMENT PROFESSIONNEL']),
  d('BIOTECHNOLOGIES SANTE-ENVIRONNEMENT', { LP: 4 }, ['PRO'], ['PREVENTION-SANTE-ENVIRONNEMENT']),
  d('ARTS APPLIQUES', { LP: 2 }, ['PRO'], ['ARTS APPLIQUES & CULTURES ARTISTIQUES']),
  d('DOCUMENTATION', { CLG: 2, LGT: 2, LP: 2 }, [], []),
  d('EDUCATION (CE, CRE)', { CLG: 2, LGT: 2, LP: 2 }, [], []),
  d('DIRECTION ADJOINT AU CHEF ETABLISSEMENT', { CLG: 1, LGT: 1, LP: 1 }, [], []),
];

/** The matières of a discipline that a class of this level can have. */
export function matieresPour(discipline: Discipline, niveau: Niveau): string[] {
  return discipline.matieres.flatMap((m) => (typeof m === 'string' ? [m] : m[1].includes(niveau) ? [m[0]] : []));
}

/** What professionals (source IMAGIN, no établissement) show as discipline de poste. */
export const SANS_DISCIPLINE = 'SANS DISCIPLINE';

// ---------------------------------------------------------------------------------------------
// Examens, sessions, spécialités, épreuves-options (codes.md; coefficients: domain-rules.md and the
// usual national grids — they are data the gestionnaire can correct, never read by code as constants).

export interface ExamenDemo {
  code: string;
  sigle: string;
  libelle: string;
}

// DNB has no code in the seeds: "100" is the demo's choice, so that it prints as "100, DNB, 2026-06, DNB 2026".
export const CODE_EXAMEN_DNB = '100';

export const EXAMENS: readonly ExamenDemo[] = [
  { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
  { code: '47A', sigle: 'EA-BCG', libelle: 'EPREUVES ANTICIPEES DU BACCALAUREAT GENERAL' },
  { code: '430', sigle: 'BTN', libelle: 'BACCALAUREAT TECHNOLOGIQUE' },
  { code: '43A', sigle: 'EA-BTN', libelle: 'EPREUVES ANTICIPEES DU BACCALAUREAT TECHNOLOGIQUE' },
  { code: '400', sigle: 'BCP', libelle: 'BACCALAUREAT PROFESSIONNEL' },
  { code: '320', sigle: 'BTS', libelle: 'BREVET DE TECHNICIEN SUPERIEUR' },
  { code: '450', sigle: 'BP', libelle: 'BREVET PROFESSIONNEL' },
  { code: '500', sigle: 'CAP', libelle: "CERTIFICAT D'APTITUDE PROFESSIONNELLE" },
  { code: CODE_EXAMEN_DNB, sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' },
  { code: '3XE', sigle: 'CAGE', libelle: 'CONCOURS BANQUE POLYTECHNIQUE ENS' },
  { code: 'CE1', sigle: 'CE1', libelle: 'CONCOURS DE RECRUTEMENT DE PROFESSEURS DES ECOLES' },
];

export interface SessionDemo {
  examen: string;
  code: string;
  libelle: string;
  /** ANNEE_SESSION unless said. */
  annee?: number;
}

// Libellés as the seeds print them ("470, BCG, 2021, BGT", "400, BCP, 2021-06, BCP JUIN 2021", …).
export const SESSIONS: readonly SessionDemo[] = [
  { examen: '470', code: `${ANNEE_SESSION}-06`, libelle: `BGT ${ANNEE_SESSION}` },
  { examen: '47A', code: `${ANNEE_SESSION}-06`, libelle: `EA ${ANNEE_SESSION}` },
  { examen: '430', code: `${ANNEE_SESSION}-06`, libelle: `BGT ${ANNEE_SESSION}` },
  { examen: '43A', code: `${ANNEE_SESSION}-06`, libelle: `EA ${ANNEE_SESSION}` },
  { examen: '400', code: `${ANNEE_SESSION}-06`, libelle: `BCP JUIN ${ANNEE_SESSION}` },
  { examen: '320', code: `${ANNEE_SESSION}-06`, libelle: `BTS ${ANNEE_SESSION}` },
  { examen: '320', code: `${ANNEE_SESSION}-03`, libelle: 'BTS VAE MARS' },
  { examen: '450', code: `${ANNEE_SESSION}-06`, libelle: `BP${ANNEE_SESSION}-06` },
  { examen: '500', code: `${ANNEE_SESSION}-06`, libelle: `CAP ${ANNEE_SESSION}` },
  { examen: CODE_EXAMEN_DNB, code: `${ANNEE_SESSION}-06`, libelle: `DNB ${ANNEE_SESSION}` },
  // The pupils of 3e of the school year register to the next DNB (issue 6: their CYCLADES accounts).
  { examen: CODE_EXAMEN_DNB, code: `${ANNEE_SESSION + 1}-06`, libelle: `DNB ${ANNEE_SESSION + 1}`, annee: ANNEE_SESSION + 1 },
];

export type Nature = 'ecrite' | 'orale' | 'pratique';
export type Domaine = 'professionnel' | 'general' | null;

export interface EpreuveDemo {
  code: string;
  libelle: string;
  coefficient: number;
  nature: Nature;
  domaine: Domaine;
  facultative?: boolean;
}

export interface SpecialiteDemo {
  examen: string;
  code: string;
  libelle: string;
  epreuves: readonly EpreuveDemo[];
}

const e = (code: string, libelle: string, coefficient: number, nature: Nature, domaine: Domaine = null, facultative = false): EpreuveDemo => ({
  code,
  libelle,
  coefficient,
  nature,
  domaine,
  facultative,
});

// The two orals of the BCP épreuve de contrôle (seed 001). They carry no weight of their own: each
// grade replaces the matching first-group grade at that grade's coefficient (domain-rules.md).
const CONTROLE_BCP = [
  e('ECT1', 'épr. Scientifique et Technique', 0, 'orale', 'general'),
  e('ECT2', 'épr. Français et Histoire Géographie', 0, 'orale', 'general'),
];

// Épreuves shared by the BCP spécialités: general domain (re-assessable at the contrôle) and options.
const GENERAL_BCP = [
  e('E41', 'LANGUE VIVANTE A', 2, 'orale', 'general'),
  e('E42', 'LANGUE VIVANTE B', 2, 'orale', 'general'),
  e('E51', 'FRANCAIS', 2.5, 'ecrite', 'general'),
  e('E52', 'HISTOIRE-GEOGRAPHIE ET ENSEIGNEMENT MORAL ET CIVIQUE', 2.5, 'ecrite', 'general'),
  e('E6', 'ARTS APPLIQUES ET CULTURES ARTISTIQUES', 1, 'ecrite', 'general'),
  e('E7', 'EDUCATION PHYSIQUE ET SPORTIVE', 1, 'pratique', 'general'),
  e('UF1', 'LANGUE VIVANTE (FACULTATIVE)', 1, 'orale', 'general', true),
  e('UF2', 'EDUCATION PHYSIQUE ET SPORTIVE (FACULTATIVE)', 1, 'pratique', 'general', true),
];

const TERTIAIRE_BCP = [
  e('E11', 'ECONOMIE-DROIT', 1, 'ecrite', 'general'),
  e('E12', 'MATHEMATIQUES', 1, 'ecrite', 'general'),
  e('E35', 'PREVENTION SANTE ENVIRONNEMENT', 1, 'ecrite', 'general'),
];

const BAC_GENERAL_TERMINAL = [
  e('1-T003-1', 'Philosophie', 8, 'ecrite'),
  e('1-T004-1', 'Epr orale terminale (Gd oral)', 10, 'orale'),
  e('1-T020-3', 'Epreuves orales de contrôle', 0, 'orale'),
];

const ANTICIPEES = [
  e('1-T001-1', 'Français écrit', 5, 'ecrite'),
  e('1-T002-1', 'Français oral', 5, 'orale'),
  e('C001A', 'Histoire-géographie 1ère éval', 3, 'ecrite'),
  e('C002B', 'Langue vivante A 2ème éval', 3, 'ecrite'),
  e('C0038', 'Langue vivante B 2ème éval', 3, 'ecrite'),
  e('C004', 'Enseignement scientifique', 3, 'ecrite'),
];

/**
 * The évaluations communes of the spécialités given up at the end of première (seed 003 §4.2.1 lists
 * them on the EA session: "C009, Humanités, littérature philo", "C010, Mathématiques"…). Added for the
 * centre d'examen's fixed missions (issue 5); the generator's random draws leave them out
 * (EPREUVES_EC_SPECIALITES_CLES), so that the rest of the demo is unchanged.
 */
export const EPREUVES_EC_SPECIALITES: readonly EpreuveDemo[] = [
  e('C008', 'Hist-géo, géopol et sci pol', 5, 'ecrite'),
  e('C009', 'Humanités, littérature philo', 5, 'ecrite'),
  e('C010', 'Mathématiques', 5, 'ecrite'),
  e('C011', 'Numérique sc. informatiques', 5, 'ecrite'),
  e('C012', 'Physique-Chimie', 5, 'ecrite'),
  e('C013', 'Sc. de la vie et de la terre', 5, 'ecrite'),
  e('C014', 'Sc. ingénieur', 5, 'ecrite'),
];

/** "<examen>/<spécialité>/<épreuve>" of EPREUVES_EC_SPECIALITES. */
export const EPREUVES_EC_SPECIALITES_CLES: ReadonlySet<string> = new Set(EPREUVES_EC_SPECIALITES.map((x) => `47A/BCG/${x.code}`));

const SERIES_BTN: readonly (readonly [string, string, readonly EpreuveDemo[]])[] = [
  ['STMG', 'SCIEN. ET TECHNO. DU MANAGEMENT ET DE LA GESTION', [e('T-MSGN', 'Management, sciences de gestion et numérique', 16, 'ecrite'), e('T-DE', 'Droit et économie', 16, 'ecrite')]],
  ['STI2D', 'SCIEN. ET TECHNO. DE L\'INDUSTRIE ET DU DEV. DURABLE', [e('T-2I2D', 'Ingénierie, innovation et développement durable', 16, 'ecrite'), e('T-PCM', 'Physique-chimie et mathématiques', 16, 'ecrite')]],
  ['STL', 'SCIEN. ET TECHNO. DE LABORATOIRE', [e('T-PCM', 'Physique-chimie et mathématiques', 16, 'ecrite'), e('T-BBB', 'Biochimie-biologie-biotechnologie', 16, 'ecrite')]],
  ['ST2S', 'SCIEN. ET TECHNO. DE LA SANTE ET DU SOCIAL', [e('T-STSS', 'Sciences et techniques sanitaires et sociales', 16, 'ecrite'), e('T-CBPH', 'Chimie, biologie et physiopathologie humaines', 16, 'ecrite')]],
  ['S2TMD', 'SCIEN. TECH. THEA. MUS. DANSE', [e('T-EDESV', 'Economie, droit et environnement du spectacle vivant', 16, 'ecrite'), e('T-PRAT', 'Pratique théâtrale, musicale ou chorégraphique', 16, 'pratique')]],
];

export const SPECIALITES: readonly SpecialiteDemo[] = [
  {
    examen: '470',
    code: 'BCG',
    libelle: 'BACCALAUREAT GENERAL',
    epreuves: [
      ...BAC_GENERAL_TERMINAL,
      e('C008', 'Hist-géo, géopol et sci pol', 16, 'ecrite'),
      e('C009', 'Humanités, littérature philo', 16, 'ecrite'),
      e('C010', 'Mathématiques', 16, 'ecrite'),
      e('C011', 'Numérique sc. informatiques', 16, 'ecrite'),
      e('C012', 'Physique-Chimie', 16, 'ecrite'),
      e('C013', 'Sc. de la vie et de la terre', 16, 'ecrite'),
      e('C014', 'Sc. ingénieur', 16, 'ecrite'),
    ],
  },
  { examen: '47A', code: 'BCG', libelle: 'BACCALAUREAT GENERAL', epreuves: [...ANTICIPEES, ...EPREUVES_EC_SPECIALITES] },
  ...SERIES_BTN.map(([code, libelle, specialites]) => ({
    examen: '430',
    code,
    libelle,
    epreuves: [...BAC_GENERAL_TERMINAL, ...specialites],
  })),
  ...SERIES_BTN.map(([code, libelle]) => ({ examen: '43A', code, libelle, epreuves: ANTICIPEES })),
  {
    examen: '400',
    code: '31202',
    libelle: 'Commerce',
    epreuves: [
      ...TERTIAIRE_BCP,
      e('E2', 'ANALYSE ET RESOLUTION DE SITUATIONS PROFESSIONNELLES', 5, 'ecrite', 'professionnel'),
      e('E31', 'CONSEIL ET VENTE', 5, 'orale', 'professionnel'),
      e('E32', 'SUIVI DES VENTES', 4, 'orale', 'professionnel'),
      e('E33', 'FIDELISATION DE LA CLIENTELE ET DEVELOPPEMENT DE LA RELATION CLIENT', 4, 'orale', 'professionnel'),
      ...GENERAL_BCP,
      ...CONTROLE_BCP,
    ],
  },
  {
    examen: '400',
    code: '25510',
    libelle: "Métiers de l'électricité et de ses environnements connectés",
    epreuves: [
      e('E11', 'MATHEMATIQUES', 1.5, 'ecrite', 'general'),
      e('E12', 'PHYSIQUE-CHIMIE', 1.5, 'ecrite', 'general'),
      e('E2', "ANALYSE ET PREPARATION D'UNE ACTIVITE", 5, 'ecrite', 'professionnel'),
      e('E31', 'REALISATION D\'UNE INSTALLATION', 6, 'pratique', 'professionnel'),
      e('E32', 'LIVRAISON D\'UNE INSTALLATION', 3, 'pratique', 'professionnel'),
      e('E33', 'DEPANNAGE ET MAINTENANCE', 2, 'pratique', 'professionnel'),
      e('E34', 'ECONOMIE-GESTION', 1, 'ecrite', 'general'),
      e('E35', 'PREVENTION SANTE ENVIRONNEMENT', 1, 'ecrite', 'general'),
      ...GENERAL_BCP,
      ...CONTROLE_BCP,
    ],
  },
  {
    examen: '400',
    code: '31210',
    libelle: 'Accueil - Relation clients et usagers',
    epreuves: [
      ...TERTIAIRE_BCP,
      e('E2', 'ANALYSE ET TRAITEMENT DE SITUATIONS SPECIFIQUES', 4, 'ecrite', 'professionnel'),
      e('E31', "GESTION DE L'ACCUEIL MULTICANAL", 6, 'orale', 'professionnel'),
      e('E32', "GESTION DE L'INFORMATION ET DES PRESTATIONS", 4, 'orale', 'professionnel'),
      ...GENERAL_BCP,
      ...CONTROLE_BCP,
    ],
  },
  {
    examen: '400',
    code: '30001',
    libelle: 'GESTION - ADMINISTRATION',
    epreuves: [
      ...TERTIAIRE_BCP,
      e('E2', 'GESTION DES DOSSIERS FOURNISSEURS ET CLIENTS', 5, 'ecrite', 'professionnel'),
      e('E31', 'GESTION ADMINISTRATIVE DU PERSONNEL', 3, 'pratique', 'professionnel'),
      e('E32', 'GESTION ADMINISTRATIVE INTERNE', 3, 'pratique', 'professionnel'),
      e('E33', 'GESTION ADMINISTRATIVE DES PROJETS', 3, 'orale', 'professionnel'),
      ...GENERAL_BCP,
      ...CONTROLE_BCP,
    ],
  },
  {
    examen: '320',
    code: '31209',
    libelle: 'MANAGEMENT UNITES COMMERCIALES',
    epreuves: [
      e('E1', 'CULTURE GENERALE ET EXPRESSION', 3, 'ecrite'),
      e('E2', 'LANGUE VIVANTE ETRANGERE 1', 3, 'orale'),
      e('E3', 'CULTURE ECONOMIQUE, JURIDIQUE ET MANAGERIALE', 3, 'ecrite'),
      e('E4', 'MANAGEMENT & GESTION UNITES CO', 4, 'ecrite'),
      e('E5', 'ANIMATION ET DYNAMISATION DE L\'OFFRE COMMERCIALE', 3, 'orale'),
      e('E6', "GESTION OPERATIONNELLE", 3, 'ecrite'),
      e('EF1', 'LANGUE VIVANTE FACULTATIVE', 1, 'orale', null, true),
    ],
  },
  {
    examen: '450',
    code: '22108',
    libelle: 'BOULANGER',
    epreuves: [
      e('A117', 'DOSSIER', 2, 'orale'),
      e('E1', 'PRODUCTION ET VALORISATION DES PRODUITS', 8, 'pratique'),
      e('E5', 'EXPRESSION FRANCAISE ET OUVERTURE SUR LE MONDE', 3, 'ecrite'),
    ],
  },
  {
    examen: '500',
    code: 'TOUTES',
    libelle: 'TOUTES SPECIALITES CAP',
    epreuves: [
      e('CHEOEUVR', "CHEF D'OEUVRE", 1, 'orale'),
      e('EG1', 'FRANCAIS, HISTOIRE-GEOGRAPHIE ET ENSEIGNEMENT MORAL ET CIVIQUE', 3, 'ecrite'),
      e('EG2', 'MATHEMATIQUES ET PHYSIQUE-CHIMIE', 2, 'ecrite'),
      e('EG3', 'EDUCATION PHYSIQUE ET SPORTIVE', 1, 'pratique'),
    ],
  },
  {
    // DNB from session 2026 (arrêté du 10 avril 2025): final written épreuves and the oral.
    examen: CODE_EXAMEN_DNB,
    code: 'GEN',
    libelle: 'SERIE GENERALE',
    epreuves: [
      e('FRAN', 'FRANCAIS', 2, 'ecrite'),
      e('MATH', 'MATHEMATIQUES', 2, 'ecrite'),
      e('HGEO', 'HISTOIRE-GEOGRAPHIE', 1.5, 'ecrite'),
      e('EMC', 'ENSEIGNEMENT MORAL ET CIVIQUE', 0.5, 'ecrite'),
      e('SCIE', 'SCIENCES', 2, 'ecrite'),
      e('ORAL', 'EPREUVE ORALE', 2, 'orale'), // weight of the oral: medium confidence, to be checked
    ],
  },
  {
    examen: CODE_EXAMEN_DNB,
    code: 'PRO',
    libelle: 'SERIE PROFESSIONNELLE',
    epreuves: [
      e('FRAN', 'FRANCAIS', 2, 'ecrite'),
      e('MATH', 'MATHEMATIQUES', 2, 'ecrite'),
      e('HGEO', 'HISTOIRE-GEOGRAPHIE', 1.5, 'ecrite'),
      e('EMC', 'ENSEIGNEMENT MORAL ET CIVIQUE', 0.5, 'ecrite'),
      e('SCIE', 'SCIENCES', 2, 'ecrite'),
      e('ORAL', 'EPREUVE ORALE', 2, 'orale'), // weight of the oral: medium confidence, to be checked
    ],
  },
];

// BIC of a fictitious bank (the IBANs are generated with a valid key but belong to no one).
export const BICS: readonly string[] = ['DEMOFRPPXXX', 'FICTFRP1XXX', 'EXMPFRPPREN'];
