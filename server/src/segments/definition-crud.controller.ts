import { Body, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { SegmentRefreshResult } from '@waymark/shared';
import type { z } from 'zod';
import type { AuditService } from '../audit/audit.service';
import { ZodPipe } from '../common/zod.pipe';
import { Caller, type CallerInfo, recordDefinitionChange } from './definition-access.controller';

type Params = { id: string };

/** What the segments, goals and journeys services have in common. */
export interface DefinitionCrudService<View, Input, Stored> {
  list(workspaceId: string): Promise<View[]>;
  get(workspaceId: string, id: string): Promise<View>;
  create(workspaceId: string, input: Input): Promise<{ id: string }>;
  update(workspaceId: string, id: string, input: Input): Promise<unknown>;
  remove(workspaceId: string, id: string): Promise<void>;
  store: { get(workspaceId: string, id: string): Promise<Stored> };
  refresh(workspaceId: string, stored: Stored): Promise<SegmentRefreshResult>;
}

/** The schemas of one resource's CRUD routes (from `contract`) and how its audit reads. */
export interface DefinitionCrudConfig<View> {
  type: 'segment' | 'goal' | 'journey';
  body: z.ZodType;
  params: z.ZodType;
  /** What the audit log keeps of a definition, before and after a change. */
  summary: (item: View) => Record<string, unknown>;
}

/**
 * The CRUD handlers the segment, goal and journey controllers share: list, create, get, update,
 * delete and refresh, the same at both doors (see `definition-access.controller.ts`). A create
 * or update computes the definition before answering, so the counts it shows are real; every
 * change is audited after it commits (the services take no transaction). Each controller
 * extends the class this returns, adds `@Controller` / `@KeyOrSession` and its own routes.
 */
export function DefinitionCrudController<View extends { id: string }, Input, Stored>(
  config: DefinitionCrudConfig<View>,
) {
  const body = () => Body(new ZodPipe(config.body));
  const params = () => Param(new ZodPipe(config.params));

  abstract class DefinitionCrud {
    constructor(
      protected readonly service: DefinitionCrudService<View, Input, Stored>,
      protected readonly audit: AuditService,
    ) {}

    @Get()
    async list(@Caller() c: CallerInfo): Promise<{ data: View[] }> {
      return { data: await this.service.list(c.workspaceId) };
    }

    @Post()
    async create(@body() input: Input, @Caller() c: CallerInfo): Promise<View> {
      const { id } = await this.service.create(c.workspaceId, input);
      await this.service.refresh(c.workspaceId, await this.service.store.get(c.workspaceId, id));
      const answer = await this.service.get(c.workspaceId, id);
      await this.record(c, 'created', id, null, answer);
      return answer;
    }

    @Get(':id')
    get(@params() p: Params, @Caller() c: CallerInfo): Promise<View> {
      return this.service.get(c.workspaceId, p.id);
    }

    @Put(':id')
    async update(
      @params() p: Params,
      @body() input: Input,
      @Caller() c: CallerInfo,
    ): Promise<View> {
      const before = await this.service.get(c.workspaceId, p.id);
      await this.service.update(c.workspaceId, p.id, input);
      await this.service.refresh(c.workspaceId, await this.service.store.get(c.workspaceId, p.id));
      const answer = await this.service.get(c.workspaceId, p.id);
      await this.record(c, 'updated', p.id, before, answer);
      return answer;
    }

    @Delete(':id')
    async remove(@params() p: Params, @Caller() c: CallerInfo): Promise<{ deleted: true }> {
      const before = await this.service.get(c.workspaceId, p.id);
      await this.service.remove(c.workspaceId, p.id);
      await this.record(c, 'deleted', p.id, before, null);
      return { deleted: true };
    }

    @Post(':id/refresh')
    @HttpCode(200)
    async refresh(@params() p: Params, @Caller() c: CallerInfo): Promise<SegmentRefreshResult> {
      return this.service.refresh(c.workspaceId, await this.service.store.get(c.workspaceId, p.id));
    }

    private record(
      c: CallerInfo,
      verb: 'created' | 'updated' | 'deleted',
      id: string,
      before: View | null,
      after: View | null,
    ): Promise<void> {
      return recordDefinitionChange(
        this.audit,
        c,
        { type: config.type, verb, id },
        before,
        after,
        config.summary,
      );
    }
  }
  return DefinitionCrud;
}
