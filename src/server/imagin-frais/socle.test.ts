// The état de frais of a convocation (migration 022, decision 0027): created by the database with every
// convocation « convoquee », whatever path convokes, once; a convocation only « affectee » has none
// until it is convoked; the académie and the person are the convocation's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
});
afterAll(async () => {
  await p?.close();
});

const fraisDe = (convocationId: number) => p.ctx.db.selectFrom('etat_frais').selectAll().where('convocation_id', '=', convocationId).execute();

describe("l'état de frais d'une convocation", () => {
  it('est créé avec la convocation « convoquee », dans son académie et pour sa personne, une seule fois', async () => {
    const frais = await fraisDe(f.convocations.oral2Alice);
    expect(frais).toHaveLength(1);
    expect(frais[0]).toMatchObject({ statut: 'non_valide', academie_code: '14', personne_id: f.personnes.alice, version: 1, numero_ordre: null });
    const toulouse = await fraisDe(f.convocations.toulouseDenis);
    expect(toulouse[0]).toMatchObject({ academie_code: '16', personne_id: f.personnes.denis });
    // Convoked again (a status rewritten by an edition): still the same one, untouched.
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'valide' }).where('id', '=', frais[0]!.id).execute();
    await p.ctx.db.updateTable('convocation').set({ statut: 'convoquee' }).where('id', '=', f.convocations.oral2Alice).execute();
    const apres = await fraisDe(f.convocations.oral2Alice);
    expect(apres).toHaveLength(1);
    expect(apres[0]).toMatchObject({ id: frais[0]!.id, statut: 'valide' });
  });

  it("n'existe pas pour une convocation seulement « affectee », puis naît quand elle est convoquée", async () => {
    const c = (
      await p.ctx.db
        .insertInto('convocation')
        .values({ academie_code: '14', mission_id: f.missions.surveillance, personne_id: f.personnes.bruno, origine: 'gestionnaire', statut: 'affectee' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await fraisDe(c)).toHaveLength(0);
    await p.ctx.db.updateTable('convocation').set({ statut: 'convoquee' }).where('id', '=', c).execute();
    expect(await fraisDe(c)).toMatchObject([{ statut: 'non_valide', personne_id: f.personnes.bruno }]);
  });
});
