// Indemnités des chefs de centre (003 §4.5): the chef de centre's routes (/api/centre/icc, his
// centre's sessions) and the gestionnaire's (/api/gestion/icc, every centre of the académie).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { declarationBody, decisionBody, ligneParams, rechercheQuery, sessionCentreParams, sessionParams, sessionsQuery, versionBody, versionQuery } from './icc.schemas.ts';
import {
  deciderLigne,
  detailCentre,
  detailGestion,
  enregistrerCentre,
  enregistrerGestion,
  filtresCentre,
  filtresGestion,
  listerDeclarations,
  listerSessions,
  porteeCentre,
  suggestionsPersonnels,
  supprimerCentre,
  transmettreCentre,
} from './icc.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function iccRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-icc'];
  const C = '/api/centre/icc';
  const centre = { action: 'icc-centre.gerer' } as const;
  app.get(`${C}/filtres`, { config: centre, schema: { tags, summary: 'Filtres « Année » et « Examen » des sessions' } }, async (r) => {
    porteeCentre(r.actor!);
    return filtresCentre(ctx);
  });
  app.get(`${C}/sessions`, { config: centre, schema: { tags, summary: "Liste des sessions d'examen du centre et statuts de l'indemnité", querystring: sessionsQuery } }, async (r) => listerSessions(ctx, r.actor!, r.query));
  app.get(`${C}/personnels`, { config: centre, schema: { tags, summary: "« Ajouter un intervenant » : personnels de l'académie (20 suggestions)", querystring: rechercheQuery } }, async (r) => {
    porteeCentre(r.actor!);
    return suggestionsPersonnels(ctx, r.actor!, r.query.q);
  });
  app.get(`${C}/sessions/:sid/:periode`, { config: centre, schema: { tags, summary: "Indemnité d'une session et d'une période", params: sessionParams } }, async (r) =>
    detailCentre(ctx, r.actor!, r.params.sid, r.params.periode),
  );
  app.put(`${C}/sessions/:sid/:periode`, { config: centre, schema: { tags, summary: "Enregistrer l'indemnité et sa répartition", params: sessionParams, body: declarationBody } }, async (r) =>
    enregistrerCentre(ctx, r.actor!, r.params.sid, r.params.periode, r.body, trace(r)),
  );
  app.delete(`${C}/sessions/:sid/:periode`, { config: centre, schema: { tags, summary: "Supprimer l'indemnité (tant qu'elle n'est pas transmise)", params: sessionParams, querystring: versionQuery } }, async (r) =>
    supprimerCentre(ctx, r.actor!, r.params.sid, r.params.periode, r.query.version, trace(r)),
  );
  app.post(`${C}/sessions/:sid/:periode/transmission`, { config: centre, schema: { tags, summary: "Transmettre l'indemnité au service gestionnaire", params: sessionParams, body: versionBody } }, async (r) =>
    transmettreCentre(ctx, r.actor!, r.params.sid, r.params.periode, r.body.version, trace(r)),
  );

  const G = '/api/gestion/icc';
  const gestion = { action: 'icc.gerer' } as const;
  app.get(`${G}/filtres`, { config: gestion, schema: { tags, summary: 'Filtres et listes (années, examens, centres, sessions)' } }, async (r) => filtresGestion(ctx, r.actor!));
  app.get(`${G}/declarations`, { config: gestion, schema: { tags, summary: "Déclarations d'indemnité de l'académie et leurs statuts", querystring: sessionsQuery } }, async (r) => listerDeclarations(ctx, r.actor!, r.query));
  app.get(`${G}/personnels`, { config: gestion, schema: { tags, summary: "Personnels de l'académie (20 suggestions)", querystring: rechercheQuery } }, async (r) => suggestionsPersonnels(ctx, r.actor!, r.query.q));
  app.get(`${G}/sessions/:sid/centres/:eid/:periode`, { config: gestion, schema: { tags, summary: "Indemnité d'un centre pour une session et une période", params: sessionCentreParams } }, async (r) =>
    detailGestion(ctx, r.actor!, r.params.sid, r.params.eid, r.params.periode),
  );
  app.put(`${G}/sessions/:sid/centres/:eid/:periode`, { config: gestion, schema: { tags, summary: "Pré-renseigner ou modifier l'indemnité d'un centre", params: sessionCentreParams, body: declarationBody } }, async (r) =>
    enregistrerGestion(ctx, r.actor!, r.params.sid, r.params.eid, r.params.periode, r.body, trace(r)),
  );
  app.post(`${G}/lignes/:lid/decision`, { config: gestion, schema: { tags, summary: "Valider ou rejeter une ligne de répartition (motif obligatoire pour un rejet)", params: ligneParams, body: decisionBody } }, async (r) =>
    deciderLigne(ctx, r.actor!, r.params.lid, r.body, trace(r)),
  );
}
