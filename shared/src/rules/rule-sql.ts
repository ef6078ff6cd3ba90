import type { Comparison, Condition, PropertyFilter, Rule } from './rule.schema.js';
import { CLIENT_CONDITION_TYPES } from './client-conditions.js';
import { CONTENT_STATE_EVENTS, SURVEY_ANSWER_EVENT } from './evaluate-rule.js';
import { dateBound, negatedOp } from './rule-values.js';

/**
 * Compiles a rule to one SQL boolean expression over one end user, for PostgreSQL and the
 * server's schema (events, identities, end_users, companies, company_members, goal_completions,
 * journey_positions, segment_memberships). The same expression serves bulk evaluation
 * (`FROM end_users u WHERE … AND <expr>`) and one user (`… AND u.id = $x`). It mirrors
 * evaluate-rule.ts exactly; rule-cases.json holds the two to the same answers.
 */
export interface RuleSqlOptions {
  /** Parameters so far; the compiler appends its own and refers to them as `$n`. */
  params: unknown[];
  /** SQL for the workspace id, e.g. `$1`. */
  workspace: string;
  /** SQL for the canonical end user id, e.g. `u.id`. */
  user: string;
  /** SQL for the user's traits jsonb, e.g. `u.traits`. */
  traits: string;
  now: Date;
  /**
   * Set-based plan for bulk evaluation over many users: event counts and first/last seen are
   * then aggregated ONCE per user (`GROUP BY` over the workspace's events) into CTEs the
   * caller puts in its WITH clause and LEFT JOINs, instead of a correlated subquery per user.
   * Same answers (rule-cases.json runs both); only worth it when most users are evaluated.
   */
  sets?: RuleSqlSets;
}

/** What the set-based plan needs around the expression: `WITH <ctes>` and `<joins>` on `user`. */
export interface RuleSqlSets {
  ctes: string[];
  joins: string[];
}

