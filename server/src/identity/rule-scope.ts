import { compileRuleSql, ruleDeps, type Rule, type RuleSqlSets } from '@waymark/shared';
import { AppError } from '../common/app-error';
import type { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from './identity-ops';

/**
 * SQL pieces shared by segments, goals and journeys: compiled rules over `end_users u`, with
 * $1 = workspace, and an optional restriction to some users (incremental evaluation).
 */
export function ruleOverUsers(
  rule: Rule,
  params: unknown[],
  now: Date,
  user = 'u.id',
  traits = 'u.traits',
): string {
  return compileRuleSql(rule, { params, workspace: '$1', user, traits, now });
}

/**
 * The set-based form for a refresh of every user: the expression plus the CTEs (aggregating the
 * workspace's events once per user) and the LEFT JOINs on `u.id` that it reads. Several rules
 * of one statement share `sets` (so their CTE names do not collide); `with`/`joins` then hold
 * everything gathered so far.
 */
export function ruleOverAllUsers(
  rule: Rule,
  params: unknown[],
  now: Date,
  sets: RuleSqlSets = { ctes: [], joins: [] },
): { expr: string; with: string; joins: string } {
  const expr = compileRuleSql(rule, {
    params,
    workspace: '$1',
    user: 'u.id',
    traits: 'u.traits',
    now,
    sets,
  });
  return {
    expr,
    with: sets.ctes.map((cte) => `${cte},`).join('\n'),
    joins: sets.joins.join('\n'),
  };
}

/**
 * `AND <column> IN (the people $n stand for)` when `users` is given (pushes the parameter as $n),
 * else nothing. See `canonicalUsers`.
 */
export function onlyUsers(params: unknown[], column: string, users: string[] | undefined): string {
  if (!users) return '';
  params.push(users);
  return `AND ${column} IN (${canonicalUsers(params.length)})`;
}

/**
 * The people the end user ids in parameter $n stand for now: an id merged away since it was
 * reported stands for the person it was merged into. Resolved in the statement that uses it,
 * rather than by a query before it, so incremental evaluation costs one round trip.
 */
export const canonicalUsers = (n: number): string =>
  `SELECT coalesce(wm_c.merged_into, wm_c.id) FROM end_users wm_c
   WHERE wm_c.workspace_id = $1 AND wm_c.id = ANY($${n}::uuid[])`;

/**
 * Runs `work` in a transaction holding a lock on one definition, so a periodic refresh and an
 * incremental one never interleave their snapshots for the same segment, goal or journey.
 */
export async function withDefinitionLock<T>(
  db: DataSource,
  id: string,
  work: (q: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (q: EntityManager) => {
    await q.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [id]);
    return work(q);
  });
}

/** Milliseconds since `start`, rounded to 0.1. */
export const elapsed = (start: number): number => Math.round((performance.now() - start) * 10) / 10;

/**
 * Segments, goals and journey stages are computed in SQL: page, element, device, locale and
 * time-of-day conditions (answered by the page) cannot be part of them.
 */
export function assertServerRule(rule: Rule, path = 'rule'): void {
  if (ruleDeps(rule).clientOnly) {
    throw new AppError(
      'validation_failed',
      'Page, element, device, locale and time-of-day conditions are answered by the page; they cannot be computed on the server.',
      [{ path, message: 'Only server-side conditions are allowed here.' }],
    );
  }
}
