// Builds the builder SPA into dist/: one ES module bundle plus the static index.html, app.css and
// favicon. Everything is an external file so the page runs under `script-src 'self'; style-src 'self'`.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
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
  ['index.html', 'app.css', 'favicon.svg'].map((file) =>
    copyFile(at(`src/${file}`), at(`dist/${file}`)),
  ),
);
