import { expect, test } from '@playwright/test';
import { templates, type FlowDefinition } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  eligible,
  HOST,
  openHost,
  preview,
  serveSession,
  watchErrors,
  widget,
  WAYMARK,
} from './widget-host';
import { demo } from './support';

allowLocalServer(test);

const HOSTILE = `
  * { font-size: 40px !important; letter-spacing: 3px !important; line-height: 4 !important;
      color: red !important; box-sizing: content-box !important; opacity: .9 !important; }
  div:empty { display: none !important; }
  [role="dialog"], section, h2, p { display: none !important; }
  button { all: unset !important; background: lime !important; }
  body > * { position: static !important; z-index: 1 !important; transform: none !important; }
  html { font-size: 30px; }`;

test('hostile page CSS neither reaches our surfaces nor is touched by them', async ({ page }) => {
  const errors = watchErrors(page);
  await openHost(page, { css: HOSTILE });
  const headBefore = await page.evaluate(() =>
    Array.from(document.head.children, (e) => e.outerHTML).join(''),
  );
  await preview(page, templates.welcomeModal.definition);

  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  const heading = dialog.getByRole('heading');
  await expect(heading).toHaveCSS('font-size', '16px');
  await expect(heading).toHaveCSS('letter-spacing', 'normal');
  await expect(heading).toHaveCSS('color', 'rgb(29, 36, 51)');
  await expect(dialog.getByRole('button', { name: 'Get started' })).toHaveCSS(
    'background-color',
    'rgb(79, 70, 229)',
  );
  await expect(widget(page)).toHaveCSS('opacity', '1');
  await expect(widget(page)).toHaveCSS('position', 'fixed');
  // We add nothing to the page's styles or :root.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  expect(
    await page.evaluate(() => Array.from(document.head.children, (e) => e.outerHTML).join('')),
  ).toBe(headBefore);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('hostile.png') });
  expect(errors).toEqual([]);
});

test('above the page’s sticky header and its own modal with the highest z-index', async ({
  page,
}) => {
  await openHost(page, {
    css: '.their-modal{position:fixed;inset:0;z-index:2147483647;background:#0003}',
    body: '<div class="their-modal"></div><button id="create">New project</button>',
  });
  const tour: FlowDefinition = {
    kind: 'flow',
    steps: [
      {
        id: 'a',
        type: 'tooltip',
        target: { attributes: {}, selector: '#help' },
        placement: 'bottom',
        backdrop: false,
        advance: { on: 'button' },
        blocks: [{ type: 'heading', text: 'Help lives here' }],
      },
    ],
  };
  await preview(page, tour);
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [
    box.x + 20,
    box.y + 20,
  ] as const);
  expect(onTop).toBe('WAYMARK-ROOT');
});

test('works under a strict CSP: script-src self + our host, style-src self, no inline', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const item = eligible(templates.productTour.definition);
  await serveSession(page, [item]);
  const { sdkKey } = demo();
  await openHost(page, {
    csp: `script-src 'self' ${WAYMARK}; style-src 'self'`,
    body: '<button data-tour="navigation">Menu</button><button data-tour="create">New</button>',
    script: `window.waymark.init(${JSON.stringify(sdkKey)}, { apiHost: ${JSON.stringify(WAYMARK)} });`,
  });
  const dialog = widget(page).getByRole('dialog', { name: 'Take a quick tour' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start the tour' }).click();
  await expect(widget(page).getByRole('dialog', { name: 'Find your way' })).toBeVisible();
  await expect(widget(page).getByRole('button', { name: 'Next' })).toHaveCSS(
    'background-color',
    'rgb(79, 70, 229)',
  );
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});

test('right-to-left: mirrored layout, translated strings with fallback to the language', async ({
  page,
}) => {
  await openHost(page, { lang: 'ar', dir: 'rtl' });
  const tour: FlowDefinition = {
    kind: 'flow',
    translations: { ar: { Welcome: 'مرحبا', Next: 'التالي', of: 'من', Close: 'إغلاق' } },
    steps: [
      {
        id: 'a',
        type: 'tooltip',
        target: { attributes: {}, selector: '#create' },
        placement: 'bottom-start',
        backdrop: false,
        advance: { on: 'button' },
        blocks: [{ type: 'heading', text: 'Welcome' }],
      },
      {
        id: 'b',
        type: 'modal',
        placement: 'auto',
        backdrop: true,
        advance: { on: 'button' },
        blocks: [{ type: 'heading', text: 'Welcome' }],
      },
    ],
  };
  await preview(page, tour, { locale: 'ar-EG' });
  const dialog = widget(page).getByRole('dialog', { name: 'مرحبا' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'التالي' })).toBeVisible();
  await expect(dialog).toContainText('1 من 2');
  await expect(dialog).toHaveCSS('direction', 'rtl');
  // bottom-start in a right-to-left page lines up with the target's right edge.
  const target = (await page.locator('#create').boundingBox())!;
  const card = (await dialog.boundingBox())!;
  expect(Math.abs(card.x + card.width - (target.x + target.width))).toBeLessThan(2);
  // The close button sits at the start (left) corner.
  const close = (await dialog.getByRole('button', { name: 'إغلاق' }).boundingBox())!;
  expect(close.x - card.x).toBeLessThan(20);
  await page.screenshot({ path: test.info().outputPath('rtl.png') });
  expect(await axe(page)).toEqual([]);
});

test('a failing or malformed server leaves the page as it was', async ({ page }) => {
  const errors = watchErrors(page);
  let calls = 0;
  await page.route(`${WAYMARK}/sdk/v1/session`, (route) => {
    calls++;
    return calls === 1
      ? route.fulfill({ status: 500, body: 'oops' })
      : route.fulfill({
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: '{"content":[{"id":"x","definition":null,"triggers":"no"}],"etag":1}',
        });
  });
  await openHost(page);
  await page.evaluate(() => {
    // Before init, with bad arguments, with garbage: never throws into the page.
    window.waymark.track('before init');
    window.waymark.start('nothing');
    (window.waymark.preview as (d: unknown) => void)({ kind: 'nonsense' });
    (window.waymark.preview as (d: unknown) => void)(null);
    window.waymark.init('', { apiHost: '' });
  });
  await page.evaluate(([key, host]) => window.waymark.init(key, { apiHost: host }), [
    demo().sdkKey,
    WAYMARK,
  ] as const);
  await expect.poll(() => calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await page.locator('#create').click();
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);
  expect(errors.filter((e) => !/status of 500/.test(e))).toEqual([]);
  expect(page.url()).toBe(`${HOST}/app`);
});
