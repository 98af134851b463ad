// Issue 13 §23: one generation of the pupils' CYCLADES accounts per établissement at a time. The
// generation and the regeneration of passwords (seed 002 §1 and §2) both replace passwords and print
// papillons: two runs side by side left look-alike papillons of which only the last one worked. The
// rule is held by the database, whatever the number of server processes: at most one such treatment
// waiting or running per établissement (a partial unique index). A second launch fails on it and the
// service answers 409 naming the run in progress (docs/decisions/0017-une-generation-de-comptes-a-la-fois.md).
// The treatment's status is kept by the platform (finished, failed, abandoned after a crash): the
// établissement is free again as soon as its run ends, however it ends.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

const TYPES = `('cyclades.comptes-candidats','cyclades.regeneration-mots-de-passe')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
-- Runs launched side by side before this rule: the oldest one goes on, the others are settled.
with doublons as (
  select id from (
    select id, row_number() over (partition by etablissement_id order by cree_le, id) as rang
    from traitement
    where type in ${TYPES} and statut in ('en_attente','en_cours') and etablissement_id is not null
  ) t where rang > 1
), arretes as (
  update traitement set statut = 'erreur', fin = now(),
    erreur = 'Arrêté : une autre génération des comptes de l''établissement était en cours.'
  where id in (select id from doublons)
  returning id
)
insert into traitement_log (traitement_id, niveau, message)
select id, 'erreur', 'Le traitement a été arrêté : une autre génération des comptes de votre établissement était déjà en cours.' from arretes;

create unique index traitement_une_generation_comptes on traitement (etablissement_id)
  where type in ${TYPES} and statut in ('en_attente','en_cours');
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index if exists traitement_une_generation_comptes;`);
}
