// SQL of « Proposer des intervenants » (issue 17 §4): the mission (dates, centre's commune, session),
// and in set-based queries, one per criterion, restricted to the académie (and to the mission's days
// for the periods), what the domain needs to score (src/domain/imagin/suggestions.ts): every person
// with the id of its établissement principal and its load in the session, those établissements once
// each, compétence marks on the épreuve-option, periods overlapping the mission's days, convocations
// per établissement. Long lists come back as one JSON document (lignesJson). Indexes: migration 035.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { cleCommune, type Coordonnees } from '../../domain/imagin/suggestions.ts';
import type { Db } from '../platform/db/database.ts';
import { lignesJson } from '../platform/db/lignes-json.ts';

/** Mission dates (effective: the mission's own), centre commune and session. */
export async function chargerMissionSuggestion(db: Db, missionId: number) {
  const [dates, centre] = await Promise.all([
    db.selectFrom('mission_date').select(['jour', 'heure_debut', 'heure_fin']).where('mission_id', '=', missionId).orderBy('jour').orderBy('heure_debut').execute(),
    db
      .selectFrom('mission as m')
      .leftJoin('etablissement as e', 'e.id', 'm.centre_id')
      .select(['e.commune', 'e.code_postal', 'e.nom as centre_nom'])
      .where('m.id', '=', missionId)
      .executeTakeFirst(),
  ]);
  return { dates, centre: centre?.commune ? { commune: centre.commune, codePostal: centre.code_postal ?? '' } : null };
}

/**
 * Every person of the académie, with the id of the établissement principal, the load in the session
 * and whether already on the mission: only the columns the score and the list use (the établissements
 * are read once each by `chargerEtablissements`), as one JSON document (`lignesJson`: PGlite decodes
 * 8,000 rows of a dozen fields several times slower).
 */
export async function chargerCandidats(db: Db, academieCode: string, sessionId: number, missionId: number) {
  // One aggregate over the session's convocations, joined once: no per-person subquery. The mission
  // is in the session, so its convocations (any statut: « déjà sur la mission ») are among them.
  const charge = db
    .selectFrom('convocation as c')
    .innerJoin('mission as mm', 'mm.id', 'c.mission_id')
    .select([
      'c.personne_id',
      sql<number>`count(*) filter (where c.statut = 'convoquee')::int`.as('n'),
      sql<boolean>`bool_or(c.mission_id = ${missionId})`.as('deja'),
    ])
    .where('mm.session_examen_id', '=', sessionId)
    .groupBy('c.personne_id')
    .as('ch');
  return lignesJson(
    db,
    db
      .selectFrom('personne as p')
      .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
      .leftJoin(charge, 'ch.personne_id', 'p.id')
      .select([
        'p.id',
        'p.civilite',
        'p.nom',
        'p.prenom',
        'p.discipline_poste',
        'pe.etablissement_id',
        sql<number>`coalesce(ch.n, 0)`.as('convocations_session'),
        sql<boolean>`coalesce(ch.deja, false)`.as('deja_sur_mission'),
      ])
      .where('p.academie_code', '=', academieCode),
  );
}

/** The établissements principaux of the académie's people (label and commune), each once. */
export async function chargerEtablissements(db: Db, academieCode: string) {
  return db
    .selectFrom('etablissement as e')
    .select(['e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune', 'e.code_postal'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('personne_etablissement as pe')
          .innerJoin('personne as p', 'p.id', 'pe.personne_id')
          .select(sql`1`.as('un'))
          .whereRef('pe.etablissement_id', '=', 'e.id')
          .where('pe.principal', '=', true)
          .where('p.academie_code', '=', academieCode),
      ),
    )
    .execute();
}

/** The compétence marks on the épreuve-option, for the académie's people. */
export async function chargerMarques(db: Db, academieCode: string, epreuveOptionId: number) {
  return lignesJson(
    db,
    db
      .selectFrom('competence as k')
      .innerJoin('competence_auteur as a', 'a.competence_id', 'k.id')
      .innerJoin('personne as p', 'p.id', 'k.personne_id')
      .select(['k.personne_id', 'a.type_auteur', 'a.auteur', 'a.nature'])
      .where('k.epreuve_option_id', '=', epreuveOptionId)
      .where('p.academie_code', '=', academieCode),
  );
}

