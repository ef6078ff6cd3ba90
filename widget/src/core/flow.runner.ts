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

/** A running flow: a `ContentRun` that buttons, Esc and target clicks move with `act`. */
export interface FlowRunner extends ContentRun {
  /** A button, Esc, a target click, an event or a URL moved the flow. Never throws. */
  act(action: ButtonAction): void;
}

/** Runs one flow: resolves each step's target, draws it, and moves on as buttons say. */
export function createFlowRunner(
  flow: FlowDefinition,
  startIndex: number,
  hooks: FlowRunnerHooks,
): FlowRunner {
  const { steps } = flow;
  let index = Math.min(Math.max(0, startIndex), steps.length - 1);
  let target: Element | null = null;
  let stepCleanup: (() => void) | null = null;
  let running = false;
  let announce = hooks.announce;
  let draws = 0;

  const guard = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      hooks.log.error('flow step failed', error);
    }
  };

  const cleanupStep = (): void => {
    stepCleanup?.();
    stepCleanup = null;
    target = null;
  };

  const finish = (outcome: 'completed' | 'dismissed'): void => {
    const step = steps[index];
    runner.stop();
    if (step) hooks.record(outcome, step, index);
    hooks.end(outcome, index);
  };

  const draw = (step: Step, element: Element | null): void => {
    const at = index;
    target = element;
    if (element && step.advance.on === 'target-click') {
      const onClick = (): void => runner.act({ type: 'next' });
      element.addEventListener('click', onClick, true);
      stepCleanup = () => element.removeEventListener('click', onClick, true);
    }
    hooks.surface.show({
      key: `${hooks.key}:${step.id}:${++draws}`,
      step,
      index: at,
      total: steps.length,
      target: element,
      act: runner.act,
      retarget: () => {
        // The app replaced the element: find it again (waiting, bounded, if it is gone for now).
        if (running && index === at && element && !element.isConnected) go(at);
      },
    });
    if (announce) {
      announce = false;
      hooks.record('shown', step, at);
    }
    hooks.record('step_viewed', step, at);
  };

  const show = (at: number): void => {
    cleanupStep();
    index = at;
    const step = steps[at];
    if (!step) return finish('completed');
    const wanted = step.type === 'tooltip' || step.type === 'hotspot' ? step.target : undefined;
    if (!wanted) return draw(step, null);
    const found = hooks.findNow(wanted);
    if (found) return draw(step, found);
    // Hide the previous step while waiting, so it never points at the wrong place.
    hooks.surface.hide();
    const controller = new AbortController();
    stepCleanup = () => controller.abort();
    const settle = (element: Element | null): void => {
      if (controller.signal.aborted || !running) return;
      if (element || hooks.centerWhenMissing) return draw(step, element);
      hooks.record('target_missing', step, at);
      runner.stop();
      hooks.end('paused', at);
    };
    hooks.waitFor(wanted, controller.signal).then(
      (element) => guard(() => settle(element)),
      (error: unknown) => hooks.log.error('waiting for target failed', error),
    );
  };

  /**
   * Shows step `at`. Guarded: it runs from DOM listeners, timers and promise callbacks, where
   * an error would otherwise surface in the host page.
   */
  const go = (at: number): void => guard(() => show(at));

  const runner: FlowRunner = {
    /** The current step; where a paused or stopped run resumes. */
    get index() {
      return index;
    },
    start() {
      running = true;
      go(index);
    },
    /** Hides at once without recording anything (route left, reset, another content started). */
    stop() {
      running = false;
      cleanupStep();
      hooks.surface.hide();
    },
    act: (action) => {
      if (!running) return;
      guard(() => {
        const move = nextMove(steps, index, action);
        if (typeof move === 'number') go(move);
        else if (move !== 'stay') finish(move === 'complete' ? 'completed' : 'dismissed');
        hooks.perform(action);
      });
    },
    /** Route changed but the content still applies: advance on URL, or re-find a lost target. */
    onRoute(url) {
      const step = steps[index];
      if (!running || !step) return;
      if (step.advance.on === 'url' && hooks.matchUrl(step.advance.pattern, url)) {
        runner.act({ type: 'next' });
      } else if (target && !target.isConnected) {
        go(index);
      }
    },
    onTrack(event) {
      const advance = steps[index]?.advance;
      if (running && advance?.on === 'event' && advance.event === event) {
        runner.act({ type: 'next' });
      }
    },
  };
  return runner;
}
