// Liquidation (issue 16 §8, decision 0033): the indemnities of the chefs de centre (ICC) validated by the
// gestionnaire are paid through the same liquidation batches as the états de frais. A répartition line
// records the batch it entered — at most one, ever: it is taken only while `liquidation_lot_id` is null,
// under the row's lock — and the payment return marks it « Payé » (the declaration then reads « Accepté »).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `alter table icc_repartition add column liquidation_lot_id integer references liquidation_lot(id);
     create index icc_repartition_lot on icc_repartition(liquidation_lot_id) where liquidation_lot_id is not null;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index if exists icc_repartition_lot; alter table icc_repartition drop column if exists liquidation_lot_id;`);
}
