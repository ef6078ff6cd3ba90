import type { SurfaceModule } from './surface.port';
import type * as AnchorChunk from '../surfaces/anchor.chunk';
import type * as DialogPart from '../ui/dialog.view';
import type * as TagsChunk from '../surfaces/tags.chunk';
import type * as BuilderChunk from '../surfaces/builder.chunk';
import type * as WhyChunk from './why.explainer';

/**
 * Lazily loaded parts of the widget: one per content kind, the flow's step views (`tooltip`,
 * `dialog`), and the eligibility debugger.
 */
export interface Chunks {
  flow: SurfaceModule;
  banner: SurfaceModule;
  checklist: SurfaceModule;
  survey: SurfaceModule;
  launcher: SurfaceModule;
  /** Tooltips, hotspots and positioning. */
  tooltip: typeof AnchorChunk;
  /** Modals and slideouts. */
  dialog: typeof DialogPart;
  why: typeof WhyChunk;
  /** Feature tags (clicks and page views turned into named events). */
  tags: typeof TagsChunk;
  /** Builder mode: the element picker and draft previews on the customer's app. */
  builder: typeof BuilderChunk;
}
export type ChunkName = keyof Chunks;

const table: { [N in ChunkName]: () => Promise<Chunks[N]> } = {
  flow: () => import('../surfaces/flow.surface'),
  banner: () => import('../surfaces/banner.surface'),
  checklist: () => import('../surfaces/checklist.surface'),
  survey: () => import('../surfaces/survey.surface'),
  launcher: () => import('../surfaces/launcher.surface'),
  tooltip: () => import('../surfaces/anchor.chunk'),
  dialog: () => import('../ui/dialog.view'),
  why: () => import('./why.explainer'),
  tags: () => import('../surfaces/tags.chunk'),
  builder: () => import('../surfaces/builder.chunk'),
};

/**
 * Loads `names` (in parallel) into a record by name. The package build (`@waymark/widget`): the
 * consumer's bundler resolves these imports. The script-tag build swaps this module for
 * `chunk-url.loader.ts` (see build.mjs), which loads the one file holding all of `names`.
 */
export async function loadParts(names: readonly string[]): Promise<Partial<Chunks>> {
  const modules = await Promise.all(names.map((name) => table[name as ChunkName]()));
  return Object.fromEntries(names.map((name, i) => [name, modules[i]]));
}

/** Where chunks are served from; only the script-tag build uses it. */
export function setChunkBase(_url: string): void {}
