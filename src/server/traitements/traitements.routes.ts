// Compte rendu of treatments and download of generated documents (issue 2 §4).
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { contentDisposition } from '../platform/http/telechargement.ts';
import { documentParams, listeTraitementsQuery, traitementParams } from './traitements.schemas.ts';
import { compteRendu, listerTraitements, ouvrirDocument, relancer } from './traitements.service.ts';

export function traitementsRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/traitements',
    { config: { action: 'traitement.lire', activite: false }, schema: { tags: ['traitements'], summary: "Traitements que l'utilisateur peut consulter, du plus récent au plus ancien", querystring: listeTraitementsQuery } },
    async (request) => listerTraitements(ctx, request.actor!, request.query),
  );

  app.get(
    '/api/traitements/:id',
    { config: { action: 'traitement.lire', activite: false }, schema: { tags: ['traitements'], summary: 'Compte rendu d’un traitement : journal et documents générés', params: traitementParams } },
    async (request) => compteRendu(ctx, request.actor!, request.params.id),
  );

  app.post(
    '/api/traitements/:id/relancer',
    { config: { action: 'traitement.relancer', activite: false }, schema: { tags: ['traitements'], summary: 'Relancer un traitement en erreur (il reprend là où il s’était arrêté)', params: traitementParams } },
    async (request) => relancer(ctx, request.actor!, request.params.id, { ip: request.ip, requestId: String(request.id) }),
  );

  app.get(
    '/api/documents/:id',
    { config: { action: 'document.telecharger' }, schema: { tags: ['traitements'], summary: 'Télécharger un document généré', params: documentParams } },
    async (request, reply) => {
      const doc = await ouvrirDocument(ctx, request.actor!, request.params.id, { ip: request.ip, requestId: String(request.id) });
      return reply
        .header('content-type', doc.typeMime)
        .header('content-length', String(doc.taille))
        .header('content-disposition', contentDisposition(doc.fichier))
        // Documents may hold passwords: no shared cache keeps them.
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(doc.flux);
    },
  );
}
