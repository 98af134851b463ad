// The Jury portal's routes (issue 8 §2–7): the two screens and the backup portal (public: they open the
// session), the deliberation of a portal session, the intervenant's SMS code, the DSI's switch of the
// backup portal, and the SMS outbox of the administrator. Thin: schema → service.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { descriptionSession } from '../identite/identite.routes.ts';
import { COOKIE_SESSION, poserCookie, resoudreJeton } from '../identite/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { App } from '../platform/http/app.ts';
import { smsDeLAcademie } from '../platform/sms.ts';
import {
  accesIntervenant,
  changerPortailSecours,
  connecterSecours,
  COOKIE_CLE,
  DUREE_TICKET_MS,
  envoyerCodeSms,
  etape,
  etatPortailSecours,
  validerCle,
  validerCodeSms,
  validerIdentifiants,
  type Trace,
} from './acces.service.ts';
import { cloreJuryPortail, juryPortail, listerJurysPortail, modifierNote, versionJuryPortail } from './deliberation.service.ts';
import { cleBody, clotureBody, codeSmsBody, identifiantsBody, juryParams, modificationNoteBody, portailSecoursBody } from './portail.schemas.ts';

export const BASE_JURY = '/api/jury';

export function portailJuryRoutes(app: App, ctx: AppContext) {
  const tags = ['portail-jury'];
  const trace = (r: FastifyRequest): Trace => ({ ip: r.ip, userAgent: r.headers['user-agent'], requestId: String(r.id) });
  const cookieCle = (reply: FastifyReply, token: string | null) => {
    const opts = { path: '/api/jury', httpOnly: true, sameSite: 'strict' as const, secure: ctx.config.publicUrl.startsWith('https:') };
    if (token) reply.setCookie(COOKIE_CLE, token, { ...opts, maxAge: DUREE_TICKET_MS / 1000 });
    else reply.clearCookie(COOKIE_CLE, opts);
  };
  /** The shell's description of the session just opened (the same answer as /api/auth/connexion). */
  const session = async (token: string, ip: string) => {
    const s = await resoudreJeton(ctx, token, ip, { activite: false });
    return descriptionSession(ctx, s.actor, s.csrfToken, s.derniereActivite);
  };

  // --- Screens (public) ---
  app.post(`${BASE_JURY}/cle`, { config: { public: true }, schema: { tags, summary: "1re mire : identifiant de la clé OTP, code PIN suivi du code affiché", body: cleBody } }, async (request, reply) => {
    const r = await validerCle(ctx, { ...request.body, sessionToken: request.cookies[COOKIE_SESSION] }, trace(request));
    if (!r.ok) throw new AppError('NON_AUTHENTIFIE', r.message);
    cookieCle(reply, r.token);
    return { academie: r.academie };
  });
  app.get(`${BASE_JURY}/etape`, { config: { public: true }, schema: { tags, summary: 'Quelle mire afficher (clé OTP, ou identifiants IMAG\'IN de l\'académie de la clé)' } }, async (request) =>
    etape(ctx, { cle: request.cookies[COOKIE_CLE], session: request.cookies[COOKIE_SESSION] }),
  );
  app.post(`${BASE_JURY}/identifiants`, { config: { public: true }, schema: { tags, summary: "2e mire : identifiant et mot de passe de la convocation IMAG'IN", body: identifiantsBody } }, async (request, reply) => {
    const r = await validerIdentifiants(ctx, { ticket: request.cookies[COOKIE_CLE], sessionToken: request.cookies[COOKIE_SESSION], ...request.body }, trace(request));
    cookieCle(reply, null);
    // A new session, or the same one under a new id (Cas 2): the cookie is replaced either way.
    poserCookie(ctx, reply, r.token);
    return { session: await session(r.token, request.ip) };
  });
  app.post(`${BASE_JURY}/secours`, { config: { public: true }, schema: { tags, summary: 'Portail CYCLADES-JURY de secours : login et mot de passe du jury (plan de secours)', body: identifiantsBody } }, async (request, reply) => {
    const r = await connecterSecours(ctx, request.body, trace(request));
    poserCookie(ctx, reply, r.token);
    return { session: await session(r.token, request.ip) };
  });

  // --- Deliberation (portal session) ---
  const deliberer = { action: 'portail-jury.deliberer' } as const;
  app.get(`${BASE_JURY}/jurys`, { config: deliberer, schema: { tags, summary: 'Les jurys de la session : académie, état, qualité, candidats sans résultat' } }, async (request) =>
    listerJurysPortail(ctx, request.actor!),
  );
  app.get(`${BASE_JURY}/jurys/:id`, { config: deliberer, schema: { tags, summary: 'Un jury : candidats, notes du 1er groupe et de contrôle, résultat calculé et explication', params: juryParams } }, async (request, reply) => {
    // The page reads its jury every 5 s: unchanged since (same version), 304 without loading it again.
    const version = await versionJuryPortail(ctx, request.actor!, request.params.id);
    const etag = `"jury-${request.params.id}-v${version}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'cookie');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return juryPortail(ctx, request.actor!, request.params.id);
  });
  app.put(`${BASE_JURY}/jurys/:id/notes`, { config: deliberer, schema: { tags, summary: 'Modifier une note en délibération (motif obligatoire ; refus si la note a changé depuis l\'affichage)', params: juryParams, body: modificationNoteBody } }, async (request) =>
    modifierNote(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.post(`${BASE_JURY}/jurys/:id/cloture`, { config: deliberer, schema: { tags, summary: 'Clore le jury (210 → 211) : chaque candidat doit avoir un résultat', params: juryParams, body: clotureBody } }, async (request) =>
    cloreJuryPortail(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );

  // --- The intervenant's menu: a code by SMS instead of the key ---
  const sms = { action: 'portail-jury.code-sms' } as const;
  app.get('/api/intervenant/portail-jury', { config: sms, schema: { tags, summary: 'Jurys auxquels l\'intervenant est convoqué pour délibérer, téléphone portable masqué' } }, async (request) =>
    accesIntervenant(ctx, request.actor!),
  );
  app.post('/api/intervenant/portail-jury/sms', { config: sms, schema: { tags, summary: 'Recevoir un code par SMS' } }, async (request) => envoyerCodeSms(ctx, request.actor!, trace(request)));
  app.post('/api/intervenant/portail-jury/code', { config: sms, schema: { tags, summary: 'Accéder au portail avec le code reçu par SMS', body: codeSmsBody } }, async (request, reply) => {
    const r = await validerCodeSms(ctx, request.actor!, request.body.code, trace(request));
    poserCookie(ctx, reply, r.token);
    return { session: await session(r.token, request.ip) };
  });

  // --- DSI: the backup portal ---
  const secours = { action: 'portail-secours.gerer' } as const;
  app.get('/api/dsi/portail-secours', { config: secours, schema: { tags, summary: "État du portail de secours de l'académie et logins de secours des jurys" } }, async (request) =>
    etatPortailSecours(ctx, request.actor!),
  );
  app.put('/api/dsi/portail-secours', { config: secours, schema: { tags, summary: "Ouvrir (autorisation du RSSI) ou fermer le portail de secours de l'académie", body: portailSecoursBody } }, async (request) =>
    changerPortailSecours(ctx, request.actor!, request.body, trace(request)),
  );

  // --- Administrator: the SMS outbox ---
  app.get('/api/admin/boite-envoi-sms', { config: { action: 'boite-envoi.lire' }, schema: { tags: ['administration'], summary: "SMS émis par la plateforme pour l'académie (boîte d'envoi)" } }, async (request) => ({
    sms: await smsDeLAcademie(ctx.db, request.actor!.academieCode),
  }));
}
