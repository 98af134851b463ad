// Indemnités des chefs de centre (seed 003 §4.5, domain-rules.md): which sessions, the dated rates,
// the global amount from the number of days per band, the répartition between intervenants (a share
// in % rounded to the cent, or an amount), the totals, and the follow-up status computed from the
// gestionnaire's decision on each line. Money is in cents, days and percentages in tenths: integers,
// no floating-point surprise.
import { lireDecimal } from './constat.ts';
import type { Lecture } from './dates.ts';

export type TypeIcc = 'BAC' | 'BTS';
export type PeriodeIcc = 'normale' | 'remplacement';

/** BAC: BCG 470, BTN 430, BCP 400, EA-BCG 47A, EA-BTN 43A; BTS 320 (003 §4.5). */
export const EXAMENS_ICC_BAC: readonly string[] = ['43A', '47A', '400', '430', '470'];
export const EXAMENS_ICC_BTS: readonly string[] = ['320'];
export const EXAMENS_ICC: readonly string[] = [...EXAMENS_ICC_BAC, ...EXAMENS_ICC_BTS];

export function typeIcc(examenCode: string): TypeIcc | null {
  if (EXAMENS_ICC_BAC.includes(examenCode)) return 'BAC';
  if (EXAMENS_ICC_BTS.includes(examenCode)) return 'BTS';
  return null;
}

/** No « session de remplacement » for the BTS (N/A in the seed). */
export function periodesIcc(type: TypeIcc): PeriodeIcc[] {
  return type === 'BTS' ? ['normale'] : ['normale', 'remplacement'];
}

export const LIBELLE_PERIODE: Record<PeriodeIcc, string> = { normale: 'Session normale', remplacement: 'Epreuves de remplacement' };

/** The three bands of days, by type: their labels and input format. */
export interface Tranche {
  libelle: string;
  format: string;
  max: number;
  maxInclus: boolean;
}

export const TRANCHES: Record<TypeIcc, readonly [Tranche, Tranche, Tranche]> = {
  BAC: [
    { libelle: 'De 1 à 600 candidats', format: 'xx,x < 100', max: 100, maxInclus: false },
    { libelle: 'Plus de 600 candidats', format: 'xx,x < 100', max: 100, maxInclus: false },
    { libelle: 'Supplémentaires', format: 'x,x <= 3', max: 3, maxInclus: true },
  ],
  BTS: [
    { libelle: 'De 11 à 50 candidats', format: 'xx,x < 100', max: 100, maxInclus: false },
    { libelle: 'De 51 à 100 candidats', format: 'xx,x < 100', max: 100, maxInclus: false },
    { libelle: 'Plus de 100 candidats', format: 'xx,x < 100', max: 100, maxInclus: false },
  ],
};

/** One dated rate: from `depuis` on, a day of band `tranche` (1–3) pays `centimes`. */
export interface TauxIcc {
  type: TypeIcc;
  tranche: 1 | 2 | 3;
  depuis: string;
  centimes: number;
}

/**
 * The rates in force (data, kept in the table icc_taux; these are the migration's defaults):
 * BAC, décret n° 2012-923 and arrêté du 27 juillet 2012: 173 € a day with 1–600 candidates, 230 €
 * with more; BTS, arrêté du 10 août 2022: 50 € (11–50), 80 € (51–100), 150 € (> 100). The
 * « journées supplémentaires » have no public rate: 173 € by default, to be set by the académie.
 */
export const TAUX_PAR_DEFAUT: readonly TauxIcc[] = [
  { type: 'BAC', tranche: 1, depuis: '2012-07-27', centimes: 17_300 },
  { type: 'BAC', tranche: 2, depuis: '2012-07-27', centimes: 23_000 },
  { type: 'BAC', tranche: 3, depuis: '2012-07-27', centimes: 17_300 },
  { type: 'BTS', tranche: 1, depuis: '2022-08-10', centimes: 5_000 },
  { type: 'BTS', tranche: 2, depuis: '2022-08-10', centimes: 8_000 },
  { type: 'BTS', tranche: 3, depuis: '2022-08-10', centimes: 15_000 },
];

/** The rate of each band on a date: the latest `depuis` not after it (the earliest known before any). */
export function tauxEnVigueur(taux: readonly TauxIcc[], type: TypeIcc, date: string): [number, number, number] {
  const r: number[] = [];
  for (const tranche of [1, 2, 3] as const) {
    const l = taux.filter((t) => t.type === type && t.tranche === tranche).sort((a, b) => a.depuis.localeCompare(b.depuis));
    const applicable = l.filter((t) => t.depuis <= date).at(-1) ?? l[0];
    r.push(applicable?.centimes ?? 0);
  }
  return r as [number, number, number];
}

