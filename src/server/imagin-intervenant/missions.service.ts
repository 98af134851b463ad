// « Consultation missions » of the intervenant (seed 004 §2.3, docs/decisions/0020): the missions to
// which the signed-in person is convoked by the académie of his session, and one tab per other académie
// that convoked him (read-only, from that académie's convocations); the pop-up of one mission; the
// duplicata of each convocation, the same PDF the centre and the gestionnaire produce. Scope: the
// actor's own person (actor.personneId), whatever id or académie the request names: another person's
// convocation answers 404, a tab of an académie that did not convoke him is empty.
import { intituleAcademie } from '../../domain/referentiel/academies.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { chargerConvocations, libelleEtablissement, libelleSession } from '../imagin/convocation.repo.ts';
import { genererConvocationPdf, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import { contexteAudit, datesDetaillees, libelleJury, libelleSalle } from '../imagin-centre/consultation-missions.service.ts';
import type { FichierGenere } from '../imagin-etablissement/personnels.service.ts';
import * as repo from './missions.repo.ts';
import type { LigneConvocation } from './missions.repo.ts';

export const BASE = '/api/intervenant/missions';
export const CONVOCATION_INTROUVABLE = "Cette convocation n'existe pas ou ne vous concerne pas.";

/** The person the intervenant is; any other actor reaches nothing here. */
export function personneDe(actor: Actor): number {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable(CONVOCATION_INTROUVABLE);
  return actor.personneId;
}

// ---------------------------------------------------------------------------------------------
// Presentation

function libelleCentre(c: LigneConvocation): string | null {
  return c.centre_nom ? libelleEtablissement({ type: c.centre_type!, nom: c.centre_nom, commune: c.centre_commune! }) : null;
}

/** One row of « Liste des missions ». */
export function presenterLigne(c: LigneConvocation, academieSession: string) {
  return {
    convocationId: c.id,
    academieCode: c.academie_code,
    /** Convoked by another académie: shown in its tab, read-only. */
    lectureSeule: c.academie_code !== academieSession,
    numero: c.numero,
    /** « BCG 2026 »: the exam and its session year (the session in full in the pop-up). */
    examen: `${c.sigle} ${c.annee}`,
    type: c.type_libelle,
    centre: libelleCentre(c),
    qualite: c.qualite,
    debut: c.creneaux[0]?.jour ?? null,
    fin: c.creneaux.at(-1)?.jour ?? null,
    duplicata: `${BASE}/${c.id}/duplicata`,
  };
}

/** The pop-up of one mission (004 §2.3.2). */
export function presenterDetail(c: LigneConvocation, academieSession: string) {
  const centre = libelleCentre(c);
  return {
    ...presenterLigne(c, academieSession),
    academie: intituleAcademie({ nomMajuscule: c.academie_nom_majuscule, interAcademique: c.academie_inter }),
    /** « l'académie de Nantes », « le SIEC »: who convoked. */
    designationAcademie: c.academie_inter ? `le ${c.academie_libelle}` : `l'académie de ${c.academie_libelle}`,
    examenLibelle: `${c.sigle} - ${c.examen_libelle}`,
    session: libelleSession(c),
    specialite: c.specialite_code ? `${c.specialite_code} - ${c.specialite_libelle}` : null,
    epreuve: c.epreuve_code ? `${c.epreuve_code}, ${c.epreuve_libelle}` : null,
    centre: centre && c.centre_uai ? `${centre} (${c.centre_uai})` : null,
    adresseCentre: [c.centre_adresse, [c.centre_code_postal, c.centre_commune].filter((x) => x?.trim()).join(' ')].filter((x) => x?.trim()).join(', ') || null,
    lieu: c.lieu,
    jury: libelleJury(c),
    /** The qualité held in the jury (a convocation has one qualité: with a jury, it is his qualité in it). */
    qualiteJury: c.jury_code ? c.qualite : null,
    commission: c.commission,
    salle: libelleSalle(c),
    /** The mission's text for this person: the convocation's observation, else the mission's default one. */
    texte: c.observation.trim() || c.observation_defaut.trim(),
    dates: datesDetaillees(c.creneaux),
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

/**
 * « Liste des missions »: the tabs (the session's académie first, even when it convoked nothing, then
 * every other académie that convoked this person, by name) and the convoked missions of each.
 * `academie`: only that tab's rows (an académie that did not convoke him: none).
 */
export async function listerMissions(ctx: AppContext, actor: Actor, f: { academie?: string }) {
  const personneId = personneDe(actor);
  const session = actor.academieCode;
  const [academies, lignes, courante] = await Promise.all([
    repo.academiesDeLaPersonne(ctx.db, personneId),
    repo.convocations(ctx.db, personneId, f.academie ? { academieCode: f.academie } : {}),
    repo.academie(ctx.db, session),
  ]);
  const onglet = (a: { code: string; libelle: string; nom_majuscule: string; inter_academique: boolean }, convoquees: number, affectees: number) => ({
    code: a.code,
    libelle: a.inter_academique ? a.libelle : `Académie de ${a.libelle}`,
    /** « l'académie de Nantes », « le SIEC »: in the page's sentences. */
    designation: a.inter_academique ? `le ${a.libelle}` : `l'académie de ${a.libelle}`,
    intitule: intituleAcademie({ nomMajuscule: a.nom_majuscule, interAcademique: a.inter_academique }),
    courante: a.code === session,
    convoquees,
    /** Affected but not yet convoked (only in the session's académie: shown as a message, never as rows). */
    affectees,
  });
  const dela = academies.find((a) => a.code === session);
  const onglets = [
    ...(courante ? [onglet(courante, Number(dela?.convoquees ?? 0), Number(dela?.affectees ?? 0))] : []),
    ...academies
      .filter((a) => a.code !== session && Number(a.convoquees) > 0)
      .sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'))
      .map((a) => onglet(a, Number(a.convoquees), 0)),
  ];
  return { academieSession: session, onglets, total: lignes.length, lignes: lignes.map((c) => presenterLigne(c, session)) };
}

async function exigerConvocation(ctx: AppContext, personneId: number, convocationId: number): Promise<LigneConvocation> {
  const [c] = await repo.convocations(ctx.db, personneId, { convocationId });
  if (!c) throw introuvable(CONVOCATION_INTROUVABLE);
  return c;
}

/** The pop-up of one of his convoked missions, of any académie that convoked him. */
export async function detailMission(ctx: AppContext, actor: Actor, convocationId: number) {
  const c = await exigerConvocation(ctx, personneDe(actor), convocationId);
  return presenterDetail(c, actor.academieCode);
}

/**
 * The duplicata of one of his convocations: the convocation PDF the centre and the gestionnaire edit,
 * marked « Duplicata », dated as the convocation it copies, from the convoking académie's data. It
 * prints his identifiant and never a password: the temporary one is only printed while the person has
 * never chosen his own (compte-intervenant.ts), and a session with a temporary password reaches no
 * activity (the platform asks to change it first) — this copy is always for someone who has.
 */
export async function duplicata(ctx: AppContext, actor: Actor, convocationId: number, trace: { ip?: string; requestId?: string }): Promise<FichierGenere> {
  const personneId = personneDe(actor);
  const c = await exigerConvocation(ctx, personneId, convocationId);
  const [donnees] = await chargerConvocations(ctx.db, [c.id]);
  if (!donnees || donnees.intervenant.id !== personneId) throw introuvable(CONVOCATION_INTROUVABLE);
  const login = await repo.identifiant(ctx.db, personneId);
  donnees.acces = login ? { identifiant: login, motDePasseProvisoire: null } : null;
  await audit(ctx.db, contexteAudit(actor, trace), {
    action: 'convocation.duplicata',
    entite: 'convocation',
    entiteId: c.id,
    apres: { personneId, mission: c.numero, academie: c.academie_code, depuis: 'intervenant' },
  });
  return { flux: genererConvocationPdf(donnees, { editeLe: ctx.clock.now(), duplicata: true }), fichier: nomFichierConvocation(donnees), typeMime: 'application/pdf' };
}
