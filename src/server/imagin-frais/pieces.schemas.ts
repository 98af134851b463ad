// Request schemas of the pièces justificatives (decision 0030): the état and the receipt in the path, the
// group and the file's name in the query string (the body is the file itself, streamed). The file's
// rules (name, format read from the content, size, count) are in src/domain/imagin/frais/pieces.ts.
import { z } from 'zod';

export const etatParams = z.object({
  id: z.coerce.number({ error: "L'identifiant de l'état de frais doit être un nombre." }).int("L'identifiant de l'état de frais doit être un nombre entier.").positive("L'identifiant de l'état de frais doit être un nombre positif."),
});

export const pieceParams = etatParams.extend({
  pieceId: z.uuid({ error: "L'identifiant de la pièce justificative est incorrect." }),
});

export const depotQuery = z.object({
  groupe: z.enum(['paie', 'deplacement'], { error: 'Groupe : « paie » (dossier paie) ou « deplacement » (déplacement) est attendu.' }),
  nom: z.string({ error: 'Fichier : le nom du fichier est obligatoire.' }).min(1, 'Fichier : le nom du fichier est obligatoire.').max(255, 'Fichier : le nom du fichier est trop long.'),
});
