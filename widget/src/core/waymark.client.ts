import type {
  ButtonAction,
  ContentAction,
  ElementTarget,
  FlowDefinition,
  SdkEvent,
  SessionRequest,
  Traits,
} from '@waymark/shared';
import { findElement, isVisible } from '../dom/element.finder';
import { waitForElement } from '../dom/element.waiter';
import { SurfaceRenderer } from '../ui/surface.renderer';
import type {
  IdentifyOptions,
  WaymarkEventName,
  WaymarkListener,
  WaymarkOptions,
} from '../public.types';
import type { RunRequest } from './content.scheduler';
import { createLogger } from './debug.logger';
import { FlowRunner } from './flow.runner';
import { startRuntime, type Runtime } from './runtime.factory';
import { randomId } from './uuid.util';

/** How long a step waits for its target to mount before `target_missing`. */
const TARGET_WAIT_MS = 5000;
const PREVIEW_WAIT_MS = 1500;
const SESSION_RETRIES = 3;

/** The listener event for a content action (`target_missing` has none). */
const listenerEvent = (action: ContentAction): WaymarkEventName | null =>
  action === 'step_viewed'
    ? 'step:viewed'
    : action === 'target_missing'
      ? null
      : `content:${action}`;

type EventBody<T = SdkEvent> = T extends unknown ? Omit<T, 'messageId' | 'timestamp'> : never;

/**
 * The widget. All state lives on the instance; every public method is guarded, so a failure is
 * logged (see `debug`) and never thrown into the host page.
 */
export class Waymark {
  #log = createLogger();
  #listeners = new Map<WaymarkEventName, Set<WaymarkListener>>();
  #runtime: Runtime | null = null;
  #nonce: string | undefined;
  #surface: SurfaceRenderer | null = null;
  #preview: FlowRunner | null = null;
  #traits: Traits = {};
  #userHash: string | undefined;
  #sessionTimer: ReturnType<typeof setTimeout> | undefined;
  #sessionSeq = 0;

