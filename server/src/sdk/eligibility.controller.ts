import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  contract,
  type EligibilityParams,
  type EligibilityQuery,
  type EligibilityResponse,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from '../workspaces/require-role.decorator';
import { EligibilityService } from './eligibility.service';

/** Explainable eligibility for one user (any member of the workspace). */
@Controller('api/workspaces/:workspaceId/users/:userId/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get()
  @RequireRole('viewer')
  explain(
    @Param(new ZodPipe(contract.userEligibility.params)) params: EligibilityParams,
    @Query(new ZodPipe(contract.userEligibility.query)) query: EligibilityQuery,
  ): Promise<EligibilityResponse> {
    return this.eligibility.explain(params.workspaceId, params.userId, query);
  }
}
