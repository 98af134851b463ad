// The queries of the pupils' CYCLADES accounts (issue 6, seed 002). Every read of pupils goes through
// `candidaturesCourantes`: the candidatures registered through the actor's établissement in a current
// session (session year >= anneeSessionCourante). Scope errors are the service's (404).
import { sql, type Transaction } from 'kysely';
import type { EtatCandidature, Regroupement } from '../../domain/cyclades/comptes.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';

export type Executeur = Db | Transaction<DB>;

export interface PorteeEtablissement {
  academieCode: string;
  etablissementId: number;
  /** Sessions of this year or later are current. */
  anneeMin: number;
}

export interface LigneEleve {
  candidature_id: number;
  candidat_id: number;
  ine: string | null;
  nom: string;
  prenom: string;
  date_naissance: string | null;
  numero_candidat: string;
  etat: EtatCandidature;
  email: string | null;
  serie_code: string;
  serie_libelle: string;
  division_classe: string;
  qualification_presentee: string;
  session_examen_id: number;
  session: string;
  compte_id: number | null;
  login: string | null;
  type_login: 'prenom_nom' | 'email' | null;
  compte_etablissement_id: number | null;
}

export interface FiltreEleves {
  q?: string;
  division?: string;
  serie?: string;
  qualification?: string;
  etat?: EtatCandidature;
  compte?: 'avec' | 'sans' | 'email';
  candidatIds?: readonly number[];
}

