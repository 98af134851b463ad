// Prepared statements for the hottest queries on PostgreSQL (issue 18 §10, decision 0025). A query sent
// with a name is parsed and planned once per connection; PostgreSQL then reuses its plan (a generic plan
// after five executions when it costs no more). For the session's query and « Mes résultats », planning
// cost more than executing: a results day reads them hundreds of times a second.
// A query is marked with `.modifyFront(preparee())` (a SQL comment, harmless on PGlite, which has no
// named statements to gain); the pool's clients send each marked text under a name derived from it.
// Behind a connection pooler, use session pooling, or PgBouncer ≥ 1.21 with max_prepared_statements
// (docs/operations.md).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

export const MARQUE_PREPAREE = '/* preparee */';

/** To put in front of a select (`.modifyFront(preparee())`): PostgreSQL prepares it once per connection. */
export const preparee = () => sql.raw(MARQUE_PREPAREE);

/** Sends the marked queries of this pool's connections as named statements. */
export function preparerRequetesMarquees(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const noms = new Map<string, string>();
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (texte: unknown, ...reste: unknown[]) => {
      if (typeof texte === 'string' && texte.includes(MARQUE_PREPAREE)) {
        let name = noms.get(texte);
        if (!name) {
          name = 'p_' + createHash('sha1').update(texte).digest('hex').slice(0, 20);
          noms.set(texte, name);
        }
        const [values, rappel] = reste;
        return rappel === undefined ? query({ name, text: texte, values }) : query({ name, text: texte, values }, rappel);
      }
      return query(texte, ...reste);
    };
  });
}
