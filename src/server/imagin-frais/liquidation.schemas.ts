// Request schemas of « Liquidation des frais » (gestionnaire, issue 16 §8).
import { z } from 'zod';

/** The payment return file itself, before base64 (the request stays under the 2 Mo the server accepts). */
export const TAILLE_MAX_RETOUR = 1024 * 1024;

export const filtresQuery = z.object({
  examenCode: z.string().trim().max(10, 'Examen : code de 10 caractères au plus.').optional(),
  sessionId: z.coerce.number({ error: 'Session : identifiant numérique attendu.' }).int('Session : identifiant numérique attendu.').positive('Session : identifiant numérique attendu.').optional(),
});

export const lancerBody = z.object({
  examenCode: z.string().trim().max(10, 'Examen : code de 10 caractères au plus.').optional(),
  sessionId: z.number({ error: 'Session : identifiant numérique attendu.' }).int('Session : identifiant numérique attendu.').positive('Session : identifiant numérique attendu.').optional(),
  /** The number of frais the gestionnaire saw ready (the confirmation names it); informative. */
  vus: z.number().int().nonnegative().optional(),
});

export const lotParams = z.object({
  lotId: z.coerce.number({ error: 'Lot : identifiant numérique attendu.' }).int('Lot : identifiant numérique attendu.').positive('Lot : identifiant numérique attendu.'),
});

export const retourBody = z.object({
  nomFichier: z.string({ error: 'Fichier : le nom du fichier est attendu.' }).min(1, 'Fichier : choisissez un fichier.').max(200, 'Fichier : nom de 200 caractères au plus.'),
  contenu: z
    .string({ error: 'Fichier : le contenu du fichier est attendu.' })
    .min(1, 'Fichier : le fichier est vide.')
    .max(Math.ceil(TAILLE_MAX_RETOUR / 3) * 4 + 4, 'Fichier : 1 Mo au plus.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Fichier : contenu illisible (base64 attendu).'),
});
