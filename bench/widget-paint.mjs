// Widget bench, in Chromium on the demo page (the seeded tooltip), cold (empty cache and storage)
// and warm (a returning visitor: HTTP cache and the chunk hint from the last visit):
// - paint delay: from the session answer to the first animation frame in which the user sees the
//   tooltip (target: within one frame, ≈ 16.7 ms), on two clocks: from the answer reaching the
//   widget (its JSON parsed) and from the last byte on the wire (responseEnd), which also counts
//   the time the page's main thread was busy with other work. "Sees" (`seen` below): laid out in
//   the viewport, not hidden, and drawn at half its opacity or more, its ancestors across the
//   shadow boundary counted, so a card still fading in from 0 is not painted yet. The time is
//   taken in the frame's requestAnimationFrame callback, before that frame paints;
// - frames: how many frames the browser began after the answer until (and with) that one: 1 when
//   the first frame after the answer shows the tooltip, whatever the machine's speed; more when
//   the widget waited for something (a chunk download, a target, a timer, a second frame);
// - main-thread CPU from the answer to that frame: the thread time of the page's main-thread
//   tasks in between (a Chromium trace), which grows far less than wall time on a busy machine;
// - main-thread time of the widget while the page loads: CPU samples (CDP Profiler, 100 µs) in
//   scripts served from /sdk/, until one second after the tooltip showed.
// The 1-minute load average is printed with the numbers: on a busy machine every figure grows.
// Run after `npm run build`:  node bench/widget-paint.mjs [--runs=10] [--port=3720]
// or against a running server:  WAYMARK_URL=http://127.0.0.1:3000 node bench/widget-paint.mjs
// BENCH_DB names its own server's database (dropped and recreated; default waymark_bench_widget).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, freshDatabase, percentile, root, stop } from './lib.mjs';

const runs = arg('runs', 10);
const port = arg('port', 3720);
const FRAME_MS = 1000 / 60;
/** `--instrument=0`: no profiler or trace, whose overhead slows the page (no CPU columns then). */
const instrument = arg('instrument', 1) !== 0;

