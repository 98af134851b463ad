// Request schemas of the portals and of « Applications externes », with the French message of each field.
import { z } from 'zod';
import { APPLICATIONS } from '../../domain/imagin/portails.ts';

export const convocationParams = z.object({
  convocationId: z.coerce
    .number({ error: "L'identifiant de la convocation doit être un nombre." })
    .int("L'identifiant de la convocation doit être un nombre entier.")
    .positive("L'identifiant de la convocation doit être un nombre positif."),
});

export const applicationParams = z.object({
  application: z.enum(APPLICATIONS, { error: `L'application doit être l'une de : ${APPLICATIONS.join(', ')}.` }),
});

export const modificationApplicationBody = z.object({
  url: z.string({ error: "Adresse : l'adresse de l'application est attendue (vide pour la retirer)." }).max(500, 'Adresse : 500 caractères au plus.'),
  version: z.number({ error: 'Version : la version lue est attendue.' }).int('Version : un nombre entier est attendu.').min(0, 'Version : un nombre positif est attendu.'),
});

export const verificationApplicationBody = z.object({
  url: z.string().max(500, 'Adresse : 500 caractères au plus.').optional(),
});

export const demoCibleQuery = z.object({ jeton: z.string().max(8000, 'Jeton trop long.').optional() });
