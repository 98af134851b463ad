// Pièces justificatives (decision 0030): thin routes. The deposit's body is the file itself
// (Content-Type: application/octet-stream), handed to the service as a stream: a parser scoped to these
// routes (Fastify encapsulation) passes it through unread; the service measures it (5 Mo), hashes,
// scans and stores it as it comes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { TAILLE_MAX_PIECE } from '../../domain/imagin/frais/pieces.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide } from '../platform/errors.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { depotQuery, etatParams, pieceParams } from './pieces.schemas.ts';
import { BASE_GESTION, BASE_INTERVENANT, deposerPiece, retirerPiece, telechargerPiece } from './pieces.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

/**
 * The unread body. A class with a private field: the platform's input check (platform/http/entrees.ts),
 * which walks request.body, sees no enumerable property and leaves the stream alone.
 */
class CorpsBrut {
  readonly #flux: Readable;
  constructor(flux: Readable) {
    this.#flux = flux;
  }
  get flux(): Readable {
    return this.#flux;
  }
}

function fluxDe(request: FastifyRequest): Readable {
  if (request.body instanceof CorpsBrut) return request.body.flux;
  throw champInvalide('fichier', 'Fichier : le document doit être envoyé tel quel, avec l’en-tête Content-Type: application/octet-stream.');
}

/**
 * A refused deposit may leave part of the body unread: it is discarded and the connection closed after
 * the answer (as Fastify does when a parser fails), so the client reads the French message instead of a
 * stalled connection.
 */
async function deposer<T>(request: FastifyRequest, reply: FastifyReply, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    reply.header('connection', 'close');
    if (!request.raw.readableEnded) request.raw.resume();
    throw err;
  }
}

function tailleAnnoncee(request: FastifyRequest): number | undefined {
  const n = Number(request.headers['content-length']);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export async function piecesRoutes(app: App, ctx: AppContext) {
  await app.register(async (sub: App) => {
    sub.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, new CorpsBrut(payload as Readable)));
    // A little over 5 Mo: the service refuses beyond 5 Mo with its own message while streaming.
    const bodyLimit = TAILLE_MAX_PIECE + 64 * 1024;

    const tagsI = ['imagin-intervenant'];
    sub.post(
      `${BASE_INTERVENANT}/:id/pieces`,
      { bodyLimit, config: { action: 'etats-frais.saisir' }, schema: { tags: tagsI, summary: 'Déposer une pièce justificative (corps : le fichier, application/octet-stream)', params: etatParams, querystring: depotQuery } },
      async (request, reply) => {
        const piece = await deposer(request, reply, () =>
          deposerPiece(ctx, request.actor!, request.params.id, request.query.groupe, request.query.nom, fluxDe(request), {
            parGestionnaire: false,
            tailleAnnoncee: tailleAnnoncee(request),
            trace: trace(request),
          }),
        );
        return reply.status(201).send(piece);
      },
    );
    sub.get(`${BASE_INTERVENANT}/:id/pieces/:pieceId`, { config: { action: 'etats-frais.consulter' }, schema: { tags: tagsI, summary: 'Télécharger une de mes pièces justificatives', params: pieceParams } }, async (request, reply) =>
      envoyerFichier(reply, await telechargerPiece(ctx, request.actor!, request.params.id, request.params.pieceId, { parGestionnaire: false })),
    );
    sub.delete(`${BASE_INTERVENANT}/:id/pieces/:pieceId`, { config: { action: 'etats-frais.saisir' }, schema: { tags: tagsI, summary: 'Supprimer une de mes pièces justificatives (avant validation)', params: pieceParams } }, async (request) =>
      retirerPiece(ctx, request.actor!, request.params.id, request.params.pieceId, trace(request)),
    );

    const tagsG = ['imagin-gestion'];
    sub.post(
      `${BASE_GESTION}/:id/pieces`,
      { bodyLimit, config: { action: 'etats-frais-gestion.traiter' }, schema: { tags: tagsG, summary: "Déposer une pièce justificative pour l'intervenant (corps : le fichier, application/octet-stream)", params: etatParams, querystring: depotQuery } },
      async (request, reply) => {
        const piece = await deposer(request, reply, () =>
          deposerPiece(ctx, request.actor!, request.params.id, request.query.groupe, request.query.nom, fluxDe(request), {
            parGestionnaire: true,
            tailleAnnoncee: tailleAnnoncee(request),
            trace: trace(request),
          }),
        );
        return reply.status(201).send(piece);
      },
    );
    sub.get(`${BASE_GESTION}/:id/pieces/:pieceId`, { config: { action: 'etats-frais-gestion.consulter' }, schema: { tags: tagsG, summary: "Télécharger une pièce justificative d'un état de frais de l'académie", params: pieceParams } }, async (request, reply) =>
      envoyerFichier(reply, await telechargerPiece(ctx, request.actor!, request.params.id, request.params.pieceId, { parGestionnaire: true })),
    );
  });
}
