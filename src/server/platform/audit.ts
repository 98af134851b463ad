// Append-only audit log: authentication events and every write (who, when, what, before → after).
// Writes go through the caller's transaction so that an audited change and its entry land together.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/tables.ts';

export interface AuditContext {
  academieCode: string | null;
  compteId: number | null;
  acteur: string;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  action: string;
  entite: string;
  entiteId?: string | number | null;
  avant?: unknown;
  apres?: unknown;
}

export async function audit(db: Kysely<DB> | Transaction<DB>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      academie_code: ctx.academieCode,
      compte_id: ctx.compteId,
      acteur: ctx.acteur,
      action: entry.action,
      entite: entry.entite,
      entite_id: entry.entiteId === undefined || entry.entiteId === null ? null : String(entry.entiteId),
      avant: entry.avant === undefined ? null : JSON.stringify(entry.avant),
      apres: entry.apres === undefined ? null : JSON.stringify(entry.apres),
      ip: ctx.ip ?? null,
      request_id: ctx.requestId ?? null,
    })
    .execute();
}
