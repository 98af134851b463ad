// What the gestionnaire's services share: the académie the actor manages (everything is limited to
// it; a resource of another académie answers 404), the audit context, the mission read with its
// scope, and the labels of the lists.
import type { Readable } from 'node:stream';
import type { Creneau } from '../../domain/imagin/dates.ts';
import type { Db } from '../platform/db/database.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';

export interface Trace {
  ip?: string;
  requestId?: string;
}

export interface FichierGenere {
  flux: Readable;
  fichier: string;
  typeMime: string;
}

export const MISSION_INTROUVABLE = "Cette mission n'existe pas ou n'appartient pas à votre académie.";
export const CONVOCATION_INTROUVABLE = "Cette convocation n'existe pas (ou plus) sur cette mission.";

/** The académie a gestionnaire manages; any other actor reaches nothing here. */
export function academieGeree(actor: Actor): string {
  if (actor.role !== 'gestionnaire') throw introuvable();
  return actor.academieCode;
}

export function contexteAudit(actor: Actor, trace: Trace) {
  return { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null };
}

/** The mission of this id in the académie, with its type's rules; 404 otherwise. */
export async function missionDeLAcademie(db: Db, academieCode: string, missionId: number) {
  const m = await db
    .selectFrom('mission as m')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .selectAll('m')
    .select([
      'tm.libelle as type_libelle',
      'tm.correction_dematerialisee',
      'tm.sans_qualite',
      'tm.ouverte_sans_ciblage',
      'se.examen_code',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
    ])
    .where('m.id', '=', missionId)
    .where('m.academie_code', '=', academieCode)
    .executeTakeFirst();
  if (!m) throw introuvable(MISSION_INTROUVABLE);
  return m;
}

export type MissionChargee = Awaited<ReturnType<typeof missionDeLAcademie>>;

export function reglesType(m: Pick<MissionChargee, 'type_mission' | 'type_libelle' | 'correction_dematerialisee' | 'sans_qualite' | 'ouverte_sans_ciblage'>) {
  return {
    code: m.type_mission,
    libelle: m.type_libelle,
    correctionDematerialisee: m.correction_dematerialisee,
    sansQualite: m.sans_qualite,
    ouverteSansCiblage: m.ouverte_sans_ciblage,
  };
}

export function creneau(r: { jour: string; heure_debut: string; heure_fin: string }): Creneau {
  return { jour: r.jour, heureDebut: r.heure_debut.slice(0, 5), heureFin: r.heure_fin.slice(0, 5) };
}

export const LIBELLE_SIGNATAIRE: Record<string, string> = {
  chef_etablissement: "Chef d'établissement",
  chef_centre: 'Chef de centre',
  gestionnaire: 'Gestionnaire',
};

/** A unique-constraint violation (two writers at once): turned into the caller's message. */
export function estViolationUnicite(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
