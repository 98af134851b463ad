// « Tableau de bord » of the gestionnaire (issue 17): thin routes, policy action → schema → service.
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { exportParams, sessionParams } from './schemas.ts';
import { exporterPanneau, listerSessions, tableauDeBord } from './service.ts';

export function tableauDeBordRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-tableau-de-bord'];
  const B = '/api/gestion/tableau-de-bord';
  const config = { action: 'tableau-de-bord.consulter' } as const;
  app.get(`${B}/sessions`, { config, schema: { tags, summary: "Sessions d'examen de l'académie" } }, async (r) => listerSessions(ctx, r.actor!));
  app.get(`${B}/sessions/:sid`, { config, schema: { tags, summary: "Chiffres d'une session : convocations, constat de service fait, états de frais, jurys", params: sessionParams } }, async (r) =>
    tableauDeBord(ctx, r.actor!, r.params.sid),
  );
  app.get(`${B}/sessions/:sid/export/:panneau`, { config, schema: { tags, summary: "Export CSV d'un tableau (UTF-8 avec BOM, séparateur ;)", params: exportParams } }, async (r, reply) =>
    envoyerFichier(reply, await exporterPanneau(ctx, r.actor!, r.params.sid, r.params.panneau)),
  );
}
