// « Liquidation des frais » (gestionnaire, issue 16 §8): the screen, the launch of a batch (a treatment)
// and the payment return of a batch. Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { filtresQuery, lancerBody, lotParams, retourBody } from './liquidation.schemas.ts';
import { BASE_LIQUIDATION, ecranLiquidation, lancerLiquidation, retourPaiement } from './liquidation.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function liquidationRoutes(app: App, ctx: AppContext) {
  const config = { action: 'liquidation-frais.gerer' } as const;
  const tags = ['imagin-gestion'];
  app.get(BASE_LIQUIDATION, { config, schema: { tags, summary: 'États de frais prêts à liquider et lots de liquidation (documents, totaux)', querystring: filtresQuery } }, async (request) =>
    ecranLiquidation(ctx, request.actor!, request.query),
  );
  app.post(BASE_LIQUIDATION, { config, schema: { tags, summary: 'Constituer un lot de liquidation (traitement : export financier CSV et bordereau PDF)', body: lancerBody } }, async (request) =>
    lancerLiquidation(ctx, request.actor!, request.body, trace(request)),
  );
  app.post(`${BASE_LIQUIDATION}/:lotId/retour-paiement`, { config, schema: { tags, summary: "Importer le retour de paiement d'un lot (CSV : numéro d'ordre, nature, montant payé, date)", params: lotParams, body: retourBody } }, async (request) =>
    retourPaiement(ctx, request.actor!, request.params.lotId, request.body, trace(request)),
  );
}
