// Request schemas of Valider / Dévalider an état de frais (decision 0031), with French messages.
import { z } from 'zod';

export const etatParams = z.object({
  id: z.coerce.number({ error: "L'identifiant de l'état de frais doit être un nombre." }).int("L'identifiant de l'état de frais doit être un nombre entier.").positive("L'identifiant de l'état de frais doit être un nombre positif."),
});

export const versionBody = z.object({
  version: z
    .number({ error: "La version de l'état de frais (celle que la page a lue) doit être un nombre." })
    .int("La version de l'état de frais doit être un nombre entier.")
    .min(1, "La version de l'état de frais doit être positive."),
});
