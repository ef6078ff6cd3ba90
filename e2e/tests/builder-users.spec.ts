import { expect, test } from '@playwright/test';
import { templates, type EnvironmentList, type EnvironmentWithSecret } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { expectAccessible, freshIp, signUpBuilder, watchErrors } from './builder-support';

/**
 * Users: a person who sent events through the SDK (and traits through the tracking API) is found
 * by search; their page shows traits, the event timeline (paged) and why each content item is or
 * is not shown to them — all against the real server.
 */

test('search finds an SDK user; their page shows traits, events and eligibility reasons', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
  const owner = await signUpBuilder(page);
  const ws = `/api/workspaces/${owner.workspaceId}`;
  const headers = { 'x-csrf-token': owner.csrf };
  const envs = (await (await page.request.get(`${ws}/environments`)).json()) as EnvironmentList;
  const production = envs.data.find((e) => e.name === 'production')!;
  const rotated = (await (
    await page.request.post(`${ws}/environments/${production.id}/rotate-secret-key`, { headers })
  ).json()) as EnvironmentWithSecret;

  // Two published items: one for everyone, one only for the "pro" plan.
  const definition = templates.announcementBanner.definition;
  for (const [name, audience] of [
    ['Everyone banner', { type: 'everyone' }],
    ['Pro upsell', { type: 'rule', rule: { type: 'trait', key: 'plan', op: 'eq', value: 'pro' } }],
  ] as const) {
    const created = await page.request.post(`${ws}/content`, {
      headers,
      data: { name, definition, delivery: { audience } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await page.request.post(`${ws}/content/${id}/publish`, { headers })).status()).toBe(
      200,
    );
  }

  // Grace uses the app: 30 events through the SDK, and traits from the customer's server.
  const tag = randomUUID().slice(0, 8);
  const userId = `grace-${tag}`;
  const now = Date.now();
  const sent = await page.request.post('/sdk/v1/events', {
    headers: { 'x-waymark-key': production.sdkKey },
    data: {
      user: { anonymousId: `anon-${tag}`, userId },
      sentAt: new Date(now).toISOString(),
      events: Array.from({ length: 30 }, (_, n) => ({
        type: 'track',
        event: n === 29 ? 'Created project' : `Opened screen ${n}`,
        messageId: randomUUID(),
        timestamp: new Date(now - (30 - n) * 1000).toISOString(),
        properties: { screen: n },
      })),
    },
  });
  expect(sent.status()).toBe(200);
  const identified = await page.request.post('/v1/identify', {
    headers: { authorization: `Bearer ${rotated.secretKey}` },
    data: {
      messageId: randomUUID(),
      userId,
      traits: { email: `grace.${tag}@navy.example`, name: 'Grace Hopper', plan: 'free' },
    },
  });
  expect(identified.status(), await identified.text()).toBe(200);

  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expectAccessible(page);
  const search = page.getByRole('searchbox', { name: 'Search users' });
  await search.focus();
  await page.keyboard.type('nobody-by-this-name');
  await expect(page.getByRole('heading', { name: 'No one matches' })).toBeVisible();
  // Substring of the email trait, any case.
  await search.fill(`RACE.${tag.toUpperCase()}@NAVY`);
  const row = page.getByRole('row', { name: new RegExp(userId) });
  await expect(row).toContainText('Grace Hopper');
  await expect(page.locator('.users-search + * tbody tr, .table tbody tr')).toHaveCount(1);
  await expect(page).toHaveURL(/\/users\?search=/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(row.getByRole('link', { name: userId })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/users/${userId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
  const traits = page.getByRole('region', { name: 'Traits' });
  await expect(traits).toContainText(`grace.${tag}@navy.example`);
  await expect(traits).toContainText('free');

  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.locator('.timeline-item')).toHaveCount(25);
  await expect(events.locator('.timeline-item').first()).toContainText('Identified');
  await expect(events.locator('.timeline-item').nth(1)).toContainText('Created project');
  await events.getByRole('button', { name: 'Load more events' }).click();
  await expect(events.locator('.timeline-item')).toHaveCount(31);
  await expect(events.locator('.timeline-item').last()).toContainText('Opened screen 0');

  const why = page.getByRole('region', { name: 'Why is content (not) shown' });
  const everyone = why.locator('.why-item', { hasText: 'Everyone banner' });
  const pro = why.locator('.why-item', { hasText: 'Pro upsell' });
  await expect(everyone.locator('.badge').first()).toHaveText('Shown');
  await expect(pro.locator('.badge').first()).toHaveText('Not shown');
  const blocked = pro.locator('.why-fail');
  await expect(blocked).toHaveCount(1);
  await expect(blocked).toContainText('Audience');
  await expect(pro.getByRole('list', { name: 'Reasons for Pro upsell' })).toBeVisible();
  await expectAccessible(page);

  // A page URL is checked before it is asked for.
  await why.getByLabel('On page').fill('not a url');
  await why.getByRole('button', { name: 'Explain' }).click();
  await expect(why.getByText('Enter a full address')).toBeVisible();
  await why.getByLabel('On page').fill('https://app.example/projects');
  await why.getByRole('button', { name: 'Explain' }).click();
  await expect(everyone.locator('.badge').first()).toHaveText('Shown');

  await page.getByRole('link', { name: 'Users', exact: true }).first().click();
  await expect(page).toHaveURL(/\/users$/);
  expect(errors).toEqual([]);
});

test('an unknown user id says so, with a way back', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
  await signUpBuilder(page);
  await page.goto('/users/nobody-here');
  await expect(page.getByRole('alert')).toContainText('No such user');
  await expect(page.getByRole('link', { name: 'Users' }).first()).toBeVisible();
  await expectAccessible(page);
});
