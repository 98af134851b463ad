// Treatments (traitements): long work run as a pg-boss job, with a title ("Titre édition"), parameters,
// a status, a progression, log lines and the documents it produced — what "Afficher le compte rendu"
// shows. One job, 'traitement', dispatches by type to the handler declared for it.
//
// A treatment interrupted by a crash or a restart is tried again by pg-boss. Its handler must then not
// duplicate what the first try did; it is given the tools for that:
// - `document(nom, …)` replaces the document of the same name (store key and row keyed by name);
// - `etape(cle, fn)` runs `fn` in a transaction that also records the step: a retry skips it;
// - `cle(suffixe)` is a stable key for idempotent effects outside the database (envoyerMail's cleIdempotence).
//
// A type of treatment is declared once, in registry.ts (traitementDefinitions):
//   definirTraitement({ type: 'papillons', parametres: z.object({ classe: z.string() }), executer: async (t) => {
//     const comptes = await t.etape('comptes', (trx) => creerComptes(trx, t.parametres.classe));
//     await t.document('Papillon de connexion', TYPE_PDF, genererPdf(opts, (doc) => doc.tableau({ colonnes, lignes: comptes })));
//   } })
// and launched by a service, in the transaction of the request that asks for it:
//   await lancerTraitement(ctx, trx, { type: 'papillons', titre, parametres, academieCode, creePar, etablissementId, visibilite: 'etablissement' });
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { DB, Visibilite } from '../db/tables.ts';
import type { Body } from '../documents/store.ts';
import { AppError, champInvalide, invalide } from '../errors.ts';
import { SERVER_NAME, type JobDef } from '../jobs/jobs.ts';
import type { IssueTraitement } from '../metriques.ts';

export const JOB_TRAITEMENT = 'traitement';
/** Receives a treatment whose tries are all spent, even when the last one died with its process. */
export const JOB_TRAITEMENT_ABANDON = 'traitement.abandon';
/** Tries after the first one. */
export const REPRISES = 2;

export type NiveauLog = 'info' | 'avertissement' | 'erreur';
export type VisibiliteTraitement = 'createur' | 'etablissement' | 'academie';

export interface DocumentProduit {
  id: string;
  nom: string;
  typeMime: string;
  taille: number;
}

export interface OptionsDocument {
  /** By default the treatment's; 'personne' makes a document (a convocation) readable by that person only. */
  visibilite?: Visibilite;
  personneId?: number | null;
  etablissementId?: number | null;
}

export interface ContexteTraitement<P> {
  readonly id: string;
  readonly type: string;
  readonly parametres: P;
  /** 1 for the first try, 2 for the first retry… */
  readonly tentative: number;
  readonly reprise: boolean;
  readonly academieCode: string;
  readonly ctx: AppContext;
  /** A line of the compte rendu, in French, as users read it. */
  log(niveau: NiveauLog, message: string): Promise<void>;
  /** Progression n out of total; written at most once a second, and at the end. */
  progression(n: number, total?: number): Promise<void>;
  /** Stores a document produced by the treatment; a retry that produces the same name replaces it. */
  document(nom: string, typeMime: string, body: Body, options?: OptionsDocument): Promise<DocumentProduit>;
  /** The document of that name produced by an earlier try, if any (to skip producing it again). */
  documentExistant(nom: string): Promise<DocumentProduit | null>;
  /**
   * Runs `fn` once per treatment: in a transaction that also records the step, so that a retry gets
   * the recorded result (through JSON) instead of running it again. `fn` must write through `trx` only.
   */
  etape<T>(cle: string, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** "traitement:<id>:<suffixe>", stable across tries, for idempotency keys (mail, external calls). */
  cle(suffixe: string): string;
}

export interface DefinitionTraitement<P = any> {
  type: string;
  /** Validates the parameters when the treatment is launched and again when it runs. */
  parametres?: z.ZodType<P>;
  executer: (t: ContexteTraitement<P>) => Promise<void>;
  /**
   * A treatment of this type that ended in error may be relaunched by its readers (« Relancer »): it
   * resumes where it stopped (recorded steps are not redone). For treatments whose effect is only
   * useful with the document they produce (new passwords and their papillons).
   */
  relancable?: boolean;
}

/** An expected failure whose message (French) is shown as is; it is not retried, it would fail again. */
export class ErreurTraitement extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurTraitement';
  }
}

