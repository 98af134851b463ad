// The portals of the intervenant service (seed 004 §2.6, §2.7, §2.10), the administrator's addresses
// of the external applications, the public key the applications verify tokens with, and the demo
// target (decision 0022). Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { demoPresente } from '../demo/demo.ts';
import { listerApplications, modifierApplication, verifierApplication } from './applications-externes.service.ts';
import { pageDemoCible } from './demo-cible.ts';
import { cleJeton, jeuDeCles } from './jeton-passage.ts';
import { applicationParams, convocationParams, demoCibleQuery, modificationApplicationBody, verificationApplicationBody } from './portail.schemas.ts';
import { accederActivite, accederMission, BASE_PORTAILS, listerPortail } from './portail.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function portailRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-intervenant'];
  app.get(`${BASE_PORTAILS}/missions`, { config: { action: 'portail-missions.consulter' }, schema: { tags, summary: "Portail d'accès aux missions : les missions SANTORIN / CYCLADES de l'intervenant, par académie" } }, async (request) =>
    listerPortail(ctx, request.actor!),
  );
  app.post(
    `${BASE_PORTAILS}/missions/:convocationId/acces`,
    { config: { action: 'portail-missions.acceder' }, schema: { tags, summary: "Adresse de l'application de la mission, avec un jeton de passage signé (60 s)", params: convocationParams } },
    async (request) => accederMission(ctx, request.actor!, request.params.convocationId, trace(request)),
  );
  app.post(`${BASE_PORTAILS}/eps/acces`, { config: { action: 'portail-eps.acceder' }, schema: { tags, summary: 'Gestion des épreuves EPS : adresse de CYCLADES EPS avec un jeton de passage' } }, async (request) =>
    accederActivite(ctx, request.actor!, 'gestion-epreuves-eps', trace(request)),
  );
  app.post(`${BASE_PORTAILS}/sujets/acces`, { config: { action: 'portail-sujets.acceder' }, schema: { tags, summary: 'Gestion des sujets : adresse de DELOS BNS avec un jeton de passage' } }, async (request) =>
    accederActivite(ctx, request.actor!, 'gestion-sujets', trace(request)),
  );
  app.post(
    `${BASE_PORTAILS}/statistiques/acces`,
    { config: { action: 'portail-statistiques.acceder' }, schema: { tags, summary: 'Statistiques nationales de notation : adresse de SANTORIN statistiques avec un jeton de passage' } },
    async (request) => accederActivite(ctx, request.actor!, 'statistiques-notation', trace(request)),
  );

  // Administrator: the addresses of the applications for his académie.
  const A = '/api/admin/applications-externes';
  const admin = { action: 'applications-externes.gerer' } as const;
  app.get(A, { config: admin, schema: { tags, summary: "Adresses des applications externes de l'académie et clé publique des jetons" } }, async (request) => listerApplications(ctx, request.actor!));
  app.put(`${A}/:application`, { config: admin, schema: { tags, summary: "Enregistrer (ou retirer, adresse vide) l'adresse d'une application", params: applicationParams, body: modificationApplicationBody } }, async (request) =>
    modifierApplication(ctx, request.actor!, request.params.application, request.body, trace(request)),
  );
  app.post(`${A}/:application/verification`, { config: admin, schema: { tags, summary: "Vérifier que l'application répond", params: applicationParams, body: verificationApplicationBody } }, async (request) =>
    verifierApplication(ctx, request.actor!, request.params.application, request.body),
  );

  // Public: the key the applications verify the tokens with (JWK set).
  app.get('/api/jeton-passage/cles', { config: { public: true }, schema: { tags, summary: 'Clé publique (Ed25519, JWK) des jetons de passage' } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return jeuDeCles(cleJeton(ctx.config.sessionSecret));
  });

  // Demo only: an application that verifies the token and says so (404 when the demo is not loaded).
  app.get('/api/demo-cible/:application', { config: { public: true }, schema: { hide: true, params: applicationParams, querystring: demoCibleQuery } }, async (request, reply) => {
    if (!(await demoPresente(ctx.db))) return reply.status(404).send({ code: 'INTROUVABLE', message: "Cette adresse n'existe que sur une plateforme de démonstration." });
    const { status, html } = pageDemoCible(ctx, request.params.application, request.query.jeton);
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
  });
}
