// The chef de centre de délibération's activities (seed 001). Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import { jurysQuery, listeRougeBody, listesBody, notesManquantesBody, planSecoursBody, pvBody, transitionBody, vueQuery } from './centre.schemas.ts';
import {
  controlerNotesManquantes,
  editerListe,
  editerListeRouge,
  editerPv,
  genererPlanSecours,
  listerJurys,
  ouEnSommesNous,
  ouvrirDeliberation,
  terminerControle,
  vueDetaillee,
  vueSynthetique,
} from './centre.service.ts';

export const BASE_CENTRE = '/api/cyclades/deliberation';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function centreDeliberationRoutes(app: App, ctx: AppContext) {
  const tags = ['cyclades-deliberation'];
  const B = BASE_CENTRE;
  // The juries and the step list are read by every page of the seven activities.
  // Read by all seven pages: closing one activity must not break the others.
  const lire = { action: 'deliberation-centre.consulter' } as const;

  app.get(`${B}/jurys`, { config: lire, schema: { tags, summary: 'Jurys délibérés dans le centre (session en cours), sélectionnables dans les états demandés', querystring: jurysQuery } }, async (request) =>
    listerJurys(ctx, request.actor!, request.query),
  );
  app.get(`${B}/ou-en-sommes-nous`, { config: lire, schema: { tags, summary: '« Où en sommes-nous ? » : les sept étapes de la délibération du 2nd groupe' } }, async (request) =>
    ouEnSommesNous(ctx, request.actor!),
  );
  app.post(
    `${B}/notes-manquantes`,
    { config: { action: 'notes-manquantes.controler' }, schema: { tags, summary: 'Contrôler les notes manquantes (« Pas de notes manquantes. » ou le PDF)', body: notesManquantesBody } },
    async (request, reply) => {
      const r = await controlerNotesManquantes(ctx, request.actor!, request.body, trace(request));
      return 'flux' in r ? envoyerFichier(reply, r) : r;
    },
  );
  app.post(`${B}/plan-de-secours`, { config: { action: 'plan-secours.generer' }, schema: { tags, summary: 'Générer le plan de secours (traitement : compte rendu et ZIP)', body: planSecoursBody } }, async (request) =>
    genererPlanSecours(ctx, request.actor!, trace(request)),
  );
  app.get(`${B}/synthese`, { config: lire, schema: { tags, summary: 'Vue synthétique : nombre de jurys par état, et leur action', querystring: vueQuery } }, async (request) =>
    vueSynthetique(ctx, request.actor!, request.query.vue),
  );
  app.get(`${B}/detail`, { config: lire, schema: { tags, summary: 'Vue détaillée : les jurys un par un, avec leur état et leur action', querystring: vueQuery } }, async (request) =>
    vueDetaillee(ctx, request.actor!, request.query.vue),
  );
  app.post(`${B}/ouvrir`, { config: { action: 'deliberation.ouvrir' }, schema: { tags, summary: "Ouvrir la délibération de l'épreuve de contrôle (200 → 210)", body: transitionBody } }, async (request) =>
    ouvrirDeliberation(ctx, request.actor!, request.body, trace(request)),
  );
  app.post(`${B}/pv`, { config: { action: 'pv-deliberation.editer' }, schema: { tags, summary: 'Editer les Procès Verbaux de tenue de délibération (PDF unique ou ZIP)', body: pvBody } }, async (request, reply) =>
    envoyerFichier(reply, await editerPv(ctx, request.actor!, request.body, trace(request))),
  );
  app.post(`${B}/listes-resultats`, { config: { action: 'listes-resultats.editer' }, schema: { tags, summary: "Liste d'affichage des admis ou liste des non admis (PDF)", body: listesBody } }, async (request, reply) =>
    envoyerFichier(reply, await editerListe(ctx, request.actor!, request.body, trace(request))),
  );
  app.post(`${B}/liste-rouge`, { config: { action: 'liste-rouge.editer' }, schema: { tags, summary: 'Liste des candidats présumés fraudeurs ou inscrits en liste rouge (PDF)', body: listeRougeBody } }, async (request, reply) =>
    envoyerFichier(reply, await editerListeRouge(ctx, request.actor!, request.body, trace(request))),
  );
  app.post(`${B}/terminer`, { config: { action: 'controle.terminer' }, schema: { tags, summary: "Terminer l'épreuve de contrôle (211 → 214)", body: transitionBody } }, async (request) =>
    terminerControle(ctx, request.actor!, request.body, trace(request)),
  );
}
