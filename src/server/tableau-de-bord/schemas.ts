// Request schemas of the « Tableau de bord » (issue 17): the session chosen and the panel exported.
import { z } from 'zod';

export const PANNEAUX = ['convocations', 'csf', 'frais', 'jurys'] as const;
export type Panneau = (typeof PANNEAUX)[number];

const sid = z.coerce
  .number({ error: "Session d'examen : identifiant numérique attendu." })
  .int("Session d'examen : identifiant entier attendu.")
  .positive("Session d'examen : identifiant positif attendu.");

export const sessionParams = z.object({ sid });

export const exportParams = z.object({
  sid,
  panneau: z.enum(PANNEAUX, { error: `Tableau à exporter : ${PANNEAUX.join(', ')} attendu.` }),
});
