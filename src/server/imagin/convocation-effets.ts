// What follows every creation or change of a convocation, whoever made it (gestionnaire or centre):
// a convocation by another académie gives the person an indisponibilité in their home académie, with
// the motif "CONVOCATION PAR IMAGIN <ACADEMIE>" and one period per date held (003 §4.2, issue 5 §5).
// Deleting the convocation deletes them (foreign key on delete cascade).
import { motifConvocationAutreAcademie } from '../../domain/imagin/convocations.ts';
import type { Db } from '../platform/db/database.ts';

/** Re-creates the indisponibilités that these convocations give in the persons' home académies. Inside the caller's transaction. */
export async function synchroniserIndisponibilitesAutreAcademie(trx: Db, convocationIds: readonly number[]): Promise<void> {
  if (convocationIds.length === 0) return;
  const ids = [...new Set(convocationIds)];
  await trx.deleteFrom('indisponibilite').where('convocation_id', 'in', ids).where('source', '=', 'CONVOCATION').execute();
  const rows = await trx
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .innerJoin('academie as a', 'a.code', 'c.academie_code')
    .innerJoin('convocation_creneau as cr', 'cr.convocation_id', 'c.id')
    .select(['c.id', 'c.personne_id', 'p.academie_code as academie_personne', 'a.nom_majuscule', 'cr.jour', 'cr.heure_debut', 'cr.heure_fin'])
    .where('c.id', 'in', ids)
    .where('c.statut', '=', 'convoquee')
    .whereRef('c.academie_code', '<>', 'p.academie_code')
    .execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('indisponibilite')
    .values(
      rows.map((r) => ({
        personne_id: r.personne_id,
        academie_code: r.academie_personne,
        date_debut: r.jour,
        heure_debut: r.heure_debut,
        date_fin: r.jour,
        heure_fin: r.heure_fin,
        motif: motifConvocationAutreAcademie(r.nom_majuscule),
        source: 'CONVOCATION' as const,
        convocation_id: r.id,
      })),
    )
    .execute();
}
