// The queries of the compte rendu screens: treatments an actor may see, their log lines and documents.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';

export interface PorteeLecteur {
  academieCode: string;
  compteId: number;
  /** Set for a chef d'établissement: the établissement's treatments. */
  etablissementId: number | null;
  /** Gestionnaire, administrateur, DSI: the académie's treatments. */
  agentAcademie: boolean;
}

/** The same rule as peutLireDocument (policy.ts), as SQL: who sees a treatment. */
function visible(eb: ExpressionBuilder<DB, 'traitement'>, p: PorteeLecteur) {
  const ou = [
    eb.and([eb('traitement.visibilite', '=', 'createur'), eb('traitement.cree_par', '=', p.compteId)]),
    eb.and([
      eb('traitement.visibilite', '=', 'academie'),
      p.agentAcademie ? eb.lit(true) : eb('traitement.cree_par', '=', p.compteId),
    ]),
  ];
  if (p.etablissementId !== null) {
    ou.push(eb.and([eb('traitement.visibilite', '=', 'etablissement'), eb('traitement.etablissement_id', '=', p.etablissementId)]));
  }
  return eb.and([eb('traitement.academie_code', '=', p.academieCode), eb.or(ou)]);
}

export async function traitementsVisibles(db: Db, p: PorteeLecteur, opts: { limite: number; type?: string }) {
  let q = db
    .selectFrom('traitement')
    .select((eb) => [
      'traitement.id',
      'traitement.type',
      'traitement.titre',
      'traitement.statut',
      'traitement.progression',
      'traitement.total',
      'traitement.cree_le',
      'traitement.debut',
      'traitement.fin',
      'traitement.erreur',
      eb
        .selectFrom('document')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('document.traitement_id', '=', 'traitement.id')
        .as('nb_documents'),
    ])
    .where((eb) => visible(eb, p))
    .orderBy('traitement.cree_le', 'desc')
    .orderBy('traitement.id', 'desc')
    .limit(opts.limite);
  if (opts.type) q = q.where('traitement.type', '=', opts.type);
  return q.execute();
}

export async function traitementVisible(db: Db, p: PorteeLecteur, id: string) {
  return db.selectFrom('traitement').selectAll('traitement').where('traitement.id', '=', id).where((eb) => visible(eb, p)).executeTakeFirst();
}

export async function journalDuTraitement(db: Db, id: string) {
  return db.selectFrom('traitement_log').select(['le', 'niveau', 'message']).where('traitement_id', '=', id).orderBy('id').execute();
}

export async function documentsDuTraitement(db: Db, id: string) {
  return db.selectFrom('document').selectAll().where('traitement_id', '=', id).orderBy('cree_le').orderBy('nom').execute();
}

export async function documentParId(db: Db, id: string) {
  return db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
}
