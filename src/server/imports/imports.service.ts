// « Imports de données » (gestionnaire, issue 15, issue 17; decision 0034): the kinds of import
// offered, the last imports of the académie, and an import in two treatments on the same stored file:
// 1. the file arrives as a stream (the request's raw body, or a file read from disk by the command
//    line), is written to the document store as it comes (200 Mo at most), its header checked at once
//    (a wrong file is refused on the spot, naming the missing columns), then an « Aperçu » treatment
//    counts what would change (imports.traitement.ts: a transaction rolled back);
// 2. « Appliquer » (« tout ou rien » or « lignes valides seulement ») launches the second treatment.
// One import treatment at a time per académie (409 naming the one running). Also used by the command
// line (scripts/import.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { audit, type AuditContext } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, champInvalide, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { enregistrerDocument, lancerTraitement } from '../platform/traitements/traitements.ts';
import { examinerFlux, FichierIllisible, lireCsvFlux } from './fichier-csv.ts';
import { GENRES_IMPORT, genreImport } from './genres.ts';
import * as repo from './imports.repo.ts';
import { TAILLE_MAX_FLUX } from './imports.schemas.ts';
import { CLE_RESULTAT, parametresImport, TRAITEMENT_IMPORT, type ModeImport, type ResultatImport } from './imports.traitement.ts';

export const BASE_IMPORTS = '/api/gestion/imports';

function academieGeree(actor: Actor): string {
  if (actor.role !== 'gestionnaire') throw introuvable();
  return actor.academieCode;
}

const contexteAudit = (actor: Actor, academieCode: string, trace: { ip?: string; requestId?: string }): AuditContext => ({
  academieCode,
  compteId: actor.compteId,
  acteur: actor.login,
  ip: trace.ip ?? null,
  requestId: trace.requestId ?? null,
});

const mo = (n: number) => `${Math.round(n / (1024 * 1024))} Mo`;

/** docs/imports/ of the repository: each kind's documentation page and sample file. */
const DOSSIER_DOCS = new URL('../../../docs/imports/', import.meta.url);

/** The documentation page (Markdown, read as text) or the sample file of a kind. */
export async function fichierDuGenre(actor: Actor, code: string, quoi: 'documentation' | 'exemple'): Promise<{ nom: string; typeMime: string; contenu: Buffer }> {
  academieGeree(actor);
  const g = genreImport(code);
  if (!g) throw introuvable("Ce type d'import n'existe pas.");
  const relatif = quoi === 'documentation' ? g.documentation.replace(/^docs\/imports\//, '') : `exemples/${g.code}.csv`;
  if (relatif.includes('..')) throw introuvable();
  try {
    const contenu = await readFile(new URL(relatif, DOSSIER_DOCS));
    return quoi === 'documentation'
      ? { nom: `${g.code}.md`, typeMime: 'text/plain; charset=utf-8', contenu }
      : { nom: `exemple-${g.code}.csv`, typeMime: 'text/csv; charset=utf-8', contenu };
  } catch {
    throw introuvable(quoi === 'documentation' ? "La documentation de ce type d'import n'est pas disponible." : "Ce type d'import n'a pas de fichier d'exemple.");
  }
}

export async function ecranImports(ctx: AppContext, actor: Actor) {
  const academieCode = academieGeree(actor);
  const derniers = await repo.derniersImports(ctx.db, academieCode, TRAITEMENT_IMPORT, 30);
  return {
    tailleMax: TAILLE_MAX_FLUX,
    genres: GENRES_IMPORT.map((g) => ({
      code: g.code,
      libelle: g.libelle,
      description: g.description,
      documentation: g.documentation,
      exemple: existsSync(new URL(`exemples/${g.code}.csv`, DOSSIER_DOCS)),
      complet: g.complet === true,
      colonnes: g.colonnes,
    })),
    derniers: derniers.map((t) => {
      const pa = (t.parametres ?? {}) as { genre?: string; mode?: string; fichier?: string };
      return {
        id: t.id,
        titre: t.titre,
        statut: t.statut,
        genre: String(pa.genre ?? ''),
        mode: String(pa.mode ?? 'lignes-valides'),
        fichier: String(pa.fichier ?? ''),
        creeLe: t.cree_le,
        fin: t.fin,
        par: t.par,
      };
    }),
  };
}

/** The import treatment of the académie that is waiting or running, if any: the 409 names it. */
async function exigerAucunImportEnCours(trx: Parameters<typeof repo.importEnCours>[0], academieCode: string) {
  // One at a time, even for two requests at the same instant: they queue on this lock.
  await sql`select pg_advisory_xact_lock(hashtext(${`imports:${academieCode}`}))`.execute(trx);
  const enCours = await repo.importEnCours(trx, academieCode, TRAITEMENT_IMPORT);
  if (enCours) {
    const heure = new Date(enCours.cree_le).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
    throw conflit(`Un import est déjà en cours dans votre académie : « ${enCours.titre} », lancé à ${heure}${enCours.par ? ` par ${enCours.par}` : ''}. Attendez qu'il se termine (un import à la fois).`);
  }
}

export interface DemandeImportFlux {
  academieCode: string;
  genre: string;
  nomFichier: string;
  flux: AsyncIterable<Uint8Array>;
  /** The Content-Length announced, to refuse a file too large before reading it. */
  tailleAnnoncee?: number;
  compteId: number | null;
}

class TropVolumineux extends Error {}

const nomPropre = (nom: string) => nom.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 150) || 'fichier.csv';