export function definirTraitement<P>(def: DefinitionTraitement<P>): DefinitionTraitement<P> {
  return def;
}

// One registry per platform (the AppContext), not per module: tests run several platforms in one process.
const registres = new WeakMap<AppContext, Map<string, DefinitionTraitement>>();

function registre(ctx: AppContext): Map<string, DefinitionTraitement> {
  let r = registres.get(ctx);
  if (!r) registres.set(ctx, (r = new Map()));
  return r;
}

/** Declares a type of treatment. Refuses a type declared twice or without a handler. */
export function registerTraitement<P>(ctx: AppContext, def: DefinitionTraitement<P>): void {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(def.type)) throw new Error(`Type de traitement mal formé : « ${def.type} »`);
  if (typeof def.executer !== 'function') throw new Error(`Aucun gestionnaire pour le type de traitement « ${def.type} »`);
  const r = registre(ctx);
  if (r.has(def.type)) throw new Error(`Type de traitement déclaré deux fois : « ${def.type} »`);
  r.set(def.type, def as DefinitionTraitement);
}

export function estRelancable(ctx: AppContext, type: string): boolean {
  return registre(ctx).get(type)?.relancable === true;
}

/**
 * Relaunches a treatment in error, in the caller's transaction: back to « En attente », a line in its
 * compte rendu, and its job queued again. The same id, the same recorded steps and documents: what was
 * done is not redone. Refused (409) when it is no longer in error — two clicks relaunch it once.
 */
export async function relancerTraitement(ctx: AppContext, trx: Transaction<DB>, id: string, par: string): Promise<void> {
  const maj = await trx
    .updateTable('traitement')
    .set({ statut: 'en_attente', erreur: null, fin: null })
    .where('id', '=', id)
    .where('statut', '=', 'erreur')
    .executeTakeFirst();
  if (Number(maj.numUpdatedRows) === 0) throw new AppError('CONFLIT', "Ce traitement n'est plus en erreur : il a déjà été relancé ou s'est terminé entre-temps.");
  // The relaunch number travels with the new job: the abandon notice of an earlier run (pg-boss's
  // dead letter, which may arrive after this relaunch) then leaves this run alone.
  const avant = await trx.selectFrom('traitement_etape').select('resultat').where('traitement_id', '=', id).where('cle', '=', CLE_RELANCES).executeTakeFirst();
  const relance = ((avant?.resultat as { n?: number } | null)?.n ?? 0) + 1;
  await trx
    .insertInto('traitement_etape')
    .values({ traitement_id: id, cle: CLE_RELANCES, resultat: JSON.stringify({ n: relance }), fait_le: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['traitement_id', 'cle']).doUpdateSet({ resultat: JSON.stringify({ n: relance }), fait_le: ctx.clock.now() }))
    .execute();
  await trx.insertInto('traitement_log').values({ traitement_id: id, niveau: 'info', message: `Traitement relancé par ${par} : il reprend là où il s'était arrêté.`, le: ctx.clock.now() }).execute();
  await ctx.jobs.send(trx, JOB_TRAITEMENT, { id, relance });
}

/** Where a treatment's relaunches are counted (a row of traitement_etape no step uses). */
const CLE_RELANCES = '__relances';

async function relanceCourante(ctx: AppContext, id: string): Promise<number> {
  const r = await ctx.db.selectFrom('traitement_etape').select('resultat').where('traitement_id', '=', id).where('cle', '=', CLE_RELANCES).executeTakeFirst();
  return (r?.resultat as { n?: number } | null)?.n ?? 0;
}

export function typesDeTraitement(ctx: AppContext): string[] {
  return [...registre(ctx).keys()];
}

// ---------------------------------------------------------------------------------------------
// Launching

export interface DemandeTraitement<P> {
  type: string;
  /** "Titre édition", typed by the user. */
  titre: string;
  parametres: P;
  academieCode: string;
  creePar: number | null;
  etablissementId?: number | null;
  personneId?: number | null;
  visibilite: VisibiliteTraitement;
  /** The same key twice launches one treatment only (a double click, a replayed request). */
  cleIdempotence?: string;
}

/**
 * Records the treatment and queues its job in the caller's transaction: the treatment exists and
 * runs only if the change that asks for it is committed.
 */
