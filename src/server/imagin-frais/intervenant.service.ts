// The intervenant's « Saisie/consultation états de frais » (issue 16, seed 004 §2.4, decision 0028):
// the académie's conditions d'utilisation (accepted once per version, before anything else), the list
// of his états in an académie and the académies where he has others, one état (EtatFraisVue, also read
// by the gestionnaire and the récapitulatif through vueEtat), the first-access choice (« Mission non
// effectuée » / « Compléter ») and « Enregistrer ». Scope: the actor's own person (actor.personneId),
// whatever id the request names — another's état is 404. Every change carries the version the page saw
// (stale: 409 naming who changed it and when) and is audited.
import { dateFr, isoParis } from '../../domain/imagin/dates.ts';
import { chiffreSaisi } from '../../domain/imagin/constat.ts';
import { deplacementOuvert as ouvreDeplacement, lignePreremplie as preremplir, missionsInvalidables, montantDeplacement, normaliserLigne, tauxVersVue, verifierLignes, type TauxDeplacementVue } from '../../domain/imagin/frais/deplacement.ts';
import { piecesRequises } from '../../domain/imagin/frais/pieces.ts';
import {
  chiffreCompare,
  libelleSaisie,
  MESSAGE_MINISTERE,
  montantRemuneration,
  remunerationLectureSeule,
  saisieAttendue as attendueDe,
  tauxApplicables,
  verifierRemuneration,
} from '../../domain/imagin/frais/remuneration.ts';
import { messagesSuivi, premierAcces, saisieModifiable, statutsAffiches } from '../../domain/imagin/frais/statuts.ts';
import type { EtatFraisVue, EtatWorkflow, LigneDeplacement, SaisieRemuneration } from '../../domain/imagin/frais/types.ts';
import { LIBELLE_STATUT } from '../../domain/imagin/frais/types.ts';
import { libelleEtablissement } from '../imagin/convocation.repo.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { lireLignes, remplacerLignes, tauxDeplacement } from './deplacement.repo.ts';
import * as repo from './intervenant.repo.ts';
import type { EnregistrerSaisie } from './intervenant.schemas.ts';
import { parametresDeLAcademie } from './parametres.service.ts';

export const BASE = '/api/intervenant/etats-frais';
export const ETAT_INTROUVABLE = "Cet état de frais n'existe pas ou ne vous concerne pas.";
export { MESSAGE_MINISTERE };

/** The person the intervenant is; any other actor reaches nothing here. */
export function personneDe(actor: Actor): number {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable(ETAT_INTROUVABLE);
  return actor.personneId;
}

const aujourdhui = (ctx: AppContext) => isoParis(ctx.clock.now());
const heureParis = (d: Date) => d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const quand = (d: Date) => `le ${dateFr(isoParis(d))} à ${heureParis(d)}`;
const isoOuNul = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const jourParis = (v: unknown): string | null => (v === null || v === undefined ? null : isoParis(new Date(v as string)));

// ---------------------------------------------------------------------------------------------
// Conditions d'utilisation

export interface EtatConditions {
  academieCode: string;
  texte: string;
  version: number;
  acceptee: boolean;
  accepteeLe: string | null;
}

export async function conditionsDe(db: repo.Executeur, personneId: number, academieCode: string): Promise<EtatConditions> {
  const p = await parametresDeLAcademie(db, academieCode);
  const a = await repo.acceptation(db, personneId, academieCode, p.conditionsVersion);
  return { academieCode, texte: p.conditionsTexte, version: p.conditionsVersion, acceptee: !!a, accepteeLe: isoOuNul(a?.accepte_le) };
}

export const CONDITIONS_A_ACCEPTER =
  "Vous devez d'abord accepter les conditions d'utilisation du service de saisie des états de frais de cette académie : ouvrez « Saisie/consultation états de frais », cochez « J'ai lu et j'accepte les conditions relatives à l'utilisation du service », puis validez.";

/**
 * Refuses (409) while the person has not accepted the current version of the académie's conditions.
 * For every route of the intervenant's états de frais (the receipts and the validation included).
 */
export async function exigerConditions(db: repo.Executeur, personneId: number, academieCode: string): Promise<void> {
  const c = await conditionsDe(db, personneId, academieCode);
  if (!c.acceptee) throw conflit(CONDITIONS_A_ACCEPTER);
}

