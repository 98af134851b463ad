// The queries of the intervenant's « Consultation missions » (seed 004 §2.3). Every read is scoped to
// ONE person (`personneId`, the actor's own): his convoked convocations (statut 'convoquee'), in any
// académie that convoked him (convocation.academie_code, the convoking académie) or in one of them.
// Three queries whatever the number of convocations: the convocations, their dates, the affected ones.
import { sql } from 'kysely';
import type { Creneau } from '../../domain/imagin/dates.ts';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';
import { COLONNES_MISSION } from '../imagin/convocation.repo.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

export interface LigneConvocation {
  /** The convocation. */
  id: number;
  academie_code: string;
  academie_libelle: string;
  academie_nom_majuscule: string;
  academie_inter: boolean;
  mission_id: number;
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
  centre_adresse: string | null;
  centre_code_postal: string | null;
  qualite: string | null;
  commission: string | null;
  jury_code: string | null;
  jury_libelle: string | null;
  salle_code: string | null;
  salle_libelle: string | null;
  code_salle: string | null;
  observation: string;
  creneaux: Creneau[];
}

/**
 * The convoked convocations of this person, of every académie (or of `filtre.academieCode` only, or of
 * `filtre.convocationId` only), with their mission, centre, qualité, jury and effective dates, by first
 * date then mission number.
 */
export async function convocations(db: Executeur, personneId: number, filtre: { academieCode?: string; convocationId?: number } = {}): Promise<LigneConvocation[]> {
  let q = db
    .selectFrom('convocation as c')
    .innerJoin('academie as a', 'a.code', 'c.academie_code')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('commission as k', 'k.id', 'c.commission_id')
    .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
    .leftJoin('salle as s', 's.id', 'c.salle_id')
    .select([
      'c.id',
      'c.academie_code',
      'a.libelle as academie_libelle',
      'a.nom_majuscule as academie_nom_majuscule',
      'a.inter_academique as academie_inter',
      'm.id as mission_id',
      ...COLONNES_MISSION,
      'ce.adresse as centre_adresse',
      'ce.code_postal as centre_code_postal',
      'q.libelle as qualite',
      'k.code as commission',
      'j.code as jury_code',
      'j.libelle as jury_libelle',
      's.code as salle_code',
      's.libelle as salle_libelle',
      'c.code_salle',
      'c.observation',
    ])
    .where('c.personne_id', '=', personneId)
    .where('c.statut', '=', 'convoquee');
  if (filtre.academieCode !== undefined) q = q.where('c.academie_code', '=', filtre.academieCode);
  if (filtre.convocationId !== undefined) q = q.where('c.id', '=', filtre.convocationId);
  const rows = await lignesJson(db, q);
  if (rows.length === 0) return [];

  // The dates the convocations hold the person: their own, else their commission's, else the mission's.
  let d = db
    .selectFrom('convocation_creneau')
    .select(['convocation_id', 'jour', 'heure_debut', 'heure_fin'])
    .where('personne_id', '=', personneId)
    .where(sql<boolean>`convocation_id = any(${sql.val(rows.map((r) => r.id))}::int[])`);
  if (filtre.convocationId !== undefined) d = d.where('convocation_id', '=', filtre.convocationId);
  const dates = await lignesJson(db, d);
  const parConvocation = new Map<number, Creneau[]>();
  for (const r of dates) {
    let l = parConvocation.get(r.convocation_id);
    if (!l) parConvocation.set(r.convocation_id, (l = []));
    l.push({ jour: r.jour, heureDebut: r.heure_debut.slice(0, 5), heureFin: r.heure_fin.slice(0, 5) });
  }
  for (const l of parConvocation.values()) l.sort((a, b) => (a.jour + a.heureDebut).localeCompare(b.jour + b.heureDebut));
  const lignes = rows.map((r) => ({ ...r, creneaux: parConvocation.get(r.id) ?? [] }));
  const cle = (l: LigneConvocation) => l.creneaux[0]?.jour ?? '9999-12-31';
  return lignes.sort((a, b) => cle(a).localeCompare(cle(b)) || a.numero - b.numero || a.id - b.id);
}

/** The académies that convoked this person (with the number of convoked convocations), and those that only affected him. */
export async function academiesDeLaPersonne(db: Executeur, personneId: number) {
  return db
    .selectFrom('convocation as c')
    .innerJoin('academie as a', 'a.code', 'c.academie_code')
    .select([
      'a.code',
      'a.libelle',
      'a.nom_majuscule',
      'a.inter_academique',
      (eb) => eb.fn.count<number>(sql`case when c.statut = 'convoquee' then 1 end`).as('convoquees'),
      (eb) => eb.fn.count<number>(sql`case when c.statut = 'affectee' then 1 end`).as('affectees'),
    ])
    .where('c.personne_id', '=', personneId)
    .groupBy(['a.code', 'a.libelle', 'a.nom_majuscule', 'a.inter_academique'])
    .execute();
}

/** The académie of the session (its tab is shown even when it convoked nothing). */
export async function academie(db: Executeur, code: string) {
  return db.selectFrom('academie').select(['code', 'libelle', 'nom_majuscule', 'inter_academique']).where('code', '=', code).executeTakeFirst();
}

/** The identifiant of the person's intervenant account (printed on his duplicata). */
export async function identifiant(db: Executeur, personneId: number): Promise<string | null> {
  const r = await db.selectFrom('compte').select('login').where('personne_id', '=', personneId).where('type', '=', 'intervenant').orderBy('id').executeTakeFirst();
  return r?.login ?? null;
}
