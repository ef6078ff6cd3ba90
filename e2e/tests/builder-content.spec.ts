import { expect, test, type Page } from '@playwright/test';
import {
  templates,
  type ContentDefinition,
  type ContentDetail,
  type InvitationCreated,
  type MeResponse,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { SHOTS, expectAccessible, freshIp, signUpBuilder, watchErrors } from './builder-support';

/** A text the widget shows first for a definition: what the live preview must render. */
function firstText(definition: ContentDefinition): string {
  switch (definition.kind) {
    case 'flow': {
      const block = definition.steps[0]!.blocks[0]!;
      return block.type === 'heading' ? block.text : '';
    }
    case 'checklist':
      return definition.title;
    case 'survey':
      return definition.questions[0]!.prompt;
    case 'banner':
      return 'dashboards now update in real time';
    case 'launcher':
      return definition.label;
  }
}

/** Creates an item through the builder's dialog and waits for its editor. */
async function createFromDialog(page: Page, starter: string, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Create content' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create content' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(`^${starter}`) }).check();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create and edit' }).click();
  await expect(page).toHaveURL(/\/content\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return page.url().split('/').pop()!;
}

test('creating from every template opens its editor; the list filters by name, kind and status in the URL', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/content');
  await expect(page.getByRole('heading', { name: 'No content yet' })).toBeVisible();

  const created: Record<string, string> = {};
  for (const template of Object.values(templates)) {
    await page.goto('/content');
    const name = `${template.name} (e2e)`;
    created[name] = await createFromDialog(page, template.name, name);
    // The editor of the template's kind is there: its Build tab and live preview.
    await expect(page.getByRole('tab', { name: 'Build' })).toHaveAttribute('aria-selected', 'true');
    // The live preview renders it with the widget's own surfaces.
    await expect(
      page.frameLocator('iframe.preview-frame').getByText(firstText(template.definition)).first(),
    ).toBeVisible();
  }
  // A blank item of a kind too.
  await page.goto('/content');
  const blankId = await createFromDialog(page, 'Blank banner', 'Blank banner (e2e)');
  const stored = await page.request.get(
    `/api/workspaces/${account.workspaceId}/content/${blankId}`,
  );
  expect(((await stored.json()) as ContentDetail).kind).toBe('banner');

  await page.goto('/content');
  const rows = page.locator('table.content-table tbody tr');
  await expect(rows).toHaveCount(Object.keys(templates).length + 1);
  // Audience summaries arrive from the items' delivery settings.
  await expect(rows.first().getByRole('cell', { name: 'Everyone' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/content-list-1280.png`, fullPage: true });
  await expectAccessible(page);

  await page.getByLabel('Search by name').fill('modal');
  await expect(page).toHaveURL(/q=modal/);
  await expect(rows).toHaveCount(3); // welcome, celebration, upsell
  await page.getByLabel('Kind').selectOption('flow');
  await expect(page).toHaveURL(/kind=flow/);
  await page.getByLabel('Search by name').fill('');
  await expect(rows).toHaveCount(4); // the three modals and the product tour
  await page.getByLabel('Status').selectOption('published');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();

  // The filters survive a reload: they live in the URL.
  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('flow');
  await expect(page.getByLabel('Status')).toHaveValue('published');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(Object.keys(templates).length + 1);

  await page.setViewportSize({ width: 768, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/content-list-768.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create content' }).click();
  await page.screenshot({ path: `${SHOTS}/create-dialog-768.png` });
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create content' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('a viewer sees the list and the editor read-only, with no create or lifecycle buttons; the tabs work by keyboard', async ({
  page,
  browser,
}) => {
  const owner = await signUpBuilder(page);
  const created = await page.request.post(`/api/workspaces/${owner.workspaceId}/content`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { name: 'Shared tour', definition: templates.productTour.definition },
  });
  const item = (await created.json()) as ContentDetail;
  const email = `viewer-${randomUUID()}@example.test`;
  const invited = await page.request.post(`/api/workspaces/${owner.workspaceId}/invitations`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { email, role: 'viewer' },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const { token } = (await invited.json()) as InvitationCreated;

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const errors = watchErrors(viewer);
  const signup = await viewer.request.post('/api/auth/signup', {
    headers: { 'x-forwarded-for': freshIp() },
    data: { email, password: 'a long test password' },
  });
  const me = (await signup.json()) as MeResponse;
  const accepted = await viewer.request.post(
    `/api/workspaces/${owner.workspaceId}/invitations/accept`,
    { headers: { 'x-csrf-token': me.csrfToken }, data: { token } },
  );
  expect(accepted.status(), await accepted.text()).toBe(200);
  await viewer.addInitScript(
    (id) => localStorage.setItem('waymark.workspaceId', id),
    owner.workspaceId,
  );

  await viewer.goto('/content');
  await expect(viewer.getByRole('link', { name: 'Shared tour' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Create content' })).toHaveCount(0);
  await expectAccessible(viewer);

  await viewer.getByRole('link', { name: 'Shared tour' }).click();
  await expect(viewer).toHaveURL(new RegExp(`/content/${item.id}$`));
  await expect(viewer.getByRole('heading', { level: 1, name: 'Shared tour' })).toBeVisible();
  for (const name of ['Publish…', 'Archive', 'Duplicate', 'Rename', 'Add step']) {
    await expect(viewer.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(viewer.getByLabel('Heading', { exact: true })).toBeDisabled();
  await expectAccessible(viewer);

  // Tabs: ←/→ move between them and open them.
  await viewer.getByRole('tab', { name: 'Build' }).focus();
  await viewer.keyboard.press('ArrowRight');
  await expect(viewer.getByRole('tab', { name: 'Design' })).toBeFocused();
  await expect(viewer.getByRole('tab', { name: 'Design' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(viewer).toHaveURL(/tab=design/);
  await viewer.keyboard.press('End');
  await expect(viewer.getByRole('tab', { name: 'History' })).toBeFocused();
  await expect(viewer.getByRole('tabpanel', { name: 'History' })).toContainText('v1');
  await expect(viewer.getByRole('button', { name: /Roll back/ })).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
