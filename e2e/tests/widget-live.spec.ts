import { expect, test } from '@playwright/test';
import { snippet, templates, type Step } from '@waymark/shared';
import {
  allowLocalServer,
  eligible,
  fakeProgress,
  freshUser,
  HOST,
  hostHtml,
  initAs,
  openHost,
  serveSession,
  storedEvents,
  watchErrors,
  widget,
  WAYMARK,
} from './widget-host';
import { randomUUID } from 'node:crypto';
import { demo } from './support';

allowLocalServer(test);

const modal = (id: string): Step => ({
  id,
  type: 'modal',
  placement: 'auto',
  backdrop: true,
  advance: { on: 'button' },
  blocks: [{ type: 'heading', text: `Step ${id}` }],
});
const tooltip = (id: string, selector: string): Step => ({
  ...modal(id),
  type: 'tooltip',
  backdrop: false,
  target: { attributes: {}, selector },
});

test('SPA routing: content follows URL triggers without flashing on the wrong route; one page event per route', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  const item = eligible(
    { kind: 'flow', steps: [tooltip('p', '#create')] },
    { triggers: [{ type: 'url', pattern: '/app/projects*' }] },
  );
  await serveSession(page, [item]);
  await openHost(page);
  await initAs(page, userId);
  const dialog = widget(page).getByRole('dialog');
  await page.waitForTimeout(300);
  await expect(dialog).toHaveCount(0);

  await page.evaluate(() => history.pushState({}, '', '/app/projects'));
  await expect(dialog).toBeVisible();
  // Leaving hides it synchronously, inside pushState, before the app renders the next page.
  const goneAtOnce = await page.evaluate(() => {
    history.pushState({}, '', '/app/settings');
    return (
      document.getElementById('waymark-root')?.shadowRoot?.querySelector('[role=dialog]') === null
    );
  });
  expect(goneAtOnce).toBe(true);
  await page.goBack();
  await expect(dialog).toBeVisible();
  await page.evaluate(() => (location.hash = '#tab'));

  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .filter((e) => e.name === '$page')
          .map(
            (e) =>
              new URL(String(e.properties.url)).pathname + new URL(String(e.properties.url)).hash,
          ),
      {
        timeout: 15_000,
      },
    )
    .toEqual(['/app', '/app/projects', '/app/settings', '/app/projects', '/app/projects#tab']);
});

test('a walkthrough resumes at its step after a reload, from the progress it saved', async ({
  page,
}) => {
  const progressOf = await fakeProgress(page);
  const item = eligible({ kind: 'flow', steps: [modal('one'), modal('two'), modal('three')] });
  await serveSession(page, () => [{ ...item, progress: progressOf(item.id) }]);
  const userId = freshUser();
  await openHost(page);
  await initAs(page, userId);
  await widget(page).getByRole('button', { name: 'Next' }).click();
  await expect(widget(page).getByRole('dialog', { name: 'Step two' })).toBeVisible();
  await expect.poll(() => progressOf(item.id)?.stepId, { timeout: 10_000 }).toBe('two');

  await page.reload();
  await page.waitForFunction(() => 'preview' in (window.waymark ?? {}));
  await initAs(page, userId);
  await expect(widget(page).getByRole('dialog', { name: 'Step two' })).toBeVisible();
});

test('offline: events wait in localStorage and are delivered, each once, after reconnecting', async ({
  page,
  context,
  request,
}) => {
  const userId = freshUser();
  await serveSession(page, []);
  await openHost(page);
  await initAs(page, userId);
  await expect
    .poll(async () => (await storedEvents(request, userId)).length, { timeout: 10_000 })
    .toBeGreaterThan(0);

  await context.setOffline(true);
  await page.evaluate(() => {
    for (const n of [1, 2, 3]) window.waymark.track('Offline Event', { n });
  });
  await page.waitForTimeout(2500);
  const queued = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('waymark.queue.'))
      .flatMap(
        (k) => JSON.parse(localStorage.getItem(k) ?? '[]') as { event: { event?: string } }[],
      )
      .map((q) => q.event.event),
  );
  expect(queued.filter((n) => n === 'Offline Event')).toHaveLength(3);

  await context.setOffline(false);
  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .filter((e) => e.name === 'Offline Event')
          .map((e) => e.properties.n)
          .sort(),
      {
        timeout: 30_000,
      },
    )
    .toEqual([1, 2, 3]);
  const ids = (await storedEvents(request, userId)).map((e) => e.messageId);
  expect(new Set(ids).size).toBe(ids.length);
});

