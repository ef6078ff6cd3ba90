import type { EligibleContent } from '@waymark/shared';
import { resumeIndex } from './flow.machine';
import type { FlowOutcome, FlowRunner } from './flow.runner';
import { pageMatches, selectContent, type TriggerCause } from './trigger.matcher';

export interface RunRequest {
  item: Pick<EligibleContent, 'id' | 'versionId' | 'definition'>;
  index: number;
  /** False when this content was already shown this session (a resume). */
  announce: boolean;
  /** Call when `shown` was recorded, so a resume does not announce again. */
  shown(): void;
  end(outcome: FlowOutcome, index: number): void;
}

/** The part of a `FlowRunner` the scheduler drives. */
export type ContentRun = Pick<FlowRunner, 'index' | 'start' | 'stop' | 'onRoute' | 'onTrack'>;

export interface SchedulerDeps {
  url(): string;
  run(request: RunRequest): ContentRun;
}

/**
 * Decides which eligible content holds the one surface: watches triggers on route changes and
 * tracked events; pauses content whose page was left and resumes it on return.
 */
export class ContentScheduler {
  #deps: SchedulerDeps;
  #items: EligibleContent[] = [];
  #active: { item: EligibleContent; runner: ContentRun } | null = null;
  /** Completed or dismissed during this page's life. */
  #done = new Set<string>();
  /** Target missing on the current route; retried after the route changes. */
  #blocked = new Set<string>();
  #shown = new Set<string>();
  #resume = new Map<string, number>();
  #pendingStart: string | null = null;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  /** Content from a session (`replace`) or newly eligible content from an events answer. */
  setContent(items: readonly EligibleContent[], replace: boolean): void {
    const byId = new Map(replace ? [] : this.#items.map((item) => [item.id, item]));
    for (const item of items) {
      byId.set(item.id, item);
      if (item.progress?.status === 'in_progress' && !this.#resume.has(item.id)) {
        this.#resume.set(item.id, resumeIndex(item.definition.steps, item.progress.stepId));
      }
    }
    this.#items = [...byId.values()];
    const pending = this.#pendingStart;
    if (pending === null || !this.start(pending)) this.#evaluate({ type: 'page' });
  }

  route(url: string): void {
    this.#blocked.clear();
    const active = this.#active;
    if (active && pageMatches(active.item.triggers, url)) active.runner.onRoute(url);
    else this.pause();
    this.#evaluate({ type: 'page' });
  }

  track(event: string): void {
    this.#active?.runner.onTrack(event);
    this.#evaluate({ type: 'event', event });
  }

  /** Shows content now, whatever its triggers; waits for the session when it is not known yet. */
  start(contentId: string): boolean {
    const item = this.#items.find((candidate) => candidate.id === contentId);
    this.#pendingStart = item ? null : contentId;
    if (!item) return false;
    if (this.#active?.item.id === contentId) return true;
    this.pause();
    this.#done.delete(contentId);
    this.#launch(item);
    return true;
  }

  /** Hides the active content, remembering its step for a later resume. */
  pause(): void {
    const active = this.#active;
    if (!active) return;
    this.#active = null;
    this.#resume.set(active.item.id, active.runner.index);
    active.runner.stop();
  }

  /** Forgets everything (logout): nothing resumes for the next user. */
  clear(): void {
    this.pause();
    this.#items = [];
    this.#pendingStart = null;
    for (const set of [this.#done, this.#blocked, this.#shown]) set.clear();
    this.#resume.clear();
  }

  #evaluate(cause: TriggerCause): void {
    if (this.#active) return;
    const item = selectContent(this.#items, {
      url: this.#deps.url(),
      cause,
      skip: new Set([...this.#done, ...this.#blocked]),
      resumable: new Set(this.#resume.keys()),
    });
    if (item) this.#launch(item);
  }

  #launch(item: EligibleContent): void {
    const runner = this.#deps.run({
      item,
      index: this.#resume.get(item.id) ?? 0,
      announce: !this.#shown.has(item.id),
      shown: () => this.#shown.add(item.id),
      end: (outcome, index) => this.#ended(item, outcome, index),
    });
    this.#active = { item, runner };
    runner.start();
  }

  #ended(item: EligibleContent, outcome: FlowOutcome, index: number): void {
    if (this.#active?.item !== item) return;
    this.#active = null;
    if (outcome === 'paused') {
      this.#resume.set(item.id, index);
      this.#blocked.add(item.id);
    } else {
      this.#done.add(item.id);
      this.#resume.delete(item.id);
    }
    // Deferred so a button that starts other content claims the surface first.
    setTimeout(() => this.#evaluate({ type: 'page' }), 0);
  }
}
