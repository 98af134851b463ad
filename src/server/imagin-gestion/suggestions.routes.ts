// « Proposer des intervenants » (issue 17 §4): the ranked list for a mission of the académie (404
// otherwise). Convoking from it uses the existing POST /api/gestion/missions/:id/convocations.
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { missionParams } from './imagin-gestion.schemas.ts';
import { proposerIntervenants } from './suggestions.service.ts';

export function suggestionsRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/gestion/missions/:id/propositions',
    { config: { action: 'missions.gerer' }, schema: { tags: ['imagin-gestion'], summary: 'Intervenants proposés pour la mission, classés, avec leurs raisons', params: missionParams } },
    async (request) => proposerIntervenants(ctx, request.actor!, request.params.id),
  );
}
