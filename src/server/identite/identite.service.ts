// Login, logout, password change, forgotten password, first-connection e-mail, brute-force limits,
// and the single établissement session of IMAG'IN (seed 003 §2.1, seed 004 §2).
import { createHash, randomInt } from 'node:crypto';
import { apresEchecLimite, finBlocage, REGLES_LIMITES, type RegleLimite } from '../../domain/identite/limites.ts';
import { genererMotDePasseTemporaire, messageMotDePasse, reglesNonRespectees } from '../../domain/identite/mot-de-passe.ts';
import { LIBELLE_ROLE } from '../../domain/roles.ts';
import { SERVICES, type ServiceCode } from '../../domain/services.ts';
import { chiffrer } from '../platform/crypto.ts';
import { audit, type AuditContext } from '../platform/audit.ts';
import { dureeLisible } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, champInvalide, introuvable, invalide } from '../platform/errors.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import { hacher, verifier, verifierLeurre } from '../platform/passwords.ts';
import type { Actor } from '../platform/policy.ts';
import { hacherJeton, MOTIF_FIN_PARENTE, MOTIF_FIN_REPRISE, nouveauJeton, terminerSession } from './sessions.ts';

export const MESSAGE_ECHEC = 'Identifiant ou mot de passe incorrect.';
export const MESSAGE_PORTAIL_JURY =
  "Le portail délibération de jury s'ouvre avec une clé OTP, puis les identifiants de votre convocation IMAG'IN : utilisez la page « Portail jury ».";

/**
 * Failures before a block, per key of limitation_connexion (domain/identite/limites.ts): an account from
 * one address, an address, an account from everywhere (issue 13 §4, decision 0010).
 */
export const LIMITES = { compte: REGLES_LIMITES.compte, compteAdresse: REGLES_LIMITES.compteAdresse, adresse: REGLES_LIMITES.adresse };

export function cleCompte(login: string) {
  return 'compte:' + login.trim().toLowerCase();
}
export function cleAdresse(ip: string) {
  return 'ip:' + ip;
}
/** One account from one address: what a mistyping holder, or a guesser, is slowed on. */
export function cleCompteAdresse(login: string, ip: string) {
  return `${cleCompte(login)}|${cleAdresse(ip)}`;
}

/** The keys a login (IMAG'IN, the 2nd screen, the backup portal) is checked and counted on. */
export function clesConnexion(login: string, ip: string): string[] {
  return [cleCompteAdresse(login, ip), cleAdresse(ip), cleCompte(login)];
}

function heure(d: Date) {
  return d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
}
function dateHeure(d: Date) {
  return `${d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${heure(d)}`;
}

export const messageTropDeTentatives = (jusqua: Date) => `Trop de tentatives de connexion infructueuses. Réessayez après ${heure(jusqua)}.`;

/** 429 while one of these keys is blocked (the block always expires: see limites.ts). */
export async function verifierLimites(ctx: AppContext, cles: string[], message: (jusqua: Date) => string = messageTropDeTentatives) {
  const rows = await ctx.db.selectFrom('limitation_connexion').select('bloque_jusqua').where('cle', 'in', cles).execute();
  const bloque = finBlocage(rows.map((r) => (r.bloque_jusqua ? new Date(r.bloque_jusqua) : null)), ctx.clock.now());
  if (bloque) throw new AppError('TROP_DE_TENTATIVES', message(bloque));
}

/**
 * One more failure on this key (its row locked while it moves, so that several processes count
 * right); the block it starts, if any, is audited. `regle`: a rule of limites.ts (a number is read as
 * a threshold with the 60-minute ceiling).
 */
export async function enregistrerEchec(ctx: AppContext, cle: string, regle: RegleLimite | number, auditCtx: AuditContext) {
  const now = ctx.clock.now();
  const r: RegleLimite = typeof regle === 'number' ? { seuil: regle, maxMinutes: 60 } : regle;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('limitation_connexion').selectAll().where('cle', '=', cle).forUpdate().executeTakeFirst();
    const { echecs, bloqueJusqua } = apresEchecLimite(row ? { echecs: row.echecs, dernierEchec: row.dernier_echec ? new Date(row.dernier_echec) : null } : undefined, r, now);
    await trx
      .insertInto('limitation_connexion')
      .values({ cle, echecs, dernier_echec: now, bloque_jusqua: bloqueJusqua })
      .onConflict((oc) => oc.column('cle').doUpdateSet({ echecs, dernier_echec: now, bloque_jusqua: bloqueJusqua }))
      .execute();
    if (bloqueJusqua) {
      await audit(trx, auditCtx, { action: 'connexion.verrouillage', entite: 'limitation_connexion', entiteId: cle, apres: { echecs, jusqua: bloqueJusqua.toISOString() } });
    }
  });
}

