/**
 * Unsaved working copies of live definitions (segments, goals, journeys, feature tags), kept in
 * this browser only. Saving one of those changes who matches at once, so their drafts must not
 * go to the server; they go to localStorage so a crashed or closed tab loses nothing.
 *
 * Pure over a `Storage`-like object so tests need no DOM; every storage error is swallowed
 * (private windows, a full quota, storage disabled): a draft is a safety net, never a failure.
 */

/** The part of `Storage` the store uses. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** What the editors keep drafts of; part of the key. */
export type DraftKind = 'segment' | 'goal' | 'journey' | 'feature-tag';

export interface StoredDraft<T> {
  /** When the draft was last written (ms since the epoch). */
  savedAt: number;
  /** Fingerprint of the server's version the draft started from: tells whether it moved since. */
  base: string;
  value: T;
}

/** Drafts older than this are dropped on sight: nobody remembers what they were about. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const PREFIX = 'waymark.draft:';

/** One key per workspace, kind and item; "new" for one not created yet. */
export const draftKey = (workspaceId: string, kind: DraftKind, id: string): string =>
  `${PREFIX}${workspaceId}:${kind}:${id}`;

/** The item ids that have a draft of `kind` in the workspace (expired ones included). */
export function draftIds(storage: DraftStorage, workspaceId: string, kind: DraftKind): string[] {
  const start = draftKey(workspaceId, kind, '');
  const ids: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(start)) ids.push(key.slice(start.length));
    }
  } catch {
    // Storage unavailable: no drafts.
  }
  return ids;
}

/**
 * The id among `ids` (items that still exist, and "new") whose draft was written last, for a
 * page that opens that editor again; null when none has a live draft.
 */
export function newestDraftId(
  storage: DraftStorage,
  workspaceId: string,
  kind: DraftKind,
  ids: readonly string[],
  now: number,
): string | null {
  let newest: { id: string; at: number } | null = null;
  for (const id of draftIds(storage, workspaceId, kind)) {
    if (id !== 'new' && !ids.includes(id)) continue;
    const draft = readDraft(storage, draftKey(workspaceId, kind, id), now);
    if (draft && (!newest || draft.savedAt > newest.at)) newest = { id, at: draft.savedAt };
  }
  return newest?.id ?? null;
}

const isDraft = (data: unknown): data is StoredDraft<unknown> =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as StoredDraft<unknown>).savedAt === 'number' &&
  typeof (data as StoredDraft<unknown>).base === 'string' &&
  'value' in data;

/**
 * The draft under `key`, or null when there is none, it cannot be read, or it is older than
 * 30 days (then it is removed). The value's shape is the caller's: it wrote it.
 */
export function readDraft<T>(
  storage: DraftStorage,
  key: string,
  now: number,
): StoredDraft<T> | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const data: unknown = JSON.parse(raw);
    if (!isDraft(data) || now - data.savedAt > DRAFT_MAX_AGE_MS) {
      storage.removeItem(key);
      return null;
    }
    return data as StoredDraft<T>;
  } catch {
    return null;
  }
}

/** Stores a draft; false when the browser refused (quota, disabled storage). Never throws. */
export function writeDraft<T>(storage: DraftStorage, key: string, draft: StoredDraft<T>): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the draft just stays until it expires.
  }
}

/** Removes every expired or unreadable draft (of any workspace); returns how many went. */
export function pruneDrafts(storage: DraftStorage, now: number): number {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    return 0;
  }
  return keys.filter((key) => readDraft(storage, key, now) === null).length;
}

/**
 * JSON with object keys sorted, so equal values compare equal: PostgreSQL's jsonb hands rules
 * back with their keys in its own order, not in the order the editor built them.
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? ''
  );
}

/**
 * A short fingerprint of a JSON value (FNV-1a over its stable JSON): enough to notice that the
 * server's version changed, without storing a second copy of it.
 */
export function fingerprint(value: unknown): string {
  const text = stableJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

/** The browser's localStorage, or null where touching it throws (some privacy settings). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
