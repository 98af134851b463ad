// Request schemas of "Consultation des missions" (003 §4.1), with the French message of each field.
import { z } from 'zod';

const id = (libelle: string) =>
  z.coerce.number({ error: `${libelle} doit être un nombre.` }).int(`${libelle} doit être un nombre entier.`).positive(`${libelle} doit être un nombre positif.`);

export const missionParams = z.object({ id: id("L'identifiant de la mission") });
export const convocationMissionParams = missionParams.extend({ convocationId: id("L'identifiant de la convocation") });

/** `annees=2025,2026` or `annees=2025&annees=2026`: the values, without blanks. */
function liste(v: unknown): string[] {
  const brut = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return brut.flatMap((x) => String(x).split(',')).map((s) => s.trim()).filter(Boolean);
}

/**
 * Filters of the list: « Année » (session years, among those offered) and « Examen » (exam codes).
 * None given: every offered year, every exam.
 */
export const missionsQuery = z.object({
  annees: z.preprocess(
    liste,
    z
      .array(z.string().regex(/^\d{4}$/, 'Une année doit être écrite sur quatre chiffres (par exemple 2026).').transform(Number))
      .max(10, 'Trop d’années à la fois (10 au plus).'),
  ).default([]),
  examens: z.preprocess(
    liste,
    z
      .array(z.string().max(10, "Le code d'un examen fait 10 caractères au plus.").regex(/^[0-9A-Za-z-]+$/, "Le code d'un examen ne contient que des chiffres, des lettres et des tirets."))
      .max(50, "Trop d'examens à la fois (50 au plus)."),
  ).default([]),
});

export type FiltreMissions = z.output<typeof missionsQuery>;

const ids = (libelle: string, vide: string) =>
  z
    .array(id(libelle), { error: `Indiquez les lignes à télécharger (liste de leurs identifiants).` })
    .min(1, vide)
    .max(10_000, 'Trop de lignes à la fois (10 000 au plus).');

export const DOCUMENTS_MISSIONS = ['csv', 'liste-pdf', 'details-pdf'] as const;
export const DOCUMENTS_MISSION = ['csv', 'liste-jury-pdf', 'details-pdf'] as const;

/** « Extraction CSV », « Télécharger liste (pdf) », « Télécharger détails (pdf) » of the missions displayed. */
export const exportMissionsBody = z.object({
  document: z.enum(DOCUMENTS_MISSIONS, { error: 'Le document doit être csv, liste-pdf ou details-pdf.' }),
  ids: ids("L'identifiant de la mission", 'La liste des missions à télécharger est vide.'),
});

/** « Extraction CSV », « Télécharger liste par jury (pdf) », « Télécharger détails (pdf) » of the intervenants displayed. */
export const exportMissionBody = z.object({
  document: z.enum(DOCUMENTS_MISSION, { error: 'Le document doit être csv, liste-jury-pdf ou details-pdf.' }),
  ids: ids("L'identifiant de la convocation", 'La liste des intervenants à télécharger est vide.'),
});

export type DemandeExportMissions = z.output<typeof exportMissionsBody>;
export type DemandeExportMission = z.output<typeof exportMissionBody>;