/** Before checking a password: refused (429) while the account from this address, the address or the account is blocked. */
export async function verifierLimitesConnexion(ctx: AppContext, login: string, ip: string) {
  await verifierLimites(ctx, clesConnexion(login, ip));
}

/**
 * A wrong password: counted for the account from this address, for the address, and for the account.
 * The address's block is the address's business: audited without académie (the national
 * administrator reads it); the account's go to `auditCtx` (its académie when the account exists).
 */
export async function enregistrerEchecConnexion(ctx: AppContext, login: string, ip: string, auditCtx: AuditContext) {
  await enregistrerEchec(ctx, cleCompteAdresse(login, ip), LIMITES.compteAdresse, auditCtx);
  await enregistrerEchec(ctx, cleAdresse(ip), LIMITES.adresse, { ...auditCtx, academieCode: null, compteId: null });
  await enregistrerEchec(ctx, cleCompte(login), LIMITES.compte, auditCtx);
}

/** A right password: the account's failures from this address are forgotten (the others' are not). */
export async function oublierEchecsConnexion(ctx: AppContext, login: string, ip: string) {
  await ctx.db.deleteFrom('limitation_connexion').where('cle', '=', cleCompteAdresse(login, ip)).execute();
}

/**
 * The académie an account's audit entries belong to (issue 13 §5): its person's, else its first role's.
 * Null for an unknown identifiant: the national administrator reads those.
 */
export async function academieDuCompte(ctx: AppContext, compte: { id: number; personne_id: number | null } | undefined): Promise<string | null> {
  if (!compte) return null;
  if (compte.personne_id !== null) {
    const p = await ctx.db.selectFrom('personne').select('academie_code').where('id', '=', compte.personne_id).executeTakeFirst();
    if (p) return p.academie_code;
  }
  const r = await ctx.db.selectFrom('role_attribution').select('academie_code').where('compte_id', '=', compte.id).orderBy('actif', 'desc').orderBy('id').limit(1).executeTakeFirst();
  return r?.academie_code ?? null;
}

export interface ChoixRole {
  id: number;
  libelle: string;
}

export type ResultatConnexion =
  | { type: 'session'; token: string; actor: Actor; /** Set when the account took over its own previous session (issue 13). */ reprise?: string }
  | { type: 'choix'; choix: ChoixRole[] };