/**
 * Stores the streamed file (200 Mo at most, counted as it comes), checks its header from the store,
 * and launches its treatment: the preview (« apercu ») by default. Returns the treatment's id.
 */
export async function importerFlux(ctx: AppContext, d: DemandeImportFlux, mode: ModeImport, auditCtx: AuditContext): Promise<{ traitementId: string; documentId: string }> {
  const genre = genreImport(d.genre);
  if (!genre) throw champInvalide('genre', `Type d'import : « ${d.genre} » n'existe pas (${GENRES_IMPORT.map((g) => g.code).join(', ')}).`);
  const tropGros = () => new AppError('TROP_VOLUMINEUX', `Fichier : ${mo(TAILLE_MAX_FLUX)} au plus ; découpez-le en plusieurs fichiers.`, { fichier: `Fichier : ${mo(TAILLE_MAX_FLUX)} au plus ; découpez-le en plusieurs fichiers.` });
  if (d.tailleAnnoncee !== undefined && d.tailleAnnoncee > TAILLE_MAX_FLUX) throw tropGros();
  // Refused before reading the file when another import runs (checked again at launch, under the lock).
  const enCours = await repo.importEnCours(ctx.db, d.academieCode, TRAITEMENT_IMPORT);
  if (enCours) await ctx.db.transaction().execute((trx) => exigerAucunImportEnCours(trx, d.academieCode));
  const nomFichier = nomPropre(d.nomFichier);
  let taille = 0;
  async function* mesure(): AsyncGenerator<Buffer> {
    for await (const m of d.flux) {
      const b = Buffer.isBuffer(m) ? m : Buffer.from(m);
      taille += b.length;
      if (taille > TAILLE_MAX_FLUX) throw new TropVolumineux();
      yield b;
    }
  }
  let doc;
  try {
    doc = await enregistrerDocument(ctx, { nom: `Fichier importé - ${nomFichier}`, typeMime: 'text/csv', body: Readable.from(mesure()), academieCode: d.academieCode, compteId: d.compteId, visibilite: 'academie' });
  } catch (err) {
    if (err instanceof TropVolumineux || (err as { cause?: unknown })?.cause instanceof TropVolumineux) throw tropGros();
    throw err;
  }
  const oublier = async () => {
    const d = await ctx.db.deleteFrom('document').where('id', '=', doc.id).returning('cle_stockage').executeTakeFirst();
    if (d) await ctx.store.delete(d.cle_stockage).catch(() => {});
  };
  try {
    if (doc.taille === 0) throw champInvalide('fichier', 'Fichier : le fichier est vide.');
    const cle = (await ctx.db.selectFrom('document').select('cle_stockage').where('id', '=', doc.id).executeTakeFirstOrThrow()).cle_stockage;
    const { encodage } = await examinerFlux(await ctx.store.get(cle));
    const lu = await lireCsvFlux(
      await ctx.store.get(cle),
      encodage,
      genre.colonnes.filter((c) => c.obligatoire).map((c) => c.nom),
      genre.colonnes.filter((c) => !c.obligatoire).map((c) => c.nom),
    ).catch((err) => {
      if (err instanceof FichierIllisible) return { entete: err.message };
      throw err;
    });
    if ('entete' in lu) throw champInvalide('fichier', `Fichier : ${lu.entete}`);
    await lu.lignes.return(undefined);
  } catch (err) {
    await oublier();
    throw err;
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await exigerAucunImportEnCours(trx, d.academieCode);
      const { id } = await lancerTraitement(ctx, trx, {
        type: TRAITEMENT_IMPORT,
        titre: `${mode === 'apercu' ? 'Aperçu' : 'Import'} — ${genre.libelle} : ${nomFichier}`,
        parametres: { genre: genre.code, documentId: doc.id, fichier: nomFichier, academieCode: d.academieCode, mode },
        academieCode: d.academieCode,
        creePar: d.compteId,
        visibilite: 'academie',
      });
      await audit(trx, auditCtx, { action: mode === 'apercu' ? 'import.apercu' : 'import.lancement', entite: 'traitement', entiteId: id, apres: { genre: genre.code, fichier: nomFichier, taille, mode } });
      return { traitementId: id, documentId: doc.id };
    });
  } catch (err) {
    await oublier();
    throw err;
  }
}

