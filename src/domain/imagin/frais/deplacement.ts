// The « Déplacement » tab of an état de frais (seed 004 §2.4.4.3, décret n° 2006-781, decision 0029):
// the checks of one line (French messages naming the field), the estimated amount from the dated rates,
// the first mission of the day (the others are « Invalidable »), the line prefilled from the mission,
// and when the tab is open at all. Pure functions: the rates come from the dated tables
// (src/server/imagin-frais/deplacement.repo.ts), the mission and the person from the caller.
//
// Conventions (decision 0029):
// - `km` is the distance of ONE WAY; `trajets` the number of round trips (aller-retour) the line covers
//   (a daily return over a 3-day mission: one line, 3 trajets): indemnity = km × 2 × trajets × rate.
// - amounts are integers in centimes; a line is rounded to the cent once, after adding its parts.
// - the nuitée rate is the base rate (the hotel's town size and a disability are not known here):
//   the amount is an estimate, the gestionnaire's figure prevails.
import type { LigneDeplacement, ModeTransport } from './types.ts';

export type CategorieKm = '5CV' | '6-7CV' | '8CV' | 'MOTO' | 'CYCLO';

/** The rates in force on the mission's date (centimes). */
export interface TauxDeplacement {
  kmCentimes(categorie: CategorieKm): number;
  nuiteeCentimes: number;
  repasCentimes: number;
}

export const MODES_TRANSPORT: ModeTransport[] = [
  'AUTOMOBILE',
  'TRAIN_2EME_CLASSE',
  'TRANSPORT_EN_COMMUN',
  'BON_DE_TRANSPORT',
  'AVION',
  'BATEAU',
  'MOTO',
  'CYCLOMOTEUR',
  'COVOITURAGE_PASSAGER',
  'AUCUN',
];

/** Modes refunded by the kilometre (indemnités kilométriques): km and trajets asked. */
export const MODES_KILOMETRIQUES: ReadonlySet<ModeTransport> = new Set<ModeTransport>(['AUTOMOBILE', 'MOTO', 'CYCLOMOTEUR']);
/** « Frais divers » (tolls, parking) are offered with these modes only (seed 004 §2.4.4.3). */
export const MODES_FRAIS_DIVERS: ReadonlySet<ModeTransport> = new Set<ModeTransport>(['AUTOMOBILE', 'BON_DE_TRANSPORT']);
/** Tickets the intervenant paid and has refunded on receipts (a bon de transport is paid by the administration). */
export const MODES_BILLETS: ReadonlySet<ModeTransport> = new Set<ModeTransport>(['TRAIN_2EME_CLASSE', 'TRANSPORT_EN_COMMUN', 'AVION', 'BATEAU']);

export const LIBELLE_CATEGORIE_KM: Record<CategorieKm, string> = {
  '5CV': '5 CV et moins',
  '6-7CV': '6 et 7 CV',
  '8CV': '8 CV et plus',
  MOTO: 'motocyclette (plus de 125 cm³)',
  CYCLO: 'vélomoteur et autres véhicules à moteur',
};

/** Bounds shared with the table frais_deplacement_ligne (migration 022). */
export const LIMITES = { villeLongueur: 100, puissance: 99, km: 5000, trajets: 100, nuitees: 60, repas: 200, commentaire: 500, montantCentimes: 10_000_000 } as const;

/** The kilometric category of a car by its puissance fiscale (arrêté du 14 mars 2022). */
export function categorieKm(puissanceFiscale: number): '5CV' | '6-7CV' | '8CV' {
  if (puissanceFiscale <= 5) return '5CV';
  if (puissanceFiscale <= 7) return '6-7CV';
  return '8CV';
}

/** The kilometric category of a line, or null when the mode is not refunded by the kilometre (or the car's CV are missing). */
export function categorieLigne(l: Pick<LigneDeplacement, 'mode' | 'puissanceFiscale'>): CategorieKm | null {
  if (l.mode === 'MOTO') return 'MOTO';
  if (l.mode === 'CYCLOMOTEUR') return 'CYCLO';
  if (l.mode === 'AUTOMOBILE' && l.puissanceFiscale !== null && l.puissanceFiscale >= 1) return categorieKm(l.puissanceFiscale);
  return null;
}

const p2 = (n: number) => String(n).padStart(2, '0');

