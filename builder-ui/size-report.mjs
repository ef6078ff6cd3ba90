// `npm run size -w @waymark/builder-ui`: what the builder's files hold and what each route makes
// the browser download (gzip level 9, the `.gz` twins build.mjs writes). A route's first load is
// the app entry plus its page's chunk and every chunk those import statically; chunks a page
// imports with import() later (editors, panels) are listed apart. ANALYZE=1 adds esbuild's own
// per-file breakdown. Fails when zod reaches the sign-in page or the preview frame.
import { analyzeMetafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Routes named in docs/architecture.md and checked against a budget (gzip bytes). */
const KEY_ROUTES = {
  'sign-in': { page: 'src/pages/account/login-page.tsx', budget: 60 * 1024 },
  'content list': { page: 'src/pages/content/content-page.tsx' },
  'content editor': { page: 'src/pages/content/content-editor-page.tsx' },
};
const ZOD = /node_modules\/zod\//;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const name = (output) => path.basename(output);

export async function printReport({ app, preview, dist }) {
  const gzip = (output) => readFileSync(path.join(dist, 'assets', `${name(output)}.gz`)).length;
  let failed = false;

  for (const [label, metafile] of Object.entries({ app, preview })) {
    if (process.env.ANALYZE) console.log(await analyzeMetafile(metafile));
    console.log(`\n${label}: outputs (min, gzip) and their largest sources (min bytes)`);
    const js = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
    for (const [file, output] of js.sort((a, b) => b[1].bytes - a[1].bytes)) {
      const top = contributors(output.inputs).slice(0, 4);
      console.log(
        `  ${name(file).padEnd(40)} ${kb(output.bytes).padStart(9)} ${kb(gzip(file)).padStart(9)}  ${top
          .map(([source, bytes]) => `${source} ${kb(bytes)}`)
          .join(', ')}`,
      );
    }
  }

  console.log('\nfirst load per route (gzip; then what the page imports later)');
  const entry = outputFor(app, 'src/main.tsx');
  for (const [file, output] of Object.entries(app.outputs)) {
    if (!output.entryPoint?.startsWith('src/pages/')) continue;
    const first = closure(app, [entry, file]);
    // What the page itself imports later (the entry's own import() calls are the other pages).
    const later = [...closure(app, lazyImports(app, closure(app, [file])))].filter(
      (f) => !first.has(f),
    );
    const bytes = sum([...first], gzip);
    const key = Object.entries(KEY_ROUTES).find(([, route]) => route.page === output.entryPoint);
    const mark = key ? ` <- ${key[0]}` : '';
    console.log(
      `  ${output.entryPoint.replace('src/pages/', '').padEnd(44)} ${kb(bytes).padStart(9)}  (+${kb(sum(later, gzip))} later, ${first.size} files)${mark}`,
    );
    if (key && process.env.FILES) console.log(`    ${[...first].map(name).join(' ')}`);
    if (key?.[1].budget && bytes > key[1].budget) {
      console.error(`  ${key[0]} downloads ${kb(bytes)}, over its ${kb(key[1].budget)} budget`);
      failed = true;
    }
    if (key?.[0] === 'sign-in' && hasZod(app, first)) {
      console.error('  zod reached the sign-in page: import shared types only on its path');
      failed = true;
    }
  }

  const frame = outputFor(preview, 'src/preview/frame.ts');
  const frameFirst = closure(preview, [frame]);
  const frameAll = closure(preview, [...frameFirst, ...lazyImports(preview, frameFirst)]);
  console.log(
    `\npreview frame: ${kb(sum([...frameFirst], gzip))} first, ${kb(sum([...frameAll], gzip))} with every surface`,
  );
  if (hasZod(preview, frameAll)) {
    console.error('  zod reached the preview frame: it needs the widget only');
    failed = true;
  }
  if (failed) process.exitCode = 1;
}

/** Sources grouped by npm package or by the first two folders of ours, largest first. */
function contributors(inputs) {
  const groups = new Map();
  for (const [source, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const key = pkg ? pkg[1] : source.split('/').slice(0, 3).join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

const outputFor = (metafile, entryPoint) => {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (!found) throw new Error(`no output for ${entryPoint}`);
  return found[0];
};

/** `files` and every output they import statically, transitively (metafile output paths). */
function closure(metafile, files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  files.forEach(visit);
  return seen;
}

const lazyImports = (metafile, files) =>
  [...files].flatMap((file) =>
    (metafile.outputs[file]?.imports ?? [])
      .filter((imported) => imported.kind === 'dynamic-import')
      .map((imported) => imported.path),
  );

const sum = (files, size) => files.reduce((total, file) => total + size(file), 0);

const hasZod = (metafile, files) =>
  [...files].some((file) =>
    Object.keys(metafile.outputs[file]?.inputs ?? {}).some((source) => ZOD.test(source)),
  );
