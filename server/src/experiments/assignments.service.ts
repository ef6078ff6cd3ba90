import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A user's arm in one experiment, as stored at first assignment. */
export interface StoredAssignment {
  experimentId: string;
  userKey: string;
  /** `control` or a variant key. */
  arm: string;
  versionId: string | null;
  exposedAt: Date | null;
}

export interface NewAssignment {
  experimentId: string;
  userKey: string;
  arm: string;
  versionId: string | null;
}

/**
 * Sticky assignments and exposures. The arm is decided by the deterministic hash the first time
 * a user qualifies and stored, so later weight changes never move a user; an exposure is stamped
 * once, with the stored arm and version, whatever the client claims.
 */
@Injectable()
export class AssignmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forUser(workspaceId: string, userKeys: string[]): Promise<StoredAssignment[]> {
    const rows = await this.db.query<
      Array<{
        experiment_id: string;
        user_key: string;
        arm: string;
        version_id: string | null;
        exposed_at: Date | null;
      }>
    >(
      `SELECT experiment_id, user_key, arm, version_id, exposed_at FROM experiment_assignments
        WHERE workspace_id = $1 AND user_key = ANY($2::text[])`,
      [workspaceId, userKeys],
    );
    return rows.map((r) => ({
      experimentId: r.experiment_id,
      userKey: r.user_key,
      arm: r.arm,
      versionId: r.version_id,
      exposedAt: r.exposed_at,
    }));
  }

  /** First assignments; an existing one is kept (two sessions racing agree: same hash). */
  async save(workspaceId: string, rows: NewAssignment[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO experiment_assignments (workspace_id, experiment_id, user_key, arm, version_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[])
       ON CONFLICT DO NOTHING`,
      [
        workspaceId,
        rows.map((r) => r.experimentId),
        rows.map((r) => r.userKey),
        rows.map((r) => r.arm),
        rows.map((r) => r.versionId),
      ],
    );
  }

  /**
   * Stamps the first exposure per user and experiment (assigning first if the row is missing).
   * Returns how many exposures were new.
   */
  async expose(workspaceId: string, rows: Array<NewAssignment & { at: Date }>): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.db.query<Array<{ fresh: boolean }>>(
      `INSERT INTO experiment_assignments
         (workspace_id, experiment_id, user_key, arm, version_id, assigned_at, exposed_at)
       SELECT $1, e, u, a, v, t, t FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[])
         AS x(e, u, a, v, t)
       ON CONFLICT (workspace_id, experiment_id, user_key) DO UPDATE
         SET exposed_at = EXCLUDED.exposed_at WHERE experiment_assignments.exposed_at IS NULL
       RETURNING true AS fresh`,
      [
        workspaceId,
        rows.map((r) => r.experimentId),
        rows.map((r) => r.userKey),
        rows.map((r) => r.arm),
        rows.map((r) => r.versionId),
        rows.map((r) => r.at.toISOString()),
      ],
    );
    return result.length;
  }
}
