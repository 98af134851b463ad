// The one place that answers "may this actor do this action on this resource?" (issue 2 §3).
// Every route names its action; the HTTP layer asks `autorise` before the handler runs, and services
// ask the scope helpers below before touching a resource. The route × role matrix test reads RULES.
import type { Role } from '../../domain/roles.ts';
import { estConditionCentre, estConditionPersonne, SERVICE_CODES, SERVICES, servicesDeLActivite, type ConditionCentre, type ConditionPersonne, type ServiceCode } from '../../domain/services.ts';
import { interdit, introuvable } from './errors.ts';

export interface Actor {
  compteId: number;
  login: string;
  role: Role;
  roleAttributionId: number;
  academieCode: string;
  etablissementId: number | null;
  personneId: number | null;
  service: ServiceCode;
  sessionId: string;
  motDePasseTemporaire: boolean;
  /**
   * Set in a session opened by "Accès autres académies" (003 §4.6): the home session it came from. The
   * actor then works in `academieCode`, another académie than his établissement's, as its centre only.
   */
  sessionParenteId?: string | null;
  /** A Jury portal session (role membre_jury): the juries it opened (session_jury), the only ones it reaches. */
  jurysPortail?: readonly number[];
}

/** The only actions a session opened in another académie may take: its centre's work and the session itself. */
export const ACTIONS_AUTRE_ACADEMIE: ReadonlySet<string> = new Set([
  'session.lire',
  'session.quitter',
  'preferences.lire',
  'preferences.modifier',
  'document.telecharger',
  'traitement.lire',
  'missions-centre.consulter',
  'convocations-centre.consulter',
  'convocations-centre.gerer',
  'constat-centre.gerer',
  'icc-centre.gerer',
]);

const TOUS: Role[] = ['gestionnaire', 'chef_etablissement', 'intervenant', 'administrateur', 'dsi', 'candidat', 'membre_jury'];
const AGENTS_ACADEMIE: Role[] = ['gestionnaire', 'administrateur', 'dsi'];

export interface Rule {
  roles: readonly Role[];
  /**
   * The activity (code) the action belongs to in the actor's current service: when that service has
   * this activity and the gestionnaire closed it for the académie, the server refuses.
   */
  activite?: string;
  /** Allowed while the account still holds a temporary password. */
  avantChangementMotDePasse?: boolean;
  /**
   * For an action without activity of its own (reads shared by several activities): the services whose
   * sessions may take it. An action with an activity belongs to the services that have that activity
   * (issue 13 §2, see servicesAutorises); without either, every service of its roles.
   */
  services?: readonly ServiceCode[];
  /**
   * For an action without activity of its own: the établissement must be a centre d'examen or de
   * délibération. An action with an activity takes the condition of that activity (services.ts).
   */
  condition?: ConditionCentre;
}

