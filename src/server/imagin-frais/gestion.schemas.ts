// Request schemas of « Traitement des états de frais » (gestionnaire), with the French message of each
// field. The rules (which decision each state allows, the grouping) are in
// src/domain/imagin/frais/gestion.ts; here only the shape of the request.
import { z } from 'zod';
import { STATUTS_GESTION } from './gestion.repo.ts';

const entierPositif = (nom: string) =>
  z.coerce.number({ error: `${nom} : nombre attendu.` }).int(`${nom} : entier attendu.`).positive(`${nom} : entier positif attendu.`);

const jour = (nom: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${nom} : date attendue au format AAAA-MM-JJ.`);
const ouiNon = (nom: string) =>
  z
    .enum(['oui', 'non'], { error: `${nom} : « oui » ou « non » attendu.` })
    .transform((v) => v === 'oui');

/** The filters of the list (query string), also sent in the mass validation's body. */
export const filtresSchema = z.object({
  examen: z.string().trim().max(20, 'Examen : code de 20 caractères au plus.').optional(),
  session: entierPositif('Session').optional(),
  type: z.string().trim().max(20, 'Type de mission : code de 20 caractères au plus.').optional(),
  centre: entierPositif("Centre d'examen").optional(),
  statut: z.enum(STATUTS_GESTION as [string, ...string[]], { error: `Statut : valeur attendue parmi ${STATUTS_GESTION.join(', ')}.` }).optional(),
  du: jour('Date de début').optional(),
  au: jour('Date de fin').optional(),
  pieces: ouiNon('Pièces justificatives').optional(),
  ecart: ouiNon('Écart avec le constat').optional(),
  recherche: z.string().trim().max(100, 'Recherche : 100 caractères au plus.').optional(),
});

export const listeQuery = filtresSchema.extend({
  tri: z.enum(['debut', 'nom', 'mission', 'numeroOrdre', 'statut', 'modifie'], { error: 'Tri : debut, nom, mission, numeroOrdre, statut ou modifie.' }).default('debut'),
  sens: z.enum(['asc', 'desc'], { error: 'Sens du tri : asc ou desc.' }).default('desc'),
  page: entierPositif('Page').default(1),
  parPage: entierPositif('Nombre de lignes par page').max(500, 'Nombre de lignes par page : 500 au plus.').default(200),
});
export type ListeQuery = z.output<typeof listeQuery>;

export const idParams = z.object({ id: entierPositif("Identifiant de l'état de frais") });

const version = z.number({ error: "Version de l'état de frais : nombre attendu (celle que la page a lue)." }).int("Version de l'état de frais : entier attendu.").min(1, "Version de l'état de frais : entier positif attendu.");
const motif = (nom: string) =>
  z
    .string({ error: `${nom} : texte attendu.` })
    .trim()
    .min(3, `${nom} : indiquez le motif (3 caractères au moins).`)
    .max(1000, `${nom} : 1 000 caractères au plus.`);

export const versionBody = z.object({ version });
export const motifBody = z.object({ version, motif: motif('Motif') });

export const correctionBody = z.object({
  version,
  champ: z.enum(['copies', 'candidats', 'heures', 'montantRetenuRemuneration', 'montantRetenuDeplacement'], {
    error: 'Chiffre à corriger : copies, candidats, heures, montantRetenuRemuneration ou montantRetenuDeplacement.',
  }),
  /** Copies or candidates: a count; heures: minutes; montants: centimes. null: cleared (montants only). */
  valeur: z.number({ error: 'Nouvelle valeur : nombre entier positif attendu.' }).int('Nouvelle valeur : nombre entier positif attendu.').min(0, 'Nouvelle valeur : nombre entier positif attendu.').max(100_000_000, 'Nouvelle valeur : trop grande.').nullable(),
  motif: motif('Motif de la correction'),
});
export type DemandeCorrection = z.output<typeof correctionBody>;

export const regroupementBody = z.object({
  etatIds: z.array(z.number().int().positive(), { error: 'États à regrouper : liste des identifiants attendue.' }).min(2, 'États à regrouper : choisissez au moins deux états de frais.').max(50, 'États à regrouper : 50 au plus.'),
  versions: z.array(version, { error: 'Versions des états : liste attendue (celles que la page a lues).' }),
  commentaire: z.string({ error: 'Commentaire : texte attendu.' }).trim().min(3, "Commentaire : indiquez ce que l'intervenant lira (3 caractères au moins).").max(1000, 'Commentaire : 1 000 caractères au plus.'),
});
export type DemandeRegroupement = z.output<typeof regroupementBody>;

export const validationMasseBody = z.object({
  filtres: filtresSchema.default({}),
  titre: z.string().trim().max(200, 'Titre : 200 caractères au plus.').optional(),
});
