// The queries of the indemnités des chefs de centre (003 §4.5). Repositories take the executor.
import { sql, type Transaction } from 'kysely';
import { EXAMENS_ICC, type PeriodeIcc, type StatutLigne, type TauxIcc } from '../../domain/imagin/icc.ts';
import type { DB } from '../platform/db/tables.ts';
import type { Executeur } from './constat.repo.ts';

export interface SessionIcc {
  id: number;
  examen_code: string;
  sigle: string;
  session_code: string;
  session_libelle: string;
  annee: number;
}

/**
 * The BAC and BTS sessions of these years where the établissement is a centre d'examen: it hosts a
 * mission of the session, or CYCLADES or the gestionnaire gave it figures or a declaration.
 */
export async function sessionsDuCentre(db: Executeur, academieCode: string, etablissementId: number, annees: readonly number[], examens: readonly string[]): Promise<SessionIcc[]> {
  const codes = examens.length ? examens.filter((x) => EXAMENS_ICC.includes(x)) : [...EXAMENS_ICC];
  const r = await sql<SessionIcc>`
    select se.id, se.examen_code, x.sigle, se.code as session_code, se.libelle as session_libelle, se.annee
    from session_examen se join examen x on x.code = se.examen_code
    where se.examen_code = any(${sql.val(codes)}::text[]) and se.annee = any(${sql.val([...annees])}::int[])
      and (exists (select 1 from mission m where m.session_examen_id = se.id and m.centre_id = ${etablissementId} and m.academie_code = ${academieCode})
        or exists (select 1 from icc_declaration d where d.session_examen_id = se.id and d.etablissement_id = ${etablissementId} and d.academie_code = ${academieCode})
        or exists (select 1 from icc_donnees_cyclades c where c.session_examen_id = se.id and c.etablissement_id = ${etablissementId}))
    order by se.annee desc, se.examen_code, se.code`.execute(db);
  return r.rows;
}

export async function session(db: Executeur, sessionId: number): Promise<SessionIcc | undefined> {
  const r = await sql<SessionIcc>`
    select se.id, se.examen_code, x.sigle, se.code as session_code, se.libelle as session_libelle, se.annee
    from session_examen se join examen x on x.code = se.examen_code where se.id = ${sessionId}`.execute(db);
  return r.rows[0];
}

/** The centres d'examen of the académie (gestionnaire's filter and pre-fill). */
export async function centresExamen(db: Executeur, academieCode: string) {
  return db
    .selectFrom('etablissement')
    .select(['id', sql<string>`type || ' ' || nom || ' ' || commune || ' (' || uai || ')'`.as('libelle')])
    .where('academie_code', '=', academieCode)
    .where('est_centre_examen', '=', true)
    .orderBy('nom')
    .execute();
}

export async function centreDeLAcademie(db: Executeur, academieCode: string, etablissementId: number) {
  return db
    .selectFrom('etablissement')
    .select(['id', sql<string>`type || ' ' || nom || ' ' || commune || ' (' || uai || ')'`.as('libelle')])
    .where('academie_code', '=', academieCode)
    .where('id', '=', etablissementId)
    .executeTakeFirst();
}

export async function sessionsIccDesAnnees(db: Executeur, annees: readonly number[]) {
  return sql<SessionIcc>`
    select se.id, se.examen_code, x.sigle, se.code as session_code, se.libelle as session_libelle, se.annee
    from session_examen se join examen x on x.code = se.examen_code
    where se.examen_code = any(${sql.val([...EXAMENS_ICC])}::text[]) and se.annee = any(${sql.val([...annees])}::int[])
    order by se.annee desc, se.examen_code, se.code`
    .execute(db)
    .then((r) => r.rows);
}

export async function taux(db: Executeur): Promise<TauxIcc[]> {
  const r = await db.selectFrom('icc_taux').select(['type', 'tranche', sql<string>`depuis::text`.as('depuis'), 'centimes']).execute();
  return r.map((t) => ({ type: t.type, tranche: t.tranche as 1 | 2 | 3, depuis: t.depuis, centimes: t.centimes }));
}

export async function donneesCyclades(db: Executeur, sessionId: number, etablissementId: number, periode: PeriodeIcc) {
  return db
    .selectFrom('icc_donnees_cyclades')
    .select([sql<string | null>`date_debut::text`.as('date_debut'), 'journees_1', 'journees_2', 'journees_3'])
    .where('session_examen_id', '=', sessionId)
    .where('etablissement_id', '=', etablissementId)
    .where('periode', '=', periode)
    .executeTakeFirst();
}

