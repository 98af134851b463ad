// Request schema of « Informations personnelles » (seed 004 §2.5): the fields the intervenant edits,
// each read by src/domain/referentiel/coordonnees.ts (French message naming the field, the same checks
// as the web form), and the version of his data the page saw. No person id: the service works on the
// signed-in person only; a body that names one (personneId…) is refused.
import { z } from 'zod';
import { CHAMPS_COORDONNEES, type ChampCoordonnees } from '../../domain/referentiel/coordonnees.ts';

export { CHAMPS_COORDONNEES as CHAMPS_INFORMATIONS, type ChampCoordonnees as ChampInformations };

/** A typed text read by its domain rule; a wrong value is an issue on its own field. */
const champ = <C extends ChampCoordonnees>(nom: C) => {
  const { nomme, lire } = CHAMPS_COORDONNEES[nom];
  return z
    .string({ error: `${nomme} doit être un texte.` })
    .max(300, `${nomme} dépasse 300 caractères.`)
    .nullable()
    .optional()
    .transform((s, ctx) => {
      const r = lire(s ?? '', nomme);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.valeur as C extends 'adresse' | 'codePostal' | 'commune' ? string : string | null;
    });
};

const INCONNU = (cles: readonly PropertyKey[]) =>
  cles.some((c) => /personne|^id$/i.test(String(c)))
    ? "Ce formulaire ne modifie que vos propres informations : l'identifiant d'une personne n'y est pas accepté."
    : `Champ inconnu dans la demande : ${cles.map(String).join(', ')}.`;

export const informationsBody = z.strictObject(
  {
    version: z
      .string({ error: 'La version de vos informations affichées manque : rechargez la page, puis recommencez.' })
      .refine((s) => !Number.isNaN(Date.parse(s)), 'La version de vos informations affichées est illisible : rechargez la page, puis recommencez.'),
    adresse: champ('adresse'),
    codePostal: champ('codePostal'),
    commune: champ('commune'),
    telPro: champ('telPro'),
    telPerso: champ('telPerso'),
    emailPro: champ('emailPro'),
    emailPerso: champ('emailPerso'),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? INCONNU(iss.keys) : undefined) },
);

export type InformationsSaisie = z.output<typeof informationsBody>;
