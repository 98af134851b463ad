// Activities opened or closed per académie and per service by the gestionnaire (seed 003 §1.3.2).
import { SERVICES, type ActiviteDef, type ConditionCentre, type ServiceCode } from '../../domain/services.ts';
import type { Db } from './db/database.ts';

export interface EtatActivite extends ActiviteDef {
  ouverte: boolean;
  motif: string | null;
}

export async function activitesDuService(db: Db, academieCode: string, service: ServiceCode): Promise<EtatActivite[]> {
  const rows = await db
    .selectFrom('activite_ouverture')
    .select(['activite', 'ouverte', 'motif'])
    .where('academie_code', '=', academieCode)
    .where('service', '=', service)
    .execute();
  const byCode = new Map(rows.map((r) => [r.activite, r]));
  return SERVICES[service].activites.map((a) => {
    const row = a.fermable ? byCode.get(a.code) : undefined;
    return { ...a, ouverte: row ? row.ouverte : a.ouverteParDefaut, motif: row?.motif ?? null };
  });
}

/**
 * Whether the activity is open in this service for the académie. An activity the service does not have
 * is never open in it (issue 13 §2: a CYCLADES session found IMAG'IN's closed activities "open" here):
 * the policy (servicesAutorises, exigencesAction) sends each action to the service that has its activity.
 */
export async function activiteOuverte(db: Db, academieCode: string, service: ServiceCode, code: string): Promise<boolean> {
  const def = SERVICES[service].activites.find((a) => a.code === code);
  if (!def) return false;
  if (!def.fermable) return true;
  const row = await db
    .selectFrom('activite_ouverture')
    .select('ouverte')
    .where('academie_code', '=', academieCode)
    .where('service', '=', service)
    .where('activite', '=', code)
    .executeTakeFirst();
  return row ? row.ouverte : def.ouverteParDefaut;
}

/**
 * activiteOuverte without a query, from the openings the session's round trip read
 * (SessionResolue.ouvertures: the académie's and service's rows of activite_ouverture).
 */
export function activiteOuverteSelon(ouvertures: Record<string, boolean>, service: ServiceCode, code: string): boolean {
  const def = SERVICES[service].activites.find((a) => a.code === code);
  if (!def) return false;
  if (!def.fermable) return true;
  return Object.hasOwn(ouvertures, code) ? ouvertures[code] === true : def.ouverteParDefaut;
}

/** Whether the établissement is a centre d'examen / de délibération, as the centre activities require (issue 13). */
export async function conditionRemplie(db: Db, etablissementId: number | null, condition: ConditionCentre): Promise<boolean> {
  if (etablissementId === null) return false;
  const e = await db.selectFrom('etablissement').select(['est_centre_examen', 'est_centre_deliberation']).where('id', '=', etablissementId).executeTakeFirst();
  if (!e) return false;
  return condition === 'centre_examen' ? e.est_centre_examen : e.est_centre_deliberation;
}
