// The route × role matrix (issue 2 §3): every /api route, every role, the expected allow or deny,
// checked over HTTP. A route added without its line here fails the first test; each issue extends
// EXPECTED with its routes. Since issue 13 §2, each role is checked on every service a session of it can
// be opened on (serviceDeLaRoute says which service a chef d'établissement's route belongs to), every
// closable activity is closed in turn against every session, and the centre routes are refused to an
// établissement that is not such a centre.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/roles.ts';
import { estConditionPersonne, RAISON_CONDITION_PERSONNE, SERVICE_CODES, SERVICES, type ConditionPersonne, type ServiceCode } from '../../domain/services.ts';
import { RULES, type Action, type Rule } from './policy.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, fixtureSession, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

const PUBLIC = 'public' as const;
const AGENTS: Role[] = ['gestionnaire', 'administrateur', 'dsi'];
const TOUS: Role[] = [...ROLES];

export const EXPECTED: Record<string, Role[] | typeof PUBLIC> = {
  'GET /api/health': PUBLIC,
  'GET /api/ready': PUBLIC,
  'GET /api/metrics': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'POST /api/auth/connexion': PUBLIC,
  'POST /api/auth/mot-de-passe-oublie': PUBLIC,
  'POST /api/auth/reinitialisation': PUBLIC,
  'GET /api/auth/regles-mot-de-passe': PUBLIC,
  'GET /api/auth/session': TOUS,
  'POST /api/auth/prolonger': TOUS,
  'POST /api/auth/deconnexion': TOUS,
  'POST /api/auth/mot-de-passe': TOUS,
  'POST /api/auth/email': ['intervenant', 'candidat'],
  'GET /api/preferences': TOUS,
  'PUT /api/preferences': TOUS,
  'GET /api/gestion/activites': ['gestionnaire', 'administrateur'],
  'PUT /api/gestion/activites/:service/:code': ['gestionnaire'],
  'GET /api/gestion/comptes': ['gestionnaire'],
  'POST /api/gestion/comptes/:id/mot-de-passe-temporaire': ['gestionnaire'],
  'PUT /api/gestion/comptes/:id/email': ['gestionnaire'],
  'GET /api/admin/message-accueil': ['administrateur'],
  'PUT /api/admin/message-accueil/:service': ['administrateur'],
  'GET /api/admin/boite-envoi': ['administrateur'],
  'GET /api/admin/boite-envoi/:id': ['administrateur'],
  'GET /api/admin/boite-envoi/:id/eml': ['administrateur'],
  'GET /api/audit': AGENTS,
  'GET /api/guide/:document': PUBLIC,
  'GET /api/traitements': ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant'],
  'GET /api/traitements/:id': ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant'],
  'POST /api/traitements/:id/relancer': ['gestionnaire', 'chef_etablissement', 'administrateur', 'dsi', 'intervenant'],
  'GET /api/documents/:id': TOUS,
  // IMAG'IN service établissement (issue 4).
  'GET /api/etablissement/consultation/personnels': ['chef_etablissement'],
  'GET /api/etablissement/consultation/annees-missions': ['chef_etablissement'],
  'POST /api/etablissement/consultation/exports': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id/affectations': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id/affectations/:convocationId/duplicata': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id/indisponibilites': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id/indisponibilites/:indisponibiliteId/convocation': ['chef_etablissement'],
  'GET /api/etablissement/consultation/personnels/:id/enseignements': ['chef_etablissement'],
  'GET /api/etablissement/indisponibilites/personnels': ['chef_etablissement'],
  'GET /api/etablissement/indisponibilites/personnels/:id': ['chef_etablissement'],
  'GET /api/etablissement/indisponibilites/personnels/:id/indisponibilites/:indisponibiliteId/convocation': ['chef_etablissement'],
  'POST /api/etablissement/indisponibilites/personnels/:id': ['chef_etablissement'],
  'DELETE /api/etablissement/indisponibilites/personnels/:id/:indisponibiliteId': ['chef_etablissement'],
  'GET /api/etablissement/competences/personnels': ['chef_etablissement'],
  'GET /api/etablissement/competences/examens': ['chef_etablissement'],
  'GET /api/etablissement/competences/specialites': ['chef_etablissement'],
  'GET /api/etablissement/competences/epreuves': ['chef_etablissement'],
  'GET /api/etablissement/competences/personnels/:id': ['chef_etablissement'],
  'GET /api/etablissement/competences/personnels/:id/enseignements': ['chef_etablissement'],
  'POST /api/etablissement/competences/personnels/:id': ['chef_etablissement'],
  'POST /api/etablissement/competences/personnels/:id/:competenceId/reconnaissance': ['chef_etablissement'],
  'POST /api/etablissement/competences/personnels/:id/:competenceId/invalidation': ['chef_etablissement'],
  'GET /api/etablissement/validation-competences': ['chef_etablissement'],
  'POST /api/etablissement/validation-competences': ['chef_etablissement'],
  'GET /api/gestion/validation-competences': ['gestionnaire'],
  'POST /api/gestion/validation-competences/:etablissementId/reouverture': ['gestionnaire'],
  // Issue 5 — gestionnaire DEC: missions, convocations, qualités, intervenants of the académie.
  'GET /api/gestion/missions': ['gestionnaire'],
  'GET /api/gestion/missions/parametres': ['gestionnaire'],
  'GET /api/gestion/missions/specialites': ['gestionnaire'],
  'GET /api/gestion/missions/epreuves': ['gestionnaire'],
  'GET /api/gestion/missions/centres': ['gestionnaire'],
  'POST /api/gestion/missions': ['gestionnaire'],
  'GET /api/gestion/missions/:id': ['gestionnaire'],
  'PUT /api/gestion/missions/:id': ['gestionnaire'],
  'GET /api/gestion/convocations/personnes': ['gestionnaire'],
  'GET /api/gestion/missions/:id/convocations': ['gestionnaire'],
  'GET /api/gestion/missions/:id/propositions': ['gestionnaire'],
  'POST /api/gestion/missions/:id/convocations': ['gestionnaire'],
  'PUT /api/gestion/missions/:id/convocations/:convocationId': ['gestionnaire'],
  'DELETE /api/gestion/missions/:id/convocations/:convocationId': ['gestionnaire'],
  'GET /api/gestion/missions/:id/convocations/:convocationId/pdf': ['gestionnaire'],
  'GET /api/gestion/qualites': ['gestionnaire'],
  'POST /api/gestion/qualites': ['gestionnaire'],
  'PUT /api/gestion/qualites/:id': ['gestionnaire'],
  'DELETE /api/gestion/qualites/:id': ['gestionnaire'],
  'GET /api/gestion/intervenants': ['gestionnaire'],
  'POST /api/gestion/intervenants': ['gestionnaire'],
  'GET /api/gestion/intervenants/:id': ['gestionnaire'],
  // IMAG'IN centre d'examen — Signatures pour la convocation and Accès autres académies (issue 5, 003 §4.4, §4.6).
  'GET /api/centre/signatures/centre': ['chef_etablissement'],
  'PUT /api/centre/signatures/centre': ['chef_etablissement'],
  'POST /api/centre/signatures/centre/previsualisation': ['chef_etablissement'],
  'GET /api/centre/signatures/etablissement': ['chef_etablissement'],
  'PUT /api/centre/signatures/etablissement': ['chef_etablissement'],
  'POST /api/centre/signatures/etablissement/previsualisation': ['chef_etablissement'],
  'GET /api/centre/acces-academies': ['chef_etablissement'],
  'POST /api/centre/acces-academies/:code': ['chef_etablissement'],
  // Issue 14 — constat de service fait and indemnités des chefs de centre (centre and gestionnaire).
  'GET /api/centre/constat/filtres': ['chef_etablissement'],
  'GET /api/centre/constat/missions': ['chef_etablissement'],
  'GET /api/centre/constat/missions/:id': ['chef_etablissement'],
  'PUT /api/centre/constat/missions/:id': ['chef_etablissement'],
  'GET /api/centre/constat/missions/:id/intervenants/:cid/horaires': ['chef_etablissement'],
  'PUT /api/centre/constat/missions/:id/intervenants/:cid/horaires': ['chef_etablissement'],
  'GET /api/centre/constat/missions/:id/pdf': ['chef_etablissement'],
  'GET /api/gestion/constat/filtres': ['gestionnaire'],
  'GET /api/gestion/constat/missions': ['gestionnaire'],
  'GET /api/gestion/constat/missions/:id': ['gestionnaire'],
  'PUT /api/gestion/constat/missions/:id': ['gestionnaire'],
  'GET /api/gestion/constat/missions/:id/intervenants/:cid/horaires': ['gestionnaire'],
  'PUT /api/gestion/constat/missions/:id/intervenants/:cid/horaires': ['gestionnaire'],
  'GET /api/gestion/constat/missions/:id/pdf': ['gestionnaire'],
  'GET /api/centre/icc/filtres': ['chef_etablissement'],
  'GET /api/centre/icc/sessions': ['chef_etablissement'],
  'GET /api/centre/icc/personnels': ['chef_etablissement'],
  'GET /api/centre/icc/sessions/:sid/:periode': ['chef_etablissement'],
  'PUT /api/centre/icc/sessions/:sid/:periode': ['chef_etablissement'],
  'DELETE /api/centre/icc/sessions/:sid/:periode': ['chef_etablissement'],
  'POST /api/centre/icc/sessions/:sid/:periode/transmission': ['chef_etablissement'],
  'GET /api/gestion/icc/filtres': ['gestionnaire'],
  'GET /api/gestion/icc/declarations': ['gestionnaire'],
  'GET /api/gestion/icc/personnels': ['gestionnaire'],
  'GET /api/gestion/icc/sessions/:sid/centres/:eid/:periode': ['gestionnaire'],
  'PUT /api/gestion/icc/sessions/:sid/centres/:eid/:periode': ['gestionnaire'],
  'POST /api/gestion/icc/lignes/:lid/decision': ['gestionnaire'],
  'POST /api/auth/acces-academie': PUBLIC,
  // IMAG'IN centre d'examen — Consultation des missions (issue 5, 003 §4.1).
  'GET /api/centre/consultation/filtres': ['chef_etablissement'],
  'GET /api/centre/consultation/missions': ['chef_etablissement'],
  'POST /api/centre/consultation/missions/exports': ['chef_etablissement'],
  'GET /api/centre/consultation/missions/:id': ['chef_etablissement'],
  'GET /api/centre/consultation/missions/:id/intervenants': ['chef_etablissement'],
  'GET /api/centre/consultation/missions/:id/intervenants/:convocationId/duplicata': ['chef_etablissement'],
  'POST /api/centre/consultation/missions/:id/exports': ['chef_etablissement'],
  // IMAG'IN centre d'examen — Convocation par mission (issue 5, 003 §4.2).
  'GET /api/centre/convocation/filtres': ['chef_etablissement'],
  'GET /api/centre/convocation/missions': ['chef_etablissement'],
  'GET /api/centre/convocation/disciplines': ['chef_etablissement'],
  'GET /api/centre/convocation/missions/:id': ['chef_etablissement'],
  'GET /api/centre/convocation/missions/:id/convocations': ['chef_etablissement'],
  'GET /api/centre/convocation/missions/:id/enseignants': ['chef_etablissement'],
  'GET /api/centre/convocation/missions/:id/intervenants': ['chef_etablissement'],
  'POST /api/centre/convocation/missions/:id/convocations': ['chef_etablissement'],
  'POST /api/centre/convocation/missions/:id/zip': ['chef_etablissement'],
  'POST /api/centre/convocation/missions/:id/envoi-mail': ['chef_etablissement'],
  'GET /api/centre/convocation/convocations/:cid': ['chef_etablissement'],
  'PUT /api/centre/convocation/convocations/:cid': ['chef_etablissement'],
  'DELETE /api/centre/convocation/convocations/:cid': ['chef_etablissement'],
  'GET /api/centre/convocation/convocations/:cid/pdf': ['chef_etablissement'],
  'POST /api/centre/convocation/convocations/:cid/mail': ['chef_etablissement'],
  // CYCLADES — comptes des élèves, côté établissement (issue 6, seed 002): the établissement's pupils only.
  'GET /api/cyclades/etablissement/comptes/etat': ['chef_etablissement'],
  'POST /api/cyclades/etablissement/comptes/generer': ['chef_etablissement'],
  'GET /api/cyclades/etablissement/comptes/generations': ['chef_etablissement'],
  'POST /api/cyclades/etablissement/comptes/regenerer': ['chef_etablissement'],
  'GET /api/cyclades/etablissement/eleves': ['chef_etablissement'],
  'GET /api/cyclades/etablissement/eleves/export.csv': ['chef_etablissement'],
  // CYCLADES — espace candidat (issue 6): the candidate's own candidatures only (another's: 404).
  'GET /api/candidat/candidatures': ['candidat'],
  'GET /api/candidat/candidatures/:id/recapitulatif': ['candidat'],
  'GET /api/candidat/resultats': ['candidat'],
  'GET /api/candidat/resultats/:id': ['candidat'],
  // CYCLADES — gestion des candidats en établissement (issue 6): the gestionnaire's académie only.
  'GET /api/gestion/gestion-candidats': ['gestionnaire'],
  'POST /api/gestion/gestion-candidats/positionnement': ['gestionnaire'],
  // CYCLADES — délibération du 2nd groupe, chef de centre (issue 7, seed 001): the juries deliberated in his centre only.
  'GET /api/cyclades/deliberation/jurys': ['chef_etablissement'],
  'GET /api/cyclades/deliberation/ou-en-sommes-nous': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/notes-manquantes': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/plan-de-secours': ['chef_etablissement'],
  'GET /api/cyclades/deliberation/synthese': ['chef_etablissement'],
  'GET /api/cyclades/deliberation/detail': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/ouvrir': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/pv': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/listes-resultats': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/liste-rouge': ['chef_etablissement'],
  'POST /api/cyclades/deliberation/terminer': ['chef_etablissement'],
  // CYCLADES — délibération du 2nd groupe, DEC (issue 7): the gestionnaire's académie only.
  'GET /api/gestion/deliberation/jurys': ['gestionnaire'],
  'POST /api/gestion/deliberation/jurys/transition': ['gestionnaire'],
  'GET /api/gestion/deliberation/jurys/:id/candidats': ['gestionnaire'],
  'POST /api/gestion/deliberation/jurys/:id/decisions': ['gestionnaire'],
  'POST /api/gestion/deliberation/jurys/:id/clore': ['gestionnaire'],
  'GET /api/gestion/deliberation/notes-controle/jurys': ['gestionnaire'],
  'GET /api/gestion/deliberation/notes-controle/jurys/:id': ['gestionnaire'],
  'PUT /api/gestion/deliberation/notes-controle': ['gestionnaire'],
  'POST /api/gestion/deliberation/notes-controle/import': ['gestionnaire'],
  'GET /api/gestion/deliberation/publication': ['gestionnaire'],
  'POST /api/gestion/deliberation/publication': ['gestionnaire'],
  // Portail Jury — the DSI's OTP keys and checklist (issue 8): the DSI's académie only.
  'GET /api/dsi/cles-otp': ['dsi'],
  'POST /api/dsi/cles-otp': ['dsi'],
  'POST /api/dsi/cles-otp/import': ['dsi'],
  'POST /api/dsi/cles-otp/:id/remise': ['dsi'],
  'POST /api/dsi/cles-otp/:id/activer': ['dsi'],
  'POST /api/dsi/cles-otp/:id/deverrouiller': ['dsi'],
  'POST /api/dsi/cles-otp/:id/resynchroniser': ['dsi'],
  'POST /api/dsi/cles-otp/:id/revoquer': ['dsi'],
  'GET /api/dsi/controle-jurys': ['dsi'],
  // Issue 8 — the Jury portal: screens (public), deliberation (a portal session), SMS code, backup portal.
  'POST /api/jury/cle': PUBLIC,
  'GET /api/jury/etape': PUBLIC,
  'POST /api/jury/identifiants': PUBLIC,
  'POST /api/jury/secours': PUBLIC,
  'GET /api/jury/jurys': ['membre_jury'],
  'GET /api/jury/jurys/:id': ['membre_jury'],
  'PUT /api/jury/jurys/:id/notes': ['membre_jury'],
  'POST /api/jury/jurys/:id/cloture': ['membre_jury'],
  'GET /api/intervenant/portail-jury': ['intervenant'],
  'POST /api/intervenant/portail-jury/sms': ['intervenant'],
  'POST /api/intervenant/portail-jury/code': ['intervenant'],
  // Issue 15 — « Consultation missions » of the intervenant (his own convocations only).
  'GET /api/intervenant/missions': ['intervenant'],
  'GET /api/intervenant/missions/:convocationId': ['intervenant'],
  'GET /api/intervenant/missions/:convocationId/duplicata': ['intervenant'],
  // Issue 15 — « Informations personnelles » of the intervenant (his own data only, no id).
  'GET /api/intervenant/informations': ['intervenant'],
  'PUT /api/intervenant/informations': ['intervenant'],
  // Issue 16 — « Saisie/consultation états de frais » of the intervenant (his own états only, decision 0028).
  'GET /api/intervenant/etats-frais': ['intervenant'],
  'POST /api/intervenant/etats-frais/conditions': ['intervenant'],
  'GET /api/intervenant/etats-frais/:id': ['intervenant'],
  'PUT /api/intervenant/etats-frais/:id': ['intervenant'],
  'POST /api/intervenant/etats-frais/:id/commencer': ['intervenant'],
  'POST /api/intervenant/etats-frais/:id/mission-non-effectuee': ['intervenant'],
  // Issue 15 — « Enquête DCS » (SIEC): the teacher's own answers (no id); the gestionnaire's follow-up.
  'GET /api/intervenant/enquete-dcs': ['intervenant'],
  'PUT /api/intervenant/enquete-dcs/etapes/:etape': ['intervenant'],
  'POST /api/intervenant/enquete-dcs/validation': ['intervenant'],
  'GET /api/gestion/enquete-dcs': ['gestionnaire'],
  'PUT /api/gestion/enquete-dcs/ouverture': ['gestionnaire'],
  'GET /api/gestion/enquete-dcs/reponses/:personneId': ['gestionnaire'],
  'GET /api/gestion/enquete-dcs/export': ['gestionnaire'],
  'GET /api/gestion/tableau-de-bord/sessions': ['gestionnaire'],
  'GET /api/gestion/tableau-de-bord/sessions/:sid': ['gestionnaire'],
  'GET /api/gestion/tableau-de-bord/sessions/:sid/export/:panneau': ['gestionnaire'],
  // Issue 16 — the gestionnaire's processing of the états de frais and their parameters (decision 0032).
  'GET /api/gestion/etats-frais': ['gestionnaire'],
  'GET /api/gestion/etats-frais/filtres': ['gestionnaire'],
  'GET /api/gestion/etats-frais/:id': ['gestionnaire'],
  'POST /api/gestion/etats-frais/:id/corriger': ['gestionnaire'],
  'POST /api/gestion/etats-frais/:id/valider': ['gestionnaire'],
  'POST /api/gestion/etats-frais/:id/rejeter': ['gestionnaire'],
  'POST /api/gestion/etats-frais/:id/annuler': ['gestionnaire'],
  'POST /api/gestion/etats-frais/regrouper': ['gestionnaire'],
  'POST /api/gestion/etats-frais/validation-masse': ['gestionnaire'],
  'GET /api/gestion/frais-parametres': ['gestionnaire'],
  'PUT /api/gestion/frais-parametres': ['gestionnaire'],
  // Issue 16 — pièces justificatives (decision 0030): the intervenant's own, the académie's gestionnaires.
  'POST /api/intervenant/etats-frais/:id/pieces': ['intervenant'],
  'GET /api/intervenant/etats-frais/:id/pieces/:pieceId': ['intervenant'],
  'DELETE /api/intervenant/etats-frais/:id/pieces/:pieceId': ['intervenant'],
  'POST /api/gestion/etats-frais/:id/pieces': ['gestionnaire'],
  'GET /api/gestion/etats-frais/:id/pieces/:pieceId': ['gestionnaire'],
  // Issue 16 — Valider / Dévalider and the récapitulatif PDF (decision 0031): the intervenant's own état;
  // the récapitulatif also for the académie's gestionnaires.
  'POST /api/intervenant/etats-frais/:id/valider': ['intervenant'],
  'POST /api/intervenant/etats-frais/:id/devalider': ['intervenant'],
  'GET /api/intervenant/etats-frais/:id/recapitulatif': ['intervenant'],
  'GET /api/gestion/etats-frais/:id/recapitulatif': ['gestionnaire'],
  // Issue 16 — liquidation (decision 0033): the académie's gestionnaires.
  'GET /api/gestion/liquidation-frais': ['gestionnaire'],
  'POST /api/gestion/liquidation-frais': ['gestionnaire'],
  'POST /api/gestion/liquidation-frais/:lotId/retour-paiement': ['gestionnaire'],
  // Issue 15 — the portals (his own convocations only; the activity's condition checked), the
  // administrator's addresses of the external applications, the tokens' public key, the demo target,
  // the gestionnaire's imports (decision 0022).
  'GET /api/intervenant/portails/missions': ['intervenant'],
  'POST /api/intervenant/portails/missions/:convocationId/acces': ['intervenant'],
  'POST /api/intervenant/portails/eps/acces': ['intervenant'],
  'POST /api/intervenant/portails/sujets/acces': ['intervenant'],
  'POST /api/intervenant/portails/statistiques/acces': ['intervenant'],
  'GET /api/admin/applications-externes': ['administrateur'],
  'PUT /api/admin/applications-externes/:application': ['administrateur'],
  'POST /api/admin/applications-externes/:application/verification': ['administrateur'],
  'GET /api/jeton-passage/cles': PUBLIC,
  'GET /api/demo-cible/:application': PUBLIC,
  'GET /api/gestion/imports': ['gestionnaire'],
  'POST /api/gestion/imports': ['gestionnaire'],
  // Issue 17 — imports streamed, previewed then applied (decision 0034).
  'POST /api/gestion/imports/fichier': ['gestionnaire'],
  'GET /api/gestion/imports/:id': ['gestionnaire'],
  'POST /api/gestion/imports/:id/appliquer': ['gestionnaire'],
  'GET /api/gestion/imports/genres/:code/documentation': ['gestionnaire'],
  'GET /api/gestion/imports/genres/:code/exemple': ['gestionnaire'],
  'GET /api/dsi/portail-secours': ['dsi'],
  'PUT /api/dsi/portail-secours': ['dsi'],
  'GET /api/admin/boite-envoi-sms': ['administrateur'],
};