export async function accepterConditions(ctx: AppContext, actor: Actor, d: { academie?: string; version: number }, trace: Trace) {
  const personneId = personneDe(actor);
  const academieCode = d.academie ?? actor.academieCode;
  if (!(await repo.academie(ctx.db, academieCode))) throw introuvable("Cette académie n'existe pas.");
  const c = await conditionsDe(ctx.db, personneId, academieCode);
  if (c.version !== d.version) {
    throw conflit("Les conditions d'utilisation ont été modifiées par le gestionnaire depuis l'affichage de cette page : rechargez la page pour lire le nouveau texte, puis acceptez-le.");
  }
  const le = ctx.clock.now();
  const nouvelle = await repo.accepter(ctx.db, personneId, academieCode, c.version, le);
  if (nouvelle) {
    await audit(ctx.db, contexteAudit(actor, trace), {
      action: 'etats-frais.conditions',
      entite: 'frais_conditions_acceptation',
      entiteId: `${personneId}/${academieCode}`,
      apres: { academie: academieCode, version: c.version },
    });
  }
  return { ...(await conditionsDe(ctx.db, personneId, academieCode)), message: "Vous avez accepté les conditions d'utilisation du service." };
}

// ---------------------------------------------------------------------------------------------
// Presentation

function libelleCentre(e: repo.EtatLu): string | null {
  return e.centre_nom ? libelleEtablissement({ type: e.centre_type!, nom: e.centre_nom, commune: e.centre_commune! }) : null;
}

function lireSaisie(v: unknown): SaisieRemuneration | null {
  if (v === null || v === undefined) return null;
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as SaisieRemuneration;
  return o && typeof o === 'object' && 'type' in o ? o : null;
}

function attendue(e: repo.EtatLu) {
  return attendueDe({ mode: e.mode_remuneration, typeCode: e.type_code, typeLibelle: e.type_libelle, epreuveCode: e.epreuve_code, correctionDematerialisee: e.correction_dematerialisee });
}

function ouvert(e: repo.EtatLu): boolean {
  return ouvreDeplacement({
    correctionDematerialisee: e.correction_dematerialisee,
    communeMission: e.centre_commune ?? e.lieu,
    communeResidenceAdministrative: e.commune_affectation,
    communeResidenceFamiliale: e.commune_personne || null,
  });
}

/** The convocations of the person's états on the same first days, and which of them are « Invalidable ». */
async function invalidables(db: repo.Executeur, etats: repo.EtatLu[]): Promise<Set<number>> {
  if (etats.length === 0) return new Set();
  const jours = [...new Set(etats.map((e) => e.premier_jour).filter((j): j is string => !!j))];
  const parAcademie = new Map<string, repo.EtatLu[]>();
  for (const e of etats) parAcademie.set(`${e.personne_id}/${e.academie_code}`, []);
  const r = new Set<number>();
  for (const cle of parAcademie.keys()) {
    const [personneId, academieCode] = cle.split('/') as [string, string];
    const autres = await repo.missionsDuJour(db, Number(personneId), academieCode, jours);
    const s = missionsInvalidables(
      autres
        .filter((m) => m.premier_jour)
        .map((m) => ({ convocationId: m.convocation_id, premierJour: m.premier_jour!, heureDebut: m.heure_debut ?? '00:00', deplacement: ouvert(m) })),
    );
    for (const id of s) r.add(id);
  }
  return r;
}

function entreeStatuts(e: repo.EtatLu, jour: string, inval: boolean) {
  return {
    workflow: e.statut as EtatWorkflow,
    aujourdhui: jour,
    premierJour: e.premier_jour,
    dernierJour: e.dernier_jour,
    saisieAttendue: attendue(e),
    correctionDematerialisee: e.correction_dematerialisee,
    deplacementOuvert: ouvert(e),
    invalidable: inval,
  };
}

