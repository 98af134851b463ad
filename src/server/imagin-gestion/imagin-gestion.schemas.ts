// Request schemas of the gestionnaire DEC side of IMAG'IN (issue 5): missions (dates, commissions,
// jurys, salles), convocations, qualités, intervenants. Every message names its field in French and
// says what is expected; the error of a row of a list carries its path ("dates.1.heureFin",
// "commissions.0.code"), which the web form shows beside that field. Dates are typed JJ/MM/AAAA (ISO
// AAAA-MM-JJ is accepted too) and come out as ISO; hours HH:MM.
import { z } from 'zod';
import { dateFr, lireDate, lireHeure, minutes, type Creneau } from '../../domain/imagin/dates.ts';
import { lireCodePostal, lireCommune, lireCourriel, lireTelephone, type Lecture } from '../../domain/referentiel/coordonnees.ts';
import { controlerNumen } from '../../domain/referentiel/identifiants.ts';

type Ctx = z.RefinementCtx;
type Chemin = Array<string | number>;

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

/** An optional reference: null, '' or absent mean none. */
const refOptionnelle = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.number({ error: message }).int(message).positive(message).nullable());

const refObligatoire = (message: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.number({ error: message }).int(message).positive(message));

/** A text field, trimmed; absent means ''. */
const texte = (champ: string, max: number) =>
  z
    .string({ error: `${champ} doit être un texte.` })
    .trim()
    .max(max, `${champ} est trop long (${max} caractères au plus).`)
    .optional()
    .transform((s) => s ?? '');

const texteObligatoire = (champ: string, max: number, message = `${champ} est obligatoire.`) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${champ} est trop long (${max} caractères au plus).`);

const booleen = (champ: string) => z.boolean({ error: `${champ} : indiquez oui (true) ou non (false).` }).optional().default(false);

/** A whole number ≥ 0 typed in a field ('' means 0). */
const entierPositifOuNul = (champ: string) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? 0 : typeof v === 'string' ? Number(v.trim().replace(/\s/g, '')) : v),
    z
      .number({ error: `${champ} doit être un nombre entier (0 ou plus).` })
      .int(`${champ} doit être un nombre entier (0 ou plus).`)
      .min(0, `${champ} doit être un nombre entier (0 ou plus).`)
      .max(100_000, `${champ} ne peut dépasser 100 000.`),
  );

const creneauSaisi = z.object(
  {
    jour: z.string({ error: 'La date est obligatoire (format JJ/MM/AAAA).' }).optional().default(''),
    heureDebut: z.string({ error: "L'heure de début doit être au format HH:MM." }).optional().default(''),
    heureFin: z.string({ error: "L'heure de fin doit être au format HH:MM." }).optional().default(''),
  },
  { error: 'Chaque date doit indiquer le jour, l’heure de début et l’heure de fin.' },
);
type CreneauSaisi = z.output<typeof creneauSaisi>;

/**
 * Reads a list of dates (the mission's, a commission's, a convocation's) into ISO creneaux, adding an
 * issue at `chemin.<i>.<champ>` for each wrong field; `de` names the list ("de la mission").
 */
function lireCreneaux(saisis: readonly CreneauSaisi[], de: string, ctx: Ctx, chemin: Chemin): Creneau[] | null {
  const lus: Creneau[] = [];
  let ok = true;
  const vus = new Map<string, number>();
  saisis.forEach((s, i) => {
    const n = saisis.length > 1 ? ` n° ${i + 1}` : '';
    const jour = lireDate(s.jour, `La date${n} ${de}`);
    const debut = lireHeure(s.heureDebut, `L'heure de début${n} ${de}`);
    const fin = lireHeure(s.heureFin, `L'heure de fin${n} ${de}`);
    if (!jour.ok) ctx.addIssue({ code: 'custom', path: [...chemin, i, 'jour'], message: jour.message });
    if (!debut.ok) ctx.addIssue({ code: 'custom', path: [...chemin, i, 'heureDebut'], message: debut.message });
    if (!fin.ok) ctx.addIssue({ code: 'custom', path: [...chemin, i, 'heureFin'], message: fin.message });
    if (!jour.ok || !debut.ok || !fin.ok) {
      ok = false;
      return;
    }
    if (minutes(fin.valeur) <= minutes(debut.valeur)) {
      ok = false;
      ctx.addIssue({
        code: 'custom',
        path: [...chemin, i, 'heureFin'],
        message: `L'heure de fin${n} ${de} (${fin.valeur}) doit être postérieure à l'heure de début (${debut.valeur}), le ${dateFr(jour.valeur)}.`,
      });
    }
    const deja = vus.get(jour.valeur);
    if (deja !== undefined) {
      ok = false;
      ctx.addIssue({ code: 'custom', path: [...chemin, i, 'jour'], message: `Le ${dateFr(jour.valeur)} est saisi deux fois dans les dates ${de} : une ligne par jour.` });
    }
    vus.set(jour.valeur, i);
    lus.push({ jour: jour.valeur, heureDebut: debut.valeur, heureFin: fin.valeur });
  });
  return ok ? lus.sort((a, b) => a.jour.localeCompare(b.jour)) : null;
}

