// The figures of the gestionnaire's « Tableau de bord » (issue 17, decision 0037): one aggregated query
// per panel, always restricted to the académie. Repositories take the executor (Kysely or transaction).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SessionTdb } from '../../domain/imagin/tableau-de-bord.ts';
import type { DB } from '../platform/db/tables.ts';

export type Executeur = Kysely<DB> | Transaction<DB>;

/** The sessions the académie works on: those with a mission or a jury of the académie. */
export async function sessionsAcademie(db: Executeur, academieCode: string): Promise<SessionTdb[]> {
  const r = await sql<SessionTdb>`
    select s.id, s.examen_code, s.code, s.libelle, s.annee
      from session_examen s
     where exists (select 1 from mission m where m.session_examen_id = s.id and m.academie_code = ${academieCode})
        or exists (select 1 from jury j where j.session_examen_id = s.id and j.academie_code = ${academieCode})
     order by s.annee desc, s.examen_code, s.code`.execute(db);
  return r.rows;
}

export async function sessionDeLAcademie(db: Executeur, academieCode: string, sessionId: number): Promise<SessionTdb | null> {
  const r = await sql<SessionTdb>`
    select s.id, s.examen_code, s.code, s.libelle, s.annee
      from session_examen s
     where s.id = ${sessionId}
       and (exists (select 1 from mission m where m.session_examen_id = s.id and m.academie_code = ${academieCode})
         or exists (select 1 from jury j where j.session_examen_id = s.id and j.academie_code = ${academieCode}))`.execute(db);
  return r.rows[0] ?? null;
}

export interface LigneConvocations {
  mission_id: number;
  numero: number;
  type_mission: string;
  type_libelle: string;
  centre: string | null;
  epreuve: string | null;
  /** Commissions + jurys of the mission: one intervenant each (null when the mission declares none). */
  besoin: number | null;
  affectees: number;
  convoquees: number;
}

/** Convocations per mission against the need (commissions and jurys declared on the mission). */
export async function convocationsParMission(db: Executeur, academieCode: string, sessionId: number): Promise<LigneConvocations[]> {
  const r = await sql<LigneConvocations>`
    select m.id as mission_id, m.numero, m.type_mission, t.libelle as type_libelle,
           e.nom as centre, eo.libelle as epreuve,
           nullif(coalesce(cm.n, 0) + coalesce(jy.n, 0), 0)::int as besoin,
           coalesce(cv.affectees, 0)::int as affectees,
           coalesce(cv.convoquees, 0)::int as convoquees
      from mission m
      join type_mission t on t.code = m.type_mission
      left join etablissement e on e.id = m.centre_id
      left join epreuve_option eo on eo.id = m.epreuve_option_id
      left join (select mission_id, count(*) as n from commission group by mission_id) cm on cm.mission_id = m.id
      left join (select mission_id, count(*) as n from mission_jury group by mission_id) jy on jy.mission_id = m.id
      left join (select mission_id,
                        count(*) filter (where statut = 'affectee') as affectees,
                        count(*) filter (where statut = 'convoquee') as convoquees
                   from convocation where academie_code = ${academieCode} group by mission_id) cv on cv.mission_id = m.id
     where m.academie_code = ${academieCode} and m.session_examen_id = ${sessionId}
     order by m.numero`.execute(db);
  return r.rows;
}

export interface LigneCsf {
  centre_id: number | null;
  centre: string | null;
  convoquees: number;
  /** Convocations whose constat de service fait is recorded (fait or non fait). */
  constatees: number;
  service_fait: number;
  service_non_fait: number;
}

/** Constat de service fait per centre: the convocations « convoquée » of the session and those recorded. */
export async function csfParCentre(db: Executeur, academieCode: string, sessionId: number): Promise<LigneCsf[]> {
  const r = await sql<LigneCsf>`
    select m.centre_id, e.nom as centre,
           count(*)::int as convoquees,
           count(*) filter (where c.service_fait is not null)::int as constatees,
           count(*) filter (where c.service_fait = 'fait')::int as service_fait,
           count(*) filter (where c.service_fait = 'non_fait')::int as service_non_fait
      from convocation c
      join mission m on m.id = c.mission_id
      left join etablissement e on e.id = m.centre_id
     where c.academie_code = ${academieCode} and m.academie_code = ${academieCode}
       and m.session_examen_id = ${sessionId} and c.statut = 'convoquee'
     group by m.centre_id, e.nom
     order by e.nom nulls last`.execute(db);
  return r.rows;
}

export interface LigneFrais {
  statut: string;
  nombre: number;
  /** Retained amount when the gestionnaire set one, the estimate otherwise (centimes). */
  remuneration_centimes: number;
  deplacement_centimes: number;
}

/** États de frais of the session per stored status, with their amounts. */
export async function fraisParStatut(db: Executeur, academieCode: string, sessionId: number): Promise<LigneFrais[]> {
  const r = await sql<LigneFrais>`
    select f.statut, count(*)::int as nombre,
           coalesce(sum(coalesce(f.montant_retenu_remuneration_centimes, f.montant_remuneration_centimes, 0)), 0)::bigint::float8 as remuneration_centimes,
           coalesce(sum(coalesce(f.montant_retenu_deplacement_centimes, f.montant_deplacement_centimes, 0)), 0)::bigint::float8 as deplacement_centimes
      from etat_frais f
      join convocation c on c.id = f.convocation_id
      join mission m on m.id = c.mission_id
     where f.academie_code = ${academieCode} and m.academie_code = ${academieCode} and m.session_examen_id = ${sessionId}
     group by f.statut`.execute(db);
  return r.rows.map((l) => ({ ...l, remuneration_centimes: Number(l.remuneration_centimes), deplacement_centimes: Number(l.deplacement_centimes) }));
}

export interface LigneJurys {
  centre_id: number;
  centre: string;
  etat: number;
  nombre: number;
}

/** CYCLADES jurys of the session per centre de délibération and état (140 → 214). */
export async function jurysParCentre(db: Executeur, academieCode: string, sessionId: number): Promise<LigneJurys[]> {
  const r = await sql<LigneJurys>`
    select j.centre_deliberation_id as centre_id, e.nom as centre, j.etat::int as etat, count(*)::int as nombre
      from jury j
      join etablissement e on e.id = j.centre_deliberation_id
     where j.academie_code = ${academieCode} and j.session_examen_id = ${sessionId}
     group by j.centre_deliberation_id, e.nom, j.etat
     order by e.nom, j.etat`.execute(db);
  return r.rows;
}
