import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * For reads on every SDK session: straight to the pg pool TypeORM opened, as a named prepared
 * statement, so there is no query runner per call and PostgreSQL parses and plans the statement
 * once per connection. Falls back to `db.query` if the driver has no pool.
 */
export async function hotQuery<R extends QueryResultRow>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) return db.query<R[]>(text, values);
  return (await pool.query<R>({ name, text, values })).rows;
}
