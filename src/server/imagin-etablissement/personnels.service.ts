// "Consultation des personnels" (003 §3.1): the établissement's personnels, filtered by availability
// or convocation over a period; for one agent, his convoked affectations (with the duplicata of each
// convocation), his indisponibilités and his enseignements. Every read is scoped to the personnels of
// the actor's établissement: another person's id answers 404, whatever the route.
import type { Readable } from 'node:stream';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { chargerConvocations } from '../imagin/convocation.repo.ts';
import { genererConvocationPdf, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import * as repo from './imagin-etablissement.repo.ts';
import type { FiltrePeriode, Portee } from './imagin-etablissement.repo.ts';
import {
  dateIso,
  debut,
  LIBELLE_SOURCE,
  libelleCentre,
  libelleEpreuve,
  libelleExamen,
  libelleSpecialite,
  libelleStatut,
  libellesDatesAffectation,
  trierAffectations,
} from './presentation.ts';

export const PERSONNEL_INTROUVABLE = "Ce personnel n'existe pas ou n'exerce pas dans votre établissement.";

/** The établissement a chef d'établissement acts for; any other actor reaches nothing here. */
export function portee(actor: Actor): Portee {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable();
  return { academieCode: actor.academieCode, etablissementId: actor.etablissementId };
}

export function contexteAudit(actor: Actor, trace: { ip?: string; requestId?: string }) {
  return { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null };
}

export async function exigerPersonnel(ctx: AppContext, p: Portee, personneId: number) {
  const r = await repo.personnel(ctx.db, p, personneId);
  if (!r) throw introuvable(PERSONNEL_INTROUVABLE);
  return r;
}

export function presenterEntete(r: Awaited<ReturnType<typeof repo.personnel>> & object) {
  return {
    id: r.id,
    civilite: r.civilite,
    nom: r.nom,
    prenom: r.prenom,
    dateNaissance: r.date_naissance,
    disciplinePoste: r.discipline_poste,
    principal: r.principal,
    derniereConvocation: dateIso(r.derniere_convocation),
  };
}

export async function listerPersonnels(ctx: AppContext, actor: Actor, filtre: FiltrePeriode | null) {
  const p = portee(actor);
  const rows = await repo.personnels(ctx.db, p, filtre ?? undefined);
  return {
    filtre,
    total: rows.length,
    lignes: rows.map((r) => ({
      id: r.id,
      civilite: r.civilite,
      nom: r.nom,
      prenom: r.prenom,
      disciplinePoste: r.discipline_poste,
      derniereConvocation: dateIso(r.derniere_convocation),
      principal: r.principal,
    })),
  };
}

export async function fichePersonnel(ctx: AppContext, actor: Actor, personneId: number) {
  return presenterEntete(await exigerPersonnel(ctx, portee(actor), personneId));
}

/** "Affectations convoquées": the convocations of the académie, with a message for those affected but not convoked yet. */
export async function affectationsConvoquees(ctx: AppContext, actor: Actor, personneId: number) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const toutes = await repo.affectations(ctx.db, [personneId], { academieCode: p.academieCode });
  const convoquees = trierAffectations(toutes.filter((a) => a.statut === 'convoquee'));
  const nonConvoquees = toutes.length - convoquees.length;
  return {
    total: convoquees.length,
    lignes: convoquees.map((a) => ({
      convocationId: a.id,
      numeroMission: a.numero,
      debut: debut(a),
      examen: libelleExamen(a),
      mission: a.type_libelle,
      centreExamen: libelleCentre(a),
      qualite: a.qualite,
      specialite: libelleSpecialite(a),
      epreuveOption: libelleEpreuve(a),
      commission: a.commission,
      jury: a.jury,
      dates: libellesDatesAffectation(a),
      statut: libelleStatut(a),
      duplicata: `/api/etablissement/consultation/personnels/${personneId}/affectations/${a.id}/duplicata`,
    })),
    nonConvoquees,
    message:
      nonConvoquees === 0
        ? null
        : nonConvoquees === 1
          ? "Une mission est affectée à cet agent mais n'est pas encore convoquée."
          : `${nonConvoquees} missions sont affectées à cet agent mais ne sont pas encore convoquées.`,
  };
}

export interface FichierGenere {
  flux: Readable;
  fichier: string;
  typeMime: string;
}

/** The duplicata of a convocation of the académie, as PDF (003 §3.1). */
export async function duplicataConvocation(ctx: AppContext, actor: Actor, personneId: number, convocationId: number, trace: { ip?: string; requestId?: string }): Promise<FichierGenere> {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const c = await repo.convocationDe(ctx.db, personneId, convocationId, p.academieCode);
  if (!c || c.statut !== 'convoquee') throw introuvable("Cette convocation n'existe pas ou ne vous est pas accessible.");
  const [donnees] = await chargerConvocations(ctx.db, [convocationId]);
  if (!donnees) throw introuvable("Cette convocation n'existe pas ou ne vous est pas accessible.");
  // A convocation carries personal data: who printed a copy is kept.
  await audit(ctx.db, contexteAudit(actor, trace), { action: 'convocation.duplicata', entite: 'convocation', entiteId: convocationId, apres: { personneId, mission: donnees.mission.numero } });
  return { flux: genererConvocationPdf(donnees, { editeLe: ctx.clock.now(), duplicata: true }), fichier: nomFichierConvocation(donnees), typeMime: 'application/pdf' };
}

