// The état de frais row itself (migration 022): created by a trigger with its convocation « convoquee »;
// these helpers set a workflow state where a fixture, the demo or another context needs one.
import type { Kysely, Transaction } from 'kysely';
import type { DB, StatutEtatFrais } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

/**
 * Sets the état de frais of a convocation to `statut`, creating it when the convocation is not (yet)
 * « convoquee » (fixtures). Returns its id.
 */
export async function fixerStatutFrais(db: Executeur, convocationId: number, statut: StatutEtatFrais): Promise<number> {
  const c = await db.selectFrom('convocation').select(['academie_code', 'personne_id']).where('id', '=', convocationId).executeTakeFirstOrThrow();
  const r = await db
    .insertInto('etat_frais')
    .values({ convocation_id: convocationId, academie_code: c.academie_code, personne_id: c.personne_id, statut })
    .onConflict((oc) => oc.column('convocation_id').doUpdateSet({ statut }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
