import { expect, test, type Page } from '@playwright/test';
import { templates } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  expectAccessible,
  productionKeys,
  SHOTS,
  signUpBuilder,
  watchErrors,
} from './builder-support';

/**
 * Targeting in the builder: a segment built with nested all/any/not and an event count, with the
 * live count following each edit; content targeted at it on a weekday schedule in Helsinki; an
 * experiment with a holdout and its sample-size estimate, shipped and followed by a second one.
 */

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** u1: 3 invites, pro; u2: 3 invites, free; u3: 1 invite, pro. */
async function seedUsers(page: Page, key: string): Promise<Record<'u1' | 'u2' | 'u3', string>> {
  const tag = randomUUID().slice(0, 8);
  const users = { u1: `ann-${tag}`, u2: `bob-${tag}`, u3: `cid-${tag}` };
  const track = (userId: string) => ({ type: 'track', event: 'Invite Sent', userId });
  const batch = [
    { type: 'identify', userId: users.u1, traits: { plan: 'pro' } },
    { type: 'identify', userId: users.u2, traits: { plan: 'free' } },
    { type: 'identify', userId: users.u3, traits: { plan: 'pro' } },
    ...[1, 2, 3].flatMap(() => [track(users.u1), track(users.u2)]),
    track(users.u3),
  ].map((m) => ({ ...m, messageId: randomUUID() }));
  const sent = await page.request.post('/v1/batch', {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    data: { batch },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  return users;
}

test('segment with nested all/any/not and an event count, targeted content on a Helsinki weekday schedule, and an experiment with a holdout', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const users = await seedUsers(page, (await productionKeys(page, account)).secretKey);
  const csrf = { 'x-csrf-token': account.csrf };

  // --- the segment, built by hand --------------------------------------------------------------
  await page.goto('/segments');
  await expect(page.getByRole('heading', { name: 'No segments yet' })).toBeVisible();
  await page.getByRole('link', { name: 'New segment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Active inviters');
  const count = page.getByTestId('preview-count');
  await expect(count).toContainText('3 users match'); // an empty "all" is everyone

  // Root "all": Performed event “Invite Sent” at least 2 times in the last 7 days.
  await page.getByLabel('Kind of condition to add to Segment rule').selectOption('event');
  await page.getByRole('button', { name: '+ Add condition' }).click();
  const first = page.getByRole('group', { name: 'Segment rule, condition 1' });
  await first.getByLabel('Event name').fill('Invite Sent');
  await first.getByLabel('Times').fill('2');
  await first.getByLabel('In the last (days; blank = ever)').fill('7');
  await expect(count).toContainText('2 users match');

  // A nested "any" group holding plan = pro: only ann is left.
  await page.getByRole('button', { name: '+ Add group' }).click();
  const group = page.getByRole('group', { name: 'Segment rule, group 2' });
  await group.getByRole('button', { name: '+ Add condition' }).click(); // user trait, by default
  const trait = group.getByRole('group', { name: 'Segment rule, group 2, condition 1' });
  await trait.getByLabel('Trait').fill('plan');
  await trait.getByLabel('Value', { exact: true }).fill('pro');
  await expect(count).toContainText('1 user matches');
  await expect(page.locator('.segment-sample')).toContainText(users.u1);

  // NOT on the group, set by keyboard: now it is bob.
  await group.getByLabel('NOT (none of this may hold)').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.segment-sample')).toContainText(users.u2);
  await expect(count).toContainText('1 user matches');
  await expect(page.locator('.rule-summary').first()).toContainText(
    'did “Invite Sent” at least twice in the last 7 days and do not have plan equal to “pro”',
  );
  await expectAccessible(page);
  await shoot(page, 'segment-editor');

  await page.getByRole('button', { name: 'Create segment' }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status')).toContainText('Saved. 1 members.');
  const segmentId = page.url().split('/').pop()!;
  const csv = await page.request.get(
    `/api/workspaces/${account.workspaceId}/segments/${segmentId}/members.csv`,
  );
  expect(await csv.text()).toContain(users.u2);
  await page.goto('/segments');
  await expect(page.getByRole('row', { name: /Active inviters\s+1/ })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'segments-list');

  // --- a content item, published, targeted at the segment on a schedule --------------------------
  const created = await page.request.post(`/api/workspaces/${account.workspaceId}/content`, {
    headers: csrf,
    data: { name: 'Invite tips', definition: templates.welcomeModal.definition },
  });
  expect(created.status(), await created.text()).toBe(201);
  const contentId = ((await created.json()) as { id: string }).id;
  const published = await page.request.post(
    `/api/workspaces/${account.workspaceId}/content/${contentId}/publish`,
    { headers: csrf },
  );
  expect(published.status(), await published.text()).toBe(200);

  await page.goto(`/content/${contentId}?tab=targeting`);
  const targeting = page.getByRole('form', { name: 'Targeting' });
  await targeting.getByLabel('Members of saved segments').check();
  await targeting.getByLabel(/Active inviters/).check();
  await expect(targeting.getByTestId('preview-count')).toContainText('1 user matches');
  await targeting.getByRole('button', { name: 'Add a schedule' }).click();
  await targeting.getByLabel('Time zone').fill('Europe/Helsinki');
  await targeting.getByLabel('Repeats').selectOption('weekdays');
  await expect(targeting.getByTestId('rrule-text')).toContainText(
    'Repeats every weekday, each time for 8 h (Europe/Helsinki).',
  );
  const occurrences = targeting.getByTestId('next-occurrences').locator('li');
  await expect(occurrences).toHaveCount(5);
  for (const text of await occurrences.allTextContents()) {
    if (text.startsWith('Now')) continue;
    expect(text).toMatch(/^(Mon|Tue|Wed|Thu|Fri), .* 09:00 → (Mon|Tue|Wed|Thu|Fri), .* 17:00$/);
  }
  await expectAccessible(page);
  await shoot(page, 'targeting');
  await targeting.getByRole('button', { name: 'Save targeting' }).click();
  await expect(targeting.getByTestId('delivery-status')).toHaveText(
    'Saved. Applies to users at once.',
  );
  const stored = (await (
    await page.request.get(`/api/workspaces/${account.workspaceId}/content/${contentId}`)
  ).json()) as { delivery: { audience: unknown; schedule: unknown } };
  expect(stored.delivery.audience).toEqual({
    type: 'segments',
    segmentIds: [segmentId],
    match: 'any',
  });
  expect(stored.delivery.schedule).toMatchObject({
    timezone: 'Europe/Helsinki',
    recurrence: {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
      durationMinutes: 480,
    },
  });

  // --- an experiment with a holdout ---------------------------------------------------------------
  const goal = await page.request.post(`/api/workspaces/${account.workspaceId}/goals`, {
    headers: csrf,
    data: { name: 'Invited', definition: { kind: 'event', event: 'Invite Sent' } },
  });
  expect(goal.status(), await goal.text()).toBe(201);
  await page.goto(`/content/${contentId}?tab=experiment`);
  const experiment = page.getByRole('form', { name: 'Experiment' });
  await expect(experiment.getByTestId('share-control')).toHaveText('50 %');
  await experiment.getByLabel('Weight').first().fill('1');
  await expect(experiment.getByTestId('share-control')).toHaveText('2 %');
  await experiment.getByLabel('Weight').first().fill('50');
  await experiment.getByLabel('Goal (judged on)').selectOption({ label: 'Invited' });
  // All three seeded users invited: a 100 % rate is no baseline, so the author sets one.
  await expect(experiment.getByText(/baseline from the goal: 3 of 3 users/)).toBeVisible();
  await expect(experiment.getByLabel('Baseline rate (%)')).toHaveValue('100');
  await experiment.getByLabel('Baseline rate (%)').fill('12');
  await expect(experiment.getByTestId('sample-size')).toContainText(
    'With a 12 % baseline, detecting +2 pp needs ≈ 4,438 users per arm',
  );
  await expectAccessible(page);
  await shoot(page, 'experiment');
  await experiment.getByRole('button', { name: 'Create experiment' }).click();
  await expect(experiment.locator('.experiment-status')).toHaveText('Draft');
  // No second experiment while this one is open.
  await expect(page.getByRole('button', { name: 'New experiment' })).toHaveCount(0);

  // --- ship it, then a second experiment on the same item ---------------------------------------
  page.on('dialog', (dialog) => void dialog.accept());
  await experiment.getByRole('button', { name: 'Start' }).click();
  await expect(experiment.locator('.experiment-status')).toHaveText('Running');
  await expect(page.getByRole('button', { name: 'New experiment' })).toHaveCount(0);
  await experiment.getByLabel('Variant to ship').selectOption('treatment');
  await experiment.getByRole('button', { name: 'Ship variant' }).click();
  await expect(experiment.locator('.experiment-status')).toHaveText('Shipped');
  const history = page.getByRole('region', { name: 'Past experiments' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('shipped treatment');
  await shoot(page, 'experiment-shipped');
  await page.getByRole('button', { name: 'New experiment' }).click();
  await expect(experiment.getByText('New experiment on this item.')).toBeVisible();
  await experiment.getByLabel('Name').fill('Invite tips, round two');
  await experiment.getByLabel('Goal (judged on)').selectOption({ label: 'Invited' });
  await experiment.getByRole('button', { name: 'Create experiment' }).click();
  await expect(experiment.locator('.experiment-status')).toHaveText('Draft');
  await expect(experiment.getByLabel('Name')).toHaveValue('Invite tips, round two');
  // The shipped one stays readable from the history.
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page);
  await shoot(page, 'experiment-second');
  await history.getByRole('button', { name: 'Show Invite tips test' }).click();
  await expect(experiment.locator('.experiment-status')).toHaveText('Shipped');
  await expect(experiment.getByLabel('Name')).toHaveValue('Invite tips test');
  await expect(experiment.getByLabel('Name')).toBeDisabled();
  await page.reload();
  await expect(experiment.getByLabel('Name')).toHaveValue('Invite tips, round two');

  await page.goto('/experiments');
  await expect(
    page.getByRole('row', { name: /Invite tips test\s+Shipped\s+Invite tips/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('row', { name: /Invite tips, round two\s+Draft\s+Invite tips/ }),
  ).toBeVisible();
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('a goal and a journey built in the builder show their stats; stages reorder by keyboard', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  await seedUsers(page, (await productionKeys(page, account)).secretKey);

  await page.goto('/goals/new');
  await page.getByLabel('Name', { exact: true }).fill('Invited a teammate');
  await page.getByLabel('Event name').fill('Invite Sent');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('status')).toContainText('Saved. 3 users reached it.');
  await expect(page.getByTestId('goal-completions')).toHaveText('3');
  await expect(page.getByTestId('goal-rate')).toHaveText('100.0 %');
  await expect(page.getByRole('img', { name: /Completions per day/ })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'goal');

  await page.goto('/journeys/new');
  await page.getByLabel('Name', { exact: true }).fill('Team growth');
  // Starter stages: Acquisition, Activation. Swap them by keyboard, then back.
  await page.getByRole('button', { name: 'Reorder Stage 1: Acquisition' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Stage 1 name')).toHaveValue('Activation');
  await page.getByRole('button', { name: 'Reorder Stage 2: Acquisition' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Stage 1 name')).toHaveValue('Acquisition');

  // Acquisition: any invite; Activation: at least three.
  for (const [index, times] of [
    [1, '1'],
    [2, '3'],
  ] as const) {
    const stageName = index === 1 ? 'Acquisition' : 'Activation';
    const rule = `Entry rule of ${stageName}`;
    await page.getByLabel(`Kind of condition to add to ${rule}`).selectOption('event');
    await page
      .getByRole('group', { name: rule, exact: true })
      .getByRole('button', { name: '+ Add condition' })
      .click();
    const condition = page.getByRole('group', { name: `${rule}, condition 1` });
    await condition.getByLabel('Event name').fill('Invite Sent');
    await condition.getByLabel('Times').fill(times);
  }
  await page.getByRole('button', { name: 'Create journey' }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('stage-row-acquisition')).toContainText('Acquisition1');
  await expect(page.getByTestId('stage-row-activation')).toContainText('Activation2');
  await expect(page.getByTestId('stage-row-acquisition')).toContainText('66.7 %');
  await expectAccessible(page);
  await shoot(page, 'journey');
  await page.goto('/journeys');
  await expect(
    page.getByRole('row', { name: /Team growth\s+Acquisition → Activation/ }),
  ).toBeVisible();
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
