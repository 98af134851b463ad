// Request schemas of the compte rendu and download routes.
import { z } from 'zod';

export const traitementParams = z.object({ id: z.uuid({ error: "L'identifiant du traitement est incorrect." }) });

export const documentParams = z.object({ id: z.uuid({ error: "L'identifiant du document est incorrect." }) });

export const listeTraitementsQuery = z.object({
  type: z
    .string()
    .max(80, 'Le type de traitement est trop long (80 caractères au plus).')
    .regex(/^[a-z0-9.-]+$/, 'Le type de traitement est incorrect.')
    .optional(),
  limite: z.coerce
    .number({ error: 'La limite doit être un nombre.' })
    .int('La limite doit être un nombre entier.')
    .min(1, 'La limite doit être au moins 1.')
    .max(1000, 'La limite ne peut dépasser 1 000.')
    .default(200),
});
