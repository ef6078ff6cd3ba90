import { expect, test, type Page } from '@playwright/test';
import type { EventsRequest, FeatureTag, SdkEvent } from '@waymark/shared';
import {
  allowLocalServer,
  freshUser,
  initAs,
  openHost,
  serveSession,
  WAYMARK,
} from './widget-host';

allowLocalServer(test);

/** Every event the widget posts, as sent (the server is not needed for what this checks). */
async function captureEvents(page: Page): Promise<SdkEvent[]> {
  const sent: SdkEvent[] = [];
  await page.route(`${WAYMARK}/sdk/v1/events*`, (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as EventsRequest;
    sent.push(...(body.events as SdkEvent[]));
    return route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ accepted: body.events?.length ?? 0, content: [] }),
    });
  });
  return sent;
}

const tagEvents = (sent: SdkEvent[]) =>
  sent.flatMap((e) =>
    e.type === 'track' && 'featureTagId' in (e.properties ?? {})
      ? [{ name: e.event, featureTagId: e.properties['featureTagId'] }]
      : [],
  );

const tags: FeatureTag[] = [
  // A fingerprint, not a selector: the attribute and the text find the button.
  {
    id: 'tag-create',
    name: 'Clicked new project',
    kind: 'click',
    target: { attributes: { 'data-tour': 'create' }, text: 'New project', tag: 'button' },
  },
  {
    id: 'tag-invite-settings',
    name: 'Invited from settings',
    kind: 'click',
    target: { attributes: { id: 'invite' }, tag: 'button' },
    url: '/app/settings*',
  },
  { id: 'tag-projects', name: 'Viewed projects', kind: 'page', url: '/app/projects' },
];

test('feature tags: clicks on (or inside) the resolved element and matching routes become named events', async ({
  page,
}) => {
  const sent = await captureEvents(page);
  await serveSession(page, [], { featureTags: tags });
  await openHost(page, {
    script: `document.getElementById('create').innerHTML = '<span class="icon">+</span> New project';
      document.getElementById('create').addEventListener('click', (e) => e.stopPropagation());`,
  });
  await initAs(page, freshUser());
  // The tags chunk loads with the session answer; the page tag must not fire on /app.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => r.name.includes('/sdk/s/tags-')),
      ),
    )
    .toBe(true);

  await page.locator('#create .icon').click(); // inside the element; the app stops propagation
  await page.locator('#invite').click(); // tagged only on /app/settings
  await page.evaluate(() => history.pushState({}, '', '/app/projects'));
  await page.evaluate(() => history.pushState({}, '', '/app/settings'));
  await page.locator('#invite').click();
  await page.locator('main h1').click(); // no tag
  await page.evaluate(() => window.waymark.track('flush-marker'));

  await expect
    .poll(() => tagEvents(sent), { timeout: 10_000 })
    .toEqual([
      { name: 'Clicked new project', featureTagId: 'tag-create' },
      { name: 'Viewed projects', featureTagId: 'tag-projects' },
      { name: 'Invited from settings', featureTagId: 'tag-invite-settings' },
    ]);
});

test('feature tags: no session tags, no tags chunk', async ({ page }) => {
  await serveSession(page, []);
  await openHost(page);
  await initAs(page, freshUser());
  await page.waitForTimeout(500);
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => r.name),
  );
  expect(loaded.some((name) => name.includes('/sdk/s/'))).toBe(false);
});