export async function connecter(
  ctx: AppContext,
  input: { service: ServiceCode; identifiant: string; motDePasse: string; attributionId?: number; ip: string; userAgent?: string },
): Promise<ResultatConnexion> {
  const service = SERVICES[input.service];
  // The Jury portal opens with a key, then the convocation's credentials (its own screens): never a password alone.
  if (service.entree === 'jury') throw new AppError('INTERDIT', MESSAGE_PORTAIL_JURY);
  const login = input.identifiant.trim();
  const auditCtx: AuditContext = { academieCode: null, compteId: null, acteur: login, ip: input.ip };
  await verifierLimitesConnexion(ctx, login, input.ip);

  const compte = await ctx.db.selectFrom('compte').selectAll().where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase())).executeTakeFirst();
  let ok = false;
  if (compte && compte.actif) ok = await verifier(compte.password_hash, input.motDePasse);
  else await verifierLeurre(input.motDePasse);

  if (!ok || !compte) {
    // In the journal of the account's académie; an unknown identifiant's in the national administrator's.
    const ctxEchec = { ...auditCtx, academieCode: await academieDuCompte(ctx, compte), compteId: compte?.id ?? null };
    await enregistrerEchecConnexion(ctx, login, input.ip, ctxEchec);
    await audit(ctx.db, ctxEchec, { action: 'connexion.echec', entite: 'compte', entiteId: compte?.id ?? null, apres: { service: input.service } });
    throw new AppError('NON_AUTHENTIFIE', MESSAGE_ECHEC);
  }
  await oublierEchecsConnexion(ctx, login, input.ip);

  const attributions = await ctx.db
    .selectFrom('role_attribution as r')
    .leftJoin('etablissement as e', 'e.id', 'r.etablissement_id')
    .innerJoin('academie as a', 'a.code', 'r.academie_code')
    .select(['r.id', 'r.role', 'r.academie_code', 'r.etablissement_id', 'r.personne_id', 'e.uai', 'e.nom as etab_nom', 'e.type as etab_type', 'a.libelle as academie'])
    .where('r.compte_id', '=', compte.id)
    .where('r.actif', '=', true)
    .where('r.role', 'in', service.roles)
    .orderBy('r.id')
    .execute();
  if (attributions.length === 0) {
    await audit(ctx.db, { ...auditCtx, compteId: compte.id }, { action: 'connexion.refusee', entite: 'compte', entiteId: compte.id, apres: { service: input.service } });
    throw new AppError('INTERDIT', `Votre compte ne donne pas accès au ${service.libelle} ${service.application}. Utilisez la page de connexion qui correspond à votre rôle.`);
  }
  let attribution = attributions[0]!;
  if (attributions.length > 1) {
    const chosen = attributions.find((a) => a.id === input.attributionId);
    if (!chosen) {
      return {
        type: 'choix',
        choix: attributions.map((a) => ({
          id: a.id,
          libelle: a.etab_nom ? `${LIBELLE_ROLE[a.role]} — ${a.etab_type} ${a.etab_nom} (${a.uai})` : `${LIBELLE_ROLE[a.role]} — académie de ${a.academie}`,
        })),
      };
    }
    attribution = chosen;
  }

  const token = nouveauJeton();
  const id = hacherJeton(ctx, token);
  const now = ctx.clock.now();
  let reprise: string | undefined;
  await ctx.db.transaction().execute(async (trx) => {
    if (service.sessionUniqueParEtablissement && attribution.etablissement_id !== null) {
      // Serialise logins of one établissement on its row, then look for a live session of the service.
      await trx.selectFrom('etablissement').select('id').where('id', '=', attribution.etablissement_id).forUpdate().execute();
      const limite = new Date(now.getTime() - ctx.config.sessionIdleSeconds * 1000);
      const autre = await trx
        .selectFrom('session_utilisateur as s')
        .innerJoin('compte as c', 'c.id', 's.compte_id')
        .select(['s.id', 's.cree_le', 's.derniere_activite', 's.compte_id', 'c.login'])
        .where('s.service', '=', input.service)
        .where('s.etablissement_id', '=', attribution.etablissement_id)
        .where('s.fin_le', 'is', null)
        .where('s.parent_session_id', 'is', null)
        .orderBy('s.cree_le', 'desc')
        .execute();
      const vivante = autre.find((s) => new Date(s.derniere_activite) > limite);
      for (const s of autre.filter((x) => x !== vivante)) {
        await trx.updateTable('session_utilisateur').set({ fin_le: new Date(new Date(s.derniere_activite).getTime() + ctx.config.sessionIdleSeconds * 1000), motif_fin: 'expiration' }).where('id', '=', s.id).execute();
      }
      if (vivante && vivante.compte_id === compte.id) {
        // The same account (a closed or crashed browser, another PC): it takes over its own session,
        // which ends with the tabs it opened in other académies (issue 13). Two accounts still may not.
        await trx.updateTable('session_utilisateur').set({ fin_le: now, motif_fin: MOTIF_FIN_REPRISE }).where('id', '=', vivante.id).where('fin_le', 'is', null).execute();
        await trx.updateTable('session_utilisateur').set({ fin_le: now, motif_fin: MOTIF_FIN_PARENTE }).where('parent_session_id', '=', vivante.id).where('fin_le', 'is', null).execute();
        await audit(trx, { ...auditCtx, academieCode: attribution.academie_code, compteId: compte.id }, { action: 'session.reprise', entite: 'etablissement', entiteId: attribution.etablissement_id, apres: { service: input.service, depuis: new Date(vivante.cree_le).toISOString() } });
        reprise = `Votre session précédente, ouverte le ${dateHeure(new Date(vivante.cree_le))} et restée ouverte dans un autre navigateur, a été fermée : vous la reprenez ici.`;
      } else if (vivante) {
        await audit(trx, { ...auditCtx, academieCode: attribution.academie_code, compteId: compte.id }, { action: 'connexion.refusee_session_etablissement', entite: 'etablissement', entiteId: attribution.etablissement_id, apres: { depuis: new Date(vivante.cree_le).toISOString() } });
        throw new AppError(
          'CONFLIT',
          `Deux connexions simultanées à l'application IMAG'IN ne sont pas autorisées au sein d'un établissement. Une session est ouverte pour cet établissement depuis le ${dateHeure(new Date(vivante.cree_le))} (identifiant ${vivante.login}). Réessayez lorsqu'elle aura été fermée (bouton Quitter) ou après ${dureeLisible(ctx.config.sessionIdleSeconds)} d'inactivité.`,
        );
      }
    }
    await trx
      .insertInto('session_utilisateur')
      .values({
        id,
        compte_id: compte.id,
        role_attribution_id: attribution.id,
        service: input.service,
        academie_code: attribution.academie_code,
        etablissement_id: attribution.etablissement_id,
        csrf_token: nouveauJeton(),
        parent_session_id: null,
        derniere_activite: now,
        cree_le: now,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.updateTable('compte').set({ derniere_connexion: now }).where('id', '=', compte.id).execute();
    await audit(trx, { ...auditCtx, academieCode: attribution.academie_code, compteId: compte.id }, { action: 'connexion.reussie', entite: 'session', entiteId: input.service });
  });
  return {
    type: 'session',
    token,
    ...(reprise ? { reprise } : {}),
    actor: {
      compteId: compte.id,
      login: compte.login,
      role: attribution.role,
      roleAttributionId: attribution.id,
      academieCode: attribution.academie_code,
      etablissementId: attribution.etablissement_id,
      personneId: attribution.personne_id,
      service: input.service,
      sessionId: id,
      motDePasseTemporaire: compte.mot_de_passe_temporaire,
    },
  };
}

export async function deconnecter(ctx: AppContext, actor: Actor, ip: string) {
  await terminerSession(ctx, actor.sessionId, 'deconnexion');
  await audit(ctx.db, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip }, { action: 'deconnexion', entite: 'session', entiteId: actor.service });
}

