// Request schemas of the intervenant's états de frais (issue 16, seed 004 §2.4), French messages naming
// the field. The figures are checked again against the mission (what it asks, its dates) by the domain
// rules in the service (remuneration.ts, deplacement.ts).
import { z } from 'zod';

const entierOuNul = (nom: string, max: number) =>
  z
    .number({ error: `${nom} : entier positif attendu.` })
    .int(`${nom} : entier positif attendu.`)
    .min(0, `${nom} : entier positif attendu.`)
    .max(max, `${nom} : ${max} au plus.`)
    .nullable();

export const etatParams = z.object({
  id: z.coerce
    .number({ error: "L'identifiant de l'état de frais doit être un nombre." })
    .int("L'identifiant de l'état de frais doit être un nombre entier.")
    .positive("L'identifiant de l'état de frais doit être un nombre positif."),
});

export const academieQuery = z.object({
  academie: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, "Le code de l'académie ne contient que des chiffres et des lettres (10 au plus, par exemple 14 ou SIEC).")
    .transform((s) => s.toUpperCase())
    .optional(),
});

export const conditionsBody = z.strictObject({
  academie: academieQuery.shape.academie,
  version: z.number({ error: 'La version des conditions affichées manque : rechargez la page.' }).int().positive(),
  accepte: z.literal(true, { error: "Cochez la case « J'ai lu et j'accepte les conditions relatives à l'utilisation du service »." }),
});

const version = z.number({ error: "La version de l'état de frais affiché manque : rechargez la page, puis recommencez." }).int().positive();

export const versionBody = z.strictObject({ version });

const demiJournee = z.strictObject({
  jour: z.string({ error: 'Demi-journée, date : obligatoire.' }).max(10),
  debut: z.string({ error: 'Demi-journée, heure de début : obligatoire.' }).max(5),
  fin: z.string({ error: 'Demi-journée, heure de fin : obligatoire.' }).max(5),
});

export const saisieRemuneration = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('copies'), copies: entierOuNul('Nombre de copies corrigées', 999) }),
    z.strictObject({ type: z.literal('candidats'), candidats: entierOuNul('Nombre de candidats interrogés', 999) }),
    z.strictObject({ type: z.literal('demi_journees'), demiJournees: z.array(demiJournee).max(120, 'Demi-journées : 120 au plus.') }),
    z.strictObject({ type: z.literal('heures_minutes'), heures: entierOuNul("Nombre d'heures", 200), minutes: entierOuNul('Minutes', 59) }),
  ],
  { error: 'Rémunération : type de saisie inconnu ; rechargez la page.' },
);

const MODES = ['AUTOMOBILE', 'TRAIN_2EME_CLASSE', 'TRANSPORT_EN_COMMUN', 'BON_DE_TRANSPORT', 'AVION', 'BATEAU', 'MOTO', 'CYCLOMOTEUR', 'COVOITURAGE_PASSAGER', 'AUCUN'] as const;

/** The shape of a line; its content is checked by verifierLigne (deplacement.ts) with the line's number. */
export const ligneDeplacement = z.strictObject({
  villeDepart: z.string({ error: 'Déplacement, ville de départ : texte attendu.' }).max(200),
  villeArrivee: z.string({ error: "Déplacement, ville d'arrivée : texte attendu." }).max(200),
  depart: z.string({ error: 'Déplacement, date et heure de départ : obligatoires.' }).max(20),
  retour: z.string({ error: 'Déplacement, date et heure de retour : obligatoires.' }).max(20),
  mode: z.enum(MODES, { error: 'Déplacement, mode de transport : à choisir dans la liste.' }),
  puissanceFiscale: z.number({ error: 'Déplacement, puissance fiscale : nombre attendu.' }).nullable(),
  km: z.number({ error: 'Déplacement, kilomètres : nombre attendu.' }).nullable(),
  trajets: z.number({ error: 'Déplacement, nombre de trajets : nombre attendu.' }),
  nuitees: z.number({ error: 'Déplacement, nuitées : nombre attendu.' }),
  repas: z.number({ error: 'Déplacement, repas : nombre attendu.' }),
  fraisDiversCentimes: z.number({ error: 'Déplacement, frais divers : montant attendu.' }),
  billetsCentimes: z.number({ error: 'Déplacement, billets : montant attendu.' }),
  commentaire: z.string({ error: 'Déplacement, commentaire : texte attendu.' }).max(1000),
});

export const enregistrerBody = z.strictObject({
  version,
  remuneration: saisieRemuneration.nullable(),
  lignes: z.array(ligneDeplacement).max(50, 'Déplacement : 50 lignes au plus.'),
  piecesParCourrier: z.boolean({ error: 'Pièces envoyées par courrier : oui ou non attendu.' }),
});

export type EnregistrerSaisie = z.output<typeof enregistrerBody>;
