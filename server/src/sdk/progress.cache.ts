/** Trusted this long while invalidation is live (a safety net only)… */
const MAX_AGE_MS = 5 * 60_000;
/** …and this long while it is not, since a write on another instance may be missed. */
const DEAF_MAX_AGE_MS = 1000;

interface Entry<V> {
  promise: Promise<V>;
  value: V | undefined;
  at: number;
}

/**
 * Rows per key in memory (the SDK path's per-user progress: key `<workspace id> <user key>`,
 * the payload of NOTIFY `waymark_progress`), read through a loader that takes every missing key
 * at once. `invalidate` drops a key, a load under way included: whoever asked before the change
 * may get the old rows, whoever asks after gets a fresh load. Bounded by two generations: when
 * the young one holds half the capacity it becomes the old one and the old one is dropped; a hit
 * in the old one moves to the young one (no per-entry bookkeeping, O(1) eviction).
 */
export class KeyedCache<V> {
  private young = new Map<string, Entry<V>>();
  private old = new Map<string, Entry<V>>();
  private live = false;

  constructor(
    private readonly capacity: number,
    private readonly load: (keys: string[]) => Promise<Map<string, V>>,
    private readonly empty: V,
  ) {}

  /** Values in the order of `keys`; one load for the keys not in memory. */
  getMany(keys: string[]): V[] | Promise<V[]> {
    const now = Date.now();
    const maxAge = this.live ? MAX_AGE_MS : DEAF_MAX_AGE_MS;
    const out: Array<V | Promise<V>> = [];
    let missing: string[] | null = null;
    let pending = false;
    for (const key of keys) {
      const entry = this.lookup(key);
      if (entry && now - entry.at < maxAge) {
        if (entry.value !== undefined) out.push(entry.value);
        else {
          out.push(entry.promise);
          pending = true;
        }
      } else {
        (missing ??= []).push(key);
        out.push(this.empty); // replaced below
      }
    }
    if (missing) {
      const batch = this.load(missing);
      missing.forEach((key) => {
        const entry: Entry<V> = {
          promise: batch.then((found) => found.get(key) ?? this.empty),
          value: undefined,
          at: now,
        };
        entry.promise.then(
          (value) => {
            if (this.young.get(key) === entry || this.old.get(key) === entry) entry.value = value;
          },
          () => {
            if (this.young.get(key) === entry) this.young.delete(key);
            if (this.old.get(key) === entry) this.old.delete(key);
          },
        );
        this.set(key, entry);
        out[keys.indexOf(key)] = entry.promise;
      });
      pending = true;
    }
    return pending ? Promise.all(out) : (out as V[]);
  }

  invalidate(key: string): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  /** Whether cross-instance invalidation is live; turning live drops everything. */
  setLive(live: boolean): void {
    if (live) this.clear();
    this.live = live;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  private lookup(key: string): Entry<V> | undefined {
    const hit = this.young.get(key);
    if (hit) return hit;
    const aged = this.old.get(key);
    if (aged) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  private set(key: string, entry: Entry<V>): void {
    this.old.delete(key);
    this.young.set(key, entry);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
