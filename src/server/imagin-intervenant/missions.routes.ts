// Intervenant — « Consultation missions » (seed 004 §2.3): his missions by académie, the pop-up of one,
// the duplicata of each convocation. Thin routes: policy action → schema → service (scope: the actor's
// own person, checked there).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { convocationParams, missionsQuery } from './missions.schemas.ts';
import { BASE, detailMission, duplicata, listerMissions } from './missions.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function missionsIntervenantRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-intervenant'];
  const config = { action: 'missions-intervenant.consulter' } as const;
  app.get(BASE, { config, schema: { tags, summary: "Missions auxquelles l'intervenant est convoqué, par académie (onglets)", querystring: missionsQuery } }, async (request) =>
    listerMissions(ctx, request.actor!, request.query),
  );
  app.get(`${BASE}/:convocationId`, { config, schema: { tags, summary: "Détail d'une mission de l'intervenant (pop-up)", params: convocationParams } }, async (request) =>
    detailMission(ctx, request.actor!, request.params.convocationId),
  );
  app.get(`${BASE}/:convocationId/duplicata`, { config, schema: { tags, summary: 'Duplicata de la convocation (PDF)', params: convocationParams } }, async (request, reply) =>
    envoyerFichier(reply, await duplicata(ctx, request.actor!, request.params.convocationId, trace(request))),
  );
}
