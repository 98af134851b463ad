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
    const traitements = ctx.jobs.status();
    const ok = base.etat === 'ok' && traitements.etat === 'ok';
    return reply.status(ok ? 200 : 503).send({ etat: ok ? 'ok' : 'degrade', base, traitements });
  });
}
