// Prints the min+gzip size of what a page downloads (dist/waymark.js) and fails when it grows
// past the budget or when zod leaked into the bundle (the widget imports shared types only).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 20 * 1024;
const FILES = ['dist/waymark.js'];
const ZOD_MARKERS = ['ZodError', '$ZodType', 'ZodObject', '_zod'];

const root = fileURLToPath(new URL('.', import.meta.url));
let total = 0;
let failed = false;
for (const file of FILES) {
  const source = readFileSync(new URL(file, `file://${root}`));
  const gzipped = gzipSync(source, { level: 9 }).length;
  total += gzipped;
  console.log(`${file}: ${source.length} B min, ${gzipped} B min+gzip`);
  const leaked = ZOD_MARKERS.filter((marker) => source.includes(marker));
  if (leaked.length > 0) {
    console.error(`${file} contains zod (${leaked.join(', ')}): import shared types only.`);
    failed = true;
  }
}
console.log(
  `total: ${total} B min+gzip (budget ${BUDGET} B, ${((100 * total) / BUDGET).toFixed(0)}%)`,
);
if (total > BUDGET) {
  console.error(`over budget by ${total - BUDGET} B`);
  failed = true;
}
process.exit(failed ? 1 : 0);
