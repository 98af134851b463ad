// "Consultation des missions" (003 §4.1): the missions of the centre d'examen that have convoked
// intervenants, filtered by session year and exam; for one mission, its header, its convoked
// intervenants with the detail of their affectation, and the duplicata of each convocation. Scope:
// the missions whose centre is the actor's établissement in the académie the actor works in; any
// other mission, or a convocation of another mission, answers 404 whatever the id asked.
import { anneesProposees } from '../../domain/imagin/convocations.ts';
import { dateFr, dateLongue, heureCourte, type Creneau } from '../../domain/imagin/dates.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { chargerConvocations, libelleEtablissement, libelleSession } from '../imagin/convocation.repo.ts';
import { genererConvocationPdf, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import type { FichierGenere } from '../imagin-etablissement/personnels.service.ts';
import * as repo from './consultation-missions.repo.ts';
import type { LigneIntervenant, LigneMission, PorteeCentre } from './consultation-missions.repo.ts';
import type { FiltreMissions } from './consultation-missions.schemas.ts';

export const MISSION_INTROUVABLE = "Cette mission n'existe pas ou ne se déroule pas dans votre centre d'examen.";
export const CONVOCATION_INTROUVABLE = "Cette convocation n'existe pas ou ne concerne pas cette mission.";
export const BASE = '/api/centre/consultation';

/** The centre a chef d'établissement acts for, in the académie of his session; any other actor reaches nothing. */
export function porteeCentre(actor: Actor): PorteeCentre {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable(MISSION_INTROUVABLE);
  return { academieCode: actor.academieCode, centreId: actor.etablissementId };
}

export function contexteAudit(actor: Actor, trace: { ip?: string; requestId?: string }) {
  return { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null };
}

export function anneeCourante(ctx: AppContext): number {
  return Number(ctx.clock.now().toISOString().slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Presentation

export function libelleSpecialite(m: Pick<LigneMission, 'specialite_code' | 'specialite_libelle'>): string | null {
  return m.specialite_code ? `${m.specialite_code} - ${m.specialite_libelle}` : null;
}

export function libelleEpreuve(m: Pick<LigneMission, 'epreuve_code' | 'epreuve_libelle'>): string | null {
  return m.epreuve_code ? `${m.epreuve_code}, ${m.epreuve_libelle}` : null;
}

export function presenterMission(m: LigneMission) {
  return {
    id: m.id,
    numero: m.numero,
    session: libelleSession(m),
    examen: m.sigle,
    annee: m.annee,
    specialite: libelleSpecialite(m),
    epreuveOption: libelleEpreuve(m),
    type: m.type_libelle,
    debut: m.debut,
    nbIntervenants: m.nb,
  };
}

/** "LPO BELLEVUE TOULOUSE CEDEX 4", as the seed's list prints the établissement principal. */
export function libellePrincipal(i: LigneIntervenant): string | null {
  return i.principal_nom ? libelleEtablissement({ type: i.principal_type!, nom: i.principal_nom, commune: i.principal_commune! }) : null;
}

/**
 * The last column of the list (003 §4.1.3): "Dates spécifiques <date de début>" for a partial or
 * specific affectation, "Commission <n°> <date de début>" for an affectation on a commission without
 * dates of its own, nothing otherwise.
 */
export function libelleDatesSpecifiques(i: Pick<LigneIntervenant, 'origineDates' | 'commission' | 'creneaux'>): string {
  const premier = i.creneaux[0];
  if (i.origineDates === 'convocation' && premier) return `Dates spécifiques ${dateFr(premier.jour)}`;
  if (i.commission) return `Commission ${i.commission}${premier ? ` ${dateFr(premier.jour)}` : ''}`;
  return '';
}

export function libelleJury(i: Pick<LigneIntervenant, 'jury_code' | 'jury_libelle'>): string | null {
  return i.jury_code ? (i.jury_libelle ? `${i.jury_code} - ${i.jury_libelle}` : i.jury_code) : null;
}

/** "S12 - Salle des actes (code salle : B204)". */
export function libelleSalle(i: Pick<LigneIntervenant, 'salle_code' | 'salle_libelle' | 'code_salle'>): string | null {
  const salle = i.salle_code ? (i.salle_libelle ? `${i.salle_code} - ${i.salle_libelle}` : i.salle_code) : null;
  const code = i.code_salle?.trim() ? `code salle : ${i.code_salle.trim()}` : null;
  if (salle && code) return `${salle} (${code})`;
  return salle ?? (code ? code.charAt(0).toUpperCase() + code.slice(1) : null);
}

/** "vendredi 17 juin 2016 08:00": the début and fin of each date, with the weekday. */
export function datesDetaillees(creneaux: readonly Creneau[]) {
  return creneaux.map((c) => ({
    jour: c.jour,
    heureDebut: heureCourte(c.heureDebut),
    heureFin: heureCourte(c.heureFin),
    debut: `${dateLongue(c.jour)} ${heureCourte(c.heureDebut)}`,
    fin: `${dateLongue(c.jour)} ${heureCourte(c.heureFin)}`,
  }));
}

export function observation(i: Pick<LigneIntervenant, 'observation'>, m: Pick<LigneMission, 'observation_defaut'>): string {
  return i.observation.trim() || m.observation_defaut.trim();
}

export function presenterIntervenant(i: LigneIntervenant, m: LigneMission) {
  return {
    convocationId: i.id,
    civilite: i.civilite,
    nom: i.nom,
    prenom: i.prenom,
    etablissementPrincipal: libellePrincipal(i),
    telPerso: i.tel_perso,
    telPro: i.tel_pro,
    qualite: i.qualite,
    datesSpecifiques: libelleDatesSpecifiques(i),
    commission: i.commission,
    jury: libelleJury(i),
    juryId: i.jury_id,
    salle: libelleSalle(i),
    observation: observation(i, m),
    origine: i.origine === 'centre' ? 'Convoquée par centre' : 'Convoquée',
    dates: datesDetaillees(i.creneaux),
    duplicata: `${BASE}/missions/${m.id}/intervenants/${i.id}/duplicata`,
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The years the « Année » filter offers (current − 3 … current + 1), and the exams of the centre's missions. */
export async function filtres(ctx: AppContext, actor: Actor) {
  const p = porteeCentre(actor);
  const courante = anneeCourante(ctx);
  const annees = anneesProposees(courante);
  const examens = await repo.examens(ctx.db, p, annees);
  return {
    annees,
    anneeCourante: courante,
    examens: examens.map((x) => ({ code: x.code, sigle: x.sigle, libelle: `${x.sigle} - ${x.libelle}` })),
  };
}

/** Years asked for must be among those offered; none asked: all of them. */
export function anneesDemandees(ctx: AppContext, demandees: readonly number[]): number[] {
  const proposees = anneesProposees(anneeCourante(ctx));
  const hors = demandees.filter((a) => !proposees.includes(a));
  if (hors.length) {
    throw champInvalide('annees', `L'année ${hors[0]} n'est pas proposée : choisissez une année de ${proposees[0]} à ${proposees.at(-1)}.`);
  }
  return demandees.length ? [...new Set(demandees)].sort() : proposees;
}

export async function listerMissions(ctx: AppContext, actor: Actor, f: FiltreMissions) {
  const p = porteeCentre(actor);
  const annees = anneesDemandees(ctx, f.annees);
  const rows = await repo.missions(ctx.db, p, { annees, examens: f.examens });
  return { annees, examens: f.examens, total: rows.length, lignes: rows.map(presenterMission) };
}

export async function exigerMission(ctx: AppContext, p: PorteeCentre, id: number): Promise<LigneMission> {
  const m = await repo.mission(ctx.db, p, id);
  if (!m) throw introuvable(MISSION_INTROUVABLE);
  return m;
}

export async function enteteMission(ctx: AppContext, actor: Actor, id: number) {
  const m = await exigerMission(ctx, porteeCentre(actor), id);
  return presenterMission(m);
}

export async function intervenantsMission(ctx: AppContext, actor: Actor, id: number) {
  const m = await exigerMission(ctx, porteeCentre(actor), id);
  const rows = await repo.intervenants(ctx.db, [m.id]);
  return { total: rows.length, lignes: rows.map((i) => presenterIntervenant(i, m)) };
}

/** The duplicata of a convoked convocation of this mission (003 §4.1.3), as PDF. */
export async function duplicata(ctx: AppContext, actor: Actor, missionId: number, convocationId: number, trace: { ip?: string; requestId?: string }): Promise<FichierGenere> {
  const m = await exigerMission(ctx, porteeCentre(actor), missionId);
  const dedans = await repo.convocationsConvoquees(ctx.db, m.id, [convocationId]);
  if (!dedans.has(convocationId)) throw introuvable(CONVOCATION_INTROUVABLE);
  const [donnees] = await chargerConvocations(ctx.db, [convocationId]);
  if (!donnees) throw introuvable(CONVOCATION_INTROUVABLE);
  // A convocation carries personal data: who printed a copy is kept.
  await audit(ctx.db, contexteAudit(actor, trace), {
    action: 'convocation.duplicata',
    entite: 'convocation',
    entiteId: convocationId,
    apres: { personneId: donnees.intervenant.id, mission: donnees.mission.numero, depuis: 'consultation-missions' },
  });
  return { flux: genererConvocationPdf(donnees, { editeLe: ctx.clock.now(), duplicata: true }), fichier: nomFichierConvocation(donnees), typeMime: 'application/pdf' };
}
