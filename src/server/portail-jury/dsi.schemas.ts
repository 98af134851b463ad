// Request schemas of the DSI's OTP keys (issue 8 §1): registration, import of a seed file, remise with
// the PIN, unlock, resynchronisation with two consecutive codes, revocation. Every message names its
// field and says what is expected.
import { z } from 'zod';
import { identifiantCleValide, LONGUEUR_SERIE_MAX, messageNumeroSerie, prefixeIdentifiantValide, REGLE_IDENTIFIANT_CLE } from '../../domain/identite/cles-otp-import.ts';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

export const cleParams = z.object({ id: id("L'identifiant de la clé") });

export const ETATS_CLE = ['en_stock', 'remise', 'active', 'verrouillee', 'revoquee'] as const;

export const clesQuery = z.object({
  etat: z
    .enum(ETATS_CLE, { error: 'État : en_stock, remise, active, verrouillee ou revoquee.' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  q: z.string().trim().max(100, 'Recherche : 100 caractères au plus.').optional(),
});

// The same rules as the import's (domain/identite/cles-otp-import.ts): one validation for both (issue 13 §10).
const identifiant = z
  .string({ error: "Identifiant : le login communiqué avec la clé est attendu (3 à 40 caractères : lettres, chiffres, « - », « _ », « . »)." })
  .trim()
  .refine(identifiantCleValide, `Identifiant : ${REGLE_IDENTIFIANT_CLE}.`);

const code = (libelle: string) => z.string({ error: `${libelle} : le code affiché par la clé (6 ou 8 chiffres) est attendu.` }).trim().regex(/^(\d{6}|\d{8})$/, `${libelle} : 6 ou 8 chiffres sont attendus.`);

export const nouvelleCleBody = z
  .object({
    identifiant,
    numeroSerie: z
      .string({ error: 'Numéro de série : le numéro inscrit sur la clé est attendu.' })
      .trim()
      .min(1, 'Numéro de série : le numéro inscrit sur la clé est attendu.')
      .max(LONGUEUR_SERIE_MAX, `Numéro de série : ${LONGUEUR_SERIE_MAX} caractères au plus.`)
      .superRefine((v, c) => {
        const m = messageNumeroSerie(v);
        if (m) c.addIssue({ code: 'custom', message: `Numéro de série : ${m}.` });
      }),
    type: z.enum(['HOTP', 'TOTP'], { error: 'Type : HOTP (compteur, RFC 4226) ou TOTP (horloge, RFC 6238).' }),
    secret: z.string({ error: 'Secret : la graine de la clé, en hexadécimal ou en base32, est attendue.' }).min(1, 'Secret : la graine de la clé, en hexadécimal ou en base32, est attendue.').max(512, 'Secret : 512 caractères au plus.'),
    chiffres: z.union([z.literal(6), z.literal(8)], { error: 'Chiffres : 6 ou 8 (la longueur des codes affichés par la clé).' }),
    periode: z.union([z.literal(30), z.literal(60)], { error: 'Période : 30 ou 60 secondes (clé TOTP).' }).nullish(),
    compteur: z.number({ error: 'Compteur : un nombre entier positif ou nul est attendu.' }).int('Compteur : un nombre entier est attendu.').min(0, 'Compteur : un nombre positif ou nul est attendu.').nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.type === 'HOTP' && b.periode != null) ctx.addIssue({ code: 'custom', path: ['periode'], message: "Période : une clé HOTP n'a pas de période (seulement un compteur)." });
    if (b.type === 'TOTP' && b.compteur != null) ctx.addIssue({ code: 'custom', path: ['compteur'], message: "Compteur : une clé TOTP n'a pas de compteur (seulement une période)." });
  });

export const importClesBody = z.object({
  contenu: z.string({ error: 'Fichier : le contenu du fichier de graines (PSKC ou CSV) est attendu.' }).min(1, 'Fichier : le fichier est vide.').max(1_500_000, 'Fichier : 1,5 Mo au plus.'),
  prefixeIdentifiant: z
    .string()
    .trim()
    .refine(prefixeIdentifiantValide, 'Préfixe des identifiants : 20 caractères au plus parmi les lettres sans accent, les chiffres, « - », « _ » et « . ».')
    .optional(),
});

export const remiseBody = z.object({
  centreIds: z
    .array(id("L'identifiant d'un centre"), { error: 'Centres : indiquez le ou les centres de délibération qui reçoivent la clé.' })
    .min(1, 'Centres : choisissez au moins un centre de délibération.')
    .max(20, 'Centres : 20 au plus.'),
  pin: z.string({ error: 'Code PIN : 4 à 8 chiffres sont attendus.' }).regex(/^\d{4,8}$/, 'Code PIN : 4 à 8 chiffres sont attendus.'),
});

export const revocationBody = z.object({
  motif: z.string({ error: 'Motif : indiquez pourquoi la clé est révoquée (perte, panne…).' }).trim().min(3, 'Motif : indiquez pourquoi la clé est révoquée (perte, panne…).').max(300, 'Motif : 300 caractères au plus.'),
});

export const resynchronisationBody = z.object({ code1: code('Code 1'), code2: code('Code 2') });
