// Recording the jury's decisions (decision_jury) from the rule engine's results: the DEC's « Enregistrer
// les décisions » (issue 7) and the Jury portal, which records them again at once after each grade it
// modifies and before closing (issue 8). A candidate without a computable result (a grade missing) has
// no decision: he is listed, and a jury cannot be closed while one remains.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import type { CandidatJury } from './jurys.repo.ts';
import { decisionCalculee, libelleDecision } from './resultats.ts';

export type DecisionForcee = 'admis' | 'ajourne';

export async function enregistrerDecisionsCalculees(
  trx: Transaction<DB>,
  juryId: number,
  candidats: readonly CandidatJury[],
  forcees: ReadonlyMap<number, DecisionForcee>,
  compteId: number,
  opts: { effacerIncompletes?: boolean } = {},
): Promise<{ lignes: Array<{ candidature_id: number; decision: string }>; sansDecision: string[] }> {
  const lignes = [];
  const sansDecision: string[] = [];
  const incompletes: number[] = [];
  for (const c of candidats) {
    const calcul = decisionCalculee(c.resultat);
    const forcee = forcees.get(c.candidatureId);
    if (calcul.decision === 'incomplet') {
      sansDecision.push(c.numeroCandidat);
      incompletes.push(c.candidatureId);
      continue;
    }
    const explication =
      forcee && forcee !== calcul.decision
        ? [...calcul.explication, `Décision du jury : ${libelleDecision(forcee).toLowerCase()} (le calcul donnait : ${libelleDecision(calcul.decision).toLowerCase()})`]
        : calcul.explication;
    lignes.push({
      candidature_id: c.candidatureId,
      jury_id: juryId,
      decision: forcee ?? calcul.decision,
      moyenne: calcul.moyenne,
      mention: forcee === 'ajourne' ? null : calcul.mention,
      explication: JSON.stringify(explication),
      decide_par: compteId,
    });
  }
  if (lignes.length) {
    await trx
      .insertInto('decision_jury')
      .values(lignes)
      .onConflict((oc) =>
        oc.column('candidature_id').doUpdateSet((eb) => ({
          jury_id: eb.ref('excluded.jury_id'),
          decision: eb.ref('excluded.decision'),
          moyenne: eb.ref('excluded.moyenne'),
          mention: eb.ref('excluded.mention'),
          explication: eb.ref('excluded.explication'),
          decide_par: eb.ref('excluded.decide_par'),
          decide_le: sql<Date>`now()`,
        })),
      )
      .execute();
  }
  if (opts.effacerIncompletes && incompletes.length) await trx.deleteFrom('decision_jury').where('candidature_id', 'in', incompletes).execute();
  return { lignes, sansDecision };
}