export const RULES = {
  'session.lire': { roles: TOUS, avantChangementMotDePasse: true },
  'session.quitter': { roles: TOUS, avantChangementMotDePasse: true },
  'mot-de-passe.changer': { roles: TOUS, avantChangementMotDePasse: true },
  'email.renseigner': { roles: ['intervenant', 'candidat'], avantChangementMotDePasse: true },
  'preferences.lire': { roles: TOUS },
  'preferences.modifier': { roles: TOUS },
  'traitement.lire': { roles: ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant'], activite: 'traitements' },
  'traitement.relancer': { roles: ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant'], activite: 'traitements' },
  'document.telecharger': { roles: ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant', 'candidat', 'membre_jury'] },
  'activites.lire': { roles: ['gestionnaire', 'administrateur'] },
  'activites.gerer': { roles: ['gestionnaire'] },
  'comptes.gerer': { roles: ['gestionnaire'] },
  'message-accueil.modifier': { roles: ['administrateur'] },
  'boite-envoi.lire': { roles: ['administrateur'] },
  'audit.lire': { roles: AGENTS_ACADEMIE },
  // IMAG'IN service établissement (issue 4): scoped to the établissement's personnels by the service.
  'personnels.consulter': { roles: ['chef_etablissement'], activite: 'consultation-personnels' },
  'indisponibilites.consulter': { roles: ['chef_etablissement'], activite: 'saisie-indisponibilite' },
  'indisponibilites.gerer': { roles: ['chef_etablissement'], activite: 'saisie-indisponibilite' },
  'competences.consulter': { roles: ['chef_etablissement'], activite: 'saisie-competences' },
  'competences.gerer': { roles: ['chef_etablissement'], activite: 'saisie-competences' },
  'competences.valider': { roles: ['chef_etablissement'], activite: 'validation-competences' },
  'competences.suivre-validation': { roles: ['gestionnaire'], activite: 'validation-competences' },
  'competences.rouvrir': { roles: ['gestionnaire'], activite: 'validation-competences' },
  // Issue 5 — gestionnaire side: missions, qualités, convocations, intervenants of the académie.
  'missions.gerer': { roles: ['gestionnaire'], activite: 'missions' },
  'convocations.gerer': { roles: ['gestionnaire'], activite: 'missions' },
  'qualites.gerer': { roles: ['gestionnaire'], activite: 'qualites' },
  'intervenants.gerer': { roles: ['gestionnaire'], activite: 'intervenants' },
  // Issue 5 — centre d'examen (003 §4.1, §4.2, §4.4, §4.6): scoped to missions whose centre is the
  // actor's établissement, in the académie of the session (a child session for another académie).
  'missions-centre.consulter': { roles: ['chef_etablissement'], activite: 'consultation-missions' },
  'convocations-centre.consulter': { roles: ['chef_etablissement'], activite: 'convocation-mission' },
  'convocations-centre.gerer': { roles: ['chef_etablissement'], activite: 'convocation-mission' },
  'signature-centre.gerer': { roles: ['chef_etablissement'], activite: 'signature-centre' },
  'signature-etablissement.gerer': { roles: ['chef_etablissement'], activite: 'signature-etablissement' },
  'acces-academies.utiliser': { roles: ['chef_etablissement'], activite: 'acces-autres-academies' },
  // Issue 14 — constat de service fait and indemnités des chefs de centre (003 §4.3, §4.5): the centre's
  // missions and sessions (checked by the service); the gestionnaire, every centre of the académie.
  'constat-centre.gerer': { roles: ['chef_etablissement'], activite: 'constat-service-fait' },
  'icc-centre.gerer': { roles: ['chef_etablissement'], activite: 'indemnites-chef-centre' },
  'constat.gerer': { roles: ['gestionnaire'], activite: 'constat-service-fait' },
  'icc.gerer': { roles: ['gestionnaire'], activite: 'indemnites-chefs-centre' },
  // Issue 6 — CYCLADES candidate accounts (seed 002): the établissement's own pupils only, checked by
  // the service; the gestionnaire positions the prerequisite service; the candidate reads his own file.
  // Reads shared by the three activities (état, générations, élèves): no activity of their own.
  'comptes-candidats.lire': { roles: ['chef_etablissement'], services: ['cyclades-etablissement'] },
  'comptes-candidats.generer': { roles: ['chef_etablissement'], activite: 'comptes-eleves' },
  'comptes-candidats.regenerer': { roles: ['chef_etablissement'], activite: 'regeneration-mot-de-passe' },
  'eleves.lister': { roles: ['chef_etablissement'], activite: 'liste-detaillee-eleves' },
  'gestion-candidats.positionner': { roles: ['gestionnaire'], activite: 'gestion-candidats' },
  'candidat.recapitulatif': { roles: ['candidat'], activite: 'recapitulatif' },
  'candidat.resultats': { roles: ['candidat'], activite: 'resultats' },
  // Issue 7 — Bac Pro second group (seed 001). The chef de centre de délibération acts only on the
  // juries deliberated in his centre (checked by the service); the DEC on its académie's juries.
  // Reads shared by the seven pages (juries, steps, synthetic and detailed views): no activity of their own.
  'deliberation-centre.consulter': { roles: ['chef_etablissement'], services: ['cyclades-etablissement'], condition: 'centre_deliberation' },
  'notes-manquantes.controler': { roles: ['chef_etablissement'], activite: 'controle-notes-manquantes' },
  'plan-secours.generer': { roles: ['chef_etablissement'], activite: 'plan-de-secours' },
  'deliberation.ouvrir': { roles: ['chef_etablissement'], activite: 'ouvrir-deliberation' },
  'pv-deliberation.editer': { roles: ['chef_etablissement'], activite: 'pv-deliberation' },
  'listes-resultats.editer': { roles: ['chef_etablissement'], activite: 'listes-resultats' },
  'controle.terminer': { roles: ['chef_etablissement'], activite: 'terminer-controle' },
  'liste-rouge.editer': { roles: ['chef_etablissement'], activite: 'liste-rouge-fraudeurs' },
  'jurys.gerer': { roles: ['gestionnaire'], activite: 'jurys-deliberation' },
  'notes-controle.saisir': { roles: ['gestionnaire'], activite: 'notes-controle' },
  'resultats.publier': { roles: ['gestionnaire'], activite: 'publication-resultats' },
  // Issue 8 — the DSI's OTP keys (seed 000): the académie's keys only.
  'cles-otp.gerer': { roles: ['dsi'], activite: 'cles-otp' },
  'jurys.controler': { roles: ['dsi'], activite: 'controle-jurys' },
  'portail-secours.gerer': { roles: ['dsi'], activite: 'portail-secours' },
  // Issue 8 — the Jury portal (seed 000): a portal session reaches only the juries it opened (session_jury).
  'portail-jury.deliberer': { roles: ['membre_jury'], activite: 'jurys' },
  'portail-jury.ajouter-academie': { roles: ['membre_jury'], activite: 'autre-academie' },
  // Issue 8 — the intervenant's menu entry (seed 004): a code by SMS instead of the key.
  'portail-jury.code-sms': { roles: ['intervenant'], activite: 'portail-deliberation-jury' },
  // Issue 15 — the intervenant's service (seed 004): his own missions, data and portals only (the
  // services scope every read to actor.personneId); the activities' personal conditions are checked too.
  'missions-intervenant.consulter': { roles: ['intervenant'], activite: 'consultation-missions' },
  'informations-personnelles.lire': { roles: ['intervenant'], activite: 'informations-personnelles' },
  'informations-personnelles.modifier': { roles: ['intervenant'], activite: 'informations-personnelles' },
  'portail-missions.consulter': { roles: ['intervenant'], activite: 'portail-acces-missions' },
  'portail-missions.acceder': { roles: ['intervenant'], activite: 'portail-acces-missions' },
  'portail-eps.acceder': { roles: ['intervenant'], activite: 'gestion-epreuves-eps' },
  'portail-sujets.acceder': { roles: ['intervenant'], activite: 'gestion-sujets' },
  'portail-statistiques.acceder': { roles: ['intervenant'], activite: 'statistiques-notation' },
  'enquete-dcs.repondre': { roles: ['intervenant'], activite: 'enquete-dcs' },
  // Issue 15 — gestionnaire and administrateur sides: the DCS survey, the SANTORIN states import, the
  // addresses of the external applications the portals hand off to.
  'enquete-dcs.gerer': { roles: ['gestionnaire'], activite: 'enquete-dcs' },
  'imports.gerer': { roles: ['gestionnaire'], activite: 'imports' },
  'applications-externes.gerer': { roles: ['administrateur'], activite: 'applications-externes' },
  // Issue 16 — états de frais: the intervenant's own only (every read scoped to actor.personneId, another's
  // is 404); the gestionnaire's académie only.
  'etats-frais.consulter': { roles: ['intervenant'], activite: 'etats-frais' },
  'etats-frais.saisir': { roles: ['intervenant'], activite: 'etats-frais' },
  'etats-frais-gestion.consulter': { roles: ['gestionnaire'], activite: 'traitement-etats-frais' },
  'etats-frais-gestion.traiter': { roles: ['gestionnaire'], activite: 'traitement-etats-frais' },
  'liquidation-frais.gerer': { roles: ['gestionnaire'], activite: 'liquidation-frais' },
  'parametres-frais.gerer': { roles: ['gestionnaire'], activite: 'parametres-frais' },
  // Issue 17 — the gestionnaire's dashboard of a session (his académie only).
  'tableau-de-bord.consulter': { roles: ['gestionnaire'], activite: 'tableau-de-bord' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export function estAction(a: string): a is Action {
  return Object.hasOwn(RULES, a);
}

export function roleAutorise(role: Role, action: Action): boolean {
  return (RULES[action] as Rule).roles.includes(role);
}

export function autorise(actor: Actor, action: Action): boolean {
  const rule = RULES[action] as Rule;
  if (!rule.roles.includes(actor.role)) return false;
  if (actor.motDePasseTemporaire && !rule.avantChangementMotDePasse) return false;
  return true;
}

/**
 * The services whose sessions may take this action, for this role (issue 13 §2). An action bound to an
 * activity belongs to the services of the role that have this activity: the indisponibilités to IMAG'IN
 * établissement, the pupils' accounts to the CYCLADES portal. A chef d'établissement's session of the
 * other service is refused, whatever the opening of the activity: the opening is checked where the
 * activity lives, and IMAG'IN's work stays in IMAG'IN sessions, one per établissement (003 §2.1). An
 * action whose activity none of the role's services has (the comptes rendus of an administrator), or
 * without activity, goes with every service of the role, unless `services` names them.
 */
export function servicesAutorises(action: Action, role: Role): ServiceCode[] {
  const rule = RULES[action] as Rule;
  const duRole = SERVICE_CODES.filter((s) => SERVICES[s].roles.includes(role));
  if (rule.services) return duRole.filter((s) => rule.services!.includes(s));
  if (rule.activite) {
    const avec = servicesDeLActivite(rule.activite, [role]);
    if (avec.length > 0) return avec;
  }
  return duRole;
}

/** Why a session of its service may not take this action (null: it may); the role is checked by `autorise`. */
export function refusService(actor: Actor, action: Action): string | null {
  const services = servicesAutorises(action, actor.role);
  if (services.includes(actor.service)) return null;
  const noms = services.map((s) => `${SERVICES[s].libelle} ${SERVICES[s].application}`).join(' ou ');
  return `Cette action relève du ${noms} : vous êtes connecté au ${SERVICES[actor.service].libelle} ${SERVICES[actor.service].application}. Connectez-vous à ce service pour l'effectuer.`;
}

/**
 * What a session allowed on this action must still meet: the activity to be open in its service, and
 * the établissement's condition (centre d'examen, centre de délibération) of that activity or action.
 */
export function exigencesAction(
  actor: Actor,
  action: Action,
): { activite: string | null; condition: ConditionCentre | null; conditionPersonne: ConditionPersonne | null } {
  const rule = RULES[action] as Rule;
  const def = rule.activite ? SERVICES[actor.service].activites.find((a) => a.code === rule.activite) : undefined;
  const condition = rule.condition ?? (def && estConditionCentre(def.condition) ? def.condition : null);
  // The intervenant's own condition (issue 15): the menu hides the activity, the server refuses it too.
  const conditionPersonne = def && estConditionPersonne(def.condition) ? def.condition : null;
  return { activite: def ? def.code : null, condition, conditionPersonne };
}

/** A resource of another académie is reported as not found, never as forbidden: its existence is not disclosed. */
export function exigerMemeAcademie(actor: Actor, academieCode: string): void {
  if (actor.academieCode !== academieCode) throw introuvable();
}

export function exigerEtablissement(actor: Actor, etablissementId: number | null): void {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null || actor.etablissementId !== etablissementId) {
    throw introuvable();
  }
}

export interface RessourceDocument {
  academie_code: string;
  etablissement_id: number | null;
  personne_id: number | null;
  compte_id: number | null;
  visibilite: 'createur' | 'etablissement' | 'academie' | 'personne';
}

/**
 * Who may read a generated document. Papillons and convocations hold passwords: an établissement's
 * documents are read by that établissement only, not by the académie's agents.
 */
export function peutLireDocument(actor: Actor, doc: RessourceDocument): boolean {
  if (actor.academieCode !== doc.academie_code && doc.visibilite !== 'personne') return false;
  switch (doc.visibilite) {
    case 'createur':
      return doc.compte_id === actor.compteId;
    case 'etablissement':
      return actor.role === 'chef_etablissement' && actor.etablissementId === doc.etablissement_id;
    case 'academie':
      return AGENTS_ACADEMIE.includes(actor.role) || doc.compte_id === actor.compteId;
    case 'personne':
      return actor.personneId !== null && actor.personneId === doc.personne_id;
  }
}

export function exigerLectureDocument(actor: Actor, doc: RessourceDocument): void {
  if (!peutLireDocument(actor, doc)) throw introuvable("Ce document n'existe pas ou ne vous est pas accessible.");
}

export { interdit };
