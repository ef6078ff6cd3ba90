import type { ButtonAction, ContentAction, EligibleContent, SdkEvent } from '@waymark/shared';
import type { ContentEventPayload, PreviewOptions, WaymarkEventName } from '../public.types';
import type { RunRequest } from './content.scheduler';
import type { Logger } from './debug.logger';
import { lazyRun } from './lazy.run';
import type { Runtime } from './runtime.factory';
import type { ContentRun, MountContext, SeenEvent, Stage } from './surface.port';
import { matchUrlPattern } from './trigger.matcher';
import { randomId } from './uuid.util';
import type { Waymark } from './waymark.client';

/** An event without the fields the queue adds. */
export type EventBody<T = SdkEvent> = T extends unknown
  ? Omit<T, 'messageId' | 'timestamp'>
  : never;

export type RunItem = Pick<EligibleContent, 'id' | 'versionId' | 'definition'> &
  Partial<Pick<EligibleContent, 'experiment'>>;

/** What a content run needs from the `Waymark` instance. */
export interface ContextHost {
  log: Logger;
  stage: Stage;
  runtime: Runtime | null;
  seen: readonly SeenEvent[];
  states: Map<string, 'completed' | 'dismissed' | 'seen'>;
  emit(name: WaymarkEventName | null, payload: ContentEventPayload): void;
  enqueue(body: EventBody): void;
  /** What buttons call: `track` and `start`. */
  waymark: Pick<Waymark, 'track' | 'start'>;
}

const listenerEvent = (action: ContentAction): WaymarkEventName | null =>
  action === 'step_viewed'
    ? 'step:viewed'
    : action === 'target_missing'
      ? null
      : `content:${action}`;

/**
 * Builds the `MountContext` for one content item and returns its (lazily loaded) run. Here are
 * the effects of what a surface reports: listener calls, events, progress, exposures; in a
 * preview, only listener calls.
 */
export function runContent(
  host: ContextHost,
  item: RunItem,
  request: Omit<RunRequest, 'item'>,
  preview: boolean,
  options: PreviewOptions = {},
  /** A draft previewed on the customer's app: its links navigate (a multi-page tour). */
  onApp = false,
): ContentRun {
  const runtime = preview ? null : host.runtime;
  const saved = runtime?.progress.get(item.id);
  const { id: contentId, versionId } = item;
  const theme = { ...item.definition.theme, ...options.theme };
  const progress = (patch: Parameters<Runtime['progress']['update']>[1]): void => {
    if (!runtime) return;
    const event = runtime.progress.update(item, patch, randomId());
    runtime.progressQueue.enqueue({ user: runtime.identity.user, event });
  };
  const exposure = item.experiment;
  const ctx: MountContext = {
    item,
    index: request.index,
    saved: {
      items: saved?.items ?? [],
      answers: saved?.answers ?? {},
      ...(saved?.stepId === undefined ? {} : { stepId: saved.stepId }),
    },
    announce: request.announce,
    preview,
    stage: host.stage,
    locale: options.locale ?? host.runtime?.locale ?? navigator.language ?? 'en',
    theme: Object.keys(theme).length > 0 ? theme : undefined,
    log: host.log,
    targetWaitMs: preview ? 1500 : 5000,
    matchUrl: matchUrlPattern,
    events: () => host.seen,
    contentState: (id) => host.states.get(id),
    record: (action, stepId, stepIndex, properties = {}) => {
      if (action === 'shown') {
        request.shown();
        host.states.set(contentId, 'seen');
        if (exposure && runtime)
          host.enqueue({ type: 'exposure', contentId, ...exposure, properties: {} });
      }
      if (action === 'completed' || action === 'dismissed') host.states.set(contentId, action);
      const step = stepId === undefined ? {} : { stepId };
      host.emit(listenerEvent(action), { contentId, versionId, ...step, stepIndex, preview });
      if (!runtime) return;
      host.enqueue({
        type: 'content',
        action,
        contentId,
        versionId,
        ...step,
        properties: { stepIndex, ...properties },
      });
      if (action === 'step_viewed') progress({ status: 'in_progress', ...step });
      if (action === 'completed' || action === 'dismissed') progress({ status: action });
    },
    save: progress,
    send: (event, properties) => runtime && host.enqueue({ type: 'track', event, properties }),
    emit: host.emit,
    perform: (action: ButtonAction) => {
      // A preview moves between steps only: no events or other content, and no URLs but on the
      // customer's app.
      if (preview && !(onApp && action.type === 'url')) return;
      if (action.type === 'track') host.waymark.track(action.event);
      else if (action.type === 'start') host.waymark.start(action.contentId);
      else if (action.type === 'url' && /^https?:\/\//i.test(action.url)) {
        if (action.newTab) open(action.url, '_blank', 'noopener');
        else location.assign(action.url);
      }
    },
    end: request.end,
  };
  return lazyRun(ctx, host.log);
}
