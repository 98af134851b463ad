// Request schemas of the Enquête DCS (seed 004 §2.9), intervenant and gestionnaire sides, with the
// French message of each field. The rules of each step's answer are in src/domain/imagin/enquete-dcs.ts
// (controlerEtape), which the form applies too: here, only the shape of the request.
import { z } from 'zod';
import { ETAPES } from '../../domain/imagin/enquete-dcs.ts';

const version = z
  .number({ error: 'La version de vos réponses (celle que la page a lue) doit être un nombre.' })
  .int('La version de vos réponses doit être un nombre entier.')
  .min(0, 'La version de vos réponses doit être positive.');

export const etapeParams = z.object({
  etape: z.enum(ETAPES, { error: `Étape inconnue : les étapes sont ${ETAPES.join(', ')}.` }),
});

export const etapeBody = z.object({
  version,
  reponse: z.record(z.string(), z.unknown(), { error: "Les réponses de l'étape doivent être un objet (champ → valeur)." }),
});
export type DemandeEtape = z.infer<typeof etapeBody>;

export const validationBody = z.object({ version });

const annee = z
  .number({ error: "L'année de la campagne doit être un nombre (par exemple 2027)." })
  .int("L'année de la campagne doit être un nombre entier.")
  .min(2000, "L'année de la campagne doit être comprise entre 2000 et 2100.")
  .max(2100, "L'année de la campagne doit être comprise entre 2000 et 2100.");

export const ouvertureBody = z.object({
  ouverte: z.boolean({ error: "Indiquez s'il faut ouvrir (true) ou fermer (false) l'enquête." }),
  /** The state the page showed: if it changed since, 409. */
  ouverteVue: z.boolean({ error: "Indiquez l'état de l'enquête que la page affichait (ouverteVue)." }),
  /** The campaign to open; the current one (or that of the coming session) if absent. */
  annee: annee.optional(),
});
export type DemandeOuverture = z.infer<typeof ouvertureBody>;

export const personneParams = z.object({
  personneId: z.coerce.number({ error: "L'identifiant de la personne doit être un nombre." }).int("L'identifiant de la personne doit être un nombre entier.").positive("L'identifiant de la personne doit être un nombre positif."),
});

export const campagneQuery = z.object({
  annee: z.coerce.number({ error: "L'année de la campagne doit être un nombre (par exemple 2027)." }).int("L'année de la campagne doit être un nombre entier.").min(2000, "L'année de la campagne doit être comprise entre 2000 et 2100.").max(2100, "L'année de la campagne doit être comprise entre 2000 et 2100.").optional(),
});
