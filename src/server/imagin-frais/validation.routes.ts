// Valider / Dévalider an état de frais and download its récapitulatif (decision 0031). Thin routes:
// policy action → schema → service.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { etatParams, versionBody } from './validation.schemas.ts';
import { devaliderEtat, recapitulatifGestionnaire, recapitulatifIntervenant, validerEtat, type FichierRecapitulatif } from './validation.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

function envoyer(reply: FastifyReply, f: FichierRecapitulatif) {
  return envoyerFichier(reply.header('content-length', String(f.taille)), f);
}

export function validationRoutes(app: App, ctx: AppContext) {
  const I = '/api/intervenant/etats-frais';
  const saisir = { action: 'etats-frais.saisir' } as const;
  const tagsI = ['imagin-intervenant'];
  app.post(
    `${I}/:id/valider`,
    { config: saisir, schema: { tags: tagsI, summary: "Valider l'état de frais (pièces contrôlées, numéro d'ordre, récapitulatif PDF avec les pièces)", params: etatParams, body: versionBody } },
    async (request) => validerEtat(ctx, request.actor!, request.params.id, request.body.version, trace(request)),
  );
  app.post(
    `${I}/:id/devalider`,
    { config: saisir, schema: { tags: tagsI, summary: "Dévalider l'état de frais tant que le gestionnaire ne l'a pas traité", params: etatParams, body: versionBody } },
    async (request) => devaliderEtat(ctx, request.actor!, request.params.id, request.body.version, trace(request)),
  );
  app.get(
    `${I}/:id/recapitulatif`,
    { config: saisir, schema: { tags: tagsI, summary: "Télécharger le récapitulatif PDF de l'état de frais (avec les pièces justificatives)", params: etatParams } },
    async (request, reply) => envoyer(reply, await recapitulatifIntervenant(ctx, request.actor!, request.params.id)),
  );
  app.get(
    '/api/gestion/etats-frais/:id/recapitulatif',
    {
      config: { action: 'etats-frais-gestion.consulter' },
      schema: { tags: ['imagin-gestion'], summary: "Télécharger le récapitulatif PDF d'un état de frais de l'académie (avec les pièces justificatives)", params: etatParams },
    },
    async (request, reply) => envoyer(reply, await recapitulatifGestionnaire(ctx, request.actor!, request.params.id)),
  );
}
