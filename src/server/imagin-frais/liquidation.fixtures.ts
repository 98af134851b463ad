// Fixtures of the liquidation tests and benchmark: `n` états de frais validated by the gestionnaire in
// one académie, over two examens, each with a numéro d'ordre and amounts (estimates, some overridden
// by the gestionnaire), built in a few set-based statements so that 10,000 take a moment.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/tables.ts';

export interface FixtureLiquidation {
  etats: number[];
  sessions: { bac: number; bts: number };
}

/** Needs the académie (fixtureReferentiel: '14', '16') and its établissement `centreId`. */
export async function fixtureEtatsValides(db: Kysely<DB>, o: { academie: string; centreId: number; n: number; debutNumero?: number; jour?: string }): Promise<FixtureLiquidation> {
  await db
    .insertInto('examen')
    .values([
      { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { code: '320', sigle: 'BTS', libelle: 'TOUS LES BTS' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('type_mission')
    .values([{ code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' }])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const session = async (examen: string, libelle: string) => {
    const ex = await db.selectFrom('session_examen').select('id').where('examen_code', '=', examen).where('code', '=', '2026-06').executeTakeFirst();
    if (ex) return ex.id;
    return (await db.insertInto('session_examen').values({ examen_code: examen, code: '2026-06', libelle, annee: 2026 }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const bac = await session('470', 'BGT 2026');
  const bts = await session('320', 'BTS 2026');
  const base = o.debutNumero ?? 500_000;
  const jour = o.jour ?? '2026-06-10';
  // One mission per état (missions alternate between the two sessions), one person per état.
  await sql`
    insert into mission (academie_code, numero, session_examen_id, type_mission, centre_id)
    select ${o.academie}, ${base} + g, case when g % 3 = 0 then ${bts}::int else ${bac}::int end, 'CORCOP', ${o.centreId}
    from generate_series(1, ${o.n}) g`.execute(db);
  await sql`
    insert into mission_date (mission_id, jour, heure_debut, heure_fin)
    select id, ${jour}::date, '08:00', '17:00' from mission where academie_code = ${o.academie} and numero between ${base + 1} and ${base + o.n}`.execute(db);
  await sql`
    insert into personne (academie_code, civilite, nom, prenom, numen, nir, iban_fin, email_pro)
    select ${o.academie}, 'Mme', 'LIQUIDATION-' || (${base} + g), 'Claire', '14E' || lpad(((${base} + g) % 10000000)::text, 7, '0') || 'LIQ',
      case when g % 50 = 0 then null else '2' || lpad(g::text, 14, '0') end, lpad((g % 10000)::text, 4, '0'), 'liq' || (${base} + g) || '@example.fr'
    from generate_series(1, ${o.n}) g`.execute(db);
  await sql`
    insert into convocation (academie_code, mission_id, personne_id, statut, origine)
    select m.academie_code, m.id, p.id, 'convoquee', 'gestionnaire'
    from mission m join personne p on p.nom = 'LIQUIDATION-' || m.numero and p.academie_code = m.academie_code
    where m.academie_code = ${o.academie} and m.numero between ${base + 1} and ${base + o.n}`.execute(db);
  // The trigger created the états; validate them (numéro d'ordre, estimates, some retained figures).
  const r = await sql<{ id: number }>`
    update etat_frais f set statut = 'valide_gestionnaire', numero_ordre = m.numero - 500000,
      montant_remuneration_centimes = 10000 + (m.numero % 7) * 1000,
      montant_deplacement_centimes = case when m.numero % 2 = 0 then 2550 else null end,
      montant_retenu_remuneration_centimes = case when m.numero % 5 = 0 then 9000 else null end,
      valide_le = '2026-06-12T10:00:00Z', traite_le = '2026-06-13T10:00:00Z'
    from convocation c join mission m on m.id = c.mission_id
    where c.id = f.convocation_id and m.academie_code = ${o.academie} and m.numero between ${base + 1} and ${base + o.n}
    returning f.id`.execute(db);
  return { etats: r.rows.map((x) => x.id).sort((a, b) => a - b), sessions: { bac, bts } };
}

/** What the batch must pay for one état of the fixture: [rémunération, déplacement] in centimes. */
export function montantsAttendus(numeroOrdre: number): [number, number | null] {
  const numero = 500_000 + numeroOrdre;
  const rem = numero % 5 === 0 ? 9000 : 10000 + (numero % 7) * 1000;
  const dep = numero % 2 === 0 ? 2550 : null;
  return [rem, dep];
}