/** The établissement, its académie's name and whether it has the "service de gestion des candidats". */
export async function etablissement(db: Executeur, id: number) {
  return db
    .selectFrom('etablissement as e')
    .innerJoin('academie as a', 'a.code', 'e.academie_code')
    .select(['e.id', 'e.uai', 'e.nom', 'e.type', 'e.commune', 'e.academie_code', 'e.service_gestion_candidats', 'a.nom_majuscule', 'a.libelle as academie'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** The candidatures of the établissement in current sessions, with their candidate and his account. */
export function requeteEleves(db: Executeur, p: PorteeEtablissement, f: FiltreEleves = {}) {
  let q = db
    .selectFrom('candidature as cu')
    .innerJoin('candidat as c', 'c.id', 'cu.candidat_id')
    .innerJoin('session_examen as se', 'se.id', 'cu.session_examen_id')
    .leftJoin('compte_candidat as cc', 'cc.candidat_id', 'c.id')
    .leftJoin('compte as co', 'co.id', 'cc.compte_id')
    .select([
      'cu.id as candidature_id',
      'c.id as candidat_id',
      'c.ine',
      'c.nom',
      'c.prenom',
      sql<string | null>`to_char(c.date_naissance, 'YYYY-MM-DD')`.as('date_naissance'),
      'cu.numero_candidat',
      'cu.etat',
      'cu.email',
      'cu.serie_code',
      'cu.serie_libelle',
      'cu.division_classe',
      'cu.qualification_presentee',
      'cu.session_examen_id',
      'se.libelle as session',
      'co.id as compte_id',
      'co.login',
      'cc.type_login',
      'cc.etablissement_id as compte_etablissement_id',
    ])
    .where('cu.etablissement_id', '=', p.etablissementId)
    .where('cu.academie_code', '=', p.academieCode)
    .where('se.annee', '>=', p.anneeMin);
  if (f.candidatIds) q = q.where(sql<boolean>`c.id = any(${sql.val([...f.candidatIds])}::int[])`);
  if (f.division) q = q.where('cu.division_classe', '=', f.division);
  if (f.serie) q = q.where('cu.serie_libelle', '=', f.serie);
  if (f.qualification) q = q.where('cu.qualification_presentee', '=', f.qualification);
  if (f.etat) q = q.where('cu.etat', '=', f.etat);
  if (f.compte === 'avec') q = q.where('co.id', 'is not', null);
  if (f.compte === 'sans') q = q.where('co.id', 'is', null);
  if (f.compte === 'email') q = q.where('cc.type_login', '=', 'email');
  if (f.q) {
    const motif = `%${f.q.toLowerCase().replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['c.nom']), 'like', motif),
        eb(eb.fn('lower', ['c.prenom']), 'like', motif),
        eb(eb.fn('lower', ['cu.numero_candidat']), 'like', motif),
        eb(eb.fn('lower', ['co.login']), 'like', motif),
      ]),
    );
  }
  return q.orderBy('c.nom').orderBy('c.prenom').orderBy('c.id').orderBy('cu.session_examen_id');
}

export async function eleves(db: Executeur, p: PorteeEtablissement, f: FiltreEleves = {}): Promise<LigneEleve[]> {
  return (await requeteEleves(db, p, f).execute()) as LigneEleve[];
}

/** The values offered by the selection criteria. */
export async function valeursCriteres(db: Executeur, p: PorteeEtablissement) {
  const r = await db
    .selectFrom('candidature as cu')
    .innerJoin('session_examen as se', 'se.id', 'cu.session_examen_id')
    .select(['cu.division_classe', 'cu.serie_libelle', 'cu.qualification_presentee'])
    .distinct()
    .where('cu.etablissement_id', '=', p.etablissementId)
    .where('cu.academie_code', '=', p.academieCode)
    .where('se.annee', '>=', p.anneeMin)
    .execute();
  const trie = (l: string[]) => [...new Set(l.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  return {
    divisions: trie(r.map((x) => x.division_classe)),
    series: trie(r.map((x) => x.serie_libelle)),
    qualifications: trie(r.map((x) => x.qualification_presentee)),
  };
}

/** The current sessions the établissement has candidatures in. */
export async function sessionsCourantes(db: Executeur, p: PorteeEtablissement) {
  return db
    .selectFrom('session_examen as se')
    .select(['se.id', 'se.libelle'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('candidature as cu')
          .select('cu.id')
          .whereRef('cu.session_examen_id', '=', 'se.id')
          .where('cu.etablissement_id', '=', p.etablissementId)
          .where('cu.academie_code', '=', p.academieCode),
      ),
    )
    .where('se.annee', '>=', p.anneeMin)
    .orderBy('se.annee')
    .orderBy('se.libelle')
    .execute();
}

export interface CompteExistant {
  candidat_id: number;
  compte_id: number;
  login: string;
  type_login: 'prenom_nom' | 'email';
  etablissement_id: number | null;
}

/** The accounts of these candidates (one at most each). */
export async function comptesDe(db: Executeur, candidatIds: readonly number[]): Promise<Map<number, CompteExistant>> {
  if (candidatIds.length === 0) return new Map();
  const r = await db
    .selectFrom('compte_candidat as cc')
    .innerJoin('compte as co', 'co.id', 'cc.compte_id')
    .select(['cc.candidat_id', 'cc.compte_id', 'co.login', 'cc.type_login', 'cc.etablissement_id'])
    .where(sql<boolean>`cc.candidat_id = any(${sql.val([...candidatIds])}::int[])`)
    .execute();
  return new Map(r.map((x) => [x.candidat_id, x]));
}

/**
 * The logins already taken on the platform (any account) among these bases and their suffixed forms
 * (base + 3 letters), in lower case: what a new login must not collide with.
 */
export async function loginsPris(db: Executeur, bases: readonly string[]): Promise<Set<string>> {
  if (bases.length === 0) return new Set();
  const b = [...new Set(bases)];
  const r = await db
    .selectFrom('compte')
    .select(sql<string>`lower(login)`.as('l'))
    .where((eb) =>
      eb.or([
        sql<boolean>`lower(login) = any(${sql.val(b)}::text[])`,
        sql<boolean>`(length(login) > 3 and lower(left(login, -3)) = any(${sql.val(b)}::text[]))`,
      ]),
    )
    .execute();
  return new Set(r.map((x) => x.l));
}

const LOT = 1000;

function* lots<T>(l: readonly T[], n = LOT): Generator<T[]> {
  for (let i = 0; i < l.length; i += n) yield l.slice(i, i + n);
}

export interface NouveauCompte {
  candidatId: number;
  login: string;
  hash: string;
  email: string | null;
}

/** Creates the accounts (compte, role candidat, compte_candidat) in batches. Returns compte ids by candidate. */
export async function creerComptes(
  trx: Transaction<DB>,
  o: { academieCode: string; etablissementId: number; generationId: number; maintenant: Date },
  comptes: readonly NouveauCompte[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const lot of lots(comptes)) {
    const crees = await trx
      .insertInto('compte')
      .values(lot.map((c) => ({ login: c.login, password_hash: c.hash, mot_de_passe_temporaire: true, email: c.email, type: 'candidat' as const, personne_id: null })))
      .returning(['id', 'login'])
      .execute();
    const parLogin = new Map(crees.map((c) => [c.login, c.id]));
    for (const c of lot) ids.set(c.candidatId, parLogin.get(c.login)!);
    await trx
      .insertInto('role_attribution')
      .values(lot.map((c) => ({ compte_id: ids.get(c.candidatId)!, role: 'candidat' as const, academie_code: o.academieCode, etablissement_id: null, personne_id: null })))
      .execute();
    await trx
      .insertInto('compte_candidat')
      .values(
        lot.map((c) => ({
          compte_id: ids.get(c.candidatId)!,
          candidat_id: c.candidatId,
          type_login: 'prenom_nom' as const,
          etablissement_id: o.etablissementId,
          derniere_generation_id: o.generationId,
          genere_le: o.maintenant,
        })),
      )
      .execute();
  }
  return ids;
}

/**
 * New temporary passwords for existing "prenom.nom" accounts: the hash, the generation whose papillon
 * holds it, the établissement that generated it; their open sessions end (the old password is void).
 */
export async function regenererComptes(
  trx: Transaction<DB>,
  o: { etablissementId: number; generationId: number; maintenant: Date },
  comptes: ReadonlyArray<{ compteId: number; hash: string }>,
): Promise<void> {
  for (const lot of lots(comptes)) {
    const ids = lot.map((c) => c.compteId);
    await sql`update compte as c set password_hash = v.hash, mot_de_passe_temporaire = true, mot_de_passe_provisoire_chiffre = null
      from (select unnest(${sql.val(ids)}::int[]) as id, unnest(${sql.val(lot.map((c) => c.hash))}::text[]) as hash) as v
      where c.id = v.id`.execute(trx);
    await trx
      .updateTable('compte_candidat')
      .set({ derniere_generation_id: o.generationId, genere_le: o.maintenant, etablissement_id: o.etablissementId })
      .where(sql<boolean>`compte_id = any(${sql.val(ids)}::int[])`)
      .execute();
    await trx
      .updateTable('session_utilisateur')
      .set({ fin_le: o.maintenant, motif_fin: 'changement_mot_de_passe' })
      .where(sql<boolean>`compte_id = any(${sql.val(ids)}::int[])`)
      .where('fin_le', 'is', null)
      .execute();
  }
}

export async function creerGeneration(
  trx: Executeur,
  v: { academieCode: string; etablissementId: number; sessionExamenId: number | null; type: 'generation' | 'regeneration'; regroupement: Regroupement; forcer: boolean; titre: string; creePar: number; maintenant: Date },
): Promise<number> {
  const r = await trx
    .insertInto('generation_comptes')
    .values({
      academie_code: v.academieCode,
      etablissement_id: v.etablissementId,
      session_examen_id: v.sessionExamenId,
      type: v.type,
      regroupement: v.regroupement,
      forcer: v.forcer,
      titre: v.titre,
      cree_par: v.creePar,
      cree_le: v.maintenant,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The runs of the établissement, newest first, with their treatment, documents and whether a newer run replaced them. */
export async function generations(db: Executeur, etablissementId: number) {
  const lignes = await db
    .selectFrom('generation_comptes as g')
    .leftJoin('traitement as t', 't.id', 'g.traitement_id')
    .leftJoin('compte as co', 'co.id', 'g.cree_par')
    .select([
      'g.id',
      'g.type',
      'g.titre',
      'g.cree_le',
      'co.login as cree_par',
      'g.regroupement',
      'g.forcer',
      'g.nb_comptes_crees',
      'g.nb_mots_de_passe_regeneres',
      'g.traitement_id',
      't.statut',
      'co.id as compte_id',
      (eb) => eb.selectFrom('compte_candidat as cc').select((e) => e.fn.countAll<number>().as('n')).whereRef('cc.derniere_generation_id', '=', 'g.id').as('en_vigueur'),
    ])
    .where('g.etablissement_id', '=', etablissementId)
    .orderBy('g.cree_le', 'desc')
    .orderBy('g.id', 'desc')
    .execute();
  const traitements = lignes.map((l) => l.traitement_id).filter((x): x is string => !!x);
  const documents = traitements.length
    ? await db
        .selectFrom('document')
        .select(['id', 'nom', 'taille', 'type_mime', 'traitement_id'])
        .where('traitement_id', 'in', traitements)
        .where('etablissement_id', '=', etablissementId)
        .orderBy('nom')
        .execute()
    : [];
  return { lignes, documents };
}
