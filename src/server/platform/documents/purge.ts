// Generated documents are kept DOCUMENT_RETENTION_DAYS days (expire_le), then removed from the
// store and the database by a nightly job. Files go first: a crash leaves a row without a file,
// which the next night removes, never a file that nothing points to.
import type { AppContext } from '../context.ts';
import type { JobDef } from '../jobs/jobs.ts';

export const JOB_PURGE = 'documents.purger';

export async function purgerDocumentsExpires(ctx: AppContext, lot = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const expires = await ctx.db
      .selectFrom('document')
      .select(['id', 'cle_stockage'])
      .where('expire_le', '<', ctx.clock.now())
      .orderBy('expire_le')
      .limit(lot)
      .execute();
    if (expires.length === 0) return total;
    for (const d of expires) await ctx.store.delete(d.cle_stockage);
    await ctx.db.deleteFrom('document').where('id', 'in', expires.map((d) => d.id)).execute();
    total += expires.length;
  }
}

/** Temporary files of documents whose writing was interrupted (process killed) more than an hour ago. */
export async function purgerTemporaires(ctx: AppContext): Promise<number> {
  return (await ctx.store.purgerTemporaires?.(new Date(ctx.clock.now().getTime() - 3600_000))) ?? 0;
}

export function purgeJob(ctx: AppContext): JobDef<Record<string, never>> {
  return {
    name: JOB_PURGE,
    cron: '17 3 * * *',
    retryLimit: 2,
    handler: async () => {
      const n = await purgerDocumentsExpires(ctx);
      if (n > 0) ctx.logger.info({ documents: n }, 'Documents expirés supprimés');
      const t = await purgerTemporaires(ctx);
      if (t > 0) ctx.logger.info({ fichiers: t }, 'Fichiers temporaires de documents interrompus supprimés');
    },
  };
}
