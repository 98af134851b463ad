// Treatments: the steps a treatment has completed, so that a retried treatment skips the effects it
// already committed (issue 2 §4); and the index of the académie-wide list of treatments.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
create table traitement_etape (
  traitement_id uuid not null references traitement(id) on delete cascade,
  cle text not null,
  resultat jsonb,
  fait_le timestamptz not null default now(),
  primary key (traitement_id, cle)
);

create index traitement_academie on traitement(academie_code, cree_le desc);
create index document_traitement on document(traitement_id);
`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
drop index if exists document_traitement;
drop index if exists traitement_academie;
drop table if exists traitement_etape;
`);
}
