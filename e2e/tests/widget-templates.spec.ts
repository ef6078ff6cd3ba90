import { expect, test } from '@playwright/test';
import { templates } from '@waymark/shared';
import { allowLocalServer, axe, openHost, preview, watchErrors } from './widget-host';

allowLocalServer(test);

const TOUR_TARGETS = '<button data-tour="create">New</button>';

for (const [width, height] of [
  [1280, 800],
  [360, 720],
] as const) {
  test(`every template renders without errors or axe violations at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const errors = watchErrors(page);
    await openHost(page, {
      body: `<h1>Dashboard</h1>${TOUR_TARGETS}<section class="panel">Recent work</section>`,
    });
    for (const [name, template] of Object.entries(templates)) {
      await preview(page, template.definition);
      await expect(
        page.locator('waymark-root').locator('.card, .banner, .launch').first(),
      ).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
      // Nothing drawn spills out of the viewport.
      for (const box of await page
        .locator('waymark-root')
        .locator('.card, .banner, .launch')
        .all()) {
        const b = (await box.boundingBox())!;
        expect([name, b.x >= 0, b.x + b.width <= width + 0.5]).toEqual([name, true, true]);
      }
      expect([name, await axe(page)]).toEqual([name, []]);
    }
    expect(errors).toEqual([]);
  });
}