export interface DemandeImport {
  academieCode: string;
  genre: string;
  nomFichier: string;
  octets: Buffer;
  compteId: number | null;
}

/** Issue 15's import of a file in memory (JSON, base64): the valid lines applied at once. */
export async function importerFichier(ctx: AppContext, d: DemandeImport, auditCtx: AuditContext): Promise<{ traitementId: string }> {
  if (d.octets.length === 0) throw champInvalide('fichier', 'Fichier : le fichier est vide.');
  const { traitementId } = await importerFlux(ctx, { ...d, flux: [d.octets] as unknown as AsyncIterable<Uint8Array>, tailleAnnoncee: d.octets.length }, 'lignes-valides', auditCtx);
  return { traitementId };
}

export async function importer(ctx: AppContext, actor: Actor, b: { genre: string; nomFichier: string; contenu: string }, trace: { ip?: string; requestId?: string }) {
  const academieCode = academieGeree(actor);
  return importerFichier(ctx, { academieCode, genre: b.genre, nomFichier: b.nomFichier, octets: Buffer.from(b.contenu, 'base64'), compteId: actor.compteId }, contexteAudit(actor, academieCode, trace));
}

/** The raw body of the screen's upload → the preview treatment. */
export async function deposerImport(ctx: AppContext, actor: Actor, q: { genre: string; nom: string }, flux: Readable, tailleAnnoncee: number | undefined, trace: { ip?: string; requestId?: string }) {
  const academieCode = academieGeree(actor);
  return importerFlux(ctx, { academieCode, genre: q.genre, nomFichier: q.nom, flux, tailleAnnoncee, compteId: actor.compteId }, 'apercu', contexteAudit(actor, academieCode, trace));
}

/** The import treatment of the académie, or 404 (another académie's, another type). */
async function traitementImport(ctx: AppContext, academieCode: string, id: string) {
  const t = await ctx.db
    .selectFrom('traitement as t')
    .leftJoin('compte as c', 'c.id', 't.cree_par')
    .select(['t.id', 't.titre', 't.statut', 't.parametres', 't.progression', 't.total', 't.erreur', 't.cree_le', 't.fin', 'c.login as par'])
    .where('t.id', '=', id)
    .where('t.academie_code', '=', academieCode)
    .where('t.type', '=', TRAITEMENT_IMPORT)
    .executeTakeFirst();
  if (!t) throw introuvable("Cet import n'existe pas ou n'est pas de votre académie.");
  return { ...t, p: parametresImport.parse(t.parametres) };
}

