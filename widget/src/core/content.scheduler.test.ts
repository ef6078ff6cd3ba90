import type { EligibleContent } from '@waymark/shared';
import { aBanner, aChecklist, anItem, aSurvey } from '../testing/content.factories';
import type { HoldoutContent } from '@waymark/shared';
import { ContentScheduler, type RunRequest } from './content.scheduler';
import { whyInput } from './why.explainer';
import type { ContentRun } from './surface.port';

/** A run that records what the scheduler asked of it. */
class FakeRun implements ContentRun {
  index: number;
  started = false;
  stopped = false;
  routes: string[] = [];
  onContent?: () => void;
  events: string[] = [];
  constructor(readonly request: RunRequest) {
    this.index = request.index;
  }
  start(): void {
    this.started = true;
    this.request.shown();
  }
  stop(): void {
    this.stopped = true;
  }
  onRoute(url: string): void {
    this.routes.push(url);
  }
  onTrack(event: string): void {
    this.events.push(event);
  }
}

const APP = 'https://app.example.com';

function setup(path = '/dashboard') {
  let url = `${APP}${path}`;
  const runs: FakeRun[] = [];
  const exposed: string[] = [];
  const scheduler = new ContentScheduler({
    url: () => url,
    expose: (holdout) => exposed.push(holdout.id),
    run: (request) => {
      const run = new FakeRun(request);
      runs.push(run);
      return run;
    },
  });
  const go = (next: string): void => {
    url = `${APP}${next}`;
    scheduler.route(url);
  };
  const active = (): FakeRun | undefined => runs.filter((run) => !run.stopped).at(-1);
  return { scheduler, runs, go, active, exposed };
}