function controlerNouveau(nouveau: string, confirmation: string, login: string) {
  const manquantes = reglesNonRespectees(nouveau, { login });
  if (manquantes.length) throw champInvalide('nouveau', messageMotDePasse(manquantes));
  if (nouveau !== confirmation) throw champInvalide('confirmation', 'La confirmation ne correspond pas au nouveau mot de passe.');
}

export async function changerMotDePasse(ctx: AppContext, actor: Actor, input: { ancien: string; nouveau: string; confirmation: string }, ip: string) {
  const compte = await ctx.db.selectFrom('compte').selectAll().where('id', '=', actor.compteId).executeTakeFirstOrThrow();
  if (!(await verifier(compte.password_hash, input.ancien))) throw champInvalide('ancien', 'Le mot de passe actuel est incorrect.');
  controlerNouveau(input.nouveau, input.confirmation, compte.login);
  if (input.nouveau === input.ancien) throw champInvalide('nouveau', "Le nouveau mot de passe doit être différent de l'ancien.");
  const hash = await hacher(input.nouveau);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('compte').set({ password_hash: hash, mot_de_passe_temporaire: false, mot_de_passe_provisoire_chiffre: null, mot_de_passe_change_le: ctx.clock.now() }).where('id', '=', compte.id).execute();
    // Other sessions of the account end: whoever knew the old password is out.
    await trx
      .updateTable('session_utilisateur')
      .set({ fin_le: ctx.clock.now(), motif_fin: 'changement_mot_de_passe' })
      .where('compte_id', '=', compte.id)
      .where('id', '<>', actor.sessionId)
      .where('fin_le', 'is', null)
      .execute();
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip }, { action: 'mot_de_passe.change', entite: 'compte', entiteId: compte.id, avant: { temporaire: compte.mot_de_passe_temporaire }, apres: { temporaire: false } });
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function renseignerEmail(ctx: AppContext, actor: Actor, email: string, ip: string) {
  if (!EMAIL.test(email)) throw champInvalide('email', 'Adresse électronique incorrecte : saisissez une adresse de la forme prenom.nom@exemple.fr.');
  await ctx.db.transaction().execute(async (trx) => {
    const avant = await trx.selectFrom('compte').select('email').where('id', '=', actor.compteId).executeTakeFirstOrThrow();
    await trx.updateTable('compte').set({ email }).where('id', '=', actor.compteId).execute();
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip }, { action: 'compte.email', entite: 'compte', entiteId: actor.compteId, avant, apres: { email } });
  });
}

/**
 * The one answer of « Mot de passe oublié ? », whatever the identifiant (seed 004 §2.1, both cases in
 * one sentence): it tells neither whether the identifiant exists nor whether, or which, address is known.
 */
