// Moving juries from one état to the next (issue 7, seed 001): every change goes through
// `changerEtat`, inside the caller's transaction. The domain (src/domain/cyclades/jury.ts) says who may
// do what from which état and words the refusal; here the change is applied with a conditional update
// on the état read, so that two clicks at once never move a jury twice (the second finds it moved and
// is refused with the same French message), and each move is written to jury_transition and audited.
// A selection in mixed états moves the juries that can move and reports the others (changerEtatPartiel).
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

/** The audit action of the PV de tenue de délibération printed for a jury (one line per jury). */
export const ACTION_EDITION_PV = 'deliberation.edition-pv';

/** A jury of the selection that did not move, and why (the domain's French message). */
export interface RefusTransition {
  id: number;
  numero: string;
  message: string;
}

export interface ResultatTransition {
  /** The ids moved, ascending. */
  deplaces: number[];
  /** The others, by number. */
  refus: RefusTransition[];
}

/**
 * Moves these juries (all within the actor's scope, else 404) from `de` to `vers`, all or nothing: a
 * jury in another état (or moved meanwhile by someone else) refuses the whole request with the
 * domain's French message (409; the caller's transaction rolls back). Returns the ids moved.
 */
export async function changerEtat(trx: Transaction<DB>, actor: Actor, demande: DemandeTransition): Promise<number[]> {
  const r = await changerEtatPartiel(trx, actor, demande);
  if (r.refus.length) throw conflit(r.refus.map((x) => x.message).join(' '));
  return r.deplaces;
}

/**
 * Moves those of these juries (all within the actor's scope, else 404) that can move from `de` to
 * `vers`, and reports the others by number with the domain's reason (issue 13 §17: a selection in
 * mixed états is not refused whole). When none can move, 409 with every reason. Closing (210 → 211)
 * needs a decision for every candidate; ending (211 → 214) needs the jury's PV printed (decision 0011).
 */
export async function changerEtatPartiel(trx: Transaction<DB>, actor: Actor, demande: DemandeTransition): Promise<ResultatTransition> {
  const operation = operationDe(demande.de, demande.vers);
  const ids = [...new Set(demande.juryIds)];
  if (!ids.length) return { deplaces: [], refus: [] };
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
  let pvEdites: Set<number> | undefined;
  if (operation === 'terminer') {
    const rows = await trx
      .selectFrom('audit_log')
      .select('entite_id')
      .distinct()
      .where('entite', '=', 'jury')
      .where('action', '=', ACTION_EDITION_PV)
      .where('entite_id', 'in', ids.map(String))
      .execute();
    pvEdites = new Set(rows.map((r) => Number(r.entite_id)));
  }
  const refus: RefusTransition[] = [];
  const possibles: number[] = [];
  for (const j of jurys) {
    const v = verifierOperation({ numero: j.numero, etat: j.etat }, operation, actor.role, sansDecision.get(j.id) ?? [], pvEdites ? pvEdites.has(j.id) : undefined);
    if (v.ok) possibles.push(j.id);
    else refus.push({ id: j.id, numero: j.numero, message: v.message });
  }

  // Conditional on the état read: a concurrent request that moved a jury first leaves it out here.
  const deplaces = possibles.length
    ? await trx
        .updateTable('jury')
        .set((eb) => ({ etat: demande.vers, version: eb('version', '+', 1), modifie_le: sql<Date>`now()` }))
        .where('id', 'in', possibles)
        .where('etat', '=', demande.de)
        .returning(['id', 'numero', 'version'])
        .execute()
    : [];
  if (deplaces.length !== possibles.length) {
    const bouges = new Set(deplaces.map((d) => d.id));
    const autres = await trx.selectFrom('jury').select(['id', 'numero', 'etat']).where('id', 'in', possibles.filter((id) => !bouges.has(id))).orderBy('numero').execute();
    for (const j of autres) {
      const v = verifierOperation({ numero: j.numero, etat: j.etat }, operation, actor.role);
      refus.push({ id: j.id, numero: j.numero, message: v.ok ? `Le jury ${j.numero} vient d'être modifié par ailleurs : rechargez la page.` : v.message });
    }
  }
  refus.sort((a, b) => a.numero.localeCompare(b.numero));
  if (!deplaces.length) throw conflit(refus.map((x) => x.message).join(' '));
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
  return { deplaces: deplaces.map((d) => d.id).sort((a, b) => a - b), refus };
}

/** « Enregistrement effectué … ; le jury 31202 n'a pas été déplacé : <raison> » — the refused part of a selection. */
export function phraseRefus(refus: readonly RefusTransition[]): string {
  if (!refus.length) return '';
  const n = refus.length;
  return ` ${n > 1 ? `${n} jurys n'ont pas été déplacés` : "1 jury n'a pas été déplacé"} (${refus.map((r) => r.numero).join(', ')}) : ${refus.map((r) => r.message).join(' ')}`;
}
