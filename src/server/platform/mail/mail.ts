// Mail: a message is written to the `mail` table and a job is queued in the same transaction; the
// job sends it over SMTP_URL with nodemailer, or, without SMTP, leaves it in the outbox that the
// administrator reads. A message already sent is never sent again; its Message-ID is fixed by its id,
// so even a crash between the SMTP answer and the database update yields the same message.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { DB, MailRow } from '../db/tables.ts';
import type { JobDef } from '../jobs/jobs.ts';

export const JOB_MAIL = 'mail.envoyer';

export interface NouveauMail {
  academieCode: string | null;
  a: string[];
  cc?: string[];
  objet: string;
  texte: string;
  html?: string;
  piecesJointes?: Array<{ documentId: string; nom: string }>;
  /** The same key twice queues one message only (a retried treatment does not mail twice). */
  cleIdempotence?: string;
}

export async function envoyerMail(ctx: AppContext, trx: Transaction<DB> | Db, mail: NouveauMail): Promise<string> {
  const destinataires = mail.a.map((a) => a.trim()).filter(Boolean);
  if (destinataires.length === 0) throw new Error('Un message doit avoir au moins un destinataire.');
  if (mail.cleIdempotence) {
    const existing = await trx.selectFrom('mail').select('id').where('cle_idempotence', '=', mail.cleIdempotence).executeTakeFirst();
    if (existing) return existing.id;
  }
  const id = randomUUID();
  await trx
    .insertInto('mail')
    .values({
      id,
      academie_code: mail.academieCode,
      destinataires,
      copies: mail.cc ?? [],
      objet: mail.objet,
      texte: mail.texte,
      html: mail.html ?? null,
      pieces_jointes: JSON.stringify(mail.piecesJointes ?? []),
      cle_idempotence: mail.cleIdempotence ?? null,
    })
    .execute();
  await ctx.jobs.send(trx, JOB_MAIL, { id }, { singletonKey: id });
  return id;
}

function domaineExpediteur(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'examens.localhost';
}

export async function composerEml(ctx: AppContext, mail: MailRow): Promise<Buffer> {
  const attachments = await piecesJointes(ctx, mail);
  const composer = new MailComposer({
    from: ctx.config.mailFrom,
    to: mail.destinataires,
    cc: mail.copies.length ? mail.copies : undefined,
    subject: mail.objet,
    text: mail.texte,
    html: mail.html ?? undefined,
    messageId: `<${mail.id}@${domaineExpediteur(ctx.config.mailFrom)}>`,
    date: mail.cree_le,
    attachments,
  });
  return composer.compile().build();
}

async function piecesJointes(ctx: AppContext, mail: MailRow) {
  const list = (typeof mail.pieces_jointes === 'string' ? JSON.parse(mail.pieces_jointes) : mail.pieces_jointes) as Array<{ documentId: string; nom: string }>;
  const out: Array<{ filename: string; content: import('node:stream').Readable; contentType: string }> = [];
  for (const pj of list) {
    const doc = await ctx.db.selectFrom('document').select(['cle_stockage', 'type_mime']).where('id', '=', pj.documentId).executeTakeFirst();
    if (!doc) continue;
    out.push({ filename: pj.nom, content: await ctx.store.get(doc.cle_stockage), contentType: doc.type_mime });
  }
  return out;
}

export function mailJob(ctx: AppContext): JobDef<{ id: string }> {
  let transport: Transporter | undefined;
  return {
    name: JOB_MAIL,
    retryLimit: 5,
    retryDelaySeconds: 30,
    concurrency: 2,
    handler: async ({ id }, { tentative }) => {
      const mail = await ctx.db.selectFrom('mail').selectAll().where('id', '=', id).executeTakeFirst();
      if (!mail || mail.statut === 'envoye' || mail.statut === 'boite_sortie') return;
      if (!ctx.config.smtpUrl) {
        await ctx.db.updateTable('mail').set({ statut: 'boite_sortie', envoye_le: ctx.clock.now() }).where('id', '=', id).execute();
        return;
      }
      transport ??= nodemailer.createTransport(ctx.config.smtpUrl);
      await ctx.db.updateTable('mail').set((eb) => ({ tentatives: eb('tentatives', '+', 1) })).where('id', '=', id).execute();
      try {
        const info = await transport.sendMail({
          envelope: { from: /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom, to: [...mail.destinataires, ...mail.copies] },
          raw: await composerEml(ctx, mail),
        });
        await ctx.db
          .updateTable('mail')
          .set({ statut: 'envoye', envoye_le: ctx.clock.now(), message_id: info.messageId ?? null, erreur: null })
          .where('id', '=', id)
          .execute();
      } catch (err) {
        await ctx.db
          .updateTable('mail')
          // After the last retry the message is marked failed, for the administrator to see.
          .set({ erreur: err instanceof Error ? err.message : String(err), statut: tentative > 5 ? 'echec' : 'en_attente' })
          .where('id', '=', id)
          .execute();
        throw err;
      }
    },
  };
}
