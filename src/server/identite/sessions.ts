// Server-side sessions stored in the database (several processes share them). The cookie holds a
// random token; the table holds only its HMAC, so a leaked table opens no session.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { estServiceCode, type ServiceCode } from '../../domain/services.ts';
import { audit } from '../platform/audit.ts';
import { dureeLisible } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';

export const COOKIE_SESSION = 'sid';

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
}

const NON_CONNECTE = "Vous n'êtes pas connecté. Identifiez-vous pour accéder au service.";

function messageExpiration(seconds: number) {
  return `Votre session a expiré après ${dureeLisible(seconds)} d'inactivité. Identifiez-vous à nouveau.`;
}

/** Only refresh the activity stamp this often, to spare a write per request. */
const TOUCH_MS = 10_000;

export async function resoudreSession(
  ctx: AppContext,
  request: FastifyRequest,
  opts: { activite: boolean },
): Promise<SessionResolue> {
  const token = request.cookies[COOKIE_SESSION];
  if (!token) throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  const id = hacherJeton(ctx, token);
  const row = await ctx.db
    .selectFrom('session_utilisateur as s')
    .innerJoin('role_attribution as r', 'r.id', 's.role_attribution_id')
    .innerJoin('compte as c', 'c.id', 's.compte_id')
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
      'r.role',
      'r.id as role_attribution_id',
      'r.personne_id',
      'r.actif as role_actif',
      'c.id as compte_id',
      'c.login',
      'c.actif as compte_actif',
      'c.mot_de_passe_temporaire',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || !estServiceCode(row.service)) throw new AppError('NON_AUTHENTIFIE', NON_CONNECTE);
  if (row.fin_le) {
    if (row.motif_fin === 'expiration') throw new AppError('SESSION_EXPIREE', messageExpiration(ctx.config.sessionIdleSeconds));
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
    await audit(ctx.db, { academieCode: row.academie_code, compteId: row.compte_id, acteur: row.login, ip: request.ip }, {
      action: 'session.expiration',
      entite: 'session',
      entiteId: row.service,
    });
    throw new AppError('SESSION_EXPIREE', messageExpiration(ctx.config.sessionIdleSeconds));
  }
  let derniereActivite = derniere;
  if (opts.activite && now.getTime() - derniere.getTime() > TOUCH_MS) {
    await ctx.db.updateTable('session_utilisateur').set({ derniere_activite: now }).where('id', '=', id).execute();
    derniereActivite = now;
  }
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
    },
    csrfToken: row.csrf_token,
    derniereActivite,
    creeLe: new Date(row.cree_le),
  };
}

export async function terminerSession(ctx: AppContext, id: string, motif: string): Promise<void> {
  await ctx.db
    .updateTable('session_utilisateur')
    .set({ fin_le: ctx.clock.now(), motif_fin: motif })
    .where((eb) => eb.or([eb('id', '=', id), eb('parent_session_id', '=', id)]))
    .where('fin_le', 'is', null)
    .execute();
}

/** Seconds left before the session ends for inactivity. */
export function secondesRestantes(ctx: AppContext, derniereActivite: Date): number {
  const fin = derniereActivite.getTime() + ctx.config.sessionIdleSeconds * 1000;
  return Math.max(0, Math.round((fin - ctx.clock.now().getTime()) / 1000));
}
