// « Imports de données » (gestionnaire, issue 15): the kinds of import offered, the last imports of
// the académie, and the import itself: the header is checked at once (a wrong file is refused on the
// spot, naming the missing columns), the file is kept as a document and a treatment checks and applies
// its lines (imports.traitement.ts). Also used by the command line (scripts/import.ts).
import { audit, type AuditContext } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { enregistrerDocument, lancerTraitement } from '../platform/traitements/traitements.ts';
import { decoderFichier, lireCsv } from './fichier-csv.ts';
import { GENRES_IMPORT, genreImport } from './genres.ts';
import * as repo from './imports.repo.ts';
import { TAILLE_MAX_IMPORT } from './imports.schemas.ts';
import { TRAITEMENT_IMPORT } from './imports.traitement.ts';

export const BASE_IMPORTS = '/api/gestion/imports';

function academieGeree(actor: Actor): string {
  if (actor.role !== 'gestionnaire') throw introuvable();
  return actor.academieCode;
}

export async function ecranImports(ctx: AppContext, actor: Actor) {
  const academieCode = academieGeree(actor);
  const derniers = await repo.derniersImports(ctx.db, academieCode, TRAITEMENT_IMPORT, 20);
  return {
    genres: GENRES_IMPORT.map((g) => ({ code: g.code, libelle: g.libelle, description: g.description, documentation: g.documentation, colonnes: g.colonnes })),
    derniers: derniers.map((t) => ({
      id: t.id,
      titre: t.titre,
      statut: t.statut,
      genre: String((t.parametres as { genre?: string } | null)?.genre ?? ''),
      creeLe: t.cree_le,
      fin: t.fin,
      par: t.par,
    })),
  };
}

export interface DemandeImport {
  academieCode: string;
  genre: string;
  nomFichier: string;
  octets: Buffer;
  compteId: number | null;
}

/** Checks the file's header, keeps the file, launches the treatment; returns its id. */
export async function importerFichier(ctx: AppContext, d: DemandeImport, auditCtx: AuditContext): Promise<{ traitementId: string }> {
  const genre = genreImport(d.genre);
  if (!genre) throw champInvalide('genre', `Type d'import : « ${d.genre} » n'existe pas (${GENRES_IMPORT.map((g) => g.code).join(', ')}).`);
  if (d.octets.length === 0) throw champInvalide('fichier', 'Fichier : le fichier est vide.');
  if (d.octets.length > TAILLE_MAX_IMPORT) throw champInvalide('fichier', 'Fichier : 1 Mo au plus ; découpez-le en plusieurs fichiers.');
  const lu = lireCsv(decoderFichier(d.octets).texte, genre.colonnes.filter((c) => c.obligatoire).map((c) => c.nom), genre.colonnes.filter((c) => !c.obligatoire).map((c) => c.nom));
  if ('entete' in lu) throw champInvalide('fichier', `Fichier : ${lu.entete}`);
  const nomFichier = d.nomFichier.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 150) || 'fichier.csv';
  const doc = await enregistrerDocument(ctx, {
    nom: `Fichier importé - ${nomFichier}`,
    typeMime: 'text/csv',
    body: d.octets,
    academieCode: d.academieCode,
    compteId: d.compteId,
    visibilite: 'academie',
  });
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_IMPORT,
      titre: `${genre.libelle} : ${nomFichier}`,
      parametres: { genre: genre.code, documentId: doc.id, fichier: nomFichier, academieCode: d.academieCode },
      academieCode: d.academieCode,
      creePar: d.compteId,
      visibilite: 'academie',
    });
    await audit(trx, auditCtx, { action: 'import.lancement', entite: 'traitement', entiteId: id, apres: { genre: genre.code, fichier: nomFichier, taille: d.octets.length } });
    return { traitementId: id };
  });
}

export async function importer(ctx: AppContext, actor: Actor, b: { genre: string; nomFichier: string; contenu: string }, trace: { ip?: string; requestId?: string }) {
  const academieCode = academieGeree(actor);
  return importerFichier(
    ctx,
    { academieCode, genre: b.genre, nomFichier: b.nomFichier, octets: Buffer.from(b.contenu, 'base64'), compteId: actor.compteId },
    { academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null },
  );
}