export const SIGNATAIRES = ['chef_etablissement', 'chef_centre', 'gestionnaire'] as const;
export type Signataire = (typeof SIGNATAIRES)[number];

const ligneId = z.preprocess((v) => (v === '' || v === null ? undefined : v), id("L'identifiant de la ligne").optional());

/** A list of dates read into ISO creneaux; each wrong field reported at "<liste>.<i>.<champ>". */
const creneaux = (de: string, obligatoire: boolean) =>
  z
    .array(creneauSaisi, { error: `Les dates ${de} doivent être une liste.` })
    .max(366, `Au plus 366 dates ${de}.`)
    .optional()
    .default([])
    .transform((saisis, ctx) => {
      if (obligatoire && saisis.length === 0) {
        ctx.addIssue({ code: 'custom', message: `Dates ${de} : saisissez au moins une date, avec son heure de début et son heure de fin.` });
        return z.NEVER;
      }
      return lireCreneaux(saisis, de, ctx, []) ?? z.NEVER;
    });

/** A list of rows with a code unique in the mission. */
function avecCodesUniques<T extends z.ZodType<Array<{ code: string }>>>(schema: T, ce: string) {
  return schema.superRefine((lignes, ctx) => {
    const vus = new Set<string>();
    lignes.forEach((l, i) => {
      const k = l.code.toUpperCase();
      if (vus.has(k)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `Deux ${ce} portent le code « ${l.code} » : chaque code doit être unique dans la mission.` });
      vus.add(k);
    });
  });
}

