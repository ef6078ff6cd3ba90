import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'node:stream/promises';
import { copyJson, copyText, copyTimestamp } from './copy-text';
import type { EventRow } from './event-row';

export interface Keyed extends EventRow {
  workspaceId: string;
}

/** `${workspaceId}\0${messageId}`: how the writer names an event across workspaces. */
export const eventKey = (workspaceId: string, messageId: string): string =>
  `${workspaceId}\u0000${messageId}`;

/**
 * (workspace, messageId) in code-unit order: the order in which every writer claims ids in
 * `event_ids`, so two flushes claiming the same ids wait for each other instead of deadlocking.
 * (Not PostgreSQL's collation order; any one total order does.)
 */
export function byKey(a: Keyed, b: Keyed): number {
  if (a.workspaceId !== b.workspaceId) return a.workspaceId < b.workspaceId ? -1 : 1;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

/**
 * (workspace, time): the order rows are COPYed in. Neighbours then land in the same partition
 * and index pages (every index leads with workspace_id, most follow with a time): ≈ 12 % less
 * backend CPU per row than arrival order, for ≈ 0.5 µs of sorting.
 */
export function byTime(a: Keyed, b: Keyed): number {
  if (a.workspaceId !== b.workspaceId) return a.workspaceId < b.workspaceId ? -1 : 1;
  return a.ts.getTime() - b.ts.getTime();
}

/**
 * Claims the flush's ids in `event_ids`, in the given order, and returns those already stored
 * (rare; returning every fresh id would cost both sides a row per event). A claim holds until
 * the flush commits: a concurrent flush with the same id waits, then finds it stored.
 */
const CLAIM = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t(workspace_id, message_id, n)
  ), fresh AS (
    INSERT INTO event_ids (workspace_id, message_id)
    SELECT workspace_id, message_id FROM input ORDER BY n
    ON CONFLICT DO NOTHING RETURNING workspace_id, message_id
  )
  SELECT i.workspace_id, i.message_id FROM input i
  WHERE NOT EXISTS (
    SELECT 1 FROM fresh f WHERE f.workspace_id = i.workspace_id AND f.message_id = i.message_id
  )`;

const COPY_IDS = `COPY event_ids (workspace_id, message_id) FROM STDIN`;
const COPY_EVENTS = `COPY events (workspace_id, message_id, type, name, user_id, anonymous_id,
  properties, context, ts) FROM STDIN`;

/** unique_violation: copyIds met an id already stored. */
export const isDuplicateId = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === '23505';

/** Claims the ids of `sorted` (byKey order); returns the keys (eventKey) already stored. */
export async function claimIds(client: PoolClient, sorted: Keyed[]): Promise<Set<string>> {
  const workspaces = new Array<string>(sorted.length);
  const ids = new Array<string>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    workspaces[i] = sorted[i]!.workspaceId;
    ids[i] = sorted[i]!.messageId;
  }
  const { rows: stored } = await client.query<{ workspace_id: string; message_id: string }>({
    name: 'wm_claim_event_ids',
    text: CLAIM,
    values: [workspaces, ids],
  });
  return new Set(stored.map((r) => eventKey(r.workspace_id, r.message_id)));
}

/**
 * The fast claim, for when no id is expected to be stored already: COPY into `event_ids` costs
 * the backend ≈ 3 µs per id against ≈ 7 for CLAIM (unnest, ON CONFLICT, anti-join). One id
 * already stored fails it with unique_violation (isDuplicateId) — after waiting for a concurrent
 * flush holding that id to end, as CLAIM would — and the caller runs the flush again with
 * claimIds. `sorted`: byKey order.
 */
export async function copyIds(client: PoolClient, sorted: Keyed[]): Promise<void> {
  let text = '';
  for (const r of sorted) text += `${r.workspaceId}\t${copyText(r.messageId)}\n`;
  await copy(client, COPY_IDS, text);
}

/** One event as a line of COPY text format. */
function copyLine(r: Keyed): string {
  return (
    // workspaceId is a uuid and type one of EventType's words: nothing to escape.
    `${r.workspaceId}\t${copyText(r.messageId)}\t${r.type ?? 'track'}\t` +
    `${copyText(r.name)}\t${copyText(r.userId)}\t${copyText(r.anonymousId)}\t` +
    `${copyJson(r.properties)}\t${copyJson(r.context)}\t${copyTimestamp(r.ts)}\n`
  );
}

/**
 * COPY FROM STDIN of the rows not in `duplicates`: the path, and cost, of a bulk load (no
 * statement to parse, multi-row inserts into each partition), ≈ 12 µs of backend CPU per row
 * against ≈ 25 for the former INSERT … SELECT from one jsonb parameter. `rows`: byTime order.
 */
export async function copyEvents(
  client: PoolClient,
  rows: Keyed[],
  duplicates: Set<string>,
): Promise<void> {
  let text = '';
  for (const r of rows) {
    if (duplicates.size > 0 && duplicates.has(eventKey(r.workspaceId, r.messageId))) continue;
    text += copyLine(r);
  }
  if (text !== '') await copy(client, COPY_EVENTS, text);
}

/** Sends `text` as the whole input of a COPY FROM STDIN; resolves once PostgreSQL is done. */
async function copy(client: PoolClient, sql: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(sql));
  stream.end(Buffer.from(text));
  await finished(stream);
}
