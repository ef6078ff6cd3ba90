import {
  emptyDeps,
  localeChain,
  localize,
  ruleDeps,
  type Audience,
  type ContentDefinition,
  type FeatureTag,
  type Holdout,
  type Rule,
  type RuleDeps,
  type Theme as ThemeTokens,
  type Translations,
} from '@waymark/shared';
import { createHash } from 'node:crypto';
import type { ItemRow, ThemeRow, VersionRow } from '../content/content-config.service';
import type { Experiment } from '../experiments/experiment.entity';
import { AnswerMemo } from './session.answer';

/** One immutable version as served: shared theme merged in, localized copies memoised. */
export class VersionPayload {
  private readonly localized = new Map<string, ContentDefinition>();
  private readonly serialized = new Map<string, string>();

  constructor(
    readonly versionId: string,
    readonly definition: ContentDefinition,
    /** Identifies the merged shared theme's state, for the cache validator. */
    readonly stamp: string,
  ) {}

  /**
   * The definition translated for `locale` (source text where no translation exists, i.e. the
   * default locale), keeping only the translations of that locale so the widget can still
   * translate its own labels. Memoised per locale.
   */
  forLocale(locale: string | undefined): ContentDefinition {
    if (!locale || !this.definition.translations) return this.definition;
    const key = locale.toLowerCase();
    let hit = this.localized.get(key);
    if (!hit) {
      const chain = new Set(localeChain(locale));
      const kept: Translations = Object.fromEntries(
        Object.entries(this.definition.translations).filter(([tag]) =>
          chain.has(tag.toLowerCase()),
        ),
      );
      hit = { ...localize(this.definition, locale), translations: kept };
      if (this.localized.size < 64) this.localized.set(key, hit);
    }
    return hit;
  }

  /** `forLocale` as JSON, memoised: the session answer is assembled from these strings. */
  jsonForLocale(locale: string | undefined): string {
    const key = locale?.toLowerCase() ?? '';
    let hit = this.serialized.get(key);
    if (hit === undefined) {
      hit = JSON.stringify(this.forLocale(locale));
      if (this.serialized.size < 64) this.serialized.set(key, hit);
    }
    return hit;
  }
}

export interface RunningExperiment {
  id: string;
  name: string;
  seed: string;
  holdout: Holdout | null;
  variants: Array<{
    key: string;
    versionId: string;
    weight: number;
    payload: VersionPayload | null;
  }>;
}

export interface ConfigItem extends ItemRow {
  /** Position in delivery order. */
  index: number;
  published: VersionPayload | null;
  experiment: RunningExperiment | null;
  /** The audience as a rule (segments become segment conditions); null for everyone. */
  rule: Rule | null;
  /** Condition types in the audience the server cannot evaluate (the page's DOM). */
  unevaluable: string[];
  /** Hash of what the answer carries besides the version (name, priority, triggers). */
  stamp: string;
  /** The answer's fixed fields as JSON (`"kind":…,"name":…,"priority":…,"triggers":…`). */
  json: string;
  /** The audience is exactly its trait gate: passing the gate is matching. */
  gateOnly: boolean;
  gate: { key: string; value: Scalar } | null;
}

type Scalar = string | number | boolean;

/**
 * Audiences that require `trait key eq value` (alone or as one conjunct of `all`), indexed by
 * key and value: a session only evaluates those whose gate its traits open. Equality is strict,
 * as in the rule evaluator, so the index never hides a match.
 */
export type TraitGates = Map<string, Map<Scalar, ConfigItem[]>>;

/** A workspace's published configuration, compiled once per change and held in memory. */
export interface WorkspaceConfig {
  workspaceId: string;
  /** Published items in delivery order (priority, then age). */
  items: ConfigItem[];
  byId: Map<string, ConfigItem>;
  /** Items for everyone (no audience rule). */
  open: ConfigItem[];
  gates: TraitGates;
  /** Items with an audience rule but no trait gate: evaluated on every session. */
  ungated: ConfigItem[];
  /** What the audiences read, over all items. */
  deps: RuleDeps;
  /** Trait keys the audiences read, to tell when the request's traits are enough. */
  traitKeys: string[];
  /** The workspace's feature tags as the session answer's JSON array, serialised once. */
  featureTagsJson: string;
  /** Changes with the feature tags, for the cache validator. */
  featureTagsStamp: string;
  /** Session answers assembled from this configuration, by etag. */
  answers: AnswerMemo;
  /**
   * Whether a session's audiences are decided by the request alone: no audience reads stored
   * events, goals, journeys, segments or companies, nor the clock. Then the same request with
   * the same progress and assignments gets the same answer until a schedule or frequency
   * boundary (the session memo, session.memo.ts). Stored traits are read only when the request
   * lacks one an audience reads; the memo checks that per request.
   */
  requestDecides: boolean;
  /** Some audience reads the page context (URL, viewport, locale conditions). */
  readsContext: boolean;
  /** Unique per compiled configuration on this instance: what per-generation caches key by. */
  generation: number;
  loadedAt: number;
}

let generations = 0;

/** The trait equality every user in the audience must have, if the rule has one. */
function gateOf(rule: Rule): { key: string; value: Scalar; whole: boolean } | null {
  const conjuncts = 'all' in rule ? rule.all : [rule];
  for (const c of conjuncts) {
    if ('type' in c && c.type === 'trait' && c.op === 'eq') {
      const value = c.value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return { key: c.key, value, whole: conjuncts.length === 1 };
      }
    }
  }
  return null;
}

