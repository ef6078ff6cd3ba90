// Widget bench, in Chromium on the demo page (the seeded tooltip), cold (empty cache and storage)
// and warm (a returning visitor: HTTP cache and the chunk hint from the last visit):
// - paint delay: from the session answer to the first animation frame in which the tooltip is
//   visible (target: within one frame, ≈ 16.7 ms), on two clocks: from the answer reaching the
//   widget (its JSON parsed) and from the last byte on the wire (responseEnd), which also counts
//   the time the page's main thread was busy with other work;
// - main-thread time of the widget while the page loads: CPU samples (CDP Profiler, 100 µs) in
//   scripts served from /sdk/, until one second after the tooltip showed.
// Run after `npm run build`:  node bench/widget-paint.mjs [--runs=10] [--port=3720]
// or against a running server:  WAYMARK_URL=http://127.0.0.1:3000 node bench/widget-paint.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, freshDatabase, percentile, root, stop } from './lib.mjs';

const runs = arg('runs', 10);
const port = arg('port', 3720);
const FRAME_MS = 1000 / 60;

/** Our own server with the demo workspace on a fresh database, unless WAYMARK_URL is given. */
async function server() {
  if (process.env.WAYMARK_URL) return { url: process.env.WAYMARK_URL, child: null };
  const url = await freshDatabase('waymark_bench_widget');
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('running on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/* global window, document, getComputedStyle, requestAnimationFrame */
/**
 * In the page, before anything else: notes when the session answer's JSON is parsed (observing
 * Response#json, not changing it) and the frame in which the tooltip first shows.
 */
const watchFirstPaint = () => {
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    const parsed = json.call(this);
    if (this.url.includes('/sdk/v1/session')) {
      parsed.then(() => (window.__parsedAt = performance.now()));
    }
    return parsed;
  };
  const check = () => {
    const dialog = document
      .getElementById('waymark-root')
      ?.shadowRoot?.querySelector('[role=dialog]');
    if (dialog && getComputedStyle(dialog).visibility === 'visible') {
      window.__paintedAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/** Self time (ms) of samples whose function lives in a /sdk/ script. */
function widgetCpuMs(profile) {
  const widget = new Set(
    profile.nodes.filter((n) => n.callFrame.url.includes('/sdk/')).map((n) => n.id),
  );
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (widget.has(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

async function visit(context, url, user) {
  const page = await context.newPage();
  await page.addInitScript((id) => localStorage.setItem('acme-demo-user', id), user);
  await page.addInitScript(watchFirstPaint);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${url}/demo/`);
  await page.waitForFunction(() => window.__paintedAt !== undefined, null, { timeout: 15_000 });
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  const { painted, parsed, answered } = await page.evaluate(() => ({
    painted: window.__paintedAt,
    parsed: window.__parsedAt,
    answered: performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/sdk/v1/session'))?.responseEnd,
  }));
  await page.close();
  return { widget: painted - parsed, wire: painted - answered, cpu: widgetCpuMs(profile) };
}

const { url, child } = await server();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const results = { cold: [], warm: [] };
try {
  for (let i = 0; i < runs; i++) {
    // Cold: a new profile. Warm: the same profile visited once before (cache, chunk hint).
    const context = await browser.newContext();
    results.cold.push(await visit(context, url, `bench-cold-${Date.now()}-${i}`));
    results.warm.push(await visit(context, url, `bench-warm-${Date.now()}-${i}`));
    await context.close();
  }
} finally {
  await browser.close();
  if (child) await stop(child);
}

const fmt = (n) => n.toFixed(1).padStart(7);
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${fmt(percentile(sorted, 0.5))}${fmt(percentile(sorted, 0.95))}`;
};
console.log(`widget paint bench: ${runs} runs per case, the demo tooltip, ${url}`);
console.log(
  '        answer parsed → painted      answer on the wire → painted   widget main thread',
);
console.log(
  'case     median    p95  ≤1 frame      median    p95                median    p95  (ms)',
);
for (const [name, list] of Object.entries(results)) {
  const inFrame = list.filter((r) => r.widget <= FRAME_MS).length;
  console.log(
    `${name.padEnd(5)} ${stats(list.map((r) => r.widget))}  ${`${inFrame}/${list.length}`.padStart(7)}     ${stats(list.map((r) => r.wire))}              ${stats(list.map((r) => r.cpu))}`,
  );
}
