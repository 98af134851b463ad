// The outer database must never be used while a transaction of the same request is open.
//
// PGlite has one connection: a query on the outer `ctx.db` issued from inside `db.transaction()`
// waits for the transaction to end, which waits for the query — the whole server hangs (issue 13
// §1). On PostgreSQL the same code takes a second connection, sees data without the transaction's
// changes and can wait on its own row locks. Both are the same bug, so the guard throws on both
// drivers, in tests, development and production alike (docs/decisions/0014-garde-des-transactions.md).
//
// How: `garderTransactions(db)` returns the outer Kysely wrapped in a Proxy. `transaction()` runs
// its callback inside an AsyncLocalStorage context marked « open » until the callback settles; any
// use of the outer instance (building a query, `sql`.execute(db), another transaction, a pg-boss send
// without the transaction) from that context throws. The transaction object itself (`trx`) is
// Kysely's own and is never checked. Work merely started inside a transaction and running after it
// ended is not refused: the mark is cleared when the callback settles.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';

interface EtatTransaction {
  ouverte: boolean;
}

const contexte = new AsyncLocalStorage<EtatTransaction>();

export class TransactionOuverteError extends Error {
  constructor(usage: string) {
    super(
      `Base utilisée hors de la transaction ouverte (${usage}) : dans une transaction, passez la transaction ` +
        `(trx) aux dépôts au lieu de ctx.db — sur PGlite, cet appel bloquerait tout le serveur.`,
    );
    this.name = 'TransactionOuverteError';
  }
}

/** True while the calling code runs inside the callback of a guarded `transaction()`. */
export function transactionOuverte(): boolean {
  return contexte.getStore()?.ouverte === true;
}

/**
 * Runs `fn` as if no transaction were open: for the one write that must be seen by others while a long
 * transaction runs (a progress bar), through another connection. Only on a PostgreSQL pool — on PGlite
 * it would wait for the transaction itself; the caller checks `ctx.database.kind`.
 */
export function horsDeLaTransaction<T>(fn: () => T): T {
  return contexte.exit(fn);
}

/** Throws when called from inside an open transaction (used by the outer db and by pg-boss sends without trx). */
export function verifierHorsTransaction(usage: string): void {
  if (transactionOuverte()) throw new TransactionOuverteError(usage);
}

// Properties that only build expressions (no connection): allowed inside a transaction.
const SANS_CONNEXION = new Set<PropertyKey>(['fn', 'dynamic', 'isTransaction', 'then', 'constructor', 'toJSON']);

type Builder = {
  execute(cb: (trx: unknown) => Promise<unknown>): Promise<unknown>;
  setIsolationLevel(level: unknown): Builder;
  setAccessMode(mode: unknown): Builder;
};

function garderBuilder(builder: Builder): Builder {
  return {
    setIsolationLevel: (level) => garderBuilder(builder.setIsolationLevel(level)),
    setAccessMode: (mode) => garderBuilder(builder.setAccessMode(mode)),
    execute: (cb) =>
      builder.execute((trx) => {
        const etat: EtatTransaction = { ouverte: true };
        return contexte.run(etat, async () => {
          try {
            return await cb(trx);
          } finally {
            etat.ouverte = false;
          }
        });
      }),
  };
}

const gardees = new WeakSet<object>();

export function garderTransactions<DB>(db: Kysely<DB>): Kysely<DB> {
  if (gardees.has(db)) return db;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      // Getters such as `fn` return functions carrying properties (fn.countAll): returned as they are.
      if (SANS_CONNEXION.has(prop)) return Reflect.get(target, prop, target);
      if (typeof prop === 'symbol') {
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      verifierHorsTransaction(`ctx.db.${String(prop)}`);
      if (prop === 'transaction') {
        return () => garderBuilder(target.transaction() as unknown as Builder);
      }
      const v = Reflect.get(target, prop, receiver === proxy ? target : receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  gardees.add(proxy);
  return proxy;
}
