// Convocations made by the gestionnaire on the mission screen (issue 5): the intervenants convoked
// (by the gestionnaire, "Convoquée", or by the centre, "Convoquée par centre"), a new convocation of
// a person of the académie (found by "NOM Prénom") or of another académie (found by exact NUMEN in
// the national référentiel), its qualité (src/domain/imagin/convocations.ts), commission, jury, salle,
// code salle, own dates and observation; its change (a centre's convocation changed by the
// gestionnaire leaves the centre's hands), its deletion (refused while its frais is being processed)
// and its PDF. Every write is followed, in its transaction, by the indisponibilités it gives in the
// person's home académie; a convocation overlapping an indisponibilité or another convocation is
// saved with a warning naming them.
import { sql } from 'kysely';
import {
  avertissementChevauchements,
  avertissementHLP,
  erreursDates,
  memesDates,
  qualiteRetenue,
  type ConvocationConflit,
  type DatesMission,
} from '../../domain/imagin/convocations.ts';
import { libellesDates, type Creneau } from '../../domain/imagin/dates.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { genererConvocationPdf, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import { chargerConvocationsAvecAcces, libelleEtablissement } from '../imagin/convocation.repo.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { StatutEtatFrais } from '../platform/db/tables.ts';
import { champInvalide, conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import {
  academieGeree,
  contexteAudit,
  CONVOCATION_INTROUVABLE,
  creneau,
  estViolationUnicite,
  missionDeLAcademie,
  reglesType,
  type FichierGenere,
  type MissionChargee,
  type Trace,
} from './commun.ts';
import type { ConvocationSaisie } from './imagin-gestion.schemas.ts';

/** A frais in these states is being processed: its convocation cannot be deleted. */
export const FRAIS_EN_COURS: readonly StatutEtatFrais[] = ['valide', 'valide_gestionnaire', 'a_traiter_gestionnaire', 'traite_gestionnaire'];

export function libelleOrigine(c: { statut: string; origine: string; modifiee_par_gestionnaire: boolean }): string {
  if (c.statut === 'affectee') return 'Affectée (non convoquée)';
  return c.origine === 'centre' && !c.modifiee_par_gestionnaire ? 'Convoquée par centre' : 'Convoquée';
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function listerConvocations(ctx: AppContext, actor: Actor, missionId: number) {
  const ac = academieGeree(actor);
  const m = await missionDeLAcademie(ctx.db, ac, missionId);
  const rows = await ctx.db
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .innerJoin('academie as pa', 'pa.code', 'p.academie_code')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('commission as k', 'k.id', 'c.commission_id')
    .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
    .leftJoin('salle as s', 's.id', 'c.salle_id')
    .leftJoin('etat_frais as f', 'f.convocation_id', 'c.id')
    .leftJoin('etablissement as ec', 'ec.id', 'c.etablissement_createur_id')
    .select([
      'c.id',
      'c.statut',
      'c.origine',
      'c.modifiee_par_gestionnaire',
      'c.qualite_id',
      'c.commission_id',
      'c.jury_id',
      'c.salle_id',
      'c.code_salle',
      'c.observation',
      'c.editee_le',
      'p.id as personne_id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.discipline_poste',
      'p.academie_code as academie_personne',
      'pa.libelle as academie_personne_libelle',
      'e.uai',
      'e.type as etab_type',
      'e.nom as etab_nom',
      'e.commune as etab_commune',
      'q.libelle as qualite',
      'k.code as commission',
      'j.code as jury',
      's.code as salle',
      'f.statut as statut_frais',
      'ec.uai as createur_uai',
    ])
    .where('c.mission_id', '=', m.id)
    .orderBy('p.nom')
    .orderBy('p.prenom')
    .execute();
  const creneaux = rows.length
    ? await ctx.db
        .selectFrom('convocation_creneau')
        .select(['convocation_id', 'jour', 'heure_debut', 'heure_fin', 'origine'])
        .where('convocation_id', 'in', rows.map((r) => r.id))
        .orderBy('jour')
        .execute()
    : [];
  return {
    total: rows.length,
    lignes: rows.map((r) => {
      const mes = creneaux.filter((c) => c.convocation_id === r.id);
      const propres = mes.some((c) => c.origine === 'convocation');
      const dates = mes.map(creneau);
      const details = [r.commission ? `Com. ${r.commission}` : null, r.jury ? `Jury ${r.jury}` : null, r.salle ? `Salle ${r.salle}` : null, propres ? 'date spécifique' : null].filter(Boolean);
      return {
        id: r.id,
        personneId: r.personne_id,
        civilite: r.civilite,
        nom: r.nom,
        prenom: r.prenom,
        etablissement: r.uai ? `${libelleEtablissement({ type: r.etab_type!, nom: r.etab_nom!, commune: r.etab_commune! })} (${r.uai})` : null,
        disciplinePoste: r.discipline_poste,
        autreAcademie: r.academie_personne !== ac ? r.academie_personne_libelle : null,
        qualiteId: r.qualite_id,
        qualite: r.qualite,
        commissionId: r.commission_id,
        commission: r.commission,
        juryId: r.jury_id,
        jury: r.jury,
        salleId: r.salle_id,
        salle: r.salle,
        codeSalle: r.code_salle ?? '',
        observation: r.observation,
        affectation: details.join(', '),
        datesPropres: propres,
        dates,
        libelleDates: libellesDates(dates, propres).join(' ; '),
        statut: r.statut,
        origine: r.origine,
        modifieeParGestionnaire: r.modifiee_par_gestionnaire,
        libelleOrigine: libelleOrigine(r),
        createur: r.createur_uai,
        editeeLe: r.editee_le,
        fraisEnCours: r.statut_frais !== null && FRAIS_EN_COURS.includes(r.statut_frais),
      };
    }),
  };
}

/** Words typed, accents and case set aside, as SQL compares them (translate covers French letters). */
const AVEC_ACCENTS = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ';
const SANS_ACCENTS = 'aaaaaaceeeeiiiinooooouuuuyyeo';
function plat(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * People to convoke: "NOM Prénom" among the persons of the académie, or an exact NUMEN across the
 * national référentiel (a person of another académie). At most 30 suggestions.
 */
export async function rechercherPersonnes(ctx: AppContext, actor: Actor, saisie: string) {
  const ac = academieGeree(actor);
  const s = saisie.trim();
  const numen = s.replace(/\s/g, '').toUpperCase();
  let q = ctx.db
    .selectFrom('personne as p')
    .innerJoin('academie as a', 'a.code', 'p.academie_code')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select(['p.id', 'p.civilite', 'p.nom', 'p.prenom', 'p.date_naissance', 'p.discipline_poste', 'p.academie_code', 'a.libelle as academie_libelle', 'e.uai', 'e.type', 'e.nom as etab_nom', 'e.commune']);
  const parNumen = /^[0-9]{2}[A-Z][0-9]{7}[A-Z]{3}$/.test(numen);
  if (parNumen) {
    q = q.where('p.numen', '=', numen);
  } else {
    const mots = plat(s).split(/\s+/).filter(Boolean);
    if (mots.length === 0 || plat(s).replace(/\s/g, '').length < 2) return { parNumen: false, lignes: [] };
    q = q.where('p.academie_code', '=', ac);
    for (const mot of mots) {
      q = q.where(sql<string>`translate(lower(p.nom || ' ' || p.prenom), ${AVEC_ACCENTS}, ${SANS_ACCENTS})`, 'like', `%${mot}%`);
    }
  }
  const rows = await q.orderBy('p.nom').orderBy('p.prenom').limit(30).execute();
  return {
    parNumen,
    lignes: rows.map((r) => ({
      id: r.id,
      civilite: r.civilite,
      nom: r.nom,
      prenom: r.prenom,
      dateNaissance: r.date_naissance,
      disciplinePoste: r.discipline_poste,
      etablissement: r.uai ? `${libelleEtablissement({ type: r.type!, nom: r.etab_nom!, commune: r.commune! })} (${r.uai})` : null,
      autreAcademie: r.academie_code !== ac ? r.academie_libelle : null,
    })),
  };
}

/** The qualités the convocation form offers on this mission (the académie's active ones, by the type's rules). */
export async function qualitesDeLaMission(db: Db, academieCode: string, m: MissionChargee, garder: number | null = null) {
  const toutes = await db
    .selectFrom('qualite')
    .select(['id', 'libelle', 'santorin', 'deliberation', 'actif'])
    .where('academie_code', '=', academieCode)
    .where((eb) => (garder === null ? eb('actif', '=', true) : eb.or([eb('actif', '=', true), eb('id', '=', garder)])))
    .orderBy('ordre')
    .orderBy('libelle')
    .execute();
  return { type: reglesType(m), toutes };
}

// ---------------------------------------------------------------------------------------------
// Rules of a saisie

interface Retenue {
  qualiteId: number | null;
  commissionId: number | null;
  juryId: number | null;
  salleId: number | null;
  codeSalle: string | null;
  observation: string;
  /** Own dates, or null when the convocation holds its commission's or mission's. */
  datesPropres: Creneau[] | null;
}

async function appliquerRegles(trx: Db, ac: string, m: MissionChargee, s: ConvocationSaisie, qualiteActuelle: number | null): Promise<Retenue> {
  const erreurs: Record<string, string> = {};
  const { type, toutes } = await qualitesDeLaMission(trx, ac, m, qualiteActuelle);
  const qualite = qualiteRetenue(type, toutes, s.qualiteId);
  if (!qualite.ok) erreurs.qualiteId = qualite.message;

  const [commissions, jurys, salles, datesMission] = await Promise.all([
    trx.selectFrom('commission').select(['id', 'code']).where('mission_id', '=', m.id).execute(),
    trx.selectFrom('mission_jury').select(['id']).where('mission_id', '=', m.id).execute(),
    trx.selectFrom('salle').select(['id']).where('mission_id', '=', m.id).execute(),
    trx.selectFrom('mission_date').selectAll().where('mission_id', '=', m.id).orderBy('jour').execute(),
  ]);
  let commissionId = s.commissionId;
  if (commissionId !== null && !commissions.some((k) => k.id === commissionId)) erreurs.commissionId = "Commission : cette commission n'appartient pas à la mission.";
  if (commissionId === null && commissions.length === 1) commissionId = commissions[0]!.id;
  if (commissionId === null && commissions.length > 1) erreurs.commissionId = 'Commission : choisissez la commission sur laquelle vous convoquez.';
  if (s.juryId !== null && !jurys.some((j) => j.id === s.juryId)) erreurs.juryId = "Jury : ce jury n'appartient pas à la mission.";
  if (s.salleId !== null && !salles.some((x) => x.id === s.salleId)) erreurs.salleId = "Salle : cette salle n'appartient pas à la mission.";

  let datesPropres: Creneau[] | null = null;
  if (s.dates.length && !erreurs.commissionId) {
    const datesCommission = commissionId !== null ? (await trx.selectFrom('commission_date').selectAll().where('commission_id', '=', commissionId).orderBy('jour').execute()).map(creneau) : [];
    const mission = datesMission.map(creneau);
    const d: DatesMission = { typeCode: m.type_mission, mission, commission: datesCommission.length ? datesCommission : null, aDesCommissions: false, dateLimitee: m.date_limitee };
    Object.assign(erreurs, erreursDates(d, s.dates));
    // The same dates as those it would hold anyway: no own dates.
    const heritees = datesCommission.length ? datesCommission : mission;
    if (!memesDates(s.dates, heritees)) datesPropres = s.dates;
  }
  if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
  return {
    qualiteId: qualite.ok && qualite.qualite ? qualite.qualite.id : null,
    commissionId,
    juryId: s.juryId,
    salleId: s.salleId,
    codeSalle: s.codeSalle || null,
    observation: s.observation,
    datesPropres,
  };
}

async function ecrireDates(trx: Db, convocationId: number, dates: readonly Creneau[] | null) {
  await trx.deleteFrom('convocation_date').where('convocation_id', '=', convocationId).execute();
  if (dates?.length) {
    await trx
      .insertInto('convocation_date')
      .values(dates.map((d) => ({ convocation_id: convocationId, jour: d.jour, heure_debut: d.heureDebut, heure_fin: d.heureFin })))
      .execute();
  }
}

/**
 * The warning (not blocking) after a write: the person unavailable or convoked elsewhere on the dates
 * the convocation holds; on a HLP COEC mission, the profile still missing.
 */
async function avertissements(trx: Db, m: MissionChargee, convocationId: number, personne: { id: number; nom: string; prenom: string }): Promise<string | null> {
  const [creneaux, indisponibilites, autres, disciplines] = await Promise.all([
    trx.selectFrom('convocation_creneau').select(['jour', 'heure_debut', 'heure_fin']).where('convocation_id', '=', convocationId).execute(),
    trx
      .selectFrom('indisponibilite')
      .select(['date_debut', 'heure_debut', 'date_fin', 'heure_fin', 'motif'])
      .where('personne_id', '=', personne.id)
      .where((eb) => eb.or([eb('convocation_id', 'is', null), eb('convocation_id', '<>', convocationId)]))
      .execute(),
    trx
      .selectFrom('convocation as c')
      .innerJoin('mission as am', 'am.id', 'c.mission_id')
      .innerJoin('type_mission as tm', 'tm.code', 'am.type_mission')
      .innerJoin('convocation_creneau as cr', 'cr.convocation_id', 'c.id')
      .select(['c.id', 'am.numero', 'tm.libelle', 'cr.jour', 'cr.heure_debut', 'cr.heure_fin'])
      .where('c.personne_id', '=', personne.id)
      .where('c.id', '<>', convocationId)
      .where('c.statut', '=', 'convoquee')
      .execute(),
    trx
      .selectFrom('convocation as c')
      .innerJoin('personne as p', 'p.id', 'c.personne_id')
      .select('p.discipline_poste')
      .where('c.mission_id', '=', m.id)
      .where('c.statut', '=', 'convoquee')
      .execute(),
  ]);
  const convocations = new Map<number, ConvocationConflit & { creneaux: Creneau[] }>();
  for (const a of autres) {
    let c = convocations.get(a.id);
    if (!c) convocations.set(a.id, (c = { numeroMission: a.numero, typeMission: a.libelle, creneaux: [] }));
    c.creneaux.push(creneau(a));
  }
  const chevauchements = avertissementChevauchements(creneaux.map(creneau), [
    {
      nom: personne.nom,
      prenom: personne.prenom,
      indisponibilites: indisponibilites.map((i) => ({ periode: { debut: { date: i.date_debut, heure: i.heure_debut }, fin: { date: i.date_fin, heure: i.heure_fin } }, motif: i.motif })),
      convocations: [...convocations.values()],
    },
  ]);
  const hlp = avertissementHLP({ typeCode: m.type_mission, codeEpreuve: m.epreuve_code, libelleEpreuve: m.epreuve_libelle, disciplinesConvoquees: disciplines.map((d) => d.discipline_poste) });
  const textes = [chevauchements, hlp].filter((x): x is string => !!x);
  return textes.length ? textes.join(' ') : null;
}

// ---------------------------------------------------------------------------------------------
// Writes

async function convocationDeLaMission(trx: Db, ac: string, missionId: number, convocationId: number) {
  const c = await trx
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['c.id', 'c.statut', 'c.origine', 'c.modifiee_par_gestionnaire', 'c.qualite_id', 'c.commission_id', 'c.jury_id', 'c.salle_id', 'c.code_salle', 'c.observation', 'p.id as personne_id', 'p.nom', 'p.prenom'])
    .where('c.id', '=', convocationId)
    .where('c.mission_id', '=', missionId)
    .where('c.academie_code', '=', ac)
    .executeTakeFirst();
  if (!c) throw introuvable(CONVOCATION_INTROUVABLE);
  return c;
}

function resumeAudit(r: Retenue) {
  return { qualiteId: r.qualiteId, commissionId: r.commissionId, juryId: r.juryId, salleId: r.salleId, codeSalle: r.codeSalle, observation: r.observation, dates: r.datesPropres };
}

export async function creerConvocation(ctx: AppContext, actor: Actor, missionId: number, s: ConvocationSaisie & { personneId: number }, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const m = await missionDeLAcademie(trx, ac, missionId);
      const personne = await trx.selectFrom('personne').select(['id', 'academie_code', 'numen', 'nom', 'prenom', 'civilite']).where('id', '=', s.personneId).executeTakeFirst();
      // Reachable: a person of the académie, or of another académie found by NUMEN.
      if (!personne || (personne.academie_code !== ac && !personne.numen)) {
        throw champInvalide('personneId', "Cet intervenant est introuvable : recherchez-le par « NOM Prénom » dans votre académie, ou par son NUMEN s'il relève d'une autre académie.");
      }
      const deja = await trx.selectFrom('convocation').select('id').where('mission_id', '=', m.id).where('personne_id', '=', personne.id).executeTakeFirst();
      if (deja) throw conflit(`${personne.nom} ${personne.prenom} est déjà convoqué(e) sur la mission n° ${m.numero} : modifiez sa convocation dans la liste.`);
      const r = await appliquerRegles(trx, ac, m, s, null);
      const maintenant = ctx.clock.now();
      const c = await trx
        .insertInto('convocation')
        .values({
          academie_code: ac,
          mission_id: m.id,
          personne_id: personne.id,
          qualite_id: r.qualiteId,
          commission_id: r.commissionId,
          jury_id: r.juryId,
          salle_id: r.salleId,
          code_salle: r.codeSalle,
          observation: r.observation,
          statut: 'convoquee',
          origine: 'gestionnaire',
          dates_specifiques: r.datesPropres !== null,
          modifiee_par: actor.compteId,
          cree_le: maintenant,
          modifie_le: maintenant,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ecrireDates(trx, c.id, r.datesPropres);
      await synchroniserIndisponibilitesAutreAcademie(trx, [c.id]);
      const avertissement = await avertissements(trx, m, c.id, personne);
      await audit(trx, contexteAudit(actor, trace), { action: 'convocation.creation', entite: 'convocation', entiteId: c.id, apres: { mission: m.numero, personneId: personne.id, ...resumeAudit(r), avertissement } });
      return { id: c.id, message: `${personne.civilite} ${personne.nom} ${personne.prenom} convoqué(e) sur la mission n° ${m.numero}.`, avertissement };
    });
  } catch (e) {
    if (estViolationUnicite(e)) throw conflit("Cet intervenant est déjà convoqué sur cette mission : modifiez sa convocation dans la liste.");
    throw e;
  }
}

export async function modifierConvocation(ctx: AppContext, actor: Actor, missionId: number, convocationId: number, s: ConvocationSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await missionDeLAcademie(trx, ac, missionId);
    const avant = await convocationDeLaMission(trx, ac, m.id, convocationId);
    const r = await appliquerRegles(trx, ac, m, s, avant.qualite_id);
    // A centre's convocation changed by the gestionnaire leaves the centre's hands (003 §4.2.2).
    const retireeAuCentre = avant.origine === 'centre' && !avant.modifiee_par_gestionnaire;
    await trx
      .updateTable('convocation')
      .set({
        qualite_id: r.qualiteId,
        commission_id: r.commissionId,
        jury_id: r.juryId,
        salle_id: r.salleId,
        code_salle: r.codeSalle,
        observation: r.observation,
        statut: 'convoquee',
        dates_specifiques: r.datesPropres !== null,
        modifiee_par_gestionnaire: avant.origine === 'centre' ? true : avant.modifiee_par_gestionnaire,
        modifiee_par: actor.compteId,
        modifie_le: ctx.clock.now(),
      })
      .where('id', '=', convocationId)
      .execute();
    await ecrireDates(trx, convocationId, r.datesPropres);
    await synchroniserIndisponibilitesAutreAcademie(trx, [convocationId]);
    const avertissement = await avertissements(trx, m, convocationId, { id: avant.personne_id, nom: avant.nom, prenom: avant.prenom });
    await audit(trx, contexteAudit(actor, trace), {
      action: 'convocation.modification',
      entite: 'convocation',
      entiteId: convocationId,
      avant: { statut: avant.statut, origine: avant.origine, qualiteId: avant.qualite_id, commissionId: avant.commission_id, juryId: avant.jury_id, salleId: avant.salle_id, codeSalle: avant.code_salle, observation: avant.observation },
      apres: { mission: m.numero, ...resumeAudit(r), modifieeParGestionnaire: avant.origine === 'centre', avertissement },
    });
    const message = `Convocation de ${avant.nom} ${avant.prenom} enregistrée.${retireeAuCentre ? " Créée par le centre d'examen, elle est désormais gérée par le service de gestion : le centre ne peut plus la modifier ni la supprimer." : ''}`;
    return { id: convocationId, message, avertissement };
  });
}