/**
 * Every service a session can be opened on, for each role (issue 13 §2): a chef d'établissement works in
 * IMAG'IN établissement and in the CYCLADES établissement portal; every other role has one service.
 */
const SESSIONS: Array<{ role: Role; service: ServiceCode }> = ROLES.flatMap((role) =>
  SERVICE_CODES.filter((s) => SERVICES[s].roles.includes(role)).map((service) => ({ role, service })),
);
const nomSession = (s: { role: Role; service: ServiceCode }) => `${s.role} (${s.service})`;

/**
 * The service a route belongs to when its role reaches several services (null: every service of the
 * role): IMAG'IN établissement and centre d'examen under /api/etablissement and /api/centre, CYCLADES
 * établissement under /api/cyclades. A session of the other service is refused (403), whatever the
 * opening of the activity: the one-session-per-établissement rule of IMAG'IN holds (issue 13 §2).
 */
function serviceDeLaRoute(route: string): ServiceCode | null {
  const url = route.split(' ')[1]!;
  if (url.startsWith('/api/etablissement/') || url.startsWith('/api/centre/')) return 'imagin-etablissement';
  if (url.startsWith('/api/cyclades/')) return 'cyclades-etablissement';
  return null;
}

/** Whether a session of this role, opened on this service, may take this route. */
function autoriseeAttendue(route: string, role: Role, service: ServiceCode): boolean {
  const expected = EXPECTED[route];
  if (expected === undefined || expected === PUBLIC || !expected.includes(role)) return false;
  const proprietaire = serviceDeLaRoute(route);
  return proprietaire === null || !SERVICES[proprietaire].roles.includes(role) || proprietaire === service;
}

