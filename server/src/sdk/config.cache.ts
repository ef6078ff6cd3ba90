import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CONFIG_CHANNEL, ConfigChanges } from '../content/config-changes';
import { ContentConfigService } from '../content/content-config.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { buildWorkspaceConfig, neededVersionIds, type WorkspaceConfig } from './workspace-config';

/** A cached configuration is trusted this long while LISTEN is up (a safety net only). */
const MAX_AGE_MS = 5 * 60_000;
/** …and only this long while it is down, since changes may be missed. */
const DEAF_MAX_AGE_MS = 1000;

interface Entry {
  promise: Promise<WorkspaceConfig>;
  /** Set once the load has finished, for `peek`. */
  value?: WorkspaceConfig;
  at: number;
}

/**
 * Published configuration per workspace, in memory. Dropped when this instance changes it
 * (ConfigChanges.change) and when any instance does (the shared change listener: NOTIFY on
 * CONFIG_CHANNEL, sent by triggers at commit). While that listener is down, entries live one
 * second, and everything is dropped when it comes back.
 */
@Injectable()
export class ConfigCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly content: ContentConfigService,
    private readonly experiments: ExperimentsService,
    private readonly changes: ConfigChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.changes.on(CONFIG_CHANNEL, (workspaceId) => this.invalidate(workspaceId)),
      this.changes.onState((listening) => {
        if (listening) this.entries.clear();
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Whether cross-instance invalidation is live. */
  get isListening(): boolean {
    return this.changes.isListening;
  }

  get(workspaceId: string): Promise<WorkspaceConfig> {
    const entry = this.entries.get(workspaceId);
    if (entry && this.isFresh(entry)) return entry.promise;
    const fresh: Entry = { promise: this.load(workspaceId), at: Date.now() };
    this.entries.set(workspaceId, fresh);
    fresh.promise.then(
      (config) => {
        fresh.value = config;
      },
      () => {
        if (this.entries.get(workspaceId) === fresh) this.entries.delete(workspaceId);
      },
    );
    return fresh.promise;
  }

  /** What `get` would answer, when it is loaded and fresh: no promise (the session's fast path). */
  peek(workspaceId: string): WorkspaceConfig | undefined {
    const entry = this.entries.get(workspaceId);
    return entry && this.isFresh(entry) ? entry.value : undefined;
  }

  private isFresh(entry: Entry): boolean {
    const maxAge = this.changes.isListening ? MAX_AGE_MS : DEAF_MAX_AGE_MS;
    return Date.now() - entry.at < maxAge;
  }

  /** A load already under way is dropped too: it may have read before the change committed. */
  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }

  private async load(workspaceId: string): Promise<WorkspaceConfig> {
    const [items, running, themes, featureTags] = await Promise.all([
      this.content.items(workspaceId, true),
      this.experiments.running(workspaceId),
      this.content.themes(workspaceId),
      this.content.featureTags(workspaceId),
    ]);
    const versions = await this.content.versions(workspaceId, neededVersionIds(items, running));
    return buildWorkspaceConfig(workspaceId, items, versions, running, themes, featureTags);
  }
}