test('events the server could not take yet are delivered by the next page after a reload', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  await serveSession(page, []);
  await page.route(`${WAYMARK}/sdk/v1/events*`, (route) =>
    route.fulfill({ status: 503, body: '' }),
  );
  await openHost(page);
  await initAs(page, userId);
  await page.evaluate(() => window.waymark.track('Kept Across Reload'));
  await page.waitForTimeout(1500);
  expect((await storedEvents(request, userId)).map((e) => e.name)).toEqual([]);

  await page.unroute(`${WAYMARK}/sdk/v1/events*`);
  await page.reload();
  await page.waitForFunction(() => 'preview' in (window.waymark ?? {}));
  await initAs(page, userId);
  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .map((e) => e.name)
          .filter((n) => n === 'Kept Across Reload'),
      {
        timeout: 15_000,
      },
    )
    .toEqual(['Kept Across Reload']);
});

test('a target that never appears is reported as target_missing, not skipped silently', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  const item = eligible({ kind: 'flow', steps: [tooltip('gone', '#does-not-exist')] });
  await serveSession(page, [item]);
  await openHost(page);
  await initAs(page, userId);
  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .filter((e) => e.name === '$content_target_missing')
          .map((e) => e.properties.contentId),
      {
        timeout: 20_000,
      },
    )
    .toEqual([item.id]);
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);
});

test('debug.why explains what is showing, waiting and not offered', async ({ page }) => {
  const waiting = eligible(
    { kind: 'flow', steps: [modal('w')] },
    { triggers: [{ type: 'url', pattern: '/billing' }] },
  );
  const onEvent = eligible(
    { kind: 'flow', steps: [modal('e')] },
    { triggers: [{ type: 'event', event: 'Upgraded' }] },
  );
  const showing = eligible(templates.announcementBanner.definition);
  await serveSession(page, [waiting, onEvent, showing]);
  await openHost(page);
  await initAs(page, freshUser());
  await expect(widget(page).getByRole('region')).toBeVisible();

  const why = (id: string) =>
    page.evaluate((i) => window.waymark.debug.why(i), id) as Promise<{
      status: string;
      reasons: string[];
    }>;
  expect(await why(showing.id)).toMatchObject({ status: 'showing' });
  expect((await why(waiting.id)).reasons.join(' ')).toContain(
    'matches none of its URL triggers: /billing',
  );
  expect((await why(onEvent.id)).reasons).toEqual(['Waits for the event "Upgraded".']);
  expect(await why('6f1c2a7e-0000-4000-8000-000000000999')).toMatchObject({ status: 'blocked' });
});

test('feature tags turn clicks into named events; experiment content and holdouts report exposures', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  const experimentId = randomUUID();
  const variant = eligible(templates.announcementBanner.definition, {
    experiment: { experimentId, variant: 'b' },
  });
  const holdoutId = randomUUID();
  await serveSession(page, [variant], {
    featureTags: [
      {
        id: 'tag-1',
        name: 'Invite Clicked',
        kind: 'click',
        target: { attributes: {}, selector: '#invite' },
      },
    ],
    holdouts: [
      {
        id: holdoutId,
        kind: 'flow',
        priority: 0,
        triggers: [{ type: 'event', event: 'Opened Reports' }],
        experimentId: randomUUID(),
      },
    ],
  });
  await openHost(page);
  await initAs(page, userId);
  await expect(widget(page).getByRole('region')).toBeVisible();
  await page.locator('#invite').click();
  await page.evaluate(() => window.waymark.track('Opened Reports'));
  // Nothing is drawn for the holdout.
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);

  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .filter((e) => e.name === 'Invite Clicked' || e.name === '$exposure')
          .map((e) => `${e.name}:${String(e.properties.contentId ?? e.properties.featureTagId)}`)
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual([`$exposure:${holdoutId}`, `$exposure:${variant.id}`, 'Invite Clicked:tag-1'].sort());
});

