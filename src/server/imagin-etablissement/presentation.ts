// How the établissement service shows its rows: the libellés the seed's screens and editions print.
import { isoParis, libellesDates } from '../../domain/imagin/dates.ts';
import { libelleEtablissement } from '../imagin/convocation.repo.ts';
import type { LigneAffectation } from './imagin-etablissement.repo.ts';

export const LIBELLE_SOURCE: Record<string, string> = {
  ETABLISSEMENT: 'Établissement',
  EPP: 'EPP',
  SIRHEN: 'SIRHEN',
  CONVOCATION: 'Convocation',
  GESTIONNAIRE: 'Gestionnaire',
};

/** "Convoquée", "Convoquée par centre", "Affectée" (003 §4.2.2). */
export function libelleStatut(a: Pick<LigneAffectation, 'statut' | 'origine'>): string {
  if (a.statut === 'affectee') return 'Affectée, non convoquée';
  return a.origine === 'centre' ? 'Convoquée par centre' : 'Convoquée';
}

/** "EA-BTN 2020", as the "Affectations convoquées" tab prints the exam. */
export function libelleExamen(a: Pick<LigneAffectation, 'sigle' | 'annee'>): string {
  return `${a.sigle} ${a.annee}`;
}

export function libelleSpecialite(a: Pick<LigneAffectation, 'specialite_code' | 'specialite_libelle'>): string | null {
  return a.specialite_code ? `${a.specialite_code} - ${a.specialite_libelle}` : null;
}

export function libelleEpreuve(a: Pick<LigneAffectation, 'epreuve_code' | 'epreuve_libelle'>): string | null {
  return a.epreuve_code ? `${a.epreuve_code}, ${a.epreuve_libelle}` : null;
}

/** The editions' "Spécialité Epreuve-option": "TOUTES SERIES BCG,0144-1 EVALUATION SPEC.LANG.S.EUROP. ANGLAIS". */
export function libelleSpecialiteEpreuve(a: LigneAffectation): string {
  const epreuve = a.epreuve_code ? `${a.epreuve_code} ${a.epreuve_libelle}` : '';
  return [a.specialite_libelle ?? '', epreuve].filter(Boolean).join(',');
}

export function libelleCentre(a: LigneAffectation): string | null {
  return a.centre_nom ? libelleEtablissement({ type: a.centre_type!, nom: a.centre_nom, commune: a.centre_commune! }) : null;
}

/** Where the mission takes place: its own place when the gestionnaire gave one, else its centre. */
export function libelleLieu(a: LigneAffectation): string {
  return a.lieu?.trim() || libelleCentre(a) || '';
}

export function libellesDatesAffectation(a: LigneAffectation): string[] {
  return libellesDates(a.creneaux, a.datesPropres);
}

export function debut(a: LigneAffectation): string | null {
  return a.creneaux[0]?.jour ?? null;
}

/** The year(s) a mission takes place in, for the exports' popup: those of its dates, else its session's. */
export function anneesAffectation(a: LigneAffectation): number[] {
  if (a.creneaux.length === 0) return [a.annee];
  return [...new Set(a.creneaux.map((c) => Number(c.jour.slice(0, 4))))];
}

export function dateIso(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  return isoParis(d instanceof Date ? d : new Date(d));
}

export function trierAffectations(lignes: LigneAffectation[]): LigneAffectation[] {
  return lignes.sort((a, b) => (debut(a) ?? '9999').localeCompare(debut(b) ?? '9999') || a.numero - b.numero);
}
