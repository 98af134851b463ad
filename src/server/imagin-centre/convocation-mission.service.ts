// "Convocation par mission" (003 §4.2): the missions a centre d'examen may convoke to, their
// convoked intervenants, and the centre's own convocations — create (one or several intervenants at
// once), modify, delete, print (PDF, ZIP), mail (one, or grouped as a treatment).
//
// Scope: the missions of the actor's établissement as centre, in the académie of the session,
// targeted by the gestionnaire or open without targeting. Anything else answers 404. Among the
// convocations of such a mission, the centre acts only on those it created and the gestionnaire has not
// modified since ("elle n'apparaîtra plus" for the centre's actions); the others are 404 too.
import {
  anneesProposees,
  avertissementChevauchements,
  avertissementHLP,
  datesLimiteesAuGestionnaire,
  demanderReportCOEC,
  erreursDates,
  joursSelectionnables,
  memesDates,
  qualiteRetenue,
  qualitesProposees,
  refusInterrogationEC,
  nomZipConvocations,
  TYPE_COEC,
  QUALITE_CORRECTEUR_SANTORIN,
  type ConflitsPersonne,
  type DatesMission,
  type TypeMissionRegles,
} from '../../domain/imagin/convocations.ts';
import { isoParis, type Creneau } from '../../domain/imagin/dates.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { TYPE_PDF } from '../platform/documents/pdf.ts';
import { enAvance, fenetrePdf, pdfEnAtelier } from '../platform/documents/atelier.ts';
import { genererZip, TYPE_ZIP } from '../platform/documents/zip.ts';
import { AppError, champInvalide, invalide, introuvable } from '../platform/errors.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import type { Actor } from '../platform/policy.ts';
import { enregistrerDocument, lancerTraitement } from '../platform/traitements/traitements.ts';
import { chargerConvocationsAvecAcces, libelleEtablissement, libelleSession } from '../imagin/convocation.repo.ts';
import { genererConvocationPdf, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { contexteAudit, type FichierGenere } from '../imagin-etablissement/personnels.service.ts';
import * as repo from './convocation-mission.repo.ts';
import type { LigneMission, PorteeCentre } from './convocation-mission.repo.ts';
import type { AffectationSaisie, CreationSaisie, FiltreMissions } from './convocation-mission.schemas.ts';
import { adresseCopie, adresseIntervenant, courrielConvocation, TRAITEMENT_ENVOI_CONVOCATIONS, type ParametresEnvoi } from './envoi-convocations.ts';

/** The module of the convocation, for the PDF workshop's worker threads. */
const MODULE_CONVOCATION_PDF = new URL('../imagin/convocation-pdf.ts', import.meta.url).href;

export const MISSION_INTROUVABLE = "Cette mission n'existe pas ou n'est pas ouverte aux convocations de votre centre d'examen.";
export const CONVOCATION_INTROUVABLE =
  "Cette convocation n'existe pas ou n'a pas été créée par votre centre d'examen : seules les convocations de votre centre (et non modifiées depuis par le service de gestion) peuvent être éditées, envoyées, modifiées ou supprimées.";
export const MESSAGE_REPORT_COEC =
  "Vous avez modifié les dates d'affectation. Souhaitez-vous enregistrer votre saisie sur la mission ? Dans les deux cas, la convocation sera effectuée.";
export const MESSAGE_FRAIS_EN_COURS = 'La convocation ne peut pas être supprimée : les frais qui en résultent sont en cours de traitement.';

/** The états de frais under way: the convocation they come from stays (decision 0005). */
const FRAIS_EN_COURS = new Set(['valide', 'valide_gestionnaire', 'a_traiter_gestionnaire', 'traite_gestionnaire']);

const SIGNATURE: Record<'chef_etablissement' | 'chef_centre' | 'gestionnaire', string> = {
  chef_etablissement: "Chef d'établissement",
  chef_centre: 'Chef de centre',
  gestionnaire: 'Gestionnaire',
};

type Trace = { ip?: string; requestId?: string };

/** A 409 the web form answers (CHEVAUCHEMENT: "Convoquer quand même"; REPORT_COEC: the popup "Saisie sur la mission"). */
export class ConflitConvocation extends AppError {
  constructor(code: 'CHEVAUCHEMENT' | 'REPORT_COEC', message: string) {
    super('CONFLIT', message);
    Object.defineProperty(this, 'code', { value: code });
  }
}

export function porteeCentre(actor: Actor): PorteeCentre {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable(MISSION_INTROUVABLE);
  return { academieCode: actor.academieCode, etablissementId: actor.etablissementId };
}

function anneeCourante(ctx: AppContext): number {
  return Number(isoParis(ctx.clock.now()).slice(0, 4));
}

/** A mission's year: that of its first date, else its session's. */
function anneeMission(m: LigneMission): number {
  return m.debut ? Number(m.debut.slice(0, 4)) : m.annee;
}

function reglesType(m: LigneMission): TypeMissionRegles {
  return {
    code: m.type_mission,
    libelle: m.type_libelle,
    correctionDematerialisee: m.correction_dematerialisee,
    sansQualite: m.sans_qualite,
    ouverteSansCiblage: m.ouverte_sans_ciblage,
  };
}

function presenterMission(m: LigneMission) {
  return {
    id: m.id,
    numero: m.numero,
    session: libelleSession(m),
    examen: m.examen_code,
    sigle: m.sigle,
    specialite: m.specialite_code ? `${m.specialite_code} - ${m.specialite_libelle}` : null,
    epreuveOption: m.epreuve_code ? `${m.epreuve_code}, ${m.epreuve_libelle}` : null,
    typeMission: m.type_libelle,
    typeCode: m.type_mission,
    debut: m.debut,
    nbIntervenants: m.nb_intervenants,
    signature: SIGNATURE[m.signataire],
    annee: anneeMission(m),
  };
}

async function exigerMission(ctx: AppContext, p: PorteeCentre, missionId: number): Promise<LigneMission> {
  const m = await repo.missionProposee(ctx.db, p, missionId);
  if (!m) throw introuvable(MISSION_INTROUVABLE);
  return m;
}

function triMissions(a: LigneMission, b: LigneMission): number {
  return (a.debut ?? '9999').localeCompare(b.debut ?? '9999') || a.numero - b.numero;
}

// ---------------------------------------------------------------------------------------------
// Lists

/** The missions, years N and N+1 by default, sorted by start date (003 §4.2.1). */
export async function listerMissions(ctx: AppContext, actor: Actor, filtre: FiltreMissions) {
  const p = porteeCentre(actor);
  const n = anneeCourante(ctx);
  const annees = filtre.annees?.length ? filtre.annees : [n, n + 1];
  const examens = filtre.examens ?? [];
  const rows = (await repo.missionsProposees(ctx.db, p)).filter((m) => annees.includes(anneeMission(m)) && (examens.length === 0 || examens.includes(m.examen_code)));
  rows.sort(triMissions);
  return { annees, examens, total: rows.length, lignes: rows.map(presenterMission) };
}

/** The filters "Année" (N−3 … N+1) and "Examen" (the exams of the missions offered to the centre). */
export async function filtresMissions(ctx: AppContext, actor: Actor) {
  const p = porteeCentre(actor);
  const n = anneeCourante(ctx);
  const missions = await repo.missionsProposees(ctx.db, p);
  const examens = await repo.examens(ctx.db, [...new Set(missions.map((m) => m.examen_code))]);
  return {
    annees: anneesProposees(n),
    anneesParDefaut: [n, n + 1],
    examens: examens.map((x) => ({ code: x.code, libelle: `${x.sigle} - ${x.libelle}` })),
  };
}

async function datesDeLaMission(ctx: AppContext, m: LigneMission) {
  const [dates, ks] = await Promise.all([repo.datesMission(ctx.db, m.id), repo.commissions(ctx.db, m.id)]);
  const base: DatesMission = { typeCode: m.type_mission, mission: dates, commission: null, aDesCommissions: ks.length > 0, dateLimitee: m.date_limitee };
  return { dates, ks, base };
}

/** A commission without dates of its own holds the mission's dates (as convocation_creneau reads it). */
function datesCommission(k: repo.CommissionMission, dates: Creneau[]): Creneau[] {
  return k.dates.length ? k.dates : dates;
}

/** The mission's header and everything the form "Détail de l'affectation" needs. */
export async function detailMission(ctx: AppContext, actor: Actor, missionId: number) {
  const p = porteeCentre(actor);
  const m = await exigerMission(ctx, p, missionId);
  const type = reglesType(m);
  const [{ dates, ks, base }, reportees, js, ss, qs, disciplines] = await Promise.all([
    datesDeLaMission(ctx, m),
    repo.datesReportees(ctx.db, m.id),
    repo.jurys(ctx.db, m.id),
    repo.salles(ctx.db, m.id),
    repo.qualites(ctx.db, m.academie_code),
    repo.disciplinesConvoquees(ctx.db, m.id),
  ]);
  const coec = m.type_mission === TYPE_COEC;
  return {
    mission: presenterMission(m),
    regles: {
      correctionDematerialisee: type.correctionDematerialisee,
      sansQualite: type.sansQualite,
      qualiteParDefaut: type.correctionDematerialisee && qs.some((q) => q.libelle === QUALITE_CORRECTEUR_SANTORIN) ? QUALITE_CORRECTEUR_SANTORIN : null,
      datesLimitees: datesLimiteesAuGestionnaire(m.type_mission),
      dateLimitee: m.date_limitee,
      coec,
    },
    refusEC: refusInterrogationEC({ typeCode: m.type_mission, codeEpreuve: m.epreuve_code, candidatsAffectes: m.candidats_affectes }),
    avertissementHLP: avertissementHLP({ typeCode: m.type_mission, codeEpreuve: m.epreuve_code, libelleEpreuve: m.epreuve_libelle, disciplinesConvoquees: disciplines }),
    qualites: qualitesProposees(type, qs).map((q) => ({ id: q.id, libelle: q.libelle })),
    commissions: ks.map((k) => ({ id: k.id, code: k.code, nbCandidats: k.nbCandidats, dates: datesCommission(k, dates), joursSelectionnables: joursSelectionnables({ ...base, commission: datesCommission(k, dates) }) })),
    jurys: js.map((j) => ({ id: j.id, code: j.code, libelle: j.libelle })),
    salles: ss.map((s) => ({ id: s.id, code: s.code, libelle: s.libelle, nbCandidats: s.nb_candidats })),
    datesMission: dates,
    /** Without commission; with commissions, the chosen commission's (above). */
    joursSelectionnables: joursSelectionnables(base),
    /** COEC: the dates carried over on the mission, selected beforehand in the form. */
    datesReportees: coec ? reportees : [],
    /** "Observations sur la convocation": the text carried over (COEC), else the default text. */
    observation: m.observation_reportee ?? m.observation_defaut,
  };
}

function libelleAffectation(c: repo.LigneConvocation): string {
  const parties = [c.origine === 'gestionnaire' || c.modifiee_par_gestionnaire ? 'Convoquée' : 'Convoquée par centre'];
  if (c.commission) parties.push(`Com. ${c.commission}`);
  if (c.jury) parties.push(`Jury ${c.jury}`);
  if (c.salle) parties.push(`Salle ${c.salle}`);
  if (c.dates_specifiques) parties.push('date spécifique');
  return parties.join(', ');
}

function duCentre(c: { origine: string; etablissement_createur_id: number | null; modifiee_par_gestionnaire: boolean }, p: PorteeCentre): boolean {
  return c.origine === 'centre' && c.etablissement_createur_id === p.etablissementId && !c.modifiee_par_gestionnaire;
}

/** "Liste des intervenants affectés à la mission" (003 §4.2.2): the convoked ones, whoever convoked them. */
export async function listerConvocations(ctx: AppContext, actor: Actor, missionId: number) {
  const p = porteeCentre(actor);
  await exigerMission(ctx, p, missionId);
  const rows = await repo.convocationsMission(ctx.db, missionId);
  return {
    total: rows.length,
    lignes: rows.map((c) => ({
      id: c.id,
      personneId: c.personne_id,
      nom: c.nom,
      prenom: c.prenom,
      etablissement: c.etab_uai ? `${libelleEtablissement({ type: c.etab_type!, nom: c.etab_nom!, commune: c.etab_commune! })} (${c.etab_uai})` : null,
      disciplinePoste: c.discipline_poste || null,
      affectation: libelleAffectation(c),
      qualite: c.qualite,
      /** The PDF, mail, modify and delete buttons: on the centre's own convocations only. */
      duCentre: duCentre(c, p),
      editeeLe: c.editee_le,
      envoyeeLe: c.envoyee_le,
    })),
  };
}

/** The centre's convocation, for its edition, mail, modification or deletion; anything else is 404. */
async function exigerConvocationCentre(ctx: AppContext, p: PorteeCentre, convocationId: number) {
  const c = await repo.convocation(ctx.db, convocationId);
  if (!c) throw introuvable(CONVOCATION_INTROUVABLE);
  const m = await repo.missionProposee(ctx.db, p, c.mission_id);
  if (!m || c.statut !== 'convoquee' || !duCentre(c, p)) throw introuvable(CONVOCATION_INTROUVABLE);
  return { c, m };
}

// ---------------------------------------------------------------------------------------------
// Searching intervenants

function normaliser(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Suggestions of disciplines (de poste, or matières enseignées) among the personnels of the établissement. */
export async function disciplinesProposees(ctx: AppContext, actor: Actor, q: string) {
  const p = porteeCentre(actor);
  const termes = normaliser(q).split(/\s+/).filter(Boolean);
  const toutes = await repo.disciplinesEtablissement(ctx.db, p);
  const retenues = toutes.filter((d) => termes.every((t) => normaliser(d).includes(t)));
  return { total: retenues.length, lignes: retenues.slice(0, 20) };
}

/** "Recherche d'intervenants dans mon établissement": every match, pre-checked by the form. */
export async function enseignantsDiscipline(ctx: AppContext, actor: Actor, missionId: number, discipline: string) {
  const p = porteeCentre(actor);
  await exigerMission(ctx, p, missionId);
  const rows = await repo.enseignantsParDiscipline(ctx.db, p, discipline);
  const deja = await repo.personnesSurMission(ctx.db, missionId, rows.map((r) => r.id));
  return {
    discipline,
    total: rows.length,
    lignes: rows.map((r) => ({ id: r.id, nom: r.nom, prenom: r.prenom, disciplinePoste: r.discipline_poste || null, principal: r.principal, dejaConvoque: deja.has(r.id) })),
  };
}

/** "Recherche d'un intervenant par nom prénom" among the persons of the session's académie (20 suggestions). */
export async function intervenantsProposes(ctx: AppContext, actor: Actor, missionId: number, q: string) {
  const p = porteeCentre(actor);
  await exigerMission(ctx, p, missionId);
  const termes = normaliser(q).split(/\s+/).filter(Boolean);
  if (termes.length === 0 || termes.join('').length < 2) return { total: 0, lignes: [] };
  const rows = await repo.intervenantsAcademie(ctx.db, p.academieCode, termes, 20);
  const deja = await repo.personnesSurMission(ctx.db, missionId, rows.map((r) => r.id));
  return {
    total: rows.length,
    lignes: rows.map((r) => ({
      id: r.id,
      nom: r.nom,
      prenom: r.prenom,
      disciplinePoste: r.discipline_poste || null,
      etablissement: r.etab_uai ? `${libelleEtablissement({ type: r.etab_type!, nom: r.etab_nom!, commune: r.etab_commune! })} (${r.etab_uai})` : null,
      dejaConvoque: deja.has(r.id),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Creating and modifying

function erreurSaisie(erreurs: Record<string, string>): AppError {
  const messages = Object.values(erreurs);
  const autres = messages.length - 1;
  return invalide(autres > 0 ? `${messages[0]} (et ${autres} autre${autres > 1 ? 's' : ''} erreur${autres > 1 ? 's' : ''} de saisie)` : messages[0]!, erreurs);
}

interface AffectationRetenue {
  qualiteId: number | null;
  commissionId: number | null;
  juryId: number | null;
  salleId: number | null;
  /** The convocation's own dates; empty when they are the mission's (or commission's). */
  propres: Creneau[];
}

/** The rules of "Détail de l'affectation" (003 §4.2.3): qualité, commission, jury, salle, dates. */
async function verifierAffectation(ctx: AppContext, m: LigneMission, s: AffectationSaisie): Promise<AffectationRetenue> {
  const erreurs: Record<string, string> = {};
  const type = reglesType(m);
  const [qs, { dates, ks, base }, js, ss] = await Promise.all([repo.qualites(ctx.db, m.academie_code), datesDeLaMission(ctx, m), repo.jurys(ctx.db, m.id), repo.salles(ctx.db, m.id)]);

  const q = qualiteRetenue(type, qs, s.qualiteId);
  if (!q.ok) erreurs.qualiteId = q.message;

  let commission: repo.CommissionMission | null = null;
  if (s.commissionId !== null) {
    commission = ks.find((k) => k.id === s.commissionId) ?? null;
    if (!commission) erreurs.commissionId = 'Commission : choisissez une commission de la liste.';
  } else if (ks.length === 1) {
    commission = ks[0]!;
  }

  let juryId: number | null = null;
  if (s.juryId !== null) {
    if (js.some((j) => j.id === s.juryId)) juryId = s.juryId;
    else erreurs.juryId = 'Jury : choisissez un jury de la liste.';
  } else if (js.length === 1) {
    juryId = js[0]!.id;
  } else if (js.length > 1) {
    erreurs.juryId = 'Jury : choisissez le jury sur lequel vous convoquez.';
  }

  let salleId: number | null = null;
  if (s.salleId !== null) {
    if (ss.some((x) => x.id === s.salleId)) salleId = s.salleId;
    else erreurs.salleId = 'Salle : choisissez une salle de la liste.';
  } else if (ss.length === 1) {
    salleId = ss[0]!.id;
  } else if (ss.length > 1 && ks.length === 0) {
    erreurs.salleId = 'Salle : choisissez la salle sur laquelle vous convoquez.';
  }

  const d: DatesMission = { ...base, commission: commission ? datesCommission(commission, dates) : null };
  if (!erreurs.commissionId) Object.assign(erreurs, erreursDates(d, s.dates));
  if (Object.keys(erreurs).length) throw erreurSaisie(erreurs);

  const reference = d.commission ?? dates;
  return {
    qualiteId: q.ok && q.qualite ? q.qualite.id : null,
    commissionId: commission?.id ?? null,
    juryId,
    salleId,
    propres: memesDates(s.dates, reference) ? [] : s.dates.map((c) => ({ ...c })),
  };
}

/** The warning on indisponibilités and other convocations over the chosen dates, naming the persons. */
async function chevauchements(ctx: AppContext, missionId: number, personnes: ReadonlyArray<{ id: number; nom: string; prenom: string }>, dates: readonly Creneau[]) {
  if (dates.length === 0 || personnes.length === 0) return null;
  const jours = dates.map((c) => c.jour).sort();
  const r = await repo.conflits(
    ctx.db,
    personnes.map((x) => x.id),
    jours[0]!,
    jours.at(-1)!,
    { missionId },
  );
  const liste: ConflitsPersonne[] = personnes.map((x) => {
    const convocations = new Map<number, { numeroMission: number; typeMission: string; creneaux: Creneau[] }>();
    for (const c of r.convocations.filter((c) => c.personne_id === x.id)) {
      let v = convocations.get(c.convocation_id);
      if (!v) convocations.set(c.convocation_id, (v = { numeroMission: c.numero, typeMission: c.type_libelle, creneaux: [] }));
      v.creneaux.push(repo.creneau(c));
    }
    return {
      nom: x.nom,
      prenom: x.prenom,
      indisponibilites: r.indisponibilites
        .filter((i) => i.personne_id === x.id)
        .map((i) => ({ motif: i.motif, periode: { debut: { date: i.date_debut, heure: i.heure_debut }, fin: { date: i.date_fin, heure: i.heure_fin } } })),
      convocations: [...convocations.values()],
    };
  });
  return avertissementChevauchements(dates, liste);
}

/** COEC: whether the popup "Saisie sur la mission" must be answered first. */
async function exigerReponseCOEC(ctx: AppContext, m: LigneMission, s: AffectationSaisie, premiereConvocation: boolean): Promise<void> {
  if (m.type_mission !== TYPE_COEC || s.reporterSurMission !== undefined) return;
  const reportees = await repo.datesReportees(ctx.db, m.id);
  const demander = demanderReportCOEC({
    typeCode: m.type_mission,
    premiereConvocation,
    reportees: { dates: reportees, observation: m.observation_reportee },
    saisies: { dates: s.dates, observation: s.observation },
  });
  if (demander) throw new ConflitConvocation('REPORT_COEC', MESSAGE_REPORT_COEC);
}

/** "Oui": the dates and observations are carried over on the mission for its next convocations. */
async function reporterSurMission(trx: repo.Executeur, actor: Actor, trace: Trace, m: LigneMission, s: AffectationSaisie) {
  const avant = { dates: await repo.datesReportees(trx, m.id), observation: m.observation_reportee };
  await trx.deleteFrom('mission_date_reportee').where('mission_id', '=', m.id).execute();
  if (s.dates.length) {
    await trx
      .insertInto('mission_date_reportee')
      .values(s.dates.map((c) => ({ mission_id: m.id, jour: c.jour, heure_debut: c.heureDebut, heure_fin: c.heureFin })))
      .execute();
  }
  await trx.updateTable('mission').set({ observation_reportee: s.observation }).where('id', '=', m.id).execute();
  await audit(trx, contexteAudit(actor, trace), { action: 'mission.report-coec', entite: 'mission', entiteId: m.id, avant, apres: { dates: s.dates, observation: s.observation } });
}

async function messageHLP(ctx: AppContext, m: LigneMission): Promise<string | null> {
  return avertissementHLP({ typeCode: m.type_mission, codeEpreuve: m.epreuve_code, libelleEpreuve: m.epreuve_libelle, disciplinesConvoquees: await repo.disciplinesConvoquees(ctx.db, m.id) });
}

function noms(personnes: ReadonlyArray<{ nom: string; prenom: string }>): string {
  return personnes.map((x) => `${x.nom} ${x.prenom}`).join(', ');
}

/** "Convoquer" (003 §4.2.3): one convocation per chosen intervenant, in one transaction. */
export async function creerConvocations(ctx: AppContext, actor: Actor, missionId: number, s: CreationSaisie, trace: Trace) {
  const p = porteeCentre(actor);
  const m = await exigerMission(ctx, p, missionId);
  const refus = refusInterrogationEC({ typeCode: m.type_mission, codeEpreuve: m.epreuve_code, candidatsAffectes: m.candidats_affectes });
  if (refus) throw invalide(refus);

  const personnes = await repo.personnesConvocables(ctx.db, p, s.personneIds);
  if (personnes.length !== s.personneIds.length) {
    throw champInvalide('personneIds', "Intervenant(s) : l'un des intervenants choisis est inconnu dans l'académie. S'il doit être créé, contactez le gestionnaire IMAG'IN.");
  }
  const ordre = new Map(s.personneIds.map((id, i) => [id, i]));
  personnes.sort((a, b) => ordre.get(a.id)! - ordre.get(b.id)!);

  const retenue = await verifierAffectation(ctx, m, s);
  const deja = await repo.dejaSurMission(ctx.db, m.id, s.personneIds);
  if (deja.length) {
    throw champInvalide('personneIds', deja.length === 1 ? `${noms(deja)} est déjà convoqué(e) sur cette mission.` : `${noms(deja)} sont déjà convoqués sur cette mission : décochez-les.`);
  }
  if (!s.confirmerChevauchements) {
    const avertissement = await chevauchements(ctx, m.id, personnes, s.dates);
    if (avertissement) throw new ConflitConvocation('CHEVAUCHEMENT', avertissement);
  }
  await exigerReponseCOEC(ctx, m, s, (await repo.nombreConvocations(ctx.db, m.id)) === 0);

  const maintenant = ctx.clock.now();
  const creees = await ctx.db.transaction().execute(async (trx) => {
    await repo.verrouillerMission(trx, m.id);
    // Checked again under the lock: another user of the centre may have convoked them meanwhile.
    const encore = await repo.dejaSurMission(trx, m.id, s.personneIds);
    if (encore.length) throw champInvalide('personneIds', `${noms(encore)} ${encore.length === 1 ? 'est déjà convoqué(e)' : 'sont déjà convoqués'} sur cette mission.`);
    const rows = await trx
      .insertInto('convocation')
      .values(
        personnes.map((x) => ({
          academie_code: p.academieCode,
          mission_id: m.id,
          personne_id: x.id,
          qualite_id: retenue.qualiteId,
          commission_id: retenue.commissionId,
          jury_id: retenue.juryId,
          salle_id: retenue.salleId,
          code_salle: s.codeSalle || null,
          observation: s.observation,
          statut: 'convoquee' as const,
          origine: 'centre' as const,
          etablissement_createur_id: p.etablissementId,
          dates_specifiques: retenue.propres.length > 0,
          modifiee_par: actor.compteId,
          cree_le: maintenant,
          modifie_le: maintenant,
        })),
      )
      .returning(['id', 'personne_id'])
      .execute();
    if (retenue.propres.length) {
      await trx
        .insertInto('convocation_date')
        .values(rows.flatMap((r) => retenue.propres.map((c) => ({ convocation_id: r.id, jour: c.jour, heure_debut: c.heureDebut, heure_fin: c.heureFin }))))
        .execute();
    }
    if (m.type_mission === TYPE_COEC && s.reporterSurMission === true) await reporterSurMission(trx, actor, trace, m, s);
    for (const r of rows) {
      const x = personnes.find((y) => y.id === r.personne_id)!;
      await audit(trx, contexteAudit(actor, trace), {
        action: 'convocation.creer',
        entite: 'convocation',
        entiteId: r.id,
        apres: { mission: m.numero, personneId: x.id, nom: `${x.nom} ${x.prenom}`, ...retenue, codeSalle: s.codeSalle, observation: s.observation, origine: 'centre' },
      });
    }
    await synchroniserIndisponibilitesAutreAcademie(trx, rows.map((r) => r.id));
    return rows;
  });

  const n = creees.length;
  return {
    convocations: creees.map((r) => ({ id: r.id, personneId: r.personne_id })),
    message: `${n === 1 ? 'Intervenant convoqué' : `${n} intervenants convoqués`} sur la mission n° ${m.numero} : ${noms(personnes)}.`,
    reportSurMission: m.type_mission === TYPE_COEC && s.reporterSurMission === true,
    avertissementHLP: await messageHLP(ctx, m),
  };
}

/** Modifies a convocation of the centre (same rules as its creation). */
export async function modifierConvocation(ctx: AppContext, actor: Actor, convocationId: number, s: AffectationSaisie, trace: Trace) {
  const p = porteeCentre(actor);
  const { c, m } = await exigerConvocationCentre(ctx, p, convocationId);
  const retenue = await verifierAffectation(ctx, m, s);
  if (!s.confirmerChevauchements) {
    const avertissement = await chevauchements(ctx, m.id, [{ id: c.personne_id, nom: c.nom, prenom: c.prenom }], s.dates);
    if (avertissement) throw new ConflitConvocation('CHEVAUCHEMENT', avertissement);
  }
  await exigerReponseCOEC(ctx, m, s, false);
  const avant = {
    qualiteId: c.qualite_id,
    commissionId: c.commission_id,
    juryId: c.jury_id,
    salleId: c.salle_id,
    codeSalle: c.code_salle,
    observation: c.observation,
    propres: await repo.datesConvocation(ctx.db, c.id),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('convocation')
      .set({
        qualite_id: retenue.qualiteId,
        commission_id: retenue.commissionId,
        jury_id: retenue.juryId,
        salle_id: retenue.salleId,
        code_salle: s.codeSalle || null,
        observation: s.observation,
        dates_specifiques: retenue.propres.length > 0,
        modifiee_par: actor.compteId,
        modifie_le: ctx.clock.now(),
      })
      .where('id', '=', c.id)
      .execute();
    await trx.deleteFrom('convocation_date').where('convocation_id', '=', c.id).execute();
    if (retenue.propres.length) {
      await trx
        .insertInto('convocation_date')
        .values(retenue.propres.map((d) => ({ convocation_id: c.id, jour: d.jour, heure_debut: d.heureDebut, heure_fin: d.heureFin })))
        .execute();
    }
    if (m.type_mission === TYPE_COEC && s.reporterSurMission === true) await reporterSurMission(trx, actor, trace, m, s);
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.modifier', entite: 'convocation', entiteId: c.id, avant, apres: { ...retenue, codeSalle: s.codeSalle, observation: s.observation } });
    await synchroniserIndisponibilitesAutreAcademie(trx, [c.id]);
  });
  return {
    id: c.id,
    message: `Convocation de ${c.nom} ${c.prenom} modifiée (mission n° ${m.numero}).`,
    reportSurMission: m.type_mission === TYPE_COEC && s.reporterSurMission === true,
    avertissementHLP: await messageHLP(ctx, m),
  };
}

/** The convocation as the form "Détail de l'affectation" reopens it. */
export async function lireConvocation(ctx: AppContext, actor: Actor, convocationId: number) {
  const p = porteeCentre(actor);
  const { c, m } = await exigerConvocationCentre(ctx, p, convocationId);
  const propres = await repo.datesConvocation(ctx.db, c.id);
  let dates = propres;
  if (dates.length === 0) {
    const ks = await repo.commissions(ctx.db, m.id);
    const k = ks.find((x) => x.id === c.commission_id);
    dates = k?.dates.length ? k.dates : await repo.datesMission(ctx.db, m.id);
  }
  return {
    id: c.id,
    missionId: m.id,
    personne: { id: c.personne_id, nom: c.nom, prenom: c.prenom },
    qualiteId: c.qualite_id,
    commissionId: c.commission_id,
    juryId: c.jury_id,
    salleId: c.salle_id,
    codeSalle: c.code_salle ?? '',
    observation: c.observation,
    dates,
  };
}

/** Deletes a convocation of the centre, unless its frais is being processed (003 §4.2.2). */
export async function supprimerConvocation(ctx: AppContext, actor: Actor, convocationId: number, trace: Trace) {
  const p = porteeCentre(actor);
  const { c, m } = await exigerConvocationCentre(ctx, p, convocationId);
  await ctx.db.transaction().execute(async (trx) => {
    const frais = await repo.etatFrais(trx, c.id);
    if (frais && FRAIS_EN_COURS.has(frais.statut)) throw new AppError('CONFLIT', MESSAGE_FRAIS_EN_COURS);
    if (frais) await trx.deleteFrom('etat_frais').where('id', '=', frais.id).execute();
    // Its dates and the indisponibilités it gave elsewhere go with it (on delete cascade).
    await trx.deleteFrom('convocation').where('id', '=', c.id).execute();
    await audit(trx, contexteAudit(actor, trace), {
      action: 'convocation.supprimer',
      entite: 'convocation',
      entiteId: c.id,
      avant: { mission: m.numero, personneId: c.personne_id, nom: `${c.nom} ${c.prenom}`, qualiteId: c.qualite_id, commissionId: c.commission_id, etatFrais: frais?.statut ?? null },
    });
  });
  return { message: `Convocation de ${c.nom} ${c.prenom} supprimée : l'intervenant n'est plus convoqué sur la mission n° ${m.numero}.` };
}

// ---------------------------------------------------------------------------------------------
// Editions and mails

/** The convocation PDF, named nom_prénom, with the identifiant and temporary password (004 §2). */
export async function pdfConvocation(ctx: AppContext, actor: Actor, convocationId: number, trace: Trace): Promise<FichierGenere> {
  const p = porteeCentre(actor);
  await exigerConvocationCentre(ctx, p, convocationId);
  const maintenant = ctx.clock.now();
  const [d] = await ctx.db.transaction().execute(async (trx) => {
    const r = await chargerConvocationsAvecAcces(ctx, trx, [convocationId]);
    await trx.updateTable('convocation').set({ editee_le: maintenant }).where('id', '=', convocationId).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.editer', entite: 'convocation', entiteId: convocationId });
    return r;
  });
  if (!d) throw introuvable(CONVOCATION_INTROUVABLE);
  return { flux: genererConvocationPdf(d, { editeLe: maintenant }), fichier: nomFichierConvocation(d), typeMime: TYPE_PDF };
}

/** Mails the convocation (professional address first), with a copy to the centre. */
export async function mailConvocation(ctx: AppContext, actor: Actor, convocationId: number, trace: Trace) {
  const p = porteeCentre(actor);
  const { c } = await exigerConvocationCentre(ctx, p, convocationId);
  const a = adresseIntervenant({ pro: c.email_pro?.trim() || null, perso: c.email_perso?.trim() || null });
  if (!a) {
    throw invalide(`${c.nom} ${c.prenom} n'a pas d'adresse électronique connue (ni professionnelle ni personnelle) : téléchargez la convocation en PDF pour la lui remettre.`);
  }
  const copie = await adresseCopie(ctx, p.etablissementId, actor.compteId);
  const maintenant = ctx.clock.now();
  // The account (identifiant, temporary password) first; the PDF is then stored and attached.
  const [d] = await ctx.db.transaction().execute((trx) => chargerConvocationsAvecAcces(ctx, trx, [convocationId]));
  if (!d) throw introuvable(CONVOCATION_INTROUVABLE);
  const fichier = nomFichierConvocation(d);
  const doc = await enregistrerDocument(ctx, {
    nom: fichier,
    typeMime: TYPE_PDF,
    body: genererConvocationPdf(d, { editeLe: maintenant }),
    academieCode: p.academieCode,
    compteId: actor.compteId,
    etablissementId: p.etablissementId,
    visibilite: 'etablissement',
  });
  const { objet, texte } = courrielConvocation(d);
  await ctx.db.transaction().execute(async (trx) => {
    await envoyerMail(ctx, trx, { academieCode: p.academieCode, a: [a], cc: copie ? [copie] : [], objet, texte, piecesJointes: [{ documentId: doc.id, nom: fichier }] });
    await trx.updateTable('convocation').set({ envoyee_le: maintenant, editee_le: maintenant }).where('id', '=', c.id).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.envoyer', entite: 'convocation', entiteId: c.id, apres: { a, copie } });
  });
  return { a, copie, message: `Convocation de ${c.nom} ${c.prenom} envoyée à ${a}${copie ? ` (copie à ${copie})` : ''}.` };
}

/** The centre's convocations of the mission among `ids` (the displayed ones), all of them without `ids`. */
async function convocationsDuCentre(ctx: AppContext, p: PorteeCentre, missionId: number, ids: readonly number[] | undefined) {
  const rows = (await repo.convocationsMission(ctx.db, missionId)).filter((c) => duCentre(c, p));
  const retenues = ids ? rows.filter((c) => ids.includes(c.id)) : rows;
  if (retenues.length === 0) {
    throw invalide("Aucune convocation créée par votre centre n'est affichée pour cette mission : il n'y a rien à télécharger ni à envoyer.");
  }
  return retenues;
}

/** "Télécharger convocations (zip)" (003 §4.2.4): one PDF per convocation of the centre, SIGLE_MISSION_AAAAMMJJ.zip. */
export async function zipConvocations(ctx: AppContext, actor: Actor, missionId: number, ids: readonly number[] | undefined, trace: Trace): Promise<FichierGenere & { nombre: number }> {
  const p = porteeCentre(actor);
  const m = await exigerMission(ctx, p, missionId);
  const retenues = await convocationsDuCentre(ctx, p, m.id, ids);
  const cids = retenues.map((c) => c.id);
  const maintenant = ctx.clock.now();
  const donnees = await ctx.db.transaction().execute(async (trx) => {
    const d = await chargerConvocationsAvecAcces(ctx, trx, cids);
    await trx.updateTable('convocation').set({ editee_le: maintenant }).where(repo.parmi('id', cids)).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.editer-zip', entite: 'mission', entiteId: m.id, apres: { mission: m.numero, convocations: cids } });
    return d;
  });
  // Independent documents: built side by side in the PDF workshop's worker threads, a few ahead of the
  // one being written into the ZIP (decision 0026).
  const prets = enAvance(
    donnees.map((d) => () => pdfEnAtelier({ module: MODULE_CONVOCATION_PDF, fonction: 'genererConvocationPdf', arguments: [d, { editeLe: maintenant }] })),
    fenetrePdf() * 2,
  );
  const flux = genererZip(
    donnees.map((d) => ({ nom: nomFichierConvocation(d), contenu: async () => (await prets.next()).value!, dejaCompresse: true })),
    { date: maintenant },
  );
  return { flux, fichier: nomZipConvocations(m.sigle, m.numero, isoParis(maintenant)), typeMime: TYPE_ZIP, nombre: donnees.length };
}

/** "Envoyer convocations par mail" (003 §4.2.5): a treatment with its compte rendu. */
export async function lancerEnvoi(ctx: AppContext, actor: Actor, missionId: number, ids: readonly number[] | undefined, trace: Trace) {
  const p = porteeCentre(actor);
  const m = await exigerMission(ctx, p, missionId);
  const retenues = await convocationsDuCentre(ctx, p, m.id, ids);
  const parametres: ParametresEnvoi = { missionId: m.id, convocationIds: retenues.map((c) => c.id), etablissementId: p.etablissementId, compteId: actor.compteId };
  const t = await ctx.db.transaction().execute(async (trx) => {
    const r = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_ENVOI_CONVOCATIONS,
      titre: `Envoi des convocations de la mission n° ${m.numero}`,
      parametres,
      academieCode: p.academieCode,
      creePar: actor.compteId,
      etablissementId: p.etablissementId,
      visibilite: 'etablissement',
    });
    await audit(trx, contexteAudit(actor, trace), { action: 'convocation.envoi-groupe', entite: 'mission', entiteId: m.id, apres: { traitement: r.id, convocations: parametres.convocationIds } });
    return r;
  });
  const n = retenues.length;
  return {
    traitementId: t.id,
    total: n,
    message: `Envoi par courriel de ${n} convocation${n > 1 ? 's' : ''} lancé : son compte rendu est dans l'activité « Comptes rendus des traitements ».`,
  };
}
