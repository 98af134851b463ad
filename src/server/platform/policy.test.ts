// The route × role matrix (issue 2 §3): every /api route, every role, the expected allow or deny,
// checked over HTTP. A route added without its line here fails the first test; each issue extends
// EXPECTED with its routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { ServiceCode } from '../../domain/services.ts';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, fixtureSession, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';

const PUBLIC = 'public' as const;
const AGENTS: Role[] = ['gestionnaire', 'administrateur', 'dsi'];
const TOUS: Role[] = [...ROLES];

export const EXPECTED: Record<string, Role[] | typeof PUBLIC> = {
  'GET /api/health': PUBLIC,
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
  'GET /api/dsi/portail-secours': ['dsi'],
  'PUT /api/dsi/portail-secours': ['dsi'],
  'GET /api/admin/boite-envoi-sms': ['administrateur'],
};

const SERVICE_DU_ROLE: Record<Role, ServiceCode> = {
  gestionnaire: 'imagin-gestion',
  chef_etablissement: 'imagin-etablissement',
  intervenant: 'imagin-intervenant',
  administrateur: 'imagin-admin',
  dsi: 'dsi',
  candidat: 'espace-candidat',
  membre_jury: 'portail-jury',
};

function concrete(url: string): string {
  return url
    .replace(':service', 'imagin-etablissement')
    .replace(':code', 'traitements')
    .replace(/:id\b/, '00000000-0000-4000-8000-000000000000');
}

let p: TestPlatform;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  p = await createTestPlatform();
  const etabs = await fixtureReferentiel(p);
  // Closed by default (004: the administrator opens it): open here, the matrix is about roles.
  await p.ctx.db.insertInto('activite_ouverture').values({ academie_code: '14', service: 'imagin-intervenant', activite: 'portail-deliberation-jury', ouverte: true }).execute();
  for (const role of ROLES) {
    const login = `matrice.${role}`;
    await fixtureCompte(p, { login, role, etablissementId: role === 'chef_etablissement' ? etabs.lycee : undefined, type: role === 'membre_jury' ? 'jury' : undefined });
    const c = p.client();
    // The Jury portal has no password login: its session is opened as its two screens would.
    if (role === 'membre_jury') await fixtureSession(p, c, { login, service: 'portail-jury' });
    else await c.login(SERVICE_DU_ROLE[role], login, MOT_DE_PASSE);
    clients.set(role, c);
  }
});
afterAll(async () => {
  await p?.close();
});

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

  for (const role of ROLES) {
    it(`applique la matrice au rôle ${role}`, async () => {
      const c = clients.get(role)!;
      // Logging out would end the session used by the other checks: it is tested last, alone.
      const entries = Object.entries(EXPECTED).filter(([k, e]) => e !== PUBLIC && k !== 'POST /api/auth/deconnexion');
      for (const [key, expected] of entries) {
        const [method, url] = key.split(' ') as [any, string];
        const res = await c.request(method, concrete(url), method === 'GET' ? undefined : {});
        if ((expected as Role[]).includes(role)) {
          expect([401, 403], `${role} devrait être autorisé sur ${key} (reçu ${res.status} ${JSON.stringify(res.body)})`).not.toContain(res.status);
        } else {
          expect(res.status, `${role} devrait être refusé sur ${key}`).toBe(403);
          expect(res.body.code).toBe('INTERDIT');
        }
      }
      const out = await c.post('/api/auth/deconnexion');
      expect(out.status).toBe(200);
    });
  }
});
