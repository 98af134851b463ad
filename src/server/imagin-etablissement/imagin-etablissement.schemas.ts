// Request schemas of the établissement service, with the French message of each field (shared with
// the web forms). Dates are typed JJ/MM/AAAA (ISO AAAA-MM-JJ is accepted too) and come out as ISO.
import { z } from 'zod';
import { lireDate, lireHeure } from '../../domain/imagin/dates.ts';
import { erreurPeriode } from '../../domain/imagin/periodes.ts';

function champDate(champ: string) {
  return z.string({ error: `${champ} est obligatoire (format JJ/MM/AAAA).` }).transform((s, ctx) => {
    const r = lireDate(s, champ);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.valeur;
  });
}

/** An hour HH:MM; empty means `parDefaut` (an indisponibilité without hours covers whole days). */
function champHeure(champ: string, parDefaut: string) {
  return z
    .string({ error: `${champ} doit être au format HH:MM.` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return parDefaut;
      const r = lireHeure(s, champ);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.valeur;
    });
}

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

export const personneParams = z.object({ id: id("L'identifiant du personnel") });
export const convocationParams = personneParams.extend({ convocationId: id("L'identifiant de la convocation") });
export const indisponibiliteParams = personneParams.extend({ indisponibiliteId: id("L'identifiant de l'indisponibilité") });
export const competenceParams = personneParams.extend({ competenceId: id("L'identifiant de la compétence") });
export const etablissementParams = z.object({ etablissementId: id("L'identifiant de l'établissement") });

/**
 * "Filtrer par période": de disponibilité (no declared indisponibilité in the period) or de
 * convocation (convoked in the period), du … au … required in JJ/MM/AAAA. No filter: every personnel.
 */
export const personnelsQuery = z
  .object({
    filtre: z.enum(['disponibilite', 'convocation'], { error: 'Le filtre doit être « disponibilite » ou « convocation ».' }).optional(),
    du: z.string().optional(),
    au: z.string().optional(),
  })
  .transform((q, ctx) => {
    if (!q.filtre) return { filtre: null };
    const du = lireDate(q.du, 'La date de début de la période');
    const au = lireDate(q.au, 'La date de fin de la période');
    if (!du.ok) ctx.addIssue({ code: 'custom', path: ['du'], message: du.message });
    if (!au.ok) ctx.addIssue({ code: 'custom', path: ['au'], message: au.message });
    if (!du.ok || !au.ok) return z.NEVER;
    if (au.valeur < du.valeur) {
      ctx.addIssue({ code: 'custom', path: ['au'], message: 'La date de fin de la période doit être postérieure ou égale à sa date de début.' });
      return z.NEVER;
    }
    return { filtre: { type: q.filtre, du: du.valeur, au: au.valeur } };
  });

/** The longest motif of an indisponibilité (the form says so and counts the characters typed). */
export const LONGUEUR_MAX_MOTIF = 200;

export const indisponibiliteBody = z
  .object({
    dateDebut: champDate('La date de début'),
    heureDebut: champHeure("L'heure de début", '00:00'),
    dateFin: champDate('La date de fin'),
    heureFin: champHeure("L'heure de fin", '23:59'),
    motif: z
      .string({ error: 'Le motif est obligatoire.' })
      .trim()
      .min(1, 'Le motif est obligatoire.')
      .max(LONGUEUR_MAX_MOTIF, { error: (iss) => `Le motif ne doit pas dépasser ${LONGUEUR_MAX_MOTIF} caractères (${typeof iss.input === 'string' ? iss.input.length : '?'} saisis).` }),
  })
  .superRefine((v, ctx) => {
    const erreur = erreurPeriode({ debut: { date: v.dateDebut, heure: v.heureDebut }, fin: { date: v.dateFin, heure: v.heureFin } });
    if (erreur) ctx.addIssue({ code: 'custom', path: ['dateFin'], message: erreur });
  });

export type IndisponibiliteSaisie = z.output<typeof indisponibiliteBody>;

export const ajoutCompetenceBody = z.object({
  epreuveOptionId: id("L'épreuve option"),
});

export const validationBody = z.object({
  termine: z.literal(true, { error: "Cochez « J'ai terminé la saisie des compétences. » avant de valider." }),
});

export const specialitesQuery = z.object({
  examen: z.string({ error: "Choisissez d'abord un examen." }).trim().min(1, "Choisissez d'abord un examen.").max(10),
  q: z.string().max(100, 'La saisie est trop longue.').default(''),
});

export const epreuvesQuery = z.object({
  specialiteId: id('La spécialité'),
  q: z.string().max(100, 'La saisie est trop longue.').default(''),
});

export const CONTENUS_EXPORT = ['personnels', 'enseignements', 'missions', 'missions-detaillees'] as const;
export type ContenuExport = (typeof CONTENUS_EXPORT)[number];

/**
 * The exports of "Consultation des personnels": the lines the user displays (their ids, in the order
 * shown), and for the missions the years chosen in the popup.
 */
export const exportBody = z
  .object({
    contenu: z.enum(CONTENUS_EXPORT, { error: 'Le contenu doit être personnels, enseignements, missions ou missions-detaillees.' }),
    format: z.enum(['csv', 'pdf'], { error: 'Le format doit être csv ou pdf.' }),
    ids: z
      .array(id("L'identifiant du personnel"), { error: 'Indiquez les personnels à télécharger (liste de leurs identifiants).' })
      .min(1, 'La liste des personnels à télécharger est vide.')
      .max(10_000, 'Trop de personnels à la fois (10 000 au plus).'),
    annees: z
      .array(z.number({ error: 'Une année doit être un nombre.' }).int().min(1990, 'Année invalide.').max(2100, 'Année invalide.'))
      .max(30, 'Trop d’années à la fois (30 au plus).')
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.contenu === 'missions-detaillees' && v.format !== 'pdf') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'La liste détaillée des missions existe seulement au format PDF.' });
    }
    if ((v.contenu === 'missions' || v.contenu === 'missions-detaillees') && v.annees.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['annees'], message: 'Précisez au moins une année où se déroulent les missions éditées.' });
    }
  });

export type DemandeExport = z.output<typeof exportBody>;

export const suiviValidationQuery = z.object({
  anneeScolaire: z
    .string()
    .regex(/^\d{4}-\d{4}$/, "L'année scolaire doit être de la forme 2026-2027.")
    .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, "L'année scolaire doit être de la forme 2026-2027.")
    .optional(),
});