/** « Appliquer » after a finished preview: the second treatment on the same stored file. */
export async function appliquerImportAcademie(ctx: AppContext, academieCode: string, compteId: number | null, apercuId: string, mode: Exclude<ModeImport, 'apercu'>, auditCtx: AuditContext): Promise<{ traitementId: string }> {
  const a = await traitementImport(ctx, academieCode, apercuId);
  if (a.p.mode !== 'apercu') throw champInvalide('apercuId', "Seul un aperçu s'applique : cet import a déjà été appliqué.");
  if (a.statut !== 'termine') throw conflit(a.statut === 'erreur' ? "L'aperçu a échoué : importez de nouveau le fichier." : "L'aperçu n'est pas terminé : attendez son compte rendu avant d'appliquer.");
  const genre = genreImport(a.p.genre)!;
  return ctx.db.transaction().execute(async (trx) => {
    await exigerAucunImportEnCours(trx, academieCode);
    const { id, existant } = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_IMPORT,
      titre: `Import (${mode === 'tout-ou-rien' ? 'tout ou rien' : 'lignes valides seulement'}) — ${genre.libelle} : ${a.p.fichier}`,
      parametres: { ...a.p, mode, apercuId },
      academieCode,
      creePar: compteId,
      visibilite: 'academie',
      cleIdempotence: `import:${apercuId}:${mode}`,
    });
    if (!existant) await audit(trx, auditCtx, { action: 'import.lancement', entite: 'traitement', entiteId: id, apres: { genre: genre.code, fichier: a.p.fichier, mode, apercuId } });
    return { traitementId: id };
  });
}

export async function appliquerImport(ctx: AppContext, actor: Actor, apercuId: string, mode: Exclude<ModeImport, 'apercu'>, trace: { ip?: string; requestId?: string }) {
  const academieCode = academieGeree(actor);
  return appliquerImportAcademie(ctx, academieCode, actor.compteId, apercuId, mode, contexteAudit(actor, academieCode, trace));
}

/** An import as the screen follows it: status, progression, and once finished its result. */
export async function suiviImportAcademie(ctx: AppContext, academieCode: string, id: string) {
  const t = await traitementImport(ctx, academieCode, id);
  const etape = await ctx.db.selectFrom('traitement_etape').select('resultat').where('traitement_id', '=', id).where('cle', '=', CLE_RESULTAT).executeTakeFirst();
  const documents = await ctx.db.selectFrom('document').select(['id', 'nom']).where('traitement_id', '=', id).orderBy('nom').execute();
  const application = t.p.mode === 'apercu' ? await ctx.db.selectFrom('traitement').select(['id', 'statut']).where('academie_code', '=', academieCode).where('type', '=', TRAITEMENT_IMPORT).where(sql<boolean>`parametres->>'apercuId' = ${id}`).orderBy('cree_le', 'desc').execute() : [];
  return {
    id: t.id,
    titre: t.titre,
    statut: t.statut,
    genre: t.p.genre,
    mode: t.p.mode,
    fichier: t.p.fichier,
    apercuId: t.p.apercuId ?? null,
    progression: t.progression,
    total: t.total,
    erreur: t.erreur,
    creeLe: t.cree_le,
    fin: t.fin,
    par: t.par,
    resultat: (etape?.resultat ?? null) as ResultatImport | null,
    documents: documents.map((d) => ({ id: d.id, nom: d.nom })),
    applications: application.map((x) => ({ id: x.id, statut: x.statut })),
  };
}

export async function suiviImport(ctx: AppContext, actor: Actor, id: string) {
  return suiviImportAcademie(ctx, academieGeree(actor), id);
}
