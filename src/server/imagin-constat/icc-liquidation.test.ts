// ICC répartition lines in a liquidation batch (issue 16 §8, migration 028): the database refuses any
// change of their person or amount; the service says so first — 409 naming the batch — instead of a
// technical error, and the other lines of the declaration stay editable.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureConstat } from './fixtures.ts';

const G = '/api/gestion/icc';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureConstat>>;
let dec: TestClient;

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureConstat(p);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

describe('ICC : ligne de répartition dans un lot de liquidation', () => {
  it('la modifier ou la retirer : 409 nommant le lot, rien ne change ; les autres lignes restent modifiables', async () => {
    const url = `${G}/sessions/${f.sessions.bts2026}/centres/${f.etabs.lycee}/normale`;
    const alice = (pct: string) => ({ personneId: f.personnes.alice, pourcentage: pct });
    const bruno = (montant: string) => ({ personneId: f.personnes.bruno, montant });
    const cree = await dec.put(url, { version: null, dateDebut: '12/05/2026', journees: ['2', '1,5', '1'], lignes: [alice('50'), bruno('100')] });
    expect(cree.status, JSON.stringify(cree.body)).toBe(200);
    const ligneBruno = cree.body.declaration.lignes.find((l: any) => l.montant === 10_000);
    const lot = await p.ctx.db
      .insertInto('liquidation_lot')
      .values({ academie_code: '14', numero: 7, cree_le: new Date('2026-07-01T08:00:00Z'), total_centimes: 10_000 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update icc_repartition set liquidation_lot_id = ${lot.id} where id = ${ligneBruno.id}`.execute(p.ctx.db);
    let version = cree.body.declaration.version;

    const tentatives = [
      { dateDebut: '12/05/2026', journees: ['2', '1,5', '1'], lignes: [alice('50'), bruno('120')] }, // amount changed
      { dateDebut: '12/05/2026', journees: ['2', '1,5', '1'], lignes: [alice('50')] }, // line removed
    ];
    for (const t of tentatives) {
      const r = await dec.put(url, { version, ...t });
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.message).toMatch(/^Cette ligne de répartition est dans le lot de liquidation n° 7 : la ligne de BRUNO-CSF Bruno \(100,00\s€\) ne peut plus être modifiée ni retirée/);
      expect(r.body.message).not.toMatch(/Erreur technique/);
    }
    const inchangee = await sql<{ montant_centimes: number; liquidation_lot_id: number }>`select montant_centimes, liquidation_lot_id from icc_repartition where id = ${ligneBruno.id}`.execute(p.ctx.db);
    expect(inchangee.rows).toEqual([{ montant_centimes: 10_000, liquidation_lot_id: lot.id }]);

    // Alice's line (not in a batch) and the days still change; Bruno's line is kept as it is.
    const ok = await dec.put(url, { version, dateDebut: '12/05/2026', journees: ['4', '1,5', '1'], lignes: [alice('40'), bruno('100')] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.declaration.lignes.map((l: any) => [l.nomPrenom, l.montant])).toEqual([
      ['ALICE-CSF Anne', 18_800],
      ['BRUNO-CSF Bruno', 10_000],
    ]);
    version = ok.body.declaration.version;
    expect(version).toBeGreaterThan(cree.body.declaration.version);
  });
});
