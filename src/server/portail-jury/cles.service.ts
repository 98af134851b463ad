// The portail Jury's OTP keys (issue 8 §1–2, seed 000): the first screen's check (authentifierCle) and
// the académie DSI's management of its keys — register one by one or import a seed file (all or
// nothing), give a key to centres de délibération with its PIN, activate, unlock, resynchronise, revoke —
// and the checklist of Cas 1 (« Contrôle des jurys avant délibération »).
//
// The OTP arithmetic, the window, the replay rule and the lockout policy are the domain's (otp.ts); here
// they meet the database: the counter (HOTP) or the last step (TOTP) is written with
// `update … where compteur = <the value read>`, so two simultaneous uses of one code never both pass;
// failures are counted by `echecs = echecs + 1` in the same statement that locks. Secrets are encrypted
// with the configuration's key, PINs hashed with argon2id; every DSI operation is audited.
import { sql } from 'kysely';
import { decoderSecret, importerClesOtp, OCTETS_SECRET_MIN, PREFIXE_IDENTIFIANT_IMPORT, type ErreurImport } from '../../domain/identite/cles-otp-import.ts';
import {
  causeEchec,
  ECHECS_MAX,
  MESSAGE_ECHEC,
  MESSAGE_VERROUILLEE,
  resynchroniserHotp,
  resynchroniserTotp,
  separerPinEtCode,
  verifierHotp,
  verifierTotp,
  type Chiffres,
  type Periode,
} from '../../domain/identite/otp.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { chiffrer, dechiffrer } from '../platform/crypto.ts';
import type { EtatCleOtp } from '../platform/db/tables.ts';
import { champInvalide, conflit, introuvable } from '../platform/errors.ts';
import { hacher, verifier, verifierLeurre } from '../platform/passwords.ts';
import type { Actor } from '../platform/policy.ts';
import {
  centresDesCles,
  centresPossibles,
  cleDeLAcademie,
  cleParIdentifiant,
  clesUtilisablesParCentre,
  convocationsDeliberation,
  ETATS_UTILISABLES,
  jurysDeLAcademie,
  LIBELLE_ETAT_CLE,
  listerClesDeLAcademie,
  PREFIXE_IDENTIFIANT_DEMO,
  PREFIXE_SECRET_DEMO,
  tentativesRecentes,
  type CleOtpLue,
  type TentativesCle,
} from './cles.repo.ts';
import { libelleEtablissement } from '../cyclades-deliberation/jurys.repo.ts';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';

/** The académie parameter (table parametre) that overrides ECHECS_MAX for its keys. */
export const PARAMETRE_ECHECS_MAX = 'cles-otp.echecs-max';

/**
 * The key's secret. A demo key (its identifiant starts with OTP-DEMO-) may still carry its secret
 * unencrypted, the demo loader having no configuration (demo/cles-otp.ts): it is encrypted here, once,
 * at its first use. No other key is ever read unencrypted.
 */
async function lireSecret(ctx: AppContext, ex: Executeur, cle: Pick<CleOtpLue, 'id' | 'identifiant' | 'secret_chiffre'>): Promise<Buffer> {
  if (cle.secret_chiffre.startsWith(PREFIXE_SECRET_DEMO) && cle.identifiant.startsWith(PREFIXE_IDENTIFIANT_DEMO)) {
    const hex = cle.secret_chiffre.slice(PREFIXE_SECRET_DEMO.length);
    await ex.updateTable('cle_otp').set({ secret_chiffre: chiffrer(ctx.config.encryptionKey, hex) }).where('id', '=', cle.id).where('secret_chiffre', '=', cle.secret_chiffre).execute();
    return Buffer.from(hex, 'hex');
  }
  return Buffer.from(dechiffrer(ctx.config.encryptionKey, cle.secret_chiffre), 'hex');
}
const chiffrerSecret = (ctx: AppContext, octets: Uint8Array) => chiffrer(ctx.config.encryptionKey, Buffer.from(octets).toString('hex'));

// ---------------------------------------------------------------------------------------------
// First screen: identifiant + PIN followed by the code

