import { expect, test, type Page } from '@playwright/test';
import type { FlowDefinition, Step } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  collect,
  collected,
  openHost,
  preview,
  watchErrors,
  widget,
} from './widget-host';

allowLocalServer(test);

const tip = (id: string, selector: string, overrides: Partial<Step> = {}): Step => ({
  id,
  type: 'tooltip',
  target: { attributes: {}, selector },
  placement: 'bottom',
  backdrop: false,
  advance: { on: 'button' },
  blocks: [
    { type: 'heading', text: `Step ${id}` },
    { type: 'text', markdown: 'Projects keep **tasks** together.' },
  ],
  ...overrides,
});
const flow = (...steps: Step[]): FlowDefinition => ({ kind: 'flow', steps });

const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;
/** What has focus, looking into the widget's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement;
    return inner
      ? `widget:${inner.getAttribute('role') ?? inner.textContent}`
      : (document.activeElement?.id ?? '');
  });

test('a tooltip sits at its target, arrow pointing at it, and works by keyboard', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openHost(page);
  await collect(page);
  await preview(page, flow(tip('one', '#create'), tip('two', '#invite')));

  const dialog = widget(page).getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Step one' })).toBeVisible();
  const button = await box(page, '#create');
  const card = (await dialog.boundingBox())!;
  expect(card.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(card.y - (button.y + button.height)).toBeLessThan(20);
  const arrow = (await widget(page).locator('.arrow').boundingBox())!;
  expect(Math.abs(arrow.x + arrow.width / 2 - (button.x + button.width / 2))).toBeLessThan(3);

  // Nothing had focus: the step takes it (after the frame that paints it); Tab walks its
  // buttons; Enter moves on.
  await expect.poll(() => focused(page)).toBe('widget:dialog');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('widget:×');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('widget:Next');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Step two' })).toBeVisible();
  await expect.poll(() => focused(page)).toBe('widget:dialog');
  expect(await axe(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  const names = (await collected(page)).map((c) => `${c.name}:${String(c.payload.stepId)}`);
  expect(names).toEqual([
    'content:shown:one',
    'step:viewed:one',
    'step:viewed:two',
    'content:dismissed:two',
  ]);
  expect(errors).toEqual([]);
});

test('focus moves into a card after the frame that first paints it, not before', async ({
  page,
}) => {
  await openHost(page);
  // In each frame's callbacks (before it paints): is the card visible yet, and has it focus?
  await page.evaluate(() => {
    const check = (): void => {
      const root = document.getElementById('waymark-root')?.shadowRoot;
      const card = root?.querySelector('[role=dialog]');
      if (card && getComputedStyle(card).visibility === 'visible') {
        (window as unknown as { firstFrame: unknown }).firstFrame = {
          focused: root?.activeElement === card,
        };
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await preview(page, flow(tip('one', '#create')));

  await expect.poll(() => focused(page)).toBe('widget:dialog');
  const firstFrame = await page.evaluate(
    () => (window as unknown as { firstFrame: unknown }).firstFrame,
  );
  // Focusing would have forced style and layout before that frame (issue 3: paint speed).
  expect(firstFrame).toEqual({ focused: false });
});

test('flips above a target at the bottom and shifts inside the viewport at the edge', async ({
  page,
}) => {
  await openHost(page, {
    body: '<div style="height:2000px"></div>',
    css: '#corner{position:fixed;right:0;bottom:0;width:60px;height:30px}',
  });
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'corner';
    b.textContent = 'Go';
    document.body.append(b);
  });
  await preview(page, flow(tip('edge', '#corner', { placement: 'bottom' })));

  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  const target = await box(page, '#corner');
  const card = (await dialog.boundingBox())!;
  expect(card.y + card.height).toBeLessThanOrEqual(target.y);
  expect(card.x + card.width).toBeLessThanOrEqual(1280 - 7);
  await expect(widget(page).locator('[data-side="top"]')).toHaveCount(1);
});

test('follows its target when the page scrolls and hides while it is scrolled away', async ({
  page,
}) => {
  await openHost(page, {
    body: '<div style="height:3000px"><button id="low" style="margin-top:300px">Low</button></div>',
  });
  await preview(page, flow(tip('scroll', '#low')));
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();

  await page.mouse.wheel(0, 120);
  await expect
    .poll(async () => {
      const target = await box(page, '#low');
      const card = (await dialog.boundingBox())!;
      return Math.round(card.y - (target.y + target.height));
    })
    .toBe(12);
  await page.evaluate(() => window.scrollTo(0, 2000));
  await expect(dialog).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(dialog).toBeVisible();
});

test('a spotlight lights the target, blocks the rest of the page and keeps Tab inside', async ({
  page,
}) => {
  await openHost(page);
  await page.evaluate(() => {
    (window as unknown as { clicks: string[] }).clicks = [];
    for (const id of ['create', 'invite']) {
      document
        .getElementById(id)!
        .addEventListener('click', () =>
          (window as unknown as { clicks: string[] }).clicks.push(id),
        );
    }
  });
  await preview(page, flow(tip('spot', '#create', { backdrop: true })));
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');

  const invite = await box(page, '#invite');
  await page.mouse.click(invite.x + invite.width / 2, invite.y + invite.height / 2);
  const create = await box(page, '#create');
  await page.mouse.click(create.x + create.width / 2, create.y + create.height / 2);
  expect(await page.evaluate(() => (window as unknown as { clicks: string[] }).clicks)).toEqual([
    'create',
  ]);

  // Focus moved in with the click on the target; put it back and walk: it never leaves.
  await dialog.focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^widget:/);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toMatch(/^widget:/);
  expect(await axe(page)).toEqual([]);
});

test('a hotspot beacon opens its tooltip; Esc closes it back to the beacon', async ({ page }) => {
  await openHost(page);
  await preview(page, flow({ ...tip('beacon', '#create'), type: 'hotspot' }));

  const beacon = widget(page).getByRole('button', { name: 'Step beacon' });
  await expect(beacon).toBeVisible();
  const target = await box(page, '#create');
  const dot = (await beacon.boundingBox())!;
  // On the target's top-right corner.
  expect(Math.abs(dot.x + dot.width / 2 - (target.x + target.width))).toBeLessThan(2);
  expect(Math.abs(dot.y + dot.height / 2 - target.y)).toBeLessThan(2);
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);

  await beacon.focus();
  await page.keyboard.press('Enter');
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(beacon).toHaveAttribute('aria-expanded', 'true');
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await focused(page)).toBe('widget:');
});

test('waits for a target that mounts late, and re-anchors when the app replaces it', async ({
  page,
}) => {
  await openHost(page, { body: '<div id="slot" style="padding-top:40px"></div>' });
  await preview(page, flow(tip('late', '[data-testid="save"]')));
  await page.waitForTimeout(400);
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);
  await page.evaluate(() => {
    const button = Object.assign(document.createElement('button'), { textContent: 'Save' });
    button.setAttribute('data-testid', 'save');
    document.getElementById('slot')!.append(button);
  });
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();

  // A re-render replaces the element and moves it down: the tooltip follows the new one.
  await page.evaluate(() => {
    const slot = document.getElementById('slot')!;
    slot.style.paddingTop = '300px';
    slot.replaceChildren(Object.assign(document.createElement('button'), { textContent: 'Save' }));
    slot.firstElementChild!.setAttribute('data-testid', 'save');
  });
  // The card is drawn anew for the new element: between two polls it may be gone for a moment.
  await expect
    .poll(async () => {
      const target = await box(page, '[data-testid="save"]');
      const card = await dialog.boundingBox();
      return card && Math.round(card.y - (target.y + target.height));
    })
    .toBe(12);
});

test('on a 360 px screen a tooltip with no room on any side becomes a bottom sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openHost(page, {
    body: '<div id="big" style="height:560px;background:#dde">Big chart</div>',
  });
  await preview(page, flow(tip('sheet', '#big')));
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  const card = (await dialog.boundingBox())!;
  expect(card.x).toBe(0);
  expect(card.width).toBe(360);
  expect(Math.round(card.y + card.height)).toBe(640);
  await page.screenshot({ path: test.info().outputPath('sheet-360.png') });
  expect(await axe(page)).toEqual([]);
});

test('scrolls a target inside a scroll container into view before pointing at it', async ({
  page,
}) => {
  await openHost(page, {
    body: `<div id="list" style="height:200px;overflow:auto;border:1px solid #ccc">
      <div style="height:900px"></div><button id="deep">Deep inside</button><div style="height:300px"></div></div>`,
  });
  await preview(page, flow(tip('deep', '#deep')));
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  const list = await box(page, '#list');
  const target = await box(page, '#deep');
  expect(target.y).toBeGreaterThanOrEqual(list.y);
  expect(target.y + target.height).toBeLessThanOrEqual(list.y + list.height);
  expect(Math.round((await dialog.boundingBox())!.y - (target.y + target.height))).toBe(12);
});
