// Reads of the académie's OTP keys (migration 008): one key in the DSI's scope (another académie's key
// answers 404), the list with the centres each key was given to, the centres de délibération a DSI may
// give keys to, and the juries of the checklist (seed 000, Cas 1) with their IMAG'IN convocations.
import { sql } from 'kysely';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';
import { libelleEtablissement } from '../cyclades-deliberation/jurys.repo.ts';
import type { EtatCleOtp } from '../platform/db/tables.ts';
import { introuvable } from '../platform/errors.ts';

export const CLE_INTROUVABLE = "Cette clé OTP n'existe pas ou n'appartient pas à votre académie.";

/** Marks a demo secret not yet encrypted (hex follows): the demo loader has no configuration (demo/cles-otp.ts). */
export const PREFIXE_SECRET_DEMO = 'demo-clair:';
/** The demo keys' identifiants all start so; only they may carry PREFIXE_SECRET_DEMO. */
export const PREFIXE_IDENTIFIANT_DEMO = 'OTP-DEMO-';

/** Keys a président may use on the first screen: given to a centre, whether used yet or not. */
export const ETATS_UTILISABLES: readonly EtatCleOtp[] = ['remise', 'active'];

export const LIBELLE_ETAT_CLE: Record<EtatCleOtp, string> = {
  en_stock: 'En stock',
  remise: 'Remise',
  active: 'Active',
  verrouillee: 'Verrouillée',
  revoquee: 'Révoquée',
};

/** The key of this id in the académie; 404 otherwise (a DSI never learns of another académie's keys). */
export async function cleDeLAcademie(db: Executeur, academieCode: string, id: number) {
  const cle = await db.selectFrom('cle_otp').selectAll().where('id', '=', id).where('academie_code', '=', academieCode).executeTakeFirst();
  if (!cle) throw introuvable(CLE_INTROUVABLE);
  return cle;
}

export type CleOtpLue = Awaited<ReturnType<typeof cleDeLAcademie>>;

export async function cleParIdentifiant(db: Executeur, identifiant: string) {
  return db.selectFrom('cle_otp').selectAll().where('identifiant', '=', identifiant).executeTakeFirst();
}

export interface CentreDeliberation {
  id: number;
  uai: string;
  libelle: string;
  academie: string;
}

/**
 * The centres de délibération a DSI may give his académie's keys to: his académie's, and those (of any
 * académie, Cas 2) deliberating juries of his académie.
 */
export async function centresPossibles(db: Executeur, academieCode: string): Promise<CentreDeliberation[]> {
  const rows = await db
    .selectFrom('etablissement as e')
    .select(['e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune', 'e.academie_code'])
    .where((eb) =>
      eb.or([
        eb.and([eb('e.academie_code', '=', academieCode), eb('e.est_centre_deliberation', '=', true), eb('e.actif', '=', true)]),
        eb('e.id', 'in', eb.selectFrom('jury').select('centre_deliberation_id').where('academie_code', '=', academieCode)),
      ]),
    )
    .orderBy('e.academie_code')
    .orderBy('e.nom')
    .orderBy('e.uai')
    .execute();
  return rows.map((e) => ({ id: e.id, uai: e.uai, libelle: libelleEtablissement(e), academie: e.academie_code }));
}

export interface CentreDeCle {
  id: number;
  uai: string;
  libelle: string;
}

/** The centres each key was given to, by key id. */
export async function centresDesCles(db: Executeur, cleIds: readonly number[]): Promise<Map<number, CentreDeCle[]>> {
  const m = new Map<number, CentreDeCle[]>();
  if (!cleIds.length) return m;
  const rows = await db
    .selectFrom('cle_otp_centre as cc')
    .innerJoin('etablissement as e', 'e.id', 'cc.etablissement_id')
    .select(['cc.cle_id', 'e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune'])
    .where('cc.cle_id', 'in', [...cleIds])
    .orderBy('e.nom')
    .execute();
  for (const r of rows) m.set(r.cle_id, [...(m.get(r.cle_id) ?? []), { id: r.id, uai: r.uai, libelle: libelleEtablissement(r) }]);
  return m;
}