export const MESSAGE_MOT_DE_PASSE_OUBLIE =
  "Si une adresse électronique est connue pour cet identifiant, un courriel vient d'y être envoyé pour que vous réinitialisiez vous-même votre mot de passe (lien valable une heure, à usage unique) ; sinon, contactez le gestionnaire des examens de votre académie, qui pourra renseigner votre adresse ou vous attribuer un mot de passe temporaire à modifier lors de votre prochaine connexion.";

export async function motDePasseOublie(ctx: AppContext, identifiant: string, ip: string): Promise<{ message: string }> {
  await verifierLimites(ctx, [cleAdresse(ip)]);
  // The same read for every identifiant; the link is written after the answer, so that its duration
  // does not tell whether an address is known either.
  const compte = await ctx.db.selectFrom('compte').select(['id', 'login', 'email', 'actif']).where((eb) => eb(eb.fn('lower', ['login']), '=', identifiant.trim().toLowerCase())).executeTakeFirst();
  if (compte && compte.actif && compte.email) {
    const destinataire = { id: compte.id, login: compte.login, email: compte.email };
    setImmediate(() => {
      void (async () => {
        const attribution = await ctx.db.selectFrom('role_attribution').select('academie_code').where('compte_id', '=', destinataire.id).executeTakeFirst();
        const academieCode = attribution?.academie_code ?? null;
        await envoyerLienReinitialisation(ctx, destinataire, academieCode, { academieCode, compteId: destinataire.id, acteur: destinataire.login, ip });
      })().catch((err) => ctx.logger.error({ err, compteId: destinataire.id }, 'Mot de passe oublié : le lien de réinitialisation n\'a pas pu être envoyé'));
    });
  }
  return { message: MESSAGE_MOT_DE_PASSE_OUBLIE };
}

export async function envoyerLienReinitialisation(
  ctx: AppContext,
  compte: { id: number; login: string; email: string | null },
  academieCode: string | null,
  auditCtx: AuditContext,
) {
  if (!compte.email) throw invalide("Aucune adresse électronique n'est connue pour ce compte.");
  const token = nouveauJeton();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('jeton_reinitialisation')
      .values({ id: hacherJeton(ctx, token), compte_id: compte.id, cree_le: now, expire_le: new Date(now.getTime() + 3_600_000) })
      .execute();
    const lien = `${ctx.config.publicUrl}/reinitialiser-mot-de-passe?jeton=${token}`;
    await envoyerMail(ctx, trx, {
      academieCode,
      a: [compte.email!],
      objet: "IMAG'IN - Réinitialisation de votre mot de passe",
      texte: [
        'Bonjour,',
        '',
        `Une réinitialisation du mot de passe a été demandée pour l'identifiant ${compte.login}.`,
        'Pour choisir un nouveau mot de passe, ouvrez le lien suivant (valable une heure, utilisable une seule fois) :',
        lien,
        '',
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
        '',
        'La division des examens et concours',
      ].join('\n'),
    });
    await audit(trx, auditCtx, { action: 'mot_de_passe.lien_envoye', entite: 'compte', entiteId: compte.id });
  });
}

