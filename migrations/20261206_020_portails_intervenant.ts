// Issue 15 (seed 004 §2.6, §2.7, §2.10): the portals of the intervenant service.
// - santorin_etat: the correction state of a mission as SANTORIN reports it (« A corriger », « A
//   numériser », « Service fait »), imported by the gestionnaire (« Imports de données »). A row without
//   personne is the mission's state; a row with a personne is that corrector's own state (his lot is
//   closed while others still correct), which prevails for him.
// - application_externe: the address of each external application (SANTORIN, CYCLADES…) per académie,
//   where the portals hand their users off with a signed token (decision 0022).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table santorin_etat (
  id serial primary key,
  academie_code text not null references academie(code),
  mission_id integer not null references mission(id) on delete cascade,
  personne_id integer references personne(id) on delete cascade,
  etat text not null check (etat in ('a_corriger','a_numeriser','service_fait')),
  importe_le timestamptz not null default now(),
  traitement_id uuid references traitement(id) on delete set null
);
create unique index santorin_etat_correcteur on santorin_etat (mission_id, personne_id) where personne_id is not null;
create unique index santorin_etat_mission on santorin_etat (mission_id) where personne_id is null;
create index santorin_etat_personne on santorin_etat (personne_id);

create table application_externe (
  academie_code text not null references academie(code),
  application text not null check (application in ('SANTORIN','CYCLADES','CYCLADES_EPS','DELOS_BNS','SANTORIN_STATS')),
  url text not null check (url ~ '^https?://'),
  version integer not null default 1,
  modifie_le timestamptz not null default now(),
  modifie_par integer references compte(id),
  primary key (academie_code, application)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop table if exists application_externe; drop table if exists santorin_etat;`);
}