function concrete(url: string): string {
  return url
    .replace(':service', 'imagin-etablissement')
    .replace(':code', 'traitements')
    .replace(/:id\b/, '00000000-0000-4000-8000-000000000000');
}

let p: TestPlatform;
const clients = new Map<string, TestClient>();
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;

beforeAll(async () => {
  p = await createTestPlatform();
  etabs = await fixtureReferentiel(p);
  // Closed by default (004: the administrator opens it): open here, the matrix is about roles.
  await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'imagin-intervenant', activite: 'portail-deliberation-jury', ouverte: true }).execute();
  for (const role of ROLES) {
    const login = `matrice.${role}`;
    const compte = await fixtureCompte(p, { login, role, etablissementId: role === 'chef_etablissement' ? etabs.lycee : undefined, type: role === 'membre_jury' ? 'jury' : undefined });
    if (role === 'intervenant') {
      // Issue 15: entitled to the activities a grade or a teaching opens (inspecteur général, EPS in
      // 2nde GT); not convoked (portal, deliberation) nor in the SIEC (enquête DCS): see raisonPersonnelle.
      await p.ctx.db.updateTable('personne').set({ grade: 'IGESR' }).where('id', '=', compte.personneId!).execute();
      await p.ctx.db
        .insertInto('enseignement')
        .values({ personne_id: compte.personneId!, etablissement_id: etabs.lycee, annee_scolaire: '2026-2027', mef_code: '20010018110', mef_libelle: '2NDE GENERALE ET TECHNOLOGIQUE', type_mef: '2NDE GT', matiere: 'EDUCATION PHYSIQUE ET SPORTIVE', modalite_cours: 'CG' })
        .execute();
    }
  }
  for (const s of SESSIONS) {
    const login = `matrice.${s.role}`;
    const c = p.client();
    // The Jury portal has no password login: its session is opened as its two screens would.
    if (s.service === 'portail-jury') await fixtureSession(p, c, { login, service: s.service });
    else await c.login(s.service, login, MOT_DE_PASSE);
    clients.set(nomSession(s), c);
  }
});
afterAll(async () => {
  await p?.close();
});