/** Conditions only the browser can answer. */
const SERVER_BLIND = new Set(['element']);

export function audienceRule(audience: Audience): Rule | null {
  switch (audience.type) {
    case 'everyone':
      return null;
    case 'rule':
      return audience.rule;
    case 'segments': {
      const members: Rule[] = audience.segmentIds.map((segmentId) => ({
        type: 'segment',
        segmentId,
        member: true,
      }));
      return audience.match === 'all' ? { all: members } : { any: members };
    }
    default: {
      const unreachable: never = audience;
      return unreachable;
    }
  }
}

function walk(rule: Rule, visit: (c: Extract<Rule, { type: string }>) => void): void {
  if ('all' in rule) rule.all.forEach((r) => walk(r, visit));
  else if ('any' in rule) rule.any.forEach((r) => walk(r, visit));
  else if ('not' in rule) walk(rule.not, visit);
  else visit(rule);
}

function payloadOf(
  version: VersionRow | undefined,
  themes: Map<string, ThemeRow>,
): VersionPayload | null {
  if (!version) return null;
  const shared = version.themeId ? themes.get(version.themeId) : undefined;
  const definition: ContentDefinition = shared
    ? {
        ...version.definition,
        theme: { ...shared.theme, ...version.definition.theme } as ThemeTokens,
      }
    : version.definition;
  return new VersionPayload(version.id, definition, shared?.stamp ?? '');
}

/** Compiles loaded rows into the structure the decision path walks on every session. */
export function buildWorkspaceConfig(
  workspaceId: string,
  items: ItemRow[],
  versions: VersionRow[],
  experiments: Experiment[],
  themes: Map<string, ThemeRow>,
  featureTags: FeatureTag[] = [],
): WorkspaceConfig {
  const payloads = new Map<string, VersionPayload>();
  for (const v of versions) {
    const payload = payloadOf(v, themes);
    if (payload) payloads.set(v.id, payload);
  }
  const running = new Map(experiments.map((e) => [e.contentId, e]));
  const deps = emptyDeps();
  const traitKeys = new Set<string>();
  const compiled = items.map((item, index): ConfigItem => {
    const rule = audienceRule(item.audience);
    const unevaluable = new Set<string>();
    if (rule) {
      ruleDeps(rule, deps);
      walk(rule, (c) => {
        if (SERVER_BLIND.has(c.type)) unevaluable.add(c.type);
        if (c.type === 'trait') traitKeys.add(c.key);
      });
    }
    const e = running.get(item.id);
    const gate = rule && unevaluable.size === 0 ? gateOf(rule) : null;
    return {
      ...item,
      index,
      published: item.publishedVersionId ? (payloads.get(item.publishedVersionId) ?? null) : null,
      experiment: e
        ? {
            id: e.id,
            name: e.name,
            seed: e.seed,
            holdout: e.holdout,
            variants: e.variants.map((v) => ({ ...v, payload: payloads.get(v.versionId) ?? null })),
          }
        : null,
      rule,
      unevaluable: [...unevaluable],
      stamp: createHash('sha1')
        .update(JSON.stringify([item.name, item.priority, item.triggers]))
        .digest('base64url'),
      json: JSON.stringify({
        kind: item.kind,
        name: item.name,
        priority: item.priority,
        triggers: item.triggers,
      }).slice(1, -1),
      gateOnly: gate?.whole ?? false,
      gate,
    };
  });
  const featureTagsJson = JSON.stringify(featureTags);
  const gates: TraitGates = new Map();
  const ungated: ConfigItem[] = [];
  for (const item of compiled) {
    if (!item.rule) continue;
    if (!item.gate) {
      ungated.push(item);
      continue;
    }
    const byValue = gates.get(item.gate.key) ?? new Map<Scalar, ConfigItem[]>();
    byValue.set(item.gate.value, [...(byValue.get(item.gate.value) ?? []), item]);
    gates.set(item.gate.key, byValue);
  }
  return {
    workspaceId,
    items: compiled,
    byId: new Map(compiled.map((item) => [item.id, item])),
    open: compiled.filter((item) => !item.rule),
    gates,
    ungated,
    deps,
    traitKeys: [...traitKeys],
    featureTagsJson,
    featureTagsStamp: createHash('sha1').update(featureTagsJson).digest('base64url'),
    answers: new AnswerMemo(),
    requestDecides:
      !deps.timeBased &&
      !deps.anyEvent &&
      !deps.companies &&
      deps.eventNames.size === 0 &&
      deps.goals.size === 0 &&
      deps.journeys.size === 0 &&
      deps.segments.size === 0,
    readsContext: deps.clientOnly,
    generation: ++generations,
    loadedAt: Date.now(),
  };
}

/** Version ids the configuration needs: published ones and every running variant's. */
export function neededVersionIds(items: ItemRow[], experiments: Experiment[]): string[] {
  const ids = new Set<string>();
  for (const item of items) if (item.publishedVersionId) ids.add(item.publishedVersionId);
  for (const e of experiments) for (const v of e.variants) ids.add(v.versionId);
  return [...ids];
}
