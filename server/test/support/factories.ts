import type { FlowDefinition, Trigger } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password';
import { randomToken, sha256 } from '../../src/common/tokens';

export interface TestWorkspace {
  workspaceId: string;
  sdkKey: string;
  secretKey: string;
  email: string;
  password: string;
}

/** A workspace with one owner and a production environment; every field can be overridden. */
export async function createWorkspace(
  db: DataSource,
  overrides: Partial<Pick<TestWorkspace, 'email' | 'password'>> = {},
): Promise<TestWorkspace> {
  const workspace: TestWorkspace = {
    workspaceId: randomUUID(),
    sdkKey: randomToken('wm_pk_'),
    secretKey: randomToken('wm_sk_'),
    email: overrides.email ?? `owner-${randomUUID()}@example.test`,
    password: overrides.password ?? 'a long test password',
  };
  const accountId = randomUUID();
  await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [
    workspace.workspaceId,
    'Test',
  ]);
  await db.query('INSERT INTO accounts (id, email, password_hash) VALUES ($1, $2, $3)', [
    accountId,
    workspace.email,
    await hashPassword(workspace.password),
  ]);
  await db.query(`INSERT INTO memberships VALUES ($1, $2, 'owner')`, [
    workspace.workspaceId,
    accountId,
  ]);
  await db.query(
    `INSERT INTO environments (workspace_id, id, name, sdk_key, secret_key_hash) VALUES ($1, $2, 'production', $3, $4)`,
    [workspace.workspaceId, randomUUID(), workspace.sdkKey, sha256(workspace.secretKey)],
  );
  return workspace;
}

export const tooltipFlow = (selector = '#go'): FlowDefinition => ({
  kind: 'flow',
  steps: [
    {
      id: 's1',
      type: 'tooltip',
      target: { selector, attributes: {} },
      placement: 'auto',
      backdrop: false,
      advance: { on: 'button' },
      blocks: [{ type: 'heading', text: 'Hello' }],
    },
  ],
});

/** A published content item; returns its id and version id. */
export async function publishContent(
  db: DataSource,
  workspaceId: string,
  options: {
    name?: string;
    definition?: FlowDefinition;
    triggers?: Trigger[];
    priority?: number;
  } = {},
): Promise<{ contentId: string; versionId: string }> {
  const contentId = randomUUID();
  const versionId = randomUUID();
  await db.query(
    `INSERT INTO content (workspace_id, id, kind, name, status, priority, triggers, published_version_id)
     VALUES ($1, $2, 'flow', $3, 'published', $4, $5, $6)`,
    [
      workspaceId,
      contentId,
      options.name ?? 'Tour',
      options.priority ?? 0,
      JSON.stringify(options.triggers ?? [{ type: 'immediate' }]),
      versionId,
    ],
  );
  await db.query(
    `INSERT INTO content_versions (workspace_id, id, content_id, version, definition, published_at)
     VALUES ($1, $2, $3, 1, $4, now())`,
    [workspaceId, versionId, contentId, JSON.stringify(options.definition ?? tooltipFlow())],
  );
  return { contentId, versionId };
}
