// « Traitement des états de frais » (gestionnaire): the list (filters, counts per status, page), the
// filter lists, one état, the decisions and the mass validation. Thin routes: policy action → schema →
// service. The receipts (/:id/pieces) and the récapitulatif (/:id/recapitulatif) are other modules'.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { correctionBody, idParams, listeQuery, motifBody, regroupementBody, validationMasseBody, versionBody } from './gestion.schemas.ts';
import { annulerEtat, BASE_GESTION, corrigerEtat, detailEtat, lancerValidationMasse, listerEtats, optionsFiltres, regrouperEtats, rejeterEtat, validerEtat } from './gestion.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function gestionFraisRoutes(app: App, ctx: AppContext) {
  const B = BASE_GESTION;
  const tags = ['imagin-gestion'];
  const consulter = { action: 'etats-frais-gestion.consulter' } as const;
  const traiter = { action: 'etats-frais-gestion.traiter' } as const;
  app.get(B, { config: consulter, schema: { tags, summary: "États de frais de l'académie : filtres, nombre par statut, une page triée", querystring: listeQuery } }, async (request) =>
    listerEtats(ctx, request.actor!, request.query),
  );
  app.get(`${B}/filtres`, { config: consulter, schema: { tags, summary: 'Examens, sessions, types de mission, centres et statuts proposés par les filtres' } }, async (request) =>
    optionsFiltres(ctx, request.actor!),
  );
  app.get(`${B}/:id`, { config: consulter, schema: { tags, summary: 'Un état de frais en lecture, avec le constat et les corrections', params: idParams } }, async (request) =>
    detailEtat(ctx, request.actor!, request.params.id),
  );
  app.post(`${B}/:id/corriger`, { config: traiter, schema: { tags, summary: "Corriger un chiffre (ancien → nouveau, motif), avec la version lue", params: idParams, body: correctionBody } }, async (request) =>
    corrigerEtat(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${B}/:id/valider`, { config: traiter, schema: { tags, summary: 'Valider (Validé par gestionnaire), avec la version lue', params: idParams, body: versionBody } }, async (request) =>
    validerEtat(ctx, request.actor!, request.params.id, request.body.version, trace(request)),
  );
  app.post(`${B}/:id/rejeter`, { config: traiter, schema: { tags, summary: "Rejeter vers l'intervenant avec un motif (courriel envoyé)", params: idParams, body: motifBody } }, async (request) =>
    rejeterEtat(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${B}/:id/annuler`, { config: traiter, schema: { tags, summary: "Annuler avec un motif (sauf dans un lot de liquidation)", params: idParams, body: motifBody } }, async (request) =>
    annulerEtat(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${B}/regrouper`, { config: traiter, schema: { tags, summary: "Regrouper les missions du contrôle continu d'une session sur un état", body: regroupementBody } }, async (request) =>
    regrouperEtats(ctx, request.actor!, request.body, trace(request)),
  );
  app.post(`${B}/validation-masse`, { config: traiter, schema: { tags, summary: 'Valider en masse les états « Validé » filtrés (traitement avec compte rendu)', body: validationMasseBody } }, async (request) =>
    lancerValidationMasse(ctx, request.actor!, request.body as never, trace(request)),
  );
}
