// IMAG'IN gestionnaire DEC (issue 5): missions, convocations, qualités, intervenants of the académie.
// Thin routes: policy action → schema → service. Everything is limited to the actor's académie in
// the services (another académie's resource answers 404).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { creerConvocation, listerConvocations, modifierConvocation, pdfConvocation, rechercherPersonnes, supprimerConvocation } from './convocations.service.ts';
import {
  centresQuery,
  convocationBody,
  convocationModificationBody,
  convocationParams,
  epreuvesQuery,
  intervenantBody,
  intervenantParams,
  intervenantsQuery,
  missionBody,
  missionParams,
  missionsQuery,
  personnesQuery,
  qualiteBody,
  qualiteParams,
  specialitesQuery,
} from './imagin-gestion.schemas.ts';
import { creerIntervenant, ficheIntervenant, rechercherIntervenants } from './intervenants.service.ts';
import {
  creerMission,
  epreuvesDeLaSpecialite,
  ficheMission,
  listerMissions,
  modifierMission,
  parametresMission,
  rechercherCentres,
  specialitesDeLExamen,
} from './missions.service.ts';
import { creerQualite, listerQualites, modifierQualite, supprimerQualite } from './qualites.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function imaginGestionRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-gestion'];
  const M = '/api/gestion/missions';

  // --- Missions -----------------------------------------------------------------------------------
  app.get(M, { config: { action: 'missions.gerer' }, schema: { tags, summary: "Missions de l'académie (filtres année et examen)", querystring: missionsQuery } }, async (request) =>
    listerMissions(ctx, request.actor!, request.query),
  );
  app.get(`${M}/parametres`, { config: { action: 'missions.gerer' }, schema: { tags, summary: 'Types de mission, sessions d’examen et signataires proposés' } }, async (request) =>
    parametresMission(ctx, request.actor!),
  );
  app.get(`${M}/specialites`, { config: { action: 'missions.gerer' }, schema: { tags, summary: "Spécialités de l'examen de la session", querystring: specialitesQuery } }, async (request) =>
    specialitesDeLExamen(ctx, request.actor!, request.query.examen),
  );
  app.get(`${M}/epreuves`, { config: { action: 'missions.gerer' }, schema: { tags, summary: 'Épreuves-options de la spécialité', querystring: epreuvesQuery } }, async (request) =>
    epreuvesDeLaSpecialite(ctx, request.actor!, request.query.specialiteId),
  );
  app.get(`${M}/centres`, { config: { action: 'missions.gerer' }, schema: { tags, summary: "Centres d'examen (de l'académie, ou d'une autre par UAI exact)", querystring: centresQuery } }, async (request) =>
    rechercherCentres(ctx, request.actor!, request.query.q),
  );
  app.post(M, { config: { action: 'missions.gerer' }, schema: { tags, summary: 'Créer une mission', body: missionBody } }, async (request) =>
    creerMission(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${M}/:id`, { config: { action: 'missions.gerer' }, schema: { tags, summary: 'Une mission : dates, commissions, jurys, salles, qualités proposées', params: missionParams } }, async (request) =>
    ficheMission(ctx, request.actor!, request.params.id),
  );
  app.put(`${M}/:id`, { config: { action: 'missions.gerer' }, schema: { tags, summary: 'Modifier une mission', params: missionParams, body: missionBody } }, async (request) =>
    modifierMission(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );

  // --- Convocations on the mission screen --------------------------------------------------------
  app.get('/api/gestion/convocations/personnes', { config: { action: 'convocations.gerer' }, schema: { tags, summary: '« NOM Prénom » dans l’académie, ou NUMEN exact dans le référentiel national', querystring: personnesQuery } }, async (request) =>
    rechercherPersonnes(ctx, request.actor!, request.query.q),
  );
  app.get(`${M}/:id/convocations`, { config: { action: 'convocations.gerer' }, schema: { tags, summary: 'Intervenants convoqués à la mission', params: missionParams } }, async (request) =>
    listerConvocations(ctx, request.actor!, request.params.id),
  );
  app.post(`${M}/:id/convocations`, { config: { action: 'convocations.gerer' }, schema: { tags, summary: 'Convoquer un intervenant', params: missionParams, body: convocationBody } }, async (request) =>
    creerConvocation(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.put(`${M}/:id/convocations/:convocationId`, { config: { action: 'convocations.gerer' }, schema: { tags, summary: 'Modifier une convocation', params: convocationParams, body: convocationModificationBody } }, async (request) =>
    modifierConvocation(ctx, request.actor!, request.params.id, request.params.convocationId, request.body, trace(request)),
  );
  app.delete(`${M}/:id/convocations/:convocationId`, { config: { action: 'convocations.gerer' }, schema: { tags, summary: 'Supprimer une convocation (sauf frais en cours de traitement)', params: convocationParams } }, async (request) =>
    supprimerConvocation(ctx, request.actor!, request.params.id, request.params.convocationId, trace(request)),
  );
  app.get(`${M}/:id/convocations/:convocationId/pdf`, { config: { action: 'convocations.gerer' }, schema: { tags, summary: 'Convocation (PDF)', params: convocationParams } }, async (request, reply) =>
    envoyerFichier(reply, await pdfConvocation(ctx, request.actor!, request.params.id, request.params.convocationId, trace(request))),
  );

  // --- Qualités -----------------------------------------------------------------------------------
  const Q = '/api/gestion/qualites';
  app.get(Q, { config: { action: 'qualites.gerer' }, schema: { tags, summary: "Qualités de l'académie" } }, async (request) => listerQualites(ctx, request.actor!));
  app.post(Q, { config: { action: 'qualites.gerer' }, schema: { tags, summary: 'Ajouter une qualité', body: qualiteBody } }, async (request) =>
    creerQualite(ctx, request.actor!, request.body, trace(request)),
  );
  app.put(`${Q}/:id`, { config: { action: 'qualites.gerer' }, schema: { tags, summary: 'Modifier ou désactiver une qualité', params: qualiteParams, body: qualiteBody } }, async (request) =>
    modifierQualite(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.delete(`${Q}/:id`, { config: { action: 'qualites.gerer' }, schema: { tags, summary: 'Supprimer une qualité inutilisée', params: qualiteParams } }, async (request) =>
    supprimerQualite(ctx, request.actor!, request.params.id, trace(request)),
  );

  // --- Intervenants -------------------------------------------------------------------------------
  const I = '/api/gestion/intervenants';
  app.get(I, { config: { action: 'intervenants.gerer' }, schema: { tags, summary: "Rechercher les intervenants de l'académie", querystring: intervenantsQuery } }, async (request) =>
    rechercherIntervenants(ctx, request.actor!, request.query.q),
  );
  app.post(I, { config: { action: 'intervenants.gerer' }, schema: { tags, summary: "Créer un intervenant inconnu de l'académie", body: intervenantBody } }, async (request) =>
    creerIntervenant(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${I}/:id`, { config: { action: 'intervenants.gerer' }, schema: { tags, summary: 'Un intervenant et ses convocations', params: intervenantParams } }, async (request) =>
    ficheIntervenant(ctx, request.actor!, request.params.id),
  );
}