/** One row of the list (004 §2.4.2). */
function ligneListe(e: repo.EtatLu, jour: string, inval: Set<number>) {
  const statuts = statutsAffiches(entreeStatuts(e, jour, inval.has(e.convocation_id)));
  return {
    id: e.id,
    examen: `${e.examen_sigle} ${e.annee}`,
    type: e.type_libelle,
    numero: e.numero,
    debut: e.premier_jour,
    centre: libelleCentre(e) ?? e.lieu,
    statutRemuneration: statuts.remuneration,
    statutDeplacement: statuts.deplacement,
    libelleRemuneration: LIBELLE_STATUT[statuts.remuneration],
    libelleDeplacement: LIBELLE_STATUT[statuts.deplacement],
    consultationSeule: e.correction_dematerialisee,
  };
}

function duree(dates: Array<{ jour: string; debut: string; fin: string }>): string {
  const jours = new Set(dates.map((d) => d.jour)).size;
  if (jours === 0) return '';
  const minutes = dates.reduce((s, d) => s + (Number(d.fin.slice(0, 2)) * 60 + Number(d.fin.slice(3, 5)) - Number(d.debut.slice(0, 2)) * 60 - Number(d.debut.slice(3, 5))), 0);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${jours} journée${jours > 1 ? 's' : ''} (${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''})`;
}

/** The constat figure of the centre that matches what the mission asks the intervenant. */
async function constatDe(db: repo.Executeur, e: repo.EtatLu, att: ReturnType<typeof attendue>): Promise<EtatFraisVue['constat']> {
  const service = e.service_fait;
  let chiffre: number | null = null;
  let libelle = '';
  switch (att) {
    case 'copies':
      chiffre = e.csf_nb_copies;
      libelle = 'Nombre de copies constaté par le centre';
      break;
    case 'candidats':
      chiffre = e.csf_nb_candidats;
      libelle = 'Nombre de candidats constaté par le centre';
      break;
    case 'demi_journees':
      chiffre = (await repo.heuresConstatees(db, e.convocation_id)) ?? e.csf_heures_centiemes;
      libelle = 'Heures constatées par le centre (en centièmes)';
      break;
    case 'heures_minutes':
      chiffre = e.csf_heures_centiemes;
      libelle = 'Heures constatées par le centre (en centièmes)';
      break;
    case 'santorin':
      chiffre = e.csf_nb_copies;
      libelle = 'Nombre de copies transmis par SANTORIN';
      break;
    default:
      if (chiffreSaisi(e.mode_remuneration) === 'heures') {
        chiffre = e.csf_heures_centiemes;
        libelle = 'Heures constatées par le centre (en centièmes)';
      }
  }
  if (chiffre === null && service === null && !libelle) return null;
  return { chiffre, libelle: libelle || 'Constat de service fait', serviceFait: service };
}

/**
 * One état as the intervenant (`personneId` given: his own only) or the académie's gestionnaire reads
 * it; undefined when it is not in that scope.
 */
export async function vueEtat(db: repo.Executeur, ctx: AppContext, etatFraisId: number, o: { personneId?: number; academieCode: string }): Promise<EtatFraisVue | undefined> {
  const e = await repo.etat(db, etatFraisId, o.personneId !== undefined ? { personneId: o.personneId } : { academieCode: o.academieCode });
  if (!e) return undefined;
  const jour = aujourdhui(ctx);
  const att = attendue(e);
  const inval = (await invalidables(db, [e])).has(e.convocation_id);
  const entree = entreeStatuts(e, jour, inval);
  const statuts = statutsAffiches(entree);
  const dates = await repo.creneaux(db, e.convocation_id);
  const workflow = e.statut as EtatWorkflow;
  const saisie = lireSaisie(e.remuneration);
  const lectureSeule = remunerationLectureSeule({ saisieAttendue: att, emiseParMinistere: e.emise_par_ministere, correctionDematerialisee: e.correction_dematerialisee });
  const constat = await constatDe(db, e, att);
  const comparable = chiffreCompare(saisie);
  const ecartConstat = !!constat && constat.chiffre !== null && comparable !== null && constat.chiffre !== comparable && att !== 'santorin';
  const deplacementOuvert = entree.deplacementOuvert;
  const lignes = deplacementOuvert ? await lireLignes(db, e.id) : [];
  const lignePreremplie =
    deplacementOuvert && !inval && e.premier_jour
      ? preremplir({
          villeDepart: e.commune_personne || e.commune_affectation || '',
          lieu: e.centre_commune ?? e.lieu ?? '',
          debut: `${e.premier_jour}T${e.heure_debut ?? '08:00'}`,
          fin: `${e.dernier_jour ?? e.premier_jour}T${e.heure_fin ?? '18:00'}`,
        })
      : null;
  // Estimates: what was stored at the validation, else computed now from what is entered.
  const jourTaux = e.premier_jour ?? jour;
  let montantRem = e.montant_remuneration_centimes;
  let montantDep = e.montant_deplacement_centimes;
  if (workflow === 'non_valide') {
    montantRem = await estimerRemuneration(db, e, saisie, jourTaux);
    montantDep = deplacementOuvert && lignes.length ? montantDeplacement(lignes, await tauxDeplacement(db, jourTaux)) : null;
  }
  const parametres = await parametresDeLAcademie(db, e.academie_code);
  const pieces = (await repo.pieces(db, e.id)).map((p) => ({
    id: p.id,
    groupe: p.groupe,
    nom: p.nom,
    typeMime: p.type_mime,
    taille: Number(p.taille),
    deposeLe: new Date(p.depose_le).toISOString(),
    deposeParGestionnaire: p.depose_par_gestionnaire,
    supprimable: workflow === 'non_valide' && !p.depose_par_gestionnaire,
  }));
  const fige = workflow === 'annule' || workflow === 'mission_non_effectuee';
  const suivi = messagesSuivi({
    ...entree,
    numeroOrdre: e.numero_ordre,
    valideLe: jourParis(e.valide_le),
    traiteLe: jourParis(e.traite_le),
    payeLe: jourParis(e.paye_le),
    rejetMotif: e.rejet_motif,
    annulationMotif: e.annulation_motif,
    serviceNonFait: e.service_fait === 'non_fait',
    emiseParMinistere: e.emise_par_ministere,
    commentaireRegroupement: e.commentaire_regroupement,
    montantRemunerationCentimes: montantRem,
    montantDeplacementCentimes: montantDep,
    retenuRemunerationCentimes: e.montant_retenu_remuneration_centimes,
    retenuDeplacementCentimes: e.montant_retenu_deplacement_centimes,
  });
  return {
    id: e.id,
    version: e.version,
    academieCode: e.academie_code,
    numeroOrdre: e.numero_ordre,
    workflow,
    statuts,
    suivi,
    mission: {
      numero: e.numero,
      examen: `${e.examen_sigle} - ${e.examen_libelle} (${e.session_libelle})`,
      typeCode: e.type_code,
      type: e.type_libelle,
      lieu: e.lieu ?? e.centre_commune,
      centre: libelleCentre(e),
      specialite: e.specialite_code ? `${e.specialite_code} - ${e.specialite_libelle}` : null,
      epreuveOption: e.epreuve_code ? `${e.epreuve_code} - ${e.epreuve_libelle}` : null,
      dates,
      debut: e.premier_jour,
      fin: e.dernier_jour,
      duree: duree(dates),
      emiseParMinistere: e.emise_par_ministere,
      correctionDematerialisee: e.correction_dematerialisee,
    },
    saisieAttendue: att,
    remunerationLectureSeule: lectureSeule,
    remuneration: saisie,
    constat,
    ecartConstat,
    deplacementOuvert,
    invalidable: inval,
    lignes,
    lignePreremplie,
    montants: {
      remunerationCentimes: montantRem,
      deplacementCentimes: montantDep,
      retenuRemunerationCentimes: e.montant_retenu_remuneration_centimes,
      retenuDeplacementCentimes: e.montant_retenu_deplacement_centimes,
    },
    pieces,
    piecesRequises: fige ? [] : piecesRequises({ dossierFinancierActif: e.dossier_financier_actif, nir: e.nir, lignes, remuneration: true }),
    piecesDematerialisees: parametres.piecesDematerialisees,
    piecesParCourrier: e.pieces_par_courrier,
    saisieCommencee: e.saisie_commencee_le !== null,
    premierAcces: premierAcces({ ...entree, saisieCommencee: e.saisie_commencee_le !== null }),
    modifiable: saisieModifiable(entree),
    devalidable: workflow === 'valide',
    rejetMotif: e.rejet_motif,
    commentaireRegroupement: e.commentaire_regroupement,
    personne: { nom: e.nom, prenom: e.prenom },
  };
}

/** The estimated pay of what is entered, with the rate in force on the mission's first day. */
export async function estimerRemuneration(db: repo.Executeur, e: Pick<repo.EtatLu, 'taux_epreuve' | 'examen_sigle'>, saisie: SaisieRemuneration | null, jour: string): Promise<number | null> {
  if (!saisie) return null;
  const t = tauxApplicables({ tauxEpreuve: e.taux_epreuve, examenSigle: e.examen_sigle });
  const copie = await repo.tauxRemuneration(db, t.copie, jour);
  const heure = t.heure === t.copie ? copie : await repo.tauxRemuneration(db, t.heure, jour);
  if (!copie && !heure) return null;
  return montantRemuneration(saisie, { copieCentimes: copie?.copie_centimes ?? 0, heureCentimes: heure?.heure_centimes ?? null });
}

// ---------------------------------------------------------------------------------------------
// Reads

/**
 * The page: the académie's conditions, then — once accepted — the list of his états there, and the
 * other académies where he has états de frais (the banner / tabs).
 */
export async function listerEtats(ctx: AppContext, actor: Actor, f: { academie?: string }) {
  const personneId = personneDe(actor);
  const academieCode = f.academie ?? actor.academieCode;
  const [academies, courante] = await Promise.all([repo.academiesDesEtats(ctx.db, personneId), repo.academie(ctx.db, academieCode)]);
  if (!courante) throw introuvable("Cette académie n'existe pas.");
  const conditions = await conditionsDe(ctx.db, personneId, academieCode);
  const nom = (a: { code: string; libelle: string; inter_academique: boolean }) => (a.inter_academique ? a.libelle : `Académie de ${a.libelle}`);
  const onglets = [
    { code: courante.code, libelle: nom(courante), nombre: Number(academies.find((a) => a.code === courante.code)?.nombre ?? 0), courante: true, session: courante.code === actor.academieCode },
    ...academies
      .filter((a) => a.code !== courante.code)
      .sort((a, b) => (a.code === actor.academieCode ? -1 : b.code === actor.academieCode ? 1 : a.libelle.localeCompare(b.libelle, 'fr')))
      .map((a) => ({ code: a.code, libelle: nom(a), nombre: Number(a.nombre), courante: false, session: a.code === actor.academieCode })),
  ];
  if (!conditions.acceptee) return { academieCode, conditions, onglets, total: 0, lignes: [] };
  const etats = await repo.etatsDeLaPersonne(ctx.db, personneId, academieCode);
  const jour = aujourdhui(ctx);
  const inval = await invalidables(ctx.db, etats);
  return { academieCode, conditions, onglets, total: etats.length, lignes: etats.map((e) => ligneListe(e, jour, inval)) };
}

async function exigerEtat(ctx: AppContext, personneId: number, id: number): Promise<repo.EtatLu> {
  const e = await repo.etat(ctx.db, id, { personneId });
  if (!e) throw introuvable(ETAT_INTROUVABLE);
  await exigerConditions(ctx.db, personneId, e.academie_code);
  return e;
}

/** The rates in force on the mission's first day, for the page's live estimates while typing. */
export interface TauxEtat {
  remuneration: { copieCentimes: number; heureCentimes: number | null } | null;
  deplacement: TauxDeplacementVue | null;
}

export async function lireEtat(ctx: AppContext, actor: Actor, id: number): Promise<EtatFraisVue & { taux: TauxEtat }> {
  const personneId = personneDe(actor);
  const e = await exigerEtat(ctx, personneId, id);
  const v = await vueEtat(ctx.db, ctx, id, { personneId, academieCode: actor.academieCode });
  if (!v) throw introuvable(ETAT_INTROUVABLE);
  const jour = e.premier_jour ?? aujourdhui(ctx);
  const t = tauxApplicables({ tauxEpreuve: e.taux_epreuve, examenSigle: e.examen_sigle });
  const copie = await repo.tauxRemuneration(ctx.db, t.copie, jour);
  const heure = await repo.tauxRemuneration(ctx.db, t.heure, jour);
  return {
    ...v,
    taux: {
      remuneration: copie || heure ? { copieCentimes: copie?.copie_centimes ?? 0, heureCentimes: heure?.heure_centimes ?? null } : null,
      deplacement: v.deplacementOuvert ? tauxVersVue(await tauxDeplacement(ctx.db, jour)) : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Who changed the état, as the person reads it. */
async function auteur(db: repo.Executeur, compteId: number | null, actor: Actor): Promise<string> {
  if (compteId !== null && compteId === actor.compteId) return 'vous-même, dans une autre fenêtre ou un autre onglet';
  const a = await repo.auteur(db, compteId);
  if (!a) return 'le service de gestion';
  if (a.type === 'agent' || !a.nom) return `le service de gestion (${a.login})`;
  return `${a.civilite ?? ''} ${a.prenom ?? ''} ${a.nom}`.replace(/\s+/g, ' ').trim();
}

/** Locks the état, checks the version the page saw, its workflow; returns the locked row. */
async function verrouEtVersion(trx: Parameters<typeof repo.verrouiller>[0], actor: Actor, personneId: number, id: number, version: number) {
  const v = await repo.verrouiller(trx, id, personneId);
  if (!v) throw introuvable(ETAT_INTROUVABLE);
  if (v.version !== version) {
    const qui = await auteur(trx, v.modifie_par, actor);
    throw conflit(
      `Cet état de frais a été modifié ${quand(new Date(v.modifie_le))} par ${qui} depuis l'affichage de cette page. Rien n'a été enregistré : rechargez la page pour voir l'état actuel, puis refaites vos modifications.`,
    );
  }
  return v;
}

