import { expect, test } from '@playwright/test';
import type { ContentDetail, ThemeRecord } from '@waymark/shared';
import {
  SHOTS,
  draftOf,
  expectAccessible,
  openNewContent,
  signUpBuilder,
  watchErrors,
} from './builder-support';

test('themes: create with a contrast check, apply on the Design tab, a theme in use cannot be deleted', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/settings/themes');
  await expect(page.getByRole('heading', { name: 'No shared themes yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Themes' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'New theme' }).click();
  const form = page.getByRole('form', { name: 'New theme' });
  await form.getByLabel('Name').fill('Sunshine');
  await form.getByLabel('Accent (buttons, links, progress)', { exact: true }).fill('#ffeb3b');
  // White text on yellow fails AA: the warning says so with the ratio.
  const checks = form.getByRole('list', { name: /Contrast/ });
  await expect(checks.getByText(/Button text on accent: 1\.\d:1 — below AA/)).toBeVisible();
  await form.getByLabel('Text on accent', { exact: true }).fill('#1d2433');
  await expect(checks.getByText(/Button text on accent: \d+\.\d:1 — passes AA/)).toBeVisible();
  // A value that is not a colour is refused in place and not sent.
  await form.getByLabel('Background', { exact: true }).fill('blue;');
  await expect(form.getByText('A hex, rgb() or hsl() colour, like #4f46e5.')).toBeVisible();
  await form.getByLabel('Background', { exact: true }).fill('rgb(255, 253, 240)');
  await form.getByLabel('Corner radius (px)').fill('4');
  await form.getByLabel('Font').fill('Georgia, serif');
  await page.screenshot({ path: `${SHOTS}/themes-new-1280.png`, fullPage: true });
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Create theme' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Sunshine' });
  await expect(card.getByRole('heading', { name: 'Sunshine' })).toBeVisible();

  const list = await page.request.get(`/api/workspaces/${account.workspaceId}/themes`);
  const [stored] = ((await list.json()) as { data: ThemeRecord[] }).data;
  expect(stored?.theme).toEqual({
    accent: '#ffeb3b',
    accentText: '#1d2433',
    background: 'rgb(255, 253, 240)',
    radius: 4,
    font: 'Georgia, serif',
  });

  // Apply it to a banner on the Design tab, with one override of its own.
  const id = await openNewContent(page, account, 'Themed banner', {
    kind: 'banner',
    blocks: [{ type: 'text', markdown: 'Hello' }],
  });
  await page.getByRole('tab', { name: 'Design' }).click();
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Sunshine' });
  await expect(page.getByText('Empty fields use “Sunshine”.')).toBeVisible();
  await expect(
    page.getByLabel('Accent (buttons, links, progress)', { exact: true }),
  ).toHaveAttribute('placeholder', '#ffeb3b');
  await page.getByLabel('Corner radius (px)').fill('16');
  await expect
    .poll(async () => {
      const response = await page.request.get(
        `/api/workspaces/${account.workspaceId}/content/${id}`,
      );
      const draft = ((await response.json()) as ContentDetail).draft;
      return { themeId: draft?.themeId, theme: draft?.definition.theme };
    })
    .toEqual({ themeId: stored!.id, theme: { radius: 16 } });
  await page.screenshot({ path: `${SHOTS}/design-tab-1280.png`, fullPage: true });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear 1 override' }).click();
  await expect.poll(async () => (await draftOf(page, account, id))?.theme).toBeUndefined();

  // The theme is in use: deleting it shows the server's conflict message.
  await page.goto('/settings/themes');
  await card.getByRole('button', { name: 'Delete Sunshine' }).click();
  await card.getByRole('button', { name: 'Delete “Sunshine”' }).click();
  await expect(card.getByRole('alert')).toContainText('1 content version(s) use this theme.');

  // Renaming works; a blank name is refused before it is sent.
  await card.getByRole('button', { name: 'Edit Sunshine' }).click();
  const edit = page.getByRole('form', { name: 'Edit Sunshine' });
  await edit.getByLabel('Name').fill(' ');
  await edit.getByRole('button', { name: 'Save theme' }).click();
  await expect(edit.getByText('Give the theme a name.')).toBeVisible();
  await edit.getByLabel('Name').fill('Sunny brand');
  await edit.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByRole('heading', { name: 'Sunny brand' })).toBeVisible();

  // Once no content uses it (the item goes back to the default look), it can be deleted.
  await page.goto(`/content/${id}?tab=design`);
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Default look' });
  await expect
    .poll(async () => {
      const response = await page.request.get(
        `/api/workspaces/${account.workspaceId}/content/${id}`,
      );
      return ((await response.json()) as ContentDetail).draft?.themeId;
    })
    .toBeNull();
  await page.goto('/settings/themes');
  const renamed = page.getByRole('listitem').filter({ hasText: 'Sunny brand' });
  await renamed.getByRole('button', { name: 'Delete Sunny brand' }).click();
  await renamed.getByRole('button', { name: 'Delete “Sunny brand”' }).click();
  await expect(page.getByRole('heading', { name: 'No shared themes yet' })).toBeVisible();

  await page.setViewportSize({ width: 768, height: 1000 });
  await page.getByRole('button', { name: 'New theme' }).click();
  await page.screenshot({ path: `${SHOTS}/themes-768.png`, fullPage: true });
  await expectAccessible(page);
  expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
});
