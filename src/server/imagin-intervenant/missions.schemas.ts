// Request schemas of the intervenant's « Consultation missions » (seed 004 §2.3), with French messages.
import { z } from 'zod';

export const convocationParams = z.object({
  convocationId: z.coerce
    .number({ error: "L'identifiant de la convocation doit être un nombre." })
    .int("L'identifiant de la convocation doit être un nombre entier.")
    .positive("L'identifiant de la convocation doit être un nombre positif."),
});

/** `academie`: one tab only (the code of an académie that convoked the person, e.g. 17 or SIEC). */
export const missionsQuery = z.object({
  academie: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, "Le code de l'académie ne contient que des chiffres et des lettres (10 au plus, par exemple 17 ou SIEC).")
    .transform((s) => s.toUpperCase())
    .optional(),
});
