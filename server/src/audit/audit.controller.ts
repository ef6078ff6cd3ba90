import { Controller, Get, Param, Query } from '@nestjs/common';
import { contract, type AuditPage, type AuditQuery } from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from '../workspaces/require-role.decorator';
import { AuditService } from './audit.service';

@Controller('api/workspaces/:workspaceId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequireRole('viewer')
  list(
    @Param(new ZodPipe(contract.auditList.params)) params: { workspaceId: string },
    @Query(new ZodPipe(contract.auditList.query)) query: AuditQuery,
  ): Promise<AuditPage> {
    return this.audit.list(params.workspaceId, query);
  }
}
