// The queries of the établissement service. Every read of a person goes through `dansEtablissement`:
// the personnels of an établissement are those who work there à titre principal ou secondaire
// (personne_etablissement), and nobody else's rows are ever read for a chef d'établissement.
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Marque, TypeAuteur } from '../../domain/imagin/competences.ts';
import type { Creneau } from '../../domain/imagin/dates.ts';
import { datesEffectives } from '../../domain/imagin/periodes.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';
import { COLONNES_MISSION } from '../imagin/convocation.repo.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

type Executeur = Db | Transaction<DB>;

export interface Portee {
  academieCode: string;
  etablissementId: number;
}

/** The person `ref` (a column holding a personne id) works in the établissement. */
function dansEtablissement(eb: ExpressionBuilder<any, any>, ref: string, etablissementId: number) {
  return eb.exists(
    eb
      .selectFrom('personne_etablissement as pe_scope')
      .select(sql.lit(1).as('un'))
      .whereRef('pe_scope.personne_id', '=', ref as any)
      .where('pe_scope.etablissement_id', '=', etablissementId),
  );
}

// ---------------------------------------------------------------------------------------------
// Établissement

export async function etablissement(db: Executeur, id: number) {
  return db
    .selectFrom('etablissement as e')
    .innerJoin('academie as a', 'a.code', 'e.academie_code')
    .select(['e.id', 'e.uai', 'e.nom', 'e.type', 'e.commune', 'e.academie_code', 'a.libelle as academie_libelle', 'a.nom_majuscule'])
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------------------
// Personnels

export type FiltrePeriode = { type: 'disponibilite' | 'convocation'; du: string; au: string };

const derniereConvocation = (eb: ExpressionBuilder<DB, 'personne'>, academieCode: string) =>
  eb
    .selectFrom('convocation as dc')
    // "Dernière convoc." is the date the latest convocation was edited (printed or sent).
    .select(sql<Date | null>`max(coalesce(dc.editee_le, dc.cree_le))`.as('d'))
    .whereRef('dc.personne_id', '=', 'personne.id')
    .where('dc.statut', '=', 'convoquee')
    .where('dc.academie_code', '=', academieCode);

export async function personnels(db: Executeur, p: Portee, filtre?: FiltrePeriode) {
  let q = db
    .selectFrom('personne')
    .innerJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'personne.id').on('pe.etablissement_id', '=', p.etablissementId))
    .select((eb) => [
      'personne.id',
      'personne.civilite',
      'personne.nom',
      'personne.prenom',
      'personne.date_naissance',
      'personne.discipline_poste',
      'pe.principal',
      derniereConvocation(eb, p.academieCode).as('derniere_convocation'),
      eb
        .exists(
          eb
            .selectFrom('competence as k')
            .innerJoin('competence_auteur as ka', 'ka.competence_id', 'k.id')
            .select(sql.lit(1).as('un'))
            .whereRef('k.personne_id', '=', 'personne.id')
            .where('ka.nature', '=', 'C'),
        )
        .as('competences_definies'),
    ]);
  if (filtre) {
    // Closed intervals at the minute (src/domain/imagin/periodes.ts): the period runs from du 00:00 to au 23:59.
    const debut = sql`(${filtre.du}::date + time '00:00')`;
    const fin = sql`(${filtre.au}::date + time '23:59')`;
    if (filtre.type === 'disponibilite') {
      q = q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('indisponibilite as i')
              .select(sql.lit(1).as('un'))
              .whereRef('i.personne_id', '=', 'personne.id')
              .where(sql<boolean>`(i.date_debut + i.heure_debut) <= ${fin}`)
              .where(sql<boolean>`(i.date_fin + i.heure_fin) >= ${debut}`),
          ),
        ),
      );
    } else {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('convocation as fc')
            .innerJoin('convocation_creneau as cc', 'cc.convocation_id', 'fc.id')
            .select(sql.lit(1).as('un'))
            .whereRef('fc.personne_id', '=', 'personne.id')
            .where('fc.statut', '=', 'convoquee')
            .where('fc.academie_code', '=', p.academieCode)
            .where(sql<boolean>`(cc.jour + cc.heure_debut) <= ${fin}`)
            .where(sql<boolean>`(cc.jour + cc.heure_fin) >= ${debut}`),
        ),
      );
    }
  }
  return q.orderBy('personne.nom').orderBy('personne.prenom').orderBy('personne.id').execute();
}

