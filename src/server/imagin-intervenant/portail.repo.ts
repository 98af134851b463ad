// The queries of the portals (seed 004 §2.6, §2.7, §2.10) and of their configuration. Every read of a
// convocation is limited to the intervenant's own person records (`personnes`: his record and those
// of other académies that carry his NUMEN), so another person's convocation is never found.
import { sql } from 'kysely';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';
import type { ApplicationExterne } from '../platform/db/tables.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

/**
 * The person records whose convocations are this intervenant's: his own. A person is one record for
 * the whole deployment (the NUMEN is unique): another académie convokes that same record, its
 * convocation carrying that académie's code (the tabs of the list).
 */
export async function personnesDe(_db: Executeur, personneId: number): Promise<number[]> {
  return [personneId];
}

export interface PersonnePassage {
  login: string;
  nom: string;
  prenom: string;
  numen: string | null;
}

export async function personnePassage(db: Executeur, personneId: number, compteId: number): Promise<PersonnePassage> {
  return db
    .selectFrom('personne as p')
    .innerJoin('compte as c', (j) => j.on('c.id', '=', compteId))
    .select(['c.login', 'p.nom', 'p.prenom', 'p.numen'])
    .where('p.id', '=', personneId)
    .executeTakeFirstOrThrow();
}

export interface LigneConvocationPortail {
  convocation_id: number;
  academie_code: string;
  numero: number;
  type_mission: string;
  type_libelle: string;
  sigle: string;
  examen_libelle: string;
  session_libelle: string;
  specialite_code: string | null;
  specialite_libelle: string | null;
  epreuve_code: string | null;
  epreuve_libelle: string | null;
  debut: string | null;
  /** The corrector's own state, else the mission's. */
  etat: 'a_corriger' | 'a_numeriser' | 'service_fait' | null;
}

function requete(db: Executeur, personnes: readonly number[], types: readonly string[]) {
  return db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('santorin_etat as ep', (j) => j.onRef('ep.mission_id', '=', 'm.id').onRef('ep.personne_id', '=', 'c.personne_id'))
    .leftJoin('santorin_etat as em', (j) => j.onRef('em.mission_id', '=', 'm.id').on('em.personne_id', 'is', null))
    .select([
      'c.id as convocation_id',
      'm.academie_code',
      'm.numero',
      'm.type_mission',
      'tm.libelle as type_libelle',
      'x.sigle',
      'x.libelle as examen_libelle',
      'se.libelle as session_libelle',
      'sp.code as specialite_code',
      'sp.libelle as specialite_libelle',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
      (eb) => eb.fn.coalesce('ep.etat', 'em.etat').as('etat'),
      (eb) =>
        eb
          .selectFrom('convocation_creneau as cc')
          .select((e) => e.fn.min('cc.jour').as('d'))
          .whereRef('cc.convocation_id', '=', 'c.id')
          .as('debut'),
    ])
    .where(sql<boolean>`c.personne_id = any(${sql.val([...personnes])}::int[])`)
    .where('c.statut', '=', 'convoquee')
    .where('m.type_mission', 'in', [...types]);
}

/** The intervenant's convocations to the portal's missions, in every académie. */
export async function convocationsPortail(db: Executeur, personnes: readonly number[], types: readonly string[]): Promise<LigneConvocationPortail[]> {
  if (!personnes.length) return [];
  return lignesJson(db, requete(db, personnes, types).orderBy('m.academie_code').orderBy('m.numero'));
}

/** One of them, or undefined (another person's, not a portal mission, not convoked): the caller answers 404. */
export async function convocationPortail(db: Executeur, personnes: readonly number[], types: readonly string[], convocationId: number) {
  if (!personnes.length) return undefined;
  return requete(db, personnes, types).where('c.id', '=', convocationId).executeTakeFirst() as Promise<LigneConvocationPortail | undefined>;
}

export async function academies(db: Executeur, codes: readonly string[]) {
  if (!codes.length) return [];
  return db.selectFrom('academie').select(['code', 'libelle']).where('code', 'in', [...codes]).execute();
}

// ---------------------------------------------------------------------------------------------
// The addresses of the external applications (administrator)

export async function applications(db: Executeur, academieCode: string) {
  return db
    .selectFrom('application_externe as a')
    .leftJoin('compte as c', 'c.id', 'a.modifie_par')
    .select(['a.application', 'a.url', 'a.version', 'a.modifie_le', 'c.login as modifie_par'])
    .where('a.academie_code', '=', academieCode)
    .execute();
}

export async function application(db: Executeur, academieCode: string, application: ApplicationExterne) {
  return db
    .selectFrom('application_externe as a')
    .leftJoin('compte as c', 'c.id', 'a.modifie_par')
    .select(['a.application', 'a.url', 'a.version', 'a.modifie_le', 'c.login as modifie_par'])
    .where('a.academie_code', '=', academieCode)
    .where('a.application', '=', application)
    .executeTakeFirst();
}

export async function enregistrerApplication(db: Executeur, v: { academieCode: string; application: ApplicationExterne; url: string; compteId: number | null; le: Date }) {
  await db
    .insertInto('application_externe')
    .values({ academie_code: v.academieCode, application: v.application, url: v.url, modifie_par: v.compteId, modifie_le: v.le })
    .onConflict((oc) =>
      oc.columns(['academie_code', 'application']).doUpdateSet((eb) => ({
        url: eb.ref('excluded.url'),
        modifie_par: eb.ref('excluded.modifie_par'),
        modifie_le: eb.ref('excluded.modifie_le'),
        version: sql<number>`application_externe.version + 1`,
      })),
    )
    .execute();
}

export async function supprimerApplication(db: Executeur, academieCode: string, application: ApplicationExterne) {
  await db.deleteFrom('application_externe').where('academie_code', '=', academieCode).where('application', '=', application).execute();
}
