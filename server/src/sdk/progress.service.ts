import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgressUpdate } from '@waymark/shared';
import { DataSource } from 'typeorm';
import { ConfigChanges, PROGRESS_CHANNEL } from '../content/config-changes';
import type { ProgressState } from './decision.engine';
import { hotQuery } from './hot-query';
import { KeyedCache } from './progress.cache';

/** User keys whose progress is held in memory per instance (most hold no rows at all). */
const CACHED_KEYS = 200_000;
const NONE: ProgressState[] = [];

/** One progress change, from `/sdk/v1/progress` or from a content event. */
export interface ProgressChange {
  contentId: string;
  versionId: string;
  status: ProgressUpdate['status'];
  stepId?: string | undefined;
  items?: string[] | undefined;
  answers?: Record<string, unknown> | undefined;
  at: Date;
}

/** Several changes to one item folded into one row (a statement may touch a row only once). */
interface Folded {
  contentId: string;
  versionId: string;
  status: ProgressUpdate['status'];
  stepId: string | null;
  items: string[];
  answers: Record<string, unknown>;
  shownAt: Date;
  completedAt: Date | null;
  dismissedAt: Date | null;
  at: Date;
}

function fold(changes: ProgressChange[]): Folded[] {
  const byContent = new Map<string, Folded>();
  for (const c of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const f = byContent.get(c.contentId);
    if (!f) {
      byContent.set(c.contentId, {
        contentId: c.contentId,
        versionId: c.versionId,
        status: c.status,
        stepId: c.stepId ?? null,
        items: [...new Set(c.items ?? [])],
        answers: { ...c.answers },
        shownAt: c.at,
        completedAt: c.status === 'completed' ? c.at : null,
        dismissedAt: c.status === 'dismissed' ? c.at : null,
        at: c.at,
      });
      continue;
    }
    f.versionId = c.versionId;
    f.status = c.status;
    f.stepId = c.stepId ?? f.stepId;
    f.items = [...new Set([...f.items, ...(c.items ?? [])])];
    f.answers = { ...f.answers, ...c.answers };
    if (c.status === 'completed') f.completedAt ??= c.at;
    if (c.status === 'dismissed') f.dismissedAt = c.at;
    f.at = c.at;
  }
  return [...byContent.values()];
}

/**
 * Last writer (by event time) wins for status and step; items and answers accumulate; the
 * first completion is kept. A change back to in_progress after a finished showing starts a new
 * showing (`shown_at`), which is what "every N days" counts from.
 */
const UPSERT = `
  INSERT INTO content_progress AS p (workspace_id, user_key, content_id, version_id, status, step_id,
    items, answers, shown_at, completed_at, dismissed_at, updated_at)
  SELECT $1, $2, x.content_id, x.version_id, x.status, x.step_id, x.items, x.answers, x.shown_at,
         x.completed_at, x.dismissed_at, x.at
    FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[],
                $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])
      AS x(content_id, version_id, status, step_id, items, answers, shown_at, completed_at, dismissed_at, at)
    JOIN content c ON c.workspace_id = $1 AND c.id = x.content_id
  ON CONFLICT (workspace_id, user_key, content_id) DO UPDATE SET
    version_id = CASE WHEN EXCLUDED.updated_at >= p.updated_at THEN EXCLUDED.version_id ELSE p.version_id END,
    status = CASE WHEN EXCLUDED.updated_at >= p.updated_at THEN EXCLUDED.status ELSE p.status END,
    step_id = CASE WHEN EXCLUDED.updated_at >= p.updated_at THEN coalesce(EXCLUDED.step_id, p.step_id)
                   ELSE p.step_id END,
    items = (SELECT coalesce(jsonb_agg(DISTINCT i), '[]'::jsonb)
               FROM jsonb_array_elements(p.items || EXCLUDED.items) i),
    answers = p.answers || EXCLUDED.answers,
    shown_at = CASE WHEN p.status <> 'in_progress' AND EXCLUDED.status = 'in_progress'
                         AND EXCLUDED.updated_at > p.updated_at THEN EXCLUDED.shown_at
                    ELSE coalesce(p.shown_at, EXCLUDED.shown_at) END,
    completed_at = coalesce(p.completed_at, EXCLUDED.completed_at),
    dismissed_at = greatest(p.dismissed_at, EXCLUDED.dismissed_at),
    updated_at = greatest(p.updated_at, EXCLUDED.updated_at)
  RETURNING content_id`;

interface Row {
  user_key: string;
  content_id: string;
  version_id: string;
  status: ProgressUpdate['status'];
  step_id: string | null;
  items: string[];
  answers: Record<string, unknown>;
  shown_at: Date | null;
  completed_at: Date | null;
  dismissed_at: Date | null;
}

