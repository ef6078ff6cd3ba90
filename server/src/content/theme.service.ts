import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ThemeCreate, ThemeRecord, ThemeUpdate } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';
import { ConfigChanges } from './config-changes';
import { actorOf } from './content.service';
import { definedOnly } from './defined-only';
import { Theme } from './theme.entity';

const toRecord = (t: Theme): ThemeRecord => ({
  id: t.id,
  name: t.name,
  theme: t.theme,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** Themes shared across content. An edit shows on every item that uses it, published or not. */
@Injectable()
export class ThemeService {
  constructor(
    @InjectRepository(Theme) private readonly themes: Repository<Theme>,
    private readonly changes: ConfigChanges,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<ThemeRecord[]> {
    const rows = await this.themes.find({ where: { workspaceId }, order: { name: 'ASC' } });
    return rows.map(toRecord);
  }

  async get(workspaceId: string, themeId: string): Promise<ThemeRecord> {
    return toRecord(await this.find(this.themes.manager, workspaceId, themeId));
  }

  create(workspaceId: string, member: WorkspaceMember, body: ThemeCreate): Promise<ThemeRecord> {
    return this.changes.change(workspaceId, async (tx) => {
      const theme = tx.create(Theme, { workspaceId, id: randomUUID(), ...body });
      await tx.insert(Theme, theme);
      await this.record(tx, member, 'theme.created', theme);
      return toRecord(await this.find(tx, workspaceId, theme.id));
    });
  }

  update(
    workspaceId: string,
    member: WorkspaceMember,
    themeId: string,
    body: ThemeUpdate,
  ): Promise<ThemeRecord> {
    return this.changes.change(workspaceId, async (tx) => {
      const theme = await this.find(tx, workspaceId, themeId);
      const change = definedOnly(body);
      await tx.update(Theme, { workspaceId, id: themeId }, { ...change, updatedAt: new Date() });
      await this.record(tx, member, 'theme.updated', { ...theme, ...change });
      return toRecord(await this.find(tx, workspaceId, themeId));
    });
  }

  /** Refused while any content version refers to it (published versions must keep their look). */
  async remove(workspaceId: string, member: WorkspaceMember, themeId: string): Promise<void> {
    await this.changes.change(workspaceId, async (tx) => {
      const theme = await this.find(tx, workspaceId, themeId);
      const [{ uses }] = (await tx.query(
        `SELECT count(*)::int AS uses FROM content_versions WHERE workspace_id = $1 AND theme_id = $2`,
        [workspaceId, themeId],
      )) as [{ uses: number }];
      if (uses > 0) {
        throw new AppError('conflict', `${uses} content version(s) use this theme.`, { uses });
      }
      await tx.delete(Theme, { workspaceId, id: themeId });
      await this.record(tx, member, 'theme.deleted', theme);
    });
  }

  private async find(manager: EntityManager, workspaceId: string, themeId: string): Promise<Theme> {
    const theme = await manager.findOneBy(Theme, { workspaceId, id: themeId });
    if (!theme) throw new AppError('not_found', 'No such theme.');
    return theme;
  }

  private record(tx: EntityManager, member: WorkspaceMember, action: string, theme: Theme) {
    return this.audit.record(
      {
        workspaceId: theme.workspaceId,
        actor: actorOf(member),
        action,
        target: { type: 'theme', id: theme.id },
        after: { name: theme.name },
      },
      tx,
    );
  }
}
