// GET /api/metrics: the process's Prometheus metrics (platform/metriques.ts). Never public by default:
// a client of this host talking to the process directly, or a bearer of METRICS_TOKEN (decision 0024).
import type { AppContext } from './context.ts';
import type { App } from './http/app.ts';
import { accesMetriques } from './metriques.ts';
import { AppError } from './errors.ts';

export function metriquesRoutes(app: App, ctx: AppContext) {
  app.get('/api/metrics', { config: { public: true }, schema: { tags: ['exploitation'], summary: 'Métriques Prometheus du processus (boucle locale ou jeton METRICS_TOKEN)', hide: true } }, async (request, reply) => {
    const autorise = accesMetriques(ctx.config.metricsToken, {
      adresseSocket: request.socket.remoteAddress,
      autorisation: request.headers.authorization,
      relayee: request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined,
    });
    if (!autorise || !ctx.metriques) {
      throw new AppError('INTERDIT', "Les métriques ne sont servies qu'aux clients de la machine du serveur ou au porteur du jeton METRICS_TOKEN (en-tête Authorization: Bearer).");
    }
    return reply.type(ctx.metriques.typeContenu).header('cache-control', 'no-store').send(await ctx.metriques.texte());
  });
}
