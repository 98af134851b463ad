// The queries of "Consultation des missions" (003 §4.1). Every read of a mission goes through
// `dansLeCentre`: the missions of the centre (mission.centre_id) in the académie the actor works in
// (mission.academie_code); only convoked convocations (statut 'convoquee') are ever read. Lists are
// read in a few grouped queries, never one per row: a mission of 500 intervenants is 5 queries.
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Creneau } from '../../domain/imagin/dates.ts';
import { datesEffectives, type OrigineDates } from '../../domain/imagin/periodes.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';
import { COLONNES_MISSION } from '../imagin/convocation.repo.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

type Executeur = Db | Transaction<DB>;

export interface PorteeCentre {
  /** The académie the actor works in (another académie in a session opened by "Accès autres académies"). */
  academieCode: string;
  /** The centre d'examen: the actor's établissement. */
  centreId: number;
}

/** `col = any($1)`: one array parameter, whatever the number of ids. */
function parmi(colonne: string, ids: readonly number[]) {
  return sql<boolean>`${sql.ref(colonne)} = any(${sql.val([...ids])}::int[])`;
}

function dansLeCentre(eb: ExpressionBuilder<any, any>, p: PorteeCentre) {
  return eb.and([eb('m.academie_code', '=', p.academieCode), eb('m.centre_id', '=', p.centreId)]);
}

function avecConvocation(eb: ExpressionBuilder<any, any>) {
  return eb.exists(
    eb
      .selectFrom('convocation as cx')
      .select(sql.lit(1).as('un'))
      .whereRef('cx.mission_id', '=', 'm.id')
      .where('cx.statut', '=', 'convoquee'),
  );
}

export async function centre(db: Executeur, p: PorteeCentre) {
  const [etab, academie] = await Promise.all([
    db.selectFrom('etablissement').select(['id', 'uai', 'type', 'nom', 'commune']).where('id', '=', p.centreId).executeTakeFirstOrThrow(),
    db.selectFrom('academie').select(['code', 'libelle', 'nom_majuscule', 'inter_academique']).where('code', '=', p.academieCode).executeTakeFirstOrThrow(),
  ]);
  return { ...etab, academie };
}

function requeteMissions(db: Executeur) {
  return db
    .selectFrom('mission as m')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id');
}

export interface LigneMission {
  id: number;
  numero: number;
  type_mission: string;
  type_libelle: string;
  lieu: string | null;
  observation_defaut: string;
  examen_code: string;
  session_code: string;
  session_libelle: string;
  annee: number;
  sigle: string;
  examen_libelle: string;
  specialite_code: string | null;
  specialite_libelle: string | null;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  centre_uai: string | null;
  centre_type: string | null;
  centre_nom: string | null;
  centre_commune: string | null;
  /** Convoked intervenants. */
  nb: number;
  /** The first date the convoked intervenants hold (their dates, else their commission's, else the mission's). */
  debut: string | null;
}

/**
 * The missions of the centre in these session years (and exams, when given) that have at least one
 * convoked convocation, or those of `ids` (the exports of the displayed rows), by number.
 */
export async function missions(db: Executeur, p: PorteeCentre, f: { annees: readonly number[]; examens?: readonly string[]; ids?: readonly number[] }): Promise<LigneMission[]> {
  let q = requeteMissions(db)
    .select(['m.id', ...COLONNES_MISSION])
    .select((eb) =>
      eb
        .selectFrom('convocation as cn')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cn.mission_id', '=', 'm.id')
        .where('cn.statut', '=', 'convoquee')
        .as('nb'),
    )
    .where((eb) => dansLeCentre(eb, p))
    .where((eb) => avecConvocation(eb));
  if (f.ids) q = q.where(parmi('m.id', f.ids));
  else q = q.where(sql<boolean>`se.annee = any(${sql.val([...f.annees])}::int[])`);
  if (f.examens?.length) q = q.where('se.examen_code', 'in', [...f.examens]);
  const rows = await lignesJson(db, q.orderBy('m.numero'));
  if (rows.length === 0) return [];
  const debuts = await lignesJson(
    db,
    db
      .selectFrom('convocation_creneau as cc')
      .innerJoin('convocation as c', 'c.id', 'cc.convocation_id')
      .select(['c.mission_id', (eb) => eb.fn.min('cc.jour').as('debut')])
      .where(parmi('c.mission_id', rows.map((r) => r.id)))
      .where('c.statut', '=', 'convoquee')
      .groupBy('c.mission_id'),
  );
  const debut = new Map(debuts.map((d) => [d.mission_id, d.debut as string | null]));
  return rows.map((r) => ({ ...r, nb: Number(r.nb ?? 0), debut: debut.get(r.id) ?? null }));
}

/** The exams of the centre's missions in these session years, for the « Examen » filter. */
export async function examens(db: Executeur, p: PorteeCentre, annees: readonly number[]) {
  return db
    .selectFrom('mission as m')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .select(['x.code', 'x.sigle', 'x.libelle'])
    .distinct()
    .where((eb) => dansLeCentre(eb, p))
    .where(sql<boolean>`se.annee = any(${sql.val([...annees])}::int[])`)
    .orderBy('x.sigle')
    .execute();
}

