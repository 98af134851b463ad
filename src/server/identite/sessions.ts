// Server-side sessions stored in the database (several processes share them). The cookie holds a
// random token; the table holds only its HMAC, so a leaked table opens no session.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { estServiceCode, type ServiceCode } from '../../domain/services.ts';
import { audit } from '../platform/audit.ts';
import { dureeLisible } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { preparee } from '../platform/db/requetes-preparees.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';

export const COOKIE_SESSION = 'sid';

/**
 * The token of a session opened by "Accès autres académies" (003 §4.6). Such a session lives in one
 * browser tab, beside its parent session: it cannot be a cookie (tabs share cookies), so the tab keeps
 * its token in sessionStorage and sends it in this header, which then wins over the cookie.
 */
export const ENTETE_SESSION_ACADEMIE = 'x-session-academie';

/**
 * Sent by a page's automatic refresh (the Jury portal re-reads its jury every 5 s): the request is
 * answered like any other but is not the user's activity, so it never pushes back the inactivity
 * deadline (issue 13 §9). Only a user's own action does.
 */
export const ENTETE_ARRIERE_PLAN = 'x-arriere-plan';

/** Whether this request is a background refresh (ENTETE_ARRIERE_PLAN). */
export function estArrierePlan(request: Pick<FastifyRequest, 'headers'>): boolean {
  const v = request.headers[ENTETE_ARRIERE_PLAN];
  return v !== undefined && v !== '' && v !== '0';
}

export function hacherJeton(ctx: AppContext, token: string): string {
  return createHmac('sha256', ctx.config.sessionSecret).update(token).digest('base64url');
}

export function nouveauJeton(): string {
  return randomBytes(32).toString('base64url');
}

export function poserCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(COOKIE_SESSION, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
  });
}