export type ResultatAuthentificationCle = { ok: true; cleId: number; academieCode: string } | { ok: false; message: string };

async function echecsMax(ctx: AppContext, academieCode: string): Promise<number> {
  const p = await ctx.db.selectFrom('parametre').select('valeur').where('academie_code', '=', academieCode).where('cle', '=', PARAMETRE_ECHECS_MAX).executeTakeFirst();
  const n = Number(p?.valeur);
  return Number.isInteger(n) && n >= 1 ? n : ECHECS_MAX;
}

/**
 * Checks the first screen. The same message for an unknown identifiant, a wrong PIN and a wrong code
 * (the PIN's argon2 hash and every code of the window are computed whatever happens); a locked key is
 * refused whatever was typed, a correct code included; a key given but never used ('remise') becomes
 * 'active' on its first success. Two simultaneous uses of one code: the counter's conditional update
 * lets one through; the other reads the key again and finds its code already used (a failure).
 *
 * What counts (issue 13 §4, decision 0010): an invalid code proves nothing — anyone can type one — and
 * touches nothing on the key (the caller slows the address). A valid code with a wrong PIN shows the key
 * is at hand: the code is used up (its counter or step is passed, so it serves one PIN guess only) and
 * the key's PIN failures (`echecs`) grow; at the académie's maximum the key locks until the DSI unlocks
 * it. Every attempt is audited with its cause and the client's address.
 */
export async function authentifierCle(
  ctx: AppContext,
  saisie: { identifiant: string; motDePasse: string; now: Date; ip?: string | null; requestId?: string | null },
): Promise<ResultatAuthentificationCle> {
  const identifiant = saisie.identifiant.trim();
  for (let essai = 0; essai < 3; essai++) {
    const cle = identifiant ? await cleParIdentifiant(ctx.db, identifiant) : undefined;
    if (!cle || !(['remise', 'active', 'verrouillee'] as EtatCleOtp[]).includes(cle.etat) || !cle.pin_hash) {
      // Unknown, in stock or revoked: as long as a wrong PIN, nothing counted (there is no key to lock).
      await verifierLeurre(saisie.motDePasse);
      return { ok: false, message: MESSAGE_ECHEC };
    }
    const auditCle = { academieCode: cle.academie_code, compteId: null, acteur: `cle-otp:${cle.identifiant}`, ip: saisie.ip ?? null, requestId: saisie.requestId ?? null };
    const parts = separerPinEtCode(saisie.motDePasse, cle.chiffres);
    const pinCorrect = await verifier(cle.pin_hash, parts?.pin ?? saisie.motDePasse);
    const secret = await lireSecret(ctx, ctx.db, cle);
    const code = parts?.code ?? '';
    const hotp = cle.type === 'HOTP' ? verifierHotp({ secret, compteur: cle.compteur, chiffres: cle.chiffres }, code) : null;
    const totp = cle.type === 'TOTP' ? verifierTotp({ secret, periode: cle.periode as Periode, chiffres: cle.chiffres, dernierPas: cle.dernier_pas, derive: cle.derive }, code, saisie.now) : null;
    if (cle.etat === 'verrouillee') {
      await audit(ctx.db, auditCle, { action: 'cle-otp.authentification', entite: 'cle_otp', entiteId: cle.id, apres: { issue: 'verrouillee' } });
      return { ok: false, message: MESSAGE_VERROUILLEE };
    }
    const codeCorrect = Boolean(parts && (hotp?.ok || totp?.ok));
    const cause = causeEchec({ pinCorrect, codeCorrect });
    if (cause === 'code') {
      await audit(ctx.db, auditCle, { action: 'cle-otp.authentification', entite: 'cle_otp', entiteId: cle.id, apres: { issue: 'echec', cause } });
      return { ok: false, message: MESSAGE_ECHEC };
    }
    // A valid code: used up whatever the PIN. The counter (or step) read is the condition: a concurrent
    // use has moved it, and this attempt reads the key again.
    const codeUtilise = {
      ...(hotp?.ok ? { compteur: hotp.nouveauCompteur } : {}),
      ...(totp?.ok ? { dernier_pas: totp.pas, derive: totp.derive } : {}),
      modifie_le: saisie.now,
    };
    const max = cause === 'pin' ? await echecsMax(ctx, cle.academie_code) : 0;
    const maj = await ctx.db
      .updateTable('cle_otp')
      .set(
        cause === null
          ? { ...codeUtilise, echecs: 0, etat: sql<EtatCleOtp>`case when etat = 'remise' then 'active' else etat end`, derniere_utilisation: saisie.now }
          : { ...codeUtilise, echecs: sql<number>`echecs + 1`, etat: sql<EtatCleOtp>`case when echecs + 1 >= ${max} then 'verrouillee' else etat end` },
      )
      .where('id', '=', cle.id)
      .where('etat', 'in', [...ETATS_UTILISABLES])
      .where('compteur', '=', cle.compteur)
      .where(sql<boolean>`dernier_pas is not distinct from ${cle.dernier_pas}`)
      .returning(['echecs', 'etat'])
      .executeTakeFirst();
    if (!maj) continue;
    if (cause === null) {
      await audit(ctx.db, auditCle, { action: 'cle-otp.authentification', entite: 'cle_otp', entiteId: cle.id, apres: { issue: 'acceptee', etatAvant: cle.etat } });
      return { ok: true, cleId: cle.id, academieCode: cle.academie_code };
    }
    const verrouillee = maj.etat === 'verrouillee';
    await audit(ctx.db, auditCle, { action: 'cle-otp.authentification', entite: 'cle_otp', entiteId: cle.id, apres: { issue: verrouillee ? 'verrouillage' : 'echec', cause, echecs: maj.echecs } });
    return { ok: false, message: verrouillee ? MESSAGE_VERROUILLEE : MESSAGE_ECHEC };
  }
  return { ok: false, message: MESSAGE_ECHEC };
}

