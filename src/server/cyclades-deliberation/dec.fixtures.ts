// Tests of the deliberation (issue 7): a platform with the demo loaded (BREQUIGNY's three juries at
// 140 and the Jury portal's 25590 at 210, LA PROMENADE's jury 30001 at 140; Nantes' 44590, deliberated
// in BREQUIGNY, at 210), the actors of the demo as services see them, and a few shortcuts.
import { UAI_LP_RENNES, UAI_LYCEE_RENNES } from '../demo/donnees.ts';
import { chargerDemo } from '../demo/demo.ts';
import type { EtatJury } from '../platform/db/tables.ts';
import type { Actor } from '../platform/policy.ts';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';

export { MOT_DE_PASSE_AGENTS } from '../demo/comptes.ts';

export interface PlateformeDeliberation {
  p: TestPlatform;
  /**
   * Jury ids by number: 25510, 31202, 31210 (BREQUIGNY, at 140), 25590 (BREQUIGNY, at 210, the Jury
   * portal's), 30001 (LA PROMENADE); 44590 (académie 17, deliberated in BREQUIGNY, at 210).
   */
  jurys: Record<string, number>;
  etabs: { brequigny: number; promenade: number };
  sessionId: number;
}

export async function plateformeDeliberation(): Promise<PlateformeDeliberation> {
  const p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1 });
  const db = p.ctx.db;
  const jurys = Object.fromEntries((await db.selectFrom('jury').select(['id', 'numero']).execute()).map((j) => [j.numero, j.id]));
  const etab = async (uai: string) => (await db.selectFrom('etablissement').select('id').where('uai', '=', uai).executeTakeFirstOrThrow()).id;
  const session = await db.selectFrom('jury').select('session_examen_id').executeTakeFirstOrThrow();
  return { p, jurys, etabs: { brequigny: await etab(UAI_LP_RENNES), promenade: await etab(UAI_LYCEE_RENNES) }, sessionId: session.session_examen_id };
}

/** The actor of a demo account, as the HTTP layer would build it. */
export async function acteurDemo(p: TestPlatform, login: string): Promise<Actor> {
  const r = await p.ctx.db
    .selectFrom('compte as c')
    .innerJoin('role_attribution as ra', 'ra.compte_id', 'c.id')
    .select(['c.id', 'c.login', 'c.personne_id', 'ra.id as ra_id', 'ra.role', 'ra.academie_code', 'ra.etablissement_id'])
    .where('c.login', '=', login)
    .executeTakeFirstOrThrow();
  return {
    compteId: r.id,
    login: r.login,
    role: r.role,
    roleAttributionId: r.ra_id,
    academieCode: r.academie_code,
    etablissementId: r.etablissement_id,
    personneId: r.personne_id,
    service: r.role === 'gestionnaire' ? 'imagin-gestion' : 'cyclades-etablissement',
    sessionId: 'test',
    motDePasseTemporaire: false,
  };
}

/** Puts juries in an état directly (setting up a later step of the chain). */
export async function mettreEtat(p: TestPlatform, juryIds: number[], etat: EtatJury): Promise<void> {
  await p.ctx.db.updateTable('jury').set({ etat }).where('id', 'in', juryIds).execute();
}
