// Builds the widget (see README.md):
// - dist/waymark.js: the script-tag bundle (IIFE, minified): the core (API, queue, transport,
//   triggers, scheduler, route watching), with the chunks' names and hash baked in and
//   chunk.loader.ts swapped for chunk-url.loader.ts;
// - dist/s/*.js: the lazily loaded chunks, ES modules loaded by import() from the script: one
//   self-contained file per combination of parts a page loads together (`banner`, `checklist`,
//   `survey`, `launcher`, `flow+tooltip`, `dialog+flow`, `dialog+flow+tooltip`, `why`, `tags`,
//   `builder`), preact and the shared views inlined in each, so a surface is core + one file;
// - dist/manifest.json: `a+b` (part names, sorted) → its file, `s/a-b-<hash>.js`, where <hash>
//   is one hash of all the chunks (waymark.js has it and the names `a-b` baked in);
// - dist/esm/index.js: the package entry (ESM, preact and floating-ui left as imports); its
//   dynamic imports are bundled inline, so consumers need no chunk files.
import { transform } from '@swc/core';
import { analyzeMetafile, build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (file) => path.join(root, 'src', file);

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  // `source` resolves @waymark/shared to its TypeScript; the widget imports types and pure
  // helpers only (sideEffects: false drops every schema; size.mjs checks no zod got in).
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  target: ['chrome100', 'safari15', 'firefox100', 'edge100'],
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Internal property names shortened in the script-tag build (`mangleProps`): names of our own
 * objects only (runtime, contexts, hooks), never of JSON the server sends or receives, DOM or
 * public API, nor of a chunk's exports. One `mangleCache` runs through every build, so the core
 * and the chunks agree on each name (they pass these objects to each other).
 */
const MANGLED = [
  ...['progressQueue', 'pendingProgress', 'scheduler', 'identity', 'runtime', 'states'],
  ...['enqueue', 'emit', 'announce', 'centerWhenMissing', 'findNow', 'matchUrl', 'waitFor'],
  ...['retarget', 'titleId', 'contentState', 'targetWaitMs', 'onContent', 'onRoute', 'onTrack'],
  ...['setContent', 'flushWithBeacon', 'seed', 'identityExtras', 'onEventsContent', 'expose'],
  ...['stage', 'verbose', 'saved', 'perform', 'record', 'surface', 'setUserId', 'storageKey'],
  ...['beacon', 'placed', 'lost', 'storage', 'queue', 'run', 'outcome', 'res', 'response'],
  ...['holdout', 'post', 'extras', 'pause', 'flush', 'seen', 'pending'],
];
let mangleCache = {};
/** `build` with the mangled names, keeping one mangleCache across the builds (in sequence). */
const mangled = async (options) => {
  const result = await build({
    ...options,
    mangleProps: new RegExp(`^(${MANGLED.join('|')})$`),
    mangleCache,
  });
  mangleCache = result.mangleCache;
  return result;
};
const chunkOptions = {
  ...common,
  outdir: 'dist/s',
  format: 'esm',
  platform: 'browser',
  minify: true,
  entryNames: '[name]',
  sourcemap: 'linked',
  metafile: true,
};

/**
 * What a page loads to show one item, by the parts `chunksFor` names (core/chunk.plan.ts), each
 * built as ONE self-contained file (preact and the shared views inlined): a surface's path is
 * then core + one file, which gzips better than shared chunks split across files. Surfaces that
 * appear together download preact twice; the budget is per surface. Each file exports its parts
 * as namespaces (`export * as flow from …`), the record `mount(ctx, parts)` receives.
 */
const parts = {
  flow: 'surfaces/flow.surface.tsx',
  tooltip: 'surfaces/anchor.chunk.ts',
  dialog: 'ui/dialog.view.tsx',
  banner: 'surfaces/banner.surface.tsx',
  checklist: 'surfaces/checklist.surface.tsx',
  survey: 'surfaces/survey.surface.tsx',
  launcher: 'surfaces/launcher.surface.tsx',
  why: 'core/why.explainer.ts',
  // Feature tags and builder mode load on pages that may show no surface at all.
  tags: 'surfaces/tags.chunk.ts',
  builder: 'surfaces/builder.chunk.ts',
};
/** The combinations of parts loaded together (a flow loads its step views with it). */
const bundles = [
  ['flow', 'tooltip'],
  ['dialog', 'flow'],
  ['dialog', 'flow', 'tooltip'],
  ...['banner', 'checklist', 'survey', 'launcher', 'why', 'tags', 'builder'].map((p) => [p]),
];

rmSync(path.join(root, 'dist'), { recursive: true, force: true });

/** Builds a bundle's entry from its part names (core/chunk-url.loader.ts keys them alike). */
const partsEntry = (names) => ({
  name: 'parts-entry',
  setup(b) {
    b.onResolve({ filter: /^parts:/ }, (args) => ({ path: args.path, namespace: 'parts' }));
    b.onLoad({ filter: /.*/, namespace: 'parts' }, () => ({
      contents: names
        .map((n) => `export * as ${n} from ${JSON.stringify(src(parts[n]))};`)
        .join('\n'),
      resolveDir: path.join(root, 'src'),
      loader: 'ts',
    }));
  },
});

const built = {};
/** `ANALYZE=1 npm run build` prints what each chunk is made of (minified, before gzip and swc). */
const analyze = async (result) => {
  if (process.env.ANALYZE) console.log(await analyzeMetafile(result.metafile));
};
const outputOf = (result) =>
  Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'));

for (const names of bundles) {
  const result = await mangled({
    ...chunkOptions,
    entryPoints: { [names.join('-')]: `parts:${names.join('+')}` },
    plugins: [partsEntry(names)],
  });
  await analyze(result);
  built[names.join('+')] = path.relative('dist', outputOf(result)[0]);
}
await Promise.all(Object.values(built).map(polish));

/**
 * One hash of every chunk, in each chunk's name (`s/flow-tooltip-<hash>.js`): a core cached
 * from an older build (the mangled names differ between builds) never loads a newer chunk, and
 * the core names every chunk from its parts and this one hash (with the list of names baked in,
 * 148 B min+gzip less than a table of files each with its own hash).
 */
const chunkHash = createHash('sha256');
for (const file of Object.values(built).sort())
  chunkHash.update(readFileSync(path.join(root, 'dist', file)));
const hash = chunkHash.digest('hex').slice(0, 10);
const manifest = {};
for (const [key, file] of Object.entries(built)) {
  manifest[key] = file.replace(/\.js$/, `-${hash}.js`);
  for (const ext of ['', '.map']) {
    renameSync(path.join(root, 'dist', file + ext), path.join(root, 'dist', manifest[key] + ext));
  }
}
writeFileSync(path.join(root, 'dist/manifest.json'), JSON.stringify(manifest, null, 2));

/**
 * A second minification with swc (compress passes, top-level mangling), which makes these
 * chunks about 4 % smaller than esbuild alone; the source map is chained.
 */
async function polish(file) {
  const done = polish.done ?? (polish.done = new Set());
  if (done.has(file)) return;
  done.add(file);
  const full = path.join(root, 'dist', file);
  const code = readFileSync(full, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const out = await transform(code, {
    filename: path.basename(file),
    isModule: !file.endsWith('waymark.js'),
    minify: true,
    sourceMaps: true,
    inputSourceMap: readFileSync(`${full}.map`, 'utf8'),
    jsc: {
      target: 'es2022',
      parser: { syntax: 'ecmascript' },
      minify: { compress: { passes: 3, toplevel: true }, mangle: { toplevel: true } },
    },
  });
  // No `//# sourceMappingURL=` comment (≈ 50 B min+gzip a file): the server names the map in a
  // `SourceMap` header (server/src/static/register-static.ts).
  // A surface chunk is loaded to draw, which calls nearly all of it: Chrome's explicit compile
  // hint has V8 compile every function when the file loads (before the answer, when preloaded)
  // instead of on each first call in the answer's task (≈ 20 B min+gzip). The core is left
  // lazy: hinting it too (≈ 22 B) made no difference measured. The map skips the added line.
  const hint = /^s\/[^/]*(flow|banner|checklist|survey|launcher)/.test(file);
  writeFileSync(full, `${hint ? '//# allFunctionsCalledOnLoad\n' : ''}${out.code}\n`);
  const map = out.map ?? '';
  writeFileSync(`${full}.map`, hint ? map.replace('"mappings":"', '"mappings":";') : map);
}

/** Swaps the package loader for the URL loader in the script-tag build. */
const urlLoader = {
  name: 'url-loader',
  setup(b) {
    b.onResolve({ filter: /\/chunk\.loader$/ }, () => ({ path: src('core/chunk-url.loader.ts') }));
  },
};

await Promise.all([
  mangled({
    ...common,
    entryPoints: ['src/bundle.ts'],
    metafile: true,
    outfile: 'dist/waymark.js',
    format: 'iife',
    platform: 'browser',
    minify: true,
    sourcemap: 'linked',
    define: {
      __WAYMARK_CHUNK_HASH__: JSON.stringify(hash),
      __WAYMARK_CHUNK_NAMES__: JSON.stringify(bundles.map((names) => names.join('-'))),
    },
    plugins: [urlLoader],
  })
    .then(analyze)
    .then(() => polish('waymark.js')),
  build({
    ...common,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/esm/index.js',
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['preact', 'preact/*', '@floating-ui/core', '@floating-ui/dom'],
    sourcemap: 'linked',
  }),
]);
