// Centre d'examen — signatures (003 §4.4) and Accès autres académies (003 §4.6). Thin routes: policy
// action → schema → service. Each signature has its own routes (and action, hence activity opening):
// /api/centre/signatures/centre and /api/centre/signatures/etablissement.
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { echangerCode, listerAcademies, ouvrirAcademie } from './acces-academies.service.ts';
import { enregistrerSignature, lireSignature, previsualiserSignature, signatureBody, TYPES_SIGNATURE } from './signatures.service.ts';

const ACTION_SIGNATURE = { centre: 'signature-centre.gerer', etablissement: 'signature-etablissement.gerer' } as const;

const academieParams = z.object({
  code: z.string({ error: "Le code de l'académie est obligatoire." }).trim().min(1, "Le code de l'académie est obligatoire.").max(20, "Le code de l'académie ne doit pas dépasser 20 caractères."),
});
const echangeBody = z.object({
  code: z.string({ error: "Le code d'accès est obligatoire." }).min(1, "Le code d'accès est obligatoire.").max(200, "Le code d'accès n'est pas valable."),
});

export function signaturesAccesRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-centre'];

  // --- Signature centre / établissement pour la convocation (003 §4.4) ----------------------------
  for (const type of TYPES_SIGNATURE) {
    const url = `/api/centre/signatures/${type}`;
    const action = ACTION_SIGNATURE[type];
    const qui = type === 'centre' ? 'du chef de centre' : "du chef d'établissement";
    app.get(url, { config: { action }, schema: { tags, summary: `Signature ${qui} pour la convocation` } }, async (request) => lireSignature(ctx, request.actor!, type));
    app.put(url, { config: { action }, schema: { tags, summary: `Sauvegarder la signature ${qui}`, body: signatureBody } }, async (request) =>
      enregistrerSignature(ctx, request.actor!, type, request.body, { ip: request.ip, requestId: String(request.id) }),
    );
    app.post(
      `${url}/previsualisation`,
      { config: { action }, schema: { tags, summary: `Convocation fictive (PDF) signée avec la signature ${qui} saisie, même non sauvegardée`, body: signatureBody } },
      async (request, reply) => {
        return envoyerFichier(reply, await previsualiserSignature(ctx, request.actor!, type, request.body));
      },
    );
  }

  // --- Accès autres académies (003 §4.6) ----------------------------------------------------------
  app.get('/api/centre/acces-academies', { config: { action: 'acces-academies.utiliser' }, schema: { tags, summary: 'Académies où l’établissement est centre d’examen (DGRH exceptée)' } }, async (request) =>
    listerAcademies(ctx, request.actor!),
  );
  app.post(
    '/api/centre/acces-academies/:code',
    { config: { action: 'acces-academies.utiliser' }, schema: { tags, summary: 'Ouvrir le service établissement de cette académie dans un nouvel onglet (code d’accès à usage unique)', params: academieParams } },
    async (request) => ouvrirAcademie(ctx, request.actor!, request.params.code, { ip: request.ip, requestId: String(request.id), userAgent: request.headers['user-agent'] }),
  );
  // Public: the new tab has no session yet; the one-time code stands for the home session.
  app.post(
    '/api/auth/acces-academie',
    { config: { public: true }, schema: { tags: ['identité'], summary: 'Échanger le code d’accès à une autre académie contre le jeton de la session de l’onglet', body: echangeBody } },
    async (request) => echangerCode(ctx, request.body.code, { ip: request.ip, requestId: String(request.id), userAgent: request.headers['user-agent'] }),
  );
}
