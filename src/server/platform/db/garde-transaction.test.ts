// Issue 13 §1: the outer database used from inside an open transaction throws at once, on PGlite
// (where it would hang the server) and on PostgreSQL alike; the transaction itself, and the outer
// database before and after, work as usual.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { TransactionOuverteError, transactionOuverte } from './garde-transaction.ts';
import { freshDatabase } from '../../testing/harness.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('garde des transactions', () => {
  it('refuse ctx.db dans une transaction ouverte, sans bloquer', async () => {
    const db = database.db;
    const erreurs: unknown[] = [];
    const n = await db.transaction().execute(async (trx) => {
      expect(transactionOuverte()).toBe(true);
      for (const usage of [
        () => db.selectFrom('academie').select('code').execute(),
        () => sql`select 1`.execute(db),
        () => db.transaction().execute(async () => 1),
        () => db.insertInto('academie').values({ code: 'X', libelle: 'x', nom_majuscule: 'X', domaine_mail: 'x' }).execute(),
      ]) {
        try {
          await usage();
        } catch (e) {
          erreurs.push(e);
        }
      }
      // The transaction itself works, also from a nested async call.
      const r = await Promise.resolve().then(() => sql<{ un: number }>`select 1 as un`.execute(trx));
      return r.rows[0]!.un;
    });
    expect(n).toBeGreaterThan(0);
    expect(erreurs).toHaveLength(4);
    for (const e of erreurs) {
      expect(e).toBeInstanceOf(TransactionOuverteError);
      expect((e as Error).message).toMatch(/transaction ouverte/);
    }
    expect(transactionOuverte()).toBe(false);
    // After the transaction, the outer database answers (nothing is left waiting).
    const r = await sql<{ un: number }>`select 1 as un`.execute(database.db);
    expect(r.rows[0]!.un).toBe(1);
  });

  it("laisse passer le travail lancé dans une transaction et exécuté après elle, et les constructions d'expressions", async () => {
    const db = database.db;
    let plusTard: Promise<number> | null = null;
    await db.transaction().execute(async (trx) => {
      plusTard = new Promise<void>((r) => setTimeout(r, 20)).then(async () => (await sql<{ un: number }>`select 1 as un`.execute(db)).rows[0]!.un);
      await trx.selectFrom('academie').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    });
    expect(await plusTard!).toBeGreaterThan(0);
  });

  it('une erreur dans la transaction la défait et libère la base', async () => {
    const db = database.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('academie').values({ code: 'ZZ', libelle: 'Test', nom_majuscule: 'TEST', domaine_mail: 'zz.test' }).execute();
        await db.selectFrom('academie').selectAll().execute();
      }),
    ).rejects.toBeInstanceOf(TransactionOuverteError);
    const zz = await db.selectFrom('academie').select('code').where('code', '=', 'ZZ').execute();
    expect(zz).toHaveLength(0);
  });
});