export async function lancerTraitement<P>(
  ctx: AppContext,
  trx: Transaction<DB> | Db,
  demande: DemandeTraitement<P>,
): Promise<{ id: string; existant: boolean }> {
  const def = registre(ctx).get(demande.type);
  if (!def) throw new Error(`Aucun gestionnaire pour le type de traitement « ${demande.type} »`);
  const titre = demande.titre.trim();
  if (!titre) throw champInvalide('titre', "Le titre de l'édition est obligatoire.");
  if (titre.length > 200) throw champInvalide('titre', "Le titre de l'édition est trop long (200 caractères au plus).");
  if (demande.visibilite === 'etablissement' && !demande.etablissementId) {
    throw new Error("Un traitement visible par l'établissement doit en nommer un (etablissementId).");
  }
  let parametres: unknown = demande.parametres ?? {};
  if (def.parametres) {
    const res = def.parametres.safeParse(parametres);
    if (!res.success) throw invalide(`Paramètres du traitement incorrects : ${res.error.issues.map((i) => i.message).join(' ; ')}`);
    parametres = res.data;
  }
  const id = randomUUID();
  const insere = await trx
    .insertInto('traitement')
    .values({
      id,
      academie_code: demande.academieCode,
      type: demande.type,
      titre,
      parametres: JSON.stringify(parametres),
      cree_par: demande.creePar,
      etablissement_id: demande.etablissementId ?? null,
      personne_id: demande.personneId ?? null,
      visibilite: demande.visibilite,
      cle_idempotence: demande.cleIdempotence ?? null,
      cree_le: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('cle_idempotence').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!insere) {
    const existant = await trx.selectFrom('traitement').select('id').where('cle_idempotence', '=', demande.cleIdempotence!).executeTakeFirstOrThrow();
    return { id: existant.id, existant: true };
  }
  await ctx.jobs.send(trx, JOB_TRAITEMENT, { id }, { singletonKey: id });
  return { id, existant: false };
}

// ---------------------------------------------------------------------------------------------
// Documents

/** "Liste des personnels" stored as PDF is downloaded as "Liste des personnels.pdf". */
export function nomFichier(nom: string, typeMime: string): string {
  const ext = EXTENSIONS[typeMime.split(';')[0]!.trim().toLowerCase()];
  const propre = nom.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'document';
  return ext && !propre.toLowerCase().endsWith(`.${ext}`) ? `${propre}.${ext}` : propre;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/zip': 'zip',
  'text/plain': 'txt',
  'application/json': 'json',
  'message/rfc822': 'eml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** The "Type" column of "Liste des documents générés": PDF, CSV, ZIP… */
export function libelleType(typeMime: string): string {
  const ext = EXTENSIONS[typeMime.split(';')[0]!.trim().toLowerCase()];
  return ext ? ext.toUpperCase() : 'Fichier';
}

/** A store key from a name: readable, and unique per name thanks to the hash. */
function cleDeNom(nom: string): string {
  const hash = createHash('sha256').update(nom).digest('hex').slice(0, 12);
  const lisible = nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 80);
  return lisible ? `${hash}-${lisible}` : hash;
}

function verifierNom(nom: string): string {
  const n = nom.trim();
  if (!n || n.length > 200) throw new Error(`Nom de document invalide : « ${nom} »`);
  return n;
}

function expiration(ctx: AppContext): Date {
  return new Date(ctx.clock.now().getTime() + ctx.config.documentRetentionDays * 86_400_000);
}

export interface NouveauDocument {
  nom: string;
  typeMime: string;
  body: Body;
  academieCode: string;
  /** The account that produced it (visibility 'createur'). */
  compteId: number | null;
  etablissementId?: number | null;
  personneId?: number | null;
  visibilite: Visibilite;
}

/** A document produced outside a treatment (a direct download that should stay available). */
export async function enregistrerDocument(ctx: AppContext, d: NouveauDocument): Promise<DocumentProduit> {
  const nom = verifierNom(d.nom);
  const id = randomUUID();
  const maintenant = ctx.clock.now();
  const cle = `documents/${maintenant.getUTCFullYear()}/${id}`;
  const stocke = await ctx.store.put(cle, d.body, d.typeMime);
  try {
    await ctx.db
      .insertInto('document')
      .values({
        id,
        traitement_id: null,
        academie_code: d.academieCode,
        etablissement_id: d.etablissementId ?? null,
        personne_id: d.personneId ?? null,
        compte_id: d.compteId,
        visibilite: d.visibilite,
        nom,
        type_mime: d.typeMime,
        taille: stocke.taille,
        sha256: stocke.sha256,
        cle_stockage: cle,
        cree_le: maintenant,
        expire_le: expiration(ctx),
      })
      .execute();
  } catch (err) {
    await ctx.store.delete(cle).catch(() => {});
    throw err;
  }
  return { id, nom, typeMime: d.typeMime, taille: stocke.taille };
}

// ---------------------------------------------------------------------------------------------
// Running

interface LigneTraitement {
  id: string;
  type: string;
  academie_code: string;
  parametres: unknown;
  statut: string;
  tentatives: number;
  cree_par: number | null;
  etablissement_id: number | null;
  personne_id: number | null;
  visibilite: VisibiliteTraitement;
  total: number | null;
}

async function journaliser(ctx: AppContext, id: string, niveau: NiveauLog, message: string): Promise<void> {
  await ctx.db.insertInto('traitement_log').values({ traitement_id: id, niveau, message, le: ctx.clock.now() }).execute();
}

/** The message of the line that opens a retry in the compte rendu. */
export const repriseApresInterruption = (tentative: number) => `Reprise après interruption (tentative ${tentative}) : ce qui a déjà été fait n'est pas refait.`;

/**
 * A line of a retry that an earlier try already wrote (same level, same words) is not written again:
 * the compte rendu reads as one run, with the « Reprise après interruption » line where it resumed.
 */
async function journaliserSansRepeter(ctx: AppContext, id: string, tentative: number, niveau: NiveauLog, message: string): Promise<void> {
  if (tentative > 1) {
    const deja = await ctx.db.selectFrom('traitement_log').select('id').where('traitement_id', '=', id).where('niveau', '=', niveau).where('message', '=', message).executeTakeFirst();
    if (deja) return;
  }
  await journaliser(ctx, id, niveau, message);
}

function serveur(): string {
  return `host=${SERVER_NAME} pid=${process.pid}`;
}

function estAttendue(err: unknown): err is Error {
  return err instanceof ErreurTraitement || err instanceof AppError;
}

function contexte<P>(ctx: AppContext, row: LigneTraitement, parametres: P, tentative: number): ContexteTraitement<P> & { terminerProgression(): Promise<void> } {
  let attente: { n: number; total: number | null } | null = null;
  let derniereEcriture = 0;
  let total = row.total;
  const ecrireProgression = async () => {
    if (!attente) return;
    const { n, total: t } = attente;
    attente = null;
    derniereEcriture = Date.now();
    await ctx.db.updateTable('traitement').set({ progression: n, total: t }).where('id', '=', row.id).execute();
  };
  const existant = async (nom: string) => {
    const d = await ctx.db
      .selectFrom('document')
      .select(['id', 'nom', 'type_mime', 'taille'])
      .where('traitement_id', '=', row.id)
      .where('nom', '=', nom)
      .executeTakeFirst();
    return d ? { id: d.id, nom: d.nom, typeMime: d.type_mime, taille: d.taille } : null;
  };
  // A try presumed dead (its job retried elsewhere) that wakes up must not overwrite the new try's work.
  const exigerTentativeCourante = async () => {
    const courant = await ctx.db
      .selectFrom('traitement')
      .select('id')
      .where('id', '=', row.id)
      .where('tentatives', '=', tentative)
      .where('statut', '=', 'en_cours')
      .executeTakeFirst();
    if (!courant) throw new Error(`la tentative ${tentative} a été remplacée par une autre`);
  };
  return {
    id: row.id,
    type: row.type,
    parametres,
    tentative,
    reprise: tentative > 1,
    academieCode: row.academie_code,
    ctx,
    log: (niveau, message) => journaliserSansRepeter(ctx, row.id, tentative, niveau, message),
    progression: async (n, t) => {
      if (t !== undefined) total = t;
      attente = { n, total };
      if (Date.now() - derniereEcriture >= 1000 || (total !== null && n >= total)) await ecrireProgression();
    },
    terminerProgression: ecrireProgression,
    document: async (nomDemande, typeMime, body, options = {}) => {
      const nom = verifierNom(nomDemande);
      await exigerTentativeCourante();
      // Keyed by name: a retry writes over the same object, atomically (see DocumentStore.put).
      const cle = `traitements/${row.id}/${cleDeNom(nom)}`;
      const stocke = await ctx.store.put(cle, body, typeMime);
      const valeurs = {
        academie_code: row.academie_code,
        etablissement_id: options.etablissementId !== undefined ? options.etablissementId : row.etablissement_id,
        personne_id: options.personneId !== undefined ? options.personneId : row.personne_id,
        compte_id: row.cree_par,
        visibilite: options.visibilite ?? row.visibilite,
        type_mime: typeMime,
        taille: stocke.taille,
        sha256: stocke.sha256,
        cle_stockage: cle,
        cree_le: ctx.clock.now(),
        expire_le: expiration(ctx),
      };
      const doc = await ctx.db
        .insertInto('document')
        .values({ id: randomUUID(), traitement_id: row.id, nom, ...valeurs })
        .onConflict((oc) => oc.columns(['traitement_id', 'nom']).doUpdateSet(valeurs))
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await journaliserSansRepeter(ctx, row.id, tentative, 'info', `Document produit : ${nom} (${stocke.taille} octets).`);
      return { id: doc.id, nom, typeMime, taille: stocke.taille };
    },
    documentExistant: existant,
    etape: async <T>(cle: string, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> => {
      const fait = await ctx.db
        .selectFrom('traitement_etape')
        .select('resultat')
        .where('traitement_id', '=', row.id)
        .where('cle', '=', cle)
        .executeTakeFirst();
      if (fait) {
        await journaliser(ctx, row.id, 'info', `Étape « ${cle} » déjà faite lors d'une tentative précédente : elle n'est pas refaite.`);
        return fait.resultat as T;
      }
      await exigerTentativeCourante();
      return ctx.db.transaction().execute(async (trx) => {
        const resultat = await fn(trx);
        await trx
          .insertInto('traitement_etape')
          .values({ traitement_id: row.id, cle, resultat: JSON.stringify(resultat ?? null), fait_le: ctx.clock.now() })
          .execute();
        return resultat;
      });
    },
    cle: (suffixe) => `traitement:${row.id}:${suffixe}`,
  };
}

/**
 * Settles the treatment and writes its last log line together, only if this try is still the current
 * one: a process presumed dead that wakes up after its job was retried elsewhere changes nothing.
 */
async function conclure(
  ctx: AppContext,
  id: string,
  tentative: number | null,
  fin: { statut: 'termine' | 'erreur' | null; niveau: NiveauLog; message: string; erreur?: string },
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('traitement').select('id').where('id', '=', id).where('statut', 'in', ['en_attente', 'en_cours']).forUpdate();
    if (tentative !== null) q = q.where('tentatives', '=', tentative);
    if (!(await q.executeTakeFirst())) return false;
    if (fin.statut) {
      await trx
        .updateTable('traitement')
        .set({ statut: fin.statut, fin: ctx.clock.now(), erreur: fin.erreur ?? null })
        .where('id', '=', id)
        .execute();
    }
    await trx.insertInto('traitement_log').values({ traitement_id: id, niveau: fin.niveau, message: fin.message, le: ctx.clock.now() }).execute();
    return true;
  });
}