/** « Montant global calculé », in cents: Σ days (tenths) × rate, rounded to the cent. */
export function montantGlobal(journeesDixiemes: readonly [number, number, number], taux: readonly [number, number, number]): number {
  let s = 0;
  for (let i = 0; i < 3; i++) s += journeesDixiemes[i]! * taux[i]!;
  return Math.round(s / 10);
}

/** A répartition share (tenths of a percent) of the global amount, rounded half up to the cent: 5,5 % of 1 268,00 € = 69,74 €. */
export function montantPourcentage(globalCentimes: number, pourcentageDixiemes: number): number {
  return Math.round((globalCentimes * pourcentageDixiemes) / 1000);
}

export interface LigneRepartition {
  pourcentageDixiemes: number | null;
  centimes: number;
}

export function totaux(globalCentimes: number, lignes: readonly LigneRepartition[]): { reparti: number; restant: number } {
  const reparti = lignes.reduce((s, l) => s + l.centimes, 0);
  return { reparti, restant: globalCentimes - reparti };
}

/** The refusal when the lines exceed the global amount (null: fine). */
export function depassement(globalCentimes: number, lignes: readonly LigneRepartition[]): string | null {
  const { reparti } = totaux(globalCentimes, lignes);
  if (reparti <= globalCentimes) return null;
  return `Le total réparti (${euros(reparti)}) dépasse le montant global calculé (${euros(globalCentimes)}) de ${euros(reparti - globalCentimes)} : réduisez la répartition.`;
}

/** 126800 → "1 268,00 €" (no-break spaces). */
export function euros(centimes: number): string {
  const signe = centimes < 0 ? '-' : '';
  const a = Math.abs(centimes);
  const entier = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${signe}${entier},${String(a % 100).padStart(2, '0')}\u00a0€`;
}

/** Tenths as printed: 60 → "6,0"; 55 → "5,5". */
export function dixiemes(n: number): string {
  return `${Math.floor(n / 10)},${n % 10}`;
}

export function lireJournees(saisie: string | number | null | undefined, tranche: Tranche): Lecture<number> {
  const r = lireDecimal(saisie, `Nombre de journées « ${tranche.libelle} »`, { decimales: 1, format: tranche.format, max: tranche.max, maxInclus: tranche.maxInclus });
  return r.ok ? { ok: true, valeur: r.valeur ?? 0 } : r;
}

export function lirePourcentage(saisie: string | number | null | undefined): Lecture<number | null> {
  return lireDecimal(saisie, 'Répartition (%)', { decimales: 1, format: 'x,x <= 100', max: 100, strictementPositif: true });
}

export function lireMontant(saisie: string | number | null | undefined): Lecture<number | null> {
  return lireDecimal(saisie, 'Montant (€)', { decimales: 2, format: 'x,xx > 0', max: 999_999, strictementPositif: true });
}

// ---------------------------------------------------------------------------------------------
// Statuses

export type StatutSaisie = 'non_transmis' | 'transmis';
export type SuiviIcc = 'initialise' | 'valide' | 'rejete' | 'accepte';
export type StatutLigne = 'a_traiter' | 'valide' | 'rejete' | 'paye';

export const LIBELLE_STATUT_SAISIE: Record<StatutSaisie, string> = { non_transmis: 'Non transmis', transmis: 'Transmis' };
export const LIBELLE_SUIVI: Record<SuiviIcc, string> = { initialise: 'Initialisé', valide: 'Validé', rejete: 'Rejeté', accepte: 'Accepté' };
export const LIBELLE_LIGNE: Record<StatutLigne, string> = { a_traiter: 'A traiter', valide: 'Validé', rejete: 'Rejeté', paye: 'Payé' };

/**
 * « Suivi de traitement » (003 §4.5.2): nothing before transmission; then Initialisé; Rejeté as soon as
 * one line is rejected; Validé when every line is validated (or paid); Accepté when every line is paid.
 */
export function suiviTraitement(statutSaisie: StatutSaisie, lignes: readonly StatutLigne[]): SuiviIcc | null {
  if (statutSaisie !== 'transmis') return null;
  if (lignes.some((l) => l === 'rejete')) return 'rejete';
  if (lignes.length > 0 && lignes.every((l) => l === 'paye')) return 'accepte';
  if (lignes.length > 0 && lignes.every((l) => l === 'valide' || l === 'paye')) return 'valide';
  return 'initialise';
}

export const MESSAGE_TRANSMIS = 'Vos indemnités ont été transmises au service Gestionnaire. Pour toute modification, veuillez contacter ce service.';
export const CONFIRMATION_TRANSMISSION =
  'Êtes-vous sûr de vouloir valider et envoyer cette saisie d’indemnités ? Votre saisie va être transmise au service Gestionnaire et vous ne pourrez plus la modifier en ligne. Pour la modifier, vous devrez contacter le service en question.';