/**
 * Issue 15: the personal condition of the activity of an intervenant's route (ConditionPersonne), and
 * the refusals it may give the matrix's intervenant, who meets some of them only: the role was admitted
 * (the condition is checked after it), the person is not entitled. Each condition is tested with
 * entitled and unentitled persons in src/server/imagin-intervenant/accueil.test.ts.
 */
function raisonPersonnelle(route: string, service: ServiceCode): string[] {
  const r = p.app.routesDeclarees.find((x) => `${x.method} ${x.url}` === route);
  const activite = r?.action ? (RULES[r.action] as Rule).activite : undefined;
  const def = activite ? SERVICES[service].activites.find((a) => a.code === activite) : undefined;
  // The gestionnaire's « Enquête DCS » exists in the SIEC only (the matrix's gestionnaire is of Rennes):
  // tested in the SIEC and elsewhere in src/server/imagin-intervenant/enquete-dcs.test.ts.
  if (def?.condition === 'academie_enquete_dcs') return ["L'enquête DCS n'existe que dans l'IMAG'IN du SIEC."];
  if (!def || !estConditionPersonne(def.condition)) return [];
  const condition: ConditionPersonne = def.condition;
  return [RAISON_CONDITION_PERSONNE[condition], "L'enquête DCS n'existe que dans l'IMAG'IN du SIEC."];
}