// ---------------------------------------------------------------------------------------------
// The DSI's keys

/** The académie a DSI manages; any other actor reaches nothing here. */
export function academieDsi(actor: Actor): string {
  if (actor.role !== 'dsi') throw introuvable();
  return actor.academieCode;
}

/** Failed attempts in 24 h from which the DSI is told a key may be under attack. */
export const SEUIL_ALERTE_TENTATIVES = 10;

/**
 * The DSI's alert on a key under attack (issue 13 §4): many failed first-screen attempts in 24 h, or
 * any wrong PIN typed with a valid code (the key is in someone's hands). Null otherwise.
 */
export function alerteAttaque(t: TentativesCle | undefined): string | null {
  if (!t || (t.echecs < SEUIL_ALERTE_TENTATIVES && t.echecsPin === 0)) return null;
  const quand = t.derniere.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).replace(' ', ' à ');
  const adresses = `${t.adresses} adresse${t.adresses > 1 ? 's' : ''}`;
  const pin =
    t.echecsPin > 0
      ? ` Dont ${t.echecsPin} avec un code valide et un code PIN faux : quelqu'un a la clé en main et cherche son PIN ; vérifiez auprès du centre qu'elle n'a pas été perdue ou volée, révoquez-la sinon.`
      : ' Aucun code valide n’a été saisi : la clé n’est pas verrouillée par ces tentatives, l’adresse qui les envoie est ralentie.';
  return `${t.echecs} tentatives incorrectes en 24 h depuis ${adresses} (dernière : ${t.derniereAdresse ?? 'adresse inconnue'}, le ${quand}).${pin} Le détail est dans le journal d'audit.`;
}

export async function listerCles(ctx: AppContext, actor: Actor, filtre: { etat?: EtatCleOtp; q?: string }) {
  const ac = academieDsi(actor);
  const cles = await listerClesDeLAcademie(ctx.db, ac, filtre);
  const centres = await centresDesCles(ctx.db, cles.map((c) => c.id));
  const tentatives = await tentativesRecentes(ctx.db, ac);
  return {
    lignes: cles.map((c) => ({
      id: c.id,
      identifiant: c.identifiant,
      numeroSerie: c.numero_serie,
      type: c.type,
      chiffres: c.chiffres,
      periode: c.periode,
      etat: c.etat,
      libelleEtat: LIBELLE_ETAT_CLE[c.etat],
      centres: centres.get(c.id) ?? [],
      echecs: c.echecs,
      alerte: alerteAttaque(tentatives.get(c.id)),
      derniereUtilisation: c.derniere_utilisation,
      creeLe: c.cree_le,
    })),
    centres: await centresPossibles(ctx.db, ac),
  };
}

