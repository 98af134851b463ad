// Issue 13 §4–5: the national administrator, who reads the audit entries that belong to no académie
// (failed logins on an unknown identifiant, lockouts of an address). An administrateur attribution is
// national when this flag is set; it keeps its académie (the platform's académie of attachment) for
// everything else. The brute-force limits themselves stay in limitation_connexion (migration 001):
// only the keys written there change (docs/decisions/0010-verrouillage-cles-otp.md).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table role_attribution add column national boolean not null default false;
alter table role_attribution add constraint role_attribution_national check (not national or role = 'administrateur');
-- The DSI's alert reads a key's recent failed attempts from the audit log.
create index audit_log_action_le on audit_log(action, le);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
drop index if exists audit_log_action_le;
alter table role_attribution drop constraint if exists role_attribution_national;
alter table role_attribution drop column if exists national;
`,
  );
}
