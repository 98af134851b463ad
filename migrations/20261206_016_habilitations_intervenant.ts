// Issue 15 (seed 004 §2.10): the grade of a person, read to recognise the inspecteurs généraux, who
// reach « Gestion des sujets » and « Statistiques nationales de notation » (the others need the
// discipline de poste IMSUJ / IMSTA). Filled by the personnels import (EPP/SIRHEN) and the demo.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table personne add column grade text not null default '';`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table personne drop column grade;`);
}
