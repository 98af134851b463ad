// Moving juries from one état to the next (issue 7, seed 001): every change goes through
// `changerEtat`, inside the caller's transaction. The domain (src/domain/cyclades/jury.ts) says who may
// do what from which état and words the refusal; here the change is applied with a conditional update
// on the état read, so that two clicks at once never move a jury twice (the second finds it moved and
// is refused with the same French message), and each move is written to jury_transition and audited.
import { sql, type Transaction } from 'kysely';
import { OPERATIONS_JURY, verifierOperation, type EtatJury, type OperationJury } from '../../domain/cyclades/jury.ts';
import { audit } from '../platform/audit.ts';
import type { DB } from '../platform/db/tables.ts';
import { conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import { porteeJurys } from './jurys.repo.ts';

export interface DemandeTransition {
  juryIds: readonly number[];
  de: EtatJury;
  vers: EtatJury;
  trace: Trace;
}

/** The operation of the domain that moves a jury from `de` to `vers`. */
export function operationDe(de: EtatJury, vers: EtatJury): OperationJury {
  const op = (Object.keys(OPERATIONS_JURY) as OperationJury[]).find((o) => OPERATIONS_JURY[o].vers === vers && OPERATIONS_JURY[o].depuis.includes(de));
  if (!op) throw new RangeError(`Aucune opération ne fait passer un jury de l'état ${de} à l'état ${vers}.`);
  return op;
}

/**
 * Moves these juries (all within the actor's scope, else 404) from `de` to `vers`; all or nothing: a
 * jury in another état (or moved meanwhile by someone else) refuses the whole request with the
 * domain's French message (409). Closing (210 → 211) also needs a decision for every candidate.
 * Returns the ids moved.
 */
export async function changerEtat(trx: Transaction<DB>, actor: Actor, demande: DemandeTransition): Promise<number[]> {
  const operation = operationDe(demande.de, demande.vers);
  const ids = [...new Set(demande.juryIds)];
  if (!ids.length) return [];
  const portee = porteeJurys(actor);
  let q = trx.selectFrom('jury').select(['id', 'numero', 'etat', 'version', 'academie_code']).where('id', 'in', ids);
  if (portee.academieCode !== undefined) q = q.where('academie_code', '=', portee.academieCode);
  if (portee.centreId !== undefined) q = q.where('centre_deliberation_id', '=', portee.centreId);
  if (portee.juryIds !== undefined) q = q.where('id', 'in', portee.juryIds.length ? [...portee.juryIds] : [0]);
  const jurys = await q.orderBy('numero').execute();
  if (jurys.length !== ids.length) throw introuvable(portee.introuvable);

  const sansDecision = new Map<number, string[]>();
  if (operation === 'clore') {
    const rows = await trx
      .selectFrom('candidature as c')
      .leftJoin('decision_jury as d', 'd.candidature_id', 'c.id')
      .select(['c.jury_id', 'c.numero_candidat'])
      .where('c.jury_id', 'in', ids)
      .where((eb) => eb.or([eb('d.candidature_id', 'is', null), eb('d.decision', '=', 'incomplet')]))
      .orderBy('c.numero_candidat')
      .execute();
    for (const r of rows) sansDecision.set(r.jury_id!, [...(sansDecision.get(r.jury_id!) ?? []), r.numero_candidat]);
  }
  const refus = jurys.flatMap((j) => {
    const v = verifierOperation({ numero: j.numero, etat: j.etat }, operation, actor.role, sansDecision.get(j.id) ?? []);
    return v.ok ? [] : [v.message];
  });
  if (refus.length) throw conflit(refus.join(' '));

  // Conditional on the état read: a concurrent request that moved a jury first leaves it out here.
  const deplaces = await trx
    .updateTable('jury')
    .set((eb) => ({ etat: demande.vers, version: eb('version', '+', 1), modifie_le: sql<Date>`now()` }))
    .where('id', 'in', ids)
    .where('etat', '=', demande.de)
    .returning(['id', 'numero', 'version'])
    .execute();
  if (deplaces.length !== ids.length) {
    const bouges = new Set(deplaces.map((d) => d.id));
    const autres = await trx.selectFrom('jury').select(['id', 'numero', 'etat']).where('id', 'in', ids.filter((id) => !bouges.has(id))).orderBy('numero').execute();
    // The whole request is refused: the caller's transaction rolls back the juries moved above.
    throw conflit(
      autres
        .map((j) => {
          const v = verifierOperation({ numero: j.numero, etat: j.etat }, operation, actor.role);
          return v.ok ? `Le jury ${j.numero} vient d'être modifié par ailleurs : rechargez la page.` : v.message;
        })
        .join(' '),
    );
  }
  await trx
    .insertInto('jury_transition')
    .values(deplaces.map((d) => ({ jury_id: d.id, de: demande.de, vers: demande.vers, par_compte_id: actor.compteId })))
    .execute();
  const ctx = contexteAudit(actor, demande.trace);
  const academieDe = new Map(jurys.map((j) => [j.id, j.academie_code]));
  for (const d of deplaces) {
    // Logged in the jury's académie: a Jury portal session may close another académie's jury (Cas 2).
    await audit(trx, { ...ctx, academieCode: academieDe.get(d.id)! }, {
      action: `jury.${operation}`,
      entite: 'jury',
      entiteId: d.id,
      avant: { numero: d.numero, etat: demande.de },
      apres: { numero: d.numero, etat: demande.vers, version: d.version },
    });
  }
  return deplaces.map((d) => d.id).sort((a, b) => a - b);
}