export interface DeclarationLue {
  id: number;
  academie_code: string;
  session_examen_id: number;
  etablissement_id: number;
  periode: PeriodeIcc;
  date_debut: string | null;
  journees_1: number;
  journees_2: number;
  journees_3: number;
  montant_centimes: number;
  prerempli_gestionnaire: boolean;
  statut_saisie: 'non_transmis' | 'transmis';
  version: number;
  modifie_par_login: string | null;
  modifie_le: string;
  transmis_le: string | null;
}

function requeteDeclarations(academieCode: string, where: ReturnType<typeof sql>, verrouiller = false) {
  return sql<DeclarationLue>`
    select d.id, d.academie_code, d.session_examen_id, d.etablissement_id, d.periode, d.date_debut::text as date_debut, d.journees_1, d.journees_2, d.journees_3,
      d.montant_centimes, d.prerempli_gestionnaire, d.statut_saisie, d.version, cp.login as modifie_par_login,
      to_char(d.modifie_le at time zone 'Europe/Paris', 'DD/MM/YYYY à HH24:MI') as modifie_le,
      to_char(d.transmis_le at time zone 'Europe/Paris', 'DD/MM/YYYY à HH24:MI') as transmis_le
    from icc_declaration d left join compte cp on cp.id = d.modifie_par
    where d.academie_code = ${academieCode} and ${where}
    ${verrouiller ? sql`for update of d` : sql``}`;
}

export async function declaration(db: Executeur, academieCode: string, sessionId: number, etablissementId: number, periode: PeriodeIcc, verrouiller = false): Promise<DeclarationLue | undefined> {
  const r = await requeteDeclarations(academieCode, sql`d.session_examen_id = ${sessionId} and d.etablissement_id = ${etablissementId} and d.periode = ${periode}`, verrouiller).execute(db);
  return r.rows[0];
}

export async function declarationsDuCentre(db: Executeur, academieCode: string, etablissementId: number, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  const r = await requeteDeclarations(academieCode, sql`d.etablissement_id = ${etablissementId} and d.session_examen_id = any(${sql.val([...sessionIds])}::int[])`).execute(db);
  return r.rows;
}

export interface LigneLue {
  id: number;
  declaration_id: number;
  personne_id: number;
  nom: string;
  prenom: string;
  discipline_poste: string;
  pourcentage_dixiemes: number | null;
  montant_centimes: number;
  statut: StatutLigne;
  motif_rejet: string | null;
  /** The numéro of the liquidation batch the line entered (migration 028), if any. */
  lot_numero: number | null;
}

export async function lignes(db: Executeur, declarationIds: readonly number[]): Promise<LigneLue[]> {
  if (declarationIds.length === 0) return [];
  const r = await sql<LigneLue>`
    select l.id, l.declaration_id, l.personne_id, p.nom, p.prenom, p.discipline_poste, l.pourcentage_dixiemes, l.montant_centimes, l.statut, l.motif_rejet,
      lot.numero as lot_numero
    from icc_repartition l join personne p on p.id = l.personne_id left join liquidation_lot lot on lot.id = l.liquidation_lot_id
    where l.declaration_id = any(${sql.val([...declarationIds])}::int[]) order by p.nom, p.prenom, l.id`.execute(db);
  return r.rows;
}

/** Every declaration of the académie, with its session and centre (gestionnaire's list). */
export async function declarationsAcademie(db: Executeur, academieCode: string, o: { annees: readonly number[]; examens: readonly string[]; centreId: number | null }) {
  const filtres = [sql`d.academie_code = ${academieCode}`, sql`se.annee = any(${sql.val([...o.annees])}::int[])`];
  if (o.examens.length) filtres.push(sql`se.examen_code = any(${sql.val([...o.examens])}::text[])`);
  if (o.centreId) filtres.push(sql`d.etablissement_id = ${o.centreId}`);
  const r = await sql<{
    id: number;
    session_examen_id: number;
    etablissement_id: number;
    centre: string;
    periode: PeriodeIcc;
    examen_code: string;
    sigle: string;
    session_code: string;
    session_libelle: string;
    montant_centimes: number;
    statut_saisie: 'non_transmis' | 'transmis';
    prerempli_gestionnaire: boolean;
  }>`
    select d.id, d.session_examen_id, d.etablissement_id, e.type || ' ' || e.nom || ' ' || e.commune || ' (' || e.uai || ')' as centre, d.periode,
      se.examen_code, x.sigle, se.code as session_code, se.libelle as session_libelle, d.montant_centimes, d.statut_saisie, d.prerempli_gestionnaire
    from icc_declaration d join session_examen se on se.id = d.session_examen_id join examen x on x.code = se.examen_code
    join etablissement e on e.id = d.etablissement_id
    where ${sql.join(filtres, sql` and `)}
    order by se.annee desc, se.examen_code, e.nom, d.periode`.execute(db);
  return r.rows;
}

