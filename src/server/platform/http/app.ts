// The Fastify application: JSON API under /api with zod schemas and an OpenAPI document, the
// authentication and policy hook every route goes through, one error handler, and the web app.
import { estIndisponibilite, MESSAGE_INDISPONIBLE } from './indisponibilite.ts';
import { MESSAGE_ARRET } from './arret.ts';
import { ENTETE_ID_REQUETE, generateurIdRequete } from './requete-id.ts';
import { dansLaRequete } from '../journal.ts';
import { motifRoute } from '../metriques.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, introuvable, type ErrorBody } from '../errors.ts';
import { controlerEntrees } from './entrees.ts';
import { enTetesSecurite } from './securite.ts';
import { ACTIONS_AUTRE_ACADEMIE, autorise, estAction, exigencesAction, refusService, RULES, type Action, type Actor, type Rule } from '../policy.ts';
import type { AppContext } from '../context.ts';
import { activiteOuverteSelon, conditionRemplie } from '../activites.ts';
import { RAISON_CONDITION, RAISON_CONDITION_PERSONNE, SERVICES } from '../../../domain/services.ts';
import { ACADEMIE_ENQUETE_DCS, conditionsPersonne } from '../../imagin-intervenant/habilitations.ts';
import { resoudreSession, COOKIE_SESSION, ENTETE_SESSION_ACADEMIE, estArrierePlan, type SessionResolue } from '../../identite/sessions.ts';

z.config(z.locales.fr());

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; every /api route has one, or is public. */
    action?: Action;
    public?: boolean;
    /** Whether a call counts as user activity (the shell's session poll does not). */
    activite?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionResolue | null;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
export type RouteModule = (app: App, ctx: AppContext) => void | Promise<void>;

