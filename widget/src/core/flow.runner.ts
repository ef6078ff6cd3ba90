import type {
  ButtonAction,
  ContentAction,
  ElementTarget,
  FlowDefinition,
  Step,
} from '@waymark/shared';
import type { Logger } from './debug.logger';
import { nextMove } from './flow.machine';
import type { ContentRun, RunOutcome, Surface } from './surface.port';

/** How a run ends: finished by the user, or paused because the target never appeared. */
export type FlowOutcome = RunOutcome;

export interface FlowRunnerHooks {
  /** Unique per content item; each draw is keyed `${key}:${stepId}:${n}`. */
  key: string;
  surface: Surface;
  log: Logger;
  /** Emit `shown` on the first step drawn (false when resuming content already shown). */
  announce: boolean;
  /** Draw tooltips centered instead of pausing when the target is missing (previews). */
  centerWhenMissing: boolean;
  findNow(target: ElementTarget): Element | null;
  /** `matchUrlPattern`, passed in so the flow chunk does not carry its own copy. */
  matchUrl(pattern: string, url: string): boolean;
  waitFor(target: ElementTarget, signal: AbortSignal): Promise<Element | null>;
  record(action: ContentAction, step: Step, index: number): void;
  /** Side effects of a button: open a URL, track an event, start other content. */
  perform(action: ButtonAction): void;
  end(outcome: FlowOutcome, index: number): void;
}

/** Runs one flow: resolves each step's target, draws it, and moves on as buttons say. */
export class FlowRunner implements ContentRun {
  #flow: FlowDefinition;
  #hooks: FlowRunnerHooks;
  #index: number;
  #target: Element | null = null;
  #stepCleanup: (() => void) | null = null;
  #running = false;
  #announce: boolean;
  #draws = 0;

  constructor(flow: FlowDefinition, startIndex: number, hooks: FlowRunnerHooks) {
    this.#flow = flow;
    this.#hooks = hooks;
    this.#announce = hooks.announce;
    this.#index = Math.min(Math.max(0, startIndex), flow.steps.length - 1);
  }

  /** The current step; where a paused or stopped run resumes. */
  get index(): number {
    return this.#index;
  }

  start(): void {
    this.#running = true;
    this.#go(this.#index);
  }

  /** Hides at once without recording anything (route left, reset, another content started). */
  stop(): void {
    this.#running = false;
    this.#cleanupStep();
    this.#hooks.surface.hide();
  }

  /** A button, Esc, a target click, an event or a URL moved the flow. Never throws. */
  act(action: ButtonAction): void {
    if (!this.#running) return;
    this.#guard(() => {
      const move = nextMove(this.#flow.steps, this.#index, action);
      if (typeof move === 'number') this.#go(move);
      else if (move !== 'stay') this.#finish(move === 'complete' ? 'completed' : 'dismissed');
      this.#hooks.perform(action);
    });
  }

  /** Route changed but the content still applies: advance on URL, or re-find a lost target. */
  onRoute(url: string): void {
    const step = this.#currentStep();
    if (!this.#running || !step) return;
    if (step.advance.on === 'url' && this.#hooks.matchUrl(step.advance.pattern, url)) {
      this.act({ type: 'next' });
    } else if (this.#target && !this.#target.isConnected) {
      this.#go(this.#index);
    }
  }

  onTrack(event: string): void {
    const advance = this.#currentStep()?.advance;
    if (this.#running && advance?.on === 'event' && advance.event === event) {
      this.act({ type: 'next' });
    }
  }

  #currentStep(): Step | undefined {
    return this.#flow.steps[this.#index];
  }

  /**
   * Shows step `index`. Guarded: it runs from DOM listeners, timers and promise callbacks, where
   * an error would otherwise surface in the host page.
   */
  #go(index: number): void {
    this.#guard(() => this.#show(index));
  }

  #show(index: number): void {
    this.#cleanupStep();
    this.#index = index;
    const step = this.#currentStep();
    if (!step) return this.#finish('completed');
    const wanted = step.type === 'tooltip' || step.type === 'hotspot' ? step.target : undefined;
    if (!wanted) return this.#draw(step, null);
    const found = this.#hooks.findNow(wanted);
    if (found) return this.#draw(step, found);
    // Hide the previous step while waiting, so it never points at the wrong place.
    this.#hooks.surface.hide();
    const controller = new AbortController();
    this.#stepCleanup = () => controller.abort();
    const settle = (element: Element | null): void => {
      if (controller.signal.aborted || !this.#running) return;
      if (element || this.#hooks.centerWhenMissing) return this.#draw(step, element);
      this.#hooks.record('target_missing', step, index);
      this.stop();
      this.#hooks.end('paused', index);
    };
    this.#hooks.waitFor(wanted, controller.signal).then(
      (element) => this.#guard(() => settle(element)),
      (error: unknown) => this.#hooks.log.error('waiting for target failed', error),
    );
  }

  #draw(step: Step, target: Element | null): void {
    const index = this.#index;
    this.#target = target;
    if (target && step.advance.on === 'target-click') {
      const onClick = (): void => this.act({ type: 'next' });
      target.addEventListener('click', onClick, true);
      this.#stepCleanup = () => target.removeEventListener('click', onClick, true);
    }
    this.#hooks.surface.show({
      key: `${this.#hooks.key}:${step.id}:${++this.#draws}`,
      step,
      index,
      total: this.#flow.steps.length,
      target,
      act: (action) => this.act(action),
      retarget: () => {
        // The app replaced the element: find it again (waiting, bounded, if it is gone for now).
        if (this.#running && this.#index === index && target && !target.isConnected)
          this.#go(index);
      },
    });
    if (this.#announce) {
      this.#announce = false;
      this.#hooks.record('shown', step, index);
    }
    this.#hooks.record('step_viewed', step, index);
  }

  #finish(outcome: 'completed' | 'dismissed'): void {
    const step = this.#currentStep();
    this.stop();
    if (step) this.#hooks.record(outcome, step, this.#index);
    this.#hooks.end(outcome, this.#index);
  }

  #cleanupStep(): void {
    this.#stepCleanup?.();
    this.#stepCleanup = null;
    this.#target = null;
  }

  #guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#hooks.log.error('flow step failed', error);
    }
  }
}