export interface NouvelleCle {
  identifiant: string;
  numeroSerie: string;
  type: 'HOTP' | 'TOTP';
  secret: string;
  chiffres: Chiffres;
  periode?: Periode | null;
  compteur?: number | null;
}

const identifiantPris = (identifiant: string) => `L'identifiant « ${identifiant} » est déjà celui d'une autre clé : choisissez-en un autre.`;
const seriePrise = (serie: string) => `La clé de numéro de série « ${serie} » est déjà enregistrée dans votre académie.`;

export async function enregistrerCle(ctx: AppContext, actor: Actor, b: NouvelleCle, trace: Trace) {
  const ac = academieDsi(actor);
  const s = decoderSecret(b.secret);
  if (!s.ok) throw champInvalide('secret', `Secret : ${s.message}.`);
  if (s.octets.length < OCTETS_SECRET_MIN) throw champInvalide('secret', `Secret : ${s.octets.length} octets lus, ${OCTETS_SECRET_MIN} au moins sont attendus (128 bits, RFC 4226).`);
  return ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('cle_otp').select('id').where('identifiant', '=', b.identifiant).executeTakeFirst()) throw conflit(identifiantPris(b.identifiant));
    if (await trx.selectFrom('cle_otp').select('id').where('academie_code', '=', ac).where('numero_serie', '=', b.numeroSerie).executeTakeFirst()) throw conflit(seriePrise(b.numeroSerie));
    const { id } = await trx
      .insertInto('cle_otp')
      .values({
        academie_code: ac,
        identifiant: b.identifiant,
        numero_serie: b.numeroSerie,
        type: b.type,
        chiffres: b.chiffres,
        periode: b.type === 'TOTP' ? (b.periode ?? 30) : null,
        compteur: b.type === 'HOTP' ? (b.compteur ?? 0) : 0,
        secret_chiffre: chiffrerSecret(ctx, s.octets),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, contexteAudit(actor, trace), { action: 'cle-otp.enregistrement', entite: 'cle_otp', entiteId: id, apres: { identifiant: b.identifiant, numeroSerie: b.numeroSerie, type: b.type } });
    return { id, message: `Clé ${b.identifiant} (n° de série ${b.numeroSerie}, ${b.type}) enregistrée : elle est en stock.` };
  });
}

export type ResultatImportCles = { ok: true; importees: number; message: string } | { ok: false; message: string; erreurs: ErreurImport[] };

