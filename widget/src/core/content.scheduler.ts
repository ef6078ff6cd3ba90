import type { EligibleContent, HoldoutContent } from '@waymark/shared';
import type { ContentRun, RunOutcome, SurfaceKind } from './surface.port';
import { delayOf, firesOn, pageMatches, type TriggerCause } from './trigger.matcher';

export interface RunRequest {
  item: EligibleContent;
  index: number;
  /** False when this content was already shown this session (a resume). */
  announce: boolean;
  /** Call when `shown` was recorded, so a resume does not announce again. */
  shown(): void;
  end(outcome: RunOutcome, index: number): void;
}

export interface SchedulerDeps {
  url(): string;
  run(request: RunRequest): ContentRun;
  /** A holdout's trigger fired: it would have shown now. */
  expose(holdout: HoldoutContent): void;
}

export type Candidate =
  (EligibleContent & { holdout?: never }) | (HoldoutContent & { holdout: true });

/**
 * Surfaces that may be on screen together. Flows and surveys share `main` (one blocking surface
 * at a time); a banner, a checklist and each launcher have their own.
 */
export function channelOf(kind: SurfaceKind, id: string): string {
  return kind === 'flow' || kind === 'survey' ? 'main' : kind === 'launcher' ? `l:${id}` : kind;
}

const kindOf = (c: Candidate): SurfaceKind => (c.holdout ? c.kind : c.definition.kind);

/** What `debug.why` reads (its chunk derives what it shows from these). */
export interface SchedulerState {
  url: string;
  /** Eligible content and holdouts. */
  items: readonly Candidate[];
  /** By channel. */
  active: ReadonlyMap<string, { item: EligibleContent }>;
  done: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  /** Items with a delay armed on this page, and those whose delay elapsed. */
  timers: ReadonlyMap<string, unknown>;
  fired: ReadonlySet<string>;
}

/**
 * Decides which eligible content holds each surface channel: watches triggers on route changes,
 * tracked events and delays; pauses content whose page was left and resumes it on return.
 */
export class ContentScheduler {
  #deps: SchedulerDeps;
  #items: Candidate[] = [];
  #active = new Map<string, { item: EligibleContent; run: ContentRun }>();
  /** Completed, dismissed or exposed during this page's life. */
  #done = new Set<string>();
  /** Target missing on the current route; retried after the route changes. */
  #blocked = new Set<string>();
  #shown = new Set<string>();
  #resume = new Map<string, number>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Delays that elapsed on this page: the item fires as soon as its channel is free. */
  #fired = new Set<string>();
  #pendingStart: string | null = null;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  /** Content from a session (`replace`) or newly eligible content from an events answer. */
  setContent(
    items: readonly EligibleContent[],
    replace: boolean,
    holdouts: readonly HoldoutContent[] = [],
  ): void {
    const byId = new Map(replace ? [] : this.#items.map((item) => [item.id, item]));
    for (const item of items) {
      byId.set(item.id, item);
      const { progress, definition } = item;
      if (progress?.status === 'in_progress' && !this.#resume.has(item.id)) {
        const steps =
          definition.kind === 'flow'
            ? definition.steps
            : definition.kind === 'survey'
              ? definition.questions
              : [];
        this.#resume.set(
          item.id,
          Math.max(
            0,
            steps.findIndex((s) => s.id === progress.stepId),
          ),
        );
      }
    }
    for (const holdout of holdouts) byId.set(holdout.id, { ...holdout, holdout: true });
    this.#items = [...byId.values()];
    const pending = this.#pendingStart;
    if (pending === null || !this.start(pending)) this.#evaluate({ type: 'page' });
  }

  route(url: string): void {
    this.#blocked.clear();
    this.#clearTimers();
    for (const [channel, { item, run }] of this.#active) {
      if (pageMatches(item.triggers, url)) run.onRoute(url);
      else this.pause(channel);
    }
    this.#evaluate({ type: 'page' });
  }

