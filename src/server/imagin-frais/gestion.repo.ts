// SQL of « Traitement des états de frais » (gestionnaire, decision 0032): the académie's états with
// their filters, counts per status and page (sorted and paginated here, in the database: 50,000 états
// stay fast — indexes of migration 027), one état with its mission, constat, lines, receipts and
// corrections, and the writes of the gestionnaire's decisions. Every read is limited to the académie.
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, StatutEtatFrais } from '../platform/db/tables.ts';

export type Executeur = Kysely<DB> | Transaction<DB>;

export type StatutGestion = 'non_valide' | 'mission_non_effectuee' | 'valide' | 'valide_gestionnaire' | 'traite_gestionnaire' | 'annule';
export const STATUTS_GESTION: readonly StatutGestion[] = ['non_valide', 'mission_non_effectuee', 'valide', 'valide_gestionnaire', 'traite_gestionnaire', 'annule'];

export interface Filtres {
  examen?: string;
  session?: number;
  type?: string;
  centre?: number;
  statut?: StatutGestion;
  /** A mission date in [du, au] (AAAA-MM-JJ). */
  du?: string;
  au?: string;
  /** With (true) or without (false) a receipt uploaded. */
  pieces?: boolean;
  /** The intervenant's figure differs from the centre's constat. */
  ecart?: boolean;
  /** Name, first name, mission number or numéro d'ordre. */
  recherche?: string;
}

export type Tri = 'debut' | 'nom' | 'mission' | 'numeroOrdre' | 'statut' | 'modifie';

/**
 * The intervenant's rémunération figure differs from the centre's constat (copies, candidates, hours):
 * the jsonb entered (SaisieRemuneration) against the convocation's csf_* columns.
 */
export const ECART_CONSTAT = sql<boolean>`(
  (f.remuneration->>'type' = 'copies' and c.csf_nb_copies is not null and (f.remuneration->>'copies')::int is distinct from c.csf_nb_copies)
  or (f.remuneration->>'type' = 'candidats' and c.csf_nb_candidats is not null and (f.remuneration->>'candidats')::int is distinct from c.csf_nb_candidats)
  or (f.remuneration->>'type' = 'heures_minutes' and c.csf_heures_centiemes is not null
      and round(coalesce((f.remuneration->>'heures')::numeric, 0) * 100 + coalesce((f.remuneration->>'minutes')::numeric, 0) * 100 / 60) is distinct from c.csf_heures_centiemes)
)`;

const PIECES = sql<boolean>`exists (select 1 from frais_piece fp where fp.etat_frais_id = f.id)`;
/** First day of the mission (its dates, or the convocation's own). */
const DEBUT = sql<string>`(select min(md.jour) from mission_date md where md.mission_id = m.id)`;

function base(db: Executeur, academieCode: string, o: { personne: boolean; session: boolean } = { personne: true, session: true }) {
  const q = db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('personne as p', 'p.id', 'f.personne_id');
  // The list joins only what its filters and sort read (the person, the session): 50,000 rows stay fast.
  type Complet = typeof q;
  let r = db.selectFrom('etat_frais as f').innerJoin('convocation as c', 'c.id', 'f.convocation_id').innerJoin('mission as m', 'm.id', 'c.mission_id') as unknown as Complet;
  if (o.session) r = (r as any).innerJoin('session_examen as se', 'se.id', 'm.session_examen_id');
  if (o.personne) r = (r as any).innerJoin('personne as p', 'p.id', 'f.personne_id');
  return r.where('f.academie_code', '=', academieCode);
}

/** Whether the filters need a join beyond the état itself (none: the counts read etat_frais alone). */
const besoinJointures = (f: Filtres) => !!(f.examen || f.session || f.type || f.centre || f.du || f.au || f.ecart !== undefined || f.recherche);

type Base = ReturnType<typeof base>;

