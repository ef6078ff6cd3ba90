import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useWorkspace } from '../workspace-context';
import {
  browserDraftStorage,
  draftKey,
  fingerprint,
  pruneDrafts,
  readDraft,
  removeDraft,
  stableJson,
  writeDraft,
  type DraftKind,
  type StoredDraft,
} from './draft-store';

/** A draft found on opening the editor that differs from the server's version. */
export interface DraftOffer<T> {
  savedAt: number;
  /** The server's version changed after the draft was taken: restoring overwrites that. */
  serverChanged: boolean;
  value: T;
}

export interface LocalDraft<T> {
  /** The working copy differs from the server's version. */
  dirty: boolean;
  offer: DraftOffer<T> | null;
  /** Puts the offered draft into the editor (through `apply`). */
  restore: () => void;
  /** Forgets the offered draft. */
  discard: () => void;
  /** Forgets the draft after a save of `saved`: the server now has it. */
  clear: (saved: T) => void;
}

export interface LocalDraftOptions<T> {
  kind: DraftKind;
  /** The item's id, or "new". */
  id: string;
  /** The working copy (JSON-serializable). */
  value: T;
  /** The server's version, as a working copy. */
  base: T;
  /** Sets the editor's working copy to a restored draft. */
  apply: (value: T) => void;
  /** When two working copies mean the same definition; default: equal JSON (any key order). */
  same?: (a: T, b: T) => boolean;
  /** False for people who cannot edit: no drafts to keep. Default true. */
  enabled?: boolean;
  /** Quiet time before a write, in ms. Default 400. */
  delay?: number;
}

const sameJson = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
let pruned = false;

/** False also when a stored draft no longer has the shape `same` expects (an older build). */
function differs<T>(same: (a: T, b: T) => boolean, stored: T, base: T): boolean {
  try {
    return !same(stored, base);
  } catch {
    return false;
  }
}

/**
 * Keeps an editor's unsaved working copy in this browser's localStorage (never on the server),
 * keyed by workspace, kind and id, written after a pause in editing and when the page hides or
 * the editor closes. Offers a stored draft back when the editor opens; cleared on save/discard.
 */
export function useLocalDraft<T>({
  kind,
  id,
  value,
  base,
  apply,
  same = sameJson,
  enabled = true,
  delay = 400,
}: LocalDraftOptions<T>): LocalDraft<T> {
  const { workspace } = useWorkspace();
  const key = draftKey(workspace.id, kind, id);
  const dirty = !same(value, base);
  const baseMark = fingerprint(base);
  const [offered, setOffered] = useState<StoredDraft<T> | null>(() => {
    const storage = browserDraftStorage();
    if (!enabled || !storage) return null;
    if (!pruned) {
      pruneDrafts(storage, Date.now()); // once per page load is plenty
      pruned = true;
    }
    const stored = readDraft<T>(storage, key, Date.now());
    if (stored && differs(same, stored.value, base)) return stored;
    if (stored) removeDraft(storage, key);
    return null;
  });
  /** The server version the working copy started from (a restored draft keeps its own). */
  const origin = useRef(baseMark);
  useEffect(() => {
    origin.current = baseMark;
  }, [baseMark]);

  // The latest state, for writes that run after a pause or at unmount.
  const latest = useRef({ value, dirty, offered });
  latest.current = { value, dirty, offered };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiting = useRef(false);
  /** The working copy's JSON when it was last saved to the server: nothing to keep until it moves. */
  const settled = useRef<string | null>(null);

  /** Makes storage hold the latest unsaved work: the edits, else an untouched offer, else none. */
  const persist = useCallback(() => {
    clearTimeout(timer.current);
    if (!waiting.current) return;
    waiting.current = false;
    const storage = browserDraftStorage();
    if (!storage) return;
    const now = latest.current;
    if (now.dirty) {
      writeDraft(storage, key, { savedAt: Date.now(), base: origin.current, value: now.value });
    } else if (now.offered) writeDraft(storage, key, now.offered);
    else removeDraft(storage, key);
  }, [key]);

  const text = JSON.stringify(value);
  useEffect(() => {
    if (!enabled || text === settled.current) return;
    settled.current = null;
    waiting.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(persist, delay);
  }, [text, dirty, offered, enabled, delay, persist]);

  // A closing tab or a confirmed leave must not drop the last keystrokes still waiting.
  useEffect(() => {
    const onHide = () => persist();
    const onVisibility = () => document.visibilityState === 'hidden' && persist();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      persist();
    };
  }, [persist]);

  const restore = useCallback(() => {
    const draft = latest.current.offered;
    if (!draft) return;
    origin.current = draft.base;
    apply(draft.value);
    setOffered(null);
  }, [apply]);

  const discard = useCallback(() => {
    const storage = browserDraftStorage();
    if (storage && !latest.current.dirty) removeDraft(storage, key);
    setOffered(null);
  }, [key]);

  const clear = useCallback(
    (saved: T) => {
      clearTimeout(timer.current);
      waiting.current = false;
      // Edits made while the save ran differ from `saved`, so the next change writes them.
      settled.current = JSON.stringify(saved);
      const storage = browserDraftStorage();
      if (storage) removeDraft(storage, key);
      setOffered(null);
    },
    [key],
  );

  const offer =
    offered && enabled
      ? {
          savedAt: offered.savedAt,
          serverChanged: offered.base !== baseMark,
          value: offered.value,
        }
      : null;
  return { dirty, offer, restore, discard, clear };
}
