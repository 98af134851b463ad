// The queries of the constat de service fait (003 §4.3). Every read of a mission goes through
// `requeteMissions`, filtered by the scope: the académie, and the centre (the chef de centre's
// établissement) or any centre of the académie (the gestionnaire). Repositories take the executor.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { ModeRemuneration, ServiceFait } from '../../domain/imagin/constat.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB, StatutEtatFrais } from '../platform/db/tables.ts';

export type Executeur = Db | Transaction<DB>;

export interface PorteeConstat {
  academieCode: string;
  /** The centre (chef de centre); null: every centre of the académie (gestionnaire). */
  etablissementId: number | null;
  par: 'centre' | 'gestionnaire';
}

export interface LigneMissionCsf {
  id: number;
  numero: number;
  centre_id: number;
  centre_libelle: string;
  type_mission: string;
  type_libelle: string;
  mode: ModeRemuneration;
  correction_dematerialisee: boolean;
  session_examen_id: number;
  examen_code: string;
  sigle: string;
  examen_libelle: string;
  session_code: string;
  session_libelle: string;
  annee: number;
  specialite_code: string | null;
  specialite_libelle: string | null;
  epreuve_option_id: number | null;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  debut: string | null;
  fin: string | null;
  nb_convoques: number;
  nb_constates: number;
  nb_non_faits: number;
}

function requeteMissions(p: PorteeConstat, o: { missionId?: number; centreId?: number | null; examens?: readonly string[] } = {}) {
  const filtres = [sql`m.academie_code = ${p.academieCode}`, sql`m.centre_id is not null`, sql`not tm.correction_dematerialisee`];
  if (p.etablissementId !== null) filtres.push(sql`m.centre_id = ${p.etablissementId}`);
  if (o.missionId !== undefined) filtres.push(sql`m.id = ${o.missionId}`);
  if (o.centreId) filtres.push(sql`m.centre_id = ${o.centreId}`);
  if (o.examens?.length) filtres.push(sql`se.examen_code = any(${sql.val([...o.examens])}::text[])`);
  return sql<LigneMissionCsf>`
    select m.id, m.numero, m.centre_id, (ce.type || ' ' || ce.nom || ' ' || ce.commune || ' (' || ce.uai || ')') as centre_libelle,
      m.type_mission, tm.libelle as type_libelle, tm.mode_remuneration as mode, tm.correction_dematerialisee,
      m.session_examen_id, se.examen_code, x.sigle, x.libelle as examen_libelle, se.code as session_code, se.libelle as session_libelle, se.annee,
      sp.code as specialite_code, sp.libelle as specialite_libelle, m.epreuve_option_id, eo.code as epreuve_code, eo.libelle as epreuve_libelle,
      d.debut, d.fin, coalesce(c.nb, 0)::int as nb_convoques, coalesce(c.constates, 0)::int as nb_constates, coalesce(c.non_faits, 0)::int as nb_non_faits
    from mission m
    join type_mission tm on tm.code = m.type_mission
    join session_examen se on se.id = m.session_examen_id
    join examen x on x.code = se.examen_code
    join etablissement ce on ce.id = m.centre_id
    left join specialite sp on sp.id = m.specialite_id
    left join epreuve_option eo on eo.id = m.epreuve_option_id
    left join lateral (select min(md.jour)::text as debut, max(md.jour)::text as fin from mission_date md where md.mission_id = m.id) d on true
    left join lateral (
      select count(*) as nb, count(cv.service_fait) as constates, count(*) filter (where cv.service_fait = 'non_fait') as non_faits
      from convocation cv where cv.mission_id = m.id and cv.statut = 'convoquee'
    ) c on true
    where ${sql.join(filtres, sql` and `)}`;
}

/** The rows of a query as one JSON value: PGlite decodes one field instead of every field of every row. */
async function enJson<O>(db: Executeur, q: RawBuilder<O>): Promise<O[]> {
  const r = await sql<{ j: O[] | string }>`select coalesce(json_agg(t), '[]'::json) as j from (${q}) t`.execute(db);
  const j = r.rows[0]!.j;
  return typeof j === 'string' ? (JSON.parse(j) as O[]) : j;
}

export async function missions(db: Executeur, p: PorteeConstat, o: { centreId?: number | null; examens?: readonly string[] } = {}): Promise<LigneMissionCsf[]> {
  return enJson(db, requeteMissions(p, o));
}

export async function mission(db: Executeur, p: PorteeConstat, missionId: number): Promise<LigneMissionCsf | undefined> {
  const r = await requeteMissions(p, { missionId }).execute(db);
  return r.rows[0];
}

