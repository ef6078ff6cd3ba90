import { expect, test } from '@playwright/test';
import { templates, type LauncherDefinition } from '@waymark/shared';
import { allowLocalServer, axe, openHost, preview, widget } from './widget-host';

allowLocalServer(test);

test('a corner launcher opens its popover above it and closes with Esc', async ({ page }) => {
  await openHost(page);
  await preview(page, templates.helpLauncher.definition);
  const button = widget(page).getByRole('button', { name: 'Help' });
  const corner = (await button.boundingBox())!;
  expect(Math.round(1280 - (corner.x + corner.width))).toBe(20);
  await button.click();
  const popover = widget(page).getByRole('dialog', { name: 'Need a hand?' });
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(corner.y);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('a beacon launcher sits beside its element', async ({ page }) => {
  await openHost(page);
  const beacon: LauncherDefinition = {
    ...(templates.helpLauncher.definition as LauncherDefinition),
    style: 'beacon',
    label: 'What is this?',
    target: { attributes: { 'data-tour': 'invite' }, tag: 'button' },
    placement: 'bottom',
  };
  await preview(page, beacon);
  const button = widget(page).getByRole('button', { name: 'What is this?' });
  await expect(button).toBeVisible();
  const target = (await page.locator('#invite').boundingBox())!;
  const dot = (await button.boundingBox())!;
  expect(Math.round(dot.x - (target.x + target.width))).toBe(4);
  await button.click();
  await expect(widget(page).getByRole('dialog')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});