export async function supprimerConvocation(ctx: AppContext, actor: Actor, missionId: number, convocationId: number, trace: Trace) {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await missionDeLAcademie(trx, ac, missionId);
    const c = await convocationDeLaMission(trx, ac, m.id, convocationId);
    const frais = await trx.selectFrom('etat_frais').select(['id', 'statut']).where('convocation_id', '=', convocationId).executeTakeFirst();
    if (frais && FRAIS_EN_COURS.includes(frais.statut)) {
      throw conflit(`La convocation de ${c.nom} ${c.prenom} ne peut être supprimée : l'état de frais qui en résulte est en cours de traitement.`);
    }
    // An état de frais not being processed goes with its convocation; the indisponibilités given elsewhere follow (cascade).
    if (frais) await trx.deleteFrom('etat_frais').where('id', '=', frais.id).execute();
    await trx.deleteFrom('convocation').where('id', '=', convocationId).execute();
    await audit(trx, contexteAudit(actor, trace), {
      action: 'convocation.suppression',
      entite: 'convocation',
      entiteId: convocationId,
      avant: { mission: m.numero, personneId: c.personne_id, statut: c.statut, origine: c.origine, qualiteId: c.qualite_id, commissionId: c.commission_id, etatFrais: frais?.statut ?? null },
    });
    return { message: `Convocation de ${c.nom} ${c.prenom} supprimée : l'intervenant n'est plus convoqué sur la mission n° ${m.numero}.` };
  });
}

/** The convocation as a PDF, with the intervenant's identifiant and temporary password; "Dernière convoc." is set. */
export async function pdfConvocation(ctx: AppContext, actor: Actor, missionId: number, convocationId: number, trace: Trace): Promise<FichierGenere> {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await missionDeLAcademie(trx, ac, missionId);
    const c = await convocationDeLaMission(trx, ac, m.id, convocationId);
    if (c.statut !== 'convoquee') throw conflit(`${c.nom} ${c.prenom} est affecté(e) mais pas encore convoqué(e) : enregistrez d'abord sa convocation (bouton Modifier).`);
    const [donnees] = await chargerConvocationsAvecAcces(ctx, trx, [convocationId]);
    if (!donnees) throw introuvable(CONVOCATION_INTROUVABLE);
    const maintenant = ctx.clock.now();
    await trx.updateTable('convocation').set({ editee_le: maintenant }).where('id', '=', convocationId).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.edition', entite: 'convocation', entiteId: convocationId, apres: { mission: m.numero, personneId: c.personne_id } });
    return { flux: genererConvocationPdf(donnees, { editeLe: maintenant }), fichier: nomFichierConvocation(donnees), typeMime: 'application/pdf' };
  });
}
