// Request schema of « Imports de données »: the kind, the file's name and its bytes (base64).
import { z } from 'zod';

/** The file itself, before base64 (the request stays under the 2 Mo the server accepts). */
export const TAILLE_MAX_IMPORT = 1024 * 1024;

export const importBody = z.object({
  genre: z.string({ error: "Type d'import : choisissez le fichier à importer." }).min(1, "Type d'import : choisissez le fichier à importer.").max(50),
  nomFichier: z.string({ error: 'Fichier : le nom du fichier est attendu.' }).min(1, 'Fichier : choisissez un fichier.').max(200, 'Fichier : nom de 200 caractères au plus.'),
  contenu: z
    .string({ error: 'Fichier : le contenu du fichier est attendu.' })
    .max(Math.ceil(TAILLE_MAX_IMPORT / 3) * 4 + 4, 'Fichier : 1 Mo au plus.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Fichier : contenu illisible (base64 attendu).'),
});
