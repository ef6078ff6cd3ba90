// Helpers for the widget-*.spec.ts suites: a customer page served by Playwright itself (so each
// test picks its own HTML, CSS and CSP), the widget loaded from the running server, previews,
// fake session answers for the live path, and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestType } from '@playwright/test';
import type {
  ContentDefinition,
  EligibleContent,
  EventsExportResponse,
  ProgressRequest,
  ProgressUpdate,
  SessionResponse,
  StoredEvent,
  Trigger,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { demo } from './support';

/** The Waymark server under test. */
export const WAYMARK = (process.env.WAYMARK_URL ?? 'http://localhost:3000').replace(/\/$/, '');
/** The customer's app: never on the network, Playwright answers every request to it. */
export const HOST = 'https://customer.test';

/**
 * The customer page is public and the test server is on loopback: Chromium's local network
 * access checks want the user's permission for that, which a real deployment never needs.
 */
export function allowLocalServer(test: TestType<object, object>): void {
  test.use({ permissions: ['local-network-access'] });
}

export interface HostPage {
  /** Inside <main>. */
  body?: string;
  /** The page's own stylesheet (a <style> element; with a CSP, served as /app.css). */
  css?: string;
  /** Content-Security-Policy header. */
  csp?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** A classic script served as /app.js and loaded after the widget (CSP-safe). */
  script?: string;
  /** Load /sdk/waymark.js. Default true. */
  sdk?: boolean;
}

const DEFAULT_BODY = `
  <h1>Dashboard</h1>
  <p>Projects, tasks and people in one place.</p>
  <div class="toolbar">
    <button type="button" id="invite" data-tour="invite">Invite teammates</button>
    <button type="button" id="create" data-tour="create" class="primary">New project</button>
  </div>
  <section class="panel"><h2>Recent</h2><p>Website relaunch · Mobile onboarding</p></section>`;

const BASE_CSS = `
  body { margin: 0; font: 16px Georgia, serif; background: #f4f5f8; color: #222; }
  header { position: sticky; top: 0; z-index: 1000; display: flex; gap: 16px; align-items: center;
    padding: 12px 24px; background: #1f2937; color: #fff; }
  main { padding: 24px; }
  .toolbar { display: flex; gap: 12px; margin: 16px 0; }
  .panel { background: #fff; padding: 24px; border-radius: 8px; margin: 16px 0; min-height: 200px; }`;

/** The HTML of a customer page. */
export function hostHtml(options: HostPage = {}): string {
  const { body = DEFAULT_BODY, lang = 'en', dir = 'ltr', sdk = true } = options;
  const styles = options.csp
    ? '<link rel="stylesheet" href="/app.css">'
    : `<style>${BASE_CSS}${options.css ?? ''}</style>`;
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme</title>${styles}</head>
<body><header><strong>Acme</strong><nav data-tour="navigation"><a href="/app">Home</a> <a href="/app/projects">Projects</a></nav>
<button type="button" data-tour="help" id="help">Help</button></header>
<main>${body}</main>
${sdk ? `<script src="${WAYMARK}/sdk/waymark.js"></script>` : ''}
${options.script !== undefined ? '<script src="/app.js"></script>' : ''}
</body></html>`;
}

/** Serves the customer page at HOST (every path answers the same HTML, like an SPA) and opens it. */
export async function openHost(page: Page, options: HostPage = {}, path = '/app'): Promise<void> {
  await page.route(`${HOST}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/app.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: options.script ?? '' });
    }
    if (url.endsWith('/app.css')) {
      return route.fulfill({ contentType: 'text/css', body: BASE_CSS + (options.css ?? '') });
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (options.csp) headers['content-security-policy'] = options.csp;
    return route.fulfill({ headers, body: hostHtml(options) });
  });
  await page.goto(`${HOST}${path}`);
  if (options.sdk !== false) await page.waitForFunction(() => 'preview' in (window.waymark ?? {}));
}

declare global {
  interface Window {
    waymark: {
      preview(definition: unknown, options?: unknown): void;
      init(key: string, options: unknown): void;
      identify(userId: string, traits?: unknown): void;
      reset(): void;
      track(event: string, properties?: unknown): void;
      start(contentId: string): void;
      on(name: string, listener: (payload: unknown) => void): void;
      debug: { why(contentId: string): Promise<unknown> };
      destroy(): void;
    };
    /** What `collect()` gathered from the widget's listeners. */
    __waymark: { name: string; payload: Record<string, unknown> }[];
  }
}