/** A mission as the gestionnaire creates or changes it: everything, in one request, written in one transaction. */
export const missionBody = z.object({
  numero: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: 'Le numéro de mission est obligatoire : un nombre entier supérieur à 0.' })
      .int('Le numéro de mission doit être un nombre entier supérieur à 0.')
      .positive('Le numéro de mission doit être un nombre entier supérieur à 0.')
      .max(2_000_000_000, 'Le numéro de mission est trop grand.'),
  ),
  sessionExamenId: refObligatoire("Choisissez la session d'examen."),
  specialiteId: refOptionnelle('La spécialité choisie est incorrecte.'),
  epreuveOptionId: refOptionnelle("L'épreuve-option choisie est incorrecte."),
  typeMission: texteObligatoire('Le type de mission', 20, 'Choisissez le type de mission.'),
  centreUai: z
    .string({ error: "Le centre d'examen doit être indiqué par son UAI (par exemple 0350710G)." })
    .nullable()
    .optional()
    .transform((v, ctx) => {
      const u = (v ?? '').trim().toUpperCase();
      if (!u) return null;
      if (!/^[0-9]{3}[0-9A-Z][0-9]{3}[A-Z]$/.test(u)) {
        ctx.addIssue({ code: 'custom', message: "Centre d'examen : l'UAI compte 8 caractères, 7 chiffres (ou 3 chiffres, une lettre, 3 chiffres) et une lettre, par exemple 0350710G." });
        return z.NEVER;
      }
      return u;
    }),
  lieu: texte('Le lieu', 200),
  observationDefaut: texte("L'observation par défaut", 2000),
  signataire: z.enum(SIGNATAIRES, { error: 'Choisissez le signataire de la convocation : chef d’établissement, chef de centre ou gestionnaire.' }),
  cibleeEtablissement: booleen('Ciblée pour convocation en établissement'),
  dateLimitee: z
    .string({ error: 'La date fixée pour le centre doit être au format JJ/MM/AAAA.' })
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const r = lireDate(v, 'La date fixée pour le centre');
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.valeur;
    }),
  candidatsAffectes: booleen('Candidats affectés dans CYCLADES'),
  dates: creneaux('de la mission', true),
  commissions: avecCodesUniques(
    z
      .array(
        z.object({
          id: ligneId,
          code: texteObligatoire('Le code de la commission', 30, 'Le code de la commission est obligatoire.'),
          nbCandidats: entierPositifOuNul('Le nombre de candidats de la commission'),
          dates: z.array(creneauSaisi).max(366).optional().default([]),
        }),
        { error: 'Les commissions doivent être une liste.' },
      )
      .max(500, 'Une mission compte au plus 500 commissions.')
      .optional()
      .default([]),
    'commissions',
  ).transform((lignes, ctx) => {
    const lues = lignes.map((k, i) => ({ ...k, dates: lireCreneaux(k.dates, `de la commission ${k.code}`, ctx, [i, 'dates']) }));
    if (lues.some((k) => k.dates === null)) return z.NEVER;
    return lues.map((k) => ({ ...k, dates: k.dates! }));
  }),
  jurys: avecCodesUniques(
    z
      .array(
        z.object({
          id: ligneId,
          code: texteObligatoire('Le code du jury', 30, 'Le code du jury est obligatoire.'),
          libelle: texte('Le libellé du jury', 100),
        }),
        { error: 'Les jurys doivent être une liste.' },
      )
      .max(500, 'Une mission compte au plus 500 jurys.')
      .optional()
      .default([]),
    'jurys',
  ),
  salles: avecCodesUniques(
    z
      .array(
        z.object({
          id: ligneId,
          code: texteObligatoire('Le code de la salle', 30, 'Le code de la salle est obligatoire.'),
          libelle: texte('Le libellé de la salle', 100),
          nbCandidats: entierPositifOuNul('Le nombre de candidats de la salle'),
        }),
        { error: 'Les salles doivent être une liste.' },
      )
      .max(500, 'Une mission compte au plus 500 salles.')
      .optional()
      .default([]),
    'salles',
  ),
});

export type MissionSaisie = z.output<typeof missionBody>;

export const missionParams = z.object({ id: id("L'identifiant de la mission") });
export const convocationParams = missionParams.extend({ convocationId: id("L'identifiant de la convocation") });
export const qualiteParams = z.object({ id: id("L'identifiant de la qualité") });
export const intervenantParams = z.object({ id: id("L'identifiant de l'intervenant") });

const listeEntiers = (champ: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const parties = (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
      const n = parties.map(Number);
      if (n.some((x) => !Number.isInteger(x) || x < 1990 || x > 2100)) {
        ctx.addIssue({ code: 'custom', message: `${champ} : indiquez des années séparées par des virgules (par exemple 2025,2026).` });
        return z.NEVER;
      }
      return [...new Set(n)];
    });

export const missionsQuery = z.object({
  annees: listeEntiers('Année'),
  examens: z
    .string()
    .max(500)
    .optional()
    .transform((s) => [...new Set((s ?? '').split(',').map((x) => x.trim()).filter(Boolean))]),
});

export const specialitesQuery = z.object({
  examen: z.string({ error: "Choisissez d'abord la session d'examen." }).trim().min(1, "Choisissez d'abord la session d'examen.").max(10),
});

export const epreuvesQuery = z.object({
  specialiteId: id('La spécialité'),
});

export const centresQuery = z.object({
  q: z.string().trim().max(100, 'La saisie est trop longue (100 caractères au plus).').default(''),
});

export const personnesQuery = z.object({
  q: z.string().trim().max(100, 'La saisie est trop longue (100 caractères au plus).').default(''),
});

// --- Convocations ------------------------------------------------------------------------------

const convocationChamps = {
  qualiteId: refOptionnelle('La qualité choisie est incorrecte.'),
  commissionId: refOptionnelle('La commission choisie est incorrecte.'),
  juryId: refOptionnelle('Le jury choisi est incorrect.'),
  salleId: refOptionnelle('La salle choisie est incorrecte.'),
  codeSalle: texte('Le code salle', 30),
  observation: texte("L'observation", 2000),
  /** Own dates of the affectation; none: the commission's, otherwise the mission's. */
  dates: creneaux("de l'affectation", false),
};

