// SQL of the intervenant's « Saisie/consultation états de frais » (issue 16, seed 004 §2.4). Every read
// of an état is scoped to ONE person (the actor's own `personneId`) — or, for the gestionnaire's reading
// through vueEtat, to one académie: another's état is simply not found (404).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, StatutEtatFrais } from '../platform/db/tables.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

export type Executeur = Kysely<DB> | Transaction<DB>;

// ---------------------------------------------------------------------------------------------
// Conditions d'utilisation

/** The person's acceptance of this version of the académie's conditions, if any. */
export async function acceptation(db: Executeur, personneId: number, academieCode: string, version: number) {
  return db
    .selectFrom('frais_conditions_acceptation')
    .select(['version', 'accepte_le'])
    .where('personne_id', '=', personneId)
    .where('academie_code', '=', academieCode)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function accepter(db: Executeur, personneId: number, academieCode: string, version: number, le: Date): Promise<boolean> {
  const r = await db
    .insertInto('frais_conditions_acceptation')
    .values({ personne_id: personneId, academie_code: academieCode, version, accepte_le: le })
    .onConflict((oc) => oc.columns(['personne_id', 'academie_code', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return r !== undefined;
}

// ---------------------------------------------------------------------------------------------
// États

/** One état de frais with its mission, as the list, the header and the rules need it. */
export interface EtatLu {
  id: number;
  convocation_id: number;
  academie_code: string;
  personne_id: number;
  statut: StatutEtatFrais;
  version: number;
  modifie_le: string;
  modifie_par: number | null;
  saisie_commencee_le: string | null;
  remuneration: unknown;
  pieces_par_courrier: boolean;
  numero_ordre: number | null;
  montant_remuneration_centimes: number | null;
  montant_deplacement_centimes: number | null;
  montant_retenu_remuneration_centimes: number | null;
  montant_retenu_deplacement_centimes: number | null;
  valide_le: string | null;
  traite_le: string | null;
  rejet_motif: string | null;
  annulation_motif: string | null;
  regroupe_dans_id: number | null;
  commentaire_regroupement: string | null;
  paye_le: string | null;
  // The convocation and its constat.
  service_fait: 'fait' | 'non_fait' | null;
  csf_nb_copies: number | null;
  csf_nb_candidats: number | null;
  csf_heures_centiemes: number | null;
  // The mission.
  mission_id: number;
  numero: number;
  type_code: string;
  type_libelle: string;
  mode_remuneration: DB['type_mission']['mode_remuneration'];
  correction_dematerialisee: boolean;
  emise_par_ministere: boolean;
  lieu: string | null;
  examen_sigle: string;
  examen_libelle: string;
  session_libelle: string;
  annee: number;
  specialite_code: string | null;
  specialite_libelle: string | null;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  taux_epreuve: number | null;
  centre_uai: string | null;
  centre_type: string | null;
  centre_nom: string | null;
  centre_commune: string | null;
  // The person.
  nom: string;
  prenom: string;
  commune_personne: string;
  commune_affectation: string | null;
  nir: string | null;
  dossier_financier_actif: boolean;
  // The dates the convocation holds him.
  premier_jour: string | null;
  dernier_jour: string | null;
  heure_debut: string | null;
  heure_fin: string | null;
}

function requeteEtats(db: Executeur) {
  return db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .innerJoin('personne as p', 'p.id', 'f.personne_id')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .select([
      'f.id',
      'f.convocation_id',
      'f.academie_code',
      'f.personne_id',
      'f.statut',
      'f.version',
      'f.modifie_le',
      'f.modifie_par',
      'f.saisie_commencee_le',
      'f.remuneration',
      'f.pieces_par_courrier',
      'f.numero_ordre',
      'f.montant_remuneration_centimes',
      'f.montant_deplacement_centimes',
      'f.montant_retenu_remuneration_centimes',
      'f.montant_retenu_deplacement_centimes',
      'f.valide_le',
      'f.traite_le',
      'f.rejet_motif',
      'f.annulation_motif',
      'f.regroupe_dans_id',
      'f.commentaire_regroupement',
      'f.paye_le',
      'c.service_fait',
      'c.csf_nb_copies',
      'c.csf_nb_candidats',
      'c.csf_heures_centiemes',
      'm.id as mission_id',
      'm.numero',
      'm.type_mission as type_code',
      'tm.libelle as type_libelle',
      'tm.mode_remuneration',
      'tm.correction_dematerialisee',
      'm.emise_par_ministere',
      'm.lieu',
      'x.sigle as examen_sigle',
      'x.libelle as examen_libelle',
      'se.libelle as session_libelle',
      'se.annee',
      'sp.code as specialite_code',
      'sp.libelle as specialite_libelle',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
      'eo.taux_remuneration as taux_epreuve',
      'ce.uai as centre_uai',
      'ce.type as centre_type',
      'ce.nom as centre_nom',
      'ce.commune as centre_commune',
      'p.nom',
      'p.prenom',
      'p.commune as commune_personne',
      'p.nir',
      'p.dossier_financier_actif',
      sql<string | null>`(select e.commune from personne_etablissement pe join etablissement e on e.id = pe.etablissement_id
        where pe.personne_id = f.personne_id order by pe.principal desc, e.id limit 1)`.as('commune_affectation'),
      sql<string | null>`(select min(cc.jour)::text from convocation_creneau cc where cc.convocation_id = f.convocation_id)`.as('premier_jour'),
      sql<string | null>`(select max(cc.jour)::text from convocation_creneau cc where cc.convocation_id = f.convocation_id)`.as('dernier_jour'),
      sql<string | null>`(select to_char(cc.heure_debut, 'HH24:MI') from convocation_creneau cc where cc.convocation_id = f.convocation_id order by cc.jour, cc.heure_debut limit 1)`.as('heure_debut'),
      sql<string | null>`(select to_char(cc.heure_fin, 'HH24:MI') from convocation_creneau cc where cc.convocation_id = f.convocation_id order by cc.jour desc, cc.heure_fin desc limit 1)`.as('heure_fin'),
    ]);
}

/**
 * The états de frais of this person in this académie (his convocations « convoquee », each with its
 * état), by first day then mission number.
 */
export async function etatsDeLaPersonne(db: Executeur, personneId: number, academieCode: string): Promise<EtatLu[]> {
  const q = requeteEtats(db).where('f.personne_id', '=', personneId).where('f.academie_code', '=', academieCode).where('c.statut', '=', 'convoquee');
  const lignes = await lignesJson(db, q);
  const cle = (l: EtatLu) => l.premier_jour ?? '9999-12-31';
  return (lignes as unknown as EtatLu[]).sort((a, b) => cle(a).localeCompare(cle(b)) || a.numero - b.numero || a.id - b.id);
}

/** One état: the person's own (`personneId`), or any of the académie's (the gestionnaire). */
export async function etat(db: Executeur, id: number, o: { personneId?: number; academieCode?: string }): Promise<EtatLu | undefined> {
  let q = requeteEtats(db).where('f.id', '=', id);
  if (o.personneId !== undefined) q = q.where('f.personne_id', '=', o.personneId);
  if (o.academieCode !== undefined) q = q.where('f.academie_code', '=', o.academieCode);
  const [r] = await lignesJson(db, q);
  return r as unknown as EtatLu | undefined;
}

/** Locks the état row for a change; returns its workflow state and version. */
export async function verrouiller(trx: Transaction<DB>, id: number, personneId: number) {
  return trx
    .selectFrom('etat_frais')
    .select(['id', 'statut', 'version', 'modifie_le', 'modifie_par', 'saisie_commencee_le', 'remuneration', 'pieces_par_courrier', 'academie_code'])
    .where('id', '=', id)
    .where('personne_id', '=', personneId)
    .forUpdate()
    .executeTakeFirst();
}

/** The académies where this person has états de frais (convoked), with their number. */
export async function academiesDesEtats(db: Executeur, personneId: number) {
  return db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('academie as a', 'a.code', 'f.academie_code')
    .select(['a.code', 'a.libelle', 'a.inter_academique', (eb) => eb.fn.countAll<number>().as('nombre')])
    .where('f.personne_id', '=', personneId)
    .where('c.statut', '=', 'convoquee')
    .groupBy(['a.code', 'a.libelle', 'a.inter_academique'])
    .execute();
}

export async function academie(db: Executeur, code: string) {
  return db.selectFrom('academie').select(['code', 'libelle', 'inter_academique']).where('code', '=', code).executeTakeFirst();
}

/** The dates a convocation holds its intervenant ('HH:MM'). */
export async function creneaux(db: Executeur, convocationId: number) {
  const r = await sql<{ jour: string; debut: string; fin: string }>`
    select jour::text as jour, to_char(heure_debut, 'HH24:MI') as debut, to_char(heure_fin, 'HH24:MI') as fin
    from convocation_creneau where convocation_id = ${convocationId} order by jour, heure_debut`.execute(db);
  return r.rows;
}

/** The half-day hours the centre recorded in its constat for this convocation, in hundredths of an hour. */
export async function heuresConstatees(db: Executeur, convocationId: number): Promise<number | null> {
  const r = await sql<{ minutes: number | null }>`
    select sum(coalesce(extract(epoch from (fin_matin - debut_matin)), 0) + coalesce(extract(epoch from (fin_apres_midi - debut_apres_midi)), 0))::int / 60 as minutes
    from constat_horaire where convocation_id = ${convocationId}`.execute(db);
  const m = r.rows[0]?.minutes;
  return m === null || m === undefined ? null : Math.round((Number(m) * 100) / 60);
}

/** The missions of this person's états in this académie that day-wise compete for the trips (first day and start). */
export async function missionsDuJour(db: Executeur, personneId: number, academieCode: string, jours: readonly string[]) {
  if (jours.length === 0) return [];
  return requeteEtats(db)
    .where('f.personne_id', '=', personneId)
    .where('f.academie_code', '=', academieCode)
    .where('c.statut', '=', 'convoquee')
    .where('f.statut', '!=', 'annule')
    .where('f.statut', '!=', 'mission_non_effectuee')
    .where(sql<boolean>`(select min(cc.jour)::text from convocation_creneau cc where cc.convocation_id = f.convocation_id) = any(${sql.val([...jours])}::text[])`)
    .execute() as unknown as Promise<EtatLu[]>;
}

/** The rate in force on `jour` for this taux (arrêté du 13 avril 2012). */
export async function tauxRemuneration(db: Executeur, taux: number, jour: string) {
  return db
    .selectFrom('frais_taux_remuneration')
    .select(['copie_centimes', 'heure_centimes'])
    .where('taux', '=', taux)
    .where('depuis', '<=', jour)
    .orderBy('depuis', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Who an account is, to say who changed an état. */
export async function auteur(db: Executeur, compteId: number | null) {
  if (compteId === null) return undefined;
  return db
    .selectFrom('compte as c')
    .leftJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['c.id', 'c.login', 'c.type', 'p.civilite', 'p.nom', 'p.prenom'])
    .where('c.id', '=', compteId)
    .executeTakeFirst();
}

/** The état's new figures (Enregistrer), version + 1. */
export async function enregistrer(
  trx: Transaction<DB>,
  id: number,
  v: { remuneration: unknown; piecesParCourrier: boolean; montantRemuneration: number | null; montantDeplacement: number | null; le: Date; par: number | null; version: number },
) {
  await trx
    .updateTable('etat_frais')
    .set({
      remuneration: v.remuneration === null ? null : JSON.stringify(v.remuneration),
      pieces_par_courrier: v.piecesParCourrier,
      montant_remuneration_centimes: v.montantRemuneration,
      montant_deplacement_centimes: v.montantDeplacement,
      saisie_commencee_le: sql`coalesce(saisie_commencee_le, ${v.le})`,
      modifie_le: v.le,
      modifie_par: v.par,
      version: v.version + 1,
    })
    .where('id', '=', id)
    .execute();
}

/** « Compléter » (first access): the saisie is started, version + 1. */
export async function commencer(trx: Transaction<DB>, id: number, v: { le: Date; par: number | null; version: number }) {
  await trx
    .updateTable('etat_frais')
    .set({ saisie_commencee_le: v.le, modifie_le: v.le, modifie_par: v.par, version: v.version + 1 })
    .where('id', '=', id)
    .execute();
}

/** « Mission non effectuée » (first access), version + 1. */
export async function declarerNonEffectuee(trx: Transaction<DB>, id: number, v: { le: Date; par: number | null; version: number }) {
  await trx
    .updateTable('etat_frais')
    .set({ statut: 'mission_non_effectuee', modifie_le: v.le, modifie_par: v.par, version: v.version + 1 })
    .where('id', '=', id)
    .execute();
}

/** The receipts of an état (frais_piece), oldest first. */
export async function pieces(db: Executeur, etatFraisId: number) {
  return db
    .selectFrom('frais_piece')
    .select(['id', 'groupe', 'nom', 'type_mime', 'taille', 'depose_le', 'depose_par_gestionnaire'])
    .where('etat_frais_id', '=', etatFraisId)
    .orderBy('depose_le')
    .orderBy('nom')
    .execute();
}