async function executer(ctx: AppContext, id: string, tentativeBoss: number): Promise<void> {
  const row = (await ctx.db
    .selectFrom('traitement')
    .select(['id', 'type', 'academie_code', 'parametres', 'statut', 'tentatives', 'cree_par', 'etablissement_id', 'personne_id', 'visibilite', 'total'])
    .where('id', '=', id)
    .executeTakeFirst()) as LigneTraitement | undefined;
  // Already finished: a duplicate delivery, nothing to do.
  if (!row || row.statut === 'termine' || row.statut === 'erreur') return;
  // Counted in the database rather than by pg-boss: a try that died before starting the handler counts too.
  const tentative = row.tentatives + 1;
  const derniere = tentativeBoss > REPRISES;
  const demarre = await ctx.db
    .updateTable('traitement')
    .set((eb) => ({ statut: 'en_cours', debut: eb.fn.coalesce('debut', eb.val(ctx.clock.now())), tentatives: tentative, serveur: serveur(), erreur: null }))
    .where('id', '=', id)
    .where('tentatives', '=', row.tentatives)
    .where('statut', 'in', ['en_attente', 'en_cours'])
    .executeTakeFirst();
  if (Number(demarre.numUpdatedRows) === 0) return;
  if (tentative > 1) await journaliser(ctx, id, 'avertissement', repriseApresInterruption(tentative));

  let t: ReturnType<typeof contexte> | undefined;
  const debutTentative = performance.now();
  const mesurer = (issue: IssueTraitement) => ctx.metriques?.traitement(row.type, issue, (performance.now() - debutTentative) / 1000);
  try {
    const def = registre(ctx).get(row.type);
    // Another process (a newer version, during a rolling update) may know this type: not final.
    if (!def) throw new Error(`aucun gestionnaire pour le type de traitement « ${row.type} » sur ${SERVER_NAME}`);
    let parametres: unknown = row.parametres;
    if (def.parametres) {
      const res = def.parametres.safeParse(parametres);
      if (!res.success) throw new ErreurTraitement(`Paramètres du traitement incorrects : ${res.error.issues.map((i) => i.message).join(' ; ')}`);
      parametres = res.data;
    }
    t = contexte(ctx, row, parametres, tentative);
    await def.executer(t);
    await t.terminerProgression();
    await conclure(ctx, id, tentative, { statut: 'termine', niveau: 'info', message: "Le traitement s'est bien déroulé." });
    mesurer('termine');
  } catch (err) {
    await t?.terminerProgression().catch(() => {});
    const attendue = estAttendue(err);
    let message: string;
    if (attendue) {
      message = err.message;
    } else {
      const ref = randomBytes(4).toString('hex').toUpperCase();
      // The cause (a driver's or the file system's message, a server path) goes to the log only: the
      // compte rendu users read gives the reference to quote (issue 18 §5).
      ctx.logger.error({ err, traitement: id, type: row.type, tentative, ref }, "Échec d'un traitement");
      message = `Erreur technique (réf. ${ref}), communiquez cette référence au gestionnaire de votre académie si le problème persiste`;
    }
    mesurer(attendue || derniere ? 'erreur' : 'reprise');
    if (attendue || derniere) {
      await conclure(ctx, id, tentative, { statut: 'erreur', niveau: 'erreur', message: `Le traitement a échoué : ${message}`, erreur: message });
      // An expected failure would fail again: it is settled now, not retried.
      if (attendue) return;
    } else {
      await conclure(ctx, id, tentative, { statut: null, niveau: 'avertissement', message: `La tentative ${tentative} a échoué : ${message}. Le traitement sera repris.` });
    }
    throw err;
  }
}

