// SQL of « Paramètres des états de frais » (frais_parametres, migration 022): one row per académie,
// created with a default text the first time it is read.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';

export type Executeur = Kysely<DB> | Transaction<DB>;

export interface LigneParametres {
  academie_code: string;
  conditions_texte: string;
  conditions_version: number;
  conditions_modifie_le: Date | null;
  conditions_modifie_par: string | null;
  pieces_dematerialisees: boolean;
  relance_intervalle_jours: number;
  version: number;
}

/** Creates the académie's row with `texte` when it has none (nothing otherwise). */
export async function creerSiAbsent(db: Executeur, academieCode: string, texte: string): Promise<void> {
  await db
    .insertInto('frais_parametres')
    .values({ academie_code: academieCode, conditions_texte: texte })
    .onConflict((oc) => oc.column('academie_code').doNothing())
    .execute();
}

export async function lire(db: Executeur, academieCode: string, pourMaj = false): Promise<LigneParametres | undefined> {
  return db
    .selectFrom('frais_parametres as p')
    .leftJoin('compte as c', 'c.id', 'p.conditions_modifie_par')
    .select([
      'p.academie_code',
      'p.conditions_texte',
      'p.conditions_version',
      'p.conditions_modifie_le',
      'c.login as conditions_modifie_par',
      'p.pieces_dematerialisees',
      'p.relance_intervalle_jours',
      'p.version',
    ])
    .where('p.academie_code', '=', academieCode)
    .$if(pourMaj, (q) => q.forUpdate(['p']))
    .executeTakeFirst() as Promise<LigneParametres | undefined>;
}

export async function modifier(
  db: Executeur,
  academieCode: string,
  v: { conditionsTexte: string; nouveauTexte: boolean; piecesDematerialisees: boolean; relanceIntervalleJours: number; compteId: number; le: Date },
): Promise<void> {
  await db
    .updateTable('frais_parametres')
    .set({
      conditions_texte: v.conditionsTexte,
      pieces_dematerialisees: v.piecesDematerialisees,
      relance_intervalle_jours: v.relanceIntervalleJours,
      version: sql<number>`version + 1`,
      ...(v.nouveauTexte ? { conditions_version: sql<number>`conditions_version + 1`, conditions_modifie_le: v.le, conditions_modifie_par: v.compteId } : {}),
    })
    .where('academie_code', '=', academieCode)
    .execute();
}

/** The last change of the parameters in the audit log (who and when), for the 409's message. */
export async function derniereModification(db: Executeur, academieCode: string): Promise<{ acteur: string; le: Date } | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['acteur', 'le'])
    .where('academie_code', '=', academieCode)
    .where('action', '=', 'frais-parametres.modifier')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst() as Promise<{ acteur: string; le: Date } | undefined>;
}
