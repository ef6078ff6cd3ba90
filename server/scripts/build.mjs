// Compiles server/src to CommonJS in server/dist with swc (decorator metadata for Nest's DI).
// Type checking is separate (`npm run typecheck`), so this stays fast enough to run on every start.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(server, 'src');
const dist = path.join(server, 'dist');
const swcrc = path.join(server, '..', '.swcrc');

const files = (await readdir(src, { recursive: true })).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);
await rm(dist, { recursive: true, force: true });
await Promise.all(
  files.map(async (file) => {
    const out = path.join(dist, file.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(path.join(src, file), {
      configFile: swcrc,
      sourceMaps: true,
      sourceFileName: path.relative(path.dirname(out), path.join(src, file)),
    });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
  }),
);
