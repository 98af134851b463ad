// Validation and récapitulatif of an état de frais (decision 0031): the queries. Every function takes the
// executor first (the database or the open transaction).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

/** The état with what validation needs; `verrou` locks the row (inside the validation's transaction). */
export async function etat(db: Executeur, id: number, verrou = false) {
  let q = db
    .selectFrom('etat_frais')
    .select([
      'id',
      'convocation_id',
      'academie_code',
      'personne_id',
      'statut',
      'version',
      'modifie_le',
      'modifie_par',
      'remuneration',
      'pieces_par_courrier',
      'numero_ordre',
      'montant_remuneration_centimes',
      'montant_deplacement_centimes',
      'valide_le',
      'recapitulatif_document_id',
      'saisie_commencee_le',
    ])
    .where('id', '=', id);
  if (verrou) q = q.forUpdate();
  return q.executeTakeFirst();
}

export type EtatLu = NonNullable<Awaited<ReturnType<typeof etat>>>;

/** Who last changed the état (the 409 names them). */
export async function auteurModification(db: Executeur, compteId: number | null) {
  if (compteId === null) return undefined;
  return db
    .selectFrom('compte as c')
    .leftJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['c.id', 'c.login', 'c.type', 'p.civilite', 'p.nom', 'p.prenom'])
    .where('c.id', '=', compteId)
    .executeTakeFirst();
}

/** The mission of the état's convocation, the person, the académie, and the rate of pay in force. */
export async function contexte(db: Executeur, etatFraisId: number) {
  return db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
    .innerJoin('personne as p', 'p.id', 'f.personne_id')
    .innerJoin('academie as a', 'a.code', 'f.academie_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as e', 'e.id', 'm.centre_id')
    .select([
      'f.id',
      'c.id as convocation_id',
      'c.dates_specifiques',
      'm.id as mission_id',
      'm.numero',
      'm.lieu',
      'm.emise_par_ministere',
      'tm.code as type_code',
      'tm.libelle as type_libelle',
      'tm.mode_remuneration',
      'tm.correction_dematerialisee',
      'se.libelle as session_libelle',
      'ex.libelle as examen_libelle',
      'ex.sigle as examen_sigle',
      'sp.libelle as specialite_libelle',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
      'eo.taux_remuneration',
      'e.nom as centre_nom',
      'e.commune as centre_commune',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.adresse',
      'p.code_postal',
      'p.commune',
      'p.nir',
      'p.dossier_financier_actif',
      'a.nom_majuscule',
      'a.inter_academique',
    ])
    .where('f.id', '=', etatFraisId)
    .executeTakeFirst();
}

export type ContexteLu = NonNullable<Awaited<ReturnType<typeof contexte>>>;

/** The dates of the convocation: its own when it has some, otherwise the mission's. */
export async function dates(db: Executeur, convocationId: number, missionId: number, propres: boolean) {
  const r = propres
    ? await db.selectFrom('convocation_date').select(['jour', 'heure_debut', 'heure_fin']).where('convocation_id', '=', convocationId).orderBy('jour').orderBy('heure_debut').execute()
    : [];
  if (r.length) return r;
  return db.selectFrom('mission_date').select(['jour', 'heure_debut', 'heure_fin']).where('mission_id', '=', missionId).orderBy('jour').orderBy('heure_debut').execute();
}

/** The dated rates of pay (arrêté du 13 avril 2012), all of them (a few rows). */
export async function tauxRemuneration(db: Executeur) {
  return db.selectFrom('frais_taux_remuneration').select(['taux', sql<string>`depuis::text`.as('depuis'), 'copie_centimes', 'heure_centimes']).execute();
}

/** The dated kilometre and flat rates (a few rows). */
export async function tauxDeplacementDates(db: Executeur) {
  return Promise.all([
    db.selectFrom('frais_taux_km').select(['categorie', 'bande', sql<string>`depuis::text`.as('depuis'), 'centimes']).execute(),
    db.selectFrom('frais_taux_forfait').select(['nature', sql<string>`depuis::text`.as('depuis'), 'centimes']).execute(),
  ]);
}

