import type { Environment } from './environment.entity';

/** A workspace's identity-verification settings, loaded with its SDK key. */
export interface IdentitySettings {
  secret: string;
  required: boolean;
}

/** What an SDK key resolves to. */
export interface ResolvedSdkKey {
  environment: Environment;
  identity: IdentitySettings;
}

/** Trusted this long while invalidation is live (a safety net only)… */
const MAX_AGE_MS = 5 * 60_000;
/** …and this long while it is not, since a rotation may be missed. */
const DEAF_MAX_AGE_MS = 1000;
/** Distinct keys held at most (a flood of valid keys cannot grow memory without bound). */
const MAX_ENTRIES = 10_000;

interface Entry {
  promise: Promise<ResolvedSdkKey | null>;
  value: ResolvedSdkKey | undefined;
  at: number;
}

/**
 * SDK key lookups in memory: one database query per key (concurrent misses share it) instead of
 * one per request. Unknown keys are not remembered. Entries are dropped per workspace when its
 * keys or identity settings change — at once by this instance's own writes, and through the
 * shared change listener (NOTIFY `waymark_keys`, sent by triggers at commit) for any writer;
 * the SDK module wires that (`setLive`, `forgetWorkspace`, `clear`). Until it is wired, or while
 * the listener is down, entries live one second.
 */
export class SdkKeyCache {
  private readonly entries = new Map<string, Entry>();
  private live = false;

  constructor(private readonly load: (sdkKey: string) => Promise<ResolvedSdkKey | null>) {}

  /** The resolved key from memory when fresh (no promise to await), else undefined. */
  peek(sdkKey: string): ResolvedSdkKey | undefined {
    const entry = this.entries.get(sdkKey);
    return entry?.value && this.fresh(entry) ? entry.value : undefined;
  }

  get(sdkKey: string): Promise<ResolvedSdkKey | null> {
    const entry = this.entries.get(sdkKey);
    if (entry && this.fresh(entry)) return entry.promise;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const fresh: Entry = { promise: this.load(sdkKey), value: undefined, at: Date.now() };
    this.entries.set(sdkKey, fresh);
    const drop = (): void => {
      if (this.entries.get(sdkKey) === fresh) this.entries.delete(sdkKey);
    };
    fresh.promise.then((value) => {
      if (value) fresh.value = value;
      else drop();
    }, drop);
    return fresh.promise;
  }

  /** Drops the workspace's keys, a lookup under way included (it may have read the old row). */
  forgetWorkspace(workspaceId: string): void {
    for (const [key, entry] of this.entries) {
      // A lookup under way cannot be told apart by workspace: drop it too.
      if (!entry.value || entry.value.environment.workspaceId === workspaceId) {
        this.entries.delete(key);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }

  /** Whether cross-instance invalidation is live; turning live drops everything. */
  setLive(live: boolean): void {
    if (live) this.entries.clear();
    this.live = live;
  }

  private fresh(entry: Entry): boolean {
    return Date.now() - entry.at < (this.live ? MAX_AGE_MS : DEAF_MAX_AGE_MS);
  }
}
