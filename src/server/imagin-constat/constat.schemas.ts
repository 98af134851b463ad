// Request schemas of the constat de service fait (003 §4.3), shared with the web pages. Numbers travel
// as typed (strings) and are read by the domain rules, so that « 12a » gets a French message on its
// field rather than a generic type error.
import { z } from 'zod';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

export const missionParams = z.object({ id: id("L'identifiant de la mission") });
export const intervenantParams = z.object({ id: id("L'identifiant de la mission"), cid: id("L'identifiant de l'intervenant convoqué") });

const valeurs = (libelle: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${libelle} : liste de valeurs séparées par des virgules.` })
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

const booleen = (libelle: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${libelle} : oui (true) ou non (false).` })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

export const missionsQuery = z.object({
  annees: valeurs('Année').pipe(
    z.array(z.string().regex(/^\d{4}$/, 'Année : un nombre à quatre chiffres est attendu (par exemple 2026).').transform(Number)).max(10, 'Année : 10 valeurs au plus.').optional(),
  ),
  masquerNonEffectuees: booleen('Masquer les missions non effectuées'),
  masquerConstatees: booleen('Masquer les missions déjà constatées'),
  /** Gestionnaire only: one centre, some exams. */
  centre: z.coerce.number({ error: 'Centre : identifiant attendu.' }).int('Centre : identifiant attendu.').positive('Centre : identifiant attendu.').optional(),
  examens: valeurs('Examen').pipe(z.array(z.string().max(10, 'Examen : code trop long.')).max(50, 'Examen : 50 valeurs au plus.').optional()),
});
export type FiltreConstat = z.output<typeof missionsQuery>;

const nombreSaisi = z.union([z.string().max(20, 'Valeur trop longue.'), z.number(), z.null()], { error: 'Nombre attendu.' }).optional().transform((v) => v ?? null);

export const ligneConstat = z.object({
  convocationId: id("L'identifiant de l'intervenant convoqué"),
  /** The csf_version the page showed: a stale one gets 409. */
  version: z.number({ error: 'Version : nombre attendu.' }).int().min(0),
  serviceFait: z.enum(['fait', 'non_fait'], { error: 'Service fait : « fait », « non_fait » ou rien.' }).nullable().optional().transform((v) => v ?? null),
  motif: z.string({ error: 'Motif service non fait : texte attendu.' }).max(2000, 'Motif service non fait : 500 caractères au plus.').optional().transform((v) => (v ?? '').trim()),
  nbCopies: nombreSaisi,
  nbCandidats: nombreSaisi,
  heures: nombreSaisi,
});

export const enregistrementBody = z.object({
  lignes: z.array(ligneConstat, { error: 'Lignes : la liste des intervenants modifiés est attendue.' }).min(1, 'Aucune ligne modifiée à enregistrer.').max(2000, '2 000 lignes au plus à la fois.'),
});
export type EnregistrementConstat = z.output<typeof enregistrementBody>;

const heureOuRien = z.union([z.string().max(10), z.null()]).optional().transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

export const horairesBody = z.object({
  version: z.number({ error: 'Version : nombre attendu.' }).int().min(0),
  horaires: z
    .array(
      z.object({
        jour: z.string({ error: 'Date : obligatoire (AAAA-MM-JJ).' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Date : format AAAA-MM-JJ attendu.'),
        debutMatin: heureOuRien,
        finMatin: heureOuRien,
        debutApresMidi: heureOuRien,
        finApresMidi: heureOuRien,
      }),
    )
    .max(60, '60 dates au plus.'),
  /** « Service Fait » / « Service Non Fait » of the details screen; absent: hours only (mission commencée). */
  serviceFait: z.enum(['fait', 'non_fait']).nullable().optional(),
  motif: z.string().max(2000, 'Motif service non fait : 500 caractères au plus.').optional().transform((v) => (v ?? '').trim()),
});
export type HorairesSaisis = z.output<typeof horairesBody>;
