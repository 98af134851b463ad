// CYCLADES — the pupils' accounts, établissement side (seed 002). Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { elevesQuery, genererBody, regenererBody } from './comptes.schemas.ts';
import { etatComptes, exporterEleves, genererComptes, listerEleves, listerGenerations, regenererMotsDePasse } from './comptes.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function cycladesComptesRoutes(app: App, ctx: AppContext) {
  const tags = ['cyclades-etablissement'];
  const E = '/api/cyclades/etablissement';
  const generer = { action: 'comptes-candidats.generer' } as const;
  const regenerer = { action: 'comptes-candidats.regenerer' } as const;
  const lister = { action: 'eleves.lister' } as const;
  // The three activities read the same state, accounts and pupils: closing one must not break the others.
  const lire = { action: 'comptes-candidats.lire' } as const;

  app.get(`${E}/comptes/etat`, { config: lire, schema: { tags, summary: 'Comptes CYCLADES des élèves : service disponible, élèves éligibles avec et sans compte' } }, async (request) =>
    etatComptes(ctx, request.actor!),
  );
  app.post(`${E}/comptes/generer`, { config: generer, schema: { tags, summary: 'Générer le(s) compte(s) (traitement, papillons de connexion)', body: genererBody } }, async (request) =>
    genererComptes(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${E}/comptes/generations`, { config: lire, schema: { tags, summary: 'Accéder aux comptes : générations et régénérations, leurs papillons' } }, async (request) =>
    listerGenerations(ctx, request.actor!),
  );
  app.post(`${E}/comptes/regenerer`, { config: regenerer, schema: { tags, summary: "Régénérer le mot de passe d'un ou plusieurs élèves (traitement)", body: regenererBody } }, async (request) =>
    regenererMotsDePasse(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${E}/eleves`, { config: lire, schema: { tags, summary: "Élèves candidats de l'établissement dans les sessions en cours, avec leur identifiant", querystring: elevesQuery } }, async (request) =>
    listerEleves(ctx, request.actor!, request.query),
  );
  app.get(`${E}/eleves/export.csv`, { config: lister, schema: { tags, summary: 'Liste détaillée de mes élèves (CSV)', querystring: elevesQuery } }, async (request, reply) =>
    envoyerFichier(reply, await exporterEleves(ctx, request.actor!, request.query)),
  );
}