/** Renders a definition with `waymark.preview`. */
export async function preview(page: Page, definition: ContentDefinition, options: object = {}) {
  await page.evaluate(([d, o]) => window.waymark.preview(d, o), [definition, options] as const);
}

/** Records the widget's listener calls into `window.__waymark`. */
export async function collect(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__waymark = [];
    for (const name of [
      'content:shown',
      'content:completed',
      'content:dismissed',
      'step:viewed',
      'survey:answered',
    ]) {
      window.waymark.on(name, (payload) =>
        window.__waymark.push({ name, payload: payload as Record<string, unknown> }),
      );
    }
  });
}

export const collected = (page: Page) => page.evaluate(() => window.__waymark);

/** Resolves when the element's CSS animations (entrances) have finished. */
export const settled = (locator: import('@playwright/test').Locator) =>
  locator.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)).then(() => true));

/** The widget's shadow host; Playwright's CSS locators pierce its open shadow root. */
export const widget = (page: Page) => page.locator('#waymark-root');

/** axe-core on the widget's hosts only (the main one and in-flow banners); returns the violations. */
export async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).include('waymark-root').analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Page errors and console errors (CSP violations are console errors). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** An eligible content item as the session endpoint would answer it. */
export function eligible(
  definition: ContentDefinition,
  overrides: Partial<EligibleContent> = {},
): EligibleContent {
  return {
    id: randomUUID(),
    versionId: randomUUID(),
    kind: definition.kind,
    name: `e2e ${definition.kind}`,
    priority: 0,
    definition,
    triggers: [] as Trigger[],
    progress: null,
    ...overrides,
  };
}

/**
 * Answers the widget's session requests with `content` (the live path, without authoring); a
 * function is asked on every request (to echo saved progress, as the server does).
 */
export async function serveSession(
  page: Page,
  content: EligibleContent[] | (() => EligibleContent[]),
  extra: Partial<Omit<SessionResponse, 'content'>> = {},
): Promise<void> {
  await page.route(`${WAYMARK}/sdk/v1/session`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        content: typeof content === 'function' ? content() : content,
        etag: 'e2e',
        ...extra,
      }),
    }),
  );
}

/**
 * Plays the server's progress store for content it does not know: records what the widget
 * posts to /sdk/v1/progress (answering 200) and gives back the latest state per item.
 */
export async function fakeProgress(
  page: Page,
): Promise<(contentId: string) => EligibleContent['progress']> {
  const latest = new Map<string, ProgressUpdate>();
  await page.route(`${WAYMARK}/sdk/v1/progress`, (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as ProgressRequest;
    for (const update of body.updates ?? []) latest.set(update.contentId, update);
    return route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ saved: body.updates?.length ?? 0 }),
    });
  });
  return (contentId) => {
    const saved = latest.get(contentId);
    if (!saved) return null;
    const { status, stepId, items, answers } = saved;
    return {
      status,
      ...(stepId ? { stepId } : {}),
      ...(items ? { items } : {}),
      ...(answers ? { answers } : {}),
    };
  };
}

/** A user id no other test uses. */
export const freshUser = (): string => `e2e-widget-${randomUUID()}`;

/** Calls init with the demo workspace's key and identifies `userId`. */
export async function initAs(page: Page, userId: string): Promise<void> {
  const { sdkKey } = demo();
  await page.evaluate(
    ([key, host, id]) => {
      window.waymark.init(key, { apiHost: host });
      window.waymark.identify(id);
    },
    [sdkKey, WAYMARK, userId] as const,
  );
}

/** Stored events of one user, oldest first, read back through the export API. */
export async function storedEvents(
  request: APIRequestContext,
  userId: string,
): Promise<StoredEvent[]> {
  const response = await request.get(
    `${WAYMARK}/api/v1/events?userId=${encodeURIComponent(userId)}&limit=200`,
    {
      headers: { authorization: `Bearer ${demo().secretKey}` },
    },
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as EventsExportResponse).data.reverse();
}
