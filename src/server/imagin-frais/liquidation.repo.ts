// Liquidation des états de frais (issue 16 §8, décision 0033): the SQL of the batches. A frais enters
// one batch ever: liquidation_ligne's primary key (etat_frais_id, nature) refuses a second line, and the
// états are taken `for update skip locked` so that two batches started at once share them out instead
// of waiting on each other.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

export interface FiltresLiquidation {
  examenCode?: string | undefined;
  sessionId?: number | undefined;
}

function conditionsFiltres(f: FiltresLiquidation) {
  return sql`${f.examenCode ? sql`and se.examen_code = ${f.examenCode}` : sql``} ${f.sessionId ? sql`and m.session_examen_id = ${f.sessionId}` : sql``}`;
}

/** The rémunération and déplacement amounts a batch pays: the gestionnaire's figure, else the estimate. */
const MONTANT_REM = sql`coalesce(f.montant_retenu_remuneration_centimes, f.montant_remuneration_centimes, 0)`;
const MONTANT_DEP = sql`coalesce(f.montant_retenu_deplacement_centimes, f.montant_deplacement_centimes, 0)`;

/** États ready for a batch: validated by the gestionnaire, in no batch, with something to pay. */
export async function compterPrets(db: Executeur, academieCode: string, f: FiltresLiquidation = {}): Promise<{ nb: number; total: number; sansMontant: number }> {
  const r = await sql<{ nb: number; total: string | null; sans_montant: number }>`
    select count(*) filter (where ${MONTANT_REM} + ${MONTANT_DEP} > 0)::int as nb,
      sum(${MONTANT_REM} + ${MONTANT_DEP}) as total,
      count(*) filter (where ${MONTANT_REM} + ${MONTANT_DEP} = 0)::int as sans_montant
    from etat_frais f
    join convocation c on c.id = f.convocation_id
    join mission m on m.id = c.mission_id
    join session_examen se on se.id = m.session_examen_id
    where f.academie_code = ${academieCode} and f.statut = 'valide_gestionnaire'
      and not exists (select 1 from liquidation_ligne l where l.etat_frais_id = f.id)
      ${conditionsFiltres(f)}`.execute(db);
  const x = r.rows[0]!;
  return { nb: x.nb, total: Number(x.total ?? 0), sansMontant: x.sans_montant };
}

/**
 * ICC répartition lines ready for a batch (décision 0033): validated by the gestionnaire, on a transmitted
 * declaration of the académie, in no batch.
 */
export async function compterIccPrets(db: Executeur, academieCode: string, f: FiltresLiquidation = {}): Promise<{ nb: number; total: number }> {
  const r = await sql<{ nb: number; total: string | null }>`
    select count(*)::int as nb, sum(r.montant_centimes) as total
    from icc_repartition r
    join icc_declaration d on d.id = r.declaration_id
    join session_examen se on se.id = d.session_examen_id
    where d.academie_code = ${academieCode} and d.statut_saisie = 'transmis' and r.statut = 'valide'
      and r.liquidation_lot_id is null and r.montant_centimes > 0
      ${f.examenCode ? sql`and se.examen_code = ${f.examenCode}` : sql``} ${f.sessionId ? sql`and d.session_examen_id = ${f.sessionId}` : sql``}`.execute(db);
  return { nb: r.rows[0]!.nb, total: Number(r.rows[0]!.total ?? 0) };
}

/** Takes the ready ICC lines into the batch (each line in one batch ever: only while it has none). */
export async function prendreIcc(trx: Transaction<DB>, v: { lotId: number; academieCode: string; filtres: FiltresLiquidation }): Promise<number> {
  const f = v.filtres;
  const r = await sql<{ id: number }>`
    update icc_repartition r set liquidation_lot_id = ${v.lotId}::int
    from icc_declaration d, session_examen se
    where d.id = r.declaration_id and se.id = d.session_examen_id
      and d.academie_code = ${v.academieCode} and d.statut_saisie = 'transmis' and r.statut = 'valide'
      and r.liquidation_lot_id is null and r.montant_centimes > 0
      ${f.examenCode ? sql`and se.examen_code = ${f.examenCode}` : sql``} ${f.sessionId ? sql`and d.session_examen_id = ${f.sessionId}` : sql``}
    returning r.id`.execute(trx);
  return r.rows.length;
}