export const convocationBody = z.object({ personneId: refObligatoire("Choisissez l'intervenant à convoquer (recherche « NOM Prénom » ou NUMEN)."), ...convocationChamps });
export const convocationModificationBody = z.object(convocationChamps);

export type ConvocationSaisie = z.output<typeof convocationModificationBody>;

// --- Qualités ----------------------------------------------------------------------------------

export const qualiteBody = z.object({
  libelle: texteObligatoire('Le libellé de la qualité', 100, 'Le libellé de la qualité est obligatoire.'),
  santorin: booleen('SANTORIN'),
  deliberation: booleen('Délibération'),
  actif: z.boolean({ error: 'Actif : indiquez oui (true) ou non (false).' }).optional().default(true),
  ordre: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? 0 : typeof v === 'string' ? Number(v.trim()) : v),
    z.number({ error: "L'ordre doit être un nombre entier (0 ou plus)." }).int("L'ordre doit être un nombre entier (0 ou plus).").min(0, "L'ordre doit être un nombre entier (0 ou plus).").max(9999, "L'ordre ne peut dépasser 9999."),
  ),
});
export type QualiteSaisie = z.output<typeof qualiteBody>;

// --- Intervenants ------------------------------------------------------------------------------

// The same checks as the intervenant's « Informations personnelles » (src/domain/referentiel/coordonnees.ts,
// docs/decisions/0021): a person's data is read the same way whoever types it; empty is allowed here.
const coordonnee = (champ: string, max: number, lire: (s: string, champ: string) => Lecture<string | null>) =>
  z
    .string({ error: `${champ} doit être un texte.` })
    .trim()
    .max(max, `${champ} dépasse ${max} caractères.`)
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const r = lire(s, champ);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.valeur;
    });

const courriel = (champ: string) => coordonnee(champ, 254, lireCourriel);
const telephone = (champ: string) => coordonnee(champ, 30, lireTelephone);

export const intervenantBody = z.object({
  civilite: z.enum(['M.', 'Mme'], { error: 'Choisissez la civilité : M. ou Mme.' }),
  nom: texteObligatoire('Le nom', 80, 'Le nom est obligatoire.').transform((s) => s.toUpperCase()),
  prenom: texteObligatoire('Le prénom', 80, 'Le prénom est obligatoire.'),
  dateNaissance: z.string({ error: 'La date de naissance est obligatoire (format JJ/MM/AAAA).' }).transform((s, ctx) => {
    const r = lireDate(s, 'La date de naissance');
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.valeur;
  }),
  numen: z
    .string({ error: 'Le NUMEN doit être un texte.' })
    .optional()
    .transform((s, ctx) => {
      const n = (s ?? '').replace(/\s/g, '').toUpperCase();
      if (!n) return null;
      const r = controlerNumen(n);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return n;
    }),
  disciplinePoste: texte('La discipline de poste', 80).transform((s) => s.toUpperCase()),
  emailPro: courriel("L'adresse électronique professionnelle"),
  emailPerso: courriel("L'adresse électronique personnelle"),
  telPro: telephone('Le téléphone professionnel'),
  telPerso: telephone('Le téléphone personnel'),
  adresse: texte("L'adresse", 200),
  codePostal: coordonnee('Le code postal', 6, lireCodePostal).transform((s) => s ?? ''),
  commune: coordonnee('La commune', 80, lireCommune).transform((s) => s ?? ''),
  etablissementUai: z
    .string({ error: "L'établissement principal doit être indiqué par son UAI." })
    .optional()
    .transform((s, ctx) => {
      const u = (s ?? '').trim().toUpperCase();
      if (!u) return null;
      if (!/^[0-9]{3}[0-9A-Z][0-9]{3}[A-Z]$/.test(u)) {
        ctx.addIssue({ code: 'custom', message: "Établissement principal : l'UAI compte 8 caractères, par exemple 0350710G." });
        return z.NEVER;
      }
      return u;
    }),
});
export type IntervenantSaisie = z.output<typeof intervenantBody>;

export const intervenantsQuery = z.object({
  q: z.string().trim().max(100, 'La saisie est trop longue (100 caractères au plus).').default(''),
});