export async function joursMission(db: Executeur, missionId: number): Promise<string[]> {
  const r = await db.selectFrom('mission_date').select(sql<string>`jour::text`.as('jour')).where('mission_id', '=', missionId).orderBy('jour').execute();
  return r.map((x) => x.jour);
}

/** Candidates registered (state « inscrit ») to the épreuve-option in the session, in the mission's académie. */
export async function candidatsInscrits(db: Executeur, m: { session_examen_id: number; epreuve_option_id: number | null }, academieCode: string): Promise<number | null> {
  if (m.epreuve_option_id === null) return null;
  const r = await db
    .selectFrom('candidature as ca')
    .innerJoin('candidature_epreuve as ce', 'ce.candidature_id', 'ca.id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ca.session_examen_id', '=', m.session_examen_id)
    .where('ce.epreuve_option_id', '=', m.epreuve_option_id)
    .where('ca.academie_code', '=', academieCode)
    .where('ca.etat', '=', 'inscrit')
    .executeTakeFirstOrThrow();
  return r.n;
}

export interface LigneIntervenantCsf {
  id: number;
  personne_id: number;
  nom: string;
  prenom: string;
  tel_perso: string | null;
  tel_pro: string | null;
  etablissement_principal: string | null;
  commission_nb: number | null;
  service_fait: ServiceFait | null;
  motif_service_non_fait: string | null;
  csf_nb_copies: number | null;
  csf_nb_candidats: number | null;
  csf_heures_centiemes: number | null;
  csf_version: number;
  csf_par: 'centre' | 'gestionnaire' | null;
  csf_le: string | null;
  csf_login: string | null;
  frais_id: number | null;
  frais_statut: StatutEtatFrais | null;
  frais_statut_avant: StatutEtatFrais | null;
  /** Paid (liquidation's payment return): the line reads « Accepté ». */
  frais_paye: boolean | null;
}

function requeteIntervenants(missionId: number, ids?: readonly number[]) {
  return sql<LigneIntervenantCsf>`
    select c.id, c.personne_id, p.nom, p.prenom, p.tel_perso, p.tel_pro, ep.libelle as etablissement_principal, k.nb_candidats as commission_nb,
      c.service_fait, c.motif_service_non_fait, c.csf_nb_copies, c.csf_nb_candidats, c.csf_heures_centiemes, c.csf_version, c.csf_par,
      to_char(c.csf_le at time zone 'Europe/Paris', 'DD/MM/YYYY à HH24:MI') as csf_le, cp.login as csf_login,
      f.id as frais_id, f.statut as frais_statut, f.statut_avant_annulation as frais_statut_avant, f.paye_le is not null as frais_paye
    from convocation c
    join personne p on p.id = c.personne_id
    left join commission k on k.id = c.commission_id
    left join compte cp on cp.id = c.csf_compte_id
    left join etat_frais f on f.convocation_id = c.id
    left join lateral (
      select e.type || ' ' || e.nom || ' ' || e.commune || ' (' || e.uai || ')' as libelle
      from personne_etablissement pe join etablissement e on e.id = pe.etablissement_id
      where pe.personne_id = p.id and pe.principal limit 1
    ) ep on true
    where c.mission_id = ${missionId} and c.statut = 'convoquee'
      ${ids ? sql`and c.id = any(${sql.val([...ids])}::int[])` : sql``}
    order by p.nom, p.prenom, c.id`;
}

export async function intervenants(db: Executeur, missionId: number): Promise<LigneIntervenantCsf[]> {
  return enJson(db, requeteIntervenants(missionId));
}

/** The rows about to be saved, locked until the transaction ends (two users saving at once). */
export async function verrouillerIntervenants(trx: Transaction<DB>, missionId: number, ids: readonly number[]): Promise<LigneIntervenantCsf[]> {
  // Lock first (one small column), then read the rows as one JSON value (see enJson).
  await sql`select id from convocation where mission_id = ${missionId} and id = any(${sql.val([...ids])}::int[]) for update`.execute(trx);
  return enJson(trx, requeteIntervenants(missionId, ids));
}

export interface HoraireLu {
  convocation_id: number;
  jour: string;
  debut_matin: string | null;
  fin_matin: string | null;
  debut_apres_midi: string | null;
  fin_apres_midi: string | null;
}

export async function horaires(db: Executeur, convocationIds: readonly number[]): Promise<HoraireLu[]> {
  if (convocationIds.length === 0) return [];
  const r = await sql<HoraireLu>`
    select convocation_id, jour::text as jour, to_char(debut_matin, 'HH24:MI') as debut_matin, to_char(fin_matin, 'HH24:MI') as fin_matin,
      to_char(debut_apres_midi, 'HH24:MI') as debut_apres_midi, to_char(fin_apres_midi, 'HH24:MI') as fin_apres_midi
    from constat_horaire where convocation_id = any(${sql.val([...convocationIds])}::int[]) order by convocation_id, jour`.execute(db);
  return r.rows;
}