/** Serialises the batches of one académie (the académie's row, locked until the transaction ends). */
export async function verrouillerAcademie(trx: Transaction<DB>, academieCode: string): Promise<void> {
  await sql`select code from academie where code = ${academieCode} for update`.execute(trx);
}

/** The académie's batch whose treatment is still waiting or running, if any. */
export async function lotEnCours(db: Executeur, academieCode: string) {
  return db
    .selectFrom('liquidation_lot as l')
    .innerJoin('traitement as t', 't.id', 'l.traitement_id')
    .select(['l.id', 'l.numero', 'l.traitement_id', 'l.cree_le', 't.statut'])
    .where('l.academie_code', '=', academieCode)
    .where('l.statut', '=', 'en_preparation')
    .where('t.statut', 'in', ['en_attente', 'en_cours'])
    .orderBy('l.id')
    .executeTakeFirst();
}

export async function creerLot(trx: Transaction<DB>, v: { academieCode: string; creePar: number | null; le: Date }): Promise<{ id: number; numero: number }> {
  const max = await trx.selectFrom('liquidation_lot').select((eb) => eb.fn.max('numero').as('n')).where('academie_code', '=', v.academieCode).executeTakeFirst();
  const numero = Number(max?.n ?? 0) + 1;
  const r = await trx
    .insertInto('liquidation_lot')
    .values({ academie_code: v.academieCode, numero, cree_le: v.le, cree_par: v.creePar })
    .returning(['id', 'numero'])
    .executeTakeFirstOrThrow();
  return r;
}

export async function rattacherTraitement(trx: Transaction<DB>, lotId: number, traitementId: string): Promise<void> {
  await trx.updateTable('liquidation_lot').set({ traitement_id: traitementId }).where('id', '=', lotId).execute();
}

/**
 * Takes the ready états into the batch, one line per nature with an amount, and moves them to
 * « traite_gestionnaire ». Idempotent: what another batch (or an earlier try) took is skipped.
 */
export async function prendreFrais(
  trx: Transaction<DB>,
  v: { lotId: number; academieCode: string; filtres: FiltresLiquidation; le: Date; par: number | null },
): Promise<{ nbFrais: number; nbLignes: number }> {
  const r = await sql<{ nb_frais: number; nb_lignes: number }>`
    with pris as (
      select f.id, ${MONTANT_REM} as rem, ${MONTANT_DEP} as dep
      from etat_frais f
      join convocation c on c.id = f.convocation_id
      join mission m on m.id = c.mission_id
      join session_examen se on se.id = m.session_examen_id
      where f.academie_code = ${v.academieCode} and f.statut = 'valide_gestionnaire'
        and not exists (select 1 from liquidation_ligne l where l.etat_frais_id = f.id)
        and ${MONTANT_REM} + ${MONTANT_DEP} > 0
        ${conditionsFiltres(v.filtres)}
      for update of f skip locked
    ), lignes as (
      insert into liquidation_ligne (lot_id, etat_frais_id, nature, montant_centimes)
      select ${v.lotId}::int, id, 'remuneration', rem from pris where rem > 0
      union all
      select ${v.lotId}::int, id, 'deplacement', dep from pris where dep > 0
      on conflict do nothing
      returning etat_frais_id
    ), maj as (
      update etat_frais f set statut = 'traite_gestionnaire', traite_le = ${v.le}::timestamptz, traite_par = ${v.par}::int, modifie_par = ${v.par}::int,
        version = f.version + 1, modifie_le = ${v.le}::timestamptz
      where f.id in (select etat_frais_id from lignes) and f.statut = 'valide_gestionnaire'
      returning f.id
    )
    select (select count(*) from maj)::int as nb_frais, (select count(*) from lignes)::int as nb_lignes`.execute(trx);
  const x = r.rows[0]!;
  return { nbFrais: x.nb_frais, nbLignes: x.nb_lignes };
}

export async function cloturerLot(trx: Transaction<DB>, lotId: number, t: { nbFrais: number; total: number }): Promise<void> {
  await trx
    .updateTable('liquidation_lot')
    .set({ statut: 'produit', nb_frais: t.nbFrais, total_centimes: t.total })
    .where('id', '=', lotId)
    .where('statut', '=', 'en_preparation')
    .execute();
}

export type NatureLigne = 'remuneration' | 'deplacement' | 'icc';

