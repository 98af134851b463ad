// How one enters the Jury portal (issue 8 §2–7, seeds 000 and 004), and what a portal session may reach.
// - 1st screen: an OTP key of académie A (authentifierCle, cles.service.ts). It leaves a short-lived,
//   single-use ticket (portail_jury_cle; the browser holds its token in an httpOnly cookie).
// - 2nd screen: the IMAG'IN credentials of académie A. Only a person convoked (statut « convoquée ») as
//   président, vice-président or responsable de délibération on a JURY DE DELIBERATION mission of A passes;
//   a temporary password not yet changed is refused with the seed's explanation. The session reaches the
//   juries of those convocations deliberated in the centres the key was given to — and those only
//   (session_jury, read by the policy through porteeJurys).
// - Cas 2: from an open portal session, the two screens of another académie B add B's juries to it; a key
//   of B never opens A's juries (the key's académie decides which convocations count).
// - The intervenant's menu (004): the person, signed in to IMAG'IN, receives a code by SMS instead of the
//   key; the code opens a portal session on all the juries of his convocations.
// - The backup portal: the jury's login and password from the plan de secours, only while the DSI has
//   switched it on for the jury's académie (after the RSSI's authorisation), and only for that jury.
// Every attempt, success and refusal is in the audit log.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { audit, type AuditContext } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { DB, ModeAccesJury } from '../platform/db/tables.ts';
import { AppError, conflit, champInvalide, introuvable } from '../platform/errors.ts';
import { verifier, verifierLeurre } from '../platform/passwords.ts';
import type { Actor } from '../platform/policy.ts';
import { REGLES_LIMITES } from '../../domain/identite/limites.ts';
import { academieDuCompte, enregistrerEchec, enregistrerEchecConnexion, MESSAGE_ECHEC, oublierEchecsConnexion, verifierLimites, verifierLimitesConnexion } from '../identite/identite.service.ts';
import { hacherJeton, nouveauJeton, terminerSession } from '../identite/sessions.ts';
import { envoyerSms } from '../platform/sms.ts';
import { authentifierCle } from './cles.service.ts';
import { LIBELLE_MISSION_JURY } from './cles.repo.ts';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';

/** The cookie that carries the 1st screen's ticket to the 2nd. */
export const COOKIE_CLE = 'jury_cle';
/** How long the 2nd screen waits after the 1st. */
export const DUREE_TICKET_MS = 10 * 60_000;

export const MESSAGE_MIRE_CLE =
  "Identifiez-vous d'abord avec la clé OTP (1re mire d'authentification) : la 2e mire n'est valable que 10 minutes après elle, pour une seule connexion.";
export const MESSAGE_TEMPORAIRE =
  "Vous avez un identifiant IMAG'IN suivi d'un mot de passe sur votre convocation : il s'agit d'un mot de passe temporaire, que vous devez changer en vous connectant à IMAG'IN avant votre connexion au portail Jury. Le mot de passe temporaire ne permet pas l'accès au portail Jury CYCLADES.";
export const messageNonConvoque = (academie: string) =>
  `Vous n'êtes convoqué(e) comme président, vice-président ou responsable de délibération à aucun jury délibéré dans ce centre par l'académie de ${academie}. Vérifiez votre convocation IMAG'IN de cette académie, ou contactez le chef de centre de délibération.`;
export const messageAutreAcademie = (academie: string) =>
  `Ces identifiants ne sont pas ceux de l'application IMAG'IN de l'académie de ${academie}, dont la clé OTP a été saisie : saisissez ceux de la convocation que cette académie vous a adressée.`;
export const messageSecoursFerme = (academie: string) =>
  `Le portail CYCLADES-JURY de secours n'est pas ouvert pour l'académie de ${academie} : la DSI ne l'ouvre qu'après l'autorisation du RSSI, en cas d'indisponibilité du portail Jury. Utilisez le portail Jury avec une clé OTP.`;
export const MESSAGE_CODE_SMS_INVALIDE = 'Code reçu par SMS : ce code est incorrect ou n’est plus valable. Vérifiez le dernier SMS reçu, ou demandez un nouveau code.';
export const MESSAGE_CODE_SMS_EPUISE =
  'Code reçu par SMS : trois codes erronés ont été saisis, ce code n’est plus valable. Demandez un nouveau code.';

const QUALITE_SECOURS = 'Jury (portail de secours)';
/** Failed SMS codes before the code is void; a new code can be asked for after this delay. */
const ECHECS_SMS_MAX = 3;
const DUREE_CODE_SMS_MS = 10 * 60_000;
const DELAI_NOUVEAU_CODE_MS = 60_000;

