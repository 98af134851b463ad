// Enquête DCS (seed 004 §2.9): the intervenant's answers (his own only) and the gestionnaire's follow-up,
// opening and export. Thin routes: policy action → schema → service. The HTTP layer has already checked
// the SIEC, the DCS teaching (intervenant) and, for the intervenant, that the survey is open.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { campagneQuery, etapeBody, etapeParams, ouvertureBody, personneParams, validationBody } from './enquete-dcs.schemas.ts';
import { changerOuvertureEnquete, enregistrerMonEtape, exporterReponses, lireMesReponses, reponsesPersonne, suiviEnquete, validerMesReponses } from './enquete-dcs.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function enqueteDcsRoutes(app: App, ctx: AppContext) {
  const I = '/api/intervenant/enquete-dcs';
  const repondre = { action: 'enquete-dcs.repondre' } as const;
  const tagsI = ['imagin-intervenant'];
  app.get(I, { config: repondre, schema: { tags: tagsI, summary: "Mes réponses à l'enquête DCS de la campagne en cours" } }, async (request) => lireMesReponses(ctx, request.actor!));
  app.put(`${I}/etapes/:etape`, { config: repondre, schema: { tags: tagsI, summary: "Enregistrer une étape de l'enquête (avec la version lue)", params: etapeParams, body: etapeBody } }, async (request) =>
    enregistrerMonEtape(ctx, request.actor!, request.params.etape, request.body, trace(request)),
  );
  app.post(`${I}/validation`, { config: repondre, schema: { tags: tagsI, summary: 'Valider mes réponses', body: validationBody } }, async (request) =>
    validerMesReponses(ctx, request.actor!, request.body.version, trace(request)),
  );

  const G = '/api/gestion/enquete-dcs';
  const gerer = { action: 'enquete-dcs.gerer' } as const;
  const tagsG = ['imagin-gestion'];
  app.get(G, { config: gerer, schema: { tags: tagsG, summary: "Campagne de l'enquête DCS, son ouverture, les enseignants du DCS et l'état de leurs réponses", querystring: campagneQuery } }, async (request) =>
    suiviEnquete(ctx, request.actor!, request.query.annee),
  );
  app.put(`${G}/ouverture`, { config: gerer, schema: { tags: tagsG, summary: "Ouvrir ou fermer l'enquête DCS (avec l'état lu)", body: ouvertureBody } }, async (request) =>
    changerOuvertureEnquete(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${G}/reponses/:personneId`, { config: gerer, schema: { tags: tagsG, summary: "Les réponses d'un enseignant", params: personneParams, querystring: campagneQuery } }, async (request) =>
    reponsesPersonne(ctx, request.actor!, request.params.personneId, request.query.annee),
  );
  app.get(`${G}/export`, { config: gerer, schema: { tags: tagsG, summary: 'Export CSV des réponses (UTF-8 avec BOM, séparateur ;)', querystring: campagneQuery } }, async (request, reply) =>
    envoyerFichier(reply, await exporterReponses(ctx, request.actor!, request.query.annee)),
  );
}