/** The routes a session may take (logging out excepted: it would end the session the other checks use). */
function routesProtegees(): Array<[string, Role[]]> {
  return Object.entries(EXPECTED).filter((e): e is [string, Role[]] => e[1] !== PUBLIC && e[0] !== 'POST /api/auth/deconnexion');
}

async function appeler(c: TestClient, key: string) {
  const [method, url] = key.split(' ') as [any, string];
  return c.request(method, concrete(url), method === 'GET' ? undefined : {});
}

describe('matrice des routes et des rôles', () => {
  it('couvre exactement les routes déclarées', () => {
    const declared = p.app.routesDeclarees.map((r) => `${r.method} ${r.url}`).sort();
    expect(declared).toEqual(Object.keys(EXPECTED).sort());
  });

  it('chaque route déclare une action de la politique ou un accès public conforme à la matrice', () => {
    for (const r of p.app.routesDeclarees) {
      const expected = EXPECTED[`${r.method} ${r.url}`];
      expect(r.public, `${r.method} ${r.url}`).toBe(expected === PUBLIC);
    }
  });

  it('refuse sans session toute route non publique (401)', async () => {
    const anonymous = p.client();
    for (const [key, expected] of Object.entries(EXPECTED)) {
      if (expected === PUBLIC) continue;
      const [method, url] = key.split(' ') as [any, string];
      const res = await anonymous.request(method, concrete(url), method === 'GET' ? undefined : {});
      expect(res.status, key).toBe(401);
    }
  });

  it('ouvre une session sur chaque service de chaque rôle (le chef d\'établissement : IMAG\'IN et CYCLADES)', () => {
    expect(SESSIONS.filter((s) => s.role === 'chef_etablissement').map((s) => s.service).sort()).toEqual(['cyclades-etablissement', 'imagin-etablissement']);
    expect(SESSIONS).toHaveLength(ROLES.length + 1);
  });

  it('rattache à un service chaque route d\'un rôle qui en a plusieurs', () => {
    // A route of the chef d'établissement outside the known prefixes would be reached from both of his
    // services: name its service in serviceDeLaRoute (or keep it shared, like the session routes).
    const partagees = routesProtegees()
      .filter(([k, roles]) => roles.includes('chef_etablissement') && serviceDeLaRoute(k) === null)
      .map(([k]) => k)
      .sort();
    expect(partagees).toEqual(
      [
        'GET /api/auth/session',
        'POST /api/auth/prolonger',
        'POST /api/auth/mot-de-passe',
        'GET /api/preferences',
        'PUT /api/preferences',
        'GET /api/traitements',
        'GET /api/traitements/:id',
        'POST /api/traitements/:id/relancer',
        'GET /api/documents/:id',
      ].sort(),
    );
  });

  for (const session of SESSIONS) {
    it(`applique la matrice à une session ${nomSession(session)}`, async () => {
      const c = clients.get(nomSession(session))!;
      for (const [key] of routesProtegees()) {
        const res = await appeler(c, key);
        if (autoriseeAttendue(key, session.role, session.service)) {
          if (res.status === 403 && raisonPersonnelle(key, session.service).includes(res.body.message)) continue;
          expect([401, 403], `${nomSession(session)} devrait être autorisé sur ${key} (reçu ${res.status} ${JSON.stringify(res.body)})`).not.toContain(res.status);
        } else {
          expect(res.status, `${nomSession(session)} devrait être refusé sur ${key} (reçu ${JSON.stringify(res.body)})`).toBe(403);
          expect(res.body.code, key).toBe('INTERDIT');
        }
      }
    });
  }
});