export async function lignesDeplacement(db: Executeur, etatFraisId: number) {
  return db.selectFrom('frais_deplacement_ligne').selectAll().where('etat_frais_id', '=', etatFraisId).orderBy('ordre').orderBy('id').execute();
}

/** The receipts of the état, in the order they are appended to the récapitulatif (group, then date). */
export async function pieces(db: Executeur, etatFraisId: number) {
  return db
    .selectFrom('frais_piece')
    .select(['id', 'groupe', 'nom', 'type_mime', 'taille', 'cle_stockage', 'depose_le', 'depose_par_gestionnaire'])
    .where('etat_frais_id', '=', etatFraisId)
    .orderBy(sql`case when groupe = 'paie' then 0 else 1 end`)
    .orderBy('depose_le')
    .orderBy('nom')
    .orderBy('id')
    .execute();
}

/** Next numéro d'ordre of the académie. The row lock of the caller and the unique index keep it unique. */
export async function prochainNumeroOrdre(trx: Transaction<DB>, academieCode: string): Promise<number> {
  // One validation of the académie at a time takes a number: a transaction-level advisory lock.
  await sql`select pg_advisory_xact_lock(hashtext(${`etat_frais.numero_ordre:${academieCode}`}))`.execute(trx);
  const r = await trx
    .selectFrom('etat_frais')
    .select(sql<number>`coalesce(max(numero_ordre), 0) + 1`.as('n'))
    .where('academie_code', '=', academieCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function marquerValide(
  trx: Transaction<DB>,
  id: number,
  v: { numeroOrdre: number; montantRemuneration: number | null; montantDeplacement: number | null; le: Date; par: number; version: number },
) {
  await trx
    .updateTable('etat_frais')
    .set({
      statut: 'valide',
      numero_ordre: v.numeroOrdre,
      montant_remuneration_centimes: v.montantRemuneration,
      montant_deplacement_centimes: v.montantDeplacement,
      valide_le: v.le,
      version: v.version,
      modifie_par: v.par,
      modifie_le: v.le,
    })
    .where('id', '=', id)
    .execute();
}

export async function marquerNonValide(trx: Transaction<DB>, id: number, v: { le: Date; par: number; version: number }) {
  await trx
    .updateTable('etat_frais')
    .set({ statut: 'non_valide', valide_le: null, version: v.version, modifie_par: v.par, modifie_le: v.le })
    .where('id', '=', id)
    .execute();
}

/** Records the récapitulatif's document on the état (and the previous one, replaced, is returned). */
export async function enregistrerRecapitulatif(
  trx: Transaction<DB>,
  etatFraisId: number,
  d: { id: string; academieCode: string; personneId: number; compteId: number | null; nom: string; typeMime: string; taille: number; sha256: string; cle: string; le: Date },
) {
  await trx
    .insertInto('document')
    .values({
      id: d.id,
      traitement_id: null,
      academie_code: d.academieCode,
      etablissement_id: null,
      personne_id: d.personneId,
      compte_id: d.compteId,
      visibilite: 'personne',
      nom: d.nom,
      type_mime: d.typeMime,
      taille: d.taille,
      sha256: d.sha256,
      cle_stockage: d.cle,
      cree_le: d.le,
      // Kept as long as the état: the nightly purge of generated documents does not remove it.
      expire_le: null,
    })
    .execute();
  // Locked: two requests storing at once (a double click on PostgreSQL) each see the other's document as
  // the previous one, and the older is removed, instead of both keeping theirs.
  const avant = await trx.selectFrom('etat_frais').select('recapitulatif_document_id').where('id', '=', etatFraisId).forUpdate().executeTakeFirstOrThrow();
  await trx.updateTable('etat_frais').set({ recapitulatif_document_id: d.id }).where('id', '=', etatFraisId).execute();
  return avant.recapitulatif_document_id;
}

export async function document(db: Executeur, id: string) {
  return db.selectFrom('document').select(['id', 'nom', 'type_mime', 'taille', 'cle_stockage', 'academie_code', 'personne_id', 'cree_le']).where('id', '=', id).executeTakeFirst();
}

export async function supprimerDocument(db: Executeur, id: string) {
  await db.deleteFrom('document').where('id', '=', id).execute();
}
