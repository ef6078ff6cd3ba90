import { expect, test, type Page } from '@playwright/test';
import {
  templates,
  type ContentDefinition,
  type ContentDetail,
  type FlowDefinition,
} from '@waymark/shared';
import {
  SHOTS,
  expectAccessible,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

async function createItem(
  page: Page,
  account: BuilderAccount,
  name: string,
  definition: ContentDefinition,
): Promise<string> {
  const response = await page.request.post(`/api/workspaces/${account.workspaceId}/content`, {
    headers: { 'x-csrf-token': account.csrf },
    data: { name, definition },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as ContentDetail).id;
}

async function readItem(page: Page, account: BuilderAccount, id: string): Promise<ContentDetail> {
  const response = await page.request.get(`/api/workspaces/${account.workspaceId}/content/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ContentDetail;
}

const draftSteps = (item: ContentDetail) => (item.draft!.definition as FlowDefinition).steps;
const stepList = (page: Page) => page.getByRole('list', { name: 'Steps' }).locator(':scope > li');
const preview = (page: Page) => page.frameLocator('iframe.preview-frame');
const saved = (page: Page) =>
  expect(page.locator('.save-status [role=status]')).toHaveText('Saved', { timeout: 10_000 });

test('a flow is edited (add, reorder by keyboard and drag, button action), autosaved, kept on reload and previewed live', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const id = await createItem(page, account, 'Tour', templates.productTour.definition);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/content/${id}`);

  // The preview renders the selected step with the widget's own components.
  await expect(preview(page).getByRole('dialog', { name: 'Take a quick tour' })).toBeVisible();
  await page.getByRole('button', { name: /^2\s*Find your way/ }).click();
  await expect(page.getByRole('heading', { name: 'Step 2: Find your way' })).toBeVisible();
  await expect(preview(page).getByText('Everything you work on is one click away')).toBeVisible();
  await expect(stepList(page)).toHaveCount(5);

  // Add a modal step and give it a heading: the preview follows as it is typed.
  await page.getByLabel('New step').selectOption('modal');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(stepList(page)).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Step 6: New step' })).toBeVisible();
  const heading = page.getByLabel('Heading', { exact: true });
  await heading.fill('Last words');
  await expect(heading).toBeFocused(); // the preview never takes the keyboard away
  await expect(preview(page).getByRole('dialog', { name: 'Last words' })).toBeVisible();

  // Keyboard: Alt+↑ on the handle moves it up one place.
  await page.getByRole('button', { name: 'Reorder Step 6: Last words' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(stepList(page).nth(4)).toContainText('Last words');
  await expect(page.getByRole('button', { name: 'Reorder Step 5: Last words' })).toBeFocused();

  // Drag: the first step's handle dropped on the second row.
  await page
    .getByRole('button', { name: 'Reorder Step 1: Take a quick tour' })
    .dragTo(stepList(page).nth(1));
  await expect(stepList(page).nth(0)).toContainText('Find your way');
  await expect(stepList(page).nth(1)).toContainText('Take a quick tour');

  // A button's action: "Start the tour" now opens a page in a new tab.
  await page.getByRole('button', { name: /^2\s*Take a quick tour/ }).click();
  const block = page.locator('.block-item').filter({ hasText: 'Start the tour' });
  await block.getByLabel('When pressed').selectOption('url');
  await block.getByLabel('URL').fill('https://example.com/docs');
  await block.getByLabel('Open in a new tab').check();
  await saved(page);

  const stored = draftSteps(await readItem(page, account, id));
  expect(stored.map((s) => s.id)).toEqual([
    'navigation',
    'intro',
    'create',
    'help',
    'step-6',
    'done',
  ]);
  expect(stored[1]!.blocks[3]).toEqual({
    type: 'button',
    label: 'Start the tour',
    variant: 'primary',
    action: { type: 'url', url: 'https://example.com/docs', newTab: true },
  });

  await page.reload();
  await expect(stepList(page).nth(4)).toContainText('Last words');
  await page.getByRole('button', { name: /^2\s*Take a quick tour/ }).click();
  await expect(
    page.locator('.block-item').filter({ hasText: 'Start the tour' }).getByLabel('URL'),
  ).toHaveValue('https://example.com/docs');
  await expect(preview(page).getByRole('dialog', { name: 'Take a quick tour' })).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/flow-editor-1280.png`, fullPage: true });
  await expectAccessible(page);
  // Mobile viewport of the preview.
  await page.getByRole('button', { name: 'Mobile (360 px)' }).click();
  await expect(page.locator('iframe.preview-frame')).toHaveJSProperty('offsetWidth', 360);
  await expect(preview(page).getByRole('dialog', { name: 'Take a quick tour' })).toBeVisible();
  await page.setViewportSize({ width: 768, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/flow-editor-768.png`, fullPage: true });
  await expectAccessible(page);
  // A draft caught half-typed (an empty URL) is refused with a 400 and saved on the next pause.
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test('server validation errors appear next to their fields; unsaved work asks before leaving', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const id = await createItem(page, account, 'Welcome', templates.welcomeModal.definition);
  await page.goto(`/content/${id}`);
  await expect(page.getByRole('heading', { name: 'Step 1: Welcome aboard 👋' })).toBeVisible();

  // An open-URL action with an address the browser lets through but the schema refuses.
  const button = page.locator('.block-item').filter({ hasText: 'Get started' });
  await button.getByLabel('When pressed').selectOption('url');
  const url = button.getByLabel('URL');
  await url.fill('javascript:alert(1)');
  // An empty heading: the client only marks it required; the server refuses it.
  await page.getByLabel('Heading', { exact: true }).fill('');

  await expect(page.locator('.save-status')).toContainText('Not saved — fix the marked fields');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  const urlError = page.locator(`#${await url.getAttribute('id')}-error`);
  await expect(urlError).toBeVisible();
  await expect(page.locator('#step-0-block-0-text-error')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Step 1 › Block 4 › action › url');
  await page.screenshot({ path: `${SHOTS}/flow-validation-1280.png`, fullPage: true });

  // Leaving now would lose the edits: the in-app link asks, and "stay" keeps the page.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('link', { name: 'Content', exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/content/${id}$`));

  await url.fill('https://example.com/start');
  await page.getByLabel('Heading', { exact: true }).fill('Hello');
  await saved(page);
  await expect(urlError).toHaveCount(0);
  const steps = draftSteps(await readItem(page, account, id));
  expect(steps[0]!.blocks[0]).toEqual({ type: 'heading', text: 'Hello' });
  // Saved: leaving no longer asks.
  await page.getByRole('link', { name: 'Content', exact: true }).first().click();
  await expect(page).toHaveURL(/\/content$/);
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test('publishing shows the changes against the live version; history rolls back', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const id = await createItem(page, account, 'Tour', templates.productTour.definition);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/content/${id}`);

  await page.getByRole('button', { name: 'Publish…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog).toContainText('This is the first publication');
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.locator('.editor-meta')).toContainText('v1 live');
  await expect(page.locator('.editor-meta .badge-published')).toBeVisible();

  // Change step 1's heading and remove step 2.
  await page.getByLabel('Heading', { exact: true }).fill('A shorter tour');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Remove Step 2: Find your way' }).click();
  await expect(stepList(page)).toHaveCount(4);
  await saved(page);
  await expect(page.locator('.editor-meta')).toContainText('Unpublished changes');

  await page.getByRole('button', { name: 'Publish…' }).click();
  dialog = page.getByRole('dialog', { name: 'Publish' });
  const changes = dialog.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText('Changed Step 1: A shorter tour');
  await expect(changes).toContainText('“Take a quick tour” → “A shorter tour”');
  await expect(changes).toContainText('Removed Step 2: Find your way');
  await page.screenshot({ path: `${SHOTS}/publish-diff-1280.png` });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.locator('.editor-meta')).toContainText('v2 live');

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(/tab=history/);
  const versions = page
    .getByRole('list', { name: 'Versions, newest first' })
    .locator(':scope > li');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('v2');
  await expect(versions.nth(0)).toContainText('Live');
  await versions.nth(1).getByRole('button', { name: 'View v1' }).click();
  await expect(versions.nth(1)).toContainText('5 steps');
  await expect(versions.nth(1)).toContainText('tooltip: Find your way');
  await page.screenshot({ path: `${SHOTS}/history-1280.png`, fullPage: true });
  await expectAccessible(page);

  await versions.nth(1).getByRole('button', { name: 'Roll back to v1' }).click();
  const confirm = page.getByRole('dialog', { name: 'Roll back to v1?' });
  await confirm.getByRole('button', { name: 'Serve v1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'v1 is live again.' })).toBeVisible();
  await expect(page.locator('.editor-meta')).toContainText('v1 live');
  expect((await readItem(page, account, id)).publishedVersion).toBe(1);
  expect(errors).toEqual([]);
});

test('lifecycle: unpublish, archive makes it read-only with a clear message, restore, duplicate; delete only before publishing', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const id = await createItem(page, account, 'Banner', templates.announcementBanner.definition);
  await page.goto(`/content/${id}`);
  // Never published: it can be deleted. Published: not any more.
  await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page
    .getByRole('dialog', { name: 'Publish' })
    .getByRole('button', { name: 'Publish now' })
    .click();
  await expect(page.locator('.editor-meta')).toContainText('v1 live');
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Unpublish' }).click();
  await page
    .getByRole('dialog', { name: 'Unpublish?' })
    .getByRole('button', { name: 'Unpublish' })
    .click();
  await expect(page.locator('.editor-meta .badge-draft')).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await page
    .getByRole('dialog', { name: 'Archive?' })
    .getByRole('button', { name: 'Archive' })
    .click();
  await expect(page.getByText('This item is archived')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored as a draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Content name').fill('Banner, renamed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Banner, renamed' })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Banner, renamed');
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete for good?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page).toHaveURL(/\/content$/);
  await expect(page.locator('table.content-table tbody tr')).toHaveCount(1);
  expect(errors).toEqual([]);
});