export interface LigneExport {
  /** Null for an ICC line. */
  etat_frais_id: number | null;
  /** The numéro d'ordre of the état, or « ICC-<id> » for an ICC répartition line. */
  reference: string;
  nature: NatureLigne;
  montant_centimes: number;
  nom: string;
  prenom: string;
  numen: string | null;
  nir: string | null;
  iban_fin: string | null;
  mission_numero: number | null;
  type_mission: string;
  examen_code: string;
  examen: string;
  session: string;
  debut: string | null;
}

/** Every line of a batch with what the financial system needs: the frais by numéro d'ordre, then the ICC. */
export async function lignesLot(db: Executeur, lotId: number): Promise<LigneExport[]> {
  const r = await sql<LigneExport>`
    select * from (
      select l.etat_frais_id, f.numero_ordre::text as reference, l.nature, l.montant_centimes, p.nom, p.prenom, p.numen, p.nir, p.iban_fin,
        m.numero as mission_numero, coalesce(tm.libelle, m.type_mission) as type_mission, se.examen_code, coalesce(x.libelle, se.examen_code) as examen, se.libelle as session,
        (select to_char(min(d.jour), 'YYYY-MM-DD') from mission_date d where d.mission_id = m.id) as debut,
        0 as groupe, f.numero_ordre as tri, f.id as tri2
      from liquidation_ligne l
      join etat_frais f on f.id = l.etat_frais_id
      join personne p on p.id = f.personne_id
      join convocation c on c.id = f.convocation_id
      join mission m on m.id = c.mission_id
      left join type_mission tm on tm.code = m.type_mission
      join session_examen se on se.id = m.session_examen_id
      left join examen x on x.code = se.examen_code
      where l.lot_id = ${lotId}
      union all
      select null, 'ICC-' || r.id, 'icc', r.montant_centimes, p.nom, p.prenom, p.numen, p.nir, p.iban_fin,
        null, 'Indemnité chef de centre (' || e.uai || ', période ' || d.periode || ')', se.examen_code, coalesce(x.libelle, se.examen_code), se.libelle,
        to_char(d.date_debut, 'YYYY-MM-DD'),
        1, r.id, r.id
      from icc_repartition r
      join icc_declaration d on d.id = r.declaration_id
      join etablissement e on e.id = d.etablissement_id
      join personne p on p.id = r.personne_id
      join session_examen se on se.id = d.session_examen_id
      left join examen x on x.code = se.examen_code
      where r.liquidation_lot_id = ${lotId}
    ) t
    order by groupe, tri nulls last, tri2, nature desc`.execute(db);
  return r.rows;
}

export async function lot(db: Executeur, academieCode: string, lotId: number) {
  return db
    .selectFrom('liquidation_lot')
    .selectAll()
    .where('academie_code', '=', academieCode)
    .where('id', '=', lotId)
    .executeTakeFirst();
}

export async function lots(db: Executeur, academieCode: string) {
  return sql<{
    id: number;
    numero: number;
    statut: 'en_preparation' | 'produit' | 'paye';
    traitement_id: string | null;
    traitement_statut: string | null;
    cree_le: Date;
    par: string | null;
    nb_frais: number;
    total_centimes: string;
    paye_le: Date | null;
    nb_lignes: number;
    nb_payees: number;
    total_remuneration: string | null;
    total_deplacement: string | null;
    total_icc: string | null;
    nb_icc: number;
    nb_icc_payees: number;
  }>`
    select l.id, l.numero, l.statut, l.traitement_id, t.statut as traitement_statut, l.cree_le, cp.login as par, l.nb_frais, l.total_centimes, l.paye_le,
      coalesce(s.nb_lignes, 0)::int as nb_lignes, coalesce(s.nb_payees, 0)::int as nb_payees, s.total_remuneration, s.total_deplacement,
      i.total_icc, coalesce(i.nb_icc, 0)::int as nb_icc, coalesce(i.nb_icc_payees, 0)::int as nb_icc_payees
    from liquidation_lot l
    left join traitement t on t.id = l.traitement_id
    left join compte cp on cp.id = l.cree_par
    left join lateral (
      select count(*) as nb_lignes, count(*) filter (where g.paye_le is not null) as nb_payees,
        sum(g.montant_centimes) filter (where g.nature = 'remuneration') as total_remuneration,
        sum(g.montant_centimes) filter (where g.nature = 'deplacement') as total_deplacement
      from liquidation_ligne g where g.lot_id = l.id
    ) s on true
    left join lateral (
      select sum(r.montant_centimes) as total_icc, count(*) as nb_icc, count(*) filter (where r.statut = 'paye') as nb_icc_payees
      from icc_repartition r where r.liquidation_lot_id = l.id
    ) i on true
    where l.academie_code = ${academieCode}
    order by l.numero desc`.execute(db).then((r) => r.rows);
}