test('the async snippet queues calls (group included) until the bundle loads', async ({
  page,
  request,
}) => {
  const errors = watchErrors(page);
  const userId = freshUser();
  await serveSession(page, []);
  const html = hostHtml({ sdk: false }).replace(
    '</head>',
    `${snippet({ sdkKey: demo().sdkKey, apiHost: WAYMARK })}<script>
      waymark.identify(${JSON.stringify(userId)}, { plan: 'pro' });
      waymark.group('acme', { tier: 'enterprise' });
      waymark.track('Queued Before Load');
    </script></head>`,
  );
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.goto(`${HOST}/app`);
  await expect
    .poll(async () => (await storedEvents(request, userId)).map((e) => e.name).sort(), {
      timeout: 15_000,
    })
    // The identify's traits reach the identity store as an `$identify` event (stored once).
    .toEqual(['$group', '$identify', '$page', 'Queued Before Load']);
  expect(errors).toEqual([]);
});

test('the widget script names its source map in a SourceMap header, not in the bytes pages download', async ({
  request,
}) => {
  const script = await request.get('/sdk/waymark.js');
  expect(script.status()).toBe(200);
  expect(script.headers()['sourcemap']).toBe('waymark.js.map');
  expect(await script.text()).not.toContain('sourceMappingURL');
  const map = await request.get('/sdk/waymark.js.map');
  expect(map.status()).toBe(200);
  expect(((await map.json()) as { sources: string[] }).sources.length).toBeGreaterThan(0);
});

test('calls made in one task (snippet replay; reset + identify) send one session request, carrying the identity', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const [first, second] = [freshUser(), freshUser()];
  const sent: { anonymousId: string; userId?: string; traits: Record<string, unknown> }[] = [];
  await page.route(`${WAYMARK}/sdk/v1/session`, (route) => {
    const body = route.request().postDataJSON() as {
      user: { anonymousId: string; userId?: string };
      traits: Record<string, unknown>;
    };
    sent.push({ ...body.user, traits: body.traits });
    return route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ content: [], etag: 'e2e' }),
    });
  });
  // The stub queues init (from the snippet), identify, group and page; the bundle replays them.
  const html = hostHtml({ sdk: false }).replace(
    '</head>',
    `${snippet({ sdkKey: demo().sdkKey, apiHost: WAYMARK })}<script>
      waymark.identify(${JSON.stringify(first)}, { plan: 'pro' });
      waymark.group('acme', { tier: 'enterprise' });
      waymark.page();
    </script></head>`,
  );
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.goto(`${HOST}/app`);
  await expect.poll(() => sent.length).toBe(1);
  // Switching users as the demo app does: logout and sign-in in one click handler.
  await page.evaluate((id) => {
    // reset is public API; the e2e window type lists only what other suites call.
    window.waymark.reset();
    window.waymark.identify(id, { plan: 'trial' });
  }, second);
  await expect.poll(() => sent.length).toBe(2);
  await page.waitForTimeout(500);
  expect(sent).toEqual([
    { anonymousId: expect.any(String), userId: first, traits: { plan: 'pro' } },
    { anonymousId: expect.any(String), userId: second, traits: { plan: 'trial' } },
  ]);
  // reset started a new anonymous id; no request went out for it alone.
  expect(sent[1]?.anonymousId).not.toBe(sent[0]?.anonymousId);
  expect(errors).toEqual([]);
});
