// Builds the builder SPA into dist/: one ES module bundle plus the static index.html, app.css and
// favicon. Everything is an external file so the page runs under `script-src 'self'; style-src 'self'`.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));

await rm(at('dist'), { recursive: true, force: true });
await mkdir(at('dist'), { recursive: true });

await build({
  entryPoints: [at('src/main.tsx')],
  outfile: at('dist/app.js'),
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

await Promise.all(
  ['index.html', 'favicon.svg'].map((file) => copyFile(at(`src/${file}`), at(`dist/${file}`))),
);

// One stylesheet: the base (app.css), then each area's own file in src/styles/, by name.
const areas = (await readdir(at('src/styles'))).filter((file) => file.endsWith('.css')).sort();
const css = await Promise.all(
  ['app.css', ...areas.map((file) => `styles/${file}`)].map((file) =>
    readFile(at(`src/${file}`), 'utf8'),
  ),
);
await writeFile(at('dist/app.css'), css.join('\n'));
