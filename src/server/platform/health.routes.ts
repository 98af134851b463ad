import { sql } from 'kysely';
import type { AppContext } from './context.ts';
import type { App } from './http/app.ts';

export function healthRoutes(app: App, ctx: AppContext) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['exploitation'], summary: 'État de la base de données et du moteur de traitements' } }, async (_request, reply) => {
    let base: { etat: 'ok' | 'erreur'; type: string; message?: string };
    try {
      await sql`select 1`.execute(ctx.db);
      base = { etat: 'ok', type: ctx.database.kind };
    } catch (err) {
      base = { etat: 'erreur', type: ctx.database.kind, message: err instanceof Error ? err.message : String(err) };
    }
    const traitements = await ctx.jobs.status();
    const ok = base.etat === 'ok' && traitements.etat === 'ok';
    return reply.status(ok ? 200 : 503).send({ etat: ok ? 'ok' : 'degrade', base, traitements });
  });

  // Readiness (distinct from liveness): the database answers and the document store takes a write.
  // A load balancer keeps the process out of rotation while this answers 503.
  app.get('/api/ready', { config: { public: true }, schema: { tags: ['exploitation'], summary: 'Prêt à servir : base de données et stockage des documents joignables' } }, async (_request, reply) => {
    const verifier = async (f: () => Promise<unknown>) => {
      try {
        await f();
        return { etat: 'ok' as const };
      } catch {
        // The cause stays out of a public answer (it may name hosts or paths).
        return { etat: 'erreur' as const };
      }
    };
    const cle = `sante/pret-${process.pid}`;
    const [base, stockage] = await Promise.all([
      verifier(() => sql`select 1`.execute(ctx.db)),
      verifier(async () => {
        await ctx.store.put(cle, 'ok', 'text/plain');
        await ctx.store.delete(cle);
      }),
    ]);
    const ok = base.etat === 'ok' && stockage.etat === 'ok';
    return reply.status(ok ? 200 : 503).send({ etat: ok ? 'pret' : 'indisponible', base, stockage });
  });
}
