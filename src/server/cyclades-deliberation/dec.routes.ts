// The DEC's deliberation activities (issue 7): « Jurys de délibération », « Notes de l'épreuve de
// contrôle », « Publication des résultats ». Thin routes: policy action → schema → service (the
// académie's juries only, checked there).
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { decisionsBody, importBody, juryParams, jurysQuery, noteControleBody, publicationBody, transitionBody, versionBody } from './dec.schemas.ts';
import {
  candidatsControle,
  candidatsDuJury,
  changerEtatJurys,
  cloreJury,
  enregistrerDecisions,
  etatPublication,
  importerNotesControle,
  listerJurys,
  publierResultats,
  saisirNoteControle,
} from './dec.service.ts';

export const BASE_DEC = '/api/gestion/deliberation';

export function decDeliberationRoutes(app: App, ctx: AppContext) {
  const tags = ['cyclades-deliberation-dec'];
  const jurys = { action: 'jurys.gerer' } as const;
  const notes = { action: 'notes-controle.saisir' } as const;
  const publication = { action: 'resultats.publier' } as const;
  const trace = (r: { ip: string; id: unknown }) => ({ ip: r.ip, requestId: String(r.id) });

  app.get(`${BASE_DEC}/jurys`, { config: jurys, schema: { tags, summary: "Jurys de l'académie (session, état, recherche) avec leurs effectifs", querystring: jurysQuery } }, async (request) =>
    listerJurys(ctx, request.actor!, request.query),
  );
  app.post(
    `${BASE_DEC}/jurys/transition`,
    { config: jurys, schema: { tags, summary: "Verrouiller le 1er groupe (140 → 198) ou ouvrir l'épreuve de contrôle (198 → 200)", body: transitionBody } },
    async (request) => changerEtatJurys(ctx, request.actor!, request.body, trace(request)),
  );
  app.get(`${BASE_DEC}/jurys/:id/candidats`, { config: jurys, schema: { tags, summary: 'Candidats du jury : notes, résultat calculé et explication', params: juryParams } }, async (request) =>
    candidatsDuJury(ctx, request.actor!, request.params.id),
  );
  app.post(
    `${BASE_DEC}/jurys/:id/decisions`,
    { config: jurys, schema: { tags, summary: 'Enregistrer les décisions du jury (calculées, ou celles du jury), version affichée', params: juryParams, body: decisionsBody } },
    async (request) => enregistrerDecisions(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(
    `${BASE_DEC}/jurys/:id/clore`,
    { config: jurys, schema: { tags, summary: 'Clore le jury (210 → 211), version affichée', params: juryParams, body: versionBody } },
    async (request) => cloreJury(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );

  app.get(`${BASE_DEC}/notes-controle/jurys`, { config: notes, schema: { tags, summary: 'Jurys de la session pour la saisie des notes de contrôle', querystring: jurysQuery } }, async (request) =>
    listerJurys(ctx, request.actor!, request.query),
  );
  app.get(
    `${BASE_DEC}/notes-controle/jurys/:id`,
    { config: notes, schema: { tags, summary: "Candidats du jury admissibles à l'épreuve de contrôle et leurs notes d'oral", params: juryParams } },
    async (request) => candidatsControle(ctx, request.actor!, request.params.id),
  );
  app.put(
    `${BASE_DEC}/notes-controle`,
    { config: notes, schema: { tags, summary: "Saisir une note de l'épreuve de contrôle (motif obligatoire à l'état 210)", body: noteControleBody } },
    async (request) => saisirNoteControle(ctx, request.actor!, request.body, trace(request)),
  );
  app.post(
    `${BASE_DEC}/notes-controle/import`,
    { config: notes, schema: { tags, summary: 'Importer un fichier CSV « N° candidat;Epreuve;Note » (tout ou rien)', body: importBody } },
    async (request) => importerNotesControle(ctx, request.actor!, request.body, trace(request)),
  );

  app.get(`${BASE_DEC}/publication`, { config: publication, schema: { tags, summary: 'Sessions : jurys par état et publication des résultats' } }, async (request) =>
    etatPublication(ctx, request.actor!),
  );
  app.post(`${BASE_DEC}/publication`, { config: publication, schema: { tags, summary: 'Publier les résultats de la session (tous ses jurys à 214)', body: publicationBody } }, async (request) =>
    publierResultats(ctx, request.actor!, request.body, trace(request)),
  );
}
