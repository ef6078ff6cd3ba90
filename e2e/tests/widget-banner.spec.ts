import { expect, test } from '@playwright/test';
import { templates, type BannerDefinition } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  collect,
  collected,
  openHost,
  preview,
  widget,
} from './widget-host';

allowLocalServer(test);

const banner = (overrides: Partial<BannerDefinition> = {}): BannerDefinition => ({
  ...(templates.announcementBanner.definition as BannerDefinition),
  ...overrides,
});
const top = async (page: import('@playwright/test').Page, selector: string) =>
  (await page.locator(selector).boundingBox())!.y;

test('an overlay banner floats at the top over the page, which does not move', async ({ page }) => {
  await openHost(page);
  const before = await top(page, 'main h1');
  await preview(page, banner());
  const region = widget(page).getByRole('region', { name: 'Announcement' });
  await expect(region).toBeVisible();
  const box = (await region.boundingBox())!;
  expect(box.y).toBe(0);
  expect(box.width).toBe(1280);
  expect(await top(page, 'main h1')).toBe(before);
  expect(await axe(page)).toEqual([]);
});

test('a push banner moves the page down by its height, and back when dismissed', async ({
  page,
}) => {
  await openHost(page);
  await collect(page);
  const before = await top(page, 'header');
  await preview(page, banner({ mode: 'push' }));
  const region = page.getByRole('region', { name: 'Announcement' });
  await expect(region).toBeVisible();
  const height = (await region.boundingBox())!.height;
  expect(await top(page, 'header')).toBe(before + height);
  await expect(region).not.toBeFocused();
  expect(await axe(page)).toEqual([]);

  await region.getByRole('button', { name: 'Close' }).click();
  await expect(region).toHaveCount(0);
  expect(await top(page, 'header')).toBe(before);
  expect((await collected(page)).map((c) => c.name)).toEqual([
    'content:shown',
    'content:dismissed',
  ]);
});

test('a bottom banner stays in view; pushed, it never covers the end of the page', async ({
  page,
}) => {
  await openHost(page, { body: '<div style="height:1500px"></div><p id="end">The end</p>' });
  await preview(page, banner({ position: 'bottom', mode: 'push' }));
  const region = page.getByRole('region', { name: 'Announcement' });
  await expect(region).toBeVisible();
  let box = (await region.boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(720);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  box = (await region.boundingBox())!;
  const end = (await page.locator('#end').boundingBox())!;
  expect(end.y + end.height).toBeLessThanOrEqual(box.y);
});

test('pressing the call to action completes the banner', async ({ page }) => {
  await openHost(page);
  await collect(page);
  await preview(
    page,
    banner({
      blocks: [
        { type: 'text', markdown: 'Try the beta' },
        { type: 'button', label: 'Join', variant: 'primary', action: { type: 'complete' } },
      ],
    }),
  );
  await widget(page).getByRole('button', { name: 'Join' }).click();
  await expect(widget(page).getByRole('region')).toHaveCount(0);
  expect((await collected(page)).map((c) => c.name)).toEqual([
    'content:shown',
    'content:completed',
  ]);
});

test('on a 360 px screen the banner wraps inside the width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openHost(page);
  await preview(page, banner());
  const region = widget(page).getByRole('region');
  const box = (await region.boundingBox())!;
  expect(box.width).toBe(360);
  const button = (await region.getByRole('button', { name: 'See what is new' }).boundingBox())!;
  expect(button.x + button.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('banner-360.png') });
});