/** The activity (code) of the action of each route bound to one; the routes of actions without activity are left out. */
function routesParActivite(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of p.app.routesDeclarees) {
    const activite = r.action ? (RULES[r.action] as Rule).activite : undefined;
    const key = `${r.method} ${r.url}`;
    // A route missing from EXPECTED is reported by the first test.
    if (!activite || key === 'POST /api/auth/deconnexion' || !(key in EXPECTED)) continue;
    m.set(activite, [...(m.get(activite) ?? []), key]);
  }
  return m;
}

describe('activité fermée, quel que soit le service de la session (issue 13 §2)', () => {
  it('aucune session n\'atteint une activité fermée par la DEC', async () => {
    const parActivite = routesParActivite();
    let verifiees = 0;
    // Each activity the gestionnaire may close, in each service that has it, closed alone in turn.
    for (const service of SERVICE_CODES) {
      for (const a of SERVICES[service].activites.filter((x) => x.fermable)) {
        const routes = parActivite.get(a.code) ?? [];
        if (routes.length === 0) continue;
        const avant = await p.ctx.db.selectFrom('activite_ouverture').selectAll().where('academie_code', '=', '14').where('service', '=', service).where('activite', '=', a.code).executeTakeFirst();
        await p.ctx.db
          .insertInto('activite_ouverture')
          .values({ academie_code: '14', service, activite: a.code, ouverte: false })
          .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doUpdateSet({ ouverte: false }))
          .execute();
        try {
          for (const session of SESSIONS) {
            const c = clients.get(nomSession(session))!;
            for (const key of routes) {
              const res = await appeler(c, key);
              const attendue = autoriseeAttendue(key, session.role, session.service);
              const quoi = `${nomSession(session)} sur ${key}, « ${a.code} » fermée dans ${service} (reçu ${res.status} ${JSON.stringify(res.body)})`;
              if (attendue && session.service === service) {
                expect(res.status, quoi).toBe(403);
                // Not entitled (issue 15): refused for that first, whether open or closed.
                if (!raisonPersonnelle(key, session.service).includes(res.body.message)) expect(res.body.code, quoi).toBe('ACTIVITE_FERMEE');
              } else if (attendue) {
                // The same activity of another service (the établissement's comptes rendus): its own opening.
                if (res.status === 403 && raisonPersonnelle(key, session.service).includes(res.body.message)) continue;
                expect([401, 403], quoi).not.toContain(res.status);
              } else {
                expect(res.status, quoi).toBe(403);
              }
              verifiees++;
            }
          }
        } finally {
          if (avant) await p.ctx.db.updateTable('activite_ouverture').set({ ouverte: avant.ouverte }).where('academie_code', '=', '14').where('service', '=', service).where('activite', '=', a.code).execute();
          else await p.ctx.db.deleteFrom('activite_ouverture').where('academie_code', '=', '14').where('service', '=', service).where('activite', '=', a.code).execute();
        }
      }
    }
    expect(verifiees).toBeGreaterThan(100);
  });

  it('le cas de l\'issue : saisie des indisponibilités fermée, la session CYCLADES du chef est refusée comme celle d\'IMAG\'IN', async () => {
    await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'imagin-etablissement', activite: 'saisie-indisponibilite', ouverte: false }).execute();
    try {
      const imagin = await clients.get('chef_etablissement (imagin-etablissement)')!.post('/api/etablissement/indisponibilites/personnels/15', {});
      expect(imagin.status).toBe(403);
      expect(imagin.body.code).toBe('ACTIVITE_FERMEE');
      const cyclades = await clients.get('chef_etablissement (cyclades-etablissement)')!.post('/api/etablissement/indisponibilites/personnels/15', {});
      expect(cyclades.status).toBe(403);
      expect(cyclades.body.message).toContain("IMAG'IN");
    } finally {
      await p.ctx.db.deleteFrom('activite_ouverture').where('service', '=', 'imagin-etablissement').where('activite', '=', 'saisie-indisponibilite').execute();
    }
    // The reverse: the CYCLADES export is not reached from IMAG'IN, open or closed.
    const inverse = await clients.get('chef_etablissement (imagin-etablissement)')!.get('/api/cyclades/etablissement/eleves/export.csv');
    expect(inverse.status).toBe(403);
    expect(inverse.body.message).toContain('CYCLADES');
  });
});