  track(event: string): void {
    for (const { run } of this.#active.values()) run.onTrack(event);
    this.#evaluate({ type: 'event', event });
  }

  /** Shows content now, whatever its triggers; waits for the session when it is not known yet. */
  start(contentId: string): boolean {
    const item = this.#items.find((c) => c.id === contentId && !c.holdout);
    this.#pendingStart = item ? null : contentId;
    if (!item || item.holdout) return false;
    const channel = channelOf(item.definition.kind, item.id);
    if (this.#active.get(channel)?.item.id === contentId) return true;
    this.pause(channel);
    this.#done.delete(contentId);
    this.#launch(item, channel);
    return true;
  }

  /** Hides the content of one channel (or all), remembering where it was for a resume. */
  pause(channel?: string): void {
    for (const [key, { item, run }] of this.#active) {
      if (channel !== undefined && key !== channel) continue;
      this.#active.delete(key);
      this.#resume.set(item.id, run.index);
      run.stop();
    }
  }

  /** Forgets everything (logout): nothing resumes for the next user. */
  clear(): void {
    this.pause();
    this.#clearTimers();
    this.#items = [];
    this.#pendingStart = null;
    for (const set of [this.#done, this.#blocked, this.#shown]) set.clear();
    this.#resume.clear();
  }

  state(): SchedulerState {
    return {
      url: this.#deps.url(),
      items: this.#items,
      active: this.#active,
      done: this.#done,
      blocked: this.#blocked,
      timers: this.#timers,
      fired: this.#fired,
    };
  }

  #evaluate(cause: TriggerCause): void {
    const url = this.#deps.url();
    // Stable sort (ES2019): equal priorities keep the server's order.
    const candidates = [...this.#items]
      .sort((a, b) => b.priority - a.priority)
      .filter(
        (c) => !this.#done.has(c.id) && !this.#blocked.has(c.id) && pageMatches(c.triggers, url),
      );
    if (cause.type === 'page') for (const c of candidates) this.#armDelay(c);
    const busy = new Set(this.#active.keys());
    for (const c of candidates) {
      const channel = channelOf(kindOf(c), c.id);
      const resumes = this.#resume.has(c.id) && cause.type === 'page';
      const fires = resumes || this.#fired.has(c.id) || firesOn(c.triggers, cause, c.id);
      if (busy.has(channel) || !fires) continue;
      if (c.holdout) {
        // The control group is counted when the content would have shown; nothing is drawn.
        this.#done.add(c.id);
        this.#deps.expose(c);
        continue;
      }
      busy.add(channel);
      this.#launch(c, channel);
    }
  }

  #armDelay(c: Candidate): void {
    const ms = delayOf(c.triggers);
    if (ms === undefined || this.#timers.has(c.id)) return;
    this.#timers.set(
      c.id,
      setTimeout(() => {
        this.#fired.add(c.id);
        this.#evaluate({ type: 'delay', id: c.id });
      }, ms),
    );
  }

  #clearTimers(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#fired.clear();
  }

  #launch(item: EligibleContent, channel: string): void {
    const run = this.#deps.run({
      item,
      index: this.#resume.get(item.id) ?? 0,
      announce: !this.#shown.has(item.id),
      shown: () => this.#shown.add(item.id),
      end: (outcome, index) => this.#ended(item, channel, outcome, index),
    });
    this.#active.set(channel, { item, run });
    run.start();
  }

  #ended(item: EligibleContent, channel: string, outcome: RunOutcome, index: number): void {
    if (this.#active.get(channel)?.item !== item) return;
    this.#active.delete(channel);
    if (outcome === 'paused') {
      this.#resume.set(item.id, index);
      this.#blocked.add(item.id);
    } else {
      this.#done.add(item.id);
      this.#resume.delete(item.id);
      for (const other of this.#active.values()) other.run.onContent?.();
    }
    // Deferred so a button that starts other content claims the surface first.
    setTimeout(() => this.#evaluate({ type: 'page' }), 0);
  }
}