export async function personnesDeLAcademie(db: Executeur, academieCode: string, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('personne').select(['id', 'nom', 'prenom']).where('academie_code', '=', academieCode).where('id', 'in', [...ids]).execute();
}

export async function creerDeclaration(trx: Transaction<DB>, v: { academie_code: string; session_examen_id: number; etablissement_id: number; periode: PeriodeIcc; prerempli_gestionnaire: boolean; modifie_par: number; modifie_le: Date }) {
  return (await trx.insertInto('icc_declaration').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function majDeclaration(
  trx: Transaction<DB>,
  id: number,
  v: Partial<{ date_debut: string | null; journees_1: number; journees_2: number; journees_3: number; montant_centimes: number; prerempli_gestionnaire: boolean; statut_saisie: 'non_transmis' | 'transmis'; transmis_le: Date; transmis_par: number }> & { modifie_par: number; modifie_le: Date },
) {
  await trx
    .updateTable('icc_declaration')
    .set({ ...v, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function ecrireLignes(trx: Transaction<DB>, declarationId: number, voulues: ReadonlyArray<{ personneId: number; pourcentageDixiemes: number | null; centimes: number }>, actuelles: readonly LigneLue[]) {
  const parPersonne = new Map(actuelles.map((l) => [l.personne_id, l]));
  const gardees = new Set(voulues.map((v) => v.personneId));
  const aSupprimer = actuelles.filter((l) => !gardees.has(l.personne_id)).map((l) => l.id);
  if (aSupprimer.length) await trx.deleteFrom('icc_repartition').where('id', 'in', aSupprimer).execute();
  for (const v of voulues) {
    const a = parPersonne.get(v.personneId);
    if (!a) {
      await trx.insertInto('icc_repartition').values({ declaration_id: declarationId, personne_id: v.personneId, pourcentage_dixiemes: v.pourcentageDixiemes, montant_centimes: v.centimes }).execute();
    } else if (a.montant_centimes !== v.centimes || a.pourcentage_dixiemes !== v.pourcentageDixiemes) {
      // A changed amount is a new remuneration to process: the gestionnaire's decision starts over.
      await trx
        .updateTable('icc_repartition')
        .set({ pourcentage_dixiemes: v.pourcentageDixiemes, montant_centimes: v.centimes, statut: 'a_traiter', motif_rejet: null, traite_par: null, traite_le: null })
        .where('id', '=', a.id)
        .execute();
    }
  }
}

export async function ligneDeLAcademie(db: Executeur, academieCode: string, ligneId: number) {
  return db
    .selectFrom('icc_repartition as l')
    .innerJoin('icc_declaration as d', 'd.id', 'l.declaration_id')
    .select(['l.id', 'l.declaration_id', 'l.statut', 'd.statut_saisie', 'd.version', 'd.session_examen_id', 'd.etablissement_id', 'd.periode'])
    // The liquidation batch the line entered (migration 028, decision 0033), if any.
    .select(sql<number | null>`(select lot.numero from liquidation_lot lot where lot.id = l.liquidation_lot_id)`.as('lot_numero'))
    .where('d.academie_code', '=', academieCode)
    .where('l.id', '=', ligneId)
    .executeTakeFirst();
}

export async function deciderLigne(trx: Transaction<DB>, ligneId: number, v: { statut: 'valide' | 'rejete' | 'a_traiter'; motif: string | null; par: number; le: Date }) {
  await trx.updateTable('icc_repartition').set({ statut: v.statut, motif_rejet: v.motif, traite_par: v.par, traite_le: v.le }).where('id', '=', ligneId).execute();
}

/**
 * The liquidation's hook (états de frais issue): the payment return marks these répartition lines
 * paid; the declaration's « Suivi de traitement » then reads « Accepté » once every line is paid.
 * Only validated lines are paid; the others are left as they are. Returns how many were marked.
 */
export async function marquerLignesPayees(trx: Transaction<DB>, ligneIds: readonly number[], le: Date): Promise<number> {
  if (ligneIds.length === 0) return 0;
  const r = await trx.updateTable('icc_repartition').set({ statut: 'paye', traite_le: le }).where('id', 'in', [...ligneIds]).where('statut', '=', 'valide').executeTakeFirst();
  return Number(r.numUpdatedRows);
}
