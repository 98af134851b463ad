// The queries of "Convocation par mission" (003 §4.2). Every read of a mission goes through
// `missionsProposees`: the missions whose centre is the actor's établissement, in the académie of the
// session, that the gestionnaire targeted for convocation in établissement or whose type is open
// without targeting (EC, ECE, numérisation). Scope errors are the service's (404).
import { sql, type Transaction } from 'kysely';
import type { Creneau } from '../../domain/imagin/dates.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';
import { COLONNES_MISSION } from '../imagin/convocation.repo.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

export type Executeur = Db | Transaction<DB>;

export interface PorteeCentre {
  /** The académie of the session (another académie's in a session opened by "Accès autres académies"). */
  academieCode: string;
  /** The centre: the actor's établissement. */
  etablissementId: number;
}

/** `col = any($1)`: one array parameter, whatever the number of ids. */
export function parmi(colonne: string, ids: readonly number[]) {
  return sql<boolean>`${sql.ref(colonne)} = any(${sql.val([...ids])}::int[])`;
}

export function creneau(r: { jour: string; heure_debut: string; heure_fin: string }): Creneau {
  return { jour: r.jour, heureDebut: r.heure_debut.slice(0, 5), heureFin: r.heure_fin.slice(0, 5) };
}

function trier(c: Creneau[]): Creneau[] {
  return c.sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut));
}

// ---------------------------------------------------------------------------------------------
// Missions

function requeteMissions(db: Executeur, p: PorteeCentre) {
  return db
    .selectFrom('mission as m')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .select([
      'm.id',
      'm.academie_code',
      ...COLONNES_MISSION,
      'm.signataire',
      'm.date_limitee',
      'm.candidats_affectes',
      'm.observation_reportee',
      'tm.correction_dematerialisee',
      'tm.sans_qualite',
      'tm.ouverte_sans_ciblage',
      'm.ciblee_etablissement',
    ])
    .select((eb) => [
      eb.selectFrom('mission_date as md').select(sql<string | null>`min(md.jour)::text`.as('d')).whereRef('md.mission_id', '=', 'm.id').as('debut'),
      eb
        .selectFrom('convocation as nc')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('nc.mission_id', '=', 'm.id')
        .where('nc.statut', '=', 'convoquee')
        .as('nb_intervenants'),
    ])
    .where('m.centre_id', '=', p.etablissementId)
    .where('m.academie_code', '=', p.academieCode)
    .where((eb) => eb.or([eb('m.ciblee_etablissement', '=', true), eb('tm.ouverte_sans_ciblage', '=', true)]));
}

export type LigneMission = Awaited<ReturnType<typeof missionsProposees>>[number];

/** The missions the centre may convoke to (003 §4.2: targeted, or open without targeting). */
export async function missionsProposees(db: Executeur, p: PorteeCentre) {
  return lignesJson(db, requeteMissions(db, p));
}

export async function missionProposee(db: Executeur, p: PorteeCentre, missionId: number) {
  const [m] = await lignesJson(db, requeteMissions(db, p).where('m.id', '=', missionId));
  return m;
}

/** The mission row locked for the writes of a convocation (two centres' users convoking at once). */
export async function verrouillerMission(trx: Transaction<DB>, missionId: number) {
  await trx.selectFrom('mission').select('id').where('id', '=', missionId).forUpdate().executeTakeFirst();
}

export async function datesMission(db: Executeur, missionId: number): Promise<Creneau[]> {
  const rows = await db.selectFrom('mission_date').select(['jour', 'heure_debut', 'heure_fin']).where('mission_id', '=', missionId).execute();
  return trier(rows.map(creneau));
}

export async function datesReportees(db: Executeur, missionId: number): Promise<Creneau[]> {
  const rows = await db.selectFrom('mission_date_reportee').select(['jour', 'heure_debut', 'heure_fin']).where('mission_id', '=', missionId).execute();
  return trier(rows.map(creneau));
}

export interface CommissionMission {
  id: number;
  code: string;
  nbCandidats: number;
  dates: Creneau[];
}

