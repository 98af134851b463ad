// Reminders of unvalidated états de frais (issue 16 §9, décision 0033): who is due one tonight, and the
// claim of a reminder (frais_relance), atomic so that two runs of the same night mail once.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

export const INTERVALLE_DEFAUT = 7;

export interface PersonneARelancer {
  personne_id: number;
  academie_code: string;
  academie: string;
  nom: string;
  prenom: string;
  email: string | null;
  intervalle: number;
  missions: Array<{ numero: number; type: string; examen: string; debut: string | null }>;
}

/**
 * People with an état « non_valide » whose mission is over (its last day before `aujourdhui`, Paris),
 * per académie, not reminded in the académie's interval (frais_parametres.relance_intervalle_jours,
 * 7 days by default). Grouped états and correction dématérialisée (nothing to enter) are left out.
 */
export async function personnesARelancer(db: Executeur, aujourdhui: string): Promise<PersonneARelancer[]> {
  const r = await sql<PersonneARelancer>`
    select f.personne_id, f.academie_code, a.libelle as academie, p.nom, p.prenom,
      coalesce(nullif(trim(p.email_pro), ''), nullif(trim(p.email_perso), ''),
        (select k.email from compte k where k.personne_id = p.id and k.email is not null order by k.id limit 1)) as email,
      coalesce(fp.relance_intervalle_jours, ${INTERVALLE_DEFAUT})::int as intervalle,
      json_agg(json_build_object('numero', m.numero, 'type', coalesce(tm.libelle, m.type_mission), 'examen', coalesce(x.libelle, se.examen_code), 'debut', d.debut)
        order by d.debut, m.numero) as missions
    from etat_frais f
    join convocation c on c.id = f.convocation_id and c.statut = 'convoquee'
    join mission m on m.id = c.mission_id
    left join type_mission tm on tm.code = m.type_mission
    join session_examen se on se.id = m.session_examen_id
    left join examen x on x.code = se.examen_code
    join lateral (select to_char(min(md.jour), 'YYYY-MM-DD') as debut, max(md.jour) as fin from mission_date md where md.mission_id = m.id) d on true
    join personne p on p.id = f.personne_id
    join academie a on a.code = f.academie_code
    left join frais_parametres fp on fp.academie_code = f.academie_code
    left join frais_relance r on r.personne_id = f.personne_id and r.academie_code = f.academie_code
    where f.statut = 'non_valide' and f.regroupe_dans_id is null
      and coalesce(tm.correction_dematerialisee, false) = false
      and d.fin < ${aujourdhui}::date
      and (r.derniere_le is null or (r.derniere_le at time zone 'Europe/Paris')::date <= ${aujourdhui}::date - coalesce(fp.relance_intervalle_jours, ${INTERVALLE_DEFAUT})::int)
    group by f.personne_id, f.academie_code, a.libelle, p.id, p.nom, p.prenom, fp.relance_intervalle_jours
    order by f.academie_code, p.nom, p.prenom, f.personne_id`.execute(db);
  return r.rows;
}

/**
 * Records tonight's reminder of this person in this académie, unless one was recorded within the
 * interval (another run of the same night): true when this run is the one that mails.
 */
export async function reserverRelance(trx: Transaction<DB>, v: { personneId: number; academieCode: string; le: Date; aujourdhui: string; intervalle: number }): Promise<boolean> {
  const r = await sql<{ personne_id: number }>`
    insert into frais_relance (personne_id, academie_code, derniere_le) values (${v.personneId}, ${v.academieCode}, ${v.le}::timestamptz)
    on conflict (personne_id, academie_code) do update set derniere_le = excluded.derniere_le
      where (frais_relance.derniere_le at time zone 'Europe/Paris')::date <= ${v.aujourdhui}::date - ${v.intervalle}::int
    returning personne_id`.execute(trx);
  return r.rows.length > 0;
}
