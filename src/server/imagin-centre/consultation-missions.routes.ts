// Centre d'examen — Consultation des missions (003 §4.1): the centre's missions with convoked
// intervenants, their intervenants, the duplicata of each convocation, and the downloads. Thin routes:
// policy action → schema → service (scope: centre and académie of the session, checked there).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { exporterMission, exporterMissions } from './consultation-missions.exports.ts';
import { convocationMissionParams, exportMissionBody, exportMissionsBody, missionParams, missionsQuery } from './consultation-missions.schemas.ts';
import { BASE, duplicata, enteteMission, filtres, intervenantsMission, listerMissions } from './consultation-missions.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function consultationMissionsRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-centre'];
  const config = { action: 'missions-centre.consulter' } as const;
  const M = `${BASE}/missions`;

  app.get(`${BASE}/filtres`, { config, schema: { tags, summary: 'Années (courante − 3 … courante + 1) et examens proposés par les filtres' } }, async (request) =>
    filtres(ctx, request.actor!),
  );
  app.get(M, { config, schema: { tags, summary: 'Missions du centre comportant des convocations, filtrées par année et examen, par numéro', querystring: missionsQuery } }, async (request) =>
    listerMissions(ctx, request.actor!, request.query),
  );
  app.post(`${M}/exports`, { config, schema: { tags, summary: 'Extraction CSV, liste ou détails (PDF) des missions affichées', body: exportMissionsBody } }, async (request, reply) =>
    envoyerFichier(reply, await exporterMissions(ctx, request.actor!, request.body)),
  );
  app.get(`${M}/:id`, { config, schema: { tags, summary: 'En-tête de la mission', params: missionParams } }, async (request) =>
    enteteMission(ctx, request.actor!, request.params.id),
  );
  app.get(`${M}/:id/intervenants`, { config, schema: { tags, summary: "Intervenants convoqués à la mission et détail de leur affectation", params: missionParams } }, async (request) =>
    intervenantsMission(ctx, request.actor!, request.params.id),
  );
  app.get(`${M}/:id/intervenants/:convocationId/duplicata`, { config, schema: { tags, summary: 'Duplicata de la convocation (PDF)', params: convocationMissionParams } }, async (request, reply) =>
    envoyerFichier(reply, await duplicata(ctx, request.actor!, request.params.id, request.params.convocationId, trace(request))),
  );
  app.post(`${M}/:id/exports`, { config, schema: { tags, summary: 'Extraction CSV, liste par jury ou détails (PDF) des intervenants affichés', params: missionParams, body: exportMissionBody } }, async (request, reply) =>
    envoyerFichier(reply, await exporterMission(ctx, request.actor!, request.params.id, request.body)),
  );
}
