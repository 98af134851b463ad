// Request schemas of the indemnités des chefs de centre (003 §4.5), shared with the web pages.
// Numbers travel as typed (« 6,5 », « 69,74 ») and are read by the domain rules (French messages).
import { z } from 'zod';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

const periode = z.enum(['normale', 'remplacement'], { error: 'Période : « normale » ou « remplacement ».' });

export const sessionParams = z.object({ sid: id("L'identifiant de la session"), periode });
export const sessionCentreParams = z.object({ sid: id("L'identifiant de la session"), eid: id("L'identifiant du centre"), periode });
export const ligneParams = z.object({ lid: id("L'identifiant de la ligne") });

const valeurs = (libelle: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${libelle} : liste de valeurs séparées par des virgules.` })
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

export const sessionsQuery = z.object({
  annees: valeurs('Année').pipe(z.array(z.string().regex(/^\d{4}$/, 'Année : un nombre à quatre chiffres est attendu (par exemple 2026).').transform(Number)).max(10, 'Année : 10 valeurs au plus.').optional()),
  examens: valeurs('Examen').pipe(z.array(z.string().max(10, 'Examen : code trop long.')).max(20, 'Examen : 20 valeurs au plus.').optional()),
  centre: z.coerce.number({ error: 'Centre : identifiant attendu.' }).int().positive().optional(),
});
export type FiltreIcc = z.output<typeof sessionsQuery>;

export const rechercheQuery = z.object({ q: z.string().trim().max(100, 'La saisie est trop longue (100 caractères au plus).').default('') });

const saisie = z.union([z.string().max(20, 'Valeur trop longue.'), z.number(), z.null()], { error: 'Nombre attendu.' }).optional().transform((v) => v ?? null);

export const declarationBody = z.object({
  /** The version the page showed; null when it showed no declaration yet. */
  version: z.number({ error: 'Version : nombre ou null attendu.' }).int().min(0).nullable(),
  dateDebut: z.string({ error: 'Début des épreuves : date attendue (JJ/MM/AAAA).' }).max(20).nullable().optional().transform((v) => v ?? null),
  journees: z.tuple([saisie, saisie, saisie], { error: 'Nombre de journées : trois valeurs attendues.' }),
  lignes: z
    .array(z.object({ personneId: id("L'identifiant de l'intervenant"), pourcentage: saisie, montant: saisie }), { error: 'Liste des intervenants attendue.' })
    .max(200, '200 intervenants au plus.'),
});
export type DeclarationSaisie = z.output<typeof declarationBody>;

export const versionBody = z.object({ version: z.number({ error: 'Version : nombre attendu.' }).int().min(0) });
export const versionQuery = z.object({ version: z.coerce.number({ error: 'Version : nombre attendu.' }).int().min(0) });

export const decisionBody = z.object({
  version: z.number({ error: 'Version : nombre attendu.' }).int().min(0),
  decision: z.enum(['valide', 'rejete', 'a_traiter'], { error: 'Décision : « valide », « rejete » ou « a_traiter ».' }),
  motif: z.string().max(500, 'Motif du rejet : 500 caractères au plus.').optional().transform((v) => (v ?? '').trim()),
});
export type DecisionSaisie = z.output<typeof decisionBody>;
