import type { AuditPage, ErrorBody } from '@waymark/shared';
import { AuditService } from '../src/audit/audit.service';
import {
  addMember,
  as,
  signUp,
  startLoggedApp,
  type Builder,
  type LoggedTestApp,
} from './support/builder-session';
import { call } from './support/http';

let app: LoggedTestApp;
let owner: Builder;
beforeAll(async () => {
  app = await startLoggedApp();
  owner = await signUp(app.url);
});
afterAll(() => app.close());

const audit = (by: Builder, query = '', workspaceId = owner.workspaceId) =>
  call<AuditPage & ErrorBody>(`${app.url}/api/workspaces/${workspaceId}/audit${query}`, {
    headers: as(by),
  });

describe('the audit log', () => {
  it('pages newest first by cursor without gaps or repeats, across a digit boundary of ids', async () => {
    // Move the id sequence just below the next power of ten, so 99… and 100… are both on a page.
    const [{ id }] = (await app.db.query(`SELECT nextval('audit_log_id_seq')::text AS id`)) as [
      { id: string },
    ];
    await app.db.query(`SELECT setval('audit_log_id_seq', $1)`, [10 ** (id.length + 1) - 4]);
    for (let i = 0; i < 6; i += 1) {
      await call(`${app.url}/api/workspaces/${owner.workspaceId}`, {
        method: 'PATCH',
        headers: as(owner),
        body: { name: `Name ${i}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof audit>> = await audit(
        owner,
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
    const all = await audit(owner, '?limit=50');
    expect(all.body.data.map((e) => e.after?.name ?? null).slice(0, 6)).toEqual([
      'Name 5',
      'Name 4',
      'Name 3',
      'Name 2',
      'Name 1',
      'Name 0',
    ]);
    expect(all.body.data.at(-1)!.action).toBe('workspace.created');
    expect(Date.parse(all.body.data[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is readable by viewers and 404 to everyone outside the workspace', async () => {
    const viewer = await addMember(app.url, owner, 'viewer');
    expect((await audit(viewer)).status).toBe(200);
    const stranger = await signUp(app.url);
    const answer = await audit(stranger);
    expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
    const own = await audit(stranger, '', stranger.workspaceId);
    expect(own.body.data.map((e) => e.target.id)).toEqual([stranger.workspaceId]);
  });

  it('refuses a cursor it did not make and out-of-range limits', async () => {
    for (const query of ['?cursor=abc', '?cursor=0', '?limit=0', '?limit=201', '?limit=x']) {
      const answer = await audit(owner, query);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'validation_failed']);
    }
  });

  it('records for other modules inside their transaction: a rollback leaves no entry', async () => {
    const service = app.app.get(AuditService);
    const entry = {
      workspaceId: owner.workspaceId,
      actor: { type: 'secret-key' as const, id: 'env-1', label: 'production' },
      action: 'content.published',
      target: { type: 'content', id: 'c-1' },
      before: { status: 'draft' },
      after: { status: 'published', version: 2 },
    };
    await expect(
      app.db.transaction(async (tx) => {
        await service.record({ ...entry, target: { type: 'content', id: 'rolled-back' } }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await app.db.transaction((tx) => service.record(entry, tx));
    const page = await audit(owner, '?targetType=content');
    expect(page.body.data).toEqual([
      {
        id: expect.any(String),
        actor: entry.actor,
        action: 'content.published',
        target: entry.target,
        before: entry.before,
        after: entry.after,
        at: expect.any(String),
      },
    ]);
  });
});