export async function documentsDesTraitements(db: Executeur, traitementIds: readonly string[]) {
  if (traitementIds.length === 0) return [];
  return db.selectFrom('document').select(['id', 'nom', 'type_mime', 'taille', 'traitement_id']).where('traitement_id', 'in', [...traitementIds]).orderBy('nom').execute();
}

// ---------------------------------------------------------------------------------------------
// Payment return

export interface LigneAPayer {
  etat_frais_id: number;
  numero_ordre: number;
  nature: 'remuneration' | 'deplacement';
  montant_centimes: number;
  paye_le: Date | null;
}

/** The lines of a batch by numéro d'ordre, locked until the transaction ends (two returns at once). */
export async function lignesAPayer(trx: Transaction<DB>, lotId: number): Promise<LigneAPayer[]> {
  const r = await sql<LigneAPayer>`
    select l.etat_frais_id, f.numero_ordre, l.nature, l.montant_centimes, l.paye_le
    from liquidation_ligne l join etat_frais f on f.id = l.etat_frais_id
    where l.lot_id = ${lotId}
    for update of l`.execute(trx);
  return r.rows;
}

export async function marquerLignesPayees(trx: Transaction<DB>, lotId: number, lignes: ReadonlyArray<{ etatFraisId: number; nature: 'remuneration' | 'deplacement'; le: Date }>): Promise<number> {
  if (lignes.length === 0) return 0;
  // One statement for the whole file (a return of 15,000 lines), not one per line.
  const r = await sql<{ etat_frais_id: number }>`
    update liquidation_ligne l set paye_le = v.le
    from unnest(${sql.val(lignes.map((x) => x.etatFraisId))}::int[], ${sql.val(lignes.map((x) => x.nature))}::text[], ${sql.val(lignes.map((x) => x.le.toISOString()))}::timestamptz[]) as v(etat_frais_id, nature, le)
    where l.lot_id = ${lotId} and l.etat_frais_id = v.etat_frais_id and l.nature = v.nature and l.paye_le is null
    returning l.etat_frais_id`.execute(trx);
  return r.rows.length;
}

/** États of the batch all of whose lines are paid and not yet marked: paye_le = the last payment date. */
export async function marquerEtatsPayes(trx: Transaction<DB>, lotId: number, par: number | null, le: Date): Promise<number[]> {
  const r = await sql<{ id: number }>`
    update etat_frais f set paye_le = s.dernier, version = f.version + 1, modifie_par = ${par}, modifie_le = ${le}
    from (
      select etat_frais_id, max(paye_le) as dernier from liquidation_ligne
      where etat_frais_id in (select etat_frais_id from liquidation_ligne where lot_id = ${lotId})
      group by etat_frais_id having bool_and(paye_le is not null)
    ) s
    where f.id = s.etat_frais_id and f.paye_le is null
    returning f.id`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** The ICC lines of a batch, locked until the transaction ends. */
export async function iccAPayer(trx: Transaction<DB>, lotId: number): Promise<Array<{ id: number; montant_centimes: number; statut: string }>> {
  const r = await sql<{ id: number; montant_centimes: number; statut: string }>`
    select id, montant_centimes, statut from icc_repartition where liquidation_lot_id = ${lotId} for update`.execute(trx);
  return r.rows;
}

/** The batch is « payé » once every line is (an ICC line the gestionnaire took back since is not waited for). */
export async function marquerLotPaye(trx: Transaction<DB>, lotId: number): Promise<boolean> {
  const r = await sql<{ id: number }>`
    update liquidation_lot l set statut = 'paye', paye_le = (select max(paye_le) from liquidation_ligne where lot_id = l.id)
    where l.id = ${lotId} and l.statut = 'produit'
      and (exists (select 1 from liquidation_ligne where lot_id = l.id) or exists (select 1 from icc_repartition where liquidation_lot_id = l.id))
      and not exists (select 1 from liquidation_ligne where lot_id = l.id and paye_le is null)
      and not exists (select 1 from icc_repartition where liquidation_lot_id = l.id and statut = 'valide')
    returning l.id`.execute(trx);
  return r.rows.length > 0;
}
