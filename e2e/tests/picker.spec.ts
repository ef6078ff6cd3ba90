import { expect, test, type Page } from '@playwright/test';
import type { ContentDetail, FlowDefinition } from '@waymark/shared';
import {
  SHOTS,
  expectAccessible,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

/** A one-step tour whose tooltip has no target yet. */
const tour: FlowDefinition = {
  kind: 'flow',
  steps: [
    {
      id: 'create',
      type: 'tooltip',
      placement: 'auto',
      backdrop: false,
      advance: { on: 'button' },
      blocks: [{ type: 'heading', text: 'Start here' }],
      target: { attributes: {}, selector: '#nowhere' },
    },
  ],
};

async function createTour(page: Page, account: BuilderAccount): Promise<string> {
  const response = await page.request.post(`/api/workspaces/${account.workspaceId}/content`, {
    headers: { 'x-csrf-token': account.csrf },
    data: { name: 'Picked tour', definition: tour },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as ContentDetail).id;
}

test('the element picker: pick on the demo app, the field shows the fingerprint and "unique"', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const id = await createTour(page, account);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/content/${id}`);
  const field = page.locator('fieldset.target-field').first();
  await expect(field).toBeVisible();
  await expect(field.getByText('Not checked', { exact: false })).toBeVisible();

  const [app] = await Promise.all([
    context.waitForEvent('page'),
    field.getByRole('button', { name: /Pick (again )?on page/ }).click(),
  ]);
  await app.waitForLoadState();
  expect(app.url()).toMatch(/\/demo\/(\?key=wm_pk_[\w-]+)?#waymark-pick=[\w-]{43}$/);
  const picker = app.locator('waymark-picker .bar');
  await expect(picker).toHaveText(/click the element/);

  // Hovering highlights; the click is the picker's, not the app's (no toast, no navigation).
  await app.setViewportSize({ width: 1100, height: 800 });
  const button = app.getByRole('button', { name: 'New project' });
  await button.hover();
  await expect(app.locator('waymark-picker .tag')).toHaveText('button “New project”');
  await app.screenshot({ path: `${SHOTS}/picker-hover.png` });
  await button.click();
  await expect(page.locator('fieldset.target-field .target-unique').first()).toHaveText('unique');
  await expect.poll(() => app.isClosed()).toBe(true);

  const signals = field.locator('dl.target-signals');
  await expect(signals).toContainText('data-testid');
  await expect(signals).toContainText('new-project');
  await expect(signals).toContainText('“New project”');
  await expect(signals).toContainText('button');
  await expect(field.locator('.target-warnings')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/picker-field-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 900 });
  await page.screenshot({ path: `${SHOTS}/picker-field-768.png`, fullPage: true });
  await expectAccessible(page, 'fieldset.target-field');

  // The draft saved the fingerprint (the editor autosaves).
  await expect
    .poll(
      async () => {
        const item = (await (
          await page.request.get(`/api/workspaces/${account.workspaceId}/content/${id}`)
        ).json()) as ContentDetail;
        return (item.draft?.definition as FlowDefinition).steps[0]?.target?.attributes;
      },
      { timeout: 10_000 },
    )
    .toMatchObject({ 'data-testid': 'new-project', id: 'new-project' });
  expect(errors).toEqual([]);
});

test('the element picker: Esc cancels and leaves the target as it was', async ({
  page,
  context,
}) => {
  const account = await signUpBuilder(page);
  const id = await createTour(page, account);
  await page.goto(`/content/${id}`);
  const field = page.locator('fieldset.target-field').first();
  const [app] = await Promise.all([
    context.waitForEvent('page'),
    field.getByRole('button', { name: /Pick (again )?on page/ }).click(),
  ]);
  await expect(app.locator('waymark-picker .bar')).toHaveText(/click the element/);
  // The builder closes the window as soon as the keydown's cancel arrives, which can be before
  // the keyup: a press that ends on a closed page is the expected outcome, not a failure.
  await app.keyboard.press('Escape').catch(() => undefined);
  await expect.poll(() => app.isClosed()).toBe(true);
  await expect(field.getByRole('button', { name: /Pick (again )?on page/ })).toBeEnabled();
  await expect(field.locator('dl.target-signals')).toHaveCount(0);
  await expect(field.getByLabel('CSS selector (tried first)')).toHaveValue('#nowhere');
});

test('the picker ignores a message without the pick token', async ({ page }) => {
  // The widget answers only the window that opened it, and the builder accepts only its token:
  // a forged message from the same origin but another window changes nothing.
  const account = await signUpBuilder(page);
  const id = await createTour(page, account);
  await page.goto(`/content/${id}`);
  const field = page.locator('fieldset.target-field').first();
  const popup = page.waitForEvent('popup');
  await field.getByRole('button', { name: /Pick (again )?on page/ }).click();
  const app = await popup;
  await app.evaluate(() =>
    window.opener.postMessage(
      {
        type: 'waymark:picked',
        token: 'forged-token-forged-token-forged-token-xxxx',
        target: { attributes: { id: 'evil' } },
        matches: 1,
        fragile: [],
      },
      '*',
    ),
  );
  await page.waitForTimeout(500);
  await expect(field.locator('dl.target-signals')).toHaveCount(0);
  await app.close();
  await expect(field.getByRole('button', { name: /Pick (again )?on page/ })).toBeEnabled();
});
