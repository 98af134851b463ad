// Activities opened or closed per académie and per service by the gestionnaire (seed 003 §1.3.2).
import { SERVICES, type ActiviteDef, type ServiceCode } from '../../domain/services.ts';
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

export async function activiteOuverte(db: Db, academieCode: string, service: ServiceCode, code: string): Promise<boolean> {
  const def = SERVICES[service].activites.find((a) => a.code === code);
  // An action shared by several services only depends on the activity where the service has it.
  if (!def || !def.fermable) return true;
  const row = await db
    .selectFrom('activite_ouverture')
    .select('ouverte')
    .where('academie_code', '=', academieCode)
    .where('service', '=', service)
    .where('activite', '=', code)
    .executeTakeFirst();
  return row ? row.ouverte : def.ouverteParDefaut;
}