export async function reinitialiser(ctx: AppContext, input: { jeton: string; nouveau: string; confirmation: string }, ip: string) {
  const id = hacherJeton(ctx, input.jeton);
  const now = ctx.clock.now();
  const jeton = await ctx.db
    .selectFrom('jeton_reinitialisation as j')
    .innerJoin('compte as c', 'c.id', 'j.compte_id')
    .select(['j.id', 'j.expire_le', 'j.utilise_le', 'c.id as compte_id', 'c.login'])
    .where('j.id', '=', id)
    .executeTakeFirst();
  if (!jeton || jeton.utilise_le || new Date(jeton.expire_le) <= now) {
    throw new AppError('VALIDATION', "Ce lien de réinitialisation n'est plus valable (il a déjà servi ou a plus d'une heure). Demandez-en un nouveau depuis « Mot de passe oublié ? ».");
  }
  controlerNouveau(input.nouveau, input.confirmation, jeton.login);
  const hash = await hacher(input.nouveau);
  await ctx.db.transaction().execute(async (trx) => {
    // Single use, even when two requests race: only the one that flips utilise_le goes on.
    const used = await trx.updateTable('jeton_reinitialisation').set({ utilise_le: now }).where('id', '=', id).where('utilise_le', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('VALIDATION', "Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau depuis « Mot de passe oublié ? ».");
    await trx.updateTable('compte').set({ password_hash: hash, mot_de_passe_temporaire: false, mot_de_passe_provisoire_chiffre: null, mot_de_passe_change_le: now }).where('id', '=', jeton.compte_id).execute();
    await trx.updateTable('session_utilisateur').set({ fin_le: now, motif_fin: 'reinitialisation' }).where('compte_id', '=', jeton.compte_id).where('fin_le', 'is', null).execute();
    await audit(trx, { academieCode: null, compteId: jeton.compte_id, acteur: jeton.login, ip }, { action: 'mot_de_passe.reinitialise', entite: 'compte', entiteId: jeton.compte_id });
  });
}

/** The gestionnaire gives an account a new temporary password, shown once (seed 004 §2). */
export async function attribuerMotDePasseTemporaire(ctx: AppContext, actor: Actor, compteId: number, ip: string): Promise<string> {
  const compte = await compteGerable(ctx, actor, compteId);
  const motDePasse = genererMotDePasseTemporaire((max) => randomInt(max));
  const hash = await hacher(motDePasse);
  await ctx.db.transaction().execute(async (trx) => {
    // Kept encrypted: the next convocation printed for this intervenant shows the same temporary password.
    await trx.updateTable('compte').set({ password_hash: hash, mot_de_passe_temporaire: true, mot_de_passe_provisoire_chiffre: chiffrer(ctx.config.encryptionKey, motDePasse), mot_de_passe_change_le: ctx.clock.now() }).where('id', '=', compte.id).execute();
    await trx.updateTable('session_utilisateur').set({ fin_le: ctx.clock.now(), motif_fin: 'mot_de_passe_temporaire' }).where('compte_id', '=', compte.id).where('fin_le', 'is', null).execute();
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip }, { action: 'compte.mot_de_passe_temporaire', entite: 'compte', entiteId: compte.id, apres: { empreinte: createHash('sha256').update(hash).digest('hex').slice(0, 12) } });
  });
  return motDePasse;
}

/** The gestionnaire enters an e-mail for an account, and a reset link is sent there. */
export async function renseignerEmailParGestionnaire(ctx: AppContext, actor: Actor, compteId: number, email: string, ip: string) {
  if (!EMAIL.test(email)) throw champInvalide('email', 'Adresse électronique incorrecte : saisissez une adresse de la forme prenom.nom@exemple.fr.');
  const compte = await compteGerable(ctx, actor, compteId);
  const auditCtx = { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('compte').set({ email }).where('id', '=', compte.id).execute();
    await audit(trx, auditCtx, { action: 'compte.email', entite: 'compte', entiteId: compte.id, avant: { email: compte.email }, apres: { email } });
  });
  await envoyerLienReinitialisation(ctx, { ...compte, email }, actor.academieCode, auditCtx);
}

/** Intervenant accounts of the gestionnaire's académie: those with a role there. */
async function compteGerable(ctx: AppContext, actor: Actor, compteId: number) {
  const compte = await ctx.db
    .selectFrom('compte as c')
    .select(['c.id', 'c.login', 'c.email', 'c.type'])
    .where('c.id', '=', compteId)
    .where('c.type', '=', 'intervenant')
    .where((eb) =>
      eb.exists(eb.selectFrom('role_attribution as r').select('r.id').whereRef('r.compte_id', '=', 'c.id').where('r.academie_code', '=', actor.academieCode)),
    )
    .executeTakeFirst();
  if (!compte) throw introuvable("Ce compte n'existe pas ou n'appartient pas à votre académie.");
  return compte;
}

export async function rechercherComptes(ctx: AppContext, actor: Actor, q: string) {
  const motif = `%${q.trim().toLowerCase()}%`;
  return ctx.db
    .selectFrom('compte as c')
    .innerJoin('role_attribution as r', 'r.compte_id', 'c.id')
    .leftJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['c.id', 'c.login', 'c.email', 'c.mot_de_passe_temporaire', 'c.derniere_connexion', 'p.nom', 'p.prenom'])
    .where('c.type', '=', 'intervenant')
    .where('r.academie_code', '=', actor.academieCode)
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['c.login']), 'like', motif), eb(eb.fn('lower', ['p.nom']), 'like', motif), eb(eb.fn('lower', ['p.prenom']), 'like', motif)]),
    )
    .distinct()
    .orderBy('p.nom')
    .orderBy('p.prenom')
    .limit(200)
    .execute();
}