/**
 * The centre activities of a chef d'établissement (issue 13): the centre d'examen's (IMAG'IN) and the
 * centre de délibération's (CYCLADES), condition declared by the activity (or the action, for reads
 * shared by several activities).
 */
function conditionDeLaRoute(r: { action: Action | null }): 'centre_examen' | 'centre_deliberation' | null {
  if (!r.action) return null;
  const rule = RULES[r.action] as Rule;
  if (rule.condition) return rule.condition;
  if (!rule.activite) return null;
  const defs = SERVICE_CODES.flatMap((s) => SERVICES[s].activites.filter((a) => a.code === rule.activite && SERVICES[s].roles.some((x) => rule.roles.includes(x))));
  const c = defs.find((a) => a.condition === 'centre_examen' || a.condition === 'centre_deliberation')?.condition;
  return (c as 'centre_examen' | 'centre_deliberation' | undefined) ?? null;
}

describe("établissement qui n'est ni centre d'examen ni centre de délibération (issue 13)", () => {
  it('les routes des centres le sont toutes', () => {
    for (const r of p.app.routesDeclarees) {
      const key = `${r.method} ${r.url}`;
      if (/^\/api\/centre\/(consultation|convocation|acces-academies|signatures\/centre|constat|icc)/.test(r.url)) expect(conditionDeLaRoute(r), key).toBe('centre_examen');
      if (r.url.startsWith('/api/cyclades/deliberation/')) expect(conditionDeLaRoute(r), key).toBe('centre_deliberation');
    }
  });

  it('refuse (403, avec la raison) toute route des centres à DU PARC, sur ses deux services, et rien d\'autre', async () => {
    await fixtureCompte(p, { login: 'matrice.college', role: 'chef_etablissement', etablissementId: etabs.college });
    for (const service of ['imagin-etablissement', 'cyclades-etablissement'] as const) {
      const c = p.client();
      await c.login(service, 'matrice.college', MOT_DE_PASSE);
      for (const r of p.app.routesDeclarees) {
        const key = `${r.method} ${r.url}`;
        if (EXPECTED[key] === PUBLIC || key === 'POST /api/auth/deconnexion' || !autoriseeAttendue(key, 'chef_etablissement', service)) continue;
        const res = await appeler(c, key);
        const condition = conditionDeLaRoute(r);
        const quoi = `DU PARC (${service}) sur ${key} (reçu ${res.status} ${JSON.stringify(res.body)})`;
        if (condition === 'centre_examen') {
          expect(res.status, quoi).toBe(403);
          expect(res.body.message, quoi).toContain("Votre établissement n'est pas centre d'examen");
        } else if (condition === 'centre_deliberation') {
          expect(res.status, quoi).toBe(403);
          expect(res.body.message, quoi).toContain("Votre établissement n'est pas centre de délibération");
        } else {
          expect([401, 403], quoi).not.toContain(res.status);
        }
      }
      await c.post('/api/auth/deconnexion');
    }
  });
});