const NON_MODIFIABLE: Record<EtatWorkflow, string> = {
  non_valide: "La mission n'a pas encore commencé : l'état de frais pourra être complété à partir de son premier jour.",
  mission_non_effectuee: "Vous avez indiqué ne pas avoir effectué cette mission : l'état de frais n'est plus modifiable.",
  valide: "Cet état de frais est validé : dévalidez-le pour le modifier (tant que le gestionnaire ne l'a pas traité).",
  valide_gestionnaire: "Cet état de frais a été accepté par le gestionnaire : il n'est plus modifiable.",
  traite_gestionnaire: "Cet état de frais a été traité par le gestionnaire : il n'est plus modifiable.",
  annule: "Cet état de frais a été annulé : il n'est pas accessible en saisie.",
};

function exigerModifiable(e: repo.EtatLu, jour: string) {
  const w = e.statut as EtatWorkflow;
  if (!saisieModifiable({ workflow: w, aujourdhui: jour, premierJour: e.premier_jour, dernierJour: e.dernier_jour })) throw conflit(NON_MODIFIABLE[w]);
}

/** « Compléter » (first access): the saisie screens open, the choice is not offered again. */
export async function commencer(ctx: AppContext, actor: Actor, id: number, d: { version: number }, trace: Trace) {
  const personneId = personneDe(actor);
  const e = await exigerEtat(ctx, personneId, id);
  exigerModifiable(e, aujourdhui(ctx));
  await ctx.db.transaction().execute(async (trx) => {
    const v = await verrouEtVersion(trx, actor, personneId, id, d.version);
    if (v.saisie_commencee_le) return;
    await repo.commencer(trx, id, { le: ctx.clock.now(), par: actor.compteId, version: v.version });
    await audit(trx, contexteAudit(actor, trace), { action: 'etats-frais.commencer', entite: 'etat_frais', entiteId: id, apres: { version: v.version + 1 } });
  });
  return lireEtat(ctx, actor, id);
}

