// Builds the widget: the script-tag bundle (dist/waymark.js, IIFE, minified, with a source map)
// and the package entry (dist/esm/index.js, ESM, preact and floating-ui left as imports).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  // `source` resolves @waymark/shared to its TypeScript; the widget imports types only from it.
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  target: ['chrome100', 'safari15', 'firefox100', 'edge100'],
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/bundle.ts'],
    outfile: 'dist/waymark.js',
    format: 'iife',
    platform: 'browser',
    minify: true,
    sourcemap: 'linked',
  }),
  build({
    ...common,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/esm/index.js',
    format: 'esm',
    platform: 'neutral',
    external: ['preact', 'preact/*', '@floating-ui/dom'],
    sourcemap: 'linked',
  }),
]);
