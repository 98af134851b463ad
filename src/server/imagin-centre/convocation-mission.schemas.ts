// Request schemas of "Convocation par mission" (003 §4.2), with the French message of each field,
// shared with the web form. Dates travel as ISO AAAA-MM-JJ (JJ/MM/AAAA is accepted too), hours HH:MM.
import { z } from 'zod';
import { lireDate, lireHeure } from '../../domain/imagin/dates.ts';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

const idOuNul = (libelle: string) =>
  z
    .union([z.null(), id(libelle)], { error: `${libelle} doit être un nombre ou rien.` })
    .optional()
    .transform((v) => v ?? null);

export const missionParams = z.object({ id: id("L'identifiant de la mission") });
export const convocationParams = z.object({ cid: id("L'identifiant de la convocation") });

/** "2026,2027" or repeated values: a list of values. */
const valeurs = (libelle: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${libelle} : liste de valeurs séparées par des virgules.` })
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

export const missionsQuery = z.object({
  annees: valeurs('Année').pipe(
    z
      .array(z.string().regex(/^\d{4}$/, 'Année : un nombre à quatre chiffres est attendu (par exemple 2026).').transform(Number).pipe(z.number().int('Année : un nombre entier est attendu.').min(1990, 'Année : entre 1990 et 2100.').max(2100, 'Année : entre 1990 et 2100.')))
      .max(50, 'Année : 50 valeurs au plus.')
      .optional(),
  ),
  examens: valeurs('Examen').pipe(z.array(z.string().max(10, 'Examen : code trop long.')).max(50, 'Examen : 50 valeurs au plus.').optional()),
});
export type FiltreMissions = z.output<typeof missionsQuery>;

export const enseignantsQuery = z.object({
  discipline: z.string({ error: 'Discipline : saisissez une discipline.' }).trim().min(1, 'Discipline : saisissez une discipline.').max(100, 'Discipline : 100 caractères au plus.'),
});

export const rechercheQuery = z.object({
  q: z.string().trim().max(100, 'La saisie est trop longue (100 caractères au plus).').default(''),
});

const jour = z.string({ error: 'Date : obligatoire (format JJ/MM/AAAA).' }).transform((s, ctx) => {
  const r = lireDate(s, 'La date');
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `Date : ${r.message}` });
    return z.NEVER;
  }
  return r.valeur;
});

const heure = (champ: string) =>
  z.string({ error: `${champ} : obligatoire (format HH:MM).` }).transform((s, ctx) => {
    const r = lireHeure(s, champ);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.valeur;
  });

export const creneauSaisi = z.object({
  jour,
  heureDebut: heure("L'heure de début"),
  heureFin: heure("L'heure de fin"),
});

/** "Détail de l'affectation": what a convocation holds, for one or several intervenants. */
export const affectationBody = z.object({
  qualiteId: idOuNul('La qualité'),
  commissionId: idOuNul('La commission'),
  juryId: idOuNul('Le jury'),
  salleId: idOuNul('La salle'),
  codeSalle: z
    .string({ error: 'Code salle : texte attendu.' })
    .trim()
    .max(20, 'Code salle : 20 caractères au plus.')
    .optional()
    .transform((v) => v ?? ''),
  dates: z.array(creneauSaisi, { error: "Dates de l'affectation : sélectionnez au moins une date dans le calendrier." }).max(60, "Dates de l'affectation : 60 dates au plus."),
  observation: z
    .string({ error: 'Observations : texte attendu.' })
    .max(2000, 'Observations : 2 000 caractères au plus.')
    .optional()
    .transform((v) => (v ?? '').trim()),
  /** COEC: the answer to "Souhaitez-vous enregistrer votre saisie sur la mission ?" (undefined: not asked yet). */
  reporterSurMission: z.boolean({ error: 'reporterSurMission : oui (true) ou non (false).' }).optional(),
  /** "Convoquer quand même" after the warning on indisponibilités and other convocations. */
  confirmerChevauchements: z.boolean({ error: 'confirmerChevauchements : oui (true) ou non (false).' }).optional(),
});

export const creationBody = affectationBody.extend({
  personneIds: z
    .array(id("L'identifiant de l'intervenant"), { error: 'Intervenant(s) : choisissez au moins un intervenant à convoquer.' })
    .min(1, 'Intervenant(s) : choisissez au moins un intervenant à convoquer.')
    .max(500, 'Intervenant(s) : 500 au plus à la fois.')
    .transform((ids) => [...new Set(ids)]),
});

export type AffectationSaisie = z.output<typeof affectationBody>;
export type CreationSaisie = z.output<typeof creationBody>;

/** The convocations displayed (after the keyword filter); none: every convocation of the centre on the mission. */
export const selectionBody = z.object({
  ids: z
    .array(id("L'identifiant de la convocation"), { error: 'Indiquez les convocations (liste de leurs identifiants).' })
    .max(5000, 'Trop de convocations à la fois (5 000 au plus).')
    .optional(),
});
