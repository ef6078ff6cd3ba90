import type {
  ContentDefinition,
  EligibleContent,
  FeatureTag,
  HoldoutContent,
  SessionResponse,
  Traits,
} from '@waymark/shared';
import type {
  IdentifyOptions,
  PreviewOptions,
  WaymarkEventName,
  WaymarkListener,
  WaymarkOptions,
  WhyReport,
} from '../public.types';
import { inBuilderMode } from './builder.mode';
import { setChunkBase } from './chunk.loader';
import { chunksFor } from './chunk.plan';
import { runContent, type ContextHost, type EventBody } from './content.context';
import { createLogger } from './debug.logger';
import { fetchSession } from './http.transport';
import { loadParts } from './lazy.run';
import { startRuntime, type Runtime } from './runtime.factory';
import type { ContentRun, SurfaceModule } from './surface.port';
import { matchUrlPattern } from './trigger.matcher';
import type { TagWatch } from '../surfaces/tags.chunk';
import { randomId } from './uuid.util';

const SESSION_RETRIES = 3;
/**
 * The last session answer and whom it was for: for the same user, its `etag` goes in
 * `If-None-Match` (a 304 reuses it); for anyone, the chunks its content needs are preloaded on
 * the next page while the session loads.
 */
const SESSION_KEY = 'waymark.session';
/** Tracked events kept for checklist rules. */
const MAX_SEEN = 200;

/**
 * The widget. All state lives on the instance; every public method is guarded, so a failure is
 * logged (see `debug`) and never thrown into the host page.
 */
