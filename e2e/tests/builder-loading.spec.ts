import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, freshIp, signUpBuilder, watchErrors } from './builder-support';

/**
 * The builder's code arrives per page (builder-ui/build.mjs): the sign-in page downloads only the
 * app frame and its own chunk, a page whose chunk is slow shows nothing at first and then an
 * announced "Loading…", a chunk that cannot be fetched says so, and the hashed files are cached
 * for good while index.html is not.
 */

/** Bytes of JavaScript the page downloaded (encoded, as sent over the wire). */
function countScripts(page: Page): { urls: string[]; bytes: () => Promise<number> } {
  const responses: Promise<number>[] = [];
  const urls: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    urls.push(new URL(request.url()).pathname);
    responses.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  return { urls, bytes: async () => (await Promise.all(responses)).reduce((a, b) => a + b, 0) };
}

test('the sign-in page downloads the app frame and its own page only, under the CSP', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const scripts = countScripts(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Waymark' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(scripts.urls.some((url) => /\/assets\/login-page-\w+\.js$/.test(url))).toBe(true);
  expect(scripts.urls.filter((url) => /(editor|content|preview)/.test(url))).toEqual([]);
  expect(await scripts.bytes()).toBeLessThan(60 * 1024);
  expect(errors).toEqual([]);
});

test('a slow page shows nothing at first, then an announced loading state', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
  await signUpBuilder(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/users-page-\w+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/content');
  await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();

  // When the loading region appears, and when its text does (timed in the page: no race with
  // the test's own polling on a busy machine).
  await page.evaluate(() => {
    const times: Record<string, number> = {};
    Object.assign(window, { loadingTimes: times });
    new MutationObserver(() => {
      const region = document.querySelector('.page-loading');
      if (region && times.region === undefined) times.region = performance.now();
      if (region?.textContent && times.text === undefined) times.text = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('link', { name: 'Users' }).click();
  const status = page.locator('.page-loading');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText('Loading page…');
  const times = await page.evaluate(
    () => (window as unknown as { loadingTimes: { region: number; text: number } }).loadingTimes,
  );
  expect(times.text - times.region).toBeGreaterThanOrEqual(140);
  await expectAccessible(page, 'main');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(status).toHaveCount(0);
});

test('a page whose code cannot be fetched says so and offers a reload', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
  await signUpBuilder(page);
  await page.route(/\/assets\/segments-page-\w+\.js$/, (route) => route.abort('failed'));
  await page.goto('/segments');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This page could not be loaded');
  await page.unrouteAll();
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
});

test('hashed files are cached as immutable and pre-compressed; index.html is not cached', async ({
  request,
}) => {
  const index = await request.get('/');
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect(index.headers()['content-security-policy']).toContain("script-src 'self';");
  const html = await index.text();
  const script = /<script type="module" src="(\/assets\/app-\w+\.js)">/.exec(html)?.[1];
  const style = /<link rel="stylesheet" href="(\/assets\/app-\w+\.css)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(style).toBeTruthy();

  const js = await request.get(script!, { headers: { 'accept-encoding': 'br' } });
  expect(js.status()).toBe(200);
  expect(js.headers()['content-type']).toMatch(/^application\/javascript/);
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(js.headers()['content-encoding']).toBe('br');
  const css = await request.get(style!);
  expect(css.headers()['content-type']).toMatch(/^text\/css/);
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  // A chunk of an older release is a 404, not the HTML page served as a script.
  const gone = await request.get('/assets/app-GONE0000.js');
  expect(gone.status()).toBe(404);
});
