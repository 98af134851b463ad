// Request schemas of the chef de centre de délibération's activities (seed 001), each field's French message.
import { z } from 'zod';
import { estEtatJury, ETATS_JURY, type EtatJury } from '../../domain/cyclades/jury.ts';

const MESSAGE_JURYS = 'Sélectionnez au moins un jury.';
const idJury = z.coerce
  .number({ error: "L'identifiant d'un jury doit être un nombre." })
  .int("L'identifiant d'un jury doit être un nombre entier.")
  .positive("L'identifiant d'un jury doit être un nombre positif.");
const juryIds = z
  .array(idJury, { error: MESSAGE_JURYS })
  .min(1, MESSAGE_JURYS)
  .max(1000, 'Trop de jurys à la fois (1 000 au plus).')
  .transform((ids) => [...new Set(ids)]);
const titre = z
  .string({ error: 'Titre édition : saisissez un titre.' })
  .trim()
  .min(1, 'Titre édition : saisissez un titre.')
  .max(200, 'Titre édition : 200 caractères au plus.');

export const jurysQuery = z.object({
  // "200,210": the états in which a jury can be selected on the page (the others are shown greyed).
  etats: z
    .string({ error: `Etats : liste d'états séparés par des virgules, parmi ${ETATS_JURY.join(', ')}.` })
    .optional()
    .transform((v, c): EtatJury[] | undefined => {
      if (v === undefined || !v.trim()) return undefined;
      const etats = v.split(',').map((x) => Number(x.trim()));
      if (etats.some((e) => !estEtatJury(e))) {
        c.addIssue({ code: 'custom', message: `Etats : liste d'états séparés par des virgules, parmi ${ETATS_JURY.join(', ')}.` });
        return z.NEVER;
      }
      return etats as EtatJury[];
    }),
});

export const vueQuery = z.object({
  vue: z.enum(['ouverture', 'terminaison'], { error: 'Vue : « ouverture » (ouvrir la délibération) ou « terminaison » (terminer l’épreuve de contrôle).' }).default('ouverture'),
});
export type Vue = z.output<typeof vueQuery>['vue'];

export const notesManquantesBody = z.object({ titre, juryIds });
export type NotesManquantesSaisie = z.output<typeof notesManquantesBody>;

export const transitionBody = z.object({
  // None: every jury of the centre in the required état (the synthetic view's action).
  juryIds: z
    .array(idJury, { error: "Jurys : une liste d'identifiants de jurys est attendue." })
    .max(1000, 'Trop de jurys à la fois (1 000 au plus).')
    .optional()
    .transform((ids) => (ids?.length ? [...new Set(ids)] : undefined)),
});
export type TransitionSaisie = z.output<typeof transitionBody>;

export const pvBody = z.object({
  juryIds,
  mode: z.enum(['unique', 'zip'], {
    error: 'Paramètres d’édition : « Une édition contenant tous les documents du PV » (unique) ou « Une édition par document du PV (regroupés dans un fichier Zip) » (zip).',
  }),
});
export type PvSaisie = z.output<typeof pvBody>;

export const listesBody = z.object({
  titre,
  juryIds,
  liste: z.enum(['admis', 'non_admis'], { error: 'Choix de la liste à éditer : « Liste d’affichage des admis » (admis) ou « Liste des non admis » (non_admis).' }),
});
export type ListesSaisie = z.output<typeof listesBody>;

export const listeRougeBody = z.object({ titre });
export type ListeRougeSaisie = z.output<typeof listeRougeBody>;

export const planSecoursBody = z.object({}).optional();