/**
 * Per-user progress in content items, so a walkthrough resumes on another page or device.
 * Reads go through an in-memory cache per user key (users without progress are remembered as
 * such), dropped for a key when this instance writes it and when NOTIFY `waymark_progress`
 * (a trigger on content_progress, any writer) says another did.
 */
@Injectable()
export class ProgressService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new KeyedCache<ProgressState[]>(
    CACHED_KEYS,
    (keys) => this.load(keys),
    NONE,
  );
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ConfigChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.changes.on(PROGRESS_CHANNEL, (key) => this.cache.invalidate(key)),
      this.changes.onState((live) => this.cache.setLive(live)),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /**
   * Progress by content id over the given keys; the first key wins where several have a row
   * (the identified user's over the anonymous one's).
   */
  forUser(workspaceId: string, userKeys: string[]): Promise<Map<string, ProgressState>> {
    const found = this.perKey(workspaceId, userKeys);
    return Array.isArray(found) ? Promise.resolve(mergeProgress(found)) : found.then(mergeProgress);
  }

  /**
   * Each key's rows as the cache holds them, synchronously when all are in memory. A list is
   * the same array until the key's progress changes or ages out, so the session memo can tell
   * "unchanged" by identity.
   */
  perKey(workspaceId: string, userKeys: string[]): ProgressState[][] | Promise<ProgressState[][]> {
    return this.lists(this.cacheKeysOf(workspaceId, userKeys));
  }

  /** The cache's keys for a user's keys; the session memo keeps them (and their hashes). */
  cacheKeysOf(workspaceId: string, userKeys: string[]): string[] {
    return userKeys.map((k) => cacheKey(workspaceId, k));
  }

  /** `perKey` by the cache's own keys (`cacheKeysOf`). */
  lists(cacheKeys: string[]): ProgressState[][] | Promise<ProgressState[][]> {
    return this.cache.getMany(cacheKeys);
  }

  /** Rows of `<workspace> <user key>` keys, all of one workspace, in one query. */
  private async load(keys: string[]): Promise<Map<string, ProgressState[]>> {
    const split = keys[0]!.indexOf(' ');
    const workspaceId = keys[0]!.slice(0, split);
    const rows = await hotQuery<Row>(
      this.db,
      'waymark_progress_for_user',
      `SELECT user_key, content_id, version_id, status, step_id, items, answers, shown_at,
              completed_at, dismissed_at
         FROM content_progress WHERE workspace_id = $1 AND user_key = ANY($2::text[])`,
      [workspaceId, keys.map((k) => k.slice(split + 1))],
    );
    const out = new Map<string, ProgressState[]>();
    for (const r of rows) {
      const key = cacheKey(workspaceId, r.user_key);
      const list = out.get(key) ?? [];
      list.push({
        contentId: r.content_id,
        versionId: r.version_id,
        status: r.status,
        stepId: r.step_id,
        items: r.items,
        answers: r.answers,
        shownAt: r.shown_at?.toISOString() ?? null,
        completedAt: r.completed_at?.toISOString() ?? null,
        dismissedAt: r.dismissed_at?.toISOString() ?? null,
      });
      out.set(key, list);
    }
    return out;
  }

  /** Applies changes for one user; answers the content ids that exist (others are skipped). */
  async apply(
    workspaceId: string,
    userKey: string,
    changes: ProgressChange[],
  ): Promise<Set<string>> {
    if (changes.length === 0) return new Set();
    const rows = fold(changes);
    const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
    const saved = await this.db.query<Array<{ content_id: string }>>(UPSERT, [
      workspaceId,
      userKey,
      rows.map((r) => r.contentId),
      rows.map((r) => r.versionId),
      rows.map((r) => r.status),
      rows.map((r) => r.stepId),
      rows.map((r) => JSON.stringify(r.items)),
      rows.map((r) => JSON.stringify(r.answers)),
      rows.map((r) => iso(r.shownAt)),
      rows.map((r) => iso(r.completedAt)),
      rows.map((r) => iso(r.dismissedAt)),
      rows.map((r) => iso(r.at)),
    ]);
    // Committed (one statement): this instance reads it at once; others hear by NOTIFY.
    this.cache.invalidate(cacheKey(workspaceId, userKey));
    return new Set(saved.map((r) => r.content_id));
  }
}

/** The cache key, also the payload NOTIFY `waymark_progress` carries. */
const cacheKey = (workspaceId: string, userKey: string): string => `${workspaceId} ${userKey}`;

/** Progress by content id; earlier keys win (values are shared: never mutate them). */
export function mergeProgress(perKey: ProgressState[][]): Map<string, ProgressState> {
  const out = new Map<string, ProgressState>();
  for (let i = perKey.length - 1; i >= 0; i--) {
    for (const state of perKey[i]!) out.set(state.contentId, state);
  }
  return out;
}
