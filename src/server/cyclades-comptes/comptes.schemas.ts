// Request schemas of the pupils' CYCLADES accounts (seed 002), with the French message of each field.
import { z } from 'zod';
import { REGROUPEMENTS, type Regroupement } from '../../domain/cyclades/comptes.ts';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

const MESSAGE_REGROUPEMENT = 'Regroupement des comptes : choisissez « Série (libellé) », « Division de classe » ou « Division de classe / Qualification présentée ».';

export const genererBody = z.object({
  regroupement: z.enum(REGROUPEMENTS as [Regroupement, ...Regroupement[]], { error: MESSAGE_REGROUPEMENT }),
  forcer: z.boolean({ error: "« Forcer la création d'un nouveau mot de passe » : oui (true) ou non (false)." }),
});
export type GenererSaisie = z.output<typeof genererBody>;

export const regenererBody = z.object({
  titre: z
    .string({ error: 'Titre édition : saisissez un titre.' })
    .trim()
    .min(1, 'Titre édition : saisissez un titre.')
    .max(200, 'Titre édition : 200 caractères au plus.'),
  supprimerLimitation: z.boolean({ error: '« Supprimer limitation à un élève » : oui (true) ou non (false).' }),
  candidatIds: z
    .array(id("L'identifiant d'un élève"), { error: 'Sélectionnez au moins un élève.' })
    .min(1, 'Sélectionnez au moins un élève.')
    .max(10_000, 'Trop d’élèves à la fois (10 000 au plus).')
    .transform((ids) => [...new Set(ids)]),
});
export type RegenererSaisie = z.output<typeof regenererBody>;

const texte = (libelle: string, max = 100) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .max(max, `${libelle} : ${max} caractères au plus.`)
    .optional()
    .transform((v) => v || undefined);

export const elevesQuery = z.object({
  q: texte('Recherche'),
  division: texte('Division de classe'),
  serie: texte('Série'),
  qualification: texte('Qualification présentée', 200),
  etat: z
    .enum(['en_cours_saisie', 'pre_inscrit', 'inscrit', 'annule', 'refuse'], { error: 'Etat de la candidature : inscrit, pre_inscrit, annule, refuse ou en_cours_saisie.' })
    .optional(),
  compte: z.enum(['avec', 'sans', 'email'], { error: 'Compte : avec, sans ou email.' }).optional(),
});
export type FiltreElevesSaisi = z.output<typeof elevesQuery>;
