import type { ButtonAction, ContentAction, ElementTarget, FlowDefinition } from '@waymark/shared';
import { aFlow, aStep, threeStepFlow } from '../testing/content.factories';
import { createLogger } from './debug.logger';
import { createFlowRunner, type FlowOutcome, type FlowRunnerHooks } from './flow.runner';
import type { StepView, Surface } from './surface.port';
import { matchUrlPattern } from './trigger.matcher';

/** A surface that remembers what it was asked to draw. */
class FakeSurface implements Surface {
  views: StepView[] = [];
  visible = false;
  show(view: StepView): void {
    this.views.push(view);
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  destroy(): void {}
  /** Answers the way a button in the drawn step would. */
  press(action: ButtonAction): void {
    this.views.at(-1)?.act(action);
  }
  get stepIds(): string[] {
    return this.views.map((view) => view.step.id);
  }
}

/** Stands in for a DOM element: the runner only checks connection and click listeners. */
const fakeElement = (): Element & { click(): void } => {
  const listeners = new Set<() => void>();
  return {
    isConnected: true,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    click: () => listeners.forEach((listener) => listener()),
  } as unknown as Element & { click(): void };
};

function setup(flow: FlowDefinition, overrides: Partial<FlowRunnerHooks> = {}, start = 0) {
  const surface = new FakeSurface();
  const recorded: string[] = [];
  const ended: [FlowOutcome, number][] = [];
  const performed: ButtonAction[] = [];
  const hooks: FlowRunnerHooks = {
    key: 'tour',
    surface,
    log: createLogger({ warn: () => {} }),
    announce: true,
    centerWhenMissing: false,
    findNow: () => null,
    matchUrl: matchUrlPattern,
    waitFor: async () => null,
    record: (action: ContentAction, step) => recorded.push(`${action}:${step.id}`),
    perform: (action) => performed.push(action),
    end: (outcome, index) => ended.push([outcome, index]),
    ...overrides,
  };
  const runner = createFlowRunner(flow, start, hooks);
  return { runner, surface, recorded, ended, performed };
}

const target: ElementTarget = { attributes: { id: 'save' } };

describe('FlowRunner', () => {
  it('walks a multi-step flow and completes on the last next', () => {
    const { runner, surface, recorded, ended } = setup(threeStepFlow());

    runner.start();
    surface.press({ type: 'next' });
    surface.press({ type: 'next' });
    surface.press({ type: 'next' });

    expect(surface.stepIds).toEqual(['one', 'two', 'three']);
    expect(recorded).toEqual([
      'shown:one',
      'step_viewed:one',
      'step_viewed:two',
      'step_viewed:three',
      'completed:three',
    ]);
    expect(ended).toEqual([['completed', 2]]);
    expect(surface.visible).toBe(false);
  });

  it('goes back, jumps with goto, and records a dismissal where it happened', () => {
    const { runner, surface, recorded, ended } = setup(threeStepFlow());

    runner.start();
    surface.press({ type: 'goto', stepId: 'three' });
    surface.press({ type: 'back' });
    surface.press({ type: 'dismiss' });

    expect(surface.stepIds).toEqual(['one', 'three', 'two']);
    expect(recorded.at(-1)).toBe('dismissed:two');
    expect(ended).toEqual([['dismissed', 1]]);
  });

  it('keys every draw differently, so the UI remounts even for the same step', () => {
    const { runner, surface } = setup(threeStepFlow());

    runner.start();
    surface.press({ type: 'next' });
    surface.press({ type: 'back' });

    expect(new Set(surface.views.map((view) => view.key)).size).toBe(3);
    expect(surface.views[0]?.step.id).toBe(surface.views[2]?.step.id);
  });

  it('passes side-effect buttons on without moving', () => {
    const { runner, surface, performed } = setup(threeStepFlow());
    const openDocs: ButtonAction = { type: 'url', url: 'https://docs.example.com', newTab: true };

    runner.start();
    surface.press(openDocs);

    expect(surface.stepIds).toEqual(['one']);
    expect(performed).toEqual([openDocs]);
  });

  it('resumes at a saved step without announcing again', () => {
    const { runner, recorded } = setup(threeStepFlow(), { announce: false }, 1);

    runner.start();

    expect(recorded).toEqual(['step_viewed:two']);
  });

  it('draws a tooltip on its target, advancing when the target is clicked', () => {
    const button = fakeElement();
    const flow = aFlow(
      aStep({ id: 'click-save', type: 'tooltip', target, advance: { on: 'target-click' } }),
      aStep({ id: 'after' }),
    );
    const { runner, surface } = setup(flow, { findNow: () => button });

    runner.start();
    expect(surface.views[0]?.target).toBe(button);
    button.click();

    expect(surface.stepIds).toEqual(['click-save', 'after']);
  });

  it('waits for a late target, then draws the step on it', async () => {
    const late = fakeElement();
    const flow = aFlow(aStep({ id: 'tip', type: 'tooltip', target }));
    const { runner, surface } = setup(flow, { waitFor: async () => late });

    runner.start();
    expect(surface.views).toHaveLength(0);
    await Promise.resolve();

    expect(surface.views[0]?.target).toBe(late);
  });

  it('records target_missing and pauses when the target never appears', async () => {
    const flow = aFlow(aStep({ id: 'intro' }), aStep({ id: 'tip', type: 'tooltip', target }));
    const { runner, surface, recorded, ended } = setup(flow);

    runner.start();
    surface.press({ type: 'next' });
    await Promise.resolve();

    expect(recorded.at(-1)).toBe('target_missing:tip');
    expect(ended).toEqual([['paused', 1]]);
    expect(surface.visible).toBe(false);
  });

  it('draws a missing-target step centered when asked to (previews)', async () => {
    const flow = aFlow(aStep({ id: 'tip', type: 'tooltip', target }));
    const { runner, surface, ended } = setup(flow, { centerWhenMissing: true });

    runner.start();
    await Promise.resolve();

    expect(surface.views[0]?.target).toBeNull();
    expect(ended).toEqual([]);
  });

  it('advances on a tracked event or a URL when the step says so, and ignores others', () => {
    const flow = aFlow(
      aStep({ id: 'create', advance: { on: 'event', event: 'project_created' } }),
      aStep({ id: 'open', advance: { on: 'url', pattern: '/projects/*' } }),
      aStep({ id: 'done' }),
    );
    const { runner, surface } = setup(flow);

    runner.start();
    runner.onTrack('something_else');
    runner.onTrack('project_created');
    runner.onRoute('https://app.example.com/settings');
    runner.onRoute('https://app.example.com/projects/42');

    expect(surface.stepIds).toEqual(['create', 'open', 'done']);
  });

  it('logs instead of throwing when drawing fails (it runs inside host listeners)', () => {
    const logged: string[] = [];
    const broken = new FakeSurface();
    broken.show = () => {
      throw new Error('render failed');
    };
    const { runner } = setup(threeStepFlow(), {
      surface: broken,
      log: createLogger({ warn: (message: string) => logged.push(message) }),
    });

    expect(() => runner.start()).not.toThrow();
    expect(() => runner.act({ type: 'next' })).not.toThrow();
    expect(logged).toEqual(['[waymark] flow step failed:', '[waymark] flow step failed:']);
  });

  it('ignores buttons once stopped', () => {
    const { runner, surface, recorded } = setup(threeStepFlow());

    runner.start();
    runner.stop();
    surface.press({ type: 'next' });

    expect(surface.stepIds).toEqual(['one']);
    expect(recorded).toEqual(['shown:one', 'step_viewed:one']);
  });
});
