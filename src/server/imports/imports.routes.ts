// « Imports de données » (gestionnaire): the kinds offered and the last imports; the upload (the raw
// body, streamed into the document store) that launches the preview; « Appliquer »; an import's
// progression and result. Issue 15's JSON import (base64) stays for small files.
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import { champInvalide } from '../platform/errors.ts';
import type { App } from '../platform/http/app.ts';
import { appliquerBody, depotImportQuery, genreParams, importBody, importParams, TAILLE_MAX_FLUX } from './imports.schemas.ts';
import { appliquerImport, BASE_IMPORTS, deposerImport, ecranImports, fichierDuGenre, importer, suiviImport } from './imports.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

/** The unread body (no enumerable property: the platform's input check leaves the stream alone). */
class CorpsBrut {
  readonly #flux: Readable;
  constructor(flux: Readable) {
    this.#flux = flux;
  }
  get flux(): Readable {
    return this.#flux;
  }
}

function fluxDe(request: FastifyRequest): Readable {
  if (request.body instanceof CorpsBrut) return request.body.flux;
  throw champInvalide('fichier', 'Fichier : le fichier doit être envoyé tel quel, avec l’en-tête Content-Type: application/octet-stream.');
}

export async function importsRoutes(app: App, ctx: AppContext) {
  const tags = ['imports'];
  const config = { action: 'imports.gerer' } as const;
  app.get(BASE_IMPORTS, { config, schema: { tags, summary: "Types d'import proposés et derniers imports de l'académie" } }, async (request) => ecranImports(ctx, request.actor!));
  app.post(BASE_IMPORTS, { config, schema: { tags, summary: 'Importer un petit fichier (base64, 1 Mo) : lignes valides appliquées, compte rendu des lignes rejetées', body: importBody } }, async (request) =>
    importer(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${BASE_IMPORTS}/genres/:code/documentation`, { config, schema: { tags, summary: "Documentation d'un type d'import (texte)", params: genreParams } }, async (request, reply) => {
    const f = await fichierDuGenre(request.actor!, request.params.code, 'documentation');
    return reply.type(f.typeMime).header('content-disposition', `inline; filename="${f.nom}"`).send(f.contenu);
  });
  app.get(`${BASE_IMPORTS}/genres/:code/exemple`, { config, schema: { tags, summary: "Fichier d'exemple d'un type d'import (CSV)", params: genreParams } }, async (request, reply) => {
    const f = await fichierDuGenre(request.actor!, request.params.code, 'exemple');
    return reply.type(f.typeMime).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);
  });
  app.get(`${BASE_IMPORTS}/:id`, { config, schema: { tags, summary: "Un import : état, progression, résultat (comptes, lignes rejetées, absents)", params: importParams } }, async (request) =>
    suiviImport(ctx, request.actor!, request.params.id),
  );
  app.post(`${BASE_IMPORTS}/:id/appliquer`, { config, schema: { tags, summary: "Appliquer un aperçu terminé : « tout ou rien » ou « lignes valides seulement »", params: importParams, body: appliquerBody } }, async (request) =>
    appliquerImport(ctx, request.actor!, request.params.id, request.body.mode, trace(request)),
  );
  await app.register(async (sub: App) => {
    sub.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, new CorpsBrut(payload as Readable)));
    sub.post(
      `${BASE_IMPORTS}/fichier`,
      {
        bodyLimit: TAILLE_MAX_FLUX + 64 * 1024,
        config,
        schema: { tags, summary: 'Déposer un fichier à importer (corps : le fichier, application/octet-stream) : lance son aperçu', querystring: depotImportQuery },
      },
      async (request, reply) => {
        const n = Number(request.headers['content-length']);
        const r = await deposerImport(ctx, request.actor!, request.query, fluxDe(request), Number.isFinite(n) && n >= 0 ? n : undefined, trace(request));
        return reply.status(201).send(r);
      },
    );
  });
}
