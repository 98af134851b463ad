// Request schemas of the DEC's deliberation activities (issue 7): juries and their états, contrôle
// grades (one by one or by a CSV file), decisions and closing of a jury, publication of the results.
// Every message names its field and says what is expected.
import { z } from 'zod';
import { estEtatJury, type EtatJury } from '../../domain/cyclades/jury.ts';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

export const juryParams = z.object({ id: id("L'identifiant du jury") });

export const jurysQuery = z.object({
  session: id("L'identifiant de la session").optional(),
  etat: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const etats = v.split(',').map((s) => Number(s.trim()));
      if (!etats.every(estEtatJury)) {
        ctx.addIssue({ code: 'custom', message: 'État : 140, 198, 200, 210, 211 ou 214 (plusieurs séparés par des virgules).' });
        return z.NEVER;
      }
      return etats as EtatJury[];
    }),
  q: z.string().trim().max(100, 'Recherche : 100 caractères au plus.').optional(),
});

const juryIds = z
  .array(id("L'identifiant d'un jury"), { error: 'Jurys : indiquez la liste des jurys sélectionnés.' })
  .min(1, 'Sélectionnez au moins un jury.')
  .max(2000, 'Trop de jurys à la fois (2 000 au plus).');

export const transitionBody = z.object({
  juryIds,
  vers: z.union([z.literal(198), z.literal(200)], { error: "État visé : 198 (verrouiller le 1er groupe) ou 200 (ouvrir l'épreuve de contrôle)." }),
});

export const epreuveControle = z.enum(['scientifique', 'francais_hg'], {
  error: "Épreuve : « scientifique » (épreuve scientifique et technique) ou « francais_hg » (épreuve de français et histoire-géographie).",
});

export const motif = z.string().trim().max(300, 'Motif : 300 caractères au plus.').optional();

export const noteControleBody = z
  .object({
    candidatureId: id("L'identifiant de la candidature"),
    epreuve: epreuveControle,
    statut: z.enum(['note', 'absent'], { error: 'Statut : « note » (une note sur 20) ou « absent ».' }),
    valeur: z
      .number({ error: 'Note : un nombre entre 0 et 20 est attendu.' })
      .min(0, 'Note : entre 0 et 20.')
      .max(20, 'Note : entre 0 et 20.')
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'Note : au plus deux décimales.')
      .nullish(),
    motif,
    /**
     * The grade the page showed (null: none). The change applies only if it is still the one stored;
     * otherwise 409 naming who changed it, when and to what (issue 13 §19, as the Jury portal).
     */
    attendu: z
      .object(
        {
          statut: z.enum(['note', 'absent'], { error: 'Note affichée : statut « note » ou « absent ».' }),
          valeur: z.number({ error: 'Note affichée : un nombre ou null.' }).min(0).max(20).nullable(),
        },
        { error: 'Note affichée : la note que la page affichait (ou null si aucune) est attendue.' },
      )
      .nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.statut === 'note' && (b.valeur === undefined || b.valeur === null)) ctx.addIssue({ code: 'custom', path: ['valeur'], message: 'Note : saisissez une note entre 0 et 20 (ou choisissez « absent »).' });
    if (b.statut === 'absent' && b.valeur !== undefined && b.valeur !== null) ctx.addIssue({ code: 'custom', path: ['valeur'], message: 'Note : pas de note pour un candidat absent.' });
  });
export type NoteControle = z.output<typeof noteControleBody>;

export const importBody = z.object({
  contenu: z.string({ error: 'Fichier : le contenu du fichier CSV est attendu.' }).min(1, 'Fichier : le fichier est vide.').max(1_500_000, 'Fichier : 1,5 Mo au plus.'),
  nomFichier: z.string().max(200).optional(),
});

export const versionBody = z.object({
  version: z.number({ error: 'Version : le numéro de version du jury affiché est attendu.' }).int('Version : un nombre entier est attendu.').min(0, 'Version : un nombre positif est attendu.'),
});

export const decisionsBody = versionBody.extend({
  /** The jury's own decision where it departs from the computed one. */
  decisions: z
    .array(
      z.object({
        candidatureId: id("L'identifiant de la candidature"),
        decision: z.enum(['admis', 'ajourne'], { error: 'Décision : « admis » ou « ajourne ».' }),
      }),
    )
    .max(5000)
    .optional(),
});

export const publicationBody = z.object({ sessionId: id("L'identifiant de la session") });