export async function commissions(db: Executeur, missionId: number): Promise<CommissionMission[]> {
  const [ks, ds] = await Promise.all([
    db.selectFrom('commission').select(['id', 'code', 'nb_candidats']).where('mission_id', '=', missionId).orderBy('code').execute(),
    db
      .selectFrom('commission_date as d')
      .innerJoin('commission as k', 'k.id', 'd.commission_id')
      .select(['d.commission_id', 'd.jour', 'd.heure_debut', 'd.heure_fin'])
      .where('k.mission_id', '=', missionId)
      .execute(),
  ]);
  return ks.map((k) => ({ id: k.id, code: k.code, nbCandidats: k.nb_candidats, dates: trier(ds.filter((d) => d.commission_id === k.id).map(creneau)) }));
}

export async function jurys(db: Executeur, missionId: number) {
  return db.selectFrom('mission_jury').select(['id', 'code', 'libelle']).where('mission_id', '=', missionId).orderBy('code').execute();
}

export async function salles(db: Executeur, missionId: number) {
  return db.selectFrom('salle').select(['id', 'code', 'libelle', 'nb_candidats']).where('mission_id', '=', missionId).orderBy('code').execute();
}

export async function qualites(db: Executeur, academieCode: string) {
  return db
    .selectFrom('qualite')
    .select(['id', 'libelle', 'santorin'])
    .where('academie_code', '=', academieCode)
    .where('actif', '=', true)
    .orderBy('ordre')
    .orderBy('libelle')
    .execute();
}

/** The disciplines de poste of the intervenants convoked to the mission (the HLP warning). */
export async function disciplinesConvoquees(db: Executeur, missionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .select('p.discipline_poste')
    .where('c.mission_id', '=', missionId)
    .where('c.statut', '=', 'convoquee')
    .execute();
  return rows.map((r) => r.discipline_poste);
}

