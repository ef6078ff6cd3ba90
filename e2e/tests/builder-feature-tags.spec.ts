import { expect, test, type Page } from '@playwright/test';
import type {
  EnvironmentList,
  FeatureTagRecord,
  InvitationCreated,
  SessionResponse,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  SHOTS,
  expectAccessible,
  freshIp,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

/** The production SDK key of the account's workspace. */
async function sdkKeyOf(page: Page, account: BuilderAccount): Promise<string> {
  const response = await page.request.get(`/api/workspaces/${account.workspaceId}/environments`);
  const list = (await response.json()) as EnvironmentList;
  return list.data.find((e) => e.name === 'production')!.sdkKey;
}

test('feature tags: create a page tag and a click tag, list them, the SDK delivers them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/feature-tags');
  await expect(page.getByRole('heading', { level: 1, name: 'Feature tags' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No feature tags yet' })).toBeVisible();
  await expectAccessible(page);

  // A page tag, by keyboard: the form takes focus, Enter submits.
  await page.getByRole('button', { name: 'New feature tag' }).click();
  const form = page.getByRole('form', { name: 'New feature tag' });
  await expect(form.getByRole('heading', { name: 'New feature tag' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Event name')).toBeFocused();
  await page.keyboard.type('Visited billing');
  await form.getByLabel('A page view').check();
  // Nothing to say which pages: refused next to the field, before the server is asked.
  await form.getByRole('button', { name: 'Create tag' }).click();
  await expect(form.getByText('Say which pages count')).toBeVisible();
  await expect(form.getByLabel('Page path')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Page path').fill('/settings/billing');
  await form.getByLabel('Page path').press('Enter');
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Visited billing/ })).toContainText(
    'Page view of /settings/billing',
  );

  // A click tag: the element by the advanced CSS selector, only on project pages.
  await page.getByRole('button', { name: 'New feature tag' }).click();
  await form.getByLabel('Event name').fill('Export clicked');
  await expect(form.getByLabel('A click on an element')).toBeChecked();
  await form.getByText('Advanced: CSS selector').click();
  await form.getByLabel('CSS selector (tried first)').fill('[data-action="export"]');
  await form.getByLabel('CSS selector (tried first)').press('Tab');
  await form.getByLabel('Only on pages (optional)').fill('/projects/*');
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/feature-tags-form-1280.png`, fullPage: true });
  await form.getByRole('button', { name: 'Create tag' }).click();
  await expect(table.getByRole('row', { name: /Export clicked/ })).toContainText(
    'Click on [data-action="export"] on /projects/*',
  );
  // Listed by name with their 30-day counts.
  await expect(table.locator('tbody tr td:first-child')).toHaveText([
    'Export clicked',
    'Visited billing',
  ]);

  // The server refuses a taken name: its message shows next to the name.
  await page.getByRole('button', { name: 'New feature tag' }).click();
  await form.getByLabel('Event name').fill('Export clicked');
  await form.getByLabel('A page view').check();
  await form.getByLabel('Page path').fill('/x');
  await form.getByRole('button', { name: 'Create tag' }).click();
  await expect(form.locator('#tag-new-name-error')).toContainText('exists already');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Edit in place.
  await page.getByRole('button', { name: 'Edit Visited billing' }).click();
  const edit = page.getByRole('form', { name: 'Edit “Visited billing”' });
  await edit.getByLabel('Page path').fill('/settings/billing/*');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(table.getByRole('row', { name: /Visited billing/ })).toContainText(
    'Page view of /settings/billing/*',
  );

  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/feature-tags-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 900 });
  await page.screenshot({ path: `${SHOTS}/feature-tags-768.png`, fullPage: true });
  await expectAccessible(page);

  // The SDK delivers both with the session answer.
  const sdkKey = await sdkKeyOf(page, account);
  const session = await page.request.post('/sdk/v1/session', {
    headers: { 'x-waymark-key': sdkKey },
    data: {
      user: { anonymousId: `anon-${randomUUID()}` },
      context: { url: 'https://app.example/' },
    },
  });
  expect(session.status()).toBe(200);
  const answer = (await session.json()) as SessionResponse;
  expect(answer.featureTags).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: 'Export clicked',
        kind: 'click',
        target: expect.objectContaining({ selector: '[data-action="export"]' }),
        url: '/projects/*',
      }),
      expect.objectContaining({
        name: 'Visited billing',
        kind: 'page',
        url: '/settings/billing/*',
      }),
    ]),
  );

  // Delete through the confirmation dialog.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Delete Visited billing' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete tag' }).click();
  await expect(table.getByRole('row', { name: /Visited billing/ })).toHaveCount(0);
  // The taken name's 409 is logged by the browser; nothing else went wrong.
  expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
});

test('feature tags: a viewer reads the list and sees no controls that would change it', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const owner = await signUpBuilder(page);
  const created = await page.request.post(`/api/workspaces/${owner.workspaceId}/feature-tags`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { name: 'Opened help', kind: 'page', url: '/help/*' },
  });
  expect(created.status()).toBe(201);
  const tag = (await created.json()) as FeatureTagRecord;
  const email = `viewer-${randomUUID()}@example.test`;
  const invited = await page.request.post(`/api/workspaces/${owner.workspaceId}/invitations`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { email, role: 'viewer' },
  });
  const { token } = (await invited.json()) as InvitationCreated;

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const errors = watchErrors(viewer);
  const signed = await viewer.request.post('/api/auth/signup', {
    headers: { 'x-forwarded-for': freshIp() },
    data: { email, password: 'a long test password' },
  });
  const csrf = ((await signed.json()) as { csrfToken: string }).csrfToken;
  const accepted = await viewer.request.post(
    `/api/workspaces/${owner.workspaceId}/invitations/accept`,
    { headers: { 'x-csrf-token': csrf }, data: { token } },
  );
  expect(accepted.status(), await accepted.text()).toBe(200);
  await viewer.goto('/feature-tags');
  await viewer.locator('#workspace-select').selectOption(owner.workspaceId);
  await expect(viewer.getByRole('row', { name: new RegExp(tag.name) })).toContainText(
    'Page view of /help/*',
  );
  await expect(viewer.getByRole('button', { name: 'New feature tag' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);
  await expectAccessible(viewer);
  expect(errors).toEqual([]);
  await context.close();
});
