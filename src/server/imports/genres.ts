// The kinds of « Imports de données » (gestionnaire, issue 15): each kind names its columns, checks
// one line alone (`lire`), then applies the valid lines of the gestionnaire's académie in one
// transaction (`appliquer`), returning the lines it refused on the data (unknown mission…). The
// screen, the route, the treatment and the command line (`npm run import`) are the same for all
// kinds: a new import (issue 17) is one more entry in GENRES_IMPORT.
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import type { RejetLigne } from './fichier-csv.ts';
import { importEtatsSantorin } from './santorin-etats.ts';

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
  appliquer(trx: Transaction<DB>, c: ContexteImport, lignes: ReadonlyArray<{ ligne: number; valeur: L }>): Promise<BilanImport>;
}

export const GENRES_IMPORT: readonly GenreImport[] = [importEtatsSantorin];

export function genreImport(code: string): GenreImport | undefined {
  return GENRES_IMPORT.find((g) => g.code === code);
}