const onProjects = (overrides: Partial<EligibleContent> = {}): EligibleContent =>
  anItem({ id: 'projects-tour', triggers: [{ type: 'url', pattern: '/projects*' }], ...overrides });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ContentScheduler', () => {
  it('shows the highest-priority eligible content on the current page, one at a time', () => {
    const { scheduler, runs } = setup();

    scheduler.setContent(
      [anItem({ id: 'low', priority: 1 }), anItem({ id: 'high', priority: 3 })],
      true,
    );

    expect(runs.map((run) => run.request.item.id)).toEqual(['high']);
    expect(runs[0]?.request).toMatchObject({ index: 0, announce: true });
  });

  it('waits for a matching route, hides on leaving it and resumes at the same step on return', () => {
    const { scheduler, runs, go } = setup();
    scheduler.setContent([onProjects()], true);
    expect(runs).toHaveLength(0);

    go('/projects');
    const first = runs[0];
    if (first) first.index = 2;
    go('/projects/7');
    expect(first?.routes).toEqual([`${APP}/projects/7`]);
    go('/settings');
    expect(first?.stopped).toBe(true);
    go('/projects');

    expect(runs).toHaveLength(2);
    expect(runs[1]?.request).toMatchObject({ index: 2, announce: false });
  });

  it('does not show finished content again, and shows the next eligible one after it', () => {
    const { scheduler, runs, go } = setup();
    scheduler.setContent(
      [anItem({ id: 'a', priority: 2 }), anItem({ id: 'b', priority: 1 })],
      true,
    );

    runs[0]?.request.end('completed', 2);
    jest.runOnlyPendingTimers();
    go('/elsewhere');

    expect(runs.map((run) => run.request.item.id)).toEqual(['a', 'b']);
  });

  it('blocks content whose target went missing until the route changes', () => {
    const { scheduler, runs, go } = setup();
    scheduler.setContent([anItem({ id: 'a' })], true);

    runs[0]?.request.end('paused', 1);
    jest.runOnlyPendingTimers();
    expect(runs).toHaveLength(1);
    go('/other');

    expect(runs[1]?.request).toMatchObject({ index: 1, announce: false });
  });

  it('starts event-triggered content when the event is tracked, and tells the active run', () => {
    const { scheduler, runs } = setup();
    const onEvent = anItem({ id: 'after-create', triggers: [{ type: 'event', event: 'created' }] });
    scheduler.setContent([onEvent], true);
    expect(runs).toHaveLength(0);

    scheduler.track('created');
    scheduler.track('again');

    expect(runs).toHaveLength(1);
    expect(runs[0]?.events).toEqual(['again']);
  });

  it('starts content on request even before the session lists it, whatever its triggers', () => {
    const { scheduler, runs } = setup();

    expect(scheduler.start('manual')).toBe(false);
    scheduler.setContent([anItem({ id: 'manual', triggers: [{ type: 'manual' }] })], true);

    expect(runs.map((run) => run.request.item.id)).toEqual(['manual']);
  });

  it('resumes server-side progress at the saved step', () => {
    const { scheduler, runs } = setup();

    scheduler.setContent([anItem({ progress: { status: 'in_progress', stepId: 'three' } })], true);

    expect(runs[0]?.request.index).toBe(2);
  });

  it('forgets everything on clear (logout)', () => {
    const { scheduler, runs, go } = setup();
    scheduler.setContent([anItem({ id: 'a' })], true);

    scheduler.clear();
    go('/next');

    expect(runs[0]?.stopped).toBe(true);
    expect(runs).toHaveLength(1);
  });

  it('keeps server order among equal priorities', () => {
    const { scheduler, runs } = setup();
    scheduler.setContent(
      [anItem({ id: 'first', priority: 5 }), anItem({ id: 'second', priority: 5 })],
      true,
    );

    expect(runs.map((run) => run.request.item.id)).toEqual(['first']);
  });

  it('shows a banner, a checklist and a flow together, but one flow or survey at a time', () => {
    const { scheduler, runs } = setup();
    scheduler.setContent(
      [
        anItem({ id: 'tour', priority: 3 }),
        anItem({ id: 'survey', priority: 2, kind: 'survey', definition: aSurvey() }),
        anItem({ id: 'banner', kind: 'banner', definition: aBanner() }),
        anItem({ id: 'list', kind: 'checklist', definition: aChecklist() }),
      ],
      true,
    );

    expect(runs.map((run) => run.request.item.id).sort()).toEqual(['banner', 'list', 'tour']);
    runs.find((run) => run.request.item.id === 'tour')?.request.end('completed', 0);
    jest.runOnlyPendingTimers();

    expect(runs.at(-1)?.request.item.id).toBe('survey');
  });

  it('tells other runs when content finishes (checklists re-check their items)', () => {
    const { scheduler, runs } = setup();
    const seen: string[] = [];
    scheduler.setContent(
      [anItem({ id: 'tour' }), anItem({ id: 'list', kind: 'checklist', definition: aChecklist() })],
      true,
    );
    const list = runs.find((run) => run.request.item.id === 'list');
    if (list) list.onContent = () => seen.push('changed');

    runs.find((run) => run.request.item.id === 'tour')?.request.end('completed', 0);

    expect(seen).toEqual(['changed']);
  });

  it('shows delay content once its delay has passed on the page, and restarts the wait on a new route', () => {
    const { scheduler, runs, go } = setup();
    scheduler.setContent([anItem({ id: 'later', triggers: [{ type: 'delay', ms: 3000 }] })], true);

    jest.advanceTimersByTime(2000);
    go('/other');
    jest.advanceTimersByTime(2000);
    expect(runs).toHaveLength(0);
    jest.advanceTimersByTime(1000);

    expect(runs.map((run) => run.request.item.id)).toEqual(['later']);
  });

  it('reports a holdout as exposed when its trigger fires (once), without drawing anything', () => {
    const { scheduler, runs, exposed } = setup();
    const holdout: HoldoutContent = {
      id: 'held',
      kind: 'banner',
      priority: 9,
      triggers: [{ type: 'event', event: 'opened' }],
      experimentId: '6f1c2a7e-0000-4000-8000-00000000e001',
    };
    scheduler.setContent([anItem({ id: 'shown' })], true, [holdout]);
    expect(exposed).toEqual([]);

    scheduler.track('opened');
    scheduler.track('opened');

    expect(exposed).toEqual(['held']);
    expect(runs.map((run) => run.request.item.id)).toEqual(['shown']);
  });

  it('explains its state for debug.why', () => {
    const { scheduler } = setup();
    scheduler.setContent([anItem({ id: 'tour' })], true);

    const state = whyInput(scheduler.state(), true);

    expect(state.active.get('tour')).toBe('main');
    expect(state.items.map((item) => item.id)).toEqual(['tour']);
  });
});
