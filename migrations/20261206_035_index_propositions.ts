// « Proposer des intervenants » (issue 17 §4, docs/decisions/0038-propositions.md): the indexes of its
// per-criterion queries (src/server/imagin-gestion/suggestions.repo.ts), so that each reads only the
// épreuve-option's compétences and the periods touching the mission's days instead of whole tables.
// - competence by épreuve-option (the unique (personne_id, epreuve_option_id) starts with the person);
// - indisponibilités by end then start date (date_fin >= first day, date_debut <= last day);
// - the days of missions, commissions and convocations (the view convocation_creneau restricted to
//   the mission's days).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create index competence_epreuve_option on competence(epreuve_option_id);
create index indisponibilite_periode on indisponibilite(date_fin, date_debut);
create index mission_date_jour on mission_date(jour);
create index commission_date_jour on commission_date(jour);
create index convocation_date_jour on convocation_date(jour);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop index if exists convocation_date_jour;
     drop index if exists commission_date_jour;
     drop index if exists mission_date_jour;
     drop index if exists indisponibilite_periode;
     drop index if exists competence_epreuve_option;`,
  );
}
