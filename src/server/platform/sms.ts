// SMS (issue 8 §7): a message is written to the `sms` table in the caller's transaction, then handed to
// the configured sender. The sender is pluggable (`definirExpediteurSms`: an operator's gateway in
// production); the embedded default keeps the message in the outbox that the administrator reads, as
// mail does without SMTP. A message is handed over once: its row says whether it left.
import type { Transaction } from 'kysely';
import type { AppContext } from './context.ts';
import type { Db } from './db/database.ts';
import type { DB } from './db/tables.ts';

export interface Sms {
  academieCode: string | null;
  /** Ten digits, "0612345678". */
  telephone: string;
  texte: string;
}

export interface ExpediteurSms {
  /** true: the message left (statut 'envoye'); false: it stays in the outbox (statut 'conserve'). */
  envoyer(sms: Sms): Promise<boolean>;
}

/** The embedded default: nothing leaves; the outbox shows the message. */
export const BOITE_ENVOI_SMS: ExpediteurSms = { envoyer: async () => false };

let expediteur: ExpediteurSms = BOITE_ENVOI_SMS;

export function definirExpediteurSms(e: ExpediteurSms): void {
  expediteur = e;
}

export async function envoyerSms(ctx: AppContext, trx: Transaction<DB> | Db, sms: Sms): Promise<number> {
  const { id } = await trx
    .insertInto('sms')
    .values({ academie_code: sms.academieCode, telephone: sms.telephone, texte: sms.texte, cree_le: ctx.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parti = await expediteur.envoyer(sms);
  await trx
    .updateTable('sms')
    .set({ statut: parti ? 'envoye' : 'conserve', envoye_le: parti ? ctx.clock.now() : null })
    .where('id', '=', id)
    .execute();
  return id;
}

/** The académie's outbox, newest first. */
export async function smsDeLAcademie(db: Db, academieCode: string, limite = 200) {
  const rows = await db.selectFrom('sms').selectAll().where('academie_code', '=', academieCode).orderBy('cree_le', 'desc').orderBy('id', 'desc').limit(limite).execute();
  return rows.map((r) => ({ id: r.id, telephone: r.telephone, texte: r.texte, statut: r.statut, creeLe: new Date(r.cree_le).toISOString() }));
}
