import { Injectable } from '@nestjs/common';
import {
  emptyDeps,
  evaluateRule,
  type AudienceOutcome,
  type ClientContext,
  type JsonLike,
  type RuleDeps,
  type SdkContext,
  type SdkUser,
  type Traits,
  type UserSnapshot,
} from '@waymark/shared';
import { IdentityService } from '../identity/identity.service';
import { RulesService } from '../segments/rules.service';
import type { ConfigItem, WorkspaceConfig } from './workspace-config';

export interface AudienceInput {
  workspaceId: string;
  config: WorkspaceConfig;
  user: SdkUser;
  /** Traits the SDK sent; they override stored ones. */
  traits: Traits;
  context?: SdkContext | undefined;
  now: Date;
  /** Evaluate every audience (explanations); else only those whose trait gate is open. */
  all?: boolean;
}

const emptySnapshot = (): UserSnapshot => ({
  traits: {},
  companies: [],
  events: [],
  goals: [],
  journeyStages: {},
  segments: [],
});

function clientContext(context: SdkContext | undefined): ClientContext {
  const out: ClientContext = {};
  if (context?.url) out.url = context.url;
  if (context?.locale) out.locale = context.locale;
  if (context?.viewport) out.viewport = context.viewport;
  return out;
}

/**
 * Audiences for one user, with the shared rule evaluator over a snapshot that loads only what
 * the workspace's audiences read: stored traits only when the request lacks a trait an audience
 * reads; events, goals, journeys and segments through the rules service. Audiences with
 * conditions the server cannot see (elements on the page) are not evaluable, never a pass.
 */
@Injectable()
export class AudienceEvaluator {
  constructor(
    private readonly rules: RulesService,
    private readonly identity: IdentityService,
  ) {}

  /**
   * Outcomes by content id. Items with an audience that are missing from the answer did not
   * pass their trait gate: they do not match.
   */
  async outcomes(input: AudienceInput): Promise<Map<string, AudienceOutcome>> {
    const out = new Map<string, AudienceOutcome>();
    const { config } = input;
    if (config.ungated.length === 0 && config.gates.size === 0) return out;
    const snapshot = await this.snapshot(input);
    const evaluate = (item: ConfigItem): void => {
      if (item.unevaluable.length > 0) {
        out.set(item.id, {
          result: 'not_evaluable',
          detail: `${item.unevaluable.join(', ')} conditions can only be checked in the browser`,
        });
      } else if (item.rule) {
        const match = item.gateOnly || evaluateRule(item.rule, snapshot, input.now);
        out.set(item.id, { result: match ? 'match' : 'no_match' });
      }
    };
    if (input.all) {
      for (const item of config.items) {
        if (item.gate && snapshot.traits[item.gate.key] !== item.gate.value) {
          out.set(item.id, { result: 'no_match' });
        } else if (item.rule) evaluate(item);
      }
      return out;
    }
    config.ungated.forEach(evaluate);
    for (const [key, byValue] of config.gates) {
      const value = snapshot.traits[key];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        byValue.get(value)?.forEach(evaluate);
      }
    }
    return out;
  }

  private async snapshot(input: AudienceInput): Promise<UserSnapshot> {
    const { deps, traitKeys } = input.config;
    const remote: RuleDeps = {
      ...emptyDeps(),
      eventNames: deps.eventNames,
      anyEvent: deps.anyEvent,
      traits: deps.traits && traitKeys.some((key) => !(key in input.traits)),
      companies: deps.companies,
      goals: deps.goals,
      journeys: deps.journeys,
      segments: deps.segments,
    };
    const needsStore =
      remote.traits ||
      remote.companies ||
      remote.anyEvent ||
      remote.eventNames.size > 0 ||
      remote.goals.size > 0 ||
      remote.journeys.size > 0 ||
      remote.segments.size > 0;
    let snapshot = emptySnapshot();
    if (needsStore) {
      const ref = { userId: input.user.userId ?? null, anonymousId: input.user.anonymousId };
      const endUserId = await this.identity.find(input.workspaceId, ref);
      if (endUserId) snapshot = await this.rules.snapshot(input.workspaceId, endUserId, remote);
    }
    snapshot.traits = { ...snapshot.traits, ...(input.traits as Record<string, JsonLike>) };
    snapshot.context = clientContext(input.context);
    return snapshot;
  }
}