/** « Mission non effectuée » (first access): tells the gestionnaire; nothing will be processed. */
export async function missionNonEffectuee(ctx: AppContext, actor: Actor, id: number, d: { version: number }, trace: Trace) {
  const personneId = personneDe(actor);
  const e = await exigerEtat(ctx, personneId, id);
  exigerModifiable(e, aujourdhui(ctx));
  await ctx.db.transaction().execute(async (trx) => {
    const v = await verrouEtVersion(trx, actor, personneId, id, d.version);
    if (v.statut !== 'non_valide') throw conflit(NON_MODIFIABLE[v.statut as EtatWorkflow]);
    await repo.declarerNonEffectuee(trx, id, { le: ctx.clock.now(), par: actor.compteId, version: v.version });
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.mission-non-effectuee',
      entite: 'etat_frais',
      entiteId: id,
      avant: { statut: v.statut, version: v.version },
      apres: { statut: 'mission_non_effectuee', version: v.version + 1, mission: e.numero },
    });
  });
  return { ...(await lireEtat(ctx, actor, id)), message: "Le gestionnaire est informé que vous n'avez pas effectué cette mission." };
}

/**
 * « Enregistrer »: the rémunération figures (when the mission asks them and the tab is not read-only),
 * the déplacement lines (when refunded here), « pièces envoyées par courrier ». Checked against the
 * mission; nothing is stored when a field is wrong (400 with each field's message).
 */
