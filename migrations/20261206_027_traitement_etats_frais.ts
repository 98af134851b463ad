// Traitement des états de frais (issue 16, decision 0032): the indexes the gestionnaire's screens read
// through — the corrections of one état (its history), the états grouped onto one état (a partial
// index: few are), and the receipts counted per état in the list (frais_piece_etat, migration 022,
// already leads with etat_frais_id). The list itself filters on etat_frais(academie_code, statut)
// (migration 022) and joins by primary keys.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create index frais_correction_etat on frais_correction(etat_frais_id, le);
create index etat_frais_regroupe_dans on etat_frais(regroupe_dans_id) where regroupe_dans_id is not null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index if exists etat_frais_regroupe_dans; drop index if exists frais_correction_etat;`);
}