  /** Starts the widget: loads eligible content for this visitor and watches the route. */
  init(sdkKey: string, options: WaymarkOptions): void {
    this.#guard('init', () => {
      if (this.#runtime) return this.#log.debug('init again: ignored');
      if (!sdkKey || !options?.apiHost) throw new Error('sdkKey and apiHost are required');
      this.#log.verbose = options.debug === true;
      this.#nonce = options.nonce;
      this.#runtime = startRuntime(sdkKey, options, {
        log: this.#log,
        run: (request) => this.#run(request, false),
        onEventsContent: (content) => this.#runtime?.scheduler.setContent(content, false),
      });
      this.#requestSession();
    });
  }

  /** Names the user (and merges traits); content is re-resolved for them. */
  identify(userId: string, traits: Traits = {}, options: IdentifyOptions = {}): void {
    this.#guard('identify', () => {
      const runtime = this.#requireRuntime();
      if (!userId) throw new Error('userId is required');
      const previous = runtime.identity.user.userId;
      const switched = previous !== undefined && previous !== userId;
      if (switched) runtime.scheduler.clear();
      runtime.identity.setUserId(userId);
      this.#traits = switched ? { ...traits } : { ...this.#traits, ...traits };
      if (options.userHash !== undefined || switched) this.#userHash = options.userHash;
      this.#requestSession();
    });
  }

  /** Records a custom event; content triggered by (or advancing on) it reacts. */
  track(event: string, properties: Traits = {}): void {
    this.#guard('track', () => {
      const runtime = this.#requireRuntime();
      if (!event) throw new Error('event is required');
      this.#enqueue({ type: 'track', event, properties });
      runtime.scheduler.track(event);
      this.#preview?.onTrack(event);
    });
  }

  /** Records a page view; `url`, `path` and `title` are filled in from the document. */
  page(properties: Traits = {}): void {
    this.#guard('page', () => {
      this.#requireRuntime();
      const { href, pathname } = location;
      const base: Traits = { url: href, path: pathname, title: document.title };
      this.#enqueue({ type: 'page', properties: { ...base, ...properties } });
    });
  }

  /** Logout: forgets the user, starts a new anonymous id, hides and forgets content. */
  reset(): void {
    this.#guard('reset', () => {
      const runtime = this.#requireRuntime();
      runtime.scheduler.clear();
      runtime.identity.reset();
      this.#traits = {};
      this.#userHash = undefined;
      this.#requestSession();
    });
  }

  /** Shows eligible content now, whatever its triggers (waits for the session if needed). */
  start(contentId: string): void {
    this.#guard('start', () => {
      // Unknown ids wait for the session (or an events answer) to list them.
      this.#requireRuntime().scheduler.start(contentId);
    });
  }

  on(event: WaymarkEventName, listener: WaymarkListener): void {
    this.#guard('on', () => this.#listenersOf(event).add(listener));
  }

  off(event: WaymarkEventName, listener: WaymarkListener): void {
    this.#guard('off', () => this.#listenersOf(event).delete(listener));
  }

  /**
   * Renders a flow definition (as the schema parses it, defaults filled) without a server, for
   * builder previews. Nothing is sent; listeners get `preview: true`. A missing target draws the
   * step centered after 1.5 s.
   */
  preview(definition: FlowDefinition): void {
    this.#guard('preview', () => {
      // One surface: a preview hides live content (which resumes on the next route change).
      this.#preview?.stop();
      this.#runtime?.scheduler.pause();
      const item = { id: 'preview', versionId: 'preview', definition };
      const end = (): void => {
        if (this.#preview === runner) this.#preview = null;
      };
      const runner = this.#run({ item, index: 0, announce: true, shown: () => {}, end }, true);
      this.#preview = runner;
      runner.start();
    });
  }

  /** Removes the widget from the page: restores history, hides surfaces, flushes events. */
  destroy(): void {
    this.#guard('destroy', () => {
      clearTimeout(this.#sessionTimer);
      this.#sessionSeq++;
      this.#runtime?.stop();
      this.#runtime = null;
      this.#preview?.stop();
      this.#preview = null;
      this.#surface?.destroy();
      this.#surface = null;
    });
  }

  #guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#log.error(`${name} failed`, error);
    }
  }

  #listenersOf(name: WaymarkEventName): Set<WaymarkListener> {
    const set = this.#listeners.get(name) ?? new Set();
    this.#listeners.set(name, set);
    return set;
  }

  #requireRuntime(): Runtime {
    if (!this.#runtime) throw new Error('call init first');
    return this.#runtime;
  }

  #enqueue(body: EventBody): void {
    const runtime = this.#requireRuntime();
    const meta = { messageId: randomId(), timestamp: new Date().toISOString() };
    runtime.queue.enqueue({ user: runtime.identity.user, event: { ...body, ...meta } });
  }

  #run({ item, index, announce, shown, end }: RunRequest, preview: boolean): FlowRunner {
    const find = (target: ElementTarget): Element | null => {
      const element = findElement(document, target);
      return element && isVisible(element) ? element : null;
    };
    return new FlowRunner(item.definition, index, {
      key: item.id,
      surface: (this.#surface ??= new SurfaceRenderer(document, this.#nonce)),
      log: this.#log,
      announce,
      centerWhenMissing: preview,
      findNow: find,
      waitFor: (target, signal) =>
        waitForElement(() => find(target), {
          timeoutMs: preview ? PREVIEW_WAIT_MS : TARGET_WAIT_MS,
          signal,
        }),
      record: (action, step, stepIndex) => {
        if (action === 'shown') shown();
        this.#recordContent(item, action, step.id, stepIndex, preview);
      },
      perform: (action) => this.#perform(action, preview),
      end,
    });
  }

  #recordContent(
    { id: contentId, versionId }: RunRequest['item'],
    action: ContentAction,
    stepId: string,
    stepIndex: number,
    preview: boolean,
  ): void {
    const name = listenerEvent(action);
    for (const listener of name ? this.#listenersOf(name) : []) {
      // One throwing listener must neither reach the host nor stop the others.
      this.#guard('listener', () => listener({ contentId, versionId, stepId, stepIndex, preview }));
    }
    if (preview) return;
    const properties = { stepIndex };
    this.#enqueue({ type: 'content', action, contentId, versionId, stepId, properties });
  }

  #perform(action: ButtonAction, preview: boolean): void {
    if (preview) return; // A preview moves between steps only: no URLs, events or other content.
    if (action.type === 'track') this.track(action.event);
    else if (action.type === 'start') this.start(action.contentId);
    else if (action.type === 'url' && /^https?:\/\//i.test(action.url)) {
      if (action.newTab) window.open(action.url, '_blank', 'noopener');
      else location.assign(action.url);
    }
  }

  #requestSession(): void {
    clearTimeout(this.#sessionTimer);
    // Deferred: the snippet replays init + identify in one go; that is one request.
    this.#sessionTimer = setTimeout(() => void this.#loadSession(0), 0);
  }

  async #loadSession(attempt: number): Promise<void> {
    const runtime = this.#runtime;
    if (!runtime) return;
    const seq = ++this.#sessionSeq;
    const request: SessionRequest = {
      user: runtime.identity.user,
      traits: this.#traits,
      context: runtime.context(),
      ...(this.#userHash === undefined ? {} : { userHash: this.#userHash }),
    };
    try {
      const response = await runtime.transport.session(request);
      if (seq !== this.#sessionSeq) return;
      this.#log.debug('session', response);
      runtime.scheduler.setContent(response.content, true);
    } catch (error) {
      if (seq !== this.#sessionSeq) return;
      this.#log.error('loading content failed', error);
      // Network blips and restarts pass; a bad key fails the same way a few more times.
      const retry = (): void => void this.#loadSession(attempt + 1);
      if (attempt < SESSION_RETRIES) this.#sessionTimer = setTimeout(retry, 2000 * 4 ** attempt);
    }
  }
}
