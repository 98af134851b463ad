// Missions of the académie as the gestionnaire DEC creates and changes them (issue 5): number (unique
// in the académie), session d'examen, spécialité, épreuve-option, type, centre d'examen (a centre of
// another académie is allowed, as for the SIEC, but it must be a centre d'examen), lieu, dates with
// hours, commissions (with their dates and number of candidates), jurys, salles, default observation,
// signatory, targeting for convocation by the établissement, the COEC/PRECE date fixed for the centre
// and, for EC orals, whether CYCLADES has assigned the candidates. One transaction per save, audited.
// A change never leaves a convocation inconsistent: a commission, jury or salle still used cannot go,
// nor a date a convocation holds on its own, and the indisponibilités given in other académies follow.
import { sql } from 'kysely';
import { anneesProposees, datesLimiteesAuGestionnaire, qualitesProposees } from '../../domain/imagin/convocations.ts';
import { dateFr, isoParis, libellesDates, type Creneau } from '../../domain/imagin/dates.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { libelleEtablissement, libelleSession } from '../imagin/convocation.repo.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { champInvalide, conflit, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, creneau, estViolationUnicite, LIBELLE_SIGNATAIRE, missionDeLAcademie, type Trace } from './commun.ts';
import { qualitesDeLaMission } from './convocations.service.ts';
import type { MissionSaisie } from './imagin-gestion.schemas.ts';

// ---------------------------------------------------------------------------------------------
// List

