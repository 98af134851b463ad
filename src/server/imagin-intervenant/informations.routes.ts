// « Informations personnelles » of the intervenant (seed 004 §2.5). Thin routes: policy action → schema
// → service. No id in the path nor in the body: the service works on the signed-in person only.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { informationsBody } from './informations.schemas.ts';
import { BASE, lireInformations, modifierInformations } from './informations.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function informationsPersonnellesRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-intervenant'];
  app.get(BASE, { config: { action: 'informations-personnelles.lire' }, schema: { tags, summary: 'Mes informations personnelles (coordonnées bancaires masquées)' } }, async (request) =>
    lireInformations(ctx, request.actor!),
  );
  app.put(
    BASE,
    { config: { action: 'informations-personnelles.modifier' }, schema: { tags, summary: 'Modifier mon adresse postale, mes téléphones et mes méls', body: informationsBody } },
    async (request) => modifierInformations(ctx, request.actor!, request.body, trace(request)),
  );
}