export interface Trace {
  ip: string;
  userAgent?: string;
  requestId?: string;
}

async function libelleAcademie(db: Executeur, code: string): Promise<string> {
  return (await db.selectFrom('academie').select('libelle').where('code', '=', code).executeTakeFirstOrThrow()).libelle;
}

// ---------------------------------------------------------------------------------------------
// The juries a person's convocations open

export interface JuryOuvert {
  juryId: number;
  academieCode: string;
  qualite: string;
}

/**
 * The juries of académie `academieCode` this person is convoked to deliberate: a convocation (statut
 * « convoquée ») with a qualité that gives access to the portal (qualite.deliberation: président,
 * vice-président, responsable de délibération) on a JURY DE DELIBERATION mission of the académie; the
 * mission's jury code is the jury's number in the mission's session. A convocation on the mission without
 * a jury (a responsable de délibération) opens every jury of that session deliberated in the mission's
 * centre. `centres`: only juries deliberated there (the centres the key was given to).
 */
export async function jurysConvoques(db: Executeur, personneId: number, academieCode: string, centres?: readonly number[]): Promise<JuryOuvert[]> {
  if (centres && centres.length === 0) return [];
  const rows = await db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('mission_jury as mj', 'mj.id', 'c.jury_id')
    .innerJoin('jury as j', (join) =>
      join
        .onRef('j.session_examen_id', '=', 'm.session_examen_id')
        .onRef('j.academie_code', '=', 'm.academie_code')
        .on((eb) =>
          eb.or([
            eb('j.numero', '=', eb.ref('mj.code')),
            eb.and([eb('c.jury_id', 'is', null), eb('j.centre_deliberation_id', '=', eb.ref('m.centre_id'))]),
          ]),
        ),
    )
    .select(['j.id as jury_id', 'j.academie_code', 'q.libelle as qualite', 'q.ordre'])
    .where('c.personne_id', '=', personneId)
    .where('c.statut', '=', 'convoquee')
    .where('c.academie_code', '=', academieCode)
    .where('m.academie_code', '=', academieCode)
    .where('tm.libelle', '=', LIBELLE_MISSION_JURY)
    .where('q.deliberation', '=', true)
    .$if(centres !== undefined, (qb) => qb.where('j.centre_deliberation_id', 'in', [...centres!]))
    .orderBy('j.id')
    .orderBy('q.ordre')
    .execute();
  const parJury = new Map<number, JuryOuvert>();
  for (const r of rows) if (!parJury.has(r.jury_id)) parJury.set(r.jury_id, { juryId: r.jury_id, academieCode: r.academie_code, qualite: r.qualite });
  return [...parJury.values()];
}

// ---------------------------------------------------------------------------------------------
// Portal sessions

/** The live Jury portal session of this token, if any (to add an académie to it, Cas 2). */
export async function sessionPortailOuverte(ctx: AppContext, token: string | undefined): Promise<{ id: string; compteId: number } | null> {
  if (!token) return null;
  const limite = new Date(ctx.clock.now().getTime() - ctx.config.sessionIdleSeconds * 1000);
  const s = await ctx.db
    .selectFrom('session_utilisateur')
    .select(['id', 'compte_id'])
    .where('id', '=', hacherJeton(ctx, token))
    .where('service', '=', 'portail-jury')
    .where('fin_le', 'is', null)
    .where('derniere_activite', '>', limite)
    .executeTakeFirst();
  return s ? { id: s.id, compteId: s.compte_id } : null;
}

interface OuvertureSession {
  compteId: number;
  personneId: number | null;
  academieCode: string;
  mode: ModeAccesJury;
  cleOtpId: number | null;
  jurys: readonly JuryOuvert[];
}

