import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SdkUser, Traits } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventRow } from '../events/event-row';
import { EventsService } from '../events/events.service';
import type { JsonValue } from '../identity/json';

/** Users whose last saved traits are remembered per instance (two generations of half each). */
const REMEMBERED = 200_000;
/** Waiting users at most; beyond it the newest are not queued (the next session sends again). */
const MAX_PENDING = 50_000;
const BATCH = 1000;
const FLUSH_MS = 50;
const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

interface Pending {
  workspaceId: string;
  user: SdkUser;
  traits: Traits;
  json: string;
  /** Kept across retries, so a retried write is stored once (event_ids). */
  messageId: string;
  at: Date;
}

/** A session's traits as `TraitsSaver` compares them: the user's key and the traits' JSON. */
export interface TraitsNote {
  workspaceId: string;
  user: SdkUser;
  traits: Traits;
  key: string;
  json: string;
}

/** The note of a session's traits; null when it sends none. */
export function noteOf(workspaceId: string, user: SdkUser, traits: Traits): TraitsNote | null {
  for (const _ in traits) {
    const key = `${workspaceId} ${user.userId ?? ''} ${user.anonymousId}`;
    return { workspaceId, user, traits, key, json: JSON.stringify(traits) };
  }
  return null;
}

/** JSON with object keys sorted, to compare trait values whatever order jsonb stored them in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether every trait sent is already stored with the same value. */
function alreadyStored(sent: Traits, stored: Record<string, unknown> | undefined): boolean {
  if (!stored) return false;
  return Object.entries(sent).every(
    ([key, value]) => key in stored && canonical(stored[key]) === canonical(value),
  );
}

/**
 * Saves the traits a widget session sends into the identity store, off the session's path: the
 * session only compares the traits' JSON with the last one saved for that user on this instance
 * (a string comparison) and, when it differs, queues them. In the background, batches of queued
 * users are compared with their stored traits (one query) and those that changed are written as
 * `identify` events through the events writer — the same path as any identify, so traits merge
 * per key by time. A failed write stays queued and is retried with backoff; nothing is marked
 * saved before it commits, and the widget sends its traits again with every session.
 */
@Injectable()
export class TraitsSaver implements OnModuleDestroy {
  private readonly log = new Logger('TraitsSaver');
  private young = new Map<string, string>();
  private old = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.flushing;
    if (this.pending.size > 0) await this.flush().catch(() => undefined);
  }

  /** Called on every session: cheap when nothing changed. */
  note(workspaceId: string, user: SdkUser, traits: Traits): void {
    const note = noteOf(workspaceId, user, traits);
    if (note) this.noteAgain(note);
  }

  /**
   * `note` with its key and JSON made before (`noteOf`): the session memo keeps them, so a
   * repeated session neither serialises the traits nor hashes a new key.
   */
  noteAgain(note: TraitsNote): void {
    const { key, json } = note;
    if (this.closed || this.recall(key) === json || this.pending.get(key)?.json === json) return;
    if (this.pending.size >= MAX_PENDING && !this.pending.has(key)) return;
    this.pending.set(key, {
      workspaceId: note.workspaceId,
      user: note.user,
      traits: note.traits,
      json,
      messageId: `wm-traits-${randomUUID()}`,
      at: new Date(),
    });
    this.schedule(FLUSH_MS);
  }

  /** Writes what is queued now (tests and shutdown; the timer does it otherwise). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const run = this.flushAll();
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().then(
        () => {
          this.failures = 0;
          if (this.pending.size > 0) this.schedule(FLUSH_MS);
        },
        (error: unknown) => {
          const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
          this.failures += 1;
          this.log.warn(`saving session traits failed; retrying in ${wait} ms: ${String(error)}`);
          this.schedule(wait);
        },
      );
    }, ms);
    this.timer.unref();
  }

  private async flushAll(): Promise<void> {
    while (this.pending.size > 0) {
      const batch: Array<[string, Pending]> = [];
      for (const entry of this.pending) {
        batch.push(entry);
        if (batch.length >= BATCH) break;
      }
      const byWorkspace = new Map<string, Array<[string, Pending]>>();
      for (const entry of batch) {
        const list = byWorkspace.get(entry[1].workspaceId) ?? [];
        list.push(entry);
        byWorkspace.set(entry[1].workspaceId, list);
      }
      for (const [workspaceId, entries] of byWorkspace) {
        await this.save(workspaceId, entries);
      }
    }
  }

  private async save(workspaceId: string, entries: Array<[string, Pending]>): Promise<void> {
    const stored = await this.storedTraits(
      workspaceId,
      entries.map(([, p]) => p.user),
    );
    const rows: EventRow[] = [];
    for (const [index, [, p]] of entries.entries()) {
      if (alreadyStored(p.traits, stored.get(index))) continue;
      rows.push({
        messageId: p.messageId,
        type: 'identify',
        name: '$identify',
        userId: p.user.userId ?? null,
        anonymousId: p.user.anonymousId,
        properties: p.traits,
        ts: p.at,
        identity: { kind: 'identify', traits: p.traits as Record<string, JsonValue> },
      });
    }
    if (rows.length > 0) await this.events.insert(workspaceId, rows);
    for (const [key, p] of entries) {
      this.remember(key, p.json);
      if (this.pending.get(key) === p) this.pending.delete(key);
    }
  }

  /** Stored traits of each user (by index), found by user id, else anonymous id. */
  private async storedTraits(
    workspaceId: string,
    users: SdkUser[],
  ): Promise<Map<number, Record<string, unknown>>> {
    const rows = await this.db.query<Array<{ i: number; traits: Record<string, unknown> }>>(
      `SELECT DISTINCT ON (x.i) x.i, e.traits
         FROM unnest($2::int[], $3::text[], $4::text[]) AS x(i, user_id, anonymous_id)
         JOIN identities d ON d.workspace_id = $1
              AND ((d.kind = 'user' AND d.external_id = x.user_id)
                OR (d.kind = 'anonymous' AND d.external_id = x.anonymous_id))
         JOIN end_users e ON e.workspace_id = $1 AND e.id = d.end_user_id
        ORDER BY x.i, d.kind DESC`,
      [
        workspaceId,
        users.map((_, i) => i),
        users.map((u) => u.userId ?? null),
        users.map((u) => u.anonymousId),
      ],
    );
    return new Map(rows.map((r) => [r.i, r.traits]));
  }

  private recall(key: string): string | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.remember(key, aged);
    return aged;
  }

  private remember(key: string, json: string): void {
    this.young.set(key, json);
    if (this.young.size >= REMEMBERED / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
