import type { SessionRequest } from '@waymark/shared';
import type { StoredAssignment } from '../experiments/assignments.service';
import type { ProgressState } from './decision.engine';
import type { Assembled } from './session.answer';
import type { TraitsNote } from './traits.saver';
import type { WorkspaceConfig } from './workspace-config';

/** Requests remembered per instance, over all workspaces (two generations of half each). */
const REMEMBERED = 20_000;
/** Longer request bodies are not remembered (a widget's session request is a few hundred bytes). */
const MAX_KEY_CHARS = 2 * 1024;

/** One session answer and everything it was decided on besides the request itself. */
export interface MemoEntry {
  workspaceId: string;
  /** The request as parsed, for what runs on every session (identity check, traits' note). */
  body: SessionRequest;
  traits: TraitsNote | null;
  /** The configuration it was decided under (its generation: a change is a new one). */
  generation: number;
  /** The progress cache's keys for the user's keys (`userKeysOf`). */
  progressKeys: string[];
  /** Each user key's progress rows, as the progress cache held them (compared by identity). */
  progress: ProgressState[][];
  /**
   * When an experiment took part: the assignment cache's keys for the user's keys (under
   * `generation`) and each one's stored assignments; else null.
   */
  assignments: { keys: string[]; lists: StoredAssignment[][] } | null;
  /** The first instant (ms) a schedule or frequency boundary may decide otherwise. */
  until: number;
  answer: Assembled;
}

/**
 * Whether the answer depends on nothing but the request, the configuration, progress,
 * assignments and the clock's schedule boundaries: no audience reads stored events, goals,
 * journeys, segments, companies or the time (`requestDecides`), and the request carries every
 * trait an audience reads (else stored traits are read).
 */
export function decidedByRequest(body: SessionRequest, config: WorkspaceConfig): boolean {
  if (!config.requestDecides) return false;
  for (const key of config.traitKeys) if (!(key in body.traits)) return false;
  return true;
}

/**
 * The memo key of a request body: its exact text (null when too long). The workspace is not part
 * of it — building and hashing a longer string on every session costs more than comparing
 * `MemoEntry.workspaceId` on a hit; two workspaces sending the very same text (random anonymous
 * ids included) would only take turns.
 */
export const memoKeyOf = (text: string): string | null =>
  text.length > MAX_KEY_CHARS ? null : text;

/** Whether each list is the very one remembered (cache entries are replaced, never mutated). */
export function sameLists<T>(remembered: T[][], now: T[][]): boolean {
  if (remembered.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (remembered[i] !== now[i]) return false;
  return true;
}

/**
 * Session answers by workspace and request body text (`memoKeyOf`): a widget sends the same request on every
 * page load, and while the configuration, the user's progress and assignments and the clock's
 * schedule boundaries are the same, so is the answer — neither the body's parse nor the
 * decision nor its assembly is redone. The caller checks an entry against the current state
 * (`SdkService.fromMemo`); nothing here is trusted on its own. Bounded by two generations, like
 * the progress cache.
 */
export class SessionMemo {
  private young = new Map<string, MemoEntry>();
  private old = new Map<string, MemoEntry>();

  constructor(private readonly capacity = REMEMBERED) {}

  get(key: string, workspaceId: string): MemoEntry | undefined {
    let hit = this.young.get(key);
    if (!hit) {
      hit = this.old.get(key);
      if (hit) {
        this.old.delete(key);
        this.set(key, hit);
      }
    }
    return hit?.workspaceId === workspaceId ? hit : undefined;
  }

  set(key: string, entry: MemoEntry): void {
    this.young.set(key, entry);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