export class Waymark {
  #listeners: [WaymarkEventName, WaymarkListener][] = [];
  #runtime: Runtime | null = null;
  #preview: ContentRun | null = null;
  #traits: Traits = {};
  #userHash: string | undefined;
  #sessionTimer: ReturnType<typeof setTimeout> | undefined;
  #sessionSeq = 0;
  #loaded = false;
  #trackPages = true;
  /** Opened by the builder (picker or draft preview): no live content, nothing recorded. */
  #builderMode = false;
  /** Feature tags, once a session answer carried some (their chunk loads then). */
  #tags: Promise<TagWatch> | null = null;
  /** Shared with every content run (see `ContextHost`). */
  #host: ContextHost = {
    log: createLogger(),
    stage: { nonce: undefined },
    runtime: null,
    seen: [],
    states: new Map(),
    emit: (name, payload) => {
      for (const [event, listener] of this.#listeners) {
        // One throwing listener must neither reach the host page nor stop the others.
        if (event === name) this.#guard('listener', () => listener(payload));
      }
    },
    enqueue: (body) => this.#enqueue(body),
    waymark: this,
  };

  /** Diagnostics. `why(contentId)` resolves to (and logs) why an item is or is not showing. */
  readonly debug = {
    why: (contentId: string): Promise<WhyReport | undefined> =>
      loadParts(['why'])
        .then(({ why }) =>
          why!.explainAndLog(contentId, this.#runtime?.scheduler.state(), this.#loaded),
        )
        .catch((error: unknown) => void this.#host.log.error('why failed', error)),
  };

  /** Starts the widget: loads eligible content for this visitor and watches the route. */
  init(sdkKey: string, options: WaymarkOptions): void {
    this.#guard('init', () => {
      if (this.#runtime) return this.#host.log.debug('init again: ignored');
      if (!sdkKey || !options?.apiHost) throw new Error('sdkKey and apiHost are required');
      this.#host.log.verbose = options.debug === true;
      this.#host.stage.nonce = options.nonce;
      this.#trackPages = options.trackPages !== false;
      setChunkBase(`${options.apiHost.replace(/\/+$/, '')}/sdk/`);
      const runtime = startRuntime(sdkKey, options, {
        log: this.#host.log,
        run: ({ item, ...request }) => runContent(this.#host, item, request, false),
        expose: ({ id: contentId, experimentId }) =>
          this.#enqueue({ type: 'exposure', contentId, experimentId, properties: {} }),
        onEventsContent: (content, holdouts) => this.#apply(content, false, holdouts),
        onRoute: (href) => {
          this.#preview?.onRoute(href);
          if (this.#trackPages) this.page();
          void this.#tags?.then((watch) => watch.route(href));
        },
        identityExtras: () => ({
          traits: this.#traits,
          ...(this.#userHash === undefined ? {} : { userHash: this.#userHash }),
        }),
      });
      this.#runtime = this.#host.runtime = runtime;
      if (this.#startBuilderMode(sdkKey, options)) return;
      // Whoever it was for: the chunks this site's content needs are likely the same.
      this.#preload(this.#kept(true)?.content ?? []);
      this.#requestSession();
      // After the calls queued with init (identify) replay, so the view is the user's.
      if (this.#trackPages) queueMicrotask(() => this.page());
    });
  }

  /** Names the user (and merges traits); content is re-resolved for them. */
  identify(userId: string, traits: Traits = {}, options: IdentifyOptions = {}): void {
    this.#guard('identify', () => {
      const runtime = this.#requireRuntime();
      if (!userId) throw new Error('userId is required');
      const previous = runtime.identity.user.userId;
      const switched = previous !== undefined && previous !== userId;
      if (switched) this.#forget();
      runtime.identity.setUserId(userId);
      this.#traits = switched ? { ...traits } : { ...this.#traits, ...traits };
      if (options.userHash !== undefined || switched) this.#userHash = options.userHash;
      this.#requestSession();
    });
  }

  /** Associates the user with a company: a `$group` event with its id and traits. */
  group(groupId: string, traits: Traits = {}): void {
    this.#guard('group', () => {
      if (!groupId) throw new Error('groupId is required');
      this.#enqueue({ type: 'track', event: '$group', properties: { groupId, traits } });
    });
  }

  /** Records a custom event; content triggered by (or advancing on) it reacts. */
  track(event: string, properties: Traits = {}): void {
    this.#guard('track', () => {
      const runtime = this.#requireRuntime();
      if (!event) throw new Error('event is required');
      this.#enqueue({ type: 'track', event, properties });
      const seen = { name: event, properties, ts: Date.now() };
      this.#host.seen = [...this.#host.seen, seen].slice(-MAX_SEEN);
      runtime.scheduler.track(event);
      this.#preview?.onTrack(event);
    });
  }

  /**
   * Records a page view; `url`, `path` and `title` come from the document. Called by the widget
   * itself on load and on every route change unless `trackPages: false`.
   */
  page(properties: Traits = {}): void {
    this.#guard('page', () => {
      const { href: url, pathname: path } = location;
      this.#enqueue({
        type: 'page',
        properties: { url, path, title: document.title, ...properties },
      });
    });
  }

  /** Logout: forgets the user, starts a new anonymous id, hides and forgets content. */
  reset(): void {
    this.#guard('reset', () => {
      this.#requireRuntime().identity.reset();
      this.#forget();
      this.#traits = {};
      this.#userHash = undefined;
      this.#requestSession();
    });
  }

  /** Shows eligible content now, whatever its triggers (waits for the session if needed). */
  start(contentId: string): void {
    this.#guard('start', () => void this.#requireRuntime().scheduler.start(contentId));
  }

  on(event: WaymarkEventName, listener: WaymarkListener): void {
    this.#guard('on', () => this.#listeners.push([event, listener]));
  }

  off(event: WaymarkEventName, listener: WaymarkListener): void {
    this.#guard('off', () => {
      this.#listeners = this.#listeners.filter(([e, l]) => e !== event || l !== listener);
    });
  }

  /**
   * Renders any content definition (as the schema parses it, defaults filled) without a server:
   * for the builder, tests and authors. Nothing is sent; listeners get `preview: true`. Live
   * content hides meanwhile (it resumes on the next route change). Missing targets draw centered.
   */
  preview(definition: ContentDefinition, options: PreviewOptions = {}): void {
    this.#runPreview(definition, options, false);
  }

  #runPreview(definition: ContentDefinition, options: PreviewOptions, onApp: boolean): void {
    this.#guard('preview', () => {
      this.#preview?.stop();
      this.#runtime?.scheduler.pause();
      const item = { id: 'preview', versionId: 'preview', definition };
      const end = (): void => {
        if (this.#preview === run) this.#preview = null;
      };
      const run = runContent(
        this.#host,
        item,
        {
          index: Math.max(0, Math.floor(options.startAt ?? 0) || 0),
          announce: true,
          shown() {},
          end,
        },
        true,
        options,
        onApp,
      );
      this.#preview = run;
      run.start();
    });
  }

  /** Removes the widget from the page: restores history, hides surfaces, flushes events. */
  destroy(): void {
    this.#guard('destroy', () => {
      clearTimeout(this.#sessionTimer);
      this.#sessionSeq++;
      this.#runtime?.stop();
      this.#runtime = this.#host.runtime = null;
      this.#preview?.stop();
      this.#preview = null;
      void this.#tags?.then((watch) => watch.stop());
      this.#tags = null;
      this.#host.stage.host?.remove();
      this.#host.stage = { nonce: this.#host.stage.nonce };
    });
  }

  #guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#host.log.error(`${name} failed`, error);
    }
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

  /** Another user: nothing of the last one may resume or count. */
  #forget(): void {
    this.#runtime?.scheduler.clear();
    this.#runtime?.progress.clear();
    this.#host.seen = [];
    this.#host.states.clear();
  }

  /** Loads the parts each item needs (see `chunksFor`) ahead of need, and lets them prepare. */
  #preload(content: readonly EligibleContent[]): void {
    for (const { definition } of content) {
      loadParts(chunksFor(definition))
        .then((parts) =>
          (parts[definition.kind] as SurfaceModule).prepare?.(this.#host.stage, parts),
        )
        .catch(() => {});
    }
  }

  /** The last session answer if it was this user's (same anonymous id and user id) or `anyUser`. */
  #kept(anyUser = false): SessionResponse | undefined {
    const runtime = this.#requireRuntime();
    try {
      const [who, answer] = JSON.parse(runtime.storage.getItem(SESSION_KEY) ?? '[]') as [
        string?,
        SessionResponse?,
      ];
      return anyUser || who === JSON.stringify(runtime.identity.user) ? answer : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Hands content to the scheduler with progress overlaid by undelivered updates; items this
   * device finished but the server has not heard of yet are left out.
   */
  #apply(content: EligibleContent[], replace: boolean, holdouts: HoldoutContent[] = []): void {
    const runtime = this.#requireRuntime();
    const pending = runtime.pendingProgress();
    runtime.progress.seed(content, pending);
    const finished = new Set(
      pending.filter((u) => u.status !== 'in_progress').map((u) => u.contentId),
    );
    const items = content
      .filter((item) => !finished.has(item.id))
      .map((item) => ({ ...item, progress: runtime.progress.get(item.id) ?? null }));
    this.#preload(items);
    runtime.scheduler.setContent(items, replace, holdouts);
  }

  /** Hands the session's feature tags to the `tags` chunk, loading it the first time. */
  #setTags(tags: FeatureTag[]): void {
    if (!this.#tags && tags.length === 0) return;
    const log = this.#host.log;
    const watch = (this.#tags ??= loadParts(['tags']).then(({ tags: chunk }) =>
      chunk!.watchTags(this, log, matchUrlPattern),
    ));
    watch
      .then((tagWatch) => tagWatch.set(tags))
      .catch((error: unknown) => {
        if (this.#tags === watch) this.#tags = null;
        log.error('feature tags failed', error);
      });
  }

  /**
   * Opened by the builder (`#waymark-pick=…`, `#waymark-preview=…`, or a tab previewing a
   * draft): loads the `builder` chunk, and no live content is loaded or recorded. False on an
   * ordinary page.
   */
  #startBuilderMode(sdkKey: string, options: WaymarkOptions): boolean {
    if (!inBuilderMode(location.hash)) return false;
    this.#builderMode = true;
    this.#trackPages = false;
    const log = this.#host.log;
    loadParts(['builder'])
      .then(({ builder }) =>
        builder!.startBuilderMode({
          options,
          sdkKey,
          log,
          waymark: this,
          preview: (definition, previewOptions) =>
            this.#runPreview(definition, previewOptions, true),
        }),
      )
      .catch((error: unknown) => log.error('builder mode failed', error));
    return true;
  }

  #requestSession(): void {
    if (this.#builderMode) return;
    clearTimeout(this.#sessionTimer);
    // One request per task: init + identify (+ group, page), whether the snippet replays them or
    // the page calls them in one script, become one request carrying the identity. A timer, not
    // a microtask: a microtask runs between two inline scripts; a frame (or a longer timer)
    // would hold the request back while stylesheets still block rendering.
    this.#sessionTimer = setTimeout(() => void this.#loadSession(0), 0);
  }

  async #loadSession(attempt: number): Promise<void> {
    const runtime = this.#runtime;
    if (!runtime) return;
    const seq = ++this.#sessionSeq;
    try {
      const user = runtime.identity.user;
      const kept = this.#kept();
      const body = {
        user,
        traits: this.#traits,
        context: runtime.context(),
        ...(this.#userHash === undefined ? {} : { userHash: this.#userHash }),
      };
      const response = await fetchSession(runtime.post, body, kept);
      if (seq !== this.#sessionSeq) return;
      this.#host.log.debug('session', response);
      this.#loaded = true;
      this.#setTags(response.featureTags ?? []);
      this.#apply(response.content, true, response.holdouts);
      // Kept after the frame that draws the surface (a task queued in an animation frame runs
      // after it paints): serialising the answer is not on the way to the paint.
      const keep = [JSON.stringify(user), response];
      if (response !== kept)
        requestAnimationFrame(() =>
          setTimeout(() => runtime.storage.setItem(SESSION_KEY, JSON.stringify(keep))),
        );
    } catch (error) {
      if (seq !== this.#sessionSeq) return;
      this.#host.log.error('loading content failed', error);
      // Network blips and restarts pass; a bad key fails the same way a few more times.
      const retry = (): void => void this.#loadSession(attempt + 1);
      if (attempt < SESSION_RETRIES) this.#sessionTimer = setTimeout(retry, 2000 * 4 ** attempt);
    }
  }
}
