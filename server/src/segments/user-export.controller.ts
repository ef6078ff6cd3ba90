import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { contract, type UserExport } from '@waymark/shared';
import { AppError } from '../common/app-error';
import { ZodPipe } from '../common/zod.pipe';
import { GoalsService } from '../goals/goals.service';
import { IdentityService } from '../identity/identity.service';
import { JourneysService } from '../journeys/journeys.service';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SecretKeyGuard } from '../workspaces/key.guards';
import { SegmentsService } from './segments.service';

/** `GET /api/v1/users/:id`: one person by userId (else anonymousId), with everything computed. */
@Controller('api/v1/users')
@UseGuards(SecretKeyGuard)
export class UserExportController {
  constructor(
    private readonly identity: IdentityService,
    private readonly segments: SegmentsService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
  ) {}

  @Get(':id')
  async get(
    @Param(new ZodPipe(contract.userExport.params)) p: { id: string },
    @KeyEnvironment() env: Environment,
  ): Promise<UserExport> {
    const ws = env.workspaceId;
    const endUserId = await this.identity.find(ws, { userId: p.id, anonymousId: p.id });
    const profile = endUserId ? await this.identity.profile(ws, endUserId) : null;
    if (!endUserId || !profile) throw new AppError('not_found', 'No such user.');
    const [segments, goals, journeys] = await Promise.all([
      this.segments.forUser(ws, endUserId),
      this.goals.forUser(ws, endUserId),
      this.journeys.forUser(ws, endUserId),
    ]);
    return {
      endUserId,
      userId: profile.userId,
      anonymousIds: profile.anonymousIds,
      traits: profile.traits,
      traitTimes: profile.traitTimes,
      companies: profile.companies,
      firstSeenAt: profile.firstSeenAt,
      segments,
      journeys,
      goals,
    };
  }
}
