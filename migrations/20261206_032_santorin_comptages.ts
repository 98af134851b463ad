// Issue 17 (decision 0036): the SANTORIN counts imported by the gestionnaire (« Imports de données »,
// kind santorin-comptages): for each convocation, the number of copies SANTORIN counts for the
// corrector and the number of candidates for the examiner, when and by which import. They are kept
// apart from the constat de service fait (csf_*, written by the centre or the gestionnaire); for the
// missions paid « santorin » (correction dématérialisée, épreuve écrite ponctuelle du contrôle continu)
// the import also gives csf_nb_copies, the figure the état de frais reads (« Nombre de copies transmis
// par SANTORIN »), unless a centre or a gestionnaire has made the constat (csf_par not null).
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table convocation add column santorin_nb_copies integer check (santorin_nb_copies between 0 and 9999);
alter table convocation add column santorin_nb_candidats integer check (santorin_nb_candidats between 0 and 9999);
alter table convocation add column santorin_le timestamptz;
alter table convocation add column santorin_traitement_id uuid references traitement(id) on delete set null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `alter table convocation drop column if exists santorin_traitement_id, drop column if exists santorin_le,
       drop column if exists santorin_nb_candidats, drop column if exists santorin_nb_copies;`,
  );
}
