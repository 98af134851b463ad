// The queries of « Imports de données »: the last imports of the académie (treatments of the import type).
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';

export async function derniersImports(db: Executeur, academieCode: string, type: string, limite: number) {
  return db
    .selectFrom('traitement as t')
    .leftJoin('compte as c', 'c.id', 't.cree_par')
    .select(['t.id', 't.titre', 't.statut', 't.cree_le', 't.fin', 't.parametres', 'c.login as par'])
    .where('t.academie_code', '=', academieCode)
    .where('t.type', '=', type)
    .orderBy('t.cree_le', 'desc')
    .limit(limite)
    .execute();
}

export async function libelleAcademie(db: Executeur, code: string): Promise<string> {
  return (await db.selectFrom('academie').select('libelle').where('code', '=', code).executeTakeFirst())?.libelle ?? code;
}

/** The import treatment of the académie waiting or running, if any (one at a time). */
export async function importEnCours(db: Executeur, academieCode: string, type: string) {
  return db
    .selectFrom('traitement as t')
    .leftJoin('compte as c', 'c.id', 't.cree_par')
    .select(['t.id', 't.titre', 't.cree_le', 'c.login as par'])
    .where('t.academie_code', '=', academieCode)
    .where('t.type', '=', type)
    .where('t.statut', 'in', ['en_attente', 'en_cours'])
    .orderBy('t.cree_le')
    .executeTakeFirst();
}
