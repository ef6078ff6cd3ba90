import type { ChunkName, Chunks } from './chunk.loader';

/** Chunk name → its file and the files it imports statically, relative to `dist/` (build.mjs). */
declare const __WAYMARK_CHUNKS__: Record<string, string[]>;

/** `…/sdk/waymark.js` → `…/sdk/`: chunks sit beside the script that loaded us. */
let base = (document.currentScript as HTMLScriptElement | null)?.src.replace(/[^/]*$/, '') ?? '';
const loaded = new Map<string, Promise<unknown>>();

const fetchModule = (file: string): Promise<unknown> => {
  let module = loaded.get(file);
  if (!module) {
    module = import(base + file);
    loaded.set(file, module);
    // A failed load may be retried later (flaky network).
    module.catch(() => loaded.delete(file));
  }
  return module;
};

/**
 * The script-tag build: chunks are ES modules under `/sdk/s/`, loaded with `import()` from this
 * classic script. All files of a chunk are requested at once, so there is no import waterfall;
 * a second call reuses the first request.
 */
export function loadChunk<N extends ChunkName>(name: N): Promise<Chunks[N]> {
  const [entry, ...deps] = __WAYMARK_CHUNKS__[name] ?? [];
  if (!entry) return Promise.reject(new Error(`no chunk ${name}`));
  for (const dep of deps) void fetchModule(dep).catch(() => {});
  return fetchModule(entry) as Promise<Chunks[N]>;
}

/** Used when the script was not loaded by a `<script src>` (no `currentScript`). */
export function setChunkBase(url: string): void {
  if (!base) base = url;
}
