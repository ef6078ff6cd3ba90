import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { randomToken, sha256 } from '../common/tokens';
import { demoTour } from './demo-content';

/** The demo workspace has a fixed id so the demo page can find its SDK key. */
export const DEMO_WORKSPACE_ID = '8f1d7c1e-5b0a-4c36-9d61-3a1f2b7e0d01';

export interface DemoCredentials {
  email: string;
  password: string;
  workspaceId: string;
  sdkKey: string;
  secretKey: string;
}

/**
 * Creates the demo workspace when the database has no workspace yet, in one transaction. The
 * password and keys are random and returned once: only their hashes are stored (but the SDK key,
 * which is public).
 */
export async function seedDemo(db: DataSource): Promise<DemoCredentials | null> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE workspaces IN EXCLUSIVE MODE');
    const [{ count }] = (await tx.query('SELECT count(*)::int AS count FROM workspaces')) as [
      { count: number },
    ];
    if (count > 0) return null;
    const credentials: DemoCredentials = {
      email: 'demo@waymark.local',
      password: randomToken('', 12),
      workspaceId: DEMO_WORKSPACE_ID,
      sdkKey: randomToken('wm_pk_', 18),
      secretKey: randomToken('wm_sk_', 24),
    };
    const accountId = randomUUID();
    const contentId = randomUUID();
    const versionId = randomUUID();
    await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [
      DEMO_WORKSPACE_ID,
      'Acme Projects (demo)',
    ]);
    await tx.query('INSERT INTO accounts (id, email, password_hash) VALUES ($1, $2, $3)', [
      accountId,
      credentials.email,
      await hashPassword(credentials.password),
    ]);
    await tx.query(
      `INSERT INTO memberships (workspace_id, account_id, role) VALUES ($1, $2, 'owner')`,
      [DEMO_WORKSPACE_ID, accountId],
    );
    await tx.query(
      `INSERT INTO environments (workspace_id, id, name, sdk_key, secret_key_hash)
       VALUES ($1, $2, 'production', $3, $4), ($1, $5, 'staging', $6, $7)`,
      [
        DEMO_WORKSPACE_ID,
        randomUUID(),
        credentials.sdkKey,
        sha256(credentials.secretKey),
        randomUUID(),
        randomToken('wm_pk_', 18),
        sha256(randomToken('wm_sk_', 24)),
      ],
    );
    await tx.query(
      `INSERT INTO content (workspace_id, id, kind, name, status, priority, triggers, published_version_id)
       VALUES ($1, $2, 'flow', $3, 'published', 10, $4, $5)`,
      [DEMO_WORKSPACE_ID, contentId, demoTour.name, JSON.stringify(demoTour.triggers), versionId],
    );
    await tx.query(
      `INSERT INTO content_versions (workspace_id, id, content_id, version, definition, published_at)
       VALUES ($1, $2, $3, 1, $4, now())`,
      [DEMO_WORKSPACE_ID, versionId, contentId, JSON.stringify(demoTour.definition)],
    );
    return credentials;
  });
}
