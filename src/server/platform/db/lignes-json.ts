// The rows of a query as one JSON document. PGlite decodes every field of every row in JavaScript;
// for hundreds or thousands of rows, one json_agg value is about three times faster (and no slower on
// PostgreSQL). Time stamps come back as ISO strings, dates as 'AAAA-MM-JJ', times 'HH:MM:SS'.
import { CompiledQuery } from 'kysely';
import type { Executeur } from '../../cyclades-deliberation/jurys.repo.ts';

export async function lignesJson<O>(db: Executeur, q: { compile(): CompiledQuery<O> }): Promise<O[]> {
  const c = q.compile();
  const r = await db.executeQuery<{ j: O[] | string }>(CompiledQuery.raw(`select coalesce(json_agg(t), '[]'::json) as j from (${c.sql}) t`, [...c.parameters]));
  const j = r.rows[0]!.j;
  return typeof j === 'string' ? (JSON.parse(j) as O[]) : j;
}
