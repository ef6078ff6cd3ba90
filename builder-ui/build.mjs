// Builds the builder SPA into dist/ (see docs/architecture.md, "builder-ui build"):
// - dist/assets/: every script and stylesheet, named by its content hash so the server can send
//   them as immutable. The app: `app-[hash].js` (src/main.tsx: session check, router, shell) and
//   one chunk per page, because the route tables load pages with import() (esbuild `splitting`;
//   code two pages share goes to `chunk-[hash].js` files). The live preview frame
//   (src/preview/frame.ts, run in a srcdoc frame): `preview-[hash].js`, whose widget surfaces are
//   chunks of their own, plus `preview-[hash].css`. One stylesheet for the app, `app-[hash].css`.
// - dist/index.html: src/index.html with the hashed stylesheet, the entry's module script and a
//   modulepreload link per chunk the entry imports statically; the server sends it no-cache.
// - `.br` and `.gz` twins of every script and stylesheet, which the server sends pre-compressed.
// Everything is an external file, so the pages run under `script-src 'self'; style-src 'self'`.
// `npm run size` (node build.mjs --report) also prints what each output holds and what each
// route downloads.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const ASSETS = 'assets';
const report = process.argv.includes('--report');

await rm(at('dist'), { recursive: true, force: true });
await mkdir(at(`dist/${ASSETS}`), { recursive: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  // ES modules with splitting: a dynamic import() becomes its own file, loaded on demand. (Bundled
  // inline instead, esbuild wraps the imported graph in lazy initialisers that defeat tree
  // shaking: every schema of @waymark/shared, so all of zod, came with the widget's surfaces.)
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // Workspace packages export their TypeScript sources under the `source` condition.
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: at(`dist/${ASSETS}`),
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
};

/** Writes `file` under dist/assets/ with its content hash in the name; returns its URL path. */
async function writeHashed(name, ext, contents) {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
  const file = `${name}-${hash}.${ext}`;
  await writeFile(at(`dist/${ASSETS}/${file}`), contents);
  return `/${ASSETS}/${file}`;
}

/** The URL path of the one output built from `entry` (a path relative to this folder). */
const outputOf = (metafile, entry) => {
  const found = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint === entry);
  if (!found) throw new Error(`esbuild wrote no output for ${entry}`);
  return { file: found[0], path: `/${ASSETS}/${found[0].split('/').pop()}` };
};

// The preview frame first: the app's srcdoc names its hashed files (WAYMARK_PREVIEW_*).
const previewCss = await readFile(at('src/preview/frame.css'), 'utf8');
const preview = await build({
  ...common,
  absWorkingDir: at('.'),
  entryPoints: { preview: 'src/preview/frame.ts' },
});
const previewAssets = {
  script: outputOf(preview.metafile, 'src/preview/frame.ts').path,
  style: await writeHashed('preview', 'css', previewCss),
};

const app = await build({
  ...common,
  absWorkingDir: at('.'),
  entryPoints: { app: 'src/main.tsx' },
  define: {
    WAYMARK_PREVIEW_SCRIPT: JSON.stringify(previewAssets.script),
    WAYMARK_PREVIEW_STYLE: JSON.stringify(previewAssets.style),
  },
});
const entry = outputOf(app.metafile, 'src/main.tsx');

// One stylesheet: the base (app.css), then each area's own file in src/styles/, by name.
const areas = (await readdir(at('src/styles'))).filter((file) => file.endsWith('.css')).sort();
const css = await Promise.all(
  ['app.css', ...areas.map((file) => `styles/${file}`)].map((file) =>
    readFile(at(`src/${file}`), 'utf8'),
  ),
);
const appCss = await writeHashed('app', 'css', css.join('\n'));

// Every chunk the entry imports statically, however deep, so the browser fetches them in parallel
// instead of discovering each level once the one above has arrived.
const preloads = [];
const visit = (file) => {
  for (const imported of app.metafile.outputs[file]?.imports ?? []) {
    if (imported.kind !== 'import-statement' || preloads.includes(imported.path)) continue;
    preloads.push(imported.path);
    visit(imported.path);
  }
};
visit(entry.file);
const preloadLinks = preloads.map(
  (file) => `<link rel="modulepreload" href="/${ASSETS}/${file.split('/').pop()}" />`,
);
const html = (await readFile(at('src/index.html'), 'utf8'))
  .replace('{{stylesheet}}', appCss)
  .replace('{{script}}', entry.path)
  .replace('{{modulepreload}}', preloadLinks.join('\n    '));
if (html.includes('{{'))
  throw new Error('src/index.html has a placeholder build.mjs does not fill');
await writeFile(at('dist/index.html'), html);
await copyFile(at('src/favicon.svg'), at('dist/favicon.svg'));

// Pre-compressed twins (the server has no compression of its own for static files).
const assets = (await readdir(at(`dist/${ASSETS}`))).filter((file) => /\.(js|css)$/.test(file));
await Promise.all(
  assets.map(async (file) => {
    const source = await readFile(at(`dist/${ASSETS}/${file}`));
    const brotli = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
    await writeFile(at(`dist/${ASSETS}/${file}.br`), brotliCompressSync(source, brotli));
    await writeFile(at(`dist/${ASSETS}/${file}.gz`), gzipSync(source, { level: 9 }));
  }),
);

if (report) {
  const { printReport } = await import('./size-report.mjs');
  await printReport({ app: app.metafile, preview: preview.metafile, dist: at('dist') });
}