export async function listerClesDeLAcademie(db: Executeur, academieCode: string, filtre: { etat?: EtatCleOtp; q?: string }) {
  let q = db
    .selectFrom('cle_otp')
    .select(['id', 'identifiant', 'numero_serie', 'type', 'chiffres', 'periode', 'etat', 'echecs', 'derniere_utilisation', 'cree_le'])
    .where('academie_code', '=', academieCode);
  if (filtre.etat) q = q.where('etat', '=', filtre.etat);
  if (filtre.q) {
    const motif = `%${filtre.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('identifiant', 'ilike', motif), eb('numero_serie', 'ilike', motif)]));
  }
  return q.orderBy('identifiant').execute();
}

/** Usable keys (remise or active) of the académie, counted by centre they were given to. */
export async function clesUtilisablesParCentre(db: Executeur, academieCode: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('cle_otp_centre as cc')
    .innerJoin('cle_otp as k', 'k.id', 'cc.cle_id')
    .select(['cc.etablissement_id', sql<number>`count(*)::int`.as('n')])
    .where('k.academie_code', '=', academieCode)
    .where('k.etat', 'in', [...ETATS_UTILISABLES])
    .groupBy('cc.etablissement_id')
    .execute();
  return new Map(rows.map((r) => [r.etablissement_id, r.n]));
}

/** The académie's juries with their specialité and centre, for the checklist. */
export async function jurysDeLAcademie(db: Executeur, academieCode: string) {
  return db
    .selectFrom('jury as j')
    .innerJoin('specialite as s', 's.id', 'j.specialite_id')
    .innerJoin('etablissement as e', 'e.id', 'j.centre_deliberation_id')
    .innerJoin('session_examen as se', 'se.id', 'j.session_examen_id')
    .select(['j.id', 'j.numero', 'j.etat', 'j.session_examen_id', 'j.centre_deliberation_id', 's.code as specialite_code', 's.libelle as specialite_libelle'])
    .select(['e.uai', 'e.type', 'e.nom', 'e.commune', 'se.code as session_code'])
    .where('j.academie_code', '=', academieCode)
    .orderBy('j.numero')
    .execute();
}

export type QualiteDeliberation = 'president' | 'vice_president';

export interface ConvocationsJury {
  /** Présidents convoked (statut 'convoquee'), and assigned but not yet convoked ('affectee'). */
  presidents: number;
  presidentsAffectes: number;
  vicePresidents: Set<number>;
  vicePresidentsAffectes: Set<number>;
}

/**
 * The convocations of présidents and vice-présidents on the JURY DE DELIBERATION missions of the
 * académie, by `${session}/${jury number}` (mission_jury.code = jury.numero).
 */
export async function convocationsDeliberation(db: Executeur, academieCode: string): Promise<Map<string, ConvocationsJury>> {
  const rows = await db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('mission_jury as mj', 'mj.id', 'c.jury_id')
    .innerJoin('qualite as q', 'q.id', 'c.qualite_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .select(['m.session_examen_id', 'mj.code', 'q.libelle', 'c.personne_id', 'c.statut'])
    .where('m.academie_code', '=', academieCode)
    .where('tm.libelle', '=', LIBELLE_MISSION_JURY)
    .where('q.deliberation', '=', true)
    .execute();
  const m = new Map<string, ConvocationsJury>();
  for (const r of rows) {
    const cle = `${r.session_examen_id}/${r.code}`;
    const e = m.get(cle) ?? { presidents: 0, presidentsAffectes: 0, vicePresidents: new Set<number>(), vicePresidentsAffectes: new Set<number>() };
    const qualite = qualiteDeliberation(r.libelle);
    const convoque = r.statut === 'convoquee';
    if (qualite === 'president') {
      if (convoque) e.presidents++;
      else e.presidentsAffectes++;
    } else if (qualite === 'vice_president') (convoque ? e.vicePresidents : e.vicePresidentsAffectes).add(r.personne_id);
    m.set(cle, e);
  }
  return m;
}

/** The IMAG'IN mission type, by its label (its code is the académie's: 'JURY' in the demo). */
export const LIBELLE_MISSION_JURY = 'JURY DE DELIBERATION';

/** Président / Vice-président by the qualité's label; the Responsable de délibération is neither. */
export function qualiteDeliberation(libelle: string): QualiteDeliberation | null {
  const l = libelle.trim().toLowerCase();
  if (l.startsWith('vice-président') || l.startsWith('vice président')) return 'vice_president';
  if (l.startsWith('président')) return 'president';
  return null;
}

/** Failed first-screen attempts on a key, from the audit log (issue 13 §4: the DSI's alert). */
export interface TentativesCle {
  echecs: number;
  /** Of which a valid code with a wrong PIN: the key is in someone's hands. */
  echecsPin: number;
  adresses: number;
  derniere: Date;
  derniereAdresse: string | null;
}

/**
 * The académie's keys with failed attempts on the first screen within the last `heures` hours, by key
 * id. The window is the database's clock, the one that stamps the audit log.
 */
export async function tentativesRecentes(db: Executeur, academieCode: string, heures = 24): Promise<Map<number, TentativesCle>> {
  const rows = await db
    .selectFrom('audit_log')
    .select([
      'entite_id',
      sql<number>`count(*)::int`.as('echecs'),
      sql<number>`(count(*) filter (where apres->>'cause' = 'pin'))::int`.as('echecs_pin'),
      sql<number>`count(distinct ip)::int`.as('adresses'),
      sql<Date>`max(le)`.as('derniere'),
      sql<string | null>`(array_agg(ip order by le desc, id desc))[1]`.as('derniere_adresse'),
    ])
    .where('action', '=', 'cle-otp.authentification')
    .where('academie_code', '=', academieCode)
    .where('le', '>', sql<Date>`now() - make_interval(hours => ${heures})`)
    .where(sql<boolean>`apres->>'issue' in ('echec', 'verrouillage')`)
    .groupBy('entite_id')
    .execute();
  return new Map(
    rows.map((r) => [Number(r.entite_id), { echecs: r.echecs, echecsPin: r.echecs_pin, adresses: r.adresses, derniere: new Date(r.derniere), derniereAdresse: r.derniere_adresse }]),
  );
}