export function effacerCookie(ctx: AppContext, reply: FastifyReply) {
  reply.clearCookie(COOKIE_SESSION, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https:') });
}

export interface SessionResolue {
  actor: Actor;
  csrfToken: string;
  derniereActivite: Date;
  creeLe: Date;
  /**
   * The openings the gestionnaire recorded for the session's académie and service (activite_ouverture:
   * activity code → open), read in the session's own round trip so that the policy's opening check
   * costs no query of its own (issue 18 §10) and is never stale.
   */
  ouvertures: Record<string, boolean>;
}

const NON_CONNECTE = "Vous n'êtes pas connecté. Identifiez-vous pour accéder au service.";
const PARENTE_TERMINEE =
  "La session de votre académie d'origine est terminée : l'accès à cette académie l'est aussi. Fermez cet onglet et identifiez-vous à nouveau dans votre académie.";

const REPRISE =
  "Votre session a été reprise depuis un autre navigateur avec votre identifiant : elle est fermée ici. Identifiez-vous à nouveau pour continuer sur ce poste.";

function messageExpiration(seconds: number) {
  return `Votre session a expiré après ${dureeLisible(seconds)} d'inactivité. Identifiez-vous à nouveau.`;
}

/**
 * The activity stamp (derniere_activite) is written at most this often, to spare a write per request
 * (issue 18 §10): a thirtieth of the idle delay, at most one minute (30 min → 60 s). A session then ends
 * for inactivity between (idle − this) and idle after the user's last action: exact to within it.
 * « Rester connecté » (POST /api/auth/prolonger) always writes.
 */
export function intervalleActiviteMs(sessionIdleSeconds: number): number {
  return Math.min(60_000, Math.floor((sessionIdleSeconds * 1000) / 30));
}

export async function resoudreSession(
  ctx: AppContext,
  request: FastifyRequest,
  opts: { activite: boolean },
): Promise<SessionResolue> {
  // A tab working in another académie sends its own session; without it, the cookie's session.
  const entete = request.headers[ENTETE_SESSION_ACADEMIE];
  const token = typeof entete === 'string' && entete !== '' ? entete : request.cookies[COOKIE_SESSION];
  if (!token) throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  return resoudreJeton(ctx, token, request.ip, opts);
}

/** The session of this token (cookie or header), as resoudreSession finds it. */
export async function resoudreJeton(ctx: AppContext, token: string, ip: string, opts: { activite: boolean }): Promise<SessionResolue> {
  const id = hacherJeton(ctx, token);
  const row = await ctx.db
    .selectFrom('session_utilisateur as s')
    .innerJoin('role_attribution as r', 'r.id', 's.role_attribution_id')
    .innerJoin('compte as c', 'c.id', 's.compte_id')
    .leftJoin('session_utilisateur as parente', 'parente.id', 's.parent_session_id')
    .select([
      's.id',
      's.service',
      's.academie_code',
      's.etablissement_id',
      's.csrf_token',
      's.derniere_activite',
      's.cree_le',
      's.fin_le',
      's.motif_fin',
      's.parent_session_id',
      'parente.fin_le as parente_fin_le',
      'parente.derniere_activite as parente_derniere_activite',
      'r.role',
      'r.id as role_attribution_id',
      'r.personne_id',
      'r.actif as role_actif',
      'c.id as compte_id',
      'c.login',
      'c.actif as compte_actif',
      'c.mot_de_passe_temporaire',
      // A Jury portal session's juries (session_jury), in the same round trip.
      (eb) => eb.fn<number[] | null>('array', [eb.selectFrom('session_jury as sj').select('sj.jury_id').whereRef('sj.session_id', '=', 's.id').orderBy('sj.jury_id')]).as('jurys_portail'),
      // The activity openings of the session's académie and service (for the policy), in the same round trip.
      (eb) =>
        eb
          .selectFrom('activite_ouverture as ao')
          .select((e) => e.fn<Record<string, boolean> | null>('json_object_agg', ['ao.activite', 'ao.ouverte']).as('o'))
          .whereRef('ao.academie_code', '=', 's.academie_code')
          .whereRef('ao.service', '=', 's.service')
          .as('ouvertures'),
    ])
    .where('s.id', '=', id)
    // Read on every request: planned once per connection on PostgreSQL (decision 0025).
    .modifyFront(preparee())
    .executeTakeFirst();
  if (!row || !estServiceCode(row.service)) throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  if (row.fin_le) {
    if (row.motif_fin === 'expiration') throw new AppError('SESSION_EXPIREE', messageExpiration(ctx.config.sessionIdleSeconds));
    if (row.motif_fin === MOTIF_FIN_PARENTE) throw new AppError('NON_AUTHENTIFIE', PARENTE_TERMINEE);
    if (row.motif_fin === MOTIF_FIN_REPRISE) throw new AppError('NON_AUTHENTIFIE', REPRISE);
    throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  }
  if (!row.compte_actif || !row.role_actif) {
    await terminerSession(ctx, id, 'compte_desactive');
    throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  }
  const now = ctx.clock.now();
  const idleMs = ctx.config.sessionIdleSeconds * 1000;
  const derniere = new Date(row.derniere_activite);
  if (now.getTime() - derniere.getTime() >= idleMs) {
    await ctx.db
      .updateTable('session_utilisateur')
      .set({ fin_le: new Date(derniere.getTime() + idleMs), motif_fin: 'expiration' })
      .where('id', '=', id)
      .where('fin_le', 'is', null)
      .execute();
    await audit(ctx.db, { academieCode: row.academie_code, compteId: row.compte_id, acteur: row.login, ip }, {
      action: 'session.expiration',
      entite: 'session',
      entiteId: row.service,
    });
    throw new AppError('SESSION_EXPIREE', messageExpiration(ctx.config.sessionIdleSeconds));
  }
  // A session opened in another académie lives only as long as the session it was opened from.
  if (row.parent_session_id !== null) {
    const parenteDerniere = row.parente_derniere_activite ? new Date(row.parente_derniere_activite) : null;
    const parenteExpiree = parenteDerniere !== null && now.getTime() - parenteDerniere.getTime() >= idleMs;
    if (!parenteDerniere || row.parente_fin_le || parenteExpiree) {
      if (parenteExpiree && !row.parente_fin_le) {
        await ctx.db
          .updateTable('session_utilisateur')
          .set({ fin_le: new Date(parenteDerniere.getTime() + idleMs), motif_fin: 'expiration' })
          .where('id', '=', row.parent_session_id)
          .where('fin_le', 'is', null)
          .execute();
      }
      await terminerSession(ctx, id, MOTIF_FIN_PARENTE);
      throw new AppError('NON_AUTHENTIFIE', PARENTE_TERMINEE);
    }
  }
  let derniereActivite = derniere;
  if (opts.activite && now.getTime() - derniere.getTime() > intervalleActiviteMs(ctx.config.sessionIdleSeconds)) {
    // Working in another académie's tab is activity of the same person: the home session, which the
    // child needs, stays alive too (its tab checks its deadline with the server before warning).
    const ids = row.parent_session_id !== null ? [id, row.parent_session_id] : [id];
    await ctx.db.updateTable('session_utilisateur').set({ derniere_activite: now }).where('id', 'in', ids).where('fin_le', 'is', null).execute();
    derniereActivite = now;
  }
  // A Jury portal session reaches the juries it opened, and those only (session_jury, issue 8).
  const jurysPortail = row.service === 'portail-jury' ? (row.jurys_portail ?? []) : undefined;
  return {
    actor: {
      compteId: row.compte_id,
      login: row.login,
      role: row.role,
      roleAttributionId: row.role_attribution_id,
      academieCode: row.academie_code,
      etablissementId: row.etablissement_id,
      personneId: row.personne_id,
      service: row.service as ServiceCode,
      sessionId: id,
      motDePasseTemporaire: row.mot_de_passe_temporaire,
      sessionParenteId: row.parent_session_id,
      ...(jurysPortail ? { jurysPortail } : {}),
    },
    csrfToken: row.csrf_token,
    derniereActivite,
    creeLe: new Date(row.cree_le),
    ouvertures: row.ouvertures ?? {},
  };
}

/** Why a session opened in another académie ended with the session it came from. */
export const MOTIF_FIN_PARENTE = 'fin_session_parente';
/** Why a session ended when its account logged in again to the same établissement service (issue 13). */
export const MOTIF_FIN_REPRISE = 'reprise';

/** Ends the session and the sessions opened from it in other académies. */
export async function terminerSession(ctx: AppContext, id: string, motif: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('session_utilisateur').set({ fin_le: now, motif_fin: motif }).where('id', '=', id).where('fin_le', 'is', null).execute();
    await trx
      .updateTable('session_utilisateur')
      .set({ fin_le: now, motif_fin: MOTIF_FIN_PARENTE })
      .where('parent_session_id', '=', id)
      .where('fin_le', 'is', null)
      .execute();
  });
}

/** Seconds left before the session ends for inactivity. */
export function secondesRestantes(ctx: AppContext, derniereActivite: Date): number {
  const fin = derniereActivite.getTime() + ctx.config.sessionIdleSeconds * 1000;
  return Math.max(0, Math.round((fin - ctx.clock.now().getTime()) / 1000));
}