/**
 * Indisponibilités and other convocations' dates that touch the mission's days (from the first to
 * the last), for the académie's people: the domain checks the exact overlap at the minute.
 */
export async function chargerOccupations(db: Db, academieCode: string, missionId: number, du: string, au: string) {
  const [indisponibilites, convocations] = await Promise.all([
    lignesJson(
      db,
      db
        .selectFrom('indisponibilite as i')
        .innerJoin('personne as p', 'p.id', 'i.personne_id')
        .select(['i.personne_id', 'i.date_debut', 'i.heure_debut', 'i.date_fin', 'i.heure_fin'])
        .where('p.academie_code', '=', academieCode)
        .where('i.date_debut', '<=', au)
        .where('i.date_fin', '>=', du),
    ),
    lignesJson(
      db,
      db
        .selectFrom('convocation_creneau as cc')
        .innerJoin('convocation as c', 'c.id', 'cc.convocation_id')
        .innerJoin('personne as p', 'p.id', 'c.personne_id')
        .select(['c.personne_id', 'cc.jour', 'cc.heure_debut', 'cc.heure_fin'])
        .where('p.academie_code', '=', academieCode)
        .where('c.mission_id', '<>', missionId)
        .where('c.statut', '=', 'convoquee')
        .where('cc.jour', '>=', du)
        .where('cc.jour', '<=', au),
    ),
  ]);
  return { indisponibilites, convocations };
}

/** Convocations on the mission and in the session, per établissement principal of the intervenant. */
export async function chargerParEtablissement(db: Db, sessionId: number, missionId: number) {
  return db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'c.personne_id').on('pe.principal', '=', true))
    .select([
      'pe.etablissement_id',
      sql<number>`count(*) filter (where c.mission_id = ${missionId})::int`.as('sur_mission'),
      sql<number>`count(*)::int`.as('sur_session'),
    ])
    .where('m.session_examen_id', '=', sessionId)
    .where('c.statut', '=', 'convoquee')
    .groupBy('pe.etablissement_id')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Communes' coordinates: communes-coordonnees.csv beside this file (data/ is the git-ignored runtime directory) (docs/decisions/0038-propositions.md).

let communes: Map<string, Coordonnees> | null = null;

/** The shipped data set, read once: key « département|NOM NORMALISÉ » → coordinates. */
export function coordonneesCommunes(): ReadonlyMap<string, Coordonnees> {
  if (communes) return communes;
  const texte = readFileSync(new URL('./communes-coordonnees.csv', import.meta.url), 'utf8');
  const m = new Map<string, Coordonnees>();
  for (const ligne of texte.split(/\r?\n/).slice(1)) {
    if (!ligne.trim()) continue;
    const [codePostal, nom, lat, lon] = ligne.split(';');
    const c = { lat: Number(lat), lon: Number(lon) };
    if (!nom || !codePostal || !Number.isFinite(c.lat) || !Number.isFinite(c.lon)) continue;
    const cle = cleCommune(nom, codePostal);
    if (!m.has(cle)) m.set(cle, c);
    // Without a code postal (some établissements have none), the name alone: first of its homonyms.
    const seul = cleCommune(nom, '');
    if (!m.has(seul)) m.set(seul, c);
    // A name the data set does not know under its code postal (a commune nouvelle created after the
    // data set, « Lamballe-Armor »): the first commune of that code postal, a few km at most.
    if (!m.has(`#${codePostal}`)) m.set(`#${codePostal}`, c);
  }
  communes = m;
  return m;
}

export function coordonneesDe(commune: string | null | undefined, codePostal: string | null | undefined): Coordonnees | null {
  if (!commune) return null;
  const communes = coordonneesCommunes();
  const cp = codePostal?.trim();
  return communes.get(cleCommune(commune, cp)) ?? (cp ? communes.get(`#${cp}`) : communes.get(cleCommune(commune, ''))) ?? null;
}