export async function enregistrer(ctx: AppContext, actor: Actor, id: number, s: EnregistrerSaisie, trace: Trace) {
  const personneId = personneDe(actor);
  const e = await exigerEtat(ctx, personneId, id);
  const jour = aujourdhui(ctx);
  exigerModifiable(e, jour);
  const att = attendue(e);
  const lectureSeule = remunerationLectureSeule({ saisieAttendue: att, emiseParMinistere: e.emise_par_ministere, correctionDematerialisee: e.correction_dematerialisee });
  const dates = await repo.creneaux(ctx.db, e.convocation_id);
  const jours = [...new Set(dates.map((d) => d.jour))];
  const erreurs: Record<string, string> = {};

  // Rémunération: read-only or computed by the gestionnaire → what is stored stays.
  const ancienne = lireSaisie(e.remuneration);
  let remuneration: SaisieRemuneration | null = ancienne;
  if (!lectureSeule && att !== null) {
    Object.assign(erreurs, verifierRemuneration(att, s.remuneration, jours));
    remuneration = s.remuneration;
  }

  // Déplacement.
  const deplacementOuvert = ouvert(e);
  const inval = (await invalidables(ctx.db, [e])).has(e.convocation_id);
  let lignes: LigneDeplacement[] = [];
  if (s.lignes.length > 0) {
    if (!deplacementOuvert) erreurs['lignes'] = 'Déplacement : cette mission ne donne pas lieu à remboursement de frais de déplacement.';
    else if (inval) erreurs['lignes'] = 'Déplacement : vous avez une autre mission ce jour-là ; saisissez tous les déplacements de la journée sur la première mission de la journée.';
    else {
      lignes = s.lignes.map((l) => normaliserLigne(l as LigneDeplacement));
      Object.assign(erreurs, verifierLignes(lignes, { villeDepart: e.commune_personne || e.commune_affectation || '' }));
    }
  }
  if (Object.keys(erreurs).length) throw invalide(`L'état de frais n'est pas enregistré : ${Object.values(erreurs)[0]}${Object.keys(erreurs).length > 1 ? ` (et ${Object.keys(erreurs).length - 1} autre${Object.keys(erreurs).length > 2 ? 's' : ''} erreur${Object.keys(erreurs).length > 2 ? 's' : ''})` : ''}`, erreurs);

  const jourTaux = e.premier_jour ?? jour;
  const montantRem = await estimerRemuneration(ctx.db, e, remuneration, jourTaux);
  const montantDep = lignes.length ? montantDeplacement(lignes, await tauxDeplacement(ctx.db, jourTaux)) : null;

  await ctx.db.transaction().execute(async (trx) => {
    const v = await verrouEtVersion(trx, actor, personneId, id, s.version);
    if (v.statut !== 'non_valide') throw conflit(NON_MODIFIABLE[v.statut as EtatWorkflow]);
    await remplacerLignes(trx, id, lignes);
    await repo.enregistrer(trx, id, { remuneration, piecesParCourrier: s.piecesParCourrier, montantRemuneration: montantRem, montantDeplacement: montantDep, le: ctx.clock.now(), par: actor.compteId, version: v.version });
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.enregistrer',
      entite: 'etat_frais',
      entiteId: id,
      avant: { version: v.version, remuneration: libelleSaisie(ancienne) },
      apres: { version: v.version + 1, remuneration: libelleSaisie(remuneration), lignes: lignes.length, piecesParCourrier: s.piecesParCourrier, montantRemuneration: montantRem, montantDeplacement: montantDep },
    });
  });
  return { ...(await lireEtat(ctx, actor, id)), message: 'Votre état de frais est enregistré. Validez-le quand il est complet pour le transmettre au gestionnaire.' };
}

