import {
  compileRuleSql,
  RuleCaseTableSchema,
  RuleNotCompilableError,
  type RuleCaseUser,
  type RuleSqlSets,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { GoalsService } from '../src/goals/goals.service';
import { IdentityService } from '../src/identity/identity.service';
import { ConfigChanges } from '../src/content/config-changes';
import { JourneysService } from '../src/journeys/journeys.service';
import { RulesService } from '../src/segments/rules.service';
import { SegmentsService } from '../src/segments/segments.service';
import { createWorkspace } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const table = RuleCaseTableSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../shared/src/rules/rule-cases.json'), 'utf8')),
);
const now = new Date(table.now);

/** Loads the case table's users into a workspace: profiles, identities, events, companies, state. */
async function load(db: DataSource, workspaceId: string, users: Record<string, RuleCaseUser>) {
  const ids = new Map<string, string>();
  const defs = new Set<string>();
  for (const [name, user] of Object.entries(users)) {
    const id = randomUUID();
    ids.set(id, name);
    await db.query(
      `INSERT INTO end_users (workspace_id, id, user_id, traits) VALUES ($1, $2, $3, $4)`,
      [workspaceId, id, `case-${name}`, JSON.stringify(user.traits)],
    );
    await db.query(
      `INSERT INTO identities (workspace_id, kind, external_id, end_user_id) VALUES ($1, 'user', $2, $4), ($1, 'anonymous', $3, $4)`,
      [workspaceId, `case-${name}`, `anon-${name}`, id],
    );
    for (const e of user.events) {
      await db.query(
        `INSERT INTO events (workspace_id, message_id, name, user_id, anonymous_id, properties, ts) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          workspaceId,
          e.messageId,
          e.name,
          e.anonymous ? null : `case-${name}`,
          `anon-${name}`,
          JSON.stringify(e.properties),
          e.ts,
        ],
      );
    }
    for (const [i, traits] of user.companies.entries()) {
      await db.query(`INSERT INTO companies (workspace_id, id, traits) VALUES ($1, $2, $3)`, [
        workspaceId,
        `${name}-c${i}`,
        JSON.stringify(traits),
      ]);
      await db.query(`INSERT INTO company_members VALUES ($1, $2, $3, now())`, [
        workspaceId,
        id,
        `${name}-c${i}`,
      ]);
    }
    const ensure = async (table: string, column: string, defId: string, body: string) => {
      if (defs.has(`${table}${defId}`)) return;
      defs.add(`${table}${defId}`);
      await db.query(
        `INSERT INTO ${table} (workspace_id, id, name, ${column}) VALUES ($1, $2, 'case', $3)`,
        [workspaceId, defId, body],
      );
    };
    for (const goalId of user.goals) {
      await ensure('goals', 'definition', goalId, '{"kind":"event","event":"x","where":[]}');
      await db.query(`INSERT INTO goal_completions VALUES ($1, $2, $3, now())`, [
        workspaceId,
        goalId,
        id,
      ]);
    }
    for (const [journeyId, stageId] of Object.entries(user.journeyStages)) {
      await ensure('journeys', 'stages', journeyId, '[]');
      await db.query(`INSERT INTO journey_positions VALUES ($1, $2, $3, $4, now())`, [
        workspaceId,
        journeyId,
        id,
        stageId,
      ]);
    }
    for (const segmentId of user.segments) {
      await ensure('segments', 'rule', segmentId, '{"all":[]}');
      await db.query(`INSERT INTO segment_memberships VALUES ($1, $2, $3, now(), NULL)`, [
        workspaceId,
        segmentId,
        id,
      ]);
    }
  }
  return ids;
}

let app: TestApp;
let workspaceId: string;
let names: Map<string, string>;
let rules: RulesService;
beforeAll(async () => {
  app = await startTestApp();
  workspaceId = (await createWorkspace(app.db)).workspaceId;
  names = await load(app.db, workspaceId, table.users);
  // The same external ids in another workspace, where carol has done everything: nothing of it
  // may leak into the first workspace's answers.
  const other = (await createWorkspace(app.db)).workspaceId;
  const alice = table.users.alice!;
  await load(app.db, other, { carol: { ...alice, context: undefined } as RuleCaseUser });
  const identity = new IdentityService(app.db, new ConfigChanges(app.db));
  rules = new RulesService(
    app.db,
    identity,
    new GoalsService(app.db, identity),
    new JourneysService(app.db),
    new SegmentsService(app.db, identity),
  );
});
afterAll(() => app.close());

const serverCases = table.cases.filter((c) => !c.clientOnly);

describe('rule-cases.json on PostgreSQL (SQL compiler)', () => {
  it.each(serverCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const params: unknown[] = [workspaceId];
    const expr = compileRuleSql(c.rule, {
      params,
      workspace: '$1',
      user: 'u.id',
      traits: 'u.traits',
      now,
    });
    const rows = await app.db.query<Array<{ id: string }>>(
      `SELECT u.id FROM end_users u WHERE u.workspace_id = $1 AND u.merged_into IS NULL AND ${expr}`,
      params,
    );
    expect(rows.map((r) => names.get(r.id)).sort()).toEqual([...c.matches].sort());
  });

  it.each(serverCases.map((c) => [c.name, c] as const))(
    '%s (set-based, bulk)',
    async (_name, c) => {
      const params: unknown[] = [workspaceId];
      const sets: RuleSqlSets = { ctes: [], joins: [] };
      const expr = compileRuleSql(c.rule, {
        params,
        workspace: '$1',
        user: 'u.id',
        traits: 'u.traits',
        now,
        sets,
      });
      const rows = await app.db.query<Array<{ id: string }>>(
        `${sets.ctes.length ? `WITH ${sets.ctes.join(', ')}` : ''}
       SELECT u.id FROM end_users u ${sets.joins.join(' ')}
       WHERE u.workspace_id = $1 AND u.merged_into IS NULL AND ${expr}`,
        params,
      );
      expect(rows.map((r) => names.get(r.id)).sort()).toEqual([...c.matches].sort());
    },
  );

  it('refuses page-only rules', () => {
    for (const c of table.cases.filter((x) => x.clientOnly)) {
      expect(() =>
        compileRuleSql(c.rule, {
          params: [],
          workspace: '$1',
          user: 'u.id',
          traits: 'u.traits',
          now,
        }),
      ).toThrow(RuleNotCompilableError);
    }
  });
});

describe('rule-cases.json in memory over snapshots loaded from PostgreSQL (RulesService)', () => {
  it.each(table.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const matched: string[] = [];
    for (const [name, user] of Object.entries(table.users)) {
      const hit = await rules.evaluate(
        workspaceId,
        { userId: `case-${name}` },
        c.rule,
        user.context,
        now,
      );
      if (hit) matched.push(name);
    }
    expect(matched.sort()).toEqual([...c.matches].sort());
  });
});
