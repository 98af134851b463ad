// IMAG'IN service établissement (issue 4): which gestionnaires manage which exam (the mail sent when a
// new indisponibilité overlaps missions, docs/decisions/0003), the "Structure enseignement" of STS-WEB
// teaching rows, and the dates a convocation actually holds its intervenant (convocation_creneau).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
-- The gestionnaires in charge of an exam in an académie; none assigned: every gestionnaire of the académie.
create table gestionnaire_examen (
  compte_id integer not null references compte(id) on delete cascade,
  academie_code text not null references academie(code),
  examen_code text not null references examen(code),
  primary key (compte_id, academie_code, examen_code)
);
create index gestionnaire_examen_examen on gestionnaire_examen(academie_code, examen_code);

-- STS-WEB "Structure enseignement": "Div. Classe : 2NDE3", "Groupe : LV2 ESP".
alter table enseignement add column structure text not null default '';
create index enseignement_matiere on enseignement(matiere);

create index indisponibilite_convocation on indisponibilite(convocation_id) where convocation_id is not null;
create index correspondance_epreuve on correspondance_enseignement(epreuve_option_id);

-- The dates a convocation holds its intervenant: its own dates (partial or specific affectation),
-- otherwise its commission's, otherwise the mission's. Same rule as datesEffectives (src/domain/imagin/periodes.ts).
create view convocation_creneau as
  select c.id as convocation_id, c.personne_id, d.jour, d.heure_debut, d.heure_fin, 'convocation'::text as origine
    from convocation c join convocation_date d on d.convocation_id = c.id
  union all
  select c.id, c.personne_id, k.jour, k.heure_debut, k.heure_fin, 'commission'::text
    from convocation c join commission_date k on k.commission_id = c.commission_id
   where not exists (select 1 from convocation_date x where x.convocation_id = c.id)
  union all
  select c.id, c.personne_id, m.jour, m.heure_debut, m.heure_fin, 'mission'::text
    from convocation c join mission_date m on m.mission_id = c.mission_id
   where not exists (select 1 from convocation_date x where x.convocation_id = c.id)
     and not exists (select 1 from commission_date y where y.commission_id = c.commission_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop view if exists convocation_creneau;
     drop index if exists correspondance_epreuve;
     drop index if exists indisponibilite_convocation;
     drop index if exists enseignement_matiere;
     alter table enseignement drop column if exists structure;
     drop table if exists gestionnaire_examen;`,
  );
}