/** Imports a seed file (CSV or PSKC): every key is checked first; one error and nothing is imported. */
export async function importerCles(ctx: AppContext, actor: Actor, b: { contenu: string; prefixeIdentifiant?: string }, trace: Trace): Promise<ResultatImportCles> {
  const ac = academieDsi(actor);
  const prefixe = b.prefixeIdentifiant ?? PREFIXE_IDENTIFIANT_IMPORT;
  // Every identifiant the import forms (prefix + serial) passes the single-key form's rule.
  const lu = importerClesOtp(b.contenu, { prefixeIdentifiant: prefixe });
  const erreurs: ErreurImport[] = [...lu.erreurs];
  if (!erreurs.length && !lu.cles.length) erreurs.push({ ligne: null, champ: null, message: "Le fichier ne contient aucune clé." });
  const refus = (): ResultatImportCles => ({
    ok: false,
    erreurs,
    message: `Le fichier contient ${erreurs.length} erreur${erreurs.length > 1 ? 's' : ''} : aucune clé n'a été importée. ${erreurs.slice(0, 20).map((e) => e.message).join(' ')}${erreurs.length > 20 ? ' …' : ''}`,
  });
  if (erreurs.length) return refus();
  return ctx.db.transaction().execute(async (trx) => {
    const identifiants = lu.cles.map((c) => prefixe + c.numeroSerie);
    const series = lu.cles.map((c) => c.numeroSerie);
    const pris = new Set((await trx.selectFrom('cle_otp').select('identifiant').where('identifiant', 'in', identifiants).execute()).map((r) => r.identifiant));
    const seriesPrises = new Set(
      (await trx.selectFrom('cle_otp').select('numero_serie').where('academie_code', '=', ac).where('numero_serie', 'in', series).execute()).map((r) => r.numero_serie),
    );
    const vus = new Set<string>();
    for (const c of lu.cles) {
      const identifiant = prefixe + c.numeroSerie;
      if (seriesPrises.has(c.numeroSerie)) erreurs.push({ ligne: null, champ: 'serial', message: seriePrise(c.numeroSerie) });
      else if (pris.has(identifiant)) erreurs.push({ ligne: null, champ: 'serial', message: identifiantPris(identifiant) });
      else if (vus.has(c.numeroSerie)) erreurs.push({ ligne: null, champ: 'serial', message: `Le numéro de série « ${c.numeroSerie} » figure plusieurs fois dans le fichier.` });
      vus.add(c.numeroSerie);
    }
    if (erreurs.length) return refus();
    await trx
      .insertInto('cle_otp')
      .values(
        lu.cles.map((c) => ({
          academie_code: ac,
          identifiant: prefixe + c.numeroSerie,
          numero_serie: c.numeroSerie,
          type: c.type,
          chiffres: c.chiffres,
          periode: c.type === 'TOTP' ? c.periode : null,
          compteur: c.type === 'HOTP' ? c.compteur : 0,
          secret_chiffre: chiffrerSecret(ctx, c.secret),
        })),
      )
      .execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'cle-otp.import', entite: 'cle_otp', apres: { format: lu.format, importees: lu.cles.length, numerosSerie: series } });
    const n = lu.cles.length;
    return { ok: true, importees: n, message: `${n} clé${n > 1 ? 's' : ''} importée${n > 1 ? 's' : ''} (fichier ${lu.format === 'pskc' ? 'PSKC' : 'CSV'}) : en stock.` };
  });
}

function refusEtat(cle: CleOtpLue, operation: string, attendu: string): never {
  throw conflit(`La clé ${cle.identifiant} est à l'état « ${LIBELLE_ETAT_CLE[cle.etat]} » : ${operation} demande une clé ${attendu}.`);
}

/** Gives a key in stock (or already given) to centres de délibération, with its PIN (hashed). */
export async function remettreCle(ctx: AppContext, actor: Actor, id: number, b: { centreIds: number[]; pin: string }, trace: Trace) {
  const ac = academieDsi(actor);
  await cleDeLAcademie(ctx.db, ac, id);
  const possibles = await centresPossibles(ctx.db, ac);
  const inconnus = b.centreIds.filter((c) => !possibles.some((p) => p.id === c));
  if (inconnus.length) throw champInvalide('centreIds', `Centres : ${inconnus.join(', ')} ne ${inconnus.length > 1 ? 'sont pas des centres' : "est pas un centre"} de délibération de votre académie ni un centre délibérant l'un de ses jurys.`);
  const pinHash = await hacher(b.pin);
  return ctx.db.transaction().execute(async (trx) => {
    const cle = await cleDeLAcademie(trx, ac, id);
    if (cle.etat !== 'en_stock' && cle.etat !== 'remise') refusEtat(cle, 'la remise', 'en stock ou déjà remise');
    const avant = (await trx.selectFrom('cle_otp_centre').select('etablissement_id').where('cle_id', '=', id).execute()).map((r) => r.etablissement_id);
    await trx.updateTable('cle_otp').set({ etat: 'remise', pin_hash: pinHash, echecs: 0, modifie_le: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.deleteFrom('cle_otp_centre').where('cle_id', '=', id).execute();
    const ids = [...new Set(b.centreIds)];
    await trx.insertInto('cle_otp_centre').values(ids.map((etablissement_id) => ({ cle_id: id, etablissement_id }))).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'cle-otp.remise', entite: 'cle_otp', entiteId: id, avant: { etat: cle.etat, centres: avant }, apres: { etat: 'remise', centres: ids, pin: 'modifié' } });
    const libelles = possibles.filter((p) => ids.includes(p.id)).map((p) => p.libelle);
    return { message: `Clé ${cle.identifiant} remise à ${libelles.join(', ')} avec son code PIN.` };
  });
}

