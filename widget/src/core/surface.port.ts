import type {
  ButtonAction,
  ContentAction,
  ContentDefinition,
  Step,
  Theme,
  Traits,
} from '@waymark/shared';
import type { ContentEventPayload, WaymarkEventName } from '../public.types';
import type { Chunks } from './chunk.loader';
import type { Logger } from './debug.logger';

/**
 * The contract between the core bundle (`waymark.js`) and the lazily loaded surface chunks. Core
 * passes everything a surface needs in a `MountContext`; the chunk shares no module state with
 * core (it is a separate ES module graph), only this object.
 */

/** Any JSON value (an answer, a property). */
export type JsonValue = Traits[string];

export type SurfaceKind = ContentDefinition['kind'];

/** The definition of one kind, e.g. `DefinitionOf<'survey'>`. */
export type DefinitionOf<K extends SurfaceKind> = Extract<ContentDefinition, { kind: K }>;

/** Per-instance UI state: the shadow host, created by the first surface that draws. */
export interface Stage {
  nonce: string | undefined;
  host?: HTMLElement;
  root?: ShadowRoot;
}

/** Resume data for a content item: saved checklist items and survey answers. */
export interface Saved {
  items?: string[];
  answers?: Record<string, JsonValue>;
  /** The last step viewed (a checklist stores `open`/`closed` here). */
  stepId?: string;
}

/** A tracked event as the widget saw it this page life (for checklist rules). */
export interface SeenEvent {
  name: string;
  properties: Record<string, JsonValue>;
  /** When it was tracked (ms since the epoch). */
  ts: number;
}

/** How a run ends: finished by the user, or paused because the target never appeared. */
export type RunOutcome = 'completed' | 'dismissed' | 'paused';

export interface MountContext<D extends ContentDefinition = ContentDefinition> {
  item: { id: string; versionId: string; definition: D };
  /** Where to resume (a step or question index). */
  index: number;
  saved: Saved;
  /** Record `shown` on the first draw (false when resuming content already shown). */
  announce: boolean;
  /** Rendered by `waymark.preview`: nothing is sent, missing targets draw centered. */
  preview: boolean;
  stage: Stage;
  locale: string;
  /** The definition's theme with the preview override applied. */
  theme: Theme | undefined;
  log: Logger;
  /** How long a step waits for its target before `target_missing`. */
  targetWaitMs: number;
  matchUrl(pattern: string, url: string): boolean;
  /** Tracked events so far, oldest first. */
  events(): readonly SeenEvent[];
  /** `completed`/`dismissed`/`seen` for content this user finished or saw, else undefined. */
  contentState(contentId: string): 'completed' | 'dismissed' | 'seen' | undefined;
  record(
    action: ContentAction,
    stepId: string | undefined,
    index: number,
    properties?: Record<string, JsonValue>,
  ): void;
  /** Saves checklist items or survey answers with the progress (nothing in a preview). */
  save(saved: Saved): void;
  /**
   * Records a `track` event triggers do not react to (`$checklist_item_completed`,
   * `$survey_answered`; nothing in a preview). The chunks that need these build them, so the
   * core carries no checklist or survey code.
   */
  send(event: string, properties: Record<string, JsonValue>): void;
  /** Calls the page's listeners of `name` (a preview's too). */
  emit(name: WaymarkEventName, payload: ContentEventPayload): void;
  /** Side effects of a button: open a URL, track an event, start other content. */
  perform(action: ButtonAction): void;
  end(outcome: RunOutcome, index: number): void;
}

/** One content item on screen, driven by the scheduler. Implementations never throw. */
export interface ContentRun {
  /** Where a stopped run would resume. */
  readonly index: number;
  start(): void;
  /** Hides at once without recording anything (route left, reset, other content started). */
  stop(): void;
  onRoute(url: string): void;
  onTrack(event: string): void;
  /** Some content completed or was dismissed (checklists re-check their items). */
  onContent?(): void;
}

/** What every surface chunk exports. `parts` holds the loaded chunks of `chunksFor(definition)`. */
export interface SurfaceModule {
  mount(ctx: MountContext, parts: Partial<Chunks>): ContentRun;
  /**
   * Optional: builds what a first draw needs that no session answer changes (stylesheets, the
   * shadow root), called when the chunk was preloaded ahead of need, so that the draw after the
   * answer does less before the first paint.
   */
  prepare?(stage: Stage, parts: Partial<Chunks>): void;
}

/** Everything the UI needs to draw one flow step, and the one way it answers. */
export interface StepView {
  /** New for every draw (another step, or the same step re-anchored): the UI remounts on it. */
  key: string;
  step: Step;
  index: number;
  total: number;
  /** The resolved element for tooltips and hotspots; null draws the step centered. */
  target: Element | null;
  /** Buttons, the close button and Esc (`{ type: 'dismiss' }`) all answer through here. */
  act(action: ButtonAction): void;
  /** The target left the document (the app re-rendered it): find it again. */
  retarget(): void;
}

/** Where flow steps are drawn: one step at a time. */
export interface Surface {
  show(view: StepView): void;
  hide(): void;
}
