// Request schemas of « Imports de données »: issue 15's JSON import (the file in base64, 1 Mo), the
// streamed upload (the raw body; kind and name in the query string, 200 Mo), « Appliquer ».
import { z } from 'zod';
import { MODES_IMPORT } from './imports.traitement.ts';

/** The file itself in issue 15's JSON import, before base64 (the request stays under 2 Mo). */
export const TAILLE_MAX_IMPORT = 1024 * 1024;
/** A streamed file (decision 0034): written to the store as it comes, never held in memory. */
export const TAILLE_MAX_FLUX = 200 * 1024 * 1024;

const genre = z.string({ error: "Type d'import : choisissez le fichier à importer." }).min(1, "Type d'import : choisissez le fichier à importer.").max(50);
const nomFichier = z.string({ error: 'Fichier : le nom du fichier est attendu.' }).min(1, 'Fichier : choisissez un fichier.').max(200, 'Fichier : nom de 200 caractères au plus.');

export const importBody = z.object({
  genre,
  nomFichier,
  contenu: z
    .string({ error: 'Fichier : le contenu du fichier est attendu.' })
    .max(Math.ceil(TAILLE_MAX_IMPORT / 3) * 4 + 4, 'Fichier : 1 Mo au plus.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Fichier : contenu illisible (base64 attendu).'),
});

export const depotImportQuery = z.object({ genre, nom: nomFichier });

export const genreParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,50}$/, "Type d'import : code invalide.") });

export const importParams = z.object({ id: z.string().uuid("Import : identifiant invalide.") });

export const appliquerBody = z.object({
  mode: z.enum(MODES_IMPORT.filter((m) => m !== 'apercu') as ['tout-ou-rien', 'lignes-valides'], {
    error: 'Mode : « tout-ou-rien » ou « lignes-valides » est attendu.',
  }),
});
