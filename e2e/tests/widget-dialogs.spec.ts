import { expect, test, type Page } from '@playwright/test';
import { templates, type FlowDefinition, type Step } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  collect,
  collected,
  openHost,
  preview,
  settled,
  watchErrors,
  widget,
} from './widget-host';

allowLocalServer(test);

const focusedText = (page: Page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement;
    return inner
      ? `widget:${inner.getAttribute('role') ?? inner.textContent}`
      : (document.activeElement?.id ?? '');
  });

const slideout = (overrides: Partial<Step> = {}): FlowDefinition => ({
  kind: 'flow',
  steps: [
    {
      id: 'news',
      type: 'slideout',
      placement: 'auto',
      backdrop: false,
      advance: { on: 'button' },
      slideout: { position: 'bottom-right' },
      blocks: [
        { type: 'heading', text: 'Release notes' },
        { type: 'text', markdown: 'Exports are **twice** as fast.' },
        { type: 'button', label: 'Got it', variant: 'primary', action: { type: 'complete' } },
      ],
      ...overrides,
    },
  ],
});

test('a welcome modal takes focus, keeps Tab inside, closes on Esc and gives focus back', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openHost(page);
  await collect(page);
  await page.locator('#invite').focus();
  await preview(page, templates.welcomeModal.definition);

  const dialog = widget(page).getByRole('dialog', { name: 'Welcome aboard 👋' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect.poll(() => focusedText(page)).toBe('widget:dialog');
  // Close, Maybe later, Get started, and round again: focus never reaches the page.
  const walk: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    walk.push(await focusedText(page));
  }
  expect(walk).toEqual(['widget:×', 'widget:Maybe later', 'widget:Get started', 'widget:×']);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedText(page)).toBe('widget:Get started');
  expect(await axe(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await focusedText(page)).toBe('invite');
  expect((await collected(page)).map((c) => c.name)).toEqual([
    'content:shown',
    'step:viewed',
    'content:dismissed',
  ]);
  expect(errors).toEqual([]);
});

test('the page behind a modal cannot be clicked', async ({ page }) => {
  await openHost(page);
  await preview(page, templates.upsellModal.definition);
  await expect(widget(page).getByRole('dialog')).toBeVisible();
  await expect(page.locator('#create'))
    .not.toBeInViewport({ ratio: 0 })
    .catch(() => {});
  const hit = await page.evaluate(() => {
    const b = document.getElementById('create')!.getBoundingClientRect();
    return (
      document.elementFromPoint(b.x + 5, b.y + 5)?.id ??
      document.elementFromPoint(b.x + 5, b.y + 5)?.tagName
    );
  });
  expect(hit).toBe('waymark-root');
});

test('a celebration modal bursts confetti, and not under reduced motion', async ({ page }) => {
  await openHost(page);
  await preview(page, templates.celebrationModal.definition);
  const confetti = widget(page).locator('.confetti');
  await expect(confetti).toBeVisible();
  await expect(confetti.locator('i')).toHaveCount(18);
  expect(await axe(page)).toEqual([]);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await preview(page, templates.celebrationModal.definition);
  await expect(widget(page).getByRole('dialog')).toBeVisible();
  await expect(widget(page).locator('.confetti')).toBeHidden();
  const animation = await widget(page)
    .getByRole('dialog')
    .evaluate((card) => getComputedStyle(card).animationName);
  expect(animation).toBe('none');
});

test('a slideout sits in its corner, leaves the page usable and does not steal focus', async ({
  page,
}) => {
  await openHost(page, { body: '<input id="search" aria-label="Search">' });
  await page.locator('#search').focus();
  await page.keyboard.type('abc');
  await preview(page, slideout());

  const dialog = widget(page).getByRole('dialog', { name: 'Release notes' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveAttribute('aria-modal', 'true');
  await settled(dialog);
  const card = (await dialog.boundingBox())!;
  expect(Math.round(1280 - (card.x + card.width))).toBe(20);
  expect(Math.round(720 - (card.y + card.height))).toBe(20);
  expect(await focusedText(page)).toBe('search');
  await page.keyboard.type('d');
  await expect(page.locator('#search')).toHaveValue('abcd');
  expect(await axe(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Got it' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a slideout in another corner, and with a backdrop it blocks like a modal', async ({
  page,
}) => {
  await openHost(page);
  await preview(page, slideout({ slideout: { position: 'top-left' }, backdrop: true }));
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await settled(dialog);
  const card = (await dialog.boundingBox())!;
  expect(Math.round(card.x)).toBe(20);
  expect(Math.round(card.y)).toBe(20);
});

test('a theme colours the surface; the host page can theme with custom properties', async ({
  page,
}) => {
  await openHost(page, { css: '#waymark-root{--waymark-radius:2px}' });
  await preview(page, templates.welcomeModal.definition, {
    theme: { accent: '#0f766e', font: 'Georgia, serif' },
  });
  const primary = widget(page).getByRole('button', { name: 'Get started' });
  await expect(primary).toHaveCSS('background-color', 'rgb(15, 118, 110)');
  await expect(primary).toHaveCSS('font-family', 'Georgia, serif');
  await expect(widget(page).getByRole('dialog')).toHaveCSS('border-radius', '2px');
  expect(await axe(page)).toEqual([]);
});
