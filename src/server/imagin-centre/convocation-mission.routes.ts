// Centre d'examen — Convocation par mission (003 §4.2). Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import {
  affectationBody,
  convocationParams,
  creationBody,
  enseignantsQuery,
  missionParams,
  missionsQuery,
  rechercheQuery,
  selectionBody,
} from './convocation-mission.schemas.ts';
import {
  creerConvocations,
  detailMission,
  disciplinesProposees,
  enseignantsDiscipline,
  filtresMissions,
  intervenantsProposes,
  lancerEnvoi,
  lireConvocation,
  listerConvocations,
  listerMissions,
  mailConvocation,
  modifierConvocation,
  pdfConvocation,
  supprimerConvocation,
  zipConvocations,
} from './convocation-mission.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function convocationMissionRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-centre'];
  const C = '/api/centre/convocation';
  const lire = { action: 'convocations-centre.consulter' } as const;
  const gerer = { action: 'convocations-centre.gerer' } as const;

  app.get(`${C}/filtres`, { config: lire, schema: { tags, summary: 'Filtres « Année » et « Examen » de la liste des missions' } }, async (request) => filtresMissions(ctx, request.actor!));
  app.get(`${C}/missions`, { config: lire, schema: { tags, summary: 'Missions du centre ouvertes aux convocations (années N et N+1 par défaut)', querystring: missionsQuery } }, async (request) =>
    listerMissions(ctx, request.actor!, request.query),
  );
  app.get(`${C}/disciplines`, { config: lire, schema: { tags, summary: "Disciplines des personnels de l'établissement (suggestions)", querystring: rechercheQuery } }, async (request) =>
    disciplinesProposees(ctx, request.actor!, request.query.q),
  );
  app.get(`${C}/missions/:id`, { config: lire, schema: { tags, summary: 'Mission : en-tête et données du formulaire « Détail de l’affectation »', params: missionParams } }, async (request) =>
    detailMission(ctx, request.actor!, request.params.id),
  );
  app.get(`${C}/missions/:id/convocations`, { config: lire, schema: { tags, summary: 'Intervenants convoqués à la mission', params: missionParams } }, async (request) =>
    listerConvocations(ctx, request.actor!, request.params.id),
  );
  app.get(`${C}/missions/:id/enseignants`, { config: lire, schema: { tags, summary: "Enseignants de l'établissement pour une discipline", params: missionParams, querystring: enseignantsQuery } }, async (request) =>
    enseignantsDiscipline(ctx, request.actor!, request.params.id, request.query.discipline),
  );
  app.get(`${C}/missions/:id/intervenants`, { config: lire, schema: { tags, summary: "Intervenants de l'académie par « NOM Prénom » (20 suggestions)", params: missionParams, querystring: rechercheQuery } }, async (request) =>
    intervenantsProposes(ctx, request.actor!, request.params.id, request.query.q),
  );
  app.post(`${C}/missions/:id/convocations`, { config: gerer, schema: { tags, summary: 'Convoquer un ou plusieurs intervenants', params: missionParams, body: creationBody } }, async (request) =>
    creerConvocations(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${C}/missions/:id/zip`, { config: gerer, schema: { tags, summary: 'Télécharger convocations (zip)', params: missionParams, body: selectionBody } }, async (request, reply) =>
    envoyerFichier(reply, await zipConvocations(ctx, request.actor!, request.params.id, request.body.ids, trace(request))),
  );
  app.post(`${C}/missions/:id/envoi-mail`, { config: gerer, schema: { tags, summary: 'Envoyer convocations par mail (traitement)', params: missionParams, body: selectionBody } }, async (request) =>
    lancerEnvoi(ctx, request.actor!, request.params.id, request.body.ids, trace(request)),
  );
  app.get(`${C}/convocations/:cid`, { config: lire, schema: { tags, summary: 'Convocation du centre, pour la modifier', params: convocationParams } }, async (request) =>
    lireConvocation(ctx, request.actor!, request.params.cid),
  );
  app.put(`${C}/convocations/:cid`, { config: gerer, schema: { tags, summary: 'Modifier une convocation du centre', params: convocationParams, body: affectationBody } }, async (request) =>
    modifierConvocation(ctx, request.actor!, request.params.cid, request.body, trace(request)),
  );
  app.delete(`${C}/convocations/:cid`, { config: gerer, schema: { tags, summary: 'Supprimer une convocation du centre', params: convocationParams } }, async (request) =>
    supprimerConvocation(ctx, request.actor!, request.params.cid, trace(request)),
  );
  app.get(`${C}/convocations/:cid/pdf`, { config: gerer, schema: { tags, summary: 'Convocation (PDF nommé nom_prénom)', params: convocationParams } }, async (request, reply) =>
    envoyerFichier(reply, await pdfConvocation(ctx, request.actor!, request.params.cid, trace(request))),
  );
  app.post(`${C}/convocations/:cid/mail`, { config: gerer, schema: { tags, summary: 'Envoyer la convocation par courriel (copie au centre)', params: convocationParams } }, async (request) =>
    mailConvocation(ctx, request.actor!, request.params.cid, trace(request)),
  );
}