export interface ConstatEcrit {
  service_fait: ServiceFait | null;
  motif_service_non_fait: string | null;
  csf_nb_copies: number | null;
  csf_nb_candidats: number | null;
  csf_heures_centiemes: number | null;
}

/** Several rows' constat in one statement (« Enregistrer » of a whole mission). */
export async function ecrireConstats(trx: Transaction<DB>, lignes: ReadonlyArray<ConstatEcrit & { id: number }>, auteur: { par: 'centre' | 'gestionnaire'; compteId: number; le: Date }): Promise<void> {
  if (lignes.length === 0) return;
  await sql`
    update convocation c set service_fait = x.service_fait, motif_service_non_fait = x.motif, csf_nb_copies = x.copies, csf_nb_candidats = x.candidats,
      csf_heures_centiemes = x.heures, csf_version = c.csf_version + 1, csf_par = ${auteur.par}, csf_compte_id = ${auteur.compteId}, csf_le = ${auteur.le}
    from json_to_recordset(${JSON.stringify(lignes.map((l) => ({ id: l.id, service_fait: l.service_fait, motif: l.motif_service_non_fait, copies: l.csf_nb_copies, candidats: l.csf_nb_candidats, heures: l.csf_heures_centiemes })))}::json)
      as x(id int, service_fait text, motif text, copies int, candidats int, heures int)
    where c.id = x.id`.execute(trx);
}

export async function ecrireConstat(trx: Transaction<DB>, convocationId: number, c: ConstatEcrit, auteur: { par: 'centre' | 'gestionnaire'; compteId: number; le: Date }): Promise<void> {
  await trx
    .updateTable('convocation')
    .set({
      ...c,
      csf_version: sql<number>`csf_version + 1`,
      csf_par: auteur.par,
      csf_compte_id: auteur.compteId,
      csf_le: auteur.le,
    })
    .where('id', '=', convocationId)
    .execute();
}

export async function remplacerHoraires(trx: Transaction<DB>, convocationId: number, h: ReadonlyArray<{ jour: string; debutMatin: string | null; finMatin: string | null; debutApresMidi: string | null; finApresMidi: string | null }>): Promise<void> {
  await trx.deleteFrom('constat_horaire').where('convocation_id', '=', convocationId).execute();
  if (h.length === 0) return;
  await trx
    .insertInto('constat_horaire')
    .values(h.map((x) => ({ convocation_id: convocationId, jour: x.jour, debut_matin: x.debutMatin, fin_matin: x.finMatin, debut_apres_midi: x.debutApresMidi, fin_apres_midi: x.finApresMidi })))
    .execute();
}

export async function ecrireFrais(trx: Transaction<DB>, fraisId: number, f: { statut: string; statutAvantAnnulation: string | null }, le: Date): Promise<void> {
  await trx
    .updateTable('etat_frais')
    .set({ statut: f.statut as StatutEtatFrais, statut_avant_annulation: f.statutAvantAnnulation as StatutEtatFrais | null, modifie_le: le })
    .where('id', '=', fraisId)
    .execute();
}

/** The centres (with at least one mission) and exams of the académie, for the gestionnaire's filters. */
export async function centresEtExamens(db: Executeur, academieCode: string) {
  const [centres, examens] = await Promise.all([
    sql<{ id: number; libelle: string }>`
      select distinct e.id, e.type || ' ' || e.nom || ' ' || e.commune || ' (' || e.uai || ')' as libelle
      from mission m join etablissement e on e.id = m.centre_id where m.academie_code = ${academieCode} order by 2`.execute(db),
    sql<{ code: string; sigle: string; libelle: string }>`
      select distinct x.code, x.sigle, x.libelle from mission m join session_examen se on se.id = m.session_examen_id join examen x on x.code = se.examen_code
      where m.academie_code = ${academieCode} order by x.sigle`.execute(db),
  ]);
  return { centres: centres.rows, examens: examens.rows };
}

export async function libelleCentre(db: Executeur, etablissementId: number) {
  return db
    .selectFrom('etablissement as e')
    .innerJoin('academie as a', 'a.code', 'e.academie_code')
    .select(['e.type', 'e.nom', 'e.commune', 'e.uai', 'a.nom_majuscule'])
    .where('e.id', '=', etablissementId)
    .executeTakeFirstOrThrow();
}
