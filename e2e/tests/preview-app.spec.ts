import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type {
  ContentDetail,
  FlowDefinition,
  MeResponse,
  PreviewTokenCreated,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { freshIp } from './builder-support';
import { demo } from './support';

/** Signs the request context in as the demo workspace's owner; returns its CSRF token. */
async function signInDemo(request: APIRequestContext): Promise<string> {
  const { email, password } = demo();
  const response = await request.post('/api/auth/login', {
    headers: { 'x-forwarded-for': freshIp() },
    data: { email, password },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as MeResponse).csrfToken;
}

/** A two-step modal tour, never published: only a preview can show it. */
const draftTour = (heading: string): FlowDefinition => ({
  kind: 'flow',
  steps: ['one', 'two'].map((id, i) => ({
    id,
    type: 'modal' as const,
    placement: 'auto' as const,
    backdrop: true,
    advance: { on: 'button' as const },
    blocks: [
      { type: 'heading' as const, text: `${heading} ${i + 1}` },
      {
        type: 'button' as const,
        label: 'Next',
        action: { type: 'next' as const },
        variant: 'primary' as const,
      },
    ],
  })),
});

/** Counts the live SDK calls (session, events, progress) a page makes. */
function countLiveCalls(page: Page): () => number {
  let calls = 0;
  page.on('request', (r) => {
    if (/\/sdk\/v1\/(session|events|progress)/.test(r.url())) calls += 1;
  });
  return () => calls;
}

test('preview on the app: the draft shows for the author with the link, across pages, and for nobody else', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const csrf = await signInDemo(page.request);
  const { workspaceId } = demo();
  const heading = `Draft preview ${randomUUID().slice(0, 8)}`;
  const created = await page.request.post(`/api/workspaces/${workspaceId}/content`, {
    headers: { 'x-csrf-token': csrf },
    data: { name: heading, definition: draftTour(heading) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const item = (await created.json()) as ContentDetail;
  const tokenAnswer = await page.request.post(
    `/api/workspaces/${workspaceId}/content/${item.id}/preview`,
    { headers: { 'x-csrf-token': csrf } },
  );
  expect(tokenAnswer.status()).toBe(201);
  const { token } = (await tokenAnswer.json()) as PreviewTokenCreated;

  const live = countLiveCalls(page);
  await page.addInitScript(() => localStorage.setItem('acme-demo-user', 'preview-author'));
  await page.goto(`/demo/#waymark-preview=${token}`);
  const dialog = page.locator('#waymark-root').getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `${heading} 1` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('heading', { name: `${heading} 2` })).toBeVisible();

  // Another page load in the same tab, without the hash: the preview goes on where it was.
  await page.goto('/demo/#/projects');
  await page.reload();
  expect(page.url()).not.toContain('waymark-preview');
  await expect(dialog.getByRole('heading', { name: `${heading} 2` })).toBeVisible();
  expect(live()).toBe(0);

  // Someone else, without the link, gets the live content only.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.addInitScript(() => localStorage.setItem('acme-demo-user', 'preview-stranger'));
  // Wait for the session from before the navigation: it can answer while the page still loads.
  const session = stranger.waitForResponse((r) => r.url().includes('/sdk/v1/session'));
  await stranger.goto('/demo/');
  await session;
  await stranger.waitForTimeout(1000);
  await expect(stranger.getByRole('heading', { name: new RegExp(heading) })).toHaveCount(0);
  await other.close();
});

test('preview on the app: an unknown or expired link shows nothing and is forgotten', async ({
  page,
}) => {
  await page.goto(`/demo/#waymark-preview=${'A'.repeat(43)}`);
  // The failed preview is forgotten: the next page is an ordinary one.
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('waymark.preview')))
    .toBeNull();
  await expect(page.locator('#waymark-root').getByRole('dialog')).toHaveCount(0);
});