export function presenterIndisponibilite(r: Awaited<ReturnType<typeof repo.indisponibilites>>[number], p: Portee, personneId: number, base: string) {
  const autreAcademie = r.source === 'CONVOCATION' && r.convocation_id !== null && r.convocation_academie !== null && r.convocation_academie !== p.academieCode;
  return {
    id: r.id,
    dateDebut: r.date_debut,
    heureDebut: r.heure_debut.slice(0, 5),
    dateFin: r.date_fin,
    heureFin: r.heure_fin.slice(0, 5),
    motif: r.motif,
    source: r.source,
    libelleSource: LIBELLE_SOURCE[r.source] ?? r.source,
    /** Only those this établissement declared may be deleted (003 §3.2.1.1). */
    supprimable: r.source === 'ETABLISSEMENT' && r.etablissement_id === p.etablissementId,
    declareePar: r.source === 'ETABLISSEMENT' ? r.etablissement_uai : null,
    convocationAutreAcademie: autreAcademie,
    recapitulatif: autreAcademie ? `${base}/${personneId}/indisponibilites/${r.id}/convocation` : null,
  };
}

/** "Indisponibilités" tab: the declared periods, the most recent start first. */
export async function indisponibilitesConsultation(ctx: AppContext, actor: Actor, personneId: number) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const rows = await repo.indisponibilites(ctx.db, personneId);
  return { total: rows.length, lignes: rows.map((r) => presenterIndisponibilite(r, p, personneId, '/api/etablissement/consultation/personnels')) };
}

/**
 * The summary of the convocation by another académie behind an indisponibilité "CONVOCATION PAR
 * IMAG'IN TOULOUSE" (003 §3.1.3.2).
 */
export async function recapitulatifConvocation(ctx: AppContext, actor: Actor, personneId: number, indisponibiliteId: number) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const i = await repo.indisponibilite(ctx.db, personneId, indisponibiliteId);
  if (!i || i.source !== 'CONVOCATION' || !i.convocation_id) throw introuvable("Cette indisponibilité ne provient pas d'une convocation.");
  const [d] = await chargerConvocations(ctx.db, [i.convocation_id]);
  if (!d || d.intervenant.id !== personneId) throw introuvable("La convocation à l'origine de cette indisponibilité n'existe plus.");
  return {
    academie: `Académie de ${d.academie.libelle}`,
    statut: d.statut === 'convoquee' ? 'Convoquée' : 'Affectée, non convoquée',
    numeroMission: d.mission.numero,
    mission: d.mission.type,
    session: d.mission.session,
    specialite: d.mission.specialite,
    epreuveOption: d.mission.epreuve,
    centreExamen: d.centre ? `${d.centre.libelle} (${d.centre.uai})` : null,
    adresseCentre: d.centre ? [d.centre.adresse, d.centre.codePostal, d.centre.commune].filter(Boolean).join(' ') : null,
    lieu: d.mission.lieu,
    qualite: d.qualite,
    commission: d.commission,
    jury: d.jury,
    salle: d.salle,
    observation: d.observation || null,
    dates: d.creneaux.map((c) => ({ jour: c.jour, heureDebut: c.heureDebut, heureFin: c.heureFin })),
  };
}

export function presenterEnseignement(r: Awaited<ReturnType<typeof repo.enseignements>>[number]) {
  return {
    id: r.id,
    etablissement: `${r.etablissement_type} ${r.etablissement_nom} ${r.etablissement_commune}`,
    uai: r.uai,
    anneeScolaire: r.annee_scolaire,
    mef: r.mef_libelle,
    mefCode: r.mef_code,
    typeMef: r.type_mef,
    matiere: r.matiere,
    modaliteCours: r.modalite_cours,
    structure: r.structure,
  };
}

/** "Enseignements" tab: read-only, imported from STS-WEB. */
export async function enseignementsConsultation(ctx: AppContext, actor: Actor, personneId: number) {
  await exigerPersonnel(ctx, portee(actor), personneId);
  const rows = await repo.enseignements(ctx.db, [personneId]);
  return { total: rows.length, lignes: rows.map(presenterEnseignement) };
}

export async function anneesMissions(ctx: AppContext, actor: Actor) {
  const p = portee(actor);
  const annees = await repo.anneesMissions(ctx.db, p);
  const courante = Number(ctx.clock.now().toISOString().slice(0, 4));
  return { annees, parDefaut: annees.includes(courante) ? [courante] : annees.slice(0, 1) };
}
