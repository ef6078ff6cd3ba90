// Prints the min+gzip size of every file the widget serves, and of what a page downloads to
// show each surface (dist/waymark.js plus the chunk that surface needs). Fails when any surface
// passes the budget, when zod leaked into a file (the widget imports shared types and pure
// helpers only), or when a surface's chunk lost Chrome's compile hint (build.mjs), whose bytes
// the budget counts.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 20 * 1024;
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const ZOD_MARKERS = ['ZodError', '$ZodType', 'ZodObject', '_zod'];
const dist = fileURLToPath(new URL('dist/', import.meta.url));

/** Surfaces and the parts they load (see core/chunk.plan.ts), one file each (build.mjs). */
const SURFACES = {
  'tooltip (flow step)': 'flow+tooltip',
  'hotspot (flow step)': 'flow+tooltip',
  'modal or slideout (flow step)': 'dialog+flow',
  banner: 'banner',
  checklist: 'checklist',
  survey: 'survey',
  launcher: 'launcher',
};

const files = [
  'waymark.js',
  ...readdirSync(`${dist}s`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `s/${f}`),
];
const size = new Map();
let failed = false;
console.log(`${'file'.padEnd(36)} ${'min B'.padStart(7)} ${'min+gzip B'.padStart(11)}`);
for (const file of files) {
  const source = readFileSync(dist + file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  size.set(file, gzipped);
  console.log(
    `${file.padEnd(36)} ${String(source.length).padStart(7)} ${String(gzipped).padStart(11)}`,
  );
  const leaked = ZOD_MARKERS.filter((marker) => source.includes(marker));
  if (leaked.length > 0) {
    console.error(`${file} contains zod (${leaked.join(', ')}): import shared types only.`);
    failed = true;
  }
}

const manifest = JSON.parse(readFileSync(`${dist}manifest.json`, 'utf8'));
const total = (key) => {
  if (!manifest[key]) throw new Error(`manifest.json has no ${key}`);
  const needed = new Set(['waymark.js', manifest[key]]);
  return { bytes: [...needed].reduce((sum, file) => sum + size.get(file), 0), needed };
};
const row = (label, bytes, detail) =>
  console.log(
    `${label.padEnd(30)} ${String(bytes).padStart(6)} B ${`${((100 * bytes) / BUDGET).toFixed(0)}%`.padStart(5)}  ${detail}`,
  );

console.log(`\nwhat a page downloads to show each surface (budget ${BUDGET} B):`);
row('no content (core only)', size.get('waymark.js'), 'waymark.js');
for (const [label, key] of Object.entries(SURFACES)) {
  const { bytes, needed } = total(key);
  const over = bytes > BUDGET;
  if (over) failed = true;
  if (!readFileSync(dist + manifest[key], 'utf8').startsWith(COMPILE_HINT)) {
    console.error(`${manifest[key]} does not start with ${COMPILE_HINT.trim()} (build.mjs).`);
    failed = true;
  }
  row(label, bytes, `${[...needed].join(' + ')}${over ? '  OVER BUDGET' : ''}`);
}
console.log('\nnot a single surface (reported, not budgeted):');
row('flow using every step type', total('dialog+flow+tooltip').bytes, 'all flow parts');
row('debug.why()', total('why').bytes, 'the eligibility debugger');
row('feature tags', total('tags').bytes, 'core + tags (pages whose session carries tags)');
row('builder mode', total('builder').bytes, 'element picker and draft preview (authors only)');
process.exit(failed ? 1 : 0);
