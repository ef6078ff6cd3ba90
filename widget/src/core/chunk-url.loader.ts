import type { Chunks } from './chunk.loader';

/** One hash of all the chunks of this build, in every chunk's file name (build.mjs). */
declare const __WAYMARK_CHUNK_HASH__: string;
/** The chunks build.mjs builds: their parts, sorted, joined by `-`. */
declare const __WAYMARK_CHUNK_NAMES__: readonly string[];

/** `…/sdk/waymark.js` → `…/sdk/`: chunks sit beside the script that loaded us. */
let base = (document.currentScript as HTMLScriptElement | null)?.src.replace(/[^/]*$/, '') ?? '';
const loaded = new Map<string, Promise<Partial<Chunks>>>();

/**
 * The script-tag build: each combination of parts a page loads together (a kind, or a flow with
 * its step views) is one self-contained ES module, `/sdk/s/<parts sorted, joined by ->-<hash>.js`,
 * loaded with `import()` from this classic script and exporting its parts by name. A second call
 * reuses the first request; a failed load (flaky network) may be retried later. A combination
 * build.mjs does not build (an unknown kind, a flow without steps) is refused without a request.
 */
export function loadParts(names: readonly string[]): Promise<Partial<Chunks>> {
  const key = [...names].sort().join('-');
  if (!__WAYMARK_CHUNK_NAMES__.includes(key)) return Promise.reject(new Error(`no chunk ${key}`));
  const file = `s/${key}-${__WAYMARK_CHUNK_HASH__}.js`;
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
