import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Rule,
  type Segment,
  type SegmentInput,
  type SegmentMember,
  type SegmentMembersPage,
  type SegmentPreview,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import { DefinitionStore, type StoredDefinition } from '../identity/definition-store';
import type { UserMerge, UserRef } from '../identity/identity-ops';
import { IdentityService } from '../identity/identity.service';
import { assertServerRule, elapsed, withDefinitionLock } from '../identity/rule-scope';
import type { LiveStatement } from './live-connection';
import { previewRule, refreshSegment, segmentRefreshSql } from './segment-refresh';

export type StoredSegment = StoredDefinition<Rule>;

/** One CSV cell; a leading =, +, - or @ is neutralised so spreadsheets do not run it. */
export function csvCell(v: string | null): string {
  if (v === null) return '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Segments with materialised membership. `isMember` and `memberships` are the calls the SDK
 * decision path uses for audiences.
 */
@Injectable()
export class SegmentsService {
  readonly store: DefinitionStore<Rule>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {
    this.store = new DefinitionStore(db, 'segments', 'rule', 'segment');
  }

  private async view(workspaceId: string, s: StoredSegment): Promise<Segment> {
    const [row] = await this.db.query<Array<{ n: number; refreshed_at: Date | null }>>(
      `SELECT (SELECT count(*) FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2
                 AND exited_at IS NULL)::int AS n,
              (SELECT refreshed_at FROM segments WHERE workspace_id = $1 AND id = $2) AS refreshed_at`,
      [workspaceId, s.id],
    );
    return {
      id: s.id,
      name: s.name,
      rule: s.body,
      members: row?.n ?? 0,
      refreshedAt: row?.refreshed_at?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  async list(workspaceId: string): Promise<Segment[]> {
    const all = await this.store.list(workspaceId);
    return Promise.all(all.map((s) => this.view(workspaceId, s)));
  }

  async get(workspaceId: string, id: string): Promise<Segment> {
    return this.view(workspaceId, await this.store.get(workspaceId, id));
  }

  async create(workspaceId: string, input: SegmentInput): Promise<StoredSegment> {
    assertServerRule(input.rule);
    return this.store.create(workspaceId, input.name, input.rule);
  }

  async update(workspaceId: string, id: string, input: SegmentInput): Promise<StoredSegment> {
    assertServerRule(input.rule);
    return this.store.update(workspaceId, id, input.name, input.rule);
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.store.remove(workspaceId, id);
  }

  /** Recomputes membership (for `users` only, when given). */
  async refresh(workspaceId: string, segment: StoredSegment, now = new Date(), users?: string[]) {
    const start = performance.now();
    const counts = await withDefinitionLock(this.db, segment.id, async (q) => {
      const result = await refreshSegment(q, workspaceId, segment.id, segment.body, now, users);
      if (!users) {
        await q.query(`UPDATE segments SET refreshed_at = $3 WHERE workspace_id = $1 AND id = $2`, [
          workspaceId,
          segment.id,
          now,
        ]);
      }
      return result;
    });
    return { ...counts, ms: elapsed(start) };
  }

  /** Incremental evaluation (LiveEvaluator): the statement evaluating these users only. */
  liveStatement(
    workspaceId: string,
    segment: StoredSegment,
    now: Date,
    users: string[],
  ): LiveStatement {
    return {
      definitionId: segment.id,
      ...segmentRefreshSql(workspaceId, segment.id, segment.body, now, users),
    };
  }

  async preview(workspaceId: string, rule: Rule, sample: number): Promise<SegmentPreview> {
    assertServerRule(rule);
    const start = performance.now();
    const result = await previewRule(this.db, workspaceId, rule, sample, new Date());
    return {
      count: result.count,
      sample: result.sample.map((s) => ({
        endUserId: s.id,
        userId: s.user_id,
        anonymousId: s.anonymous_id,
      })),
      ms: elapsed(start),
    };
  }

  /** Current members in end-user-id order, paged by keyset cursor (the last id served). */
  async members(
    workspaceId: string,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<SegmentMembersPage> {
    await this.store.get(workspaceId, id);
    const rows = await this.memberRows(workspaceId, id, limit + 1, cursor);
    const page = rows.slice(0, limit);
    return {
      data: page,
      nextCursor: rows.length > limit ? (page.at(-1)?.endUserId ?? null) : null,
    };
  }

  private async memberRows(
    workspaceId: string,
    id: string,
    limit: number,
    after?: string,
  ): Promise<SegmentMember[]> {
    const rows = await this.db.query<
      Array<{
        end_user_id: string;
        user_id: string | null;
        anonymous_id: string | null;
        entered_at: Date;
      }>
    >(
      `SELECT m.end_user_id, u.user_id, m.entered_at,
         (SELECT i.external_id FROM identities i WHERE i.workspace_id = $1 AND i.end_user_id = m.end_user_id
            AND i.kind = 'anonymous' ORDER BY i.created_at DESC LIMIT 1) AS anonymous_id
       FROM segment_memberships m JOIN end_users u ON u.workspace_id = m.workspace_id AND u.id = m.end_user_id
       WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL
         AND ($3::uuid IS NULL OR m.end_user_id > $3::uuid)
       ORDER BY m.end_user_id LIMIT $4`,
      [workspaceId, id, after ?? null, limit],
    );
    return rows.map((r) => ({
      endUserId: r.end_user_id,
      userId: r.user_id,
      anonymousId: r.anonymous_id,
      enteredAt: r.entered_at.toISOString(),
    }));
  }

  /** Every current member as CSV lines, streamed page by page. */
  async *csv(workspaceId: string, id: string): AsyncGenerator<string> {
    await this.store.get(workspaceId, id);
    yield 'end_user_id,user_id,anonymous_id,entered_at\n';
    let after: string | undefined;
    for (;;) {
      const rows = await this.memberRows(workspaceId, id, 5000, after);
      if (rows.length === 0) return;
      yield rows
        .map(
          (r) =>
            [r.endUserId, csvCell(r.userId), csvCell(r.anonymousId), r.enteredAt ?? ''].join(',') +
            '\n',
        )
        .join('');
      after = rows.at(-1)!.endUserId;
    }
  }

  /** Whether the user (by userId, else anonymousId) is a current member of the segment. */
  async isMember(workspaceId: string, user: UserRef, segmentId: string): Promise<boolean> {
    return (await this.memberships(workspaceId, user)).includes(segmentId);
  }

  /** Ids of the segments the user is currently in. */
  async memberships(workspaceId: string, user: UserRef): Promise<string[]> {
    const endUserId = await this.identity.find(workspaceId, user);
    return endUserId ? this.segmentsOf(workspaceId, endUserId) : [];
  }

  async segmentsOf(workspaceId: string, endUserId: string): Promise<string[]> {
    return (await this.forUser(workspaceId, endUserId)).map((s) => s.id);
  }

  async forUser(workspaceId: string, endUserId: string) {
    const rows = await this.db.query<Array<{ id: string; name: string; entered_at: Date }>>(
      `SELECT s.id, s.name, m.entered_at FROM segment_memberships m
       JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
       WHERE m.workspace_id = $1 AND m.end_user_id = $2 AND m.exited_at IS NULL ORDER BY m.entered_at`,
      [workspaceId, endUserId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, enteredAt: r.entered_at.toISOString() }));
  }

  /** A merged-away person leaves every segment; the survivor is re-evaluated by the caller. */
  async onMerge(merge: UserMerge, now = new Date()): Promise<void> {
    await this.db.query(
      `UPDATE segment_memberships SET exited_at = $3 WHERE workspace_id = $1 AND end_user_id = $2 AND exited_at IS NULL`,
      [merge.workspaceId, merge.loser, now],
    );
  }
}