export async function nombreConvocations(db: Executeur, missionId: number): Promise<number> {
  const r = await db
    .selectFrom('convocation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('mission_id', '=', missionId)
    .where('statut', '=', 'convoquee')
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function examens(db: Executeur, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('examen').select(['code', 'sigle', 'libelle']).where('code', 'in', [...codes]).orderBy('sigle').execute();
}

// ---------------------------------------------------------------------------------------------
// Convocations of a mission

/** The convoked intervenants of the mission, whoever convoked them (003 §4.2.2). */
export async function convocationsMission(db: Executeur, missionId: number) {
  return lignesJson(
    db,
    db
      .selectFrom('convocation as c')
      .innerJoin('personne as p', 'p.id', 'c.personne_id')
      .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
      .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
      .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
      .leftJoin('commission as k', 'k.id', 'c.commission_id')
      .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
      .leftJoin('salle as s', 's.id', 'c.salle_id')
      .select([
        'c.id',
        'c.origine',
        'c.etablissement_createur_id',
        'c.modifiee_par_gestionnaire',
        'c.editee_le',
        'c.envoyee_le',
        'c.code_salle',
        'p.id as personne_id',
        'p.nom',
        'p.prenom',
        'p.discipline_poste',
        'e.type as etab_type',
        'e.nom as etab_nom',
        'e.commune as etab_commune',
        'e.uai as etab_uai',
        'q.libelle as qualite',
        'k.code as commission',
        'j.code as jury',
        's.code as salle',
      ])
      .select((eb) =>
        eb
          .or([eb('c.dates_specifiques', '=', true), eb.exists(eb.selectFrom('convocation_date as cd').select(sql.lit(1).as('un')).whereRef('cd.convocation_id', '=', 'c.id'))])
          .as('dates_specifiques'),
      )
      .where('c.mission_id', '=', missionId)
      .where('c.statut', '=', 'convoquee')
      .orderBy('p.nom')
      .orderBy('p.prenom'),
  );
}

export type LigneConvocation = Awaited<ReturnType<typeof convocationsMission>>[number];

/** A convocation of the mission, with what decides whether the centre may act on it. */
export async function convocation(db: Executeur, convocationId: number) {
  return db
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .select([
      'c.id',
      'c.mission_id',
      'c.academie_code',
      'c.personne_id',
      'c.origine',
      'c.statut',
      'c.etablissement_createur_id',
      'c.modifiee_par_gestionnaire',
      'c.qualite_id',
      'c.commission_id',
      'c.jury_id',
      'c.salle_id',
      'c.code_salle',
      'c.observation',
      'c.dates_specifiques',
      'c.modifie_le',
      'p.nom',
      'p.prenom',
      'p.civilite',
      'p.email_pro',
      'p.email_perso',
    ])
    .where('c.id', '=', convocationId)
    .executeTakeFirst();
}

export async function datesConvocation(db: Executeur, convocationId: number): Promise<Creneau[]> {
  const rows = await db.selectFrom('convocation_date').select(['jour', 'heure_debut', 'heure_fin']).where('convocation_id', '=', convocationId).execute();
  return trier(rows.map(creneau));
}

/** The persons among `personneIds` already convoked (or affected) to the mission. */
export async function dejaSurMission(db: Executeur, missionId: number, personneIds: readonly number[]) {
  if (personneIds.length === 0) return [];
  return db
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['p.id', 'p.nom', 'p.prenom', 'c.statut'])
    .where('c.mission_id', '=', missionId)
    .where(parmi('c.personne_id', personneIds))
    .orderBy('p.nom')
    .orderBy('p.prenom')
    .execute();
}

/**
 * The persons the centre may convoke: those of the session's académie, and the personnels of its own
 * établissement (who belong to its home académie when the session is another académie's).
 */
export async function personnesConvocables(db: Executeur, p: PorteeCentre, personneIds: readonly number[]) {
  if (personneIds.length === 0) return [];
  return db
    .selectFrom('personne as p')
    .select(['p.id', 'p.nom', 'p.prenom', 'p.discipline_poste', 'p.academie_code'])
    .where(parmi('p.id', personneIds))
    .where((eb) =>
      eb.or([
        eb('p.academie_code', '=', p.academieCode),
        eb.exists(
          eb
            .selectFrom('personne_etablissement as pe')
            .select(sql.lit(1).as('un'))
            .whereRef('pe.personne_id', '=', 'p.id')
            .where('pe.etablissement_id', '=', p.etablissementId),
        ),
      ]),
    )
    .execute();
}

/** The état de frais of a convocation, if any. */
export async function etatFrais(db: Executeur, convocationId: number) {
  return db.selectFrom('etat_frais').select(['id', 'statut']).where('convocation_id', '=', convocationId).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Overlaps: indisponibilités and other convocations on the chosen dates

export async function conflits(db: Executeur, personneIds: readonly number[], du: string, au: string, exclure: { missionId: number; convocationId?: number }) {
  if (personneIds.length === 0) return { indisponibilites: [], convocations: [] };
  const [indisponibilites, convocations] = await Promise.all([
    db
      .selectFrom('indisponibilite')
      .select(['personne_id', 'date_debut', 'heure_debut', 'date_fin', 'heure_fin', 'motif'])
      .where(parmi('personne_id', personneIds))
      // The indisponibilités a convocation gives elsewhere are read as that convocation, below.
      .where('source', '<>', 'CONVOCATION')
      .where('date_debut', '<=', au)
      .where('date_fin', '>=', du)
      .execute(),
    db
      .selectFrom('convocation_creneau as cr')
      .innerJoin('convocation as c', 'c.id', 'cr.convocation_id')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
      .select(['cr.convocation_id', 'cr.personne_id', 'cr.jour', 'cr.heure_debut', 'cr.heure_fin', 'm.numero', 'tm.libelle as type_libelle'])
      .where(parmi('cr.personne_id', personneIds))
      .where('c.statut', '=', 'convoquee')
      .where('c.mission_id', '<>', exclure.missionId)
      .where('cr.jour', '>=', du)
      .where('cr.jour', '<=', au)
      .execute(),
  ]);
  return { indisponibilites, convocations };
}

// ---------------------------------------------------------------------------------------------
// Searching intervenants

/** The établissement's personnels whose discipline de poste or matière enseignée (there) is `discipline`. */
export async function enseignantsParDiscipline(db: Executeur, p: PorteeCentre, discipline: string) {
  const d = discipline.trim().toUpperCase();
  return db
    .selectFrom('personne as p')
    .innerJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.etablissement_id', '=', p.etablissementId))
    .select(['p.id', 'p.nom', 'p.prenom', 'p.discipline_poste', 'pe.principal'])
    .where((eb) =>
      eb.or([
        eb(sql`upper(p.discipline_poste)`, '=', d),
        eb.exists(
          eb
            .selectFrom('enseignement as en')
            .select(sql.lit(1).as('un'))
            .whereRef('en.personne_id', '=', 'p.id')
            .where('en.etablissement_id', '=', p.etablissementId)
            .where(sql`upper(en.matiere)`, '=', d),
        ),
      ]),
    )
    .orderBy('p.nom')
    .orderBy('p.prenom')
    .execute();
}

/** The disciplines de poste and matières enseignées of the établissement's personnels. */
export async function disciplinesEtablissement(db: Executeur, p: PorteeCentre): Promise<string[]> {
  const rows = await sql<{ d: string }>`
    select distinct upper(trim(p.discipline_poste)) as d
      from personne p join personne_etablissement pe on pe.personne_id = p.id and pe.etablissement_id = ${p.etablissementId}
     where trim(p.discipline_poste) <> ''
    union
    select distinct upper(trim(en.matiere)) from enseignement en where en.etablissement_id = ${p.etablissementId} and trim(en.matiere) <> ''
    order by 1`.execute(db);
  return rows.rows.map((r) => r.d);
}

const ACCENTS = 'àâäáãéèêëíìîïóòôöõúùûüçñÀÂÄÁÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ';
const SANS_ACCENTS = 'aaaaaeeeeiiiiooooouuuucnAAAAAEEEEIIIIOOOOOUUUUCN';

/** "NOM Prénom" among the persons of the académie: every typed word is found in "NOM Prénom" (accents and case ignored). */
export async function intervenantsAcademie(db: Executeur, academieCode: string, termes: readonly string[], limite: number) {
  let q = db
    .selectFrom('personne as p')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select(['p.id', 'p.nom', 'p.prenom', 'p.discipline_poste', 'e.type as etab_type', 'e.nom as etab_nom', 'e.commune as etab_commune', 'e.uai as etab_uai'])
    .where('p.academie_code', '=', academieCode);
  for (const t of termes) {
    const motif = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(translate(p.nom || ' ' || p.prenom, ${ACCENTS}, ${SANS_ACCENTS})) like ${motif}`);
  }
  return q.orderBy('p.nom').orderBy('p.prenom').orderBy('p.id').limit(limite).execute();
}

export async function personnesSurMission(db: Executeur, missionId: number, personneIds: readonly number[]): Promise<Set<number>> {
  if (personneIds.length === 0) return new Set();
  const rows = await db.selectFrom('convocation').select('personne_id').where('mission_id', '=', missionId).where(parmi('personne_id', personneIds)).execute();
  return new Set(rows.map((r) => r.personne_id));
}

// ---------------------------------------------------------------------------------------------
// Mail

export async function emailEtablissement(db: Executeur, etablissementId: number): Promise<string | null> {
  const r = await db.selectFrom('etablissement').select('email').where('id', '=', etablissementId).executeTakeFirst();
  return r?.email?.trim() || null;
}

export async function emailCompte(db: Executeur, compteId: number): Promise<string | null> {
  const r = await db.selectFrom('compte').select('email').where('id', '=', compteId).executeTakeFirst();
  return r?.email?.trim() || null;
}

export async function adressesPersonnes(db: Executeur, personneIds: readonly number[]) {
  if (personneIds.length === 0) return new Map<number, { pro: string | null; perso: string | null }>();
  const rows = await db.selectFrom('personne').select(['id', 'email_pro', 'email_perso']).where(parmi('id', personneIds)).execute();
  return new Map(rows.map((r) => [r.id, { pro: r.email_pro?.trim() || null, perso: r.email_perso?.trim() || null }]));
}
