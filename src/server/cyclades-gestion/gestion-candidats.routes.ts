// « Gestion des candidats en établissement » (gestionnaire DEC, issue 6): thin routes, policy action →
// schema → service (the académie's établissements only, checked there).
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { listerEtablissements, positionnerService } from './gestion-candidats.service.ts';

export const BASE_GESTION_CANDIDATS = '/api/gestion/gestion-candidats';

export const positionnementBody = z.object({
  etablissementIds: z
    .array(
      z.number({ error: "L'identifiant d'un établissement doit être un nombre." }).int("L'identifiant d'un établissement doit être un nombre entier.").positive("L'identifiant d'un établissement doit être un nombre positif."),
      { error: 'Indiquez les établissements concernés (liste de leurs identifiants).' },
    )
    .min(1, 'Sélectionnez au moins un établissement.')
    .max(5000, 'Trop d’établissements à la fois (5 000 au plus).'),
  service: z.boolean({ error: 'Service : indiquez true pour le positionner, false pour le retirer.' }),
});

export function gestionCandidatsRoutes(app: App, ctx: AppContext) {
  const tags = ['cyclades-gestion'];
  const config = { action: 'gestion-candidats.positionner' } as const;
  app.get(BASE_GESTION_CANDIDATS, { config, schema: { tags, summary: "Établissements de l'académie, service de gestion des candidats et candidatures des sessions en cours" } }, async (request) =>
    listerEtablissements(ctx, request.actor!),
  );
  app.post(
    `${BASE_GESTION_CANDIDATS}/positionnement`,
    { config, schema: { tags, summary: 'Positionner (service: true) ou retirer (false) le service de gestion des candidats en établissement', body: positionnementBody } },
    async (request) => positionnerService(ctx, request.actor!, request.body, { ip: request.ip, requestId: String(request.id) }),
  );
}
