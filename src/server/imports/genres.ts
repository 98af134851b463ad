// The kinds of « Imports de données » (gestionnaire, issue 15): each kind names its columns, checks
// one line alone (`lire`), then applies the valid lines of the gestionnaire's académie in one
// transaction (`appliquer`), returning the lines it refused on the data (unknown mission…). The
// screen, the route, the treatment and the command line (`npm run import`) are the same for all
// kinds: a new import (issue 17) is one more entry in GENRES_IMPORT.
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import type { RejetLigne } from './fichier-csv.ts';
import { importEtatsSantorin } from './santorin-etats.ts';
import { importPersonnels } from './genres/personnels.ts';
import { importIndisponibilites } from './genres/indisponibilites.ts';
import { importEnseignements } from './genres/enseignements.ts';
import { importInscriptions } from './genres/inscriptions.ts';
import { importCycladesIcc } from './genres/cyclades-icc.ts';
import { importSantorinComptages } from './genres/santorin-comptages.ts';

export interface ColonneImport {
  nom: string;
  obligatoire: boolean;
  description: string;
}

export interface BilanImport {
  rejets: RejetLigne[];
  ajoutees: number;
  modifiees: number;
  inchangees: number;
}

export interface ContexteImport {
  academieCode: string;
  academieLibelle: string;
  traitementId: string;
  le: Date;
}

export interface GenreImport<L = any> {
  code: string;
  libelle: string;
  /** One paragraph for the screen: where the file comes from, what it changes. */
  description: string;
  /** The page of docs/imports/ that documents the layout. */
  documentation: string;
  colonnes: readonly ColonneImport[];
  /** The words of the compte rendu's counts: « état(s) de correction ». */
  unite: string;
  lire(champ: (nom: string) => string, ligne: number): { valeur: L } | { rejets: RejetLigne[] };
  /**
   * Applies a BATCH of valid lines (up to TAILLE_LOT_IMPORT): called once per batch, all batches in one
   * transaction for « tout ou rien » and for the preview (rolled back), one transaction per batch for
   * « lignes valides seulement ». Idempotent: a line already applied counts as `inchangees`.
   */
  appliquer(trx: Transaction<DB>, c: ContexteImport, lignes: ReadonlyArray<{ ligne: number; valeur: L }>): Promise<BilanImport>;
  /**
   * Optional (issue 17): the key of a line. Two lines of one file with the same key: the second is
   * rejected (« déjà donnée ligne n »); with `complet`, the keys of the file feed `absents`.
   */
  cle?(valeur: L): string;
  /** Optional: the file is a full extract of the académie's rows (then `cle` and `absents` are given). */
  complet?: boolean;
  /**
   * Optional, with `complet`: after the last batch, the French descriptions of the académie's rows
   * whose key is not in the file. Reported in the compte rendu, never deleted.
   */
  absents?(trx: Transaction<DB>, c: ContexteImport, cles: ReadonlySet<string>): Promise<string[]>;
}

/** The number of valid lines given to one `appliquer` call at most. */
export const TAILLE_LOT_IMPORT = 1000;

export const GENRES_IMPORT: readonly GenreImport[] = [importEtatsSantorin, importPersonnels, importIndisponibilites, importEnseignements, importInscriptions, importCycladesIcc, importSantorinComptages];

export function genreImport(code: string): GenreImport | undefined {
  return GENRES_IMPORT.find((g) => g.code === code);
}