/** The membre_jury role of this account in the académie (created on its first portal session). */
async function attributionMembreJury(trx: Transaction<DB>, compteId: number, academieCode: string, personneId: number | null): Promise<number> {
  const existante = await trx
    .selectFrom('role_attribution')
    .select(['id', 'actif'])
    .where('compte_id', '=', compteId)
    .where('role', '=', 'membre_jury')
    .where('academie_code', '=', academieCode)
    .executeTakeFirst();
  if (existante) {
    if (!existante.actif) await trx.updateTable('role_attribution').set({ actif: true }).where('id', '=', existante.id).execute();
    return existante.id;
  }
  const r = await trx
    .insertInto('role_attribution')
    .values({ compte_id: compteId, role: 'membre_jury', academie_code: academieCode, etablissement_id: null, personne_id: personneId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function ajouterJurys(trx: Transaction<DB>, sessionId: string, o: OuvertureSession) {
  if (!o.jurys.length) return;
  await trx
    .insertInto('session_jury')
    .values(
      o.jurys.map((j) => ({
        session_id: sessionId,
        jury_id: j.juryId,
        academie_code: j.academieCode,
        mode: o.mode,
        compte_id: o.compteId,
        personne_id: o.personneId,
        qualite: j.qualite,
        cle_otp_id: o.cleOtpId,
      })),
    )
    .onConflict((oc) => oc.columns(['session_id', 'jury_id']).doNothing())
    .execute();
}

/** Opens a portal session (cookie token returned) on these juries. */
async function ouvrirSessionPortail(trx: Transaction<DB>, ctx: AppContext, o: OuvertureSession, trace: Trace): Promise<{ token: string; sessionId: string }> {
  const roleAttributionId = await attributionMembreJury(trx, o.compteId, o.academieCode, o.personneId);
  const token = nouveauJeton();
  const id = hacherJeton(ctx, token);
  const now = ctx.clock.now();
  await trx
    .insertInto('session_utilisateur')
    .values({
      id,
      compte_id: o.compteId,
      role_attribution_id: roleAttributionId,
      service: 'portail-jury',
      academie_code: o.academieCode,
      etablissement_id: null,
      csrf_token: nouveauJeton(),
      parent_session_id: null,
      derniere_activite: now,
      cree_le: now,
      ip: trace.ip,
      user_agent: trace.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  await ajouterJurys(trx, id, o);
  await trx.updateTable('compte').set({ derniere_connexion: now }).where('id', '=', o.compteId).execute();
  return { token, sessionId: id };
}

/**
 * Cas 2 raises the session's privileges (another académie's juries): it goes on under a new id, as after
 * any login (issue 13 §11). The session's row is copied under a new token with a new CSRF token, its
 * juries (and any pending ticket) move to it, and the old id ends ('renouvellement'): whoever knew the
 * old token holds nothing.
 */
async function renouvelerSessionPortail(trx: Transaction<DB>, ctx: AppContext, ancienId: string, trace: Trace): Promise<{ token: string; sessionId: string }> {
  const ancienne = await trx.selectFrom('session_utilisateur').selectAll().where('id', '=', ancienId).where('fin_le', 'is', null).forUpdate().executeTakeFirst();
  if (!ancienne) throw new AppError('NON_AUTHENTIFIE', MESSAGE_MIRE_CLE);
  const token = nouveauJeton();
  const id = hacherJeton(ctx, token);
  const now = ctx.clock.now();
  await trx
    .insertInto('session_utilisateur')
    .values({
      id,
      compte_id: ancienne.compte_id,
      role_attribution_id: ancienne.role_attribution_id,
      service: ancienne.service,
      academie_code: ancienne.academie_code,
      etablissement_id: ancienne.etablissement_id,
      csrf_token: nouveauJeton(),
      parent_session_id: ancienne.parent_session_id,
      derniere_activite: now,
      cree_le: ancienne.cree_le,
      ip: trace.ip,
      user_agent: trace.userAgent?.slice(0, 300) ?? ancienne.user_agent,
    })
    .execute();
  await trx.updateTable('session_jury').set({ session_id: id }).where('session_id', '=', ancienId).execute();
  await trx.updateTable('portail_jury_cle').set({ session_id: id }).where('session_id', '=', ancienId).execute();
  await trx.updateTable('session_utilisateur').set({ fin_le: now, motif_fin: MOTIF_FIN_RENOUVELLEMENT }).where('id', '=', ancienId).execute();
  return { token, sessionId: id };
}

/** Why a portal session's old id ended when an académie was added to it (Cas 2). */
export const MOTIF_FIN_RENOUVELLEMENT = 'renouvellement';

function contexte(academieCode: string | null, compteId: number | null, acteur: string, trace: Trace): AuditContext {
  return { academieCode, compteId, acteur, ip: trace.ip, requestId: trace.requestId ?? null };
}

// ---------------------------------------------------------------------------------------------
// 1st screen

export type ResultatCle = { ok: true; token: string; academie: { code: string; libelle: string } } | { ok: false; message: string };

/** The key of limitation_connexion that slows one address on the first screen (decision 0010). */
export const cleAdresseCleOtp = (ip: string) => 'cle-otp:ip:' + ip;
export const messageTropDeTentativesCle = (jusqua: Date) =>
  `Trop de tentatives incorrectes depuis ce poste sur la 1re mire. Réessayez après ${jusqua.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })} ; si vous êtes le détenteur de la clé, vérifiez son identifiant et son code PIN, ou utilisez un autre poste.`;

export async function validerCle(ctx: AppContext, saisie: { identifiant: string; motDePasse: string; sessionToken?: string }, trace: Trace): Promise<ResultatCle> {
  const now = ctx.clock.now();
  // One address is slowed, never the key: its holder goes on from his own computer (issue 13 §4).
  await verifierLimites(ctx, [cleAdresseCleOtp(trace.ip)], messageTropDeTentativesCle);
  const r = await authentifierCle(ctx, { identifiant: saisie.identifiant, motDePasse: saisie.motDePasse, now, ip: trace.ip, requestId: trace.requestId ?? null });
  if (!r.ok) {
    await enregistrerEchec(ctx, cleAdresseCleOtp(trace.ip), REGLES_LIMITES.cleOtpAdresse, { academieCode: null, compteId: null, acteur: `cle-otp:${saisie.identifiant.trim().slice(0, 60)}`, ip: trace.ip, requestId: trace.requestId ?? null });
    return r;
  }
  const session = await sessionPortailOuverte(ctx, saisie.sessionToken);
  const token = nouveauJeton();
  await ctx.db
    .insertInto('portail_jury_cle')
    .values({ id: hacherJeton(ctx, token), cle_otp_id: r.cleId, academie_code: r.academieCode, session_id: session?.id ?? null, cree_le: now, expire_le: new Date(now.getTime() + DUREE_TICKET_MS) })
    .execute();
  // Expired tickets are of no use to anyone.
  await ctx.db.deleteFrom('portail_jury_cle').where('expire_le', '<', new Date(now.getTime() - DUREE_TICKET_MS)).execute();
  return { ok: true, token, academie: { code: r.academieCode, libelle: await libelleAcademie(ctx.db, r.academieCode) } };
}

async function ticketValide(ctx: AppContext, token: string | undefined) {
  if (!token) return undefined;
  return ctx.db
    .selectFrom('portail_jury_cle as t')
    .innerJoin('academie as a', 'a.code', 't.academie_code')
    .select(['t.id', 't.cle_otp_id', 't.academie_code', 't.session_id', 'a.libelle'])
    .where('t.id', '=', hacherJeton(ctx, token))
    .where('t.utilise_le', 'is', null)
    .where('t.expire_le', '>', ctx.clock.now())
    .executeTakeFirst();
}

/** Which screen the browser shows: the key's, or the credentials' of the académie whose key was entered. */
export async function etape(ctx: AppContext, tokens: { cle?: string; session?: string }) {
  const ticket = await ticketValide(ctx, tokens.cle);
  const session = await sessionPortailOuverte(ctx, tokens.session);
  if (ticket) return { etape: 'identifiants' as const, academie: { code: ticket.academie_code, libelle: ticket.libelle }, ajout: ticket.session_id !== null };
  return { etape: 'cle' as const, academie: null, ajout: session !== null };
}

// ---------------------------------------------------------------------------------------------
// 2nd screen

/** Both open a session under a new token: adding an académie (Cas 2) replaces the session's id too. */
export type ResultatIdentifiants = { type: 'session' | 'ajout'; token: string; sessionId: string };

export async function validerIdentifiants(
  ctx: AppContext,
  saisie: { ticket?: string; sessionToken?: string; identifiant: string; motDePasse: string },
  trace: Trace,
): Promise<ResultatIdentifiants> {
  const ticket = await ticketValide(ctx, saisie.ticket);
  if (!ticket) throw new AppError('NON_AUTHENTIFIE', MESSAGE_MIRE_CLE);
  // A ticket taken to add an académie belongs to the browser of that session only.
  if (ticket.session_id !== null && (!saisie.sessionToken || hacherJeton(ctx, saisie.sessionToken) !== ticket.session_id)) {
    throw new AppError('NON_AUTHENTIFIE', MESSAGE_MIRE_CLE);
  }
  const login = saisie.identifiant.trim();
  const auditCtx = contexte(ticket.academie_code, null, login, trace);
  await verifierLimitesConnexion(ctx, login, trace.ip);

  const compte = await ctx.db
    .selectFrom('compte')
    .select(['id', 'login', 'password_hash', 'actif', 'mot_de_passe_temporaire', 'personne_id', 'type'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .where('type', '!=', 'jury')
    .executeTakeFirst();
  let ok = false;
  if (compte && compte.actif) ok = await verifier(compte.password_hash, saisie.motDePasse);
  else await verifierLeurre(saisie.motDePasse);
  if (!ok || !compte) {
    // The same limits as the IMAG'IN login (the same account): an attack from elsewhere never locks its holder out.
    await enregistrerEchecConnexion(ctx, login, trace.ip, { ...auditCtx, academieCode: (await academieDuCompte(ctx, compte)) ?? ticket.academie_code, compteId: compte?.id ?? null });
    await audit(ctx.db, { ...auditCtx, compteId: compte?.id ?? null }, { action: 'portail-jury.identifiants', entite: 'compte', entiteId: compte?.id ?? null, apres: { issue: 'echec' } });
    throw new AppError('NON_AUTHENTIFIE', MESSAGE_ECHEC);
  }
  await oublierEchecsConnexion(ctx, login, trace.ip);
  const refuser = async (issue: string, message: string): Promise<never> => {
    await audit(ctx.db, { ...auditCtx, compteId: compte.id }, { action: 'portail-jury.identifiants', entite: 'compte', entiteId: compte.id, apres: { issue } });
    throw new AppError('INTERDIT', message);
  };
  // The person behind the account, in the académie whose key was entered (its directory or its IMAG'IN).
  const personne = compte.personne_id
    ? await ctx.db.selectFrom('personne').select(['id', 'academie_code']).where('id', '=', compte.personne_id).executeTakeFirst()
    : undefined;
  if (!personne || personne.academie_code !== ticket.academie_code) return refuser('autre_academie', messageAutreAcademie(ticket.libelle));
  if (compte.mot_de_passe_temporaire) return refuser('mot_de_passe_temporaire', MESSAGE_TEMPORAIRE);
  const centres = (await ctx.db.selectFrom('cle_otp_centre').select('etablissement_id').where('cle_id', '=', ticket.cle_otp_id).execute()).map((c) => c.etablissement_id);
  const jurys = await jurysConvoques(ctx.db, personne.id, ticket.academie_code, centres);
  if (!jurys.length) return refuser('non_convoque', messageNonConvoque(ticket.libelle));

  return ctx.db.transaction().execute(async (trx) => {
    // The ticket is used once: of two simultaneous submissions, one only goes on.
    const pris = await trx.updateTable('portail_jury_cle').set({ utilise_le: ctx.clock.now() }).where('id', '=', ticket.id).where('utilise_le', 'is', null).executeTakeFirst();
    if (Number(pris.numUpdatedRows) === 0) throw new AppError('NON_AUTHENTIFIE', MESSAGE_MIRE_CLE);
    const ouverture: OuvertureSession = { compteId: compte.id, personneId: personne.id, academieCode: ticket.academie_code, mode: 'cle', cleOtpId: ticket.cle_otp_id, jurys };
    const details = { issue: 'acceptee', cleOtpId: ticket.cle_otp_id, jurys: jurys.map((j) => j.juryId) };
    if (ticket.session_id) {
      const s = await renouvelerSessionPortail(trx, ctx, ticket.session_id, trace);
      await ajouterJurys(trx, s.sessionId, ouverture);
      await audit(trx, { ...auditCtx, compteId: compte.id }, { action: 'portail-jury.ajout-academie', entite: 'session', entiteId: 'portail-jury', apres: details });
      return { type: 'ajout' as const, ...s };
    }
    const s = await ouvrirSessionPortail(trx, ctx, ouverture, trace);
    await audit(trx, { ...auditCtx, compteId: compte.id }, { action: 'portail-jury.connexion', entite: 'session', entiteId: 'portail-jury', apres: { ...details, mode: 'cle' } });
    return { type: 'session' as const, ...s };
  });
}

// ---------------------------------------------------------------------------------------------
// Backup portal

export async function connecterSecours(ctx: AppContext, saisie: { identifiant: string; motDePasse: string }, trace: Trace): Promise<{ token: string; sessionId: string }> {
  const login = saisie.identifiant.trim();
  const auditCtx = contexte(null, null, `secours:${login}`, trace);
  await verifierLimitesConnexion(ctx, `secours:${login}`, trace.ip);
  const jury = await ctx.db
    .selectFrom('jury as j')
    .innerJoin('academie as a', 'a.code', 'j.academie_code')
    .select(['j.id', 'j.numero', 'j.academie_code', 'j.login_secours', 'j.mot_de_passe_secours_hash', 'a.libelle'])
    .where((eb) => eb(eb.fn('upper', ['j.login_secours']), '=', login.toUpperCase()))
    .executeTakeFirst();
  const ok = jury?.mot_de_passe_secours_hash ? await verifier(jury.mot_de_passe_secours_hash, saisie.motDePasse) : (await verifierLeurre(saisie.motDePasse), false);
  if (!ok || !jury) {
    await enregistrerEchecConnexion(ctx, `secours:${login}`, trace.ip, { ...auditCtx, academieCode: jury?.academie_code ?? null });
    await audit(ctx.db, { ...auditCtx, academieCode: jury?.academie_code ?? null }, { action: 'portail-secours.connexion', entite: 'jury', entiteId: jury?.id ?? null, apres: { issue: 'echec' } });
    throw new AppError('NON_AUTHENTIFIE', MESSAGE_ECHEC);
  }
  const ctxJury = { ...auditCtx, academieCode: jury.academie_code };
  const portail = await ctx.db.selectFrom('portail_secours').select(['actif', 'reference_autorisation']).where('academie_code', '=', jury.academie_code).executeTakeFirst();
  if (!portail?.actif) {
    await audit(ctx.db, ctxJury, { action: 'portail-secours.connexion', entite: 'jury', entiteId: jury.id, apres: { issue: 'portail_ferme', numero: jury.numero } });
    throw new AppError('INTERDIT', messageSecoursFerme(jury.libelle));
  }
  await oublierEchecsConnexion(ctx, `secours:${login}`, trace.ip);
  return ctx.db.transaction().execute(async (trx) => {
    // The jury's own technical account (type 'jury'): no password of its own, never a login elsewhere.
    const loginCompte = `secours:${jury.login_secours}`;
    await trx
      .insertInto('compte')
      .values({ login: loginCompte, password_hash: null, mot_de_passe_temporaire: false, type: 'jury', personne_id: null, email: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const compte = await trx.selectFrom('compte').select('id').where('login', '=', loginCompte).executeTakeFirstOrThrow();
    const s = await ouvrirSessionPortail(
      trx,
      ctx,
      { compteId: compte.id, personneId: null, academieCode: jury.academie_code, mode: 'secours', cleOtpId: null, jurys: [{ juryId: jury.id, academieCode: jury.academie_code, qualite: QUALITE_SECOURS }] },
      trace,
    );
    await audit(trx, { ...ctxJury, compteId: compte.id }, { action: 'portail-secours.connexion', entite: 'jury', entiteId: jury.id, apres: { issue: 'acceptee', numero: jury.numero, autorisation: portail.reference_autorisation } });
    return s;
  });
}

export async function etatPortailSecours(ctx: AppContext, actor: Actor) {
  const academie = actor.academieCode;
  const [p, jurys] = await Promise.all([
    ctx.db
      .selectFrom('portail_secours as p')
      .leftJoin('compte as c', 'c.id', 'p.modifie_par')
      .select(['p.actif', 'p.reference_autorisation', 'p.autorise_par', 'p.modifie_le', 'c.login'])
      .where('p.academie_code', '=', academie)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('jury as j')
      .innerJoin('etablissement as e', 'e.id', 'j.centre_deliberation_id')
      .select(['j.id', 'j.numero', 'j.etat', 'j.login_secours', 'e.uai', 'e.type', 'e.nom', 'e.commune'])
      .where('j.academie_code', '=', academie)
      .orderBy('j.numero')
      .execute(),
  ]);
  return {
    actif: p?.actif ?? false,
    referenceAutorisation: p?.reference_autorisation ?? null,
    autorisePar: p?.autorise_par ?? null,
    modifieLe: p?.modifie_le ? new Date(p.modifie_le).toISOString() : null,
    modifiePar: p?.login ?? null,
    jurys: jurys.map((j) => ({ id: j.id, numero: j.numero, etat: j.etat, centre: `${j.uai} - ${j.type} ${j.nom} ${j.commune}`, login: j.login_secours })),
  };
}

/**
 * Switches the académie's backup portal on (with the RSSI's authorisation) or off. Switching it off ends
 * the backup sessions still open: a jury's papillon opens nothing any more.
 */
export async function changerPortailSecours(
  ctx: AppContext,
  actor: Actor,
  b: { actif: boolean; referenceAutorisation?: string; autorisePar?: string },
  trace: { ip?: string; requestId?: string },
) {
  if (actor.role !== 'dsi') throw introuvable();
  const academie = actor.academieCode;
  return ctx.db.transaction().execute(async (trx) => {
    const avant = await trx.selectFrom('portail_secours').selectAll().where('academie_code', '=', academie).forUpdate().executeTakeFirst();
    const valeurs = {
      actif: b.actif,
      reference_autorisation: b.actif ? b.referenceAutorisation! : (avant?.reference_autorisation ?? null),
      autorise_par: b.actif ? b.autorisePar! : (avant?.autorise_par ?? null),
      modifie_par: actor.compteId,
      modifie_le: ctx.clock.now(),
    };
    await trx
      .insertInto('portail_secours')
      .values({ academie_code: academie, ...valeurs })
      .onConflict((oc) => oc.column('academie_code').doUpdateSet(valeurs))
      .execute();
    let fermees = 0;
    if (!b.actif) {
      const sessions = await trx
        .selectFrom('session_jury as sj')
        .innerJoin('session_utilisateur as s', 's.id', 'sj.session_id')
        .select('s.id')
        .distinct()
        .where('sj.mode', '=', 'secours')
        .where('sj.academie_code', '=', academie)
        .where('s.fin_le', 'is', null)
        .execute();
      if (sessions.length) {
        await trx.updateTable('session_utilisateur').set({ fin_le: ctx.clock.now(), motif_fin: 'portail_secours_ferme' }).where('id', 'in', sessions.map((s) => s.id)).execute();
      }
      fermees = sessions.length;
    }
    await audit(
      trx,
      { academieCode: academie, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null },
      {
        action: b.actif ? 'portail-secours.ouverture' : 'portail-secours.fermeture',
        entite: 'portail_secours',
        entiteId: academie,
        avant: avant ? { actif: avant.actif, referenceAutorisation: avant.reference_autorisation, autorisePar: avant.autorise_par } : null,
        apres: { actif: b.actif, referenceAutorisation: valeurs.reference_autorisation, autorisePar: valeurs.autorise_par, sessionsFermees: fermees },
      },
    );
    return {
      message: b.actif
        ? `Portail CYCLADES-JURY de secours ouvert (autorisation ${valeurs.reference_autorisation} du RSSI ${valeurs.autorise_par}) : les papillons du plan de secours ouvrent chacun leur jury.`
        : `Portail CYCLADES-JURY de secours fermé${fermees ? ` ; ${fermees} session${fermees > 1 ? 's' : ''} de secours ${fermees > 1 ? 'sont terminées' : 'est terminée'}` : ''}.`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The intervenant's menu: a code by SMS instead of the key (004)

/** A French mobile number (06, 07, +336, +337), normalised to ten digits; null otherwise. */
export function mobile(tel: string | null | undefined): string | null {
  if (!tel) return null;
  let d = tel.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+33')) d = '0' + d.slice(3);
  else if (d.startsWith('0033')) d = '0' + d.slice(4);
  return /^0[67]\d{8}$/.test(d) ? d : null;
}

export function masquerTelephone(tel: string): string {
  return `${tel.slice(0, 2)} •• •• •• ${tel.slice(8)}`;
}

async function personneIntervenant(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable();
  return ctx.db.selectFrom('personne').select(['id', 'academie_code', 'tel_perso', 'tel_pro']).where('id', '=', actor.personneId).executeTakeFirstOrThrow();
}

function hacherCode(ctx: AppContext, compteId: number, code: string): string {
  return createHmac('sha256', ctx.config.sessionSecret).update(`sms:${compteId}:${code}`).digest('base64url');
}

export async function accesIntervenant(ctx: AppContext, actor: Actor) {
  const p = await personneIntervenant(ctx, actor);
  const jurys = await jurysConvoques(ctx.db, p.id, actor.academieCode);
  const details = jurys.length
    ? await ctx.db
        .selectFrom('jury as j')
        .innerJoin('specialite as s', 's.id', 'j.specialite_id')
        .innerJoin('etablissement as e', 'e.id', 'j.centre_deliberation_id')
        .select(['j.id', 'j.numero', 'j.etat', 's.libelle as specialite', 'e.nom', 'e.commune'])
        .where('j.id', 'in', jurys.map((j) => j.juryId))
        .orderBy('j.numero')
        .execute()
    : [];
  const tel = mobile(p.tel_perso) ?? mobile(p.tel_pro);
  return {
    jurys: details.map((d) => ({ id: d.id, numero: d.numero, etat: d.etat, specialite: d.specialite, centre: `${d.nom} ${d.commune}`, qualite: jurys.find((j) => j.juryId === d.id)!.qualite })),
    telephone: tel ? masquerTelephone(tel) : null,
  };
}

export async function envoyerCodeSms(ctx: AppContext, actor: Actor, trace: Trace) {
  const p = await personneIntervenant(ctx, actor);
  const jurys = await jurysConvoques(ctx.db, p.id, actor.academieCode);
  if (!jurys.length) throw conflit(messageNonConvoque((await libelleAcademie(ctx.db, actor.academieCode))));
  const tel = mobile(p.tel_perso) ?? mobile(p.tel_pro);
  if (!tel) {
    throw conflit(
      "Aucun numéro de téléphone portable n'est connu pour vous : renseignez-le dans « Informations personnelles » ou contactez le gestionnaire figurant sur votre convocation ; vous pouvez aussi vous connecter au portail Jury avec la clé OTP remise au centre de délibération.",
    );
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('compte').select('id').where('id', '=', actor.compteId).forUpdate().execute();
    const dernier = await trx.selectFrom('code_sms').select('cree_le').where('compte_id', '=', actor.compteId).orderBy('cree_le', 'desc').limit(1).executeTakeFirst();
    if (dernier && now.getTime() - new Date(dernier.cree_le).getTime() < DELAI_NOUVEAU_CODE_MS) {
      throw conflit('Un code vient de vous être envoyé : attendez une minute avant d’en demander un autre.');
    }
    // A new code voids the previous ones.
    await trx.updateTable('code_sms').set({ utilise_le: now }).where('compte_id', '=', actor.compteId).where('utilise_le', 'is', null).execute();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await trx
      .insertInto('code_sms')
      .values({ compte_id: actor.compteId, personne_id: p.id, academie_code: actor.academieCode, code_hash: hacherCode(ctx, actor.compteId, code), telephone: tel, cree_le: now, expire_le: new Date(now.getTime() + DUREE_CODE_SMS_MS) })
      .execute();
    await envoyerSms(ctx, trx, {
      academieCode: actor.academieCode,
      telephone: tel,
      texte: `CYCLADES portail Jury : votre code d'accès est ${code}. Il est valable 10 minutes. Ne le communiquez à personne.`,
    });
    await audit(trx, contexte(actor.academieCode, actor.compteId, actor.login, trace), { action: 'portail-jury.code-sms.envoi', entite: 'compte', entiteId: actor.compteId, apres: { telephone: masquerTelephone(tel) } });
    return { message: `Un code vous a été envoyé par SMS au ${masquerTelephone(tel)} ; il est valable 10 minutes.` };
  });
}

/** The SMS code in place of the key: opens a portal session on the person's juries, ending the IMAG'IN one. */
export async function validerCodeSms(ctx: AppContext, actor: Actor, code: string, trace: Trace): Promise<{ token: string; sessionId: string }> {
  const p = await personneIntervenant(ctx, actor);
  const now = ctx.clock.now();
  const auditCtx = contexte(actor.academieCode, actor.compteId, actor.login, trace);
  const resultat = await ctx.db.transaction().execute(async (trx) => {
    const envoi = await trx
      .selectFrom('code_sms')
      .selectAll()
      .where('compte_id', '=', actor.compteId)
      .where('utilise_le', 'is', null)
      .where('expire_le', '>', now)
      .orderBy('cree_le', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    const attendu = envoi ? Buffer.from(envoi.code_hash) : Buffer.alloc(43);
    const saisi = Buffer.from(hacherCode(ctx, actor.compteId, code));
    const bon = envoi !== undefined && attendu.length === saisi.length && timingSafeEqual(attendu, saisi);
    if (!envoi || !bon) {
      let epuise = false;
      if (envoi) {
        const maj = await trx
          .updateTable('code_sms')
          .set((eb) => ({ echecs: eb('echecs', '+', 1) }))
          .where('id', '=', envoi.id)
          .returning('echecs')
          .executeTakeFirstOrThrow();
        if (maj.echecs >= ECHECS_SMS_MAX) {
          await trx.updateTable('code_sms').set({ utilise_le: now }).where('id', '=', envoi.id).execute();
          epuise = true;
        }
      }
      await audit(trx, auditCtx, { action: 'portail-jury.code-sms.validation', entite: 'compte', entiteId: actor.compteId, apres: { issue: epuise ? 'epuise' : 'echec' } });
      return { ok: false as const, message: epuise ? MESSAGE_CODE_SMS_EPUISE : MESSAGE_CODE_SMS_INVALIDE };
    }
    await trx.updateTable('code_sms').set({ utilise_le: now }).where('id', '=', envoi.id).execute();
    const jurys = await jurysConvoques(trx, p.id, actor.academieCode);
    if (!jurys.length) throw conflit(messageNonConvoque(await libelleAcademie(trx, actor.academieCode)));
    const s = await ouvrirSessionPortail(trx, ctx, { compteId: actor.compteId, personneId: p.id, academieCode: actor.academieCode, mode: 'sms', cleOtpId: null, jurys }, trace);
    await audit(trx, auditCtx, { action: 'portail-jury.connexion', entite: 'session', entiteId: 'portail-jury', apres: { issue: 'acceptee', mode: 'sms', jurys: jurys.map((j) => j.juryId) } });
    return { ok: true as const, ...s };
  });
  // A failure is recorded (the transaction commits) before the refusal is said.
  if (!resultat.ok) throw champInvalide('code', resultat.message);
  // The browser now holds the portal session: the IMAG'IN one it replaces ends.
  await terminerSession(ctx, actor.sessionId, 'portail_jury');
  return { token: resultat.token, sessionId: resultat.sessionId };
}

