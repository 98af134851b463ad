// The DSI's activities of the portail Jury (issue 8 §1–2): « Clés OTP du portail Jury » and « Contrôle
// des jurys avant délibération ». Thin routes: policy action → schema → service (the académie's keys
// only, checked there: another académie's key answers 404).
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { activerCle, controleJurys, deverrouillerCle, enregistrerCle, importerCles, listerCles, remettreCle, resynchroniserCle, revoquerCle } from './cles.service.ts';
import { cleParams, clesQuery, importClesBody, nouvelleCleBody, remiseBody, resynchronisationBody, revocationBody } from './dsi.schemas.ts';

export const BASE_DSI = '/api/dsi';

export function dsiRoutes(app: App, ctx: AppContext) {
  const tags = ['portail-jury-dsi'];
  const cles = { action: 'cles-otp.gerer' } as const;
  const controle = { action: 'jurys.controler' } as const;
  const trace = (r: { ip: string; id: unknown }) => ({ ip: r.ip, requestId: String(r.id) });

  app.get(`${BASE_DSI}/cles-otp`, { config: cles, schema: { tags, summary: "Clés OTP de l'académie (état, recherche) et centres de délibération possibles", querystring: clesQuery } }, async (request) =>
    listerCles(ctx, request.actor!, request.query),
  );
  app.post(`${BASE_DSI}/cles-otp`, { config: cles, schema: { tags, summary: 'Enregistrer une clé OTP (HOTP ou TOTP)', body: nouvelleCleBody } }, async (request) =>
    enregistrerCle(ctx, request.actor!, request.body, trace(request)),
  );
  app.post(`${BASE_DSI}/cles-otp/import`, { config: cles, schema: { tags, summary: 'Importer un fichier de graines PSKC ou CSV (tout ou rien)', body: importClesBody } }, async (request, reply) => {
    const r = await importerCles(ctx, request.actor!, request.body, trace(request));
    if (r.ok) return { importees: r.importees, message: r.message };
    const fields = Object.fromEntries(r.erreurs.map((e, i) => [`ligne${String(i).padStart(4, '0')}`, e.message]));
    reply.code(400);
    return { code: 'VALIDATION', message: r.message, fields, erreurs: r.erreurs };
  });
  app.post(`${BASE_DSI}/cles-otp/:id/remise`, { config: cles, schema: { tags, summary: 'Remettre la clé à un ou plusieurs centres de délibération, avec son code PIN', params: cleParams, body: remiseBody } }, async (request) =>
    remettreCle(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${BASE_DSI}/cles-otp/:id/activer`, { config: cles, schema: { tags, summary: 'Activer une clé remise', params: cleParams } }, async (request) =>
    activerCle(ctx, request.actor!, request.params.id, trace(request)),
  );
  app.post(`${BASE_DSI}/cles-otp/:id/deverrouiller`, { config: cles, schema: { tags, summary: 'Déverrouiller une clé verrouillée après trop de tentatives', params: cleParams } }, async (request) =>
    deverrouillerCle(ctx, request.actor!, request.params.id, trace(request)),
  );
  app.post(`${BASE_DSI}/cles-otp/:id/resynchroniser`, { config: cles, schema: { tags, summary: 'Resynchroniser une clé avec deux codes consécutifs', params: cleParams, body: resynchronisationBody } }, async (request) =>
    resynchroniserCle(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${BASE_DSI}/cles-otp/:id/revoquer`, { config: cles, schema: { tags, summary: 'Révoquer une clé (définitif), avec un motif', params: cleParams, body: revocationBody } }, async (request) =>
    revoquerCle(ctx, request.actor!, request.params.id, request.body.motif, trace(request)),
  );
  app.get(`${BASE_DSI}/controle-jurys`, { config: controle, schema: { tags, summary: 'Contrôle des jurys avant délibération : clés remises par centre, présidents et vice-présidents convoqués' } }, async (request) =>
    controleJurys(ctx, request.actor!),
  );
}