export interface RouteInfo {
  method: string;
  url: string;
  action: Action | null;
  public: boolean;
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export async function buildApp(
  ctx: AppContext,
  modules: RouteModule[],
  opts: { webRoot?: string; /** Where the JSON log lines go (stdout by default; tests read them). */ journal?: NodeJS.WritableStream } = {},
): Promise<App & { routesDeclarees: RouteInfo[] }> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel, ...(opts.journal ? { stream: opts.journal } : {}) },
    bodyLimit: 2 * 1024 * 1024,
    // Short ids (the reference of a 500), or the trusted proxy's X-Request-Id (platform/http/requete-id.ts).
    genReqId: generateurIdRequete(ctx.config.trustProxy),
    // One line per request only when debugging; errors are always logged with their reference.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(ctx.config.logLevel) }),
    // X-Forwarded-For / -Proto / -Host are believed only from the configured proxies (TRUST_PROXY):
    // otherwise any client would choose the address the login limits and the audit see.
    trustProxy: ctx.config.trustProxy.length > 0 ? ctx.config.trustProxy : false,
    // While closing, the graceful stop's own hook answers in French (platform/http/arret.ts).
    return503OnClosing: !ctx.arret,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // First hook of every request: its id goes back in X-Request-Id (errors and 503s included), and
  // ctx.logger writes through the request's logger (reqId on every line) until it is answered.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(ENTETE_ID_REQUETE, request.id);
    dansLaRequete(request.log, done);
  });
  // Durations per route pattern (never the raw URL: ids would make one series per resource).
  const metriques = ctx.metriques;
  if (metriques) {
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? (request.url.startsWith('/api') ? undefined : '/');
      metriques.requete(request.method, motifRoute(route), reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }

  // Graceful stop: new requests get a 503 while the accepted ones finish (platform/http/arret.ts).
  const arret = ctx.arret;
  if (arret) {
    app.addHook('onRequest', async (_request, reply) => {
      if (arret.demande) {
        reply.header('connection', 'close').header('retry-after', '5');
        return reply.status(503).send({ code: 'INDISPONIBLE', message: MESSAGE_ARRET });
      }
      arret.enCours++;
      let fini = false;
      const terminer = () => {
        if (!fini) {
          fini = true;
          arret.enCours--;
        }
      };
      reply.raw.once('finish', terminer);
      reply.raw.once('close', terminer);
    });
  }

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const cfg = (route.config ?? {}) as { action?: string; public?: boolean };
    if (!cfg.public && !(cfg.action && estAction(cfg.action))) {
      throw new Error(`La route ${route.method} ${route.url} ne déclare ni action de la politique ni accès public.`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, action: (cfg.action as Action) ?? null, public: !!cfg.public });
    }
  });

  await app.register(cookie, { secret: ctx.config.sessionSecret });
  await app.register(swagger, {
    openapi: {
      info: { title: "API IMAG'IN / CYCLADES", version: '0.1.0', description: 'API de la plateforme des examens (missions des intervenants, examens).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: COOKIE_SESSION },
          // A tab opened by "Accès autres académies" sends its own session in this header.
          sessionAcademie: { type: 'apiKey', in: 'header', name: ENTETE_SESSION_ACADEMIE },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  // Security headers on every response: API, errors, the web app, its assets, downloads.
  const securite = enTetesSecurite(ctx.config);
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [nom, valeur] of Object.entries(securite)) if (!reply.hasHeader(nom)) reply.header(nom, valeur);
    return payload;
  });

  // Once validated, no request part may hold what the database refuses (a NUL byte, an integer
  // beyond its integer type), whatever the route's schema says: 400 naming the field, never a 500.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    for (const partie of [request.params, request.query, request.body]) {
      const e = controlerEntrees(partie);
      if (e) throw e;
    }
  });

  // Authentication, CSRF, policy and activity opening, in that order, for every /api route, before
  // the body is validated: an unauthorised caller learns nothing from validation messages.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const cfg = request.routeOptions.config;
    if (!request.url.startsWith('/api/') || cfg.public || request.is404) return;
    const action = cfg.action!;
    // A background refresh (header x-arriere-plan) is answered but is not activity (issue 13 §9).
    const session = await resoudreSession(ctx, request, { activite: cfg.activite !== false && !estArrierePlan(request) });
    const { actor, csrfToken } = session;
    request.actor = actor;
    request.session = session;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      if (request.headers['x-csrf-token'] !== csrfToken) {
        throw new AppError('CSRF', 'La requête a été refusée (jeton de sécurité absent ou périmé). Rechargez la page puis recommencez.');
      }
    }
    // A session opened in another académie (003 §4.6) only does that académie's centre work.
    if (actor.sessionParenteId && !ACTIONS_AUTRE_ACADEMIE.has(action)) {
      throw introuvable("Cette action n'est pas proposée dans l'accès à une autre académie : utilisez l'onglet de votre académie.");
    }
    if (!autorise(actor, action)) {
      if (actor.motDePasseTemporaire && (RULES[action] as Rule).roles.includes(actor.role)) {
        throw new AppError('MOT_DE_PASSE_A_CHANGER', 'Vous devez changer votre mot de passe temporaire avant de continuer.');
      }
      throw new AppError('INTERDIT', "Vous n'avez pas les droits nécessaires pour cette action.");
    }
    // The action belongs to the services that have its activity, whatever service the session was
    // opened on (issue 13 §2): the opening is checked there, and a centre activity needs a centre.
    const refus = refusService(actor, action);
    if (refus) throw new AppError('INTERDIT', refus);
    const { activite, condition, conditionPersonne } = exigencesAction(actor, action);
    if (condition && !(await conditionRemplie(ctx.db, actor.etablissementId, condition))) {
      throw new AppError('INTERDIT', RAISON_CONDITION[condition]);
    }
    if (conditionPersonne && (actor.personneId === null || !(await conditionsPersonne(ctx.db, actor.personneId, actor.academieCode, [conditionPersonne])).has(conditionPersonne))) {
      throw new AppError('INTERDIT', RAISON_CONDITION_PERSONNE[conditionPersonne]);
    }
    if (activite && SERVICES[actor.service].activites.find((a) => a.code === activite)?.condition === 'academie_enquete_dcs' && actor.academieCode !== ACADEMIE_ENQUETE_DCS) {
      throw new AppError('INTERDIT', "L'enquête DCS n'existe que dans l'IMAG'IN du SIEC.");
    }
    // The openings came with the session (one round trip, never stale: issue 18 §10).
    if (activite && !activiteOuverteSelon(session.ouvertures, actor.service, activite)) {
      throw new AppError('ACTIVITE_FERMEE', "Cette activité n'est pas ouverte par le service gestionnaire de la division des examens et concours.");
    }
  });

  app.setErrorHandler(async (error: any, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, error.status, { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as any)?.issue?.path?.join('.') || 'requete';
        fields[path] ??= v.message ?? 'Valeur incorrecte.';
      }
      const first = Object.entries(fields)[0]!;
      // The schemas' messages name their field in French ("La date de fin …"): the top message repeats
      // the first one rather than a technical field name.
      const autres = Object.keys(fields).length - 1;
      const message = autres > 0 ? `${first[1]} (et ${autres} autre${autres > 1 ? 's' : ''} erreur${autres > 1 ? 's' : ''} de saisie)` : first[1];
      return send(reply, 400, { code: 'VALIDATION', message, fields });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, 413, { code: 'TROP_VOLUMINEUX', message: 'La requête dépasse la taille maximale autorisée (2 Mo).' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return send(reply, 415 as number, { code: 'VALIDATION', message: 'Le format de la requête doit être JSON (Content-Type: application/json).' });
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send(reply, 400, { code: 'VALIDATION', message: 'Le corps de la requête n\'est pas un JSON valide.' });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, { code: 'VALIDATION', message: 'Requête incorrecte.' });
    }
    if (estIndisponibilite(error)) {
      request.log.warn({ err: { code: error.code, message: error.message } }, 'Base de données injoignable');
      reply.header('retry-after', '30');
      return send(reply, 503, { code: 'INDISPONIBLE', message: MESSAGE_INDISPONIBLE });
    }
    // The reference users quote is the request id: every log line of the request carries it (reqId).
    const ref = String(request.id);
    request.log.error({ err: error, ref }, 'Erreur technique');
    return send(reply, 500, { code: 'TECHNIQUE', message: `Erreur technique (réf. ${ref}). Si le problème persiste, communiquez cette référence au gestionnaire de votre académie.` });
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !opts.webRoot) {
      return send(reply, 404, { code: 'INTROUVABLE', message: `Aucune ressource à l'adresse ${request.method} ${request.url.split('?')[0]}.` });
    }
    // Every other path belongs to the single-page web app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) await mod(app, ctx);

  if (opts.webRoot && existsSync(resolve(opts.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: resolve(opts.webRoot), wildcard: false, index: false, maxAge: '1h', preCompressed: true });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html', { maxAge: 0 }));
  }

  await app.ready();
  return Object.assign(app, { routesDeclarees: routes });
}
