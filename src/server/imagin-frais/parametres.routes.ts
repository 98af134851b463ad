// « Paramètres des états de frais » (gestionnaire): read (row created on first read) and save with the
// version the page read. Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { BASE_PARAMETRES, lireParametres, modifierParametres } from './parametres.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export const parametresBody = z.object({
  version: z.number({ error: 'Version des paramètres : nombre attendu (celle que la page a lue).' }).int('Version des paramètres : entier attendu.').min(1, 'Version des paramètres : entier positif attendu.'),
  conditionsTexte: z
    .string({ error: "Conditions d'utilisation : texte attendu." })
    .trim()
    .min(20, "Conditions d'utilisation : rédigez un texte d'au moins 20 caractères.")
    .max(20_000, "Conditions d'utilisation : 20 000 caractères au plus."),
  piecesDematerialisees: z.boolean({ error: 'Pièces justificatives dématérialisées : oui ou non attendu.' }),
  relanceIntervalleJours: z
    .number({ error: 'Intervalle des relances : nombre de jours attendu.' })
    .int('Intervalle des relances : nombre entier de jours attendu.')
    .min(1, 'Intervalle des relances : 1 jour au moins.')
    .max(90, 'Intervalle des relances : 90 jours au plus.'),
});

export function parametresFraisRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-gestion'];
  const config = { action: 'parametres-frais.gerer' } as const;
  app.get(BASE_PARAMETRES, { config, schema: { tags, summary: "Paramètres des états de frais de l'académie (conditions d'utilisation, pièces dématérialisées, relances)" } }, async (request) =>
    lireParametres(ctx, request.actor!),
  );
  app.put(BASE_PARAMETRES, { config, schema: { tags, summary: 'Modifier les paramètres des états de frais (avec la version lue)', body: parametresBody } }, async (request) =>
    modifierParametres(ctx, request.actor!, request.body, trace(request)),
  );
}
