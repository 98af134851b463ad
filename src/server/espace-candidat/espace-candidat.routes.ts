// Espace candidat (issue 6): thin routes, policy action → schema → service. The candidate reaches his
// own candidatures only (scope in the service: another candidate's answers 404).
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { BASE_CANDIDAT, dossierCandidat, resultatCandidature, resultatsCandidat } from './espace-candidat.service.ts';
import { recapitulatifInscription } from './recapitulatif-pdf.ts';

const candidatureParams = z.object({
  id: z.coerce
    .number({ error: "L'identifiant de la candidature doit être un nombre." })
    .int("L'identifiant de la candidature doit être un nombre entier.")
    .positive("L'identifiant de la candidature doit être un nombre positif."),
});

export function espaceCandidatRoutes(app: App, ctx: AppContext) {
  const tags = ['espace-candidat'];
  const recap = { action: 'candidat.recapitulatif' } as const;
  const resultats = { action: 'candidat.resultats' } as const;

  app.get(`${BASE_CANDIDAT}/candidatures`, { config: recap, schema: { tags, summary: 'Le candidat et ses candidatures (récapitulatif d’inscription de chacune)' } }, async (request) =>
    dossierCandidat(ctx, request.actor!),
  );
  app.get(
    `${BASE_CANDIDAT}/candidatures/:id/recapitulatif`,
    { config: recap, schema: { tags, summary: "Récapitulatif d'inscription de la candidature (PDF)", params: candidatureParams } },
    async (request, reply) => envoyerFichier(reply, await recapitulatifInscription(ctx, request.actor!, request.params.id)),
  );
  app.get(`${BASE_CANDIDAT}/resultats`, { config: resultats, schema: { tags, summary: 'Résultats publiés de chaque candidature (« Résultats non publiés » avant la publication)' } }, async (request) =>
    resultatsCandidat(ctx, request.actor!),
  );
  app.get(
    `${BASE_CANDIDAT}/resultats/:id`,
    { config: resultats, schema: { tags, summary: 'Résultat publié et notes de la candidature', params: candidatureParams } },
    async (request) => resultatCandidature(ctx, request.actor!, request.params.id),
  );
}
