import { Injectable } from '@nestjs/common';
import { AssignmentsService, type StoredAssignment } from '../experiments/assignments.service';
import { KeyedCache } from './progress.cache';
import type { WorkspaceConfig } from './workspace-config';

/** User keys whose assignments are held in memory per instance, over all workspaces. */
const CACHED_KEYS = 200_000;
const NONE: StoredAssignment[] = [];

/**
 * Stored experiment assignments per user key, in memory, for the session's decision. Entries
 * belong to one configuration generation (key `<generation> <workspace id> <user key>`): any
 * change to a workspace's experiments reloads its configuration, so entries read under an
 * earlier one are never used again (they age out of the cache).
 *
 * Within a generation a stored arm never changes (rows are written once, ON CONFLICT DO
 * NOTHING), so a cached row is always right; only a row written since (by another instance, or
 * an exposure) may be missing. That matters only where the decision would assign afresh, and
 * there the caller reads the database instead (`fresh`) before assigning — so no arm is ever
 * decided on a stale read, with no NOTIFY needed. Writers on this instance drop the keys they
 * wrote (`forget`).
 */
@Injectable()
export class AssignmentCache {
  private readonly cache = new KeyedCache<StoredAssignment[]>(
    CACHED_KEYS,
    (keys) => this.load(keys),
    NONE,
  );

  constructor(private readonly assignments: AssignmentsService) {
    // Correctness does not rest on cross-instance invalidation (see above): trust entries for
    // the cache's full age; a configuration change moves to new keys anyway.
    this.cache.setLive(true);
  }

  /** The stored assignments of the user's keys, from memory where held. */
  forUser(
    config: WorkspaceConfig,
    userKeys: string[],
  ): StoredAssignment[] | Promise<StoredAssignment[]> {
    const found = this.lists(this.cacheKeysOf(config, userKeys));
    return Array.isArray(found) ? found.flat() : found.then((lists) => lists.flat());
  }

  /** The cache's keys for a user's keys under `config`; the session memo keeps them. */
  cacheKeysOf(config: WorkspaceConfig, userKeys: string[]): string[] {
    return userKeys.map((k) => cacheKey(config, k));
  }

  /**
   * Each key's stored assignments by the cache's own keys (`cacheKeysOf`), synchronously when all
   * are in memory (the same arrays until dropped: the session memo compares them by identity).
   */
  lists(cacheKeys: string[]): StoredAssignment[][] | Promise<StoredAssignment[][]> {
    return this.cache.getMany(cacheKeys);
  }

  /** The stored assignments read from the database now; refreshes the cached ones. */
  async fresh(config: WorkspaceConfig, userKeys: string[]): Promise<StoredAssignment[]> {
    for (const k of userKeys) this.cache.invalidate(cacheKey(config, k));
    return this.forUser(config, userKeys);
  }

  /** Drops keys this instance just wrote assignments for. */
  forget(config: WorkspaceConfig, userKeys: Iterable<string>): void {
    for (const k of userKeys) this.cache.invalidate(cacheKey(config, k));
  }

  private async load(keys: string[]): Promise<Map<string, StoredAssignment[]>> {
    const [generation, workspaceId] = keys[0]!.split(' ', 2) as [string, string];
    const prefix = `${generation} ${workspaceId} `;
    const rows = await this.assignments.forUser(
      workspaceId,
      keys.map((k) => k.slice(prefix.length)),
    );
    const out = new Map<string, StoredAssignment[]>();
    for (const row of rows) {
      const key = prefix + row.userKey;
      const list = out.get(key) ?? [];
      list.push(row);
      out.set(key, list);
    }
    return out;
  }
}

const cacheKey = (config: WorkspaceConfig, userKey: string): string =>
  `${config.generation} ${config.workspaceId} ${userKey}`;
