// Request schemas of the Jury portal (issue 8 §2–7): the two screens, the backup portal, the jury's
// grade modifications and closing, the SMS code, the DSI's switch of the backup portal. Every message
// names its field and says what is expected.
import { z } from 'zod';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

const identifiant = z
  .string({ error: "Identifiant : obligatoire." })
  .trim()
  .min(1, 'Identifiant : obligatoire.')
  .max(200, 'Identifiant : 200 caractères au plus.');

export const cleBody = z.object({
  identifiant,
  motDePasse: z
    .string({ error: 'Mot de Passe ou Passcode OTP : obligatoire (le code PIN suivi du code affiché sur la clé).' })
    .trim()
    .min(1, 'Mot de Passe ou Passcode OTP : obligatoire (le code PIN suivi du code affiché sur la clé).')
    .max(60, 'Mot de Passe ou Passcode OTP : 60 caractères au plus.'),
});

export const identifiantsBody = z.object({
  identifiant,
  motDePasse: z.string({ error: 'Mot de passe : obligatoire.' }).min(1, 'Mot de passe : obligatoire.').max(200, 'Mot de passe : 200 caractères au plus.'),
});

export const juryParams = z.object({ id: id("L'identifiant du jury") });

const statut = z.enum(['note', 'absent'], { error: 'Statut : « note » (une note de 0 à 20) ou « absent ».' });

const valeurNote = z
  .number({ error: 'Note : un nombre de 0 à 20 est attendu.' })
  .min(0, 'Note : un nombre de 0 à 20 est attendu.')
  .max(20, 'Note : un nombre de 0 à 20 est attendu.')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Note : deux décimales au plus (au centième de point).');

export const modificationNoteBody = z
  .object({
    version: z.number({ error: 'Version : le numéro de version du jury affiché est attendu.' }).int().nonnegative(),
    candidatureId: id('Le candidat'),
    epreuveOptionId: id("L'épreuve"),
    groupe: z.union([z.literal(1), z.literal(2)], { error: 'Groupe : 1 (1er groupe) ou 2 (épreuve de contrôle).' }),
    /** The grade the page showed (null: none): the modification applies only if it is still the one stored. */
    attendu: z.object({ statut: z.enum(['note', 'absent', 'conservee', 'dispense']), valeur: z.number().nullable() }).nullable(),
    statut,
    valeur: valeurNote.optional(),
    motif: z
      .string({ error: 'Motif : obligatoire ; il figure au PV des notes modifiées.' })
      .trim()
      .min(3, 'Motif : obligatoire (3 caractères au moins) ; il figure au PV des notes modifiées.')
      .max(300, 'Motif : 300 caractères au plus.'),
  })
  .superRefine((b, ctx) => {
    if (b.statut === 'note' && b.valeur === undefined) ctx.addIssue({ code: 'custom', path: ['valeur'], message: 'Note : un nombre de 0 à 20 est attendu (ou cochez « Absent »).' });
  });
export type ModificationNote = z.output<typeof modificationNoteBody>;

export const clotureBody = z.object({
  version: z.number({ error: 'Version : le numéro de version du jury affiché est attendu.' }).int().nonnegative(),
});

export const codeSmsBody = z.object({
  code: z
    .string({ error: 'Code reçu par SMS : les 6 chiffres du message sont attendus.' })
    .trim()
    .regex(/^\d{6}$/, 'Code reçu par SMS : les 6 chiffres du message sont attendus.'),
});

export const portailSecoursBody = z
  .object({
    actif: z.boolean({ error: 'Ouvert : vrai ou faux.' }),
    referenceAutorisation: z.string().trim().max(100, "Référence de l'autorisation du RSSI : 100 caractères au plus.").optional(),
    autorisePar: z.string().trim().max(100, 'RSSI : 100 caractères au plus.').optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.actif) return;
    if (!b.referenceAutorisation)
      ctx.addIssue({ code: 'custom', path: ['referenceAutorisation'], message: "Référence de l'autorisation du RSSI : obligatoire pour ouvrir le portail de secours." });
    if (!b.autorisePar) ctx.addIssue({ code: 'custom', path: ['autorisePar'], message: "RSSI : le nom du RSSI qui a autorisé l'ouverture est obligatoire." });
  });