/** The person, if he works in the établissement; undefined otherwise (the caller answers 404). */
export async function personnel(db: Executeur, p: Portee, personneId: number) {
  return db
    .selectFrom('personne')
    .innerJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'personne.id').on('pe.etablissement_id', '=', p.etablissementId))
    .select((eb) => [
      'personne.id',
      'personne.civilite',
      'personne.nom',
      'personne.prenom',
      'personne.date_naissance',
      'personne.discipline_poste',
      'personne.numen',
      'personne.email_pro',
      'pe.principal',
      derniereConvocation(eb, p.academieCode).as('derniere_convocation'),
    ])
    .where('personne.id', '=', personneId)
    .executeTakeFirst();
}

/** Which of `ids` are personnels of the établissement. */
export async function idsDansEtablissement(db: Executeur, p: Portee, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('personne_etablissement')
    .select('personne_id')
    .where('etablissement_id', '=', p.etablissementId)
    .where('personne_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.personne_id));
}

/** What the exports print about each person (coordinates for the detailed list). */
export async function fichesPersonnels(db: Executeur, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const [personnes, principaux] = await Promise.all([
    db
      .selectFrom('personne')
      .select(['id', 'civilite', 'nom', 'prenom', 'discipline_poste', 'adresse', 'code_postal', 'commune', 'tel_perso', 'tel_pro', 'email_pro'])
      .where('id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('personne_etablissement as pe')
      .innerJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
      .select(['pe.personne_id', 'e.uai', 'e.type', 'e.nom', 'e.commune'])
      .where('pe.personne_id', 'in', [...ids])
      .where('pe.principal', '=', true)
      .execute(),
  ]);
  const principal = new Map(principaux.map((r) => [r.personne_id, r]));
  return personnes.map((r) => ({ ...r, principal: principal.get(r.id) ?? null }));
}

// ---------------------------------------------------------------------------------------------
// Affectations (convocations) and their dates

export interface LigneAffectation {
  id: number;
  personne_id: number;
  academie_code: string;
  statut: 'affectee' | 'convoquee';
  origine: 'gestionnaire' | 'centre';
  editee_le: Date | null;
  mission_id: number;
  numero: number;
  type_mission: string;
  type_libelle: string;
  examen_code: string;
  sigle: string;
  examen_libelle: string;
  session_code: string;
  session_libelle: string;
  annee: number;
  specialite_code: string | null;
  specialite_libelle: string | null;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  centre_uai: string | null;
  centre_type: string | null;
  centre_nom: string | null;
  centre_commune: string | null;
  lieu: string | null;
  qualite: string | null;
  commission: string | null;
  jury: string | null;
  observation: string;
  observation_defaut: string;
  creneaux: Creneau[];
  datesPropres: boolean;
}

/** `col = any($1)`: one array parameter, whatever the number of ids (a list of 10,000 personnels). */
function parmi(colonne: string, ids: readonly number[]) {
  return sql<boolean>`${sql.ref(colonne)} = any(${sql.val([...ids])}::int[])`;
}

function creneau(r: { jour: string; heure_debut: string; heure_fin: string }): Creneau {
  return { jour: r.jour, heureDebut: r.heure_debut.slice(0, 5), heureFin: r.heure_fin.slice(0, 5) };
}

/**
 * The affectations of these persons: those of `academieCode` when given (the établissement's
 * own académie), of any académie otherwise (the overlap check on a new indisponibilité). Missions and
 * dates are read once per mission, not once per convocation: an export of 300 personnels over five
 * years reads 6,000 convocations of about 1,250 missions.
 */
export async function affectations(db: Executeur, personneIds: readonly number[], opts: { academieCode?: string; statut?: 'convoquee' } = {}): Promise<LigneAffectation[]> {
  if (personneIds.length === 0) return [];
  let q = db
    .selectFrom('convocation as c')
    .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('commission as k', 'k.id', 'c.commission_id')
    .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
    .select(['c.id', 'c.personne_id', 'c.academie_code', 'c.statut', 'c.origine', 'c.editee_le', 'c.observation', 'c.mission_id', 'c.commission_id', 'q.libelle as qualite', 'k.code as commission', 'j.code as jury'])
    .where(parmi('c.personne_id', personneIds));
  if (opts.academieCode) q = q.where('c.academie_code', '=', opts.academieCode);
  if (opts.statut) q = q.where('c.statut', '=', opts.statut);
  const convocations = await lignesJson(db, q);
  if (convocations.length === 0) return [];
  const missionIds = [...new Set(convocations.map((c) => c.mission_id))];
  const commissionIds = [...new Set(convocations.flatMap((c) => (c.commission_id ? [c.commission_id] : [])))];
  const [missions, datesMission, datesCommission, datesConvocation] = await Promise.all([
    lignesJson(
      db,
      db
      .selectFrom('mission as m')
      .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
      .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
      .innerJoin('examen as x', 'x.code', 'se.examen_code')
      .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
      .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
      .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
      .select([
        'm.id',
        ...COLONNES_MISSION,
      ])
      .where(parmi('m.id', missionIds)),
    ),
    lignesJson(db, db.selectFrom('mission_date').select(['mission_id', 'jour', 'heure_debut', 'heure_fin']).where(parmi('mission_id', missionIds))),
    commissionIds.length
      ? lignesJson(db, db.selectFrom('commission_date').select(['commission_id', 'jour', 'heure_debut', 'heure_fin']).where(parmi('commission_id', commissionIds)))
      : Promise.resolve([]),
    lignesJson(
      db,
      db.selectFrom('convocation_date').select(['convocation_id', 'jour', 'heure_debut', 'heure_fin']).where(
        parmi(
          'convocation_id',
          convocations.map((c) => c.id),
        ),
      ),
    ),
  ]);
  const grouper = <R extends { jour: string; heure_debut: string; heure_fin: string }>(rows: R[], cle: (r: R) => number) => {
    const m = new Map<number, Creneau[]>();
    for (const r of rows) {
      const k = cle(r);
      let l = m.get(k);
      if (!l) m.set(k, (l = []));
      l.push(creneau(r));
    }
    for (const l of m.values()) l.sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut));
    return m;
  };
  const parMission = grouper(datesMission, (r) => r.mission_id);
  const parCommission = grouper(datesCommission, (r) => r.commission_id);
  const parConvocation = grouper(datesConvocation, (r) => r.convocation_id);
  const mission = new Map(missions.map((m) => [m.id, m]));
  return convocations.map((c) => {
    const { id: _missionId, ...m } = mission.get(c.mission_id)!;
    const dates = datesEffectives({
      convocation: parConvocation.get(c.id) ?? [],
      commission: c.commission_id ? (parCommission.get(c.commission_id) ?? []) : [],
      mission: parMission.get(c.mission_id) ?? [],
    });
    return {
      ...m,
      id: c.id,
      personne_id: c.personne_id,
      academie_code: c.academie_code,
      statut: c.statut,
      origine: c.origine,
      editee_le: c.editee_le ? new Date(c.editee_le) : null,
      observation: c.observation,
      mission_id: c.mission_id,
      qualite: c.qualite,
      commission: c.commission,
      jury: c.jury,
      creneaux: [...dates.creneaux],
      datesPropres: dates.origine === 'convocation',
    };
  });
}

