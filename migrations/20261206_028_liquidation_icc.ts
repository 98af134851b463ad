// Liquidation (issue 16 §8, decision 0033): the indemnities of the chefs de centre (ICC) validated by the
// gestionnaire are paid through the same liquidation batches as the états de frais. A répartition line
// records the batch it entered — at most one, ever: it is taken only while `liquidation_lot_id` is null,
// under the row's lock — and the payment return marks it « Payé » (the declaration then reads « Accepté »).
// Once in a batch (its amount exported to the financial system), the line no longer changes person or
// amount, is not deleted and only moves to « paye »: a trigger refuses the rest, whatever the path.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `alter table icc_repartition add column liquidation_lot_id integer references liquidation_lot(id);
     create index icc_repartition_lot on icc_repartition(liquidation_lot_id) where liquidation_lot_id is not null;
     create function icc_repartition_liquidee() returns trigger language plpgsql as $$
     begin
       if tg_op = 'DELETE' then
         if old.liquidation_lot_id is not null then
           raise exception 'La ligne de répartition ICC % est dans un lot de liquidation : elle ne peut plus être supprimée.', old.id using errcode = 'check_violation';
         end if;
         return old;
       end if;
       if old.liquidation_lot_id is not null and (new.liquidation_lot_id is distinct from old.liquidation_lot_id
           or new.montant_centimes <> old.montant_centimes or new.personne_id <> old.personne_id
           or (new.statut <> old.statut and new.statut <> 'paye')) then
         raise exception 'La ligne de répartition ICC % est dans un lot de liquidation : seul son paiement peut encore être enregistré.', old.id using errcode = 'check_violation';
       end if;
       return new;
     end $$;
     create trigger icc_repartition_liquidee before update or delete on icc_repartition
       for each row execute function icc_repartition_liquidee();`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop trigger if exists icc_repartition_liquidee on icc_repartition;
     drop function if exists icc_repartition_liquidee();
     drop index if exists icc_repartition_lot;
     alter table icc_repartition drop column if exists liquidation_lot_id;`,
  );
}