export async function listerMissions(ctx: AppContext, actor: Actor, filtre: { annees: number[]; examens: string[] }) {
  const ac = academieGeree(actor);
  let q = ctx.db
    .selectFrom('mission as m')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .select((eb) => [
      'm.id',
      'm.numero',
      'm.type_mission',
      'tm.libelle as type_libelle',
      'tm.ouverte_sans_ciblage',
      'm.ciblee_etablissement',
      'se.examen_code',
      'se.code as session_code',
      'se.libelle as session_libelle',
      'se.annee',
      'x.sigle',
      'sp.code as specialite_code',
      'sp.libelle as specialite_libelle',
      'eo.code as epreuve_code',
      'eo.libelle as epreuve_libelle',
      'ce.uai as centre_uai',
      'ce.type as centre_type',
      'ce.nom as centre_nom',
      'ce.commune as centre_commune',
      eb.selectFrom('mission_date as d').select((e) => e.fn.min('d.jour').as('debut')).whereRef('d.mission_id', '=', 'm.id').as('debut'),
      eb
        .selectFrom('convocation as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.mission_id', '=', 'm.id')
        .where('c.statut', '=', 'convoquee')
        .as('nb_intervenants'),
    ])
    .where('m.academie_code', '=', ac);
  if (filtre.annees.length) q = q.where('se.annee', 'in', filtre.annees);
  if (filtre.examens.length) q = q.where('se.examen_code', 'in', filtre.examens);
  const [rows, examens] = await Promise.all([
    q.orderBy('m.numero').limit(20_000).execute(),
    ctx.db
      .selectFrom('mission as m')
      .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
      .innerJoin('examen as x', 'x.code', 'se.examen_code')
      .select(['x.code', 'x.sigle', 'x.libelle'])
      .where('m.academie_code', '=', ac)
      .distinct()
      .orderBy('x.sigle')
      .execute(),
  ]);
  const annee = Number(isoParis(ctx.clock.now()).slice(0, 4));
  return {
    annees: anneesProposees(annee),
    examens: examens.map((x) => ({ code: x.code, sigle: x.sigle, libelle: `${x.sigle} - ${x.libelle}` })),
    total: rows.length,
    lignes: rows.map((r) => ({
      id: r.id,
      numero: r.numero,
      session: libelleSession(r),
      annee: r.annee,
      specialite: r.specialite_code ? `${r.specialite_code} - ${r.specialite_libelle}` : null,
      epreuveOption: r.epreuve_code ? `${r.epreuve_code}, ${r.epreuve_libelle}` : null,
      typeMission: r.type_libelle,
      centre: r.centre_uai ? `${libelleEtablissement({ type: r.centre_type!, nom: r.centre_nom!, commune: r.centre_commune! })} (${r.centre_uai})` : null,
      debut: r.debut ?? null,
      nbIntervenants: Number(r.nb_intervenants ?? 0),
      ciblee: r.ouverte_sans_ciblage ? 'Ouverte sans ciblage' : r.ciblee_etablissement ? 'Oui' : 'Non',
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Reference lists of the form

export async function parametresMission(ctx: AppContext, actor: Actor) {
  academieGeree(actor);
  const annee = Number(isoParis(ctx.clock.now()).slice(0, 4));
  const [types, sessions] = await Promise.all([
    ctx.db.selectFrom('type_mission').selectAll().orderBy('ordre').orderBy('libelle').execute(),
    ctx.db
      .selectFrom('session_examen as se')
      .innerJoin('examen as x', 'x.code', 'se.examen_code')
      .select(['se.id', 'se.examen_code', 'se.code as session_code', 'se.libelle as session_libelle', 'se.annee', 'x.sigle'])
      .where('se.annee', '>=', annee - 3)
      .where('se.annee', '<=', annee + 1)
      .orderBy('se.annee', 'desc')
      .orderBy('x.sigle')
      .orderBy('se.code')
      .execute(),
  ]);
  return {
    types: types.map((t) => ({
      code: t.code,
      libelle: t.libelle,
      ouverteSansCiblage: t.ouverte_sans_ciblage,
      correctionDematerialisee: t.correction_dematerialisee,
      sansQualite: t.sans_qualite,
      dateFixee: datesLimiteesAuGestionnaire(t.code),
    })),
    sessions: sessions.map((s) => ({ id: s.id, examenCode: s.examen_code, annee: s.annee, libelle: libelleSession(s) })),
    signataires: Object.entries(LIBELLE_SIGNATAIRE).map(([code, libelle]) => ({ code, libelle })),
  };
}

export async function specialitesDeLExamen(ctx: AppContext, actor: Actor, examenCode: string) {
  academieGeree(actor);
  const rows = await ctx.db.selectFrom('specialite').select(['id', 'code', 'libelle']).where('examen_code', '=', examenCode).orderBy('code').execute();
  return { lignes: rows.map((s) => ({ id: s.id, libelle: `${s.code} - ${s.libelle}` })) };
}

export async function epreuvesDeLaSpecialite(ctx: AppContext, actor: Actor, specialiteId: number) {
  academieGeree(actor);
  const rows = await ctx.db.selectFrom('epreuve_option').select(['id', 'code', 'libelle']).where('specialite_id', '=', specialiteId).orderBy('code').execute();
  return { lignes: rows.map((e) => ({ id: e.id, code: e.code, libelle: `${e.code}, ${e.libelle}` })) };
}

/**
 * Centres d'examen for the mission's "Centre" field: those of the académie matching the text (UAI,
 * name, commune), and, by exact UAI, a centre of another académie (SIEC).
 */
export async function rechercherCentres(ctx: AppContext, actor: Actor, saisie: string) {
  const ac = academieGeree(actor);
  const s = saisie.trim().toUpperCase();
  let q = ctx.db
    .selectFrom('etablissement as e')
    .innerJoin('academie as a', 'a.code', 'e.academie_code')
    .select(['e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune', 'e.academie_code', 'a.libelle as academie_libelle'])
    .where('e.est_centre_examen', '=', true)
    .where('e.actif', '=', true);
  if (/^[0-9]{3}[0-9A-Z][0-9]{3}[A-Z]$/.test(s)) {
    q = q.where('e.uai', '=', s);
  } else {
    q = q.where('e.academie_code', '=', ac);
    for (const mot of s.split(/\s+/).filter(Boolean)) {
      const motif = `%${mot}%`;
      q = q.where((eb) => eb.or([eb('e.uai', 'like', motif), eb(eb.fn('upper', ['e.nom']), 'like', motif), eb(eb.fn('upper', ['e.commune']), 'like', motif)]));
    }
  }
  const rows = await q.orderBy('e.nom').limit(50).execute();
  return {
    lignes: rows.map((e) => ({
      uai: e.uai,
      libelle: `${libelleEtablissement(e)} (${e.uai})${e.academie_code === ac ? '' : ` — académie de ${e.academie_libelle}`}`,
      autreAcademie: e.academie_code !== ac,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Detail

export async function ficheMission(ctx: AppContext, actor: Actor, missionId: number) {
  const ac = academieGeree(actor);
  const m = await missionDeLAcademie(ctx.db, ac, missionId);
  const db = ctx.db;
  const [session, specialite, centre, dates, commissions, datesCommissions, jurys, salles, usages, nbConvocations] = await Promise.all([
    db
      .selectFrom('session_examen as se')
      .innerJoin('examen as x', 'x.code', 'se.examen_code')
      .select(['se.examen_code', 'se.code as session_code', 'se.libelle as session_libelle', 'x.sigle'])
      .where('se.id', '=', m.session_examen_id)
      .executeTakeFirstOrThrow(),
    m.specialite_id ? db.selectFrom('specialite').select(['code', 'libelle']).where('id', '=', m.specialite_id).executeTakeFirst() : undefined,
    m.centre_id
      ? db
          .selectFrom('etablissement as e')
          .innerJoin('academie as a', 'a.code', 'e.academie_code')
          .select(['e.uai', 'e.type', 'e.nom', 'e.commune', 'e.academie_code', 'a.libelle as academie_libelle'])
          .where('e.id', '=', m.centre_id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('mission_date').selectAll().where('mission_id', '=', missionId).orderBy('jour').execute(),
    db.selectFrom('commission').selectAll().where('mission_id', '=', missionId).orderBy('code').execute(),
    db
      .selectFrom('commission_date as d')
      .innerJoin('commission as k', 'k.id', 'd.commission_id')
      .select(['d.commission_id', 'd.jour', 'd.heure_debut', 'd.heure_fin'])
      .where('k.mission_id', '=', missionId)
      .orderBy('d.jour')
      .execute(),
    db.selectFrom('mission_jury').selectAll().where('mission_id', '=', missionId).orderBy('code').execute(),
    db.selectFrom('salle').selectAll().where('mission_id', '=', missionId).orderBy('code').execute(),
    db.selectFrom('convocation').select(['commission_id', 'jury_id', 'salle_id']).where('mission_id', '=', missionId).execute(),
    db
      .selectFrom('convocation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mission_id', '=', missionId)
      .executeTakeFirstOrThrow(),
  ]);
  const qualites = await qualitesDeLaMission(db, ac, m);
  const compte = (cle: 'commission_id' | 'jury_id' | 'salle_id', idLigne: number) => usages.filter((u) => u[cle] === idLigne).length;
  const creneaux = dates.map(creneau);
  return {
    id: m.id,
    numero: m.numero,
    sessionExamenId: m.session_examen_id,
    examenCode: session.examen_code,
    session: libelleSession(session),
    specialiteId: m.specialite_id,
    specialite: specialite ? `${specialite.code} - ${specialite.libelle}` : null,
    epreuveOptionId: m.epreuve_option_id,
    epreuveOption: m.epreuve_code ? `${m.epreuve_code}, ${m.epreuve_libelle}` : null,
    typeMission: m.type_mission,
    type: {
      code: m.type_mission,
      libelle: m.type_libelle,
      ouverteSansCiblage: m.ouverte_sans_ciblage,
      correctionDematerialisee: m.correction_dematerialisee,
      sansQualite: m.sans_qualite,
      dateFixee: datesLimiteesAuGestionnaire(m.type_mission),
    },
    centreUai: centre?.uai ?? null,
    centre: centre ? `${libelleEtablissement(centre)} (${centre.uai})${centre.academie_code === ac ? '' : ` — académie de ${centre.academie_libelle}`}` : null,
    lieu: m.lieu ?? '',
    observationDefaut: m.observation_defaut,
    signataire: m.signataire,
    libelleSignataire: LIBELLE_SIGNATAIRE[m.signataire],
    cibleeEtablissement: m.ciblee_etablissement,
    dateLimitee: m.date_limitee,
    candidatsAffectes: m.candidats_affectes,
    dates: creneaux,
    debut: creneaux[0]?.jour ?? null,
    libelleDates: libellesDates(creneaux, false)[0] ?? '',
    commissions: commissions.map((k) => ({
      id: k.id,
      code: k.code,
      nbCandidats: k.nb_candidats,
      dates: datesCommissions.filter((d) => d.commission_id === k.id).map(creneau),
      convocations: compte('commission_id', k.id),
    })),
    jurys: jurys.map((j) => ({ id: j.id, code: j.code, libelle: j.libelle, convocations: compte('jury_id', j.id) })),
    salles: salles.map((s) => ({ id: s.id, code: s.code, libelle: s.libelle, nbCandidats: s.nb_candidats, convocations: compte('salle_id', s.id) })),
    nbConvocations: Number(nbConvocations.n),
    // What the convocation form offers on this mission (rules of src/domain/imagin/convocations.ts).
    qualitesProposees: qualitesProposees(qualites.type, qualites.toutes).map((q) => ({ id: q.id, libelle: q.libelle, santorin: q.santorin })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

interface Verifiees {
  centreId: number | null;
  dateLimitee: string | null;
}

/** Checks the references and the rules between fields; every error at once, each beside its field. */
async function verifier(trx: Db, ac: string, s: MissionSaisie, missionId: number | null): Promise<Verifiees> {
  const erreurs: Record<string, string> = {};
  const [session, specialite, epreuve, type, centre, homonyme] = await Promise.all([
    trx.selectFrom('session_examen as se').innerJoin('examen as x', 'x.code', 'se.examen_code').select(['se.id', 'se.examen_code', 'x.sigle']).where('se.id', '=', s.sessionExamenId).executeTakeFirst(),
    s.specialiteId ? trx.selectFrom('specialite').select(['id', 'examen_code', 'code']).where('id', '=', s.specialiteId).executeTakeFirst() : undefined,
    s.epreuveOptionId ? trx.selectFrom('epreuve_option').select(['id', 'specialite_id', 'code']).where('id', '=', s.epreuveOptionId).executeTakeFirst() : undefined,
    trx.selectFrom('type_mission').select(['code', 'libelle']).where('code', '=', s.typeMission).executeTakeFirst(),
    s.centreUai
      ? trx.selectFrom('etablissement').select(['id', 'uai', 'type', 'nom', 'commune', 'est_centre_examen', 'actif']).where('uai', '=', s.centreUai).executeTakeFirst()
      : undefined,
    trx
      .selectFrom('mission')
      .select('id')
      .where('academie_code', '=', ac)
      .where('numero', '=', s.numero)
      .$if(missionId !== null, (q) => q.where('id', '<>', missionId!))
      .executeTakeFirst(),
  ]);
  if (homonyme) erreurs.numero = `Le numéro de mission ${s.numero} est déjà utilisé dans votre académie : choisissez-en un autre.`;
  if (!session) erreurs.sessionExamenId = "Cette session d'examen n'existe pas : choisissez-la dans la liste.";
  if (s.specialiteId && !specialite) erreurs.specialiteId = "Cette spécialité n'existe pas : choisissez-la dans la liste.";
  if (specialite && session && specialite.examen_code !== session.examen_code) {
    erreurs.specialiteId = `La spécialité ${specialite.code} n'appartient pas à l'examen de la session choisie (${session.sigle}).`;
  }
  if (s.epreuveOptionId && !epreuve) erreurs.epreuveOptionId = "Cette épreuve-option n'existe pas : choisissez-la dans la liste.";
  if (epreuve && !s.specialiteId) erreurs.specialiteId = "Choisissez la spécialité de l'épreuve-option.";
  if (epreuve && specialite && epreuve.specialite_id !== specialite.id) {
    erreurs.epreuveOptionId = `L'épreuve-option ${epreuve.code} n'appartient pas à la spécialité ${specialite.code}.`;
  }
  if (!type) erreurs.typeMission = "Ce type de mission n'existe pas : choisissez-le dans la liste.";
  if (s.centreUai) {
    if (!centre) erreurs.centreUai = `Centre d'examen : aucun établissement n'a l'UAI ${s.centreUai}.`;
    else if (!centre.est_centre_examen) erreurs.centreUai = `Centre d'examen : ${libelleEtablissement(centre)} (${centre.uai}) n'est pas centre d'examen.`;
    else if (!centre.actif) erreurs.centreUai = `Centre d'examen : ${libelleEtablissement(centre)} (${centre.uai}) est fermé.`;
  } else {
    if (s.cibleeEtablissement) erreurs.centreUai = "Centre d'examen : une mission ciblée pour convocation en établissement doit avoir un centre d'examen.";
    else if (s.signataire !== 'gestionnaire') {
      erreurs.centreUai = `Centre d'examen : obligatoire lorsque la convocation est signée par le ${s.signataire === 'chef_centre' ? 'chef de centre' : "chef d'établissement"} (sa signature est celle du centre).`;
    }
  }
  const joursMission = new Set(s.dates.map((d) => d.jour));
  s.commissions.forEach((k, i) => {
    const j = k.dates.findIndex((d) => !joursMission.has(d.jour));
    if (j >= 0) erreurs[`commissions.${i}.dates.${j}.jour`] = `Commission ${k.code} : le ${dateFr(k.dates[j]!.jour)} n'est pas une date de la mission.`;
  });
  let dateLimitee: string | null = null;
  if (type && datesLimiteesAuGestionnaire(type.code) && s.dateLimitee) {
    if (!joursMission.has(s.dateLimitee)) erreurs.dateLimitee = `La date fixée pour le centre (${dateFr(s.dateLimitee)}) doit être l'une des dates de la mission.`;
    dateLimitee = s.dateLimitee;
  }
  if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
  return { centreId: centre?.id ?? null, dateLimitee };
}

function valeursMission(s: MissionSaisie, v: Verifiees) {
  return {
    numero: s.numero,
    session_examen_id: s.sessionExamenId,
    specialite_id: s.specialiteId,
    epreuve_option_id: s.epreuveOptionId,
    type_mission: s.typeMission,
    centre_id: v.centreId,
    lieu: s.lieu || null,
    observation_defaut: s.observationDefaut,
    signataire: s.signataire,
    ciblee_etablissement: s.cibleeEtablissement,
    date_limitee: v.dateLimitee,
    candidats_affectes: s.candidatsAffectes,
  };
}

const ligneCreneau = (c: Creneau) => ({ jour: c.jour, heure_debut: c.heureDebut, heure_fin: c.heureFin });

async function ecrireDatesCommission(trx: Db, commissionId: number, dates: readonly Creneau[]) {
  await trx.deleteFrom('commission_date').where('commission_id', '=', commissionId).execute();
  if (dates.length) await trx.insertInto('commission_date').values(dates.map((d) => ({ commission_id: commissionId, ...ligneCreneau(d) }))).execute();
}

/** What the audit keeps of a saisie. */
function resume(s: MissionSaisie, v: Verifiees) {
  return {
    ...valeursMission(s, v),
    dates: s.dates,
    commissions: s.commissions.map((k) => ({ code: k.code, nbCandidats: k.nbCandidats, dates: k.dates })),
    jurys: s.jurys.map((j) => ({ code: j.code, libelle: j.libelle })),
    salles: s.salles.map((x) => ({ code: x.code, libelle: x.libelle, nbCandidats: x.nbCandidats })),
  };
}

function numeroDejaPris(s: MissionSaisie) {
  return champInvalide('numero', `Le numéro de mission ${s.numero} est déjà utilisé dans votre académie : choisissez-en un autre.`);
}

export async function creerMission(ctx: AppContext, actor: Actor, s: MissionSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const v = await verifier(trx, ac, s, null);
      const m = await trx
        .insertInto('mission')
        .values({ academie_code: ac, ...valeursMission(s, v), cree_le: ctx.clock.now(), modifie_le: ctx.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('mission_date').values(s.dates.map((d) => ({ mission_id: m.id, ...ligneCreneau(d) }))).execute();
      for (const k of s.commissions) {
        const r = await trx.insertInto('commission').values({ mission_id: m.id, code: k.code, nb_candidats: k.nbCandidats }).returning('id').executeTakeFirstOrThrow();
        await ecrireDatesCommission(trx, r.id, k.dates);
      }
      if (s.jurys.length) await trx.insertInto('mission_jury').values(s.jurys.map((j) => ({ mission_id: m.id, code: j.code, libelle: j.libelle }))).execute();
      if (s.salles.length) await trx.insertInto('salle').values(s.salles.map((x) => ({ mission_id: m.id, code: x.code, libelle: x.libelle, nb_candidats: x.nbCandidats }))).execute();
      await audit(trx, contexteAudit(actor, trace), { action: 'mission.creation', entite: 'mission', entiteId: m.id, apres: resume(s, v) });
      return { id: m.id, message: `Mission n° ${s.numero} créée.` };
    });
  } catch (e) {
    if (estViolationUnicite(e)) throw numeroDejaPris(s);
    throw e;
  }
}

type Table = 'commission' | 'mission_jury' | 'salle';
const LIBELLES: Record<Table, { la: string; les: string; cle: string; colonne: 'commission_id' | 'jury_id' | 'salle_id' }> = {
  commission: { la: 'La commission', les: 'commissions', cle: 'commissions', colonne: 'commission_id' },
  mission_jury: { la: 'Le jury', les: 'jurys', cle: 'jurys', colonne: 'jury_id' },
  salle: { la: 'La salle', les: 'salles', cle: 'salles', colonne: 'salle_id' },
};

/**
 * The rows of a commission / jury / salle list kept (by id), dropped, added. A row id of another
 * mission is refused; a dropped row still used by a convocation is refused with who uses it.
 */
async function planifier(trx: Db, table: Table, missionId: number, saisies: ReadonlyArray<{ id?: number | undefined; code: string }>, erreurs: Record<string, string>) {
  const l = LIBELLES[table];
  const existants = await trx.selectFrom(table).select(['id', 'code']).where('mission_id', '=', missionId).execute();
  const ids = new Set(existants.map((e) => e.id));
  saisies.forEach((x, i) => {
    if (x.id !== undefined && !ids.has(x.id)) erreurs[`${l.cle}.${i}.code`] = `${l.la} « ${x.code} » n'appartient pas à cette mission : rechargez la page.`;
  });
  const gardes = new Set(saisies.flatMap((x) => (x.id !== undefined ? [x.id] : [])));
  const retires = existants.filter((e) => !gardes.has(e.id));
  if (retires.length) {
    const utilises = await trx
      .selectFrom('convocation as c')
      .innerJoin('personne as p', 'p.id', 'c.personne_id')
      .select([sql.ref<number>(`c.${l.colonne}`).as('ligne_id'), 'p.nom', 'p.prenom'])
      .where(sql.ref(`c.${l.colonne}`), 'in', retires.map((r) => r.id))
      .orderBy('p.nom')
      .execute();
    for (const r of retires) {
      const qui = utilises.filter((u) => u.ligne_id === r.id);
      if (qui.length) {
        const noms = qui.slice(0, 3).map((u) => `${u.nom} ${u.prenom}`).join(', ') + (qui.length > 3 ? ` et ${qui.length - 3} autre(s)` : '');
        erreurs[l.cle] ??= `${l.la} « ${r.code} » ne peut être supprimé${table === 'mission_jury' ? '' : 'e'} : ${qui.length} convocation(s) y ${qui.length > 1 ? 'sont rattachées' : 'est rattachée'} (${noms}). Modifiez ou supprimez d'abord ces convocations.`;
      }
    }
  }
  return { retires: retires.map((r) => r.id) };
}

export async function modifierMission(ctx: AppContext, actor: Actor, missionId: number, s: MissionSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const avant = await ficheMission({ ...ctx, db: trx }, actor, missionId);
      const v = await verifier(trx, ac, s, missionId);
      const erreurs: Record<string, string> = {};
      const convocations = await trx
        .selectFrom('convocation as c')
        .innerJoin('personne as p', 'p.id', 'c.personne_id')
        .select(['c.id', 'c.commission_id', 'p.nom', 'p.prenom'])
        .where('c.mission_id', '=', missionId)
        .execute();
      if (convocations.length && s.typeMission !== avant.typeMission) {
        erreurs.typeMission = `Le type de mission ne peut plus être modifié : la mission compte ${convocations.length} convocation(s). Supprimez-les d'abord ou créez une autre mission.`;
      }
      const planCommissions = await planifier(trx, 'commission', missionId, s.commissions, erreurs);
      const planJurys = await planifier(trx, 'mission_jury', missionId, s.jurys, erreurs);
      const planSalles = await planifier(trx, 'salle', missionId, s.salles, erreurs);

      // A convocation's own dates must stay among the dates it may hold (its commission's, else the
      // mission's): a day it held may not be taken away from under it.
      const propres = convocations.length
        ? await trx.selectFrom('convocation_date').select(['convocation_id', 'jour']).where('convocation_id', 'in', convocations.map((c) => c.id)).execute()
        : [];
      const permis = (mission: readonly Creneau[], commissions: ReadonlyArray<{ id?: number | undefined; dates: readonly Creneau[] }>, commissionId: number | null) => {
        const k = commissionId !== null ? commissions.find((x) => x.id === commissionId) : undefined;
        return { jours: new Set((k && k.dates.length ? k.dates : mission).map((d) => d.jour)), ou: k && k.dates.length ? 'de sa commission' : 'de la mission' };
      };
      for (const d of propres) {
        const c = convocations.find((x) => x.id === d.convocation_id)!;
        const avantPermis = permis(avant.dates, avant.commissions, c.commission_id);
        const apresPermis = permis(s.dates, s.commissions, c.commission_id);
        if (avantPermis.jours.has(d.jour) && !apresPermis.jours.has(d.jour)) {
          erreurs.dates ??= `Le ${dateFr(d.jour)} ne peut être retiré des dates ${apresPermis.ou} : la convocation de ${c.nom} ${c.prenom} porte sur ce jour. Modifiez d'abord cette convocation.`;
        }
      }
      if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);

      await trx.updateTable('mission').set({ ...valeursMission(s, v), modifie_le: ctx.clock.now() }).where('id', '=', missionId).execute();
      await trx.deleteFrom('mission_date').where('mission_id', '=', missionId).execute();
      await trx.insertInto('mission_date').values(s.dates.map((d) => ({ mission_id: missionId, ...ligneCreneau(d) }))).execute();

      if (planCommissions.retires.length) await trx.deleteFrom('commission').where('id', 'in', planCommissions.retires).execute();
      if (planJurys.retires.length) await trx.deleteFrom('mission_jury').where('id', 'in', planJurys.retires).execute();
      if (planSalles.retires.length) await trx.deleteFrom('salle').where('id', 'in', planSalles.retires).execute();
      for (const k of s.commissions) {
        let idCommission = k.id;
        if (idCommission !== undefined) await trx.updateTable('commission').set({ code: k.code, nb_candidats: k.nbCandidats }).where('id', '=', idCommission).execute();
        else idCommission = (await trx.insertInto('commission').values({ mission_id: missionId, code: k.code, nb_candidats: k.nbCandidats }).returning('id').executeTakeFirstOrThrow()).id;
        await ecrireDatesCommission(trx, idCommission, k.dates);
      }
      for (const j of s.jurys) {
        if (j.id !== undefined) await trx.updateTable('mission_jury').set({ code: j.code, libelle: j.libelle }).where('id', '=', j.id).execute();
        else await trx.insertInto('mission_jury').values({ mission_id: missionId, code: j.code, libelle: j.libelle }).execute();
      }
      for (const x of s.salles) {
        if (x.id !== undefined) await trx.updateTable('salle').set({ code: x.code, libelle: x.libelle, nb_candidats: x.nbCandidats }).where('id', '=', x.id).execute();
        else await trx.insertInto('salle').values({ mission_id: missionId, code: x.code, libelle: x.libelle, nb_candidats: x.nbCandidats }).execute();
      }
      // The dates held by the convocations may have moved: the indisponibilités they give elsewhere follow.
      await synchroniserIndisponibilitesAutreAcademie(trx, convocations.map((c) => c.id));
      await audit(trx, contexteAudit(actor, trace), {
        action: 'mission.modification',
        entite: 'mission',
        entiteId: missionId,
        avant: { numero: avant.numero, type: avant.typeMission, centre: avant.centreUai, dates: avant.dates, commissions: avant.commissions.map((k) => k.code), jurys: avant.jurys.map((j) => j.code), salles: avant.salles.map((x) => x.code) },
        apres: resume(s, v),
      });
      return { id: missionId, message: `Mission n° ${s.numero} enregistrée.` };
    });
  } catch (e) {
    if (estViolationUnicite(e)) {
      if (/numero/.test(String((e as { constraint?: string }).constraint ?? (e as Error).message))) throw numeroDejaPris(s);
      throw conflit('Deux commissions, jurys ou salles de la mission portent le même code : chaque code doit être unique dans la mission.');
    }
    throw e;
  }
}
