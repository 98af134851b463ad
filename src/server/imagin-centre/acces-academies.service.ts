// Accès autres académies (003 §4.6): the académies where the établissement is a centre d'examen of at
// least one mission (DGRH excepted), and, for one of them, a session of that académie's établissement
// service opened in a new tab without a second login.
//
// The new tab cannot use the cookie (tabs share it: it would replace the home session). So:
// 1. POST /api/centre/acces-academies/:code creates the child session (parent_session_id = the home
//    session, academie_code = the other académie) in a pending state and answers a one-time code
//    valid for a minute;
// 2. the new tab (/acces-academie#<code>) exchanges the code (POST /api/auth/acces-academie) for the
//    session's token, keeps it in its sessionStorage and sends it in the x-session-academie header.
// The pending row is keyed by the HMAC of the code and stays "ended" (fin_le = its expiry, motif
// MOTIF_ECHANGE_EN_ATTENTE) until the exchange gives it the HMAC of the token as id: the code is thus
// never a session token, and it serves once (the row no longer has its id afterwards).
import { audit, type AuditContext } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { hacherJeton, nouveauJeton } from '../identite/sessions.ts';

/** How long the code of a new tab may be exchanged for its session. */
export const DUREE_CODE_ECHANGE_MS = 60_000;
export const MOTIF_ECHANGE_EN_ATTENTE = 'echange_en_attente';
export const MESSAGE_INJOIGNABLE = 'Si le problème persiste, merci de le signaler au gestionnaire de votre académie.';
export const MESSAGE_CODE_INVALIDE =
  "Ce lien d'accès à une autre académie n'est plus valable : il a déjà servi ou a expiré (il n'est valable qu'une minute). Revenez à l'onglet de votre académie et cliquez de nouveau sur le bouton de l'académie.";

const SERVICE = 'imagin-etablissement' as const;

type Trace = { ip?: string; requestId?: string; userAgent?: string };

export interface AcademieAccessible {
  code: string;
  libelle: string;
  interAcademique: boolean;
  /** False while the académie's service is unreachable: the button is greyed. */
  joignable: boolean;
}

function contexteAudit(actor: Actor, trace: Trace): AuditContext {
  return { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null };
}

/** The académies (other than the établissement's) with at least one mission in this centre, DGRH excepted. */
async function academiesDuCentre(ctx: AppContext, actor: Actor, code?: string): Promise<AcademieAccessible[]> {
  // Only from a home session of the établissement service: a tab already in another académie has no such list.
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null || actor.service !== SERVICE || actor.sessionParenteId) return [];
  const etablissementId = actor.etablissementId;
  const etab = await ctx.db.selectFrom('etablissement').select('academie_code').where('id', '=', etablissementId).executeTakeFirst();
  if (!etab) return [];
  let q = ctx.db
    .selectFrom('academie as a')
    .select(['a.code', 'a.libelle', 'a.inter_academique', 'a.service_joignable'])
    .where('a.code', '<>', etab.academie_code)
    .where('a.exclue_acces_autres', '=', false)
    .where((eb) =>
      eb.exists(eb.selectFrom('mission as m').select('m.id').whereRef('m.academie_code', '=', 'a.code').where('m.centre_id', '=', etablissementId)),
    );
  if (code !== undefined) q = q.where('a.code', '=', code);
  const rows = await q.orderBy('a.libelle').execute();
  return rows.map((r) => ({ code: r.code, libelle: r.libelle, interAcademique: r.inter_academique, joignable: r.service_joignable }));
}

export async function listerAcademies(ctx: AppContext, actor: Actor): Promise<{ academies: AcademieAccessible[] }> {
  return { academies: await academiesDuCentre(ctx, actor) };
}

/**
 * Opens the établissement service of académie `code` for a new tab: the child session, pending until
 * its one-time code is exchanged. Refuses an académie not offered (404) or unreachable (409).
 */
export async function ouvrirAcademie(ctx: AppContext, actor: Actor, code: string, trace: Trace): Promise<{ code: string; academie: { code: string; libelle: string }; expireDansSecondes: number }> {
  const [academie] = await academiesDuCentre(ctx, actor, code);
  if (!academie) throw introuvable("Votre établissement n'est centre d'examen d'aucune mission de cette académie.");
  if (!academie.joignable) throw conflit(`Le service IMAG'IN ${academie.libelle} n'est pas joignable pour le moment. ${MESSAGE_INJOIGNABLE}`);
  const codeEchange = nouveauJeton();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('session_utilisateur')
      .values({
        id: hacherJeton(ctx, codeEchange),
        compte_id: actor.compteId,
        role_attribution_id: actor.roleAttributionId,
        service: SERVICE,
        academie_code: academie.code,
        etablissement_id: actor.etablissementId,
        csrf_token: nouveauJeton(),
        parent_session_id: actor.sessionId,
        cree_le: now,
        derniere_activite: now,
        // Pending: not a session until the exchange (resoudreSession refuses an ended row).
        fin_le: new Date(now.getTime() + DUREE_CODE_ECHANGE_MS),
        motif_fin: MOTIF_ECHANGE_EN_ATTENTE,
        ip: trace.ip ?? null,
        user_agent: trace.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'acces-academie.demande', entite: 'academie', entiteId: academie.code, apres: { etablissementId: actor.etablissementId } });
  });
  return { code: codeEchange, academie: { code: academie.code, libelle: academie.libelle }, expireDansSecondes: DUREE_CODE_ECHANGE_MS / 1000 };
}

/**
 * The new tab's exchange: a valid code (pending, not expired, its home session still active) becomes
 * the session's token, once. Anything else is refused with the same message.
 */
export async function echangerCode(ctx: AppContext, code: string, trace: Trace): Promise<{ jeton: string }> {
  const jeton = nouveauJeton();
  const id = hacherJeton(ctx, jeton);
  const now = ctx.clock.now();
  const limiteParente = new Date(now.getTime() - ctx.config.sessionIdleSeconds * 1000);
  const ouverte = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('session_utilisateur')
      .set({ id, fin_le: null, motif_fin: null, cree_le: now, derniere_activite: now, ip: trace.ip ?? null, user_agent: trace.userAgent?.slice(0, 300) ?? null })
      .where('id', '=', hacherJeton(ctx, code))
      .where('motif_fin', '=', MOTIF_ECHANGE_EN_ATTENTE)
      .where('fin_le', '>', now)
      .where('parent_session_id', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('session_utilisateur as parente')
            .select('parente.id')
            .whereRef('parente.id', '=', 'session_utilisateur.parent_session_id')
            .where('parente.fin_le', 'is', null)
            .where('parente.derniere_activite', '>', limiteParente),
        ),
      )
      .returning(['academie_code', 'compte_id', 'service'])
      .executeTakeFirst();
    if (!r) return null;
    const compte = await trx.selectFrom('compte').select('login').where('id', '=', r.compte_id).executeTakeFirstOrThrow();
    await audit(trx, { academieCode: r.academie_code, compteId: r.compte_id, acteur: compte.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null }, {
      action: 'acces-academie.ouverture',
      entite: 'session',
      entiteId: r.service,
    });
    return r;
  });
  if (!ouverte) throw new AppError('NON_AUTHENTIFIE', MESSAGE_CODE_INVALIDE);
  return { jeton };
}