/** The convocation, if it is this person's and of this académie. */
export async function convocationDe(db: Executeur, personneId: number, convocationId: number, academieCode?: string) {
  let q = db.selectFrom('convocation').select(['id', 'statut', 'academie_code']).where('id', '=', convocationId).where('personne_id', '=', personneId);
  if (academieCode) q = q.where('academie_code', '=', academieCode);
  return q.executeTakeFirst();
}

/** The years in which the établissement's personnels have missions of the académie (the exports' popup). */
export async function anneesMissions(db: Executeur, p: Portee): Promise<number[]> {
  const rows = await db
    .selectFrom('convocation_creneau as cc')
    .innerJoin('convocation as c', 'c.id', 'cc.convocation_id')
    .select(sql<number>`distinct extract(year from cc.jour)::int`.as('annee'))
    .where('c.academie_code', '=', p.academieCode)
    .where((eb) => dansEtablissement(eb, 'c.personne_id', p.etablissementId))
    .execute();
  return rows.map((r) => Number(r.annee)).sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// Enseignements

export async function enseignements(db: Executeur, personneIds: readonly number[]) {
  if (personneIds.length === 0) return [];
  return db
    .selectFrom('enseignement as en')
    .innerJoin('etablissement as e', 'e.id', 'en.etablissement_id')
    .select([
      'en.id',
      'en.personne_id',
      'en.annee_scolaire',
      'en.mef_code',
      'en.mef_libelle',
      'en.type_mef',
      'en.matiere',
      'en.modalite_cours',
      'en.structure',
      'e.uai',
      'e.type as etablissement_type',
      'e.nom as etablissement_nom',
      'e.commune as etablissement_commune',
    ])
    .where('en.personne_id', 'in', [...personneIds])
    .orderBy('en.annee_scolaire', 'desc')
    .orderBy('e.nom')
    .orderBy('en.mef_libelle')
    .orderBy('en.matiere')
    .orderBy('en.id')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Indisponibilités

export async function indisponibilites(db: Executeur, personneId: number) {
  return db
    .selectFrom('indisponibilite as i')
    .leftJoin('convocation as c', 'c.id', 'i.convocation_id')
    .leftJoin('etablissement as e', 'e.id', 'i.etablissement_id')
    .select([
      'i.id',
      'i.date_debut',
      'i.heure_debut',
      'i.date_fin',
      'i.heure_fin',
      'i.motif',
      'i.source',
      'i.academie_code',
      'i.etablissement_id',
      'i.convocation_id',
      'c.academie_code as convocation_academie',
      'e.uai as etablissement_uai',
    ])
    .where('i.personne_id', '=', personneId)
    // "triée par défaut de la date de début la plus récente à la date la plus ancienne" (003 §3.2.1).
    .orderBy('i.date_debut', 'desc')
    .orderBy('i.heure_debut', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

export async function indisponibilite(db: Executeur, personneId: number, id: number) {
  return db.selectFrom('indisponibilite').selectAll().where('id', '=', id).where('personne_id', '=', personneId).executeTakeFirst();
}

/** The same period and motif already declared by this établissement (a double click). */
export async function indisponibiliteIdentique(
  db: Executeur,
  v: { personneId: number; etablissementId: number; dateDebut: string; heureDebut: string; dateFin: string; heureFin: string; motif: string },
) {
  return db
    .selectFrom('indisponibilite')
    .select('id')
    .where('personne_id', '=', v.personneId)
    .where('source', '=', 'ETABLISSEMENT')
    .where('etablissement_id', '=', v.etablissementId)
    .where('date_debut', '=', v.dateDebut)
    .where('heure_debut', '=', v.heureDebut)
    .where('date_fin', '=', v.dateFin)
    .where('heure_fin', '=', v.heureFin)
    .where('motif', '=', v.motif)
    .executeTakeFirst();
}

export async function creerIndisponibilite(
  trx: Transaction<DB>,
  v: { personneId: number; academieCode: string; etablissementId: number; dateDebut: string; heureDebut: string; dateFin: string; heureFin: string; motif: string; creeLe: Date },
) {
  return trx
    .insertInto('indisponibilite')
    .values({
      personne_id: v.personneId,
      academie_code: v.academieCode,
      date_debut: v.dateDebut,
      heure_debut: v.heureDebut,
      date_fin: v.dateFin,
      heure_fin: v.heureFin,
      motif: v.motif,
      source: 'ETABLISSEMENT',
      etablissement_id: v.etablissementId,
      cree_le: v.creeLe,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function supprimerIndisponibilite(trx: Transaction<DB>, id: number) {
  await trx.deleteFrom('indisponibilite').where('id', '=', id).execute();
}

/**
 * Who is told about an exam of an académie: the gestionnaires assigned to it (gestionnaire_examen),
 * or, when none is, every gestionnaire of the académie (docs/decisions/0003). Accounts without an
 * e-mail address cannot be told and are left out.
 */
export async function destinatairesExamen(db: Executeur, academieCode: string, examenCode: string): Promise<string[]> {
  const assignes = await db
    .selectFrom('gestionnaire_examen as g')
    .innerJoin('compte as c', 'c.id', 'g.compte_id')
    .innerJoin('role_attribution as r', (j) => j.onRef('r.compte_id', '=', 'c.id').on('r.role', '=', 'gestionnaire').onRef('r.academie_code', '=', 'g.academie_code').on('r.actif', '=', true))
    .select(['c.email'])
    .where('g.academie_code', '=', academieCode)
    .where('g.examen_code', '=', examenCode)
    .where('c.actif', '=', true)
    .execute();
  let emails = assignes.map((r) => r.email);
  if (assignes.length === 0) {
    const tous = await db
      .selectFrom('role_attribution as r')
      .innerJoin('compte as c', 'c.id', 'r.compte_id')
      .select(['c.email'])
      .where('r.role', '=', 'gestionnaire')
      .where('r.academie_code', '=', academieCode)
      .where('r.actif', '=', true)
      .where('c.actif', '=', true)
      .execute();
    emails = tous.map((r) => r.email);
  }
  return [...new Set(emails.filter((e): e is string => !!e && e.includes('@')))].sort();
}

// ---------------------------------------------------------------------------------------------
// Compétences

export interface LigneCompetence {
  id: number;
  personne_id: number;
  epreuve_option_id: number;
  examen_code: string;
  sigle: string;
  examen_libelle: string;
  specialite_id: number;
  specialite_code: string;
  specialite_libelle: string;
  epreuve_code: string;
  epreuve_libelle: string;
  marques: Marque[];
}

export async function competences(db: Executeur, personneId: number): Promise<LigneCompetence[]> {
  const rows = await db
    .selectFrom('competence as k')
    .innerJoin('epreuve_option as eo', 'eo.id', 'k.epreuve_option_id')
    .innerJoin('specialite as sp', 'sp.id', 'eo.specialite_id')
    .innerJoin('examen as x', 'x.code', 'sp.examen_code')
    .select([
      'k.id',
      'k.personne_id',
      'k.epreuve_option_id',
      'x.code as examen_code',
      'x.sigle',
      'x.libelle as examen_libelle',
      'sp.id as specialite_id',
      'sp.code as specialite_code',
      'sp.libelle as specialite_libelle',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
    ])
    .where('k.personne_id', '=', personneId)
    .orderBy('x.sigle')
    .orderBy('sp.code')
    .orderBy('eo.code')
    .execute();
  if (rows.length === 0) return [];
  const auteurs = await db
    .selectFrom('competence_auteur')
    .select(['competence_id', 'auteur', 'type_auteur', 'nature'])
    .where(
      'competence_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    ...r,
    marques: auteurs.filter((a) => a.competence_id === r.id).map((a) => ({ type: a.type_auteur as TypeAuteur, code: a.auteur, nature: a.nature })),
  }));
}

/** The compétence and its marks, locked for the rest of the transaction (two clicks at once). */
export async function competencePourMaj(trx: Transaction<DB>, personneId: number, where: { id: number } | { epreuveOptionId: number }) {
  let q = trx.selectFrom('competence').select(['id', 'epreuve_option_id']).where('personne_id', '=', personneId);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('epreuve_option_id', '=', where.epreuveOptionId);
  const k = await q.forUpdate().executeTakeFirst();
  if (!k) return null;
  const auteurs = await trx.selectFrom('competence_auteur').select(['auteur', 'type_auteur', 'nature']).where('competence_id', '=', k.id).execute();
  return { id: k.id, epreuveOptionId: k.epreuve_option_id, marques: auteurs.map((a) => ({ type: a.type_auteur as TypeAuteur, code: a.auteur, nature: a.nature })) as Marque[] };
}

/** The new compétence's id, or null when another request created it meanwhile. */
export async function creerCompetence(trx: Transaction<DB>, personneId: number, epreuveOptionId: number): Promise<number | null> {
  const k = await trx
    .insertInto('competence')
    .values({ personne_id: personneId, epreuve_option_id: epreuveOptionId })
    .onConflict((oc) => oc.columns(['personne_id', 'epreuve_option_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return k?.id ?? null;
}

/** Replaces one author's mark on a compétence (none when `marque` is null). */
export async function poserMarque(trx: Transaction<DB>, competenceId: number, auteur: { type: TypeAuteur; code: string }, marque: Marque | null, le: Date) {
  await trx.deleteFrom('competence_auteur').where('competence_id', '=', competenceId).where('auteur', '=', auteur.code).where('type_auteur', '=', auteur.type).execute();
  if (marque) {
    await trx.insertInto('competence_auteur').values({ competence_id: competenceId, auteur: marque.code, type_auteur: marque.type, nature: marque.nature, le }).execute();
  }
}

export async function supprimerCompetence(trx: Transaction<DB>, competenceId: number) {
  await trx.deleteFrom('competence').where('id', '=', competenceId).execute();
}

/** An épreuve-option with its exam, to check it may be added. */
export async function epreuveOption(db: Executeur, id: number) {
  return db
    .selectFrom('epreuve_option as eo')
    .innerJoin('specialite as sp', 'sp.id', 'eo.specialite_id')
    .innerJoin('examen as x', 'x.code', 'sp.examen_code')
    .select(['eo.id', 'eo.code', 'eo.libelle', 'sp.code as specialite_code', 'sp.libelle as specialite_libelle', 'x.code as examen_code', 'x.sigle'])
    .where('eo.id', '=', id)
    .executeTakeFirst();
}

export async function examensParSigles(db: Executeur, sigles: readonly string[]) {
  if (sigles.length === 0) return [];
  return db.selectFrom('examen').select(['code', 'sigle', 'libelle']).where('sigle', 'in', [...sigles]).execute();
}

export async function specialitesDe(db: Executeur, examenCode: string) {
  return db.selectFrom('specialite').select(['id', 'code', 'libelle']).where('examen_code', '=', examenCode).orderBy('code').execute();
}

export async function epreuvesDe(db: Executeur, specialiteId: number) {
  return db
    .selectFrom('epreuve_option as eo')
    .innerJoin('specialite as sp', 'sp.id', 'eo.specialite_id')
    .select(['eo.id', 'eo.code', 'eo.libelle', 'sp.examen_code'])
    .where('eo.specialite_id', '=', specialiteId)
    .orderBy('eo.code')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Validation of the établissement's compétences

export async function validation(db: Executeur, etablissementId: number, anneeScolaire: string) {
  return db
    .selectFrom('validation_competences as v')
    .leftJoin('compte as cv', 'cv.id', 'v.validee_par')
    .leftJoin('compte as cr', 'cr.id', 'v.rouverte_par')
    .select(['v.validee', 'v.validee_le', 'v.rouverte_le', 'cv.login as validee_par', 'cr.login as rouverte_par'])
    .where('v.etablissement_id', '=', etablissementId)
    .where('v.annee_scolaire', '=', anneeScolaire)
    .executeTakeFirst();
}

/** Locks the établissement's validation row (if any) so that a write and a validation do not cross. */
export async function validationPourMaj(trx: Transaction<DB>, etablissementId: number, anneeScolaire: string) {
  return trx
    .selectFrom('validation_competences')
    .select(['validee', 'validee_le'])
    .where('etablissement_id', '=', etablissementId)
    .where('annee_scolaire', '=', anneeScolaire)
    .forUpdate()
    .executeTakeFirst();
}

export async function valider(trx: Transaction<DB>, etablissementId: number, anneeScolaire: string, compteId: number, le: Date) {
  await trx
    .insertInto('validation_competences')
    .values({ etablissement_id: etablissementId, annee_scolaire: anneeScolaire, validee: true, validee_le: le, validee_par: compteId })
    .onConflict((oc) => oc.columns(['etablissement_id', 'annee_scolaire']).doUpdateSet({ validee: true, validee_le: le, validee_par: compteId }))
    .execute();
}

export async function rouvrir(trx: Transaction<DB>, etablissementId: number, anneeScolaire: string, compteId: number, le: Date) {
  await trx
    .updateTable('validation_competences')
    .set({ validee: false, rouverte_le: le, rouverte_par: compteId })
    .where('etablissement_id', '=', etablissementId)
    .where('annee_scolaire', '=', anneeScolaire)
    .execute();
}

/** The établissements of the académie that have personnels, with their validation for the year. */
export async function suiviValidations(db: Executeur, academieCode: string, anneeScolaire: string, types: readonly string[]) {
  if (types.length === 0) return [];
  return db
    .selectFrom('etablissement as e')
    .leftJoin('validation_competences as v', (j) => j.onRef('v.etablissement_id', '=', 'e.id').on('v.annee_scolaire', '=', anneeScolaire))
    .leftJoin('compte as cv', 'cv.id', 'v.validee_par')
    .select((eb) => [
      'e.id',
      'e.uai',
      'e.type',
      'e.nom',
      'e.commune',
      'v.validee',
      'v.validee_le',
      'v.rouverte_le',
      'cv.login as validee_par',
      eb
        .selectFrom('personne_etablissement as pe')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('pe.etablissement_id', '=', 'e.id')
        .as('nb_personnels'),
    ])
    .where('e.academie_code', '=', academieCode)
    .where('e.actif', '=', true)
    .where('e.type', 'in', [...types] as any)
    .orderBy('e.commune')
    .orderBy('e.nom')
    .execute();
}

export async function etablissementAcademie(db: Executeur, academieCode: string, id: number) {
  return db.selectFrom('etablissement').select(['id', 'uai', 'type', 'nom', 'commune']).where('id', '=', id).where('academie_code', '=', academieCode).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// SYS(C) compétences, generated from the enseignements and the correspondence table

const LOT = 1000;

export async function enseignementsAcademie(db: Executeur, academieCode: string) {
  return db
    .selectFrom('enseignement as en')
    .innerJoin('personne as p', 'p.id', 'en.personne_id')
    .select(['en.personne_id', 'en.matiere'])
    .where('p.academie_code', '=', academieCode)
    .execute();
}

export async function correspondances(db: Executeur) {
  return db.selectFrom('correspondance_enseignement').select(['matiere', 'epreuve_option_id']).execute();
}

/**
 * Brings the académie's SYS(C) marks to `attendues` ("personneId:epreuveOptionId"): adds the missing
 * ones (creating the compétence when needed), withdraws those no enseignement justifies any more, then
 * removes the compétences no author declares (C) any longer. Idempotent: a second run changes nothing.
 */
export async function synchroniserCompetencesSys(trx: Transaction<DB>, academieCode: string, attendues: ReadonlySet<string>, le: Date) {
  const existantes = await trx
    .selectFrom('competence as k')
    .innerJoin('personne as p', 'p.id', 'k.personne_id')
    .leftJoin('competence_auteur as a', (j) => j.onRef('a.competence_id', '=', 'k.id').on('a.type_auteur', '=', 'SYS'))
    .select(['k.id', 'k.personne_id', 'k.epreuve_option_id', 'a.auteur as sys'])
    .where('p.academie_code', '=', academieCode)
    .execute();
  const parCle = new Map(existantes.map((k) => [`${k.personne_id}:${k.epreuve_option_id}`, k]));

  const aCreer: Array<{ personne_id: number; epreuve_option_id: number }> = [];
  for (const cle of attendues) {
    if (!parCle.has(cle)) {
      const [personne, epreuve] = cle.split(':').map(Number) as [number, number];
      aCreer.push({ personne_id: personne, epreuve_option_id: epreuve });
    }
  }
  for (let i = 0; i < aCreer.length; i += LOT) {
    const rows = await trx.insertInto('competence').values(aCreer.slice(i, i + LOT)).onConflict((oc) => oc.columns(['personne_id', 'epreuve_option_id']).doNothing()).returning(['id', 'personne_id', 'epreuve_option_id']).execute();
    for (const r of rows) parCle.set(`${r.personne_id}:${r.epreuve_option_id}`, { id: r.id, personne_id: r.personne_id, epreuve_option_id: r.epreuve_option_id, sys: null });
  }

  const aMarquer: number[] = [];
  for (const cle of attendues) {
    const k = parCle.get(cle);
    if (k && !k.sys) aMarquer.push(k.id);
  }
  for (let i = 0; i < aMarquer.length; i += LOT) {
    await trx
      .insertInto('competence_auteur')
      .values(aMarquer.slice(i, i + LOT).map((id) => ({ competence_id: id, auteur: 'SYS', type_auteur: 'SYS' as const, nature: 'C' as const, le })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  const aRetirer = existantes.filter((k) => k.sys && !attendues.has(`${k.personne_id}:${k.epreuve_option_id}`)).map((k) => k.id);
  for (let i = 0; i < aRetirer.length; i += LOT) {
    await trx.deleteFrom('competence_auteur').where('type_auteur', '=', 'SYS').where('competence_id', 'in', aRetirer.slice(i, i + LOT)).execute();
  }

  // A compétence is in the list only while one author declares it (C) (src/domain/imagin/competences.ts).
  const supprimees = await trx
    .deleteFrom('competence')
    .where('personne_id', 'in', (eb) => eb.selectFrom('personne').select('id').where('academie_code', '=', academieCode))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('competence_auteur as c').select(sql.lit(1).as('un')).whereRef('c.competence_id', '=', 'competence.id').where('c.nature', '=', 'C'))))
    .executeTakeFirst();
  return { ajoutees: aMarquer.length, retirees: aRetirer.length, supprimees: Number(supprimees.numDeletedRows ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Import of enseignements (STS-WEB CSV)

export async function etablissementsParUai(db: Executeur, uais: readonly string[]) {
  if (uais.length === 0) return [];
  return db.selectFrom('etablissement').select(['id', 'uai', 'academie_code']).where('uai', 'in', [...uais]).execute();
}

export async function personnesParNumen(db: Executeur, numens: readonly string[]) {
  const res: Array<{ id: number; numen: string | null; academie_code: string }> = [];
  for (let i = 0; i < numens.length; i += LOT) {
    res.push(...(await db.selectFrom('personne').select(['id', 'numen', 'academie_code']).where('numen', 'in', numens.slice(i, i + LOT)).execute()));
  }
  return res;
}

/** Replaces the enseignements of one établissement for one school year (an STS-WEB export is per établissement). */
export async function remplacerEnseignements(
  trx: Transaction<DB>,
  etablissementId: number,
  anneeScolaire: string,
  lignes: Array<{ personne_id: number; mef_code: string; mef_libelle: string; type_mef: string; matiere: string; modalite_cours: string; structure: string }>,
) {
  const supprimees = await trx.deleteFrom('enseignement').where('etablissement_id', '=', etablissementId).where('annee_scolaire', '=', anneeScolaire).executeTakeFirst();
  for (let i = 0; i < lignes.length; i += LOT) {
    await trx
      .insertInto('enseignement')
      .values(lignes.slice(i, i + LOT).map((l) => ({ ...l, etablissement_id: etablissementId, annee_scolaire: anneeScolaire })))
      .execute();
  }
  return { supprimees: Number(supprimees.numDeletedRows ?? 0), inserees: lignes.length };
}