/** Our own server with the demo workspace on a fresh database, unless WAYMARK_URL is given. */
async function server() {
  if (process.env.WAYMARK_URL) return { url: process.env.WAYMARK_URL, child: null };
  const url = await freshDatabase(process.env.BENCH_DB ?? 'waymark_bench_widget');
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

/* global window, document, getComputedStyle, requestAnimationFrame, innerWidth, innerHeight */
/**
 * In the page, before anything else: notes when the session answer's JSON is parsed, or a 304
 * arrives (observing Response#json and fetch, not changing them), then counts frames until the
 * one in which the tooltip is seen; `window.__painted` resolves then (awaited by the bench, so
 * Playwright polls nothing in the page meanwhile).
 */
const watchFirstPaint = () => {
  const answered = () => {
    window.__parsedAt = performance.now();
    window.__frames = 0;
    performance.mark('bench:parsed');
  };
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    const parsed = json.call(this);
    if (this.url.includes('/sdk/v1/session')) parsed.then(answered);
    return parsed;
  };
  // A 304 (the kept answer still holds) has no body to parse: it arrives with the response.
  const fetch = window.fetch;
  window.fetch = function (...args) {
    const response = fetch.apply(this, args);
    response.then((r) => r.url.includes('/sdk/v1/session') && r.status === 304 && answered());
    return response;
  };
  /** The parent in the flat tree: across a shadow root to its host. */
  const up = (el) => el.parentElement ?? el.parentNode?.host ?? null;
  const seen = (card) => {
    if (!card.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    let opacity = 1;
    for (let el = card; el; el = up(el)) opacity *= Number(getComputedStyle(el).opacity);
    const box = card.getBoundingClientRect();
    const inView =
      box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    return opacity >= 0.5 && box.width > 0 && box.height > 0 && inView;
  };
  let done;
  window.__painted = new Promise((resolve) => (done = resolve));
  const check = () => {
    if (window.__frames !== undefined) window.__frames++;
    const card = document
      .getElementById('waymark-root')
      ?.shadowRoot?.querySelector('[role=dialog]');
    if (card && seen(card)) {
      window.__paintedAt = performance.now();
      performance.mark('bench:painted');
      return done();
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/**
 * CPU time (ms) of the page's main thread from the answer to the frame that showed the tooltip:
 * the thread time of the tasks between the two marks, a task cut by a mark counted pro rata.
 * Unlike the wall-clock delay, it hardly grows when other processes take the CPU.
 */
function answerToPaintCpuMs(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mark = (name) => events.filter((e) => e.name === name && e.ph !== 'X');
  const end = mark('bench:painted')[0];
  const start = mark('bench:parsed')
    .filter((e) => e.ts <= end.ts)
    .at(-1);
  let micros = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== end.pid || e.tid !== end.tid) continue;
    const overlap = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts);
    if (overlap > 0 && e.dur > 0) micros += ((e.tdur ?? e.dur) * overlap) / e.dur;
  }
  return micros / 1000;
}

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

async function visit(browser, context, url, user) {
  const page = await context.newPage();
  await page.addInitScript((id) => localStorage.setItem('acme-demo-user', id), user);
  await page.addInitScript(watchFirstPaint);
  const cdp = await context.newCDPSession(page);
  if (instrument) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
  }
  await page.goto(`${url}/demo/`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the tooltip did not show within 15 s')), 15_000);
  });
  await Promise.race([page.evaluate(() => window.__painted), timeout]).finally(() =>
    clearTimeout(timer),
  );
  await page.waitForTimeout(1000);
  const profile = instrument ? (await cdp.send('Profiler.stop')).profile : null;
  const trace = instrument ? await browser.stopTracing() : null;
  const { painted, parsed, frames, answered } = await page.evaluate(() => ({
    painted: window.__paintedAt,
    parsed: window.__parsedAt,
    frames: window.__frames,
    // The last answer, the one the widget drew (an identify right after init asks again).
    answered: performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/sdk/v1/session'))
      .at(-1)?.responseEnd,
  }));
  await page.close();
  return {
    widget: painted - parsed,
    frames,
    paintCpu: trace ? answerToPaintCpuMs(trace) : NaN,
    wire: painted - answered,
    cpu: profile ? widgetCpuMs(profile) : NaN,
  };
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
    results.cold.push(await visit(browser, context, url, `bench-cold-${Date.now()}-${i}`));
    results.warm.push(await visit(browser, context, url, `bench-warm-${Date.now()}-${i}`));
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
const load = os.loadavg()[0].toFixed(1);
console.log(`widget paint bench: ${runs} runs per case, the demo tooltip, ${url}, load ${load}`);
console.log(
  '        answer parsed → painted      frames after answer   main-thread CPU   answer on the wire → painted   widget main thread',
);
console.log(
  'case     median    p95  ≤1 frame   median  max  first    median    p95      median    p95                median    p95  (ms)',
);
for (const [name, list] of Object.entries(results)) {
  const inFrame = list.filter((r) => r.widget <= FRAME_MS).length;
  const frames = list.map((r) => r.frames).sort((a, b) => a - b);
  const first = list.filter((r) => r.frames === 1).length;
  console.log(
    `${name.padEnd(5)} ${stats(list.map((r) => r.widget))}  ${`${inFrame}/${list.length}`.padStart(7)}   ${String(percentile(frames, 0.5)).padStart(6)} ${String(frames.at(-1)).padStart(4)} ${`${first}/${list.length}`.padStart(6)}   ${stats(list.map((r) => r.paintCpu))}    ${stats(list.map((r) => r.wire))}              ${stats(list.map((r) => r.cpu))}`,
  );
}
