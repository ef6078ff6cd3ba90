import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { EventsExportResponse, StoredEvent } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { demo } from './support';

/** Stored events of one user, read back through the export API. */
async function storedEvents(request: APIRequestContext, userId: string): Promise<StoredEvent[]> {
  const response = await request.get(
    `/api/v1/events?userId=${encodeURIComponent(userId)}&limit=100`,
    {
      headers: { authorization: `Bearer ${demo().secretKey}` },
    },
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as EventsExportResponse).data;
}

/** Signs the demo app in as a user no other test uses, so completions do not leak between tests. */
async function asFreshUser(page: Page): Promise<string> {
  const userId = `e2e-${randomUUID()}`;
  await page.addInitScript((id) => localStorage.setItem('acme-demo-user', id), userId);
  return userId;
}

/** Collects page errors and console errors (CSP violations are console errors). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text()))
      errors.push(message.text());
  });
  return errors;
}

test('the demo app shows the seeded tooltip at its button; finishing it and a custom event are stored', async ({
  page,
  request,
}) => {
  const errors = watchErrors(page);
  const userId = await asFreshUser(page);
  await page.goto('/demo/');

  const tooltip = page.locator('#waymark-root').getByRole('dialog');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.getByRole('heading', { name: 'Start your first project' })).toBeVisible();

  // Anchored below the "New project" button (placement: bottom), overlapping it horizontally.
  const button = (await page.getByTestId('new-project').boundingBox())!;
  const box = (await tooltip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(box.y - (button.y + button.height)).toBeLessThan(40);
  expect(box.x).toBeLessThan(button.x + button.width);
  expect(box.x + box.width).toBeGreaterThan(button.x);

  await tooltip.getByRole('button', { name: 'Got it' }).click();
  await expect(tooltip).toBeHidden();
  await page.getByTestId('new-project').click();

  await expect
    .poll(async () => (await storedEvents(request, userId)).map((e) => e.name).sort(), {
      timeout: 15_000,
    })
    .toEqual(
      expect.arrayContaining(['$content_completed', '$content_shown', 'New Project Clicked']),
    );

  const events = await storedEvents(request, userId);
  const shown = events.find((e) => e.name === '$content_shown')!;
  const completed = events.find((e) => e.name === '$content_completed')!;
  expect(shown.properties.contentId).toBe(completed.properties.contentId);
  expect(Date.parse(completed.timestamp)).toBeGreaterThanOrEqual(Date.parse(shown.timestamp));
  expect(errors).toEqual([]);
});

test('a finished tour does not come back after a reload', async ({ page }) => {
  await asFreshUser(page);
  await page.goto('/demo/');
  const tooltip = page.locator('#waymark-root').getByRole('dialog');
  const delivered = page.waitForResponse(
    (r) =>
      r.url().includes('/sdk/v1/events') && (r.request().postData() ?? '').includes('"completed"'),
  );
  await tooltip.getByRole('button', { name: 'Got it' }).click();
  await expect(tooltip).toBeHidden();
  expect((await delivered).ok()).toBe(true);

  const session = page.waitForResponse((r) => r.url().includes('/sdk/v1/session'));
  await page.reload();
  expect(((await (await session).json()) as { content: unknown[] }).content).toEqual([]);
  await expect(page.getByTestId('new-project')).toBeVisible();
  await expect(page.locator('#waymark-root').getByRole('dialog')).toHaveCount(0);
});

test('the builder signs in with the demo credentials and lists the seeded tour', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const { email, password } = demo();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  const row = page.getByRole('row', { name: /Create your first project/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/flow/i);
  await expect(row).toContainText(/published/i);
  expect(errors).toEqual([]);
});