async function changerEtat(
  ctx: AppContext,
  actor: Actor,
  id: number,
  trace: Trace,
  o: { depuis: EtatCleOtp[]; vers: EtatCleOtp; action: string; operation: string; attendu: string; message: (identifiant: string) => string; motif?: string },
) {
  const ac = academieDsi(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const cle = await cleDeLAcademie(trx, ac, id);
    if (!o.depuis.includes(cle.etat)) refusEtat(cle, o.operation, o.attendu);
    const maj = await trx
      .updateTable('cle_otp')
      .set({ etat: o.vers, echecs: 0, modifie_le: ctx.clock.now() })
      .where('id', '=', id)
      .where('etat', '=', cle.etat)
      .executeTakeFirst();
    if (Number(maj.numUpdatedRows) === 0) throw conflit(`La clé ${cle.identifiant} vient d'être modifiée : rechargez la page, puis recommencez.`);
    await audit(trx, contexteAudit(actor, trace), { action: o.action, entite: 'cle_otp', entiteId: id, avant: { etat: cle.etat, echecs: cle.echecs }, apres: { etat: o.vers, ...(o.motif ? { motif: o.motif } : {}) } });
    return { message: o.message(cle.identifiant) };
  });
}

export const activerCle = (ctx: AppContext, actor: Actor, id: number, trace: Trace) =>
  changerEtat(ctx, actor, id, trace, { depuis: ['remise'], vers: 'active', action: 'cle-otp.activation', operation: "l'activation", attendu: 'remise (code PIN et centres donnés)', message: (i) => `Clé ${i} activée.` });

export const deverrouillerCle = (ctx: AppContext, actor: Actor, id: number, trace: Trace) =>
  changerEtat(ctx, actor, id, trace, { depuis: ['verrouillee'], vers: 'active', action: 'cle-otp.deverrouillage', operation: 'le déverrouillage', attendu: 'verrouillée', message: (i) => `Clé ${i} déverrouillée : elle est de nouveau active.` });

export const revoquerCle = (ctx: AppContext, actor: Actor, id: number, motif: string, trace: Trace) =>
  changerEtat(ctx, actor, id, trace, {
    depuis: ['en_stock', 'remise', 'active', 'verrouillee'],
    vers: 'revoquee',
    action: 'cle-otp.revocation',
    operation: 'la révocation',
    attendu: 'qui ne soit pas déjà révoquée',
    motif,
    message: (i) => `Clé ${i} révoquée : elle n'ouvre plus le portail Jury.`,
  });

export const MESSAGE_RESYNC_ECHEC =
  'Codes 1 et 2 : ces deux codes ne sont pas deux codes consécutifs de la clé. Appuyez deux fois de suite sur le bouton de la clé et saisissez les deux codes affichés, dans l’ordre.';

