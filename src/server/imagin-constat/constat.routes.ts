// Constat de service fait (003 §4.3): the chef de centre's routes (/api/centre/constat, his centre's
// missions) and the gestionnaire's (/api/gestion/constat, every centre of the académie, plus the
// follow-up counts). Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import type { Actor } from '../platform/policy.ts';
import { fichierConstatPdf } from './constat-pdf.ts';
import type { PorteeConstat } from './constat.repo.ts';
import { enregistrementBody, horairesBody, intervenantParams, missionParams, missionsQuery } from './constat.schemas.ts';
import { detailHoraires, detailMission, enregistrer, enregistrerHoraires, filtres, listerMissions, porteeCentre, porteeGestionnaire } from './constat.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

function routes(app: App, ctx: AppContext, base: string, action: 'constat-centre.gerer' | 'constat.gerer', portee: (a: Actor) => PorteeConstat, qui: string) {
  const tags = ['imagin-constat'];
  const config = { action } as const;
  app.get(`${base}/filtres`, { config, schema: { tags, summary: `Filtres de la liste des missions (${qui})` } }, async (r) => filtres(ctx, portee(r.actor!)));
  app.get(`${base}/missions`, { config, schema: { tags, summary: `Missions concernées par le constat de service fait, avec leur état (${qui})`, querystring: missionsQuery } }, async (r) =>
    listerMissions(ctx, portee(r.actor!), r.query),
  );
  app.get(`${base}/missions/:id`, { config, schema: { tags, summary: `Mission et constat de ses intervenants convoqués (${qui})`, params: missionParams } }, async (r) =>
    detailMission(ctx, portee(r.actor!), r.params.id),
  );
  app.put(`${base}/missions/:id`, { config, schema: { tags, summary: `Enregistrer les lignes modifiées du constat, en une transaction (${qui})`, params: missionParams, body: enregistrementBody } }, async (r) =>
    enregistrer(ctx, r.actor!, portee(r.actor!), r.params.id, r.body, trace(r)),
  );
  app.get(`${base}/missions/:id/intervenants/:cid/horaires`, { config, schema: { tags, summary: `Détails Constat Service Fait : horaires par demi-journée (${qui})`, params: intervenantParams } }, async (r) =>
    detailHoraires(ctx, portee(r.actor!), r.params.id, r.params.cid),
  );
  app.put(`${base}/missions/:id/intervenants/:cid/horaires`, { config, schema: { tags, summary: `Enregistrer les horaires par demi-journée (${qui})`, params: intervenantParams, body: horairesBody } }, async (r) =>
    enregistrerHoraires(ctx, r.actor!, portee(r.actor!), r.params.id, r.params.cid, r.body, trace(r)),
  );
  app.get(`${base}/missions/:id/pdf`, { config, schema: { tags, summary: `Télécharger liste (pdf) : « Constat de service » (${qui})`, params: missionParams } }, async (r, reply) =>
    envoyerFichier(reply, await fichierConstatPdf(ctx, portee(r.actor!), r.params.id)),
  );
}

export function constatRoutes(app: App, ctx: AppContext) {
  routes(app, ctx, '/api/centre/constat', 'constat-centre.gerer', porteeCentre, "chef de centre");
  routes(app, ctx, '/api/gestion/constat', 'constat.gerer', porteeGestionnaire, 'gestionnaire');
}
