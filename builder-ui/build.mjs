// Builds the builder SPA into dist/: one ES module bundle plus the static index.html, app.css and
// favicon, and the live preview frame's preview.js and preview.css (src/preview/frame.ts, loaded
// by a srcdoc frame). Everything is an external file so the pages run under
// `script-src 'self'; style-src 'self'`.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));

await rm(at('dist'), { recursive: true, force: true });
await mkdir(at('dist'), { recursive: true });

const bundle = (entry, outfile) => ({
  entryPoints: [at(entry)],
  outfile: at(outfile),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  // Workspace packages export their TypeScript sources under the `source` condition.
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});

await Promise.all([
  build(bundle('src/main.tsx', 'dist/app.js')),
  // The widget with every surface inlined (its package build bundles its lazy chunks).
  build(bundle('src/preview/frame.ts', 'dist/preview.js')),
]);

await Promise.all([
  ...['index.html', 'favicon.svg'].map((file) => copyFile(at(`src/${file}`), at(`dist/${file}`))),
  copyFile(at('src/preview/frame.css'), at('dist/preview.css')),
]);

// One stylesheet: the base (app.css), then each area's own file in src/styles/, by name.
const areas = (await readdir(at('src/styles'))).filter((file) => file.endsWith('.css')).sort();
const css = await Promise.all(
  ['app.css', ...areas.map((file) => `styles/${file}`)].map((file) =>
    readFile(at(`src/${file}`), 'utf8'),
  ),
);
await writeFile(at('dist/app.css'), css.join('\n'));
