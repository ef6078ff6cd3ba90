import { expect, test } from '@playwright/test';
import { templates, type ChecklistDefinition } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  collect,
  collected,
  eligible,
  freshUser,
  initAs,
  openHost,
  preview,
  serveSession,
  fakeProgress,
  storedEvents,
  widget,
  WAYMARK,
} from './widget-host';

allowLocalServer(test);

const list: ChecklistDefinition = {
  ...(templates.onboardingChecklist.definition as ChecklistDefinition),
  items: [
    {
      id: 'visit',
      title: 'Open the projects page',
      doneWhen: { type: 'page', op: 'matches', value: '/app/projects*' },
    },
    {
      id: 'create',
      title: 'Create your first project',
      doneWhen: {
        type: 'event',
        name: 'Project Created',
        where: [],
        count: { op: 'gte', value: 1 },
      },
    },
    { id: 'read', title: 'Read the guide' },
  ],
};

test('a checklist opens from its launcher with progress, ticks items by page, event and press, then celebrates', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  const item = eligible(list);
  await serveSession(page, [item]);
  await openHost(page);
  await collect(page);
  await initAs(page, userId);

  const launcher = widget(page).getByRole('button', { name: /Get started/ });
  const panel = widget(page).getByRole('dialog', { name: 'Get started' });
  await expect(panel).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const bar = panel.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  expect(await axe(page)).toEqual([]);

  // A route change the rule matches (SPA navigation).
  await page.evaluate(() => history.pushState({}, '', '/app/projects'));
  await expect(bar).toHaveAttribute('aria-valuenow', '1');
  // An event the rule counts.
  await page.evaluate(() => window.waymark.track('Project Created'));
  await expect(bar).toHaveAttribute('aria-valuenow', '2');
  await expect(
    panel.getByRole('listitem').filter({ hasText: 'Create your first project' }),
  ).toContainText('(done)');
  // An item without a rule is done when pressed.
  await panel.getByRole('button', { name: 'Read the guide' }).click();
  // The panel now celebrates (and is named by the celebration's heading).
  const done = widget(page).getByRole('dialog', { name: 'All done! 🎉' });
  await expect(done.getByRole('status')).toBeVisible();
  await expect(launcher).toContainText('3/3');
  expect(await axe(page)).toEqual([]);
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(widget(page).getByRole('button', { name: /Get started/ })).toHaveCount(0);

  expect((await collected(page)).map((e) => e.name)).toContain('content:completed');
  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .filter((e) => e.name === '$checklist_item_completed')
          .map((e) => e.properties.itemId),
      {
        timeout: 15_000,
      },
    )
    .toEqual(['visit', 'create', 'read']);
});

test('ticked items survive a reload (progress), and the panel reopens as it was left', async ({
  page,
}) => {
  const userId = freshUser();
  const progressOf = await fakeProgress(page);
  const item = eligible(list);
  await serveSession(page, () => [{ ...item, progress: progressOf(item.id) }]);
  await openHost(page);
  await initAs(page, userId);
  const panel = widget(page).getByRole('dialog');
  await panel.getByRole('button', { name: 'Read the guide' }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await widget(page)
    .getByRole('button', { name: /Get started/ })
    .click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => progressOf(item.id)?.stepId, { timeout: 10_000 }).toBe('closed');
  expect(progressOf(item.id)).toMatchObject({ status: 'in_progress', items: ['read'] });

  await page.reload();
  await page.waitForFunction(() => 'preview' in (window.waymark ?? {}));
  await initAs(page, userId);
  const launcher = widget(page).getByRole('button', { name: /Get started/ });
  await expect(launcher).toContainText('1/3');
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.click();
  await expect(widget(page).getByRole('dialog').getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    '1',
  );
  // Esc closes the panel and gives focus back to the launcher.
  await page.keyboard.press('Escape');
  await expect(widget(page).getByRole('dialog')).toHaveCount(0);
  await expect(launcher).toBeFocused();
});

test('an item ticked while the server is unreachable is still ticked after a reload', async ({
  page,
}) => {
  const userId = freshUser();
  const item = eligible(list);
  await serveSession(page, [item]);
  await page.route(`${WAYMARK}/sdk/v1/progress`, (route) => route.abort());
  await openHost(page);
  await initAs(page, userId);
  await widget(page).getByRole('dialog').getByRole('button', { name: 'Read the guide' }).click();
  await expect(widget(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

  await page.reload();
  await page.waitForFunction(() => 'preview' in (window.waymark ?? {}));
  await initAs(page, userId);
  await expect(widget(page).getByRole('button', { name: /Get started/ })).toContainText('1/3');
});

test('the checklist fits a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openHost(page);
  await preview(page, templates.onboardingChecklist.definition);
  const panel = widget(page).getByRole('dialog');
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(box.y).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('checklist-360.png') });
});
