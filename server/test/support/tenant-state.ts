import type { DataSource } from 'typeorm';

/**
 * Fingerprints of what the database holds, to prove a request stored or changed nothing.
 */

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function tables(db: DataSource): Promise<string[]> {
  const rows = (await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  )) as Array<{ name: string }>;
  return rows.map((r) => r.name).filter((name) => name !== 'migrations');
}

/** Tables (partitioned parents, not partitions) with a workspace_id column. */
async function tenantTables(db: DataSource): Promise<string[]> {
  const rows = (await db.query(
    `SELECT c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  )) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/**
 * Every row of one workspace, table by table, as an md5 of the rows' text: any insert, update
 * or delete in any tenant table (including tables other modules add) changes it. The workspace
 * row and its members' accounts are included.
 */
export async function workspaceFingerprint(
  db: DataSource,
  workspaceId: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const digest = async (label: string, sql: string): Promise<void> => {
    const [row] = (await db.query(sql, [workspaceId])) as Array<{ n: number; h: string | null }>;
    if (row && row.n > 0) out[label] = `${row.n}:${row.h}`;
  };
  for (const table of await tenantTables(db)) {
    await digest(
      table,
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h
         FROM ${quote(table)} t WHERE workspace_id = $1`,
    );
  }
  await digest(
    'workspaces',
    `SELECT count(*)::int AS n, md5(string_agg(t::text, '|')) AS h FROM workspaces t WHERE id = $1`,
  );
  await digest(
    'accounts',
    `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h
       FROM accounts t WHERE id IN (SELECT account_id FROM memberships WHERE workspace_id = $1)`,
  );
  return out;
}

/** Row counts of every table but the ones named (e.g. rate-limit counters). */
export async function rowCounts(
  db: DataSource,
  except: string[] = [],
): Promise<Record<string, number>> {
  const names = (await tables(db)).filter((name) => !except.includes(name));
  const sql = `SELECT ${names
    .map((name, i) => `(SELECT count(*)::int FROM ${quote(name)}) AS c${i}`)
    .join(', ')}`;
  const [row] = (await db.query(sql)) as Array<Record<string, number>>;
  return Object.fromEntries(names.map((name, i) => [name, row![`c${i}`]!]));
}

/** Tables in which some row's text contains `marker`. */
export async function tablesContaining(db: DataSource, marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await tables(db)) {
    const [row] = (await db.query(
      `SELECT EXISTS (SELECT 1 FROM ${quote(table)} t WHERE strpos(t::text, $1) > 0) AS hit`,
      [marker],
    )) as Array<{ hit: boolean }>;
    if (row?.hit) found.push(table);
  }
  return found;
}