/** The rule holds a condition only the page can answer (page, element, device, locale, time). */
export class RuleNotCompilableError extends Error {}

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Compiler {
  constructor(private readonly o: RuleSqlOptions) {}

  p(value: unknown): string {
    this.o.params.push(value);
    return `$${this.o.params.length}`;
  }
  iso(ms: number): string {
    return `${this.p(new Date(ms).toISOString())}::timestamptz`;
  }

  /** The user's events (all their identities) matching `filter` over alias `e`. */
  events(filter: string, columns = 'e.name, e.ts, e.properties, e.message_id'): string {
    const { workspace: w, user: u } = this.o;
    const side = (kind: 'user' | 'anonymous', column: string, idFilter: string) =>
      `SELECT ${columns} FROM identities i JOIN events e ON e.workspace_id = i.workspace_id
         AND e.${column} = i.external_id
       WHERE i.workspace_id = ${w} AND i.end_user_id = ${u} AND i.kind = '${kind}'
         AND e.workspace_id = ${w} AND ${idFilter} AND (${filter})`;
    return `(${side('user', 'user_id', 'e.user_id IS NOT NULL')} UNION ALL ${side('anonymous', 'anonymous_id', 'e.user_id IS NULL')})`;
  }

  /**
   * Set-based: one row per end user holding `select` aggregated over their events matching
   * `filter` (an event belongs to the person its user id is linked to, else its anonymous id —
   * exactly as `events()` attributes it). Returns the CTE's alias, LEFT JOINed on the user.
   */
  perUser(sets: RuleSqlSets, filter: string, select: string): string {
    const alias = `wm_set${sets.ctes.length}`;
    sets.ctes.push(
      `${alias} AS (SELECT i.end_user_id AS id, ${select} FROM events e JOIN identities i
         ON i.workspace_id = e.workspace_id
         AND i.kind = (CASE WHEN e.user_id IS NULL THEN 'anonymous' ELSE 'user' END)
         AND i.external_id = coalesce(e.user_id, e.anonymous_id)
       WHERE e.workspace_id = ${this.o.workspace} AND (${filter}) GROUP BY i.end_user_id)`,
    );
    sets.joins.push(`LEFT JOIN ${alias} ON ${alias}.id = ${this.o.user}`);
    return alias;
  }

  compare(json: string, c: Comparison): string {
    const base = negatedOp(c.op);
    return base ? `(NOT ${this.positive(json, { ...c, op: base })})` : this.positive(json, c);
  }

  private positive(e: string, c: Comparison): string {
    const v = c.value;
    const scalar = v !== undefined && !Array.isArray(v);
    const isString = `jsonb_typeof(${e}) = 'string'`;
    // A comparison that can never hold still mentions `e`, whose parameters are already bound.
    const never = `(${e} IS NULL AND false)`;
    switch (c.op) {
      case 'eq':
        return scalar ? `coalesce(${e} = ${this.p(JSON.stringify(v))}::jsonb, false)` : never;
      case 'in': {
        const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
        return `coalesce(${e} IN (SELECT jsonb_array_elements(${this.p(JSON.stringify(list))}::jsonb)), false)`;
      }
      case 'exists':
        return `coalesce(jsonb_typeof(${e}) <> 'null', false)`;
      case 'contains': {
        if (!scalar) return never;
        const text = this.p(String(v));
        const json = this.p(JSON.stringify(v));
        return `coalesce(CASE jsonb_typeof(${e}) WHEN 'string' THEN strpos(${e} #>> '{}', ${text}::text) > 0
          WHEN 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements(${e}) x WHERE x = ${json}::jsonb)
          ELSE false END, false)`;
      }
      case 'starts_with':
        return scalar
          ? `coalesce(CASE WHEN ${isString} THEN starts_with(${e} #>> '{}', ${this.p(String(v))}::text) ELSE false END, false)`
          : never;
      case 'ends_with': {
        if (!scalar) return never;
        const s = this.p(String(v));
        return `coalesce(CASE WHEN ${isString} THEN right(${e} #>> '{}', char_length(${s}::text)) = ${s}::text ELSE false END, false)`;
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        if (typeof v !== 'number') return never;
        const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
        return `coalesce(CASE WHEN jsonb_typeof(${e}) = 'number' THEN (${e})::numeric ${op} ${this.p(String(v))}::numeric ELSE false END, false)`;
      }
      case 'before':
      case 'after':
      case 'within_last_days':
      case 'more_than_days_ago':
        return `(CASE WHEN ${isString} THEN ${this.instant(`wm_parse_ts(${e} #>> '{}')`, c.op, v)} ELSE ${never} END)`;
      default:
        return never;
    }
  }

  /** A timestamptz expression against a date operator; never NULL. */
  instant(t: string, op: Comparison['op'], value: unknown): string {
    const now = this.o.now.getTime();
    const bound = dateBound(op, value, now);
    if (bound === null) return 'false';
    const b = this.iso(bound);
    if (op === 'before' || op === 'more_than_days_ago') return `coalesce(${t} < ${b}, false)`;
    if (op === 'after') return `coalesce(${t} > ${b}, false)`;
    if (op === 'within_last_days')
      return `coalesce(${t} >= ${b} AND ${t} <= ${this.iso(now)}, false)`;
    return 'false';
  }

  named(name: string, extra = 'true'): string {
    return `e.name = ${this.p(name)}::text AND ${extra}`;
  }
  jsonEq(expr: string, value: string): string {
    return `${expr} = to_jsonb(${this.p(value)}::text)`;
  }

  condition(c: Condition): string {
    const { workspace: w, user: u } = this.o;
    switch (c.type) {
      case 'trait':
        return this.compare(`(${this.o.traits} -> ${this.p(c.key)}::text)`, c);
      case 'company_trait':
        return `EXISTS (SELECT 1 FROM company_members m JOIN companies c
          ON c.workspace_id = m.workspace_id AND c.id = m.company_id
          WHERE m.workspace_id = ${w} AND m.end_user_id = ${u}
            AND ${this.compare(`(c.traits -> ${this.p(c.key)}::text)`, c)})`;
      case 'event': {
        const parts = [`e.name = ${this.p(c.name)}::text`];
        if (c.window)
          parts.push(`e.ts >= ${this.iso(this.o.now.getTime() - c.window.days * DAY_MS)}`);
        for (const f of c.where)
          parts.push(this.compare(`(e.properties -> ${this.p(f.property)}::text)`, f));
        const want = c.count.value;
        const op = c.count.op === 'gte' ? '>=' : c.count.op === 'lte' ? '<=' : '=';
        if (this.o.sets) {
          const set = this.perUser(this.o.sets, parts.join(' AND '), 'count(*) AS n');
          return `(coalesce(${set}.n, 0) ${op} ${want})`;
        }
        const counted = `(SELECT count(*) FROM (SELECT 1 FROM ${this.events(parts.join(' AND '), '1 AS one')} ev LIMIT ${want + 1}) x)`;
        return `(${counted} ${op} ${want})`;
      }
      case 'sequence': {
        const [first, ...rest] = c.steps;
        let sql = `SELECT 1 FROM ${this.events(this.named(first!), 'e.ts')} s0`;
        rest.forEach((step, i) => {
          sql += ` CROSS JOIN LATERAL (SELECT min(ev.ts) AS ts FROM ${this.events(
            this.named(step, `e.ts > s${i}.ts`),
            'e.ts',
          )} ev) s${i + 1}`;
        });
        const span = `${this.p(`${Math.round(c.within.days * DAY_MS)} milliseconds`)}::interval`;
        return `EXISTS (${sql} WHERE s${rest.length}.ts <= s0.ts + ${span})`;
      }
      case 'first_seen':
      case 'last_seen': {
        const agg = c.type === 'first_seen' ? 'min' : 'max';
        if (this.o.sets) {
          const set = this.perUser(this.o.sets, 'true', `${agg}(e.ts) AS ts`);
          return this.instant(`${set}.ts`, c.op, c.value);
        }
        return this.instant(
          `(SELECT ${agg}(ev.ts) FROM ${this.events('true', 'e.ts')} ev)`,
          c.op,
          c.value,
        );
      }
      case 'survey_answer': {
        let filter = this.named(
          SURVEY_ANSWER_EVENT,
          this.jsonEq(`e.properties -> 'contentId'`, c.contentId),
        );
        if (c.questionId !== undefined)
          filter += ` AND ${this.jsonEq(`e.properties -> 'questionId'`, c.questionId)}`;
        return `coalesce((SELECT ${this.compare(`(ev.properties -> 'value')`, c)} FROM ${this.events(filter)} ev
          ORDER BY ev.ts DESC, ev.message_id COLLATE "C" DESC LIMIT 1), false)`;
      }
      case 'content': {
        const name = CONTENT_STATE_EVENTS[c.state === 'not_seen' ? 'seen' : c.state];
        const exists = `EXISTS (SELECT 1 FROM ${this.events(this.named(name, this.jsonEq(`e.properties -> 'contentId'`, c.contentId)), '1 AS one')} ev)`;
        return c.state === 'not_seen' ? `(NOT ${exists})` : exists;
      }
      case 'goal': {
        const exists = UUID.test(c.goalId)
          ? `EXISTS (SELECT 1 FROM goal_completions g WHERE g.workspace_id = ${w}
              AND g.goal_id = ${this.p(c.goalId)}::uuid AND g.end_user_id = ${u})`
          : 'false';
        return c.reached ? exists : `(NOT ${exists})`;
      }
      case 'journey_stage':
        return UUID.test(c.journeyId)
          ? `EXISTS (SELECT 1 FROM journey_positions j WHERE j.workspace_id = ${w}
              AND j.journey_id = ${this.p(c.journeyId)}::uuid AND j.end_user_id = ${u}
              AND j.stage_id = ${this.p(c.stageId)}::text)`
          : 'false';
      case 'segment': {
        const exists = UUID.test(c.segmentId)
          ? `EXISTS (SELECT 1 FROM segment_memberships sm WHERE sm.workspace_id = ${w}
              AND sm.segment_id = ${this.p(c.segmentId)}::uuid AND sm.end_user_id = ${u}
              AND sm.exited_at IS NULL)`
          : 'false';
        return c.member ? exists : `(NOT ${exists})`;
      }
      default:
        throw new RuleNotCompilableError(
          `A "${c.type}" condition is answered by the page, not the server.`,
        );
    }
  }

  rule(rule: Rule): string {
    if ('all' in rule)
      return rule.all.length ? `(${rule.all.map((r) => this.rule(r)).join(' AND ')})` : 'true';
    if ('any' in rule)
      return rule.any.length ? `(${rule.any.map((r) => this.rule(r)).join(' OR ')})` : 'false';
    if ('not' in rule) return `(NOT ${this.rule(rule.not)})`;
    if (CLIENT_CONDITION_TYPES.has(rule.type)) return this.condition(rule);
    return `(${this.condition(rule)})`;
  }
}

/** Compiles `rule` to a SQL boolean expression; throws RuleNotCompilableError for page-only rules. */
export function compileRuleSql(rule: Rule, options: RuleSqlOptions): string {
  return new Compiler(options).rule(rule);
}

/**
 * SQL for the time of the user's first event `name` whose properties match `where`, NULL when
 * there is none: the completion time of an event goal, the entry time of an event stage.
 */
export function compileFirstEventSql(
  name: string,
  where: PropertyFilter[],
  options: RuleSqlOptions,
): string {
  const c = new Compiler(options);
  const parts = [`e.name = ${c.p(name)}::text`];
  for (const f of where) parts.push(c.compare(`(e.properties -> ${c.p(f.property)}::text)`, f));
  return `(SELECT min(ev.ts) FROM ${c.events(parts.join(' AND '), 'e.ts')} ev)`;
}
