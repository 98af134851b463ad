// « Imports de données » (gestionnaire): the kinds offered and the last imports; an import (a treatment).
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { importBody } from './imports.schemas.ts';
import { BASE_IMPORTS, ecranImports, importer } from './imports.service.ts';

export function importsRoutes(app: App, ctx: AppContext) {
  const tags = ['imports'];
  const config = { action: 'imports.gerer' } as const;
  app.get(BASE_IMPORTS, { config, schema: { tags, summary: "Types d'import proposés et derniers imports de l'académie" } }, async (request) => ecranImports(ctx, request.actor!));
  app.post(BASE_IMPORTS, { config, schema: { tags, summary: 'Importer un fichier (traitement avec compte rendu des lignes rejetées)', body: importBody } }, async (request) =>
    importer(ctx, request.actor!, request.body, { ip: request.ip, requestId: String(request.id) }),
  );
}