function filtrer<Q extends Base>(q: Q, f: Filtres, avecStatut: boolean): Q {
  let r = q as Base;
  if (f.examen) r = r.where('se.examen_code', '=', f.examen);
  if (f.session) r = r.where('m.session_examen_id', '=', f.session);
  if (f.type) r = r.where('m.type_mission', '=', f.type);
  if (f.centre) r = r.where('m.centre_id', '=', f.centre);
  if (avecStatut && f.statut) r = r.where('f.statut', '=', f.statut as StatutEtatFrais);
  if (f.du || f.au) {
    r = r.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mission_date as md')
          .select(sql`1`.as('un'))
          .whereRef('md.mission_id', '=', 'm.id')
          .$if(!!f.du, (s) => s.where('md.jour', '>=', f.du!))
          .$if(!!f.au, (s) => s.where('md.jour', '<=', f.au!)),
      ),
    );
  }
  if (f.pieces !== undefined) r = r.where(f.pieces ? PIECES : sql<SqlBool>`not ${PIECES}`);
  if (f.ecart !== undefined) r = r.where(f.ecart ? ECART_CONSTAT : sql<SqlBool>`not ${ECART_CONSTAT}`);
  if (f.recherche) {
    const t = f.recherche.trim();
    const n = /^\d{1,9}$/.test(t) ? Number(t) : null;
    const motif = `%${t.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    r = r.where((eb) => {
      const ou: Expression<SqlBool>[] = [eb('p.nom', 'ilike', motif), eb('p.prenom', 'ilike', motif)];
      if (n !== null) ou.push(eb('m.numero', '=', n), eb('f.numero_ordre', '=', n));
      return eb.or(ou);
    });
  }
  return r as Q;
}

/** The number of états per workflow status under the filters (the status filter aside). */
export async function comptesParStatut(db: Executeur, academieCode: string, f: Filtres): Promise<Record<StatutGestion, number>> {
  const rows = besoinJointures(f)
    ? await filtrer(base(db, academieCode, { personne: !!f.recherche, session: !!f.examen }), f, false)
        .select(['f.statut', sql<number>`count(*)::int`.as('n')])
        .groupBy('f.statut')
        .execute()
    : await db
        .selectFrom('etat_frais as f')
        .select(['f.statut', sql<number>`count(*)::int`.as('n')])
        .where('f.academie_code', '=', academieCode)
        .$if(f.pieces !== undefined, (q) => q.where(f.pieces ? PIECES : sql<SqlBool>`not ${PIECES}`))
        .groupBy('f.statut')
        .execute();
  const r = Object.fromEntries(STATUTS_GESTION.map((s) => [s, 0])) as Record<StatutGestion, number>;
  for (const x of rows) if (x.statut in r) r[x.statut as StatutGestion] = x.n;
  return r;
}

export interface LigneListe {
  id: number;
  version: number;
  statut: StatutGestion;
  numero_ordre: number | null;
  civilite: string;
  nom: string;
  prenom: string;
  mission_numero: number;
  examen_code: string;
  examen_sigle: string;
  session_libelle: string;
  type_libelle: string;
  centre: string | null;
  debut: string | null;
  montant_remuneration: number | null;
  montant_deplacement: number | null;
  nb_pieces: number;
  ecart: boolean;
  regroupe_dans_id: number | null;
  paye_le: Date | null;
  modifie_le: Date;
}

const ORDRE: Record<Tri, string> = {
  debut: 'md1.jour',
  nom: 'p.nom',
  mission: 'm.numero',
  numeroOrdre: 'f.numero_ordre',
  statut: 'f.statut',
  modifie: 'f.modifie_le',
};

/** The first day of each mission of the académie, aggregated once (not a subquery per état). */
function premiersJours(db: Executeur, academieCode: string) {
  return db
    .selectFrom('mission_date as mdx')
    .innerJoin('mission as mx', 'mx.id', 'mdx.mission_id')
    .select(['mdx.mission_id', sql<string>`min(mdx.jour)`.as('jour')])
    .where('mx.academie_code', '=', academieCode)
    .groupBy('mdx.mission_id');
}

/**
 * One page of états under the filters, sorted (then by id, so that pages do not overlap): the ids of
 * the page first, with only the joins the filters and the sort need, then the rows of those ids.
 */
export async function page(db: Executeur, academieCode: string, f: Filtres, o: { tri: Tri; sens: 'asc' | 'desc'; limite: number; decalage: number }): Promise<LigneListe[]> {
  const sens = o.sens === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  let q = filtrer(base(db, academieCode, { personne: !!f.recherche || o.tri === 'nom', session: !!f.examen }), f, true);
  if (o.tri === 'debut') q = q.leftJoin(premiersJours(db, academieCode).as('md1'), (j) => j.onRef('md1.mission_id', '=', 'm.id')) as unknown as typeof q;
  const ids = (
    await q
      .select('f.id')
      .orderBy(sql`${sql.raw(ORDRE[o.tri])} ${sens}`)
      .orderBy('f.id', o.sens)
      .limit(o.limite)
      .offset(o.decalage)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await base(db, academieCode)
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .select([
      'f.id',
      'f.version',
      'f.statut',
      'f.numero_ordre',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'm.numero as mission_numero',
      'ex.code as examen_code',
      'ex.sigle as examen_sigle',
      'se.libelle as session_libelle',
      'tm.libelle as type_libelle',
      sql<string | null>`case when ce.id is null then m.lieu else ce.type || ' ' || ce.nom || ' ' || ce.commune end`.as('centre'),
      DEBUT.as('debut'),
      sql<number | null>`coalesce(f.montant_retenu_remuneration_centimes, f.montant_remuneration_centimes)`.as('montant_remuneration'),
      sql<number | null>`coalesce(f.montant_retenu_deplacement_centimes, f.montant_deplacement_centimes)`.as('montant_deplacement'),
      sql<number>`(select count(*)::int from frais_piece fp where fp.etat_frais_id = f.id)`.as('nb_pieces'),
      ECART_CONSTAT.as('ecart'),
      'f.regroupe_dans_id',
      'f.paye_le',
      'f.modifie_le',
    ])
    .where('f.id', 'in', ids)
    .execute();
  const parId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => parId.get(id)!).filter(Boolean) as unknown as LigneListe[];
}

/** The ids of the états under the filters (the mass validation's selection), in id order. */
export async function idsFiltres(db: Executeur, academieCode: string, f: Filtres): Promise<number[]> {
  const rows = await filtrer(base(db, academieCode), f, true).select('f.id').orderBy('f.id').execute();
  return rows.map((r) => r.id);
}

/** What the filter lists offer: the académie's examens, sessions, types of mission and centres that have états. */
export async function optionsFiltres(db: Executeur, academieCode: string) {
  const [sessions, types, centres] = await Promise.all([
    db
      .selectFrom('session_examen as se')
      .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
      .select(['se.id', 'se.libelle', 'se.annee', 'ex.code as examen_code', 'ex.sigle as examen_sigle', 'ex.libelle as examen_libelle'])
      .where((eb) => eb.exists(eb.selectFrom('mission as m').select('m.id').whereRef('m.session_examen_id', '=', 'se.id').where('m.academie_code', '=', academieCode)))
      .orderBy('ex.sigle')
      .orderBy('se.annee', 'desc')
      .orderBy('se.libelle')
      .execute(),
    db
      .selectFrom('type_mission as tm')
      .select(['tm.code', 'tm.libelle'])
      .where((eb) => eb.exists(eb.selectFrom('mission as m').select('m.id').whereRef('m.type_mission', '=', 'tm.code').where('m.academie_code', '=', academieCode)))
      .orderBy('tm.libelle')
      .execute(),
    db
      .selectFrom('etablissement as e')
      .select(['e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune'])
      .where((eb) => eb.exists(eb.selectFrom('mission as m').select('m.id').whereRef('m.centre_id', '=', 'e.id').where('m.academie_code', '=', academieCode)))
      .orderBy('e.nom')
      .execute(),
  ]);
  return { sessions, types, centres };
}

// ---------------------------------------------------------------------------------------------
// One état

export interface EtatLu {
  id: number;
  version: number;
  statut: StatutGestion;
  convocation_id: number;
  personne_id: number;
  numero_ordre: number | null;
  remuneration: unknown;
  pieces_par_courrier: boolean;
  montant_remuneration_centimes: number | null;
  montant_deplacement_centimes: number | null;
  montant_retenu_remuneration_centimes: number | null;
  montant_retenu_deplacement_centimes: number | null;
  valide_le: Date | null;
  traite_le: Date | null;
  traite_par: string | null;
  rejet_motif: string | null;
  rejete_le: Date | null;
  annulation_motif: string | null;
  regroupe_dans_id: number | null;
  commentaire_regroupement: string | null;
  paye_le: Date | null;
  modifie_le: Date;
  modifie_par: string | null;
  saisie_commencee_le: Date | null;
  // personne
  civilite: string;
  nom: string;
  prenom: string;
  email_pro: string | null;
  email_perso: string | null;
  // mission
  mission_id: number;
  mission_numero: number;
  session_examen_id: number;
  session_libelle: string;
  examen_code: string;
  examen_sigle: string;
  examen_libelle: string;
  type_code: string;
  type_libelle: string;
  mode_remuneration: string;
  correction_dematerialisee: boolean;
  emise_par_ministere: boolean;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  specialite_libelle: string | null;
  centre: string | null;
  lieu: string | null;
  // constat
  service_fait: 'fait' | 'non_fait' | null;
  motif_service_non_fait: string | null;
  csf_nb_copies: number | null;
  csf_nb_candidats: number | null;
  csf_heures_centiemes: number | null;
  csf_par: string | null;
  csf_le: Date | null;
  ecart: boolean;
  en_lot: boolean;
}

/** The état of this id in the académie (undefined otherwise); `pourMaj` locks its row. */
export async function etat(db: Executeur, academieCode: string, id: number, pourMaj = false): Promise<EtatLu | undefined> {
  if (pourMaj) {
    const verrou = await db.selectFrom('etat_frais').select('id').where('id', '=', id).where('academie_code', '=', academieCode).forUpdate().executeTakeFirst();
    if (!verrou) return undefined;
  }
  const r = await base(db, academieCode)
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .leftJoin('compte as tp', 'tp.id', 'f.traite_par')
    .leftJoin('compte as mp', 'mp.id', 'f.modifie_par')
    .select([
      'f.id',
      'f.version',
      'f.statut',
      'f.convocation_id',
      'f.personne_id',
      'f.numero_ordre',
      'f.remuneration',
      'f.pieces_par_courrier',
      'f.montant_remuneration_centimes',
      'f.montant_deplacement_centimes',
      'f.montant_retenu_remuneration_centimes',
      'f.montant_retenu_deplacement_centimes',
      'f.valide_le',
      'f.traite_le',
      'tp.login as traite_par',
      'f.rejet_motif',
      'f.rejete_le',
      'f.annulation_motif',
      'f.regroupe_dans_id',
      'f.commentaire_regroupement',
      'f.paye_le',
      'f.modifie_le',
      'mp.login as modifie_par',
      'f.saisie_commencee_le',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.email_pro',
      'p.email_perso',
      'm.id as mission_id',
      'm.numero as mission_numero',
      'm.session_examen_id',
      'se.libelle as session_libelle',
      'ex.code as examen_code',
      'ex.sigle as examen_sigle',
      'ex.libelle as examen_libelle',
      'tm.code as type_code',
      'tm.libelle as type_libelle',
      'tm.mode_remuneration',
      'tm.correction_dematerialisee',
      'm.emise_par_ministere',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
      'sp.libelle as specialite_libelle',
      sql<string | null>`case when ce.id is null then null else ce.type || ' ' || ce.nom || ' ' || ce.commune || ' (' || ce.uai || ')' end`.as('centre'),
      'm.lieu',
      'c.service_fait',
      'c.motif_service_non_fait',
      'c.csf_nb_copies',
      'c.csf_nb_candidats',
      'c.csf_heures_centiemes',
      'c.csf_par',
      'c.csf_le',
      ECART_CONSTAT.as('ecart'),
      sql<boolean>`exists (select 1 from liquidation_ligne ll where ll.etat_frais_id = f.id)`.as('en_lot'),
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
  return r as unknown as EtatLu | undefined;
}

export async function datesMission(db: Executeur, missionId: number) {
  return db.selectFrom('mission_date').select(['jour', 'heure_debut', 'heure_fin']).where('mission_id', '=', missionId).orderBy('jour').execute();
}

export async function lignesDeplacement(db: Executeur, etatId: number) {
  return db.selectFrom('frais_deplacement_ligne').selectAll().where('etat_frais_id', '=', etatId).orderBy('ordre').orderBy('id').execute();
}

export async function pieces(db: Executeur, etatId: number) {
  return db
    .selectFrom('frais_piece')
    .select(['id', 'groupe', 'nom', 'type_mime', 'taille', 'depose_le', 'depose_par_gestionnaire'])
    .where('etat_frais_id', '=', etatId)
    .orderBy('depose_le')
    .execute();
}

export async function corrections(db: Executeur, etatId: number) {
  return db
    .selectFrom('frais_correction as fc')
    .leftJoin('compte as c', 'c.id', 'fc.par')
    .select(['fc.id', 'fc.champ', 'fc.avant', 'fc.apres', 'fc.motif', 'c.login as par', 'fc.le'])
    .where('fc.etat_frais_id', '=', etatId)
    .orderBy('fc.le', 'desc')
    .orderBy('fc.id', 'desc')
    .execute();
}

/** The états grouped onto this one (regroupe_dans_id). */
export async function regroupes(db: Executeur, etatId: number) {
  return db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .select(['f.id', 'm.numero as mission_numero'])
    .where('f.regroupe_dans_id', '=', etatId)
    .orderBy('m.numero')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Writes

export type Changements = Partial<{
  statut: StatutGestion;
  remuneration: string | null;
  montant_retenu_remuneration_centimes: number | null;
  montant_retenu_deplacement_centimes: number | null;
  traite_le: Date | null;
  traite_par: number | null;
  rejet_motif: string | null;
  rejete_le: Date | null;
  annulation_motif: string | null;
  statut_avant_annulation: null;
  regroupe_dans_id: number | null;
  commentaire_regroupement: string | null;
}>;

/** Applies the changes, version + 1; returns the new version. */
export async function modifierEtat(db: Executeur, id: number, ch: Changements, compteId: number, le: Date): Promise<number> {
  const r = await db
    .updateTable('etat_frais')
    .set({ ...(ch as Record<string, unknown>), modifie_par: compteId, modifie_le: le, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function ajouterCorrection(db: Executeur, v: { etatId: number; champ: string; avant: string | null; apres: string | null; motif: string; par: number; le: Date }): Promise<void> {
  await db.insertInto('frais_correction').values({ etat_frais_id: v.etatId, champ: v.champ, avant: v.avant, apres: v.apres, motif: v.motif, par: v.par, le: v.le }).execute();
}

/** The running (waiting or running) mass validation of the académie, if any. */
export async function traitementEnCours(db: Executeur, academieCode: string, type: string) {
  return db
    .selectFrom('traitement as t')
    .leftJoin('compte as c', 'c.id', 't.cree_par')
    .select(['t.id', 't.titre', 't.cree_le', 'c.login as par'])
    .where('t.academie_code', '=', academieCode)
    .where('t.type', '=', type)
    .where('t.statut', 'in', ['en_attente', 'en_cours'])
    .orderBy('t.cree_le')
    .executeTakeFirst();
}

/** The mass validation's lock: the académie's parameters row (created if absent). */
export async function verrouAcademie(db: Executeur, academieCode: string): Promise<void> {
  await db.selectFrom('frais_parametres').select('academie_code').where('academie_code', '=', academieCode).forUpdate().executeTakeFirst();
}

/** The états of these ids for a batch of the mass validation, locked, with what the checks need. */
export async function etatsPourValidation(db: Executeur, academieCode: string, ids: number[]) {
  if (ids.length === 0) return [];
  await db.selectFrom('etat_frais').select('id').where('id', 'in', ids).where('academie_code', '=', academieCode).orderBy('id').forUpdate().execute();
  return base(db, academieCode)
    .select(['f.id', 'f.statut', 'f.numero_ordre', 'p.nom', 'p.prenom', 'm.numero as mission_numero', 'c.service_fait', ECART_CONSTAT.as('ecart')])
    .where('f.id', 'in', ids)
    .orderBy('f.id')
    .execute();
}

export async function validerEnMasse(db: Executeur, ids: number[], compteId: number | null, le: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('etat_frais')
    .set({ statut: 'valide_gestionnaire', traite_le: le, traite_par: compteId, modifie_par: compteId, modifie_le: le, version: sql<number>`version + 1` })
    .where('id', 'in', ids)
    .where('statut', '=', 'valide')
    .execute();
}

/** Where to mail the intervenant: his professional address, else his personal one, else his account's. */
export async function courrielPersonne(db: Executeur, personneId: number): Promise<string | null> {
  const p = await db.selectFrom('personne').select(['email_pro', 'email_perso']).where('id', '=', personneId).executeTakeFirst();
  if (p?.email_pro) return p.email_pro;
  if (p?.email_perso) return p.email_perso;
  const c = await db.selectFrom('compte').select('email').where('personne_id', '=', personneId).where('email', 'is not', null).orderBy('id').executeTakeFirst();
  return c?.email ?? null;
}

/** The états of these ids in the académie, locked in id order, for a grouping. */
export async function etatsPourRegroupement(db: Executeur, academieCode: string, ids: number[]) {
  await db.selectFrom('etat_frais').select('id').where('id', 'in', ids).where('academie_code', '=', academieCode).orderBy('id').forUpdate().execute();
  return base(db, academieCode)
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .leftJoin('compte as mp', 'mp.id', 'f.modifie_par')
    .select([
      'f.id',
      'f.version',
      'f.statut',
      'f.personne_id',
      'f.regroupe_dans_id',
      'f.modifie_le',
      'mp.login as modifie_par',
      'm.session_examen_id',
      'm.numero as mission_numero',
      'tm.code as type_code',
      'tm.libelle as type_libelle',
      sql<boolean>`exists (select 1 from liquidation_ligne ll where ll.etat_frais_id = f.id)`.as('en_lot'),
    ])
    .where('f.id', 'in', ids)
    .execute();
}

/** The person's other états on missions of the same session (candidates for a grouping), with their type. */
export async function etatsMemeSession(db: Executeur, academieCode: string, personneId: number, sessionExamenId: number, saufId: number) {
  return base(db, academieCode)
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .select(['f.id', 'f.version', 'f.statut', 'f.regroupe_dans_id', 'm.numero as mission_numero', 'tm.code as type_code', 'tm.libelle as type_libelle', DEBUT.as('debut')])
    .where('f.personne_id', '=', personneId)
    .where('m.session_examen_id', '=', sessionExamenId)
    .where('f.id', '!=', saufId)
    .where('f.statut', 'not in', ['annule', 'traite_gestionnaire', 'mission_non_effectuee'])
    .where('f.regroupe_dans_id', 'is', null)
    .orderBy('m.numero')
    .execute();
}