/**
 * The jobs of the treatments, for registry.ts. `definitions` are the types of treatment of the
 * platform; start-up refuses a type declared twice or without a handler.
 */
export function traitementJobs(ctx: AppContext, definitions: DefinitionTraitement[]): JobDef<any>[] {
  for (const def of definitions) registerTraitement(ctx, def);
  const delai = ctx.config.traitementDelaiReprise;
  return [
    // Declared first: pg-boss needs the dead-letter queue before the queue that points at it.
    {
      name: JOB_TRAITEMENT_ABANDON,
      retryLimit: 5,
      retryDelaySeconds: Math.max(delai, 1),
      handler: async ({ id, relance }: { id: string; relance?: number }) => {
        // The notice of a run that was relaunched since: the new run is not this one's to settle.
        if ((relance ?? 0) !== (await relanceCourante(ctx, id))) return;
        const message = "Le traitement a été interrompu (arrêt ou panne du serveur) et n'a pas pu être repris.";
        await conclure(ctx, id, null, { statut: 'erreur', niveau: 'erreur', message, erreur: message });
      },
    } satisfies JobDef<{ id: string; relance?: number }>,
    {
      name: JOB_TRAITEMENT,
      retryLimit: REPRISES,
      retryDelaySeconds: delai,
      retryBackoff: delai > 0,
      deadLetter: JOB_TRAITEMENT_ABANDON,
      concurrency: 2,
      handler: async ({ id }: { id: string }, { tentative }) => executer(ctx, id, tentative),
    } satisfies JobDef<{ id: string }>,
  ];
}
