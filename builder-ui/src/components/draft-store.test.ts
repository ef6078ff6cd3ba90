import { draftAge } from './draft-notice';
import {
  DRAFT_MAX_AGE_MS,
  draftIds,
  draftKey,
  fingerprint,
  newestDraftId,
  pruneDrafts,
  readDraft,
  removeDraft,
  stableJson,
  writeDraft,
  type DraftStorage,
  type StoredDraft,
} from './draft-store';

/** An in-memory Storage; `full` makes writes fail like a browser over its quota. */
function memoryStorage(options: { full?: boolean; broken?: boolean } = {}) {
  const items = new Map<string, string>();
  const fail = (what: string) => {
    throw new DOMException(`${what} failed`, 'QuotaExceededError');
  };
  const storage: DraftStorage = {
    get length() {
      if (options.broken) fail('length');
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => (options.broken ? fail('getItem') : (items.get(key) ?? null)),
    setItem: (key, value) => {
      if (options.full || options.broken) fail('setItem');
      items.set(key, value);
    },
    removeItem: (key) => (options.broken ? fail('removeItem') : void items.delete(key)),
  };
  return { storage, items };
}

const NOW = Date.parse('2026-11-22T12:00:00Z');
const draft = (overrides: Partial<StoredDraft<{ name: string }>> = {}) => ({
  savedAt: NOW - 60_000,
  base: 'b1',
  value: { name: 'Active inviters' },
  ...overrides,
});

describe('draftKey', () => {
  it('keeps workspaces, kinds and items apart', () => {
    const keys = new Set([
      draftKey('w1', 'segment', 's1'),
      draftKey('w2', 'segment', 's1'),
      draftKey('w1', 'goal', 's1'),
      draftKey('w1', 'segment', 'new'),
    ]);
    expect(keys.size).toBe(4);
  });

  it('lists the ids with drafts of one kind in one workspace only', () => {
    const { storage } = memoryStorage();
    writeDraft(storage, draftKey('w1', 'feature-tag', 't1'), draft());
    writeDraft(storage, draftKey('w1', 'feature-tag', 'new'), draft());
    writeDraft(storage, draftKey('w1', 'goal', 'g1'), draft());
    writeDraft(storage, draftKey('w2', 'feature-tag', 't9'), draft());
    expect(draftIds(storage, 'w1', 'feature-tag').sort()).toEqual(['new', 't1']);
  });
});

describe('readDraft / writeDraft', () => {
  it('reads back what was written', () => {
    const { storage } = memoryStorage();
    const key = draftKey('w1', 'segment', 's1');
    expect(writeDraft(storage, key, draft())).toBe(true);
    expect(readDraft(storage, key, NOW)).toEqual(draft());
  });

  it('drops a draft older than 30 days, and keeps one just younger', () => {
    const { storage, items } = memoryStorage();
    const old = draftKey('w1', 'segment', 'old');
    const young = draftKey('w1', 'segment', 'young');
    writeDraft(storage, old, draft({ savedAt: NOW - DRAFT_MAX_AGE_MS - 1 }));
    writeDraft(storage, young, draft({ savedAt: NOW - DRAFT_MAX_AGE_MS + 1000 }));
    expect(readDraft(storage, old, NOW)).toBeNull();
    expect(items.has(old)).toBe(false);
    expect(readDraft(storage, young, NOW)?.value).toEqual({ name: 'Active inviters' });
  });

  it('treats unreadable entries as no draft and removes them', () => {
    const { storage, items } = memoryStorage();
    items.set('waymark.draft:w1:goal:a', '{not json');
    items.set('waymark.draft:w1:goal:b', JSON.stringify({ value: 1 }));
    expect(readDraft(storage, 'waymark.draft:w1:goal:a', NOW)).toBeNull();
    expect(readDraft(storage, 'waymark.draft:w1:goal:b', NOW)).toBeNull();
    expect(items.has('waymark.draft:w1:goal:b')).toBe(false);
  });

  it('swallows a full quota: the write reports false and nothing throws', () => {
    const { storage } = memoryStorage({ full: true });
    const key = draftKey('w1', 'journey', 'j1');
    expect(writeDraft(storage, key, draft())).toBe(false);
    expect(readDraft(storage, key, NOW)).toBeNull();
  });

  it('swallows storage that throws on every call', () => {
    const { storage } = memoryStorage({ broken: true });
    const key = draftKey('w1', 'journey', 'j1');
    expect(() => removeDraft(storage, key)).not.toThrow();
    expect(readDraft(storage, key, NOW)).toBeNull();
    expect(draftIds(storage, 'w1', 'journey')).toEqual([]);
    expect(pruneDrafts(storage, NOW)).toBe(0);
  });
});

describe('pruneDrafts', () => {
  it('removes expired drafts of every workspace and leaves other keys alone', () => {
    const { storage, items } = memoryStorage();
    writeDraft(
      storage,
      draftKey('w1', 'goal', 'g1'),
      draft({ savedAt: NOW - DRAFT_MAX_AGE_MS - 1 }),
    );
    writeDraft(storage, draftKey('w2', 'goal', 'g2'), draft({ savedAt: NOW - 40 * 86_400_000 }));
    writeDraft(storage, draftKey('w1', 'goal', 'g3'), draft());
    items.set('someone-else', 'x');
    expect(pruneDrafts(storage, NOW)).toBe(2);
    expect([...items.keys()].sort()).toEqual(['someone-else', draftKey('w1', 'goal', 'g3')]);
  });
});

describe('newestDraftId', () => {
  it('picks the newest draft among existing items and "new", ignoring deleted items', () => {
    const { storage } = memoryStorage();
    const key = (id: string) => draftKey('w1', 'feature-tag', id);
    writeDraft(storage, key('t1'), draft({ savedAt: NOW - 5000 }));
    writeDraft(storage, key('gone'), draft({ savedAt: NOW - 10 }));
    writeDraft(storage, key('new'), draft({ savedAt: NOW - 1000 }));
    expect(newestDraftId(storage, 'w1', 'feature-tag', ['t1', 't2'], NOW)).toBe('new');
    removeDraft(storage, key('new'));
    expect(newestDraftId(storage, 'w1', 'feature-tag', ['t1', 't2'], NOW)).toBe('t1');
    expect(newestDraftId(storage, 'w2', 'feature-tag', ['t1'], NOW)).toBeNull();
  });
});

describe('stableJson', () => {
  it('ignores key order (jsonb reorders keys) but not array order, and drops undefined', () => {
    const built = { all: [{ type: 'trait', key: 'plan', op: 'eq', value: 'pro' }], x: undefined };
    const stored = { all: [{ op: 'eq', key: 'plan', type: 'trait', value: 'pro' }] };
    expect(stableJson(built)).toBe(stableJson(stored));
    expect(stableJson({ list: [1, 2] })).not.toBe(stableJson({ list: [2, 1] }));
  });
});

describe('fingerprint', () => {
  it('is equal for equal JSON and differs when the server version changes', () => {
    const a = { name: 'Pro', rule: { all: [{ trait: 'plan', op: 'eq', value: 'pro' }] } };
    expect(fingerprint(a)).toBe(fingerprint(JSON.parse(JSON.stringify(a))));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, name: 'Pro users' }));
    expect(fingerprint({ name: 'ab' })).not.toBe(fingerprint({ name: 'ba' }));
  });
});

describe('draftAge', () => {
  it('says how long ago, in words', () => {
    const now = new Date(NOW);
    expect(draftAge(NOW - 5 * 60_000, now)).toBe('Unsaved changes from 5 minutes ago');
    expect(draftAge(NOW - 10_000, now)).toBe('Unsaved changes from a moment ago');
    expect(draftAge(NOW - 86_400_000, now)).toBe('Unsaved changes from yesterday');
  });
});
