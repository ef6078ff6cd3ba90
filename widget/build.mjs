// Builds the widget (see README.md):
// - dist/waymark.js: the script-tag bundle (IIFE, minified): the core (API, queue, transport,
//   triggers, scheduler, route watching), with the chunk manifest baked in and chunk.loader.ts
//   swapped for chunk-url.loader.ts;
// - dist/s/*.js: the lazily loaded chunks, ES modules loaded by import() from the script:
//   `common` (preact and the views every surface shares), `anchor` (floating-ui, tooltips) and
//   one per content kind or flow part. Each is built on its own with `common` and `anchor`
//   left as imports of their files, so a page fetches exactly core + common (+ anchor) + kind;
// - dist/manifest.json: chunk name → the files it needs (also baked into waymark.js);
// - dist/esm/index.js: the package entry (ESM, preact and floating-ui left as imports); its
//   dynamic imports are bundled inline, so consumers need no chunk files.
import { transform } from '@swc/core';
import { analyzeMetafile, build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const chunkOptions = {
  ...common,
  outdir: 'dist/s',
  format: 'esm',
  platform: 'browser',
  minify: true,
  entryNames: '[name]-[hash]',
  sourcemap: 'linked',
  metafile: true,
};

/** Modules that live in a shared chunk: imports of them elsewhere become imports of its file. */
const sharedChunks = [
  {
    name: 'common',
    entry: 'surfaces/common.chunk.ts',
    modules: [
      'preact',
      'preact/jsx-runtime',
      'ui/stage.ts',
      'ui/blocks.view.tsx',
      'ui/focus.ts',
      'ui/i18n.ts',
      'dom/element.finder.ts',
      'dom/element.waiter.ts',
    ],
  },
  {
    name: 'anchor',
    entry: 'surfaces/anchor.chunk.ts',
    modules: [
      'ui/tooltip.view.tsx',
      'ui/hotspot.view.tsx',
      'dom/floating.positioner.ts',
      '@floating-ui/dom',
    ],
  },
];

/** Chunks built from one entry each, by the name chunk.loader.ts gives them. */
const entries = {
  flow: 'surfaces/flow.surface.tsx',
  dialog: 'ui/dialog.view.tsx',
  banner: 'surfaces/banner.surface.tsx',
  checklist: 'surfaces/checklist.surface.tsx',
  survey: 'surfaces/survey.surface.tsx',
  launcher: 'surfaces/launcher.surface.tsx',
  why: 'core/why.explainer.ts',
};

/**
 * Chunks built without the shared chunks (what they need is bundled in), because they load on
 * pages that may show no surface at all: they must not pull in preact. `tags`: feature tags;
 * `builder`: the element picker and draft previews (only when the builder opened the page).
 */
const standalone = {
  tags: 'surfaces/tags.chunk.ts',
  builder: 'surfaces/builder.chunk.ts',
};

rmSync(path.join(root, 'dist'), { recursive: true, force: true });

/** Rewrites imports of modules that belong to an already built shared chunk into its file. */
function useChunks(built) {
  return {
    name: 'use-shared-chunks',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.kind === 'entry-point') return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'inner',
        });
        const owner = built.find(
          (chunk) => chunk.paths.has(resolved.path) || chunk.paths.has(args.path),
        );
        return owner ? { path: `./${owner.file}`, external: true } : undefined;
      });
    },
  };
}

const manifest = {};
/** `ANALYZE=1 npm run build` prints what each chunk is made of (minified, before gzip and swc). */
const analyze = async (result) => {
  if (process.env.ANALYZE) console.log(await analyzeMetafile(result.metafile));
};
const outputOf = (result) =>
  Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'));
/** Files of built shared chunks this output imports (its own first). */
const filesOf = (file, output) => [
  ...new Set([
    path.relative('dist', file),
    ...output.imports
      .filter((i) => i.external && i.path.startsWith('./'))
      .map((i) => `s/${i.path.slice(2)}`),
  ]),
];

const built = [];
for (const chunk of sharedChunks) {
  const result = await build({
    ...chunkOptions,
    entryPoints: { [chunk.name]: src(chunk.entry) },
    plugins: [useChunks(built)],
  });
  await analyze(result);
  const [file, output] = outputOf(result);
  const paths = new Set(chunk.modules.map((m) => (m.includes('.') ? src(m) : m)));
  // Bare specifiers (preact) match by name; files by their resolved path.
  for (const m of chunk.modules) if (!m.includes('.')) paths.add((await resolveBare(m)) ?? m);
  built.push({ name: chunk.name, file: path.basename(file), paths });
  manifest[chunk.name] = filesOf(file, output);
}
// Tooltips and hotspots come with the anchor chunk.
manifest.tooltip = manifest.hotspot = manifest.anchor;

for (const [name, entry] of [...Object.entries(entries), ...Object.entries(standalone)]) {
  const result = await build({
    ...chunkOptions,
    entryPoints: { [name]: src(entry) },
    plugins: name in standalone ? [] : [useChunks(built)],
  });
  await analyze(result);
  const [file, output] = outputOf(result);
  const files = filesOf(file, output);
  // A chunk needs the shared chunks it imports, and what those import.
  const deps = files.slice(1).flatMap((f) => manifest[built.find((c) => `s/${c.file}` === f).name]);
  manifest[name] = [...new Set([...files, ...deps])];
}
delete manifest.common;
delete manifest.anchor;
await Promise.all(Object.values(manifest).flat().map(polish));
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
      minify: { compress: { passes: 2, toplevel: true }, mangle: { toplevel: true } },
    },
  });
  writeFileSync(full, `${out.code}\n//# sourceMappingURL=${path.basename(file)}.map\n`);
  writeFileSync(`${full}.map`, out.map ?? '');
}

async function resolveBare(specifier) {
  let found;
  await build({
    ...common,
    write: false,
    stdin: { contents: `import ${JSON.stringify(specifier)}`, resolveDir: root },
    plugins: [
      {
        name: 'probe',
        setup(b) {
          b.onResolve({ filter: /.*/ }, async (args) => {
            if (args.pluginData === 'inner') return undefined;
            const r = await b.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: 'inner',
            });
            found = r.path;
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return found;
}

/** Swaps the package loader for the URL loader in the script-tag build. */
const urlLoader = {
  name: 'url-loader',
  setup(b) {
    b.onResolve({ filter: /\/chunk\.loader$/ }, () => ({ path: src('core/chunk-url.loader.ts') }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/bundle.ts'],
    metafile: true,
    outfile: 'dist/waymark.js',
    format: 'iife',
    platform: 'browser',
    minify: true,
    sourcemap: 'linked',
    define: { __WAYMARK_CHUNKS__: JSON.stringify(manifest) },
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
    external: ['preact', 'preact/*', '@floating-ui/dom'],
    sourcemap: 'linked',
  }),
]);
