type Method = (...args: unknown[]) => void;

/**
 * The bundle's start-up: replaces `window.waymark` (the snippet's stub, or nothing) with a real
 * instance and replays the stub's `[method, ...args]` calls onto it, in order. Entries that name
 * no method of the instance are skipped (an older snippet may queue methods this build lacks).
 * A second copy of the bundle leaves the first instance alone.
 */
export function installGlobal(win: { waymark?: unknown }, create: () => object): void {
  const stub = win.waymark;
  if (stub !== undefined && !Array.isArray(stub)) return;
  const instance = create() as Record<string, unknown>;
  win.waymark = instance;
  for (const call of (stub ?? []) as unknown[]) {
    const [method, ...args] = Array.isArray(call) ? (call as unknown[]) : [];
    const fn = typeof method === 'string' && method !== 'constructor' && instance[method];
    if (typeof fn === 'function') (fn as Method).apply(instance, args);
  }
}
