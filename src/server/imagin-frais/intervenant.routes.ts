// Intervenant — « Saisie/consultation états de frais » (issue 16, seed 004 §2.4). Thin routes: policy
// action → schema → service (scope: the actor's own person and the académie's conditions, checked there).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { academieQuery, conditionsBody, enregistrerBody, etatParams, versionBody } from './intervenant.schemas.ts';
import { accepterConditions, BASE, commencer, enregistrer, lireEtat, listerEtats, missionNonEffectuee } from './intervenant.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function etatsFraisIntervenantRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-intervenant'];
  const consulter = { action: 'etats-frais.consulter' } as const;
  const saisir = { action: 'etats-frais.saisir' } as const;
  app.get(BASE, { config: consulter, schema: { tags, summary: "Conditions d'utilisation, états de frais de l'académie et autres académies", querystring: academieQuery } }, async (request) =>
    listerEtats(ctx, request.actor!, request.query),
  );
  app.post(`${BASE}/conditions`, { config: saisir, schema: { tags, summary: "Accepter les conditions d'utilisation (version affichée)", body: conditionsBody } }, async (request) =>
    accepterConditions(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${BASE}/:id`, { config: consulter, schema: { tags, summary: 'Un état de frais (en-tête, onglets, montants estimés, pièces)', params: etatParams } }, async (request) =>
    lireEtat(ctx, request.actor!, request.params.id),
  );
  app.put(`${BASE}/:id`, { config: saisir, schema: { tags, summary: 'Enregistrer la rémunération, les déplacements et l’envoi des pièces par courrier', params: etatParams, body: enregistrerBody } }, async (request) =>
    enregistrer(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${BASE}/:id/commencer`, { config: saisir, schema: { tags, summary: 'Premier accès : Compléter', params: etatParams, body: versionBody } }, async (request) =>
    commencer(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${BASE}/:id/mission-non-effectuee`, { config: saisir, schema: { tags, summary: 'Premier accès : Mission non effectuée', params: etatParams, body: versionBody } }, async (request) =>
    missionNonEffectuee(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
}
