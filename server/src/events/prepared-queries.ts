import type { PoolClient } from 'pg';
import { PLAN_EACH_RUN, type Queryable } from '../identity/identity-ops';

/** One statement name per SQL text, for every connection (pg prepares a name once each). */
const names = new Map<string, string>();
/** The identity code's statements are fixed texts; past this many, text is not reused. */
const MAX_NAMES = 100;

/**
 * The flush's identity statements as named prepared statements on its connection: parsed and
 * planned once per connection instead of once per flush (a flush runs a handful per workspace,
 * each planned afresh through TypeORM), except those that start with PLAN_EACH_RUN. Results
 * are shaped as TypeORM's `query` returns them (rows; `[rows, rowCount]` for UPDATE and DELETE),
 * so the identity code reads them unchanged.
 */
export function preparedQueries(client: PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<T> {
      let name = names.get(sql);
      if (!name && names.size < MAX_NAMES && !sql.startsWith(PLAN_EACH_RUN)) {
        names.set(sql, (name = `wm_flush_${names.size}`));
      }
      const result = await client.query(
        name ? { name, text: sql, values: params } : { text: sql, values: params },
      );
      const shaped =
        result.command === 'UPDATE' || result.command === 'DELETE'
          ? [result.rows, result.rowCount]
          : result.rows;
      return shaped as T;
    },
  };
}