/** Resynchronisation with two consecutive codes (HOTP: the counter moves forward; TOTP: the drift). */
export async function resynchroniserCle(ctx: AppContext, actor: Actor, id: number, b: { code1: string; code2: string }, trace: Trace) {
  const ac = academieDsi(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const cle = await cleDeLAcademie(trx, ac, id);
    if (cle.etat === 'revoquee') refusEtat(cle, 'la resynchronisation', 'qui ne soit pas révoquée');
    const secret = await lireSecret(ctx, trx, cle);
    const now = ctx.clock.now();
    const r =
      cle.type === 'HOTP'
        ? resynchroniserHotp(secret, cle.compteur, b.code1, b.code2, undefined, cle.chiffres)
        : resynchroniserTotp({ secret, periode: cle.periode as Periode, chiffres: cle.chiffres, dernierPas: cle.dernier_pas }, b.code1, b.code2, now);
    if (!r.ok) throw champInvalide('code2', MESSAGE_RESYNC_ECHEC);
    const maj = await trx
      .updateTable('cle_otp')
      .set('nouveauCompteur' in r ? { compteur: r.nouveauCompteur, modifie_le: now } : { dernier_pas: r.pas, derive: r.derive, modifie_le: now })
      .where('id', '=', id)
      .where('compteur', '=', cle.compteur)
      .where(sql<boolean>`dernier_pas is not distinct from ${cle.dernier_pas}`)
      .executeTakeFirst();
    if (Number(maj.numUpdatedRows) === 0) throw conflit(`La clé ${cle.identifiant} vient d'être utilisée : demandez deux nouveaux codes, puis recommencez.`);
    const apres = 'nouveauCompteur' in r ? { compteur: r.nouveauCompteur } : { derive: r.derive, dernierPas: r.pas };
    await audit(trx, contexteAudit(actor, trace), { action: 'cle-otp.resynchronisation', entite: 'cle_otp', entiteId: id, avant: { compteur: cle.compteur, derive: cle.derive, dernierPas: cle.dernier_pas }, apres });
    const detail = 'nouveauCompteur' in r ? `compteur ${r.nouveauCompteur}` : `décalage de ${r.derive} pas de ${cle.periode} s`;
    return { message: `Clé ${cle.identifiant} resynchronisée (${detail}).` };
  });
}

// ---------------------------------------------------------------------------------------------
// Checklist of Cas 1 (seed 000): two usable keys per centre, président and vice-présidents convoked

export const alerteCentre = (n: number) => `Moins de deux clés OTP actives remises au centre (${n}).`;
export const ALERTE_PRESIDENT = "Président du jury non convoqué dans IMAG'IN.";
export const alerteVicePresidents = (n: number) =>
  n > 1 ? `${n} vice-présidents affectés mais non convoqués dans IMAG'IN.` : "Un vice-président affecté mais non convoqué dans IMAG'IN.";

export async function controleJurys(ctx: AppContext, actor: Actor) {
  const ac = academieDsi(actor);
  const [jurys, parCentre, convocations] = await Promise.all([jurysDeLAcademie(ctx.db, ac), clesUtilisablesParCentre(ctx.db, ac), convocationsDeliberation(ctx.db, ac)]);
  const centres = new Map<number, { id: number; uai: string; libelle: string; nbClesUtilisables: number; alerte: string | null }>();
  for (const j of jurys) {
    if (centres.has(j.centre_deliberation_id)) continue;
    const n = parCentre.get(j.centre_deliberation_id) ?? 0;
    centres.set(j.centre_deliberation_id, { id: j.centre_deliberation_id, uai: j.uai, libelle: libelleEtablissement(j), nbClesUtilisables: n, alerte: n < 2 ? alerteCentre(n) : null });
  }
  return {
    centres: [...centres.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr')),
    jurys: jurys.map((j) => {
      const n = parCentre.get(j.centre_deliberation_id) ?? 0;
      const c = convocations.get(`${j.session_examen_id}/${j.numero}`);
      const alertes: string[] = [];
      if (n < 2) alertes.push(alerteCentre(n));
      if (!c?.presidents) alertes.push(ALERTE_PRESIDENT);
      if (c?.vicePresidentsAffectes.size) alertes.push(alerteVicePresidents(c.vicePresidentsAffectes.size));
      return {
        id: j.id,
        numero: j.numero,
        session: j.session_code,
        specialite: { code: j.specialite_code, libelle: j.specialite_libelle },
        centre: { id: j.centre_deliberation_id, uai: j.uai, libelle: libelleEtablissement(j) },
        etat: j.etat,
        nbClesUtilisables: n,
        presidentConvoque: Boolean(c?.presidents),
        vicePresidents: c?.vicePresidents.size ?? 0,
        alertes,
      };
    }),
  };
}
