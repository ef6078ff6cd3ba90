import { expect, test, type Dialog, type Page } from '@playwright/test';
import {
  SHOTS,
  expectAccessible,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

/**
 * Segments, goals, journeys and feature tags are live definitions, so their unsaved edits are
 * kept in the browser (localStorage), never autosaved to the server: after a reload, a crash or
 * a confirmed leave, the editor offers them back (Restore / Discard). Leaving with unsaved edits
 * asks first: in-app links, browser Back, and reload (beforeunload).
 */

/** Answers every dialog (`accept` or not) and records `type: message`. */
function answerDialogs(page: Page): { seen: string[]; accept: boolean } {
  const state = { seen: [] as string[], accept: true };
  page.on('dialog', (dialog: Dialog) => {
    state.seen.push(`${dialog.type()}: ${dialog.message()}`);
    void (state.accept ? dialog.accept() : dialog.dismiss());
  });
  return state;
}

/** The browser's stored drafts (keys without the workspace). */
const storedDrafts = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('waymark.draft:'))
      .map((key) => key.split(':').slice(2).join(':')),
  );

async function create<T>(page: Page, account: BuilderAccount, what: string, data: object) {
  const response = await page.request.post(`/api/workspaces/${account.workspaceId}/${what}`, {
    headers: { 'x-csrf-token': account.csrf },
    data,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T & { id: string };
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const notice = (page: Page) => page.getByRole('region', { name: /Unsaved changes from/ });

test('segment: leaving asks (link, Back, reload); a reload offers the draft back; Restore, Save, Discard', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const dialogs = answerDialogs(page);
  const account = await signUpBuilder(page);
  const segment = await create(page, account, 'segments', {
    name: 'Pro users',
    rule: { all: [] },
  });
  const question = 'confirm: This segment has unsaved changes. Leave without saving?';

  // In-app history: list → editor, then edit the name and add a trait condition.
  await page.goto('/segments');
  await page.getByRole('link', { name: 'Pro users' }).click();
  await expect(page).toHaveURL(`/segments/${segment.id}`);
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('Pro users on a paid plan');
  await page.getByRole('button', { name: '+ Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Segment rule, condition 1' });
  await condition.getByLabel('Trait').fill('plan');
  await condition.getByLabel('Value', { exact: true }).fill('pro');
  await expect.poll(() => storedDrafts(page)).toEqual([`segment:${segment.id}`]);

  // An in-app link asks; "Cancel" keeps the page and its edits.
  dialogs.accept = false;
  await page.getByRole('link', { name: 'Segments', exact: true }).first().click();
  expect(dialogs.seen).toEqual([question]);
  await expect(page).toHaveURL(`/segments/${segment.id}`);
  await expect(name).toHaveValue('Pro users on a paid plan');

  // Browser Back asks too; "Cancel" stays, with the edits, and Back still works afterwards.
  await page.goBack();
  await expect.poll(() => dialogs.seen.length).toBe(2);
  expect(dialogs.seen[1]).toBe(question);
  await expect(page).toHaveURL(`/segments/${segment.id}`);
  await expect(name).toHaveValue('Pro users on a paid plan');
  await expect(condition.getByLabel('Trait')).toHaveValue('plan');

  // A reload asks through beforeunload; leaving anyway keeps the draft in the browser.
  dialogs.accept = true;
  await page.reload();
  expect(dialogs.seen[2]).toMatch(/^beforeunload/);
  await expect(notice(page)).toBeVisible();
  await expect(notice(page)).toContainText('Unsaved changes from a moment ago');
  await expect(notice(page)).toContainText('not saved yet');
  await expect(name).toHaveValue('Pro users'); // the server's version until restored
  await expectAccessible(page);
  await shoot(page, 'draft-notice-segment');

  await notice(page).getByRole('button', { name: 'Restore' }).click();
  await expect(notice(page)).toBeHidden();
  await expect(name).toHaveValue('Pro users on a paid plan');
  await expect(condition.getByLabel('Value', { exact: true })).toHaveValue('pro');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Saved. 0 members.');
  const saved = await page.request.get(
    `/api/workspaces/${account.workspaceId}/segments/${segment.id}`,
  );
  const body = (await saved.json()) as { name: string; rule: unknown };
  expect(body.name).toBe('Pro users on a paid plan');
  expect(JSON.stringify(body.rule)).toContain('"pro"');
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(name).toHaveValue('Pro users on a paid plan');
  await expect(notice(page)).toBeHidden();
  expect(dialogs.seen).toHaveLength(3); // nothing unsaved: the reload did not ask

  // Discard drops the draft for good.
  await name.fill('A name nobody keeps');
  await expect.poll(() => storedDrafts(page)).toEqual([`segment:${segment.id}`]);
  await page.reload();
  await notice(page).getByRole('button', { name: 'Discard' }).click();
  await expect(notice(page)).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Discarded the unsaved changes.');
  await expect(name).toHaveValue('Pro users on a paid plan');
  expect(await storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(name).toHaveValue('Pro users on a paid plan');
  await expect(notice(page)).toBeHidden();

  // A confirmed Back loses nothing either: the editor offers the edits on return.
  await page.goto('/segments');
  await page.getByRole('link', { name: 'Pro users on a paid plan' }).click();
  await name.fill('Edited, then left by Back');
  await page.goBack();
  await expect(page).toHaveURL('/segments');
  await page.getByRole('link', { name: 'Pro users on a paid plan' }).click();
  await expect(notice(page)).toBeVisible();
  await notice(page).getByRole('button', { name: 'Restore' }).click();
  await expect(name).toHaveValue('Edited, then left by Back');
  expect(errors).toEqual([]);
});

test('goal: the draft comes back after a reload, says when the server changed since, and saves', async ({
  page,
}) => {
  test.setTimeout(60_000); // a busy machine makes the axe pass alone take seconds
  const errors = watchErrors(page);
  answerDialogs(page);
  const account = await signUpBuilder(page);
  const goal = await create(page, account, 'goals', {
    name: 'Invited a teammate',
    definition: { kind: 'event', event: 'Invite Sent' },
  });
  await page.goto(`/goals/${goal.id}`);
  const event = page.getByLabel('Event name');
  await event.fill('Invite Accepted');
  await expect.poll(() => storedDrafts(page)).toEqual([`goal:${goal.id}`]);

  // Someone renames the goal meanwhile: the notice says so.
  const renamed = await page.request.put(
    `/api/workspaces/${account.workspaceId}/goals/${goal.id}`,
    {
      headers: { 'x-csrf-token': account.csrf },
      data: { name: 'Invited someone', definition: { kind: 'event', event: 'Invite Sent' } },
    },
  );
  expect(renamed.status(), await renamed.text()).toBe(200);
  await page.reload();
  await expect(notice(page)).toContainText('was saved by someone (or another tab) since then');
  await expect(event).toHaveValue('Invite Sent');
  await expectAccessible(page);
  await shoot(page, 'draft-notice-goal');

  // By keyboard: the notice goes, focus stays in its place (the status line says what happened).
  await notice(page).getByRole('button', { name: 'Restore' }).focus();
  await page.keyboard.press('Enter');
  await expect(notice(page)).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(
    'Restored your unsaved changes. Save to keep them.',
  );
  await expect(page.getByRole('status')).toBeFocused();
  await expect(event).toHaveValue('Invite Accepted');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  await page.reload();
  await expect(event).toHaveValue('Invite Accepted');
  await expect(notice(page)).toBeHidden();
  expect(await storedDrafts(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('journey: a new, never-saved journey comes back after a reload and is created', async ({
  page,
}) => {
  test.setTimeout(60_000); // a busy machine makes the axe pass alone take seconds
  const errors = watchErrors(page);
  answerDialogs(page);
  await signUpBuilder(page);
  await page.goto('/journeys/new');
  await page.getByLabel('Name', { exact: true }).fill('Team growth');
  await page.getByLabel('Stage 2 name').fill('Activated');
  await expect.poll(() => storedDrafts(page)).toEqual(['journey:new']);
  await page.reload();
  await expect(notice(page)).toBeVisible();
  await expect(page.getByLabel('Stage 2 name')).toHaveValue('Activation');
  await notice(page).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Team growth');
  await expect(page.getByLabel('Stage 2 name')).toHaveValue('Activated');
  // Restored stages still reorder: their keys are fresh.
  await page.getByRole('button', { name: 'Reorder Stage 1: Acquisition' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Stage 1 name')).toHaveValue('Activated');
  await page.getByRole('button', { name: 'Create journey' }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status')).toContainText('Saved.');
  await expect(notice(page)).toBeHidden();
  expect(await storedDrafts(page)).toEqual([]);
  await page.goto('/journeys/new');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(notice(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test('feature tag: the open form and its draft come back after a reload; Restore, Save; Discard', async ({
  page,
}) => {
  test.setTimeout(60_000); // a busy machine makes the axe pass alone take seconds
  const errors = watchErrors(page);
  answerDialogs(page);
  const account = await signUpBuilder(page);
  await create(page, account, 'feature-tags', {
    name: 'Visited billing',
    kind: 'page',
    url: '/settings/billing',
  });
  await page.goto('/feature-tags');
  await page.getByRole('button', { name: 'Edit Visited billing' }).click();
  const form = page.getByRole('form', { name: 'Edit “Visited billing”' });
  await form.getByLabel('Page path').fill('/settings/billing/*');
  await expect.poll(async () => (await storedDrafts(page)).length).toBe(1);

  await page.reload();
  await expect(form).toBeVisible(); // reopened by itself
  await expect(notice(page)).toBeVisible();
  await expect(form.getByLabel('Page path')).toHaveValue('/settings/billing');
  await expectAccessible(page);
  await shoot(page, 'draft-notice-feature-tag');
  await notice(page).getByRole('button', { name: 'Restore' }).click();
  await expect(form.getByRole('heading', { name: 'Edit “Visited billing”' })).toBeFocused();
  await expect(form.getByLabel('Page path')).toHaveValue('/settings/billing/*');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /Visited billing/ })).toContainText(
    'Page view of /settings/billing/*',
  );
  expect(await storedDrafts(page)).toEqual([]);

  // A new tag's draft, discarded.
  await page.getByRole('button', { name: 'New feature tag' }).click();
  const fresh = page.getByRole('form', { name: 'New feature tag' });
  await fresh.getByLabel('Event name').fill('Export clicked');
  await expect.poll(() => storedDrafts(page)).toEqual(['feature-tag:new']);
  await page.reload();
  await expect(fresh.getByLabel('Event name')).toHaveValue('');
  await notice(page).getByRole('button', { name: 'Discard' }).click();
  await expect(notice(page)).toBeHidden();
  expect(await storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(fresh).toBeHidden();
  expect(errors).toEqual([]);
});
