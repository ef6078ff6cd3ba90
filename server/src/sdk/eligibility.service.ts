import { Injectable } from '@nestjs/common';
import {
  explainEligibility,
  explainItem,
  type EligibilityQuery,
  type EligibilityResponse,
  type ItemFacts,
} from '@waymark/shared';
import { ContentConfigService } from '../content/content-config.service';
import { AssignmentsService } from '../experiments/assignments.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { AudienceEvaluator } from './audience.evaluator';
import { armOf, audienceOf, factsOf } from './decision.engine';
import { ProgressService } from './progress.service';
import { hashKeyOf, userKeysOf } from './user-keys';
import { buildWorkspaceConfig } from './workspace-config';

/**
 * "Why does this user (not) get X?" for every item of a workspace, published or not, with the
 * same shared explainer the decision path uses. Read-only: no assignment is stored.
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly content: ContentConfigService,
    private readonly experiments: ExperimentsService,
    private readonly audiences: AudienceEvaluator,
    private readonly progress: ProgressService,
    private readonly assignments: AssignmentsService,
  ) {}

  async explain(
    workspaceId: string,
    userId: string,
    query: EligibilityQuery,
  ): Promise<EligibilityResponse> {
    const now = new Date();
    const user = { userId, anonymousId: query.anonymousId ?? userId };
    const keys = userKeysOf(user);
    const [items, running, progress, stored] = await Promise.all([
      this.content.items(workspaceId, false),
      this.experiments.running(workspaceId),
      this.progress.forUser(workspaceId, keys),
      this.assignments.forUser(workspaceId, keys),
    ]);
    const config = buildWorkspaceConfig(workspaceId, items, [], running, new Map());
    const context = query.url
      ? { url: query.url, ...(query.locale ? { locale: query.locale } : {}) }
      : undefined;
    const audiences = await this.audiences.outcomes({
      workspaceId,
      config,
      user,
      traits: query.traits ?? {},
      context,
      now,
      all: true,
    });
    const facts = config.items.map((item): ItemFacts => {
      const audience = audienceOf(item, audiences);
      const p = progress.get(item.id);
      const base = factsOf(item, audience, p, null);
      const e = item.experiment;
      if (!e || !explainItem(base, now).eligible) return base;
      const sticky = stored
        .filter((a) => a.experimentId === e.id)
        .sort((a, b) => keys.indexOf(a.userKey) - keys.indexOf(b.userKey))[0];
      const { assignment } = armOf(e, sticky, hashKeyOf(user));
      return { ...base, experiment: { experimentId: e.id, name: e.name, assignment } };
    });
    return { userId, evaluatedAt: now.toISOString(), data: explainEligibility(facts, now) };
  }
}
