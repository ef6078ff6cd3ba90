/** The slice of `Storage` the widget uses; injected so tests and private modes can swap it. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const attempt = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

/**
 * `localStorage` when it works, otherwise memory. Access throws in sandboxed iframes and with
 * storage blocked, and `setItem` throws when the quota is full: none of that may reach the host.
 */
export function browserStorage(): KeyValueStorage {
  const store = attempt(() => {
    const local = window.localStorage;
    local.setItem('waymark.probe', '1');
    local.removeItem('waymark.probe');
    return local;
  }, null);
  if (!store) return memoryStorage();
  return {
    getItem: (key) => attempt(() => store.getItem(key), null),
    setItem: (key, value) => attempt(() => store.setItem(key, value), undefined),
    removeItem: (key) => attempt(() => store.removeItem(key), undefined),
  };
}
