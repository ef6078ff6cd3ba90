import type { Chunks } from './chunk.loader';

/** Parts joined by `+`, sorted → the one file that holds them all, relative to `dist/` (build.mjs). */
declare const __WAYMARK_CHUNKS__: Record<string, string>;

/** `…/sdk/waymark.js` → `…/sdk/`: chunks sit beside the script that loaded us. */
let base = (document.currentScript as HTMLScriptElement | null)?.src.replace(/[^/]*$/, '') ?? '';
const loaded = new Map<string, Promise<Partial<Chunks>>>();

/**
 * The script-tag build: each combination of parts a page loads together (a kind, or a flow with
 * its step views) is one self-contained ES module under `/sdk/s/`, loaded with `import()` from
 * this classic script and exporting its parts by name. A second call reuses the first request; a
 * failed load may be retried later (flaky network).
 */
export function loadParts(names: readonly string[]): Promise<Partial<Chunks>> {
  const file = __WAYMARK_CHUNKS__[[...names].sort().join('+')];
  if (!file) return Promise.reject(new Error(`no chunk ${names.join('+')}`));
  let module = loaded.get(file);
  if (!module) {
    module = import(base + file) as Promise<Partial<Chunks>>;
    loaded.set(file, module);
    module.catch(() => loaded.delete(file));
  }
  return module;
}

/** Used when the script was not loaded by a `<script src>` (no `currentScript`). */
export function setChunkBase(url: string): void {
  if (!base) base = url;
}