/** One mission of the centre (with or without convocations), or undefined: the caller answers 404. */
export async function mission(db: Executeur, p: PorteeCentre, id: number): Promise<LigneMission | undefined> {
  const m = await requeteMissions(db)
    .select(['m.id', ...COLONNES_MISSION])
    .where('m.id', '=', id)
    .where((eb) => dansLeCentre(eb, p))
    .executeTakeFirst();
  if (!m) return undefined;
  const agg = await db
    .selectFrom('convocation as c')
    .leftJoin('convocation_creneau as cc', 'cc.convocation_id', 'c.id')
    .select((eb) => [eb.fn.count<number>(sql`distinct c.id`).as('nb'), eb.fn.min('cc.jour').as('debut')])
    .where('c.mission_id', '=', id)
    .where('c.statut', '=', 'convoquee')
    .executeTakeFirstOrThrow();
  return { ...m, nb: Number(agg.nb), debut: (agg.debut as string | null) ?? null };
}

export interface LigneIntervenant {
  /** The convocation. */
  id: number;
  mission_id: number;
  personne_id: number;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  tel_perso: string | null;
  tel_pro: string | null;
  principal_type: string | null;
  principal_nom: string | null;
  principal_commune: string | null;
  principal_uai: string | null;
  qualite: string | null;
  commission: string | null;
  jury_id: number | null;
  jury_code: string | null;
  jury_libelle: string | null;
  salle_code: string | null;
  salle_libelle: string | null;
  code_salle: string | null;
  observation: string;
  origine: 'gestionnaire' | 'centre';
  creneaux: Creneau[];
  /** Where the dates come from: the convocation's own, its commission's, or the mission's. */
  origineDates: OrigineDates;
}

/**
 * The convoked intervenants of these missions (already checked to be the centre's), with their
 * affectation and effective dates, by mission, name and first name. `convocationIds`: only those.
 */
export async function intervenants(db: Executeur, missionIds: readonly number[], convocationIds?: readonly number[]): Promise<LigneIntervenant[]> {
  if (missionIds.length === 0) return [];
  let q = db
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'c.personne_id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('commission as k', 'k.id', 'c.commission_id')
    .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
    .leftJoin('salle as s', 's.id', 'c.salle_id')
    .select([
      'c.id',
      'c.mission_id',
      'c.commission_id',
      'c.personne_id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.tel_perso',
      'p.tel_pro',
      'e.type as principal_type',
      'e.nom as principal_nom',
      'e.commune as principal_commune',
      'e.uai as principal_uai',
      'q.libelle as qualite',
      'k.code as commission',
      'j.id as jury_id',
      'j.code as jury_code',
      'j.libelle as jury_libelle',
      's.code as salle_code',
      's.libelle as salle_libelle',
      'c.code_salle',
      'c.observation',
      'c.origine',
    ])
    .where(parmi('c.mission_id', missionIds))
    .where('c.statut', '=', 'convoquee');
  if (convocationIds) q = q.where(parmi('c.id', convocationIds));
  const rows = await lignesJson(db, q.orderBy('c.mission_id').orderBy('p.nom').orderBy('p.prenom').orderBy('c.id'));
  if (rows.length === 0) return [];

  // The dates: each mission's and each commission's once, the convocations' own in one query.
  const [datesMission, datesCommission, datesConvocation] = await Promise.all([
    lignesJson(db, db.selectFrom('mission_date').select(['mission_id', 'jour', 'heure_debut', 'heure_fin']).where(parmi('mission_id', missionIds))),
    lignesJson(
      db,
      db
        .selectFrom('commission_date as kd')
        .innerJoin('commission as k', 'k.id', 'kd.commission_id')
        .select(['kd.commission_id', 'kd.jour', 'kd.heure_debut', 'kd.heure_fin'])
        .where(parmi('k.mission_id', missionIds)),
    ),
    lignesJson(
      db,
      db
        .selectFrom('convocation_date as d')
        .innerJoin('convocation as c', 'c.id', 'd.convocation_id')
        .select(['d.convocation_id', 'd.jour', 'd.heure_debut', 'd.heure_fin'])
        .where(parmi('c.mission_id', missionIds))
        .where('c.statut', '=', 'convoquee'),
    ),
  ]);
  const parMission = grouperCreneaux(datesMission, (r) => r.mission_id);
  const parCommission = grouperCreneaux(datesCommission, (r) => r.commission_id);
  const parConvocation = grouperCreneaux(datesConvocation, (r) => r.convocation_id);
  return rows.map(({ commission_id, ...r }) => {
    const dates = datesEffectives({
      convocation: parConvocation.get(r.id) ?? [],
      commission: commission_id ? (parCommission.get(commission_id) ?? []) : [],
      mission: parMission.get(r.mission_id) ?? [],
    });
    return { ...r, creneaux: [...dates.creneaux], origineDates: dates.origine };
  });
}

function grouperCreneaux<R extends { jour: string; heure_debut: string; heure_fin: string }>(rows: readonly R[], cle: (r: R) => number): Map<number, Creneau[]> {
  const m = new Map<number, Creneau[]>();
  for (const r of rows) {
    const k = cle(r);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push({ jour: r.jour, heureDebut: r.heure_debut.slice(0, 5), heureFin: r.heure_fin.slice(0, 5) });
  }
  for (const l of m.values()) l.sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut));
  return m;
}

/** The jurys of a mission, in code order (the "liste par jury" edition lists them all). */
export async function jurys(db: Executeur, missionId: number) {
  return db.selectFrom('mission_jury').select(['id', 'code', 'libelle']).where('mission_id', '=', missionId).orderBy('code').execute();
}

/** The convoked convocations of a mission among `ids`. */
export async function convocationsConvoquees(db: Executeur, missionId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('convocation')
    .select('id')
    .where('mission_id', '=', missionId)
    .where('statut', '=', 'convoquee')
    .where(parmi('id', ids))
    .execute();
  return new Set(rows.map((r) => r.id));
}
