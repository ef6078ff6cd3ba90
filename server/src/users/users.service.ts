import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EventsExportResponse,
  UserEventsQuery,
  UserExport,
  UserSearchPage,
  UserSearchQuery,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { EXPORT_COLUMNS, exportPage, type ExportRow } from '../events/events-page';
import { decodeCursor } from '../events/events-cursor';
import { GoalsService } from '../goals/goals.service';
import { IdentityService } from '../identity/identity.service';
import { JourneysService } from '../journeys/journeys.service';
import { SegmentsService } from '../segments/segments.service';
import {
  checkEventsCursor,
  decodePeopleCursor,
  encodePeopleCursor,
  likeEscape,
} from './users-cursor';

/** People a search walks newest-first before it gathers the matches through the indexes. */
const SCAN_WINDOW = 2_000;
const LIVE = 'u.workspace_id = $1 AND u.merged_into IS NULL';

interface PersonRow {
  id: string;
  user_id: string | null;
  email: string | null;
  name: string | null;
  first_seen_at: Date | null;
  created_at: Date;
  created_key: string;
  anonymous_ids: string[];
}

/**
 * The builder's view of end users: search, one person's profile (the same one the secret-key
 * export answers, from the same services) and their event timeline.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly segments: SegmentsService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
  ) {}

  /**
   * People newest first. A search matches ids by prefix (index on lower(external_id)) and the
   * name/email traits by substring (`search_text`, generated from `wm_user_search_text(traits)`,
   * trigram-indexed when pg_trgm is available); both lower-cased in SQL, so PostgreSQL's case folding decides on both sides.
   *
   * Two plans, so no term costs a scan of every match: a common term is answered by walking the
   * newest people (index order) and testing each, which stops at the page's end; when the first
   * SCAN_WINDOW people hold less than a page, the term is rare, and the matches are gathered
   * through the indexes (few, by that very test) and sorted. Nothing is counted.
   */
  async search(workspaceId: string, query: UserSearchQuery): Promise<UserSearchPage> {
    const term = query.search?.trim();
    const params: unknown[] = [workspaceId];
    let after = '';
    if (query.cursor) {
      const [createdAt, id] = decodePeopleCursor(query.cursor);
      params.push(createdAt, id);
      after = `AND (u.created_at, u.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    let rows: PersonRow[];
    if (!term) {
      rows = await this.people(
        params,
        `SELECT u.* FROM end_users u WHERE ${LIVE} ${after}`,
        query.limit,
      );
    } else {
      params.push(likeEscape(term));
      const t = `$${params.length}`;
      params.push(SCAN_WINDOW);
      const walk = `SELECT w.* FROM (
          SELECT u.* FROM end_users u WHERE ${LIVE} ${after}
           ORDER BY u.created_at DESC, u.id DESC LIMIT $${params.length}
        ) w
        CROSS JOIN LATERAL (
          SELECT coalesce(bool_or(lower(i.external_id) LIKE lower(${t}) || '%'), false) AS id_hit
            FROM identities i WHERE i.workspace_id = $1 AND i.end_user_id = w.id
        ) ids
        WHERE ids.id_hit OR w.search_text LIKE '%' || lower(${t}) || '%'`;
      // (A per-person lateral, not EXISTS: under OR, PostgreSQL may hash an EXISTS over every
      // matching identity — all of them for a common id prefix — before the walk starts.)
      rows = await this.people(params, walk, query.limit);
      // The walk is answer enough when it found a page, or when it saw everyone left.
      const base = params.slice(0, -2); // workspace and cursor
      if (rows.length <= query.limit && (await this.remaining(base, after)) >= SCAN_WINDOW) {
        params.pop();
        rows = await this.people(
          params,
          `SELECT u.* FROM end_users u JOIN (
             SELECT i.end_user_id AS hit_id FROM identities i
              WHERE i.workspace_id = $1 AND lower(i.external_id) LIKE lower(${t}) || '%'
             UNION
             SELECT e.id FROM end_users e
              WHERE e.workspace_id = $1 AND e.merged_into IS NULL
                AND e.search_text LIKE '%' || lower(${t}) || '%'
           ) hit ON hit.hit_id = u.id
           WHERE ${LIVE} ${after}`,
          query.limit,
        );
      }
    }
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map((r) => ({
        id: r.user_id ?? r.anonymous_ids[0] ?? r.id,
        endUserId: r.id,
        userId: r.user_id,
        anonymousIds: r.anonymous_ids,
        email: r.email,
        name: r.name,
        firstSeenAt: r.first_seen_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit && last ? encodePeopleCursor(last.created_key, last.id) : null,
    };
  }

  /** How many people are left after the cursor (`params`: workspace, cursor), up to SCAN_WINDOW. */
  private async remaining(params: unknown[], after: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM end_users u WHERE ${LIVE} ${after}
         LIMIT $${params.length + 1}) s`,
      [...params, SCAN_WINDOW],
    );
    return row?.n ?? 0;
  }

  /** The first `limit + 1` people of `source` (rows of end_users), newest first, with their ids. */
  private people(params: unknown[], source: string, limit: number): Promise<PersonRow[]> {
    return this.db.query<PersonRow[]>(
      `SELECT u.id, u.user_id, u.first_seen_at, u.created_at,
              CASE WHEN jsonb_typeof(u.traits->'email') = 'string' THEN u.traits->>'email' END AS email,
              CASE WHEN jsonb_typeof(u.traits->'name') = 'string' THEN u.traits->>'name' END AS name,
              to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
              coalesce((SELECT array_agg(i.external_id ORDER BY i.created_at DESC, i.external_id)
                          FROM identities i
                         WHERE i.workspace_id = u.workspace_id AND i.end_user_id = u.id
                           AND i.kind = 'anonymous'), '{}') AS anonymous_ids
         FROM (${source} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1}) u
        ORDER BY u.created_at DESC, u.id DESC`,
      [...params, limit + 1],
    );
  }

  /** The person a user id (else anonymous id) belongs to; 404 when nobody. */
  private async endUserOf(workspaceId: string, id: string): Promise<string> {
    const endUserId = await this.identity.find(workspaceId, { userId: id, anonymousId: id });
    if (!endUserId) throw new AppError('not_found', 'No such user.');
    return endUserId;
  }

  /** What `GET /api/v1/users/{id}` answers, assembled from the same services. */
  async profile(workspaceId: string, id: string): Promise<UserExport> {
    const endUserId = await this.endUserOf(workspaceId, id);
    const [profile, segments, goals, journeys] = await Promise.all([
      this.identity.profile(workspaceId, endUserId),
      this.segments.forUser(workspaceId, endUserId),
      this.goals.forUser(workspaceId, endUserId),
      this.journeys.forUser(workspaceId, endUserId),
    ]);
    if (!profile) throw new AppError('not_found', 'No such user.');
    return {
      endUserId,
      userId: profile.userId,
      anonymousIds: profile.anonymousIds,
      traits: profile.traits,
      traitTimes: profile.traitTimes,
      companies: profile.companies,
      firstSeenAt: profile.firstSeenAt,
      segments,
      journeys,
      goals,
    };
  }

  /**
   * The person's events newest first, in the export API's shape and cursor. Events keep the ids
   * they were sent with and follow their person through `identities`: an event carrying a user
   * id belongs to that user's person; one with only an anonymous id, to whoever that id is now.
   */
  async events(
    workspaceId: string,
    id: string,
    query: UserEventsQuery,
  ): Promise<EventsExportResponse> {
    const endUserId = await this.endUserOf(workspaceId, id);
    const params: unknown[] = [workspaceId, endUserId];
    let after = '';
    if (query.cursor) {
      const [ts, messageId] = checkEventsCursor(decodeCursor(query.cursor));
      params.push(ts, messageId);
      after = `AND (ts, message_id) < ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    params.push(query.limit + 1);
    const rows = await this.db.query<ExportRow[]>(
      `WITH ids AS (
         SELECT kind, external_id FROM identities WHERE workspace_id = $1 AND end_user_id = $2
       )
       SELECT ${EXPORT_COLUMNS} FROM events
        WHERE workspace_id = $1
          AND (user_id = ANY(ARRAY(SELECT external_id FROM ids WHERE kind = 'user'))
               OR (user_id IS NULL
                   AND anonymous_id = ANY(ARRAY(SELECT external_id FROM ids WHERE kind = 'anonymous'))))
          ${after}
        ORDER BY ts DESC, message_id DESC
        LIMIT $${params.length}`,
      params,
    );
    return exportPage(rows, query.limit);
  }
}