function joursDansMois(annee: number, mois: number): number {
  const bissextile = (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
  return [31, bissextile ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mois - 1]!;
}

/** 'AAAA-MM-JJTHH:MM' (also with a space, or seconds) when it is a real date and time, else null. */
export function lireDateHeure(s: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/.exec((s ?? '').trim());
  if (!m) return null;
  const [a, mo, j, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (a < 1900 || a > 2100 || mo < 1 || mo > 12 || j < 1 || j > joursDansMois(a, mo) || h > 23 || mi > 59) return null;
  return `${a}-${p2(mo)}-${p2(j)}T${p2(h)}:${p2(mi)}`;
}

/** Whole days between two ISO dates (b − a). */
function ecartJours(a: string, b: string): number {
  const d = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((d(b) - d(a)) / 86_400_000);
}

const estEntier = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * Checks one line as entered in the dialog; `i` is its index (field keys `lignes.${i}.villeDepart`…).
 * Returns field → French message naming the field; empty when the line is complete and consistent.
 */
export function verifierLigne(l: LigneDeplacement, i: number): Record<string, string> {
  const e: Record<string, string> = {};
  const cle = (champ: string) => `lignes.${i}.${champ}`;
  const n = i + 1;

  const villeDepart = (l.villeDepart ?? '').trim();
  const villeArrivee = (l.villeArrivee ?? '').trim();
  if (!villeDepart) e[cle('villeDepart')] = `Déplacement ${n}, ville de départ : obligatoire.`;
  else if (villeDepart.length > LIMITES.villeLongueur) e[cle('villeDepart')] = `Déplacement ${n}, ville de départ : ${LIMITES.villeLongueur} caractères au plus.`;
  if (!villeArrivee) e[cle('villeArrivee')] = `Déplacement ${n}, ville d'arrivée : obligatoire.`;
  else if (villeArrivee.length > LIMITES.villeLongueur) e[cle('villeArrivee')] = `Déplacement ${n}, ville d'arrivée : ${LIMITES.villeLongueur} caractères au plus.`;

  const depart = lireDateHeure(l.depart);
  const retour = lireDateHeure(l.retour);
  if (!depart) e[cle('depart')] = `Déplacement ${n}, date et heure de départ : obligatoires, une date JJ/MM/AAAA et une heure HH:MM qui existent.`;
  if (!retour) e[cle('retour')] = `Déplacement ${n}, date et heure de retour : obligatoires, une date JJ/MM/AAAA et une heure HH:MM qui existent.`;
  if (depart && retour && retour <= depart) e[cle('retour')] = `Déplacement ${n}, date et heure de retour : doivent être postérieures au départ.`;

  if (!MODES_TRANSPORT.includes(l.mode)) {
    e[cle('mode')] = `Déplacement ${n}, mode de transport : à choisir dans la liste.`;
  }

  if (l.mode === 'AUTOMOBILE') {
    if (l.puissanceFiscale === null || l.puissanceFiscale === undefined) e[cle('puissanceFiscale')] = `Déplacement ${n}, puissance fiscale : obligatoire pour une automobile (en CV).`;
    else if (!estEntier(l.puissanceFiscale) || l.puissanceFiscale < 1 || l.puissanceFiscale > LIMITES.puissance)
      e[cle('puissanceFiscale')] = `Déplacement ${n}, puissance fiscale : nombre entier de CV entre 1 et ${LIMITES.puissance} attendu.`;
  }
  if (MODES_KILOMETRIQUES.has(l.mode)) {
    if (l.km === null || l.km === undefined) e[cle('km')] = `Déplacement ${n}, nombre de kilomètres : obligatoire (distance d'un aller).`;
    else if (!estEntier(l.km) || l.km < 1 || l.km > LIMITES.km) e[cle('km')] = `Déplacement ${n}, nombre de kilomètres : nombre entier entre 1 et ${LIMITES.km} attendu (distance d'un aller).`;
  }
  if (!estEntier(l.trajets) || l.trajets < 1 || l.trajets > LIMITES.trajets) {
    e[cle('trajets')] = `Déplacement ${n}, nombre de trajets : nombre entier entre 1 et ${LIMITES.trajets} attendu (un trajet = un aller-retour).`;
  }

  if (!estEntier(l.nuitees) || l.nuitees < 0 || l.nuitees > LIMITES.nuitees) {
    e[cle('nuitees')] = `Déplacement ${n}, nombre de nuitées : nombre entier positif ou nul attendu (${LIMITES.nuitees} au plus).`;
  } else if (depart && retour && retour > depart && l.nuitees > ecartJours(depart.slice(0, 10), retour.slice(0, 10))) {
    const nuits = ecartJours(depart.slice(0, 10), retour.slice(0, 10));
    e[cle('nuitees')] = `Déplacement ${n}, nombre de nuitées : ${nuits === 0 ? 'aucune nuit' : nuits === 1 ? '1 nuit' : `${nuits} nuits`} entre le départ et le retour, ${l.nuitees} déclarée${l.nuitees > 1 ? 's' : ''}.`;
  }
  if (!estEntier(l.repas) || l.repas < 0 || l.repas > LIMITES.repas) {
    e[cle('repas')] = `Déplacement ${n}, nombre de repas : nombre entier positif ou nul attendu (${LIMITES.repas} au plus).`;
  } else if (depart && retour && retour > depart && l.repas > 2 * (ecartJours(depart.slice(0, 10), retour.slice(0, 10)) + 1)) {
    const jours = ecartJours(depart.slice(0, 10), retour.slice(0, 10)) + 1;
    e[cle('repas')] = `Déplacement ${n}, nombre de repas : 2 repas par jour au plus, soit ${2 * jours} pour ${jours} jour${jours > 1 ? 's' : ''}.`;
  }

  const divers = l.fraisDiversCentimes ?? 0;
  if (!estEntier(divers) || divers < 0 || divers > LIMITES.montantCentimes) {
    e[cle('fraisDiversCentimes')] = `Déplacement ${n}, frais divers : montant positif ou nul attendu, en euros et centimes.`;
  } else if (divers > 0 && !MODES_FRAIS_DIVERS.has(l.mode)) {
    e[cle('fraisDiversCentimes')] = `Déplacement ${n}, frais divers : seulement avec les modes AUTOMOBILE et BON DE TRANSPORT TRAIN, AVION, BATEAU.`;
  } else if (divers > 0 && !(l.commentaire ?? '').trim()) {
    e[cle('commentaire')] = `Déplacement ${n}, commentaire : obligatoire quand des frais divers sont déclarés, précisez leur nature (péage, parking).`;
  }
  if ((l.commentaire ?? '').length > LIMITES.commentaire) e[cle('commentaire')] = `Déplacement ${n}, commentaire : ${LIMITES.commentaire} caractères au plus.`;

  const billets = l.billetsCentimes ?? 0;
  if (!estEntier(billets) || billets < 0 || billets > LIMITES.montantCentimes) {
    e[cle('billetsCentimes')] = `Déplacement ${n}, prix des billets : montant positif ou nul attendu, en euros et centimes.`;
  } else if (billets > 0 && !MODES_BILLETS.has(l.mode)) {
    e[cle('billetsCentimes')] =
      l.mode === 'BON_DE_TRANSPORT'
        ? `Déplacement ${n}, prix des billets : un bon de transport est payé par l'administration, rien à déclarer.`
        : `Déplacement ${n}, prix des billets : seulement avec les modes TRAIN 2EME CLASSE, TRANSPORT EN COMMUN, AVION et BATEAU.`;
  }
  return e;
}

/**
 * Checks every line, and that the first line leaves from the fixed ville de départ (the person's commune,
 * greyed in the dialog) when the prefilled line gives one.
 */
export function verifierLignes(lignes: LigneDeplacement[], preremplie?: Pick<LigneDeplacement, 'villeDepart'> | null): Record<string, string> {
  const e: Record<string, string> = {};
  lignes.forEach((l, i) => Object.assign(e, verifierLigne(l, i)));
  const fixe = villeDepartFixee(preremplie);
  if (fixe && lignes[0] && !e['lignes.0.villeDepart'] && normaliserCommune(lignes[0].villeDepart) !== normaliserCommune(fixe)) {
    e['lignes.0.villeDepart'] = `Déplacement 1, ville de départ : le premier déplacement part de votre commune (${fixe}), non modifiable.`;
  }
  return e;
}

/** The ville de départ of the first line when it is fixed (greyed): the person's commune, when known. */
export function villeDepartFixee(preremplie: Pick<LigneDeplacement, 'villeDepart'> | null | undefined): string | null {
  const v = preremplie?.villeDepart?.trim();
  return v ? v : null;
}

/**
 * Clears what the chosen mode does not use (the dialog hides those fields): CV, km and trajets outside the
 * kilometric modes, frais divers outside AUTOMOBILE / BON DE TRANSPORT, tickets outside the ticket modes;
 * trims the texts.
 */
export function normaliserLigne(l: LigneDeplacement): LigneDeplacement {
  const km = MODES_KILOMETRIQUES.has(l.mode);
  const divers = MODES_FRAIS_DIVERS.has(l.mode);
  return {
    ...l,
    villeDepart: l.villeDepart.trim(),
    villeArrivee: l.villeArrivee.trim(),
    puissanceFiscale: l.mode === 'AUTOMOBILE' ? l.puissanceFiscale : null,
    km: km ? l.km : null,
    trajets: km ? l.trajets : 1,
    fraisDiversCentimes: divers ? l.fraisDiversCentimes : 0,
    billetsCentimes: MODES_BILLETS.has(l.mode) ? l.billetsCentimes : 0,
    commentaire: l.commentaire.trim(),
  };
}

/** The parts of a line's amount, in centimes, not rounded (the detail the tab and the PDF may show). */
export function detailLigne(l: LigneDeplacement, taux: TauxDeplacement): { kilometres: number; nuitees: number; repas: number; fraisDivers: number; billets: number } {
  const categorie = MODES_KILOMETRIQUES.has(l.mode) ? categorieLigne(l) : null;
  const positif = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);
  const trajets = Math.max(1, positif(l.trajets));
  return {
    kilometres: categorie ? positif(l.km) * 2 * trajets * taux.kmCentimes(categorie) : 0,
    nuitees: positif(l.nuitees) * taux.nuiteeCentimes,
    repas: positif(l.repas) * taux.repasCentimes,
    fraisDivers: MODES_FRAIS_DIVERS.has(l.mode) ? positif(l.fraisDiversCentimes) : 0,
    billets: MODES_BILLETS.has(l.mode) ? positif(l.billetsCentimes) : 0,
  };
}

/**
 * The estimated amount of one line (centimes, rounded to the cent once): km × 2 (aller-retour) × trajets ×
 * the rate of the car's category (or MOTO, CYCLO), + nuitées × nuitée rate + repas × repas rate
 * + frais divers (AUTOMOBILE, BON DE TRANSPORT) + tickets (train, public transport, plane, boat).
 * What the mode does not use counts for nothing.
 */
export function montantLigne(l: LigneDeplacement, taux: TauxDeplacement): number {
  const d = detailLigne(l, taux);
  return Math.round(d.kilometres + d.nuitees + d.repas + d.fraisDivers + d.billets);
}

/** The estimated amount of the déplacement (centimes): the sum of the lines. */
export function montantDeplacement(lignes: LigneDeplacement[], taux: TauxDeplacement): number {
  return lignes.reduce((s, l) => s + montantLigne(l, taux), 0);
}

/** The rates as JSON can carry them (a vue sent to the web page, which then estimates each line live). */
export interface TauxDeplacementVue {
  kmCentimes: Record<CategorieKm, number>;
  nuiteeCentimes: number;
  repasCentimes: number;
}

export function tauxVersVue(t: TauxDeplacement): TauxDeplacementVue {
  const km = {} as Record<CategorieKm, number>;
  for (const c of ['5CV', '6-7CV', '8CV', 'MOTO', 'CYCLO'] as const) km[c] = t.kmCentimes(c);
  return { kmCentimes: km, nuiteeCentimes: t.nuiteeCentimes, repasCentimes: t.repasCentimes };
}

export function tauxDepuisVue(v: TauxDeplacementVue): TauxDeplacement {
  return { kmCentimes: (c) => v.kmCentimes[c] ?? 0, nuiteeCentimes: v.nuiteeCentimes, repasCentimes: v.repasCentimes };
}

/** A row of the dated tables frais_taux_km / frais_taux_forfait (depuis: 'AAAA-MM-JJ'). */
export interface TauxKmDate {
  categorie: CategorieKm;
  bande: number;
  depuis: string;
  centimes: number;
}
export interface TauxForfaitDate {
  nature: 'nuitee_base' | 'nuitee_grande_ville' | 'nuitee_paris' | 'nuitee_pmr' | 'repas';
  depuis: string;
  centimes: number;
}

/**
 * The rates in force on `jour` ('AAAA-MM-JJ'): for each category (of the person's yearly distance band) and
 * each flat rate, the row with the latest `depuis` not after `jour`. A rate with no row in force is 0
 * (the estimate then leaves it out; the gestionnaire's figure prevails).
 */
export function tauxEnVigueur(
  km: TauxKmDate[],
  forfaits: TauxForfaitDate[],
  jour: string,
  o: { bande?: 1 | 2 | 3; nuitee?: TauxForfaitDate['nature'] } = {},
): TauxDeplacement {
  const bande = o.bande ?? 1;
  const dernier = <T extends { depuis: string; centimes: number }>(rows: T[]): number => {
    let choisi: T | null = null;
    for (const r of rows) if (r.depuis.slice(0, 10) <= jour && (!choisi || r.depuis > choisi.depuis)) choisi = r;
    return choisi ? choisi.centimes : 0;
  };
  const parCategorie = new Map<CategorieKm, number>();
  for (const c of ['5CV', '6-7CV', '8CV', 'MOTO', 'CYCLO'] as const) parCategorie.set(c, dernier(km.filter((r) => r.categorie === c && r.bande === bande)));
  return {
    kmCentimes: (c) => parCategorie.get(c) ?? 0,
    nuiteeCentimes: dernier(forfaits.filter((r) => r.nature === (o.nuitee ?? 'nuitee_base'))),
    repasCentimes: dernier(forfaits.filter((r) => r.nature === 'repas')),
  };
}

/**
 * The missions whose déplacement is « Invalidable »: all the trips of a day are entered on the first
 * mission of that day (earliest start; on a tie, the smallest convocation id); the other missions of that
 * day with a déplacement show « Invalidable » (seed 004 §2.4.4.3). Missions without a déplacement do not
 * count. Days are the missions' first days.
 */
export function missionsInvalidables(missions: Array<{ convocationId: number; premierJour: string; heureDebut: string; deplacement: boolean }>): Set<number> {
  const premiere = new Map<string, { convocationId: number; heure: string }>();
  const avec = missions.filter((m) => m.deplacement);
  for (const m of avec) {
    const jour = m.premierJour.slice(0, 10);
    const heure = (m.heureDebut ?? '').slice(0, 5);
    const p = premiere.get(jour);
    if (!p || heure < p.heure || (heure === p.heure && m.convocationId < p.convocationId)) premiere.set(jour, { convocationId: m.convocationId, heure });
  }
  const r = new Set<number>();
  for (const m of avec) if (premiere.get(m.premierJour.slice(0, 10))?.convocationId !== m.convocationId) r.add(m.convocationId);
  return r;
}

/**
 * The line shown at first (seed 004 §2.4.4.3): from the person's commune (fixed, greyed) to the mission's
 * place, leaving at the mission's start and coming back at its end ('AAAA-MM-JJTHH:MM'); the intervenant
 * completes it (mode, km…) in the dialog. AUTOMOBILE is proposed, with nothing entered yet.
 */
export function lignePreremplie(m: { villeDepart: string; lieu: string; debut: string; fin: string }): LigneDeplacement {
  return {
    villeDepart: (m.villeDepart ?? '').trim(),
    villeArrivee: (m.lieu ?? '').trim(),
    depart: lireDateHeure(m.debut) ?? m.debut,
    retour: lireDateHeure(m.fin) ?? m.fin,
    mode: 'AUTOMOBILE',
    puissanceFiscale: null,
    km: null,
    trajets: 1,
    nuitees: 0,
    repas: 0,
    fraisDiversCentimes: 0,
    billetsCentimes: 0,
    commentaire: '',
  };
}

/** A commune name compared without case, accents, hyphens, « ST » for « SAINT », a CEDEX or an arrondissement. */
export function normaliserCommune(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bCEDEX\b.*$/, '')
    .replace(/\b\d+\s*(E|ER|EME)?\s*(ARRONDISSEMENT)?\s*$/, '')
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether the mission opens the « Déplacement » tab (transport and lodging refunded, decision 0029):
 * - not for a correction dématérialisée (copies corrected at home on SANTORIN, no travel);
 * - not when the mission takes place in the commune of the person's résidence administrative (the
 *   établissement of affectation) or résidence familiale (décret 2006-781 art. 2: a mission is outside both);
 * - otherwise yes, also when the commune of the mission or of the person is unknown (the gestionnaire checks).
 */
export function deplacementOuvert(m: {
  correctionDematerialisee: boolean;
  communeMission: string | null;
  communeResidenceAdministrative: string | null;
  communeResidenceFamiliale?: string | null;
}): boolean {
  if (m.correctionDematerialisee) return false;
  const mission = normaliserCommune(m.communeMission);
  if (!mission) return true;
  for (const r of [m.communeResidenceAdministrative, m.communeResidenceFamiliale]) if (normaliserCommune(r) === mission) return false;
  return true;
}

/** « 1 268,00 € » from centimes (the platform's one formatter). */
export { euros } from '../icc.ts';

/** '12,50' / '12.5' / '12' → 1250 centimes; '' → 0; null when it is not an amount. */
export function lireEuros(s: string): number | null {
  const t = s.trim().replace(/\s|\u202f|\u00a0|€/g, '').replace(',', '.');
  if (!t) return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
