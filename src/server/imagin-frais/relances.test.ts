// Reminders of unvalidated états de frais (issue 16 §9) on the database, with the TestClock: the
// intervenants whose missions are over and whose frais are « non validé » get one French mail per
// académie listing the missions; a second run the same night mails nobody; not again before the
// académie's interval (configurable, 7 days by default); a validated état or a mission still to come
// is not reminded; the job runs nightly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, fixtureReferentiel, TestClock, type TestPlatform } from '../testing/harness.ts';
import { fixtureEtatsValides } from './liquidation.fixtures.ts';
import { CRON_RELANCES_FRAIS, envoyerRelances, JOB_RELANCES_FRAIS, relancesJob } from './relances.ts';

let p: TestPlatform;
let passes: number[] = [];
let aVenir: number[] = [];
const clock = new TestClock(new Date('2026-06-15T00:45:00Z')); // 02:45 in Paris

async function mails() {
  return p.ctx.db.selectFrom('mail').select(['destinataires', 'objet', 'texte', 'academie_code']).where('objet', 'like', 'États de frais à compléter%').orderBy('cree_le').execute();
}

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  const etabs = await fixtureReferentiel(p);
  const db = p.ctx.db;
  passes = (await fixtureEtatsValides(db, { academie: '14', centreId: etabs.lycee, n: 3, debutNumero: 700_000, jour: '2026-06-10' })).etats;
  aVenir = (await fixtureEtatsValides(db, { academie: '14', centreId: etabs.lycee, n: 1, debutNumero: 710_000, jour: '2026-06-20' })).etats;
  await db.updateTable('etat_frais').set({ statut: 'non_valide', numero_ordre: null }).where('id', 'in', [...passes, ...aVenir]).execute();
  // The first person also holds the second mission: one mail lists both.
  const [e1, e2] = await db.selectFrom('etat_frais').select(['id', 'convocation_id', 'personne_id']).where('id', 'in', passes.slice(0, 2)).orderBy('id').execute();
  await db.updateTable('convocation').set({ personne_id: e1!.personne_id }).where('id', '=', e2!.convocation_id).execute();
  await db.updateTable('etat_frais').set({ personne_id: e1!.personne_id }).where('id', '=', e2!.id).execute();
  // Toulouse's gestionnaires remind every 3 days; Rennes keeps the default (7).
  await db.insertInto('frais_parametres').values({ academie_code: '16', conditions_texte: 'Conditions', relance_intervalle_jours: 3 }).execute();
});

afterAll(async () => {
  await p?.close();
});

describe('Relances des états de frais non validés', () => {
  it('un courriel par intervenant et par académie, en français, avec la liste des missions terminées', async () => {
    const b = await envoyerRelances(p.ctx);
    expect(b).toEqual({ jour: '2026-06-15', relances: 2, dejaRelances: 0, sansAdresse: 0 });
    const m = await mails();
    expect(m).toHaveLength(2);
    const premier = m.find((x) => x.texte.includes('700001'))!;
    expect(premier.destinataires).toEqual(['liq700001@example.fr']);
    expect(premier.objet).toBe('États de frais à compléter (académie de Rennes)');
    expect(premier.texte).toContain('Bonjour Claire LIQUIDATION-700001,');
    expect(premier.texte).toContain('Les missions suivantes sont terminées et leurs états de frais ne sont pas encore validés :');
    expect(premier.texte).toContain('- mission n° 700001 : CORRECTION DE COPIES (BACCALAUREAT GENERAL), à partir du 10/06/2026');
    expect(premier.texte).toContain('- mission n° 700002 : CORRECTION DE COPIES (BACCALAUREAT GENERAL), à partir du 10/06/2026');
    expect(premier.texte).toContain('http://localhost:3000/imagin-intervenant/etats-frais');
    // The mission still to come is not in any mail.
    expect(m.some((x) => x.texte.includes('710001'))).toBe(false);
  });

  it('relancé deux fois la même nuit : personne ne reçoit un second courriel', async () => {
    clock.advance(10 * 60_000);
    const b = await envoyerRelances(p.ctx);
    expect(b.relances).toBe(0);
    expect(await mails()).toHaveLength(2);
  });

  it("pas avant l'intervalle de l'académie (7 jours par défaut) ; un état validé entre-temps n'est plus relancé", async () => {
    // Six days later: the mission « à venir » is over now, its person is reminded for the first time; the
    // others were reminded six days ago.
    clock.set(new Date('2026-06-21T00:45:00Z'));
    expect((await envoyerRelances(p.ctx)).relances).toBe(1);
    expect((await mails()).at(-1)!.destinataires).toEqual(['liq710001@example.fr']);
    // Seven days later: reminded again, except the état validated in between.
    clock.set(new Date('2026-06-22T00:45:00Z'));
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'valide' }).where('id', '=', passes[2]!).execute();
    const b = await envoyerRelances(p.ctx);
    expect(b.relances).toBe(1);
    const m = await mails();
    expect(m).toHaveLength(4);
    expect(m.at(-1)!.destinataires).toEqual(['liq700001@example.fr']);
    expect(m.slice(2).some((x) => x.texte.includes('700003'))).toBe(false);
  });

  it("l'intervalle se règle par académie (frais_parametres.relance_intervalle_jours)", async () => {
    const etab = await p.ctx.db.selectFrom('etablissement').select('id').where('uai', '=', '0120006S').executeTakeFirstOrThrow();
    const t = (await fixtureEtatsValides(p.ctx.db, { academie: '16', centreId: etab.id, n: 1, debutNumero: 720_000, jour: '2026-06-15' })).etats;
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'non_valide', numero_ordre: null }).where('id', 'in', t).execute();
    expect((await envoyerRelances(p.ctx)).relances).toBe(1);
    clock.set(new Date('2026-06-24T00:45:00Z'));
    expect((await envoyerRelances(p.ctx)).relances).toBe(0);
    clock.set(new Date('2026-06-25T00:45:00Z'));
    const b = await envoyerRelances(p.ctx);
    expect(b.relances).toBe(1);
    const dernier = (await mails()).at(-1)!;
    expect(dernier).toMatchObject({ academie_code: '16', objet: 'États de frais à compléter (académie de Toulouse)' });
    expect(dernier.texte).toContain('La mission suivante est terminée et son état de frais n\'est pas encore validé :');
  });

  it('le travail est planifié chaque nuit et passe par la file des courriels', async () => {
    const job = relancesJob(p.ctx);
    expect(job).toMatchObject({ name: JOB_RELANCES_FRAIS, cron: CRON_RELANCES_FRAIS });
    expect(CRON_RELANCES_FRAIS).toBe('45 2 * * *');
    clock.set(new Date('2026-07-10T00:45:00Z'));
    await job.handler({}, { jobId: 'x', tentative: 1 });
    const m = await mails();
    expect(m.length).toBeGreaterThan(5);
    // Every reminder went through the platform's outbox (a mail job per message).
    const envois = await p.ctx.db.selectFrom('mail').select('id').where('objet', 'like', 'États de frais à compléter%').execute();
    expect(envois).toHaveLength(m.length);
  });
});
