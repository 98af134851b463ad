// Issue 13 (seed 003 §2.1): a closed or crashed browser no longer locks the établissement out for 30
// minutes. Two different accounts still cannot work in IMAG'IN at once for one établissement; the same
// account takes over its own previous session (the old one ended, audited « session.reprise »), and
// the rule holds whichever établissement service (IMAG'IN, CYCLADES) the sessions were opened on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;

beforeEach(async () => {
  p = await createTestPlatform();
  etabs = await fixtureReferentiel(p);
  await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
  await fixtureCompte(p, { login: 'adjoint.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
});
afterEach(async () => {
  await p.close();
});

async function audits(action: string) {
  return p.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

describe('reprise de sa propre session IMAG’IN établissement', () => {
  it('le même compte reprend sa session restée ouverte (navigateur fermé) : l’ancienne est close et la reprise auditée', async () => {
    const ancien = p.client();
    await ancien.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    p.clock.advance(5 * 60_000);
    // The browser crashed; from another browser (another address), the same person logs in again.
    const nouveau = p.client();
    nouveau.ip = '10.0.0.9';
    const res = await nouveau.post('/api/auth/connexion', { service: 'imagin-etablissement', identifiant: 'ce.0350710g', motDePasse: MOT_DE_PASSE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reprise).toContain('Votre session précédente');
    expect(res.body.reprise).toContain('15/06/2026 à 10:00');
    expect((await nouveau.get('/api/auth/session')).status).toBe(200);

    // The old session is closed and says why.
    const old = await ancien.get('/api/auth/session');
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('NON_AUTHENTIFIE');
    expect(old.body.message).toContain('reprise depuis un autre navigateur');
    const sessions = await p.ctx.db.selectFrom('session_utilisateur').select(['fin_le', 'motif_fin']).where('service', '=', 'imagin-etablissement').orderBy('cree_le').execute();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.motif_fin).toBe('reprise');
    expect(sessions[1]!.fin_le).toBeNull();

    const [a] = await audits('session.reprise');
    expect(a).toMatchObject({ academie_code: '14', acteur: 'ce.0350710g', ip: '10.0.0.9', entite: 'etablissement', entite_id: String(etabs.lycee) });
    expect(a!.apres).toMatchObject({ service: 'imagin-etablissement', depuis: '2026-06-15T08:00:00.000Z' });
    // Not a refusal.
    expect(await audits('connexion.refusee_session_etablissement')).toHaveLength(0);
  });

  it('deux comptes différents : la règle du seed tient (409), même si la session de l’autre est abandonnée', async () => {
    const a = p.client();
    await a.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    p.clock.advance(20 * 60_000);
    const refuse = await p.client().post('/api/auth/connexion', { service: 'imagin-etablissement', identifiant: 'adjoint.0350710g', motDePasse: MOT_DE_PASSE });
    expect(refuse.status).toBe(409);
    expect(refuse.body.message).toContain("Deux connexions simultanées à l'application IMAG'IN ne sont pas autorisées au sein d'un établissement");
    expect(refuse.body.message).toContain('ce.0350710g');
    expect((await a.get('/api/auth/session')).status).toBe(200);
    expect(await audits('session.reprise')).toHaveLength(0);
    // The owner of the session may take it over from a new browser; the other account is still refused.
    const b = p.client();
    await b.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    expect((await p.client().post('/api/auth/connexion', { service: 'imagin-etablissement', identifiant: 'adjoint.0350710g', motDePasse: MOT_DE_PASSE })).status).toBe(409);
  });

  it("la reprise ferme aussi les onglets ouverts dans d'autres académies depuis l'ancienne session", async () => {
    const ancien = p.client();
    const s = await ancien.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const parente = await p.ctx.db.selectFrom('session_utilisateur').select(['id', 'compte_id', 'role_attribution_id']).where('fin_le', 'is', null).executeTakeFirstOrThrow();
    const now = p.clock.now();
    await p.ctx.db
      .insertInto('session_utilisateur')
      .values({ id: 'enfant-test', compte_id: parente.compte_id, role_attribution_id: parente.role_attribution_id, service: 'imagin-etablissement', academie_code: '16', etablissement_id: etabs.lycee, csrf_token: s.csrfToken, parent_session_id: parente.id, derniere_activite: now, cree_le: now, ip: null, user_agent: null })
      .execute();
    await p.client().login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const enfant = await p.ctx.db.selectFrom('session_utilisateur').select(['fin_le', 'motif_fin']).where('id', '=', 'enfant-test').executeTakeFirstOrThrow();
    expect(enfant.fin_le).not.toBeNull();
  });
});

describe('les deux services établissement (IMAG’IN et CYCLADES)', () => {
  it("une session CYCLADES ne reprend ni ne bloque la session IMAG'IN, et n'y travaille pas", async () => {
    const imagin = p.client();
    await imagin.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    // The same account on the CYCLADES portal: another service, the IMAG'IN session stays open.
    const cycladesMeme = p.client();
    await cycladesMeme.login('cyclades-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    expect((await imagin.get('/api/auth/session')).status).toBe(200);
    expect(await audits('session.reprise')).toHaveLength(0);
    // Another account on the CYCLADES portal: allowed (seed 003 §2.1 is about IMAG'IN)…
    const cycladesAutre = p.client();
    await cycladesAutre.login('cyclades-etablissement', 'adjoint.0350710g', MOT_DE_PASSE);
    // … but it cannot do IMAG'IN's work there: one IMAG'IN session per établissement holds.
    for (const c of [cycladesMeme, cycladesAutre]) {
      const r = await c.get('/api/etablissement/indisponibilites/personnels');
      expect(r.status).toBe(403);
      expect(r.body.message).toContain("Service établissement IMAG'IN");
    }
    expect((await imagin.get('/api/etablissement/indisponibilites/personnels')).status).toBe(200);
    // Nor open a second IMAG'IN session.
    expect((await p.client().post('/api/auth/connexion', { service: 'imagin-etablissement', identifiant: 'adjoint.0350710g', motDePasse: MOT_DE_PASSE })).status).toBe(409);
  });

  it("une session IMAG'IN ne fait pas le travail de CYCLADES", async () => {
    const imagin = p.client();
    await imagin.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
    const r = await imagin.get('/api/cyclades/etablissement/eleves/export.csv');
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('Portail établissement CYCLADES');
  });
});
