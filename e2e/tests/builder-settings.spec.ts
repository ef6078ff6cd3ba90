import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { EnvironmentList, MeResponse } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  expectAccessible,
  freshIp,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

/**
 * Settings against the real server: team and invitations (a second account joins by the link),
 * roles (a viewer sees no edit controls), environments and key rotation (the old SDK key is
 * refused at once), the install page's snippet and live detection, workspace settings and the
 * audit log.
 */

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
});

const session = (request: APIRequestContext, sdkKey: string) =>
  request.post('/sdk/v1/session', {
    headers: { 'x-waymark-key': sdkKey },
    data: {
      user: { anonymousId: `anon-${randomUUID()}` },
      context: { url: 'https://app.example/' },
    },
  });

async function environments(page: Page, owner: BuilderAccount) {
  const answer = await page.request.get(`/api/workspaces/${owner.workspaceId}/environments`);
  return ((await answer.json()) as EnvironmentList).data;
}

test('team: invite by email, the link is shown once, the invitee joins with the role', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const owner = await signUpBuilder(page, { workspaceName: `Team ${randomUUID().slice(0, 6)}` });
  await page.goto('/settings/team');
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expectAccessible(page);

  const inviteeEmail = `invitee-${randomUUID()}@example.test`;
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill('not-an-email');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await form.getByLabel('Email address').fill(inviteeEmail);
  await form.getByLabel('Role').selectOption('editor');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  const once = page.getByRole('region', { name: `Invitation link for ${inviteeEmail}` });
  await expect(once).toBeFocused();
  const link = await once.getByRole('textbox').inputValue();
  expect(link).toMatch(/\/invite\?workspace=.+&token=.+/);
  await expect(page.getByRole('row', { name: new RegExp(inviteeEmail) })).toContainText('Editor');
  await expectAccessible(page);
  await once.getByRole('button', { name: 'Done, hide it' }).click();
  await expect(once).toBeHidden();

  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshIp() } });
  const invitee = await context.newPage();
  const signed = await invitee.request.post('/api/auth/signup', {
    data: { email: inviteeEmail, password: 'a long test password' },
  });
  expect(signed.status()).toBe(201);
  const url = new URL(link);
  await invitee.goto(`${url.pathname}${url.search}`);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.locator('#workspace-select')).toHaveValue(owner.workspaceId);
  await expect(invitee.locator('.topbar .role')).toContainText('editor');

  // The owner makes the editor a viewer; the viewer then sees the team read-only.
  await page.reload();
  await page.getByLabel(`Role of ${inviteeEmail}`).selectOption('viewer');
  await expect(page.getByRole('status').filter({ hasText: 'is now viewer' })).toHaveCount(1);
  await invitee.goto('/settings/team');
  await expect(invitee.locator('.topbar .role')).toContainText('viewer');
  await expect(invitee.getByText('Only owners can invite people or change roles.')).toBeVisible();
  await expect(invitee.getByRole('form', { name: 'Invite someone' })).toHaveCount(0);
  await expect(invitee.getByRole('combobox', { name: /^Role of / })).toHaveCount(0);
  await expect(invitee.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(invitee.getByRole('button', { name: /^Revoke / })).toHaveCount(0);
  await expect(invitee.getByRole('button', { name: 'Leave this workspace' })).toBeVisible();
  await expectAccessible(invitee);
  for (const path of ['/settings/environments', '/settings/install', '/settings/workspace']) {
    await invitee.goto(path);
    await expect(invitee.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(invitee.getByRole('button', { name: /^Rotate/ })).toHaveCount(0);
    await expect(invitee.getByRole('button', { name: /Save|Add environment|Require/ })).toHaveCount(
      0,
    );
    await expectAccessible(invitee);
  }
  await expect(invitee.getByLabel('Workspace name')).toHaveAttribute('readonly', '');
  await context.close();
  expect(errors).toEqual([]);
});

test('environments: rotating the SDK key refuses the old one at once; the secret is shown once', async ({
  page,
}) => {
  const owner = await signUpBuilder(page);
  const [production] = (await environments(page, owner)).filter((e) => e.name === 'production');
  const oldKey = production!.sdkKey;
  expect((await session(page.request, oldKey)).status()).toBe(200);

  await page.goto('/settings/environments');
  await expect(page.getByRole('heading', { name: 'production' })).toBeVisible();
  await expect(page.getByText(oldKey)).toBeVisible();
  await expectAccessible(page);

  // Escape cancels: nothing changes.
  await page.getByRole('button', { name: 'Rotate the SDK key of production' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate the SDK key of production?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await session(page.request, oldKey)).status()).toBe(200);

  await page.getByRole('button', { name: 'Rotate the SDK key of production' }).click();
  await dialog.getByRole('button', { name: 'Rotate SDK key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(oldKey)).toHaveCount(0);
  const [rotated] = (await environments(page, owner)).filter((e) => e.name === 'production');
  await expect(page.getByText(rotated!.sdkKey)).toBeVisible();
  expect((await session(page.request, oldKey)).status()).toBe(401);
  expect((await session(page.request, rotated!.sdkKey)).status()).toBe(200);

  await page.getByRole('button', { name: 'Rotate the secret key of staging' }).click();
  await page.getByRole('button', { name: 'Rotate secret key' }).click();
  const secret = page.getByRole('region', { name: 'Secret key of staging' });
  await expect(secret).toBeVisible();
  await expect(secret).toContainText('it will not be shown again');
  const secretKey = await secret.getByRole('textbox').inputValue();
  expect(secretKey).toMatch(/^wm_sk_/);
  const exported = await page.request.get('/api/v1/events?limit=1', {
    headers: { authorization: `Bearer ${secretKey}` },
  });
  expect(exported.status()).toBe(200);
  await expect(page.getByText(`wm_sk_…${secretKey.slice(-4)}`)).toBeVisible();
  await expectAccessible(page);

  // A new environment: the name is checked here, then by the server; its secret shows once.
  const form = page.getByRole('form', { name: 'Add an environment' });
  await form.getByLabel('New environment').fill('QA env');
  await form.getByRole('button', { name: 'Add environment' }).click();
  await expect(form.getByText(/Use lowercase letters/)).toBeVisible();
  await form.getByLabel('New environment').fill('qa');
  await form.getByRole('button', { name: 'Add environment' }).click();
  await expect(page.getByRole('heading', { name: 'qa', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Secret key of qa' })).toBeVisible();
});

test('install: the snippet holds this environment’s key and the page detects the widget', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const owner = await signUpBuilder(page);
  const staging = (await environments(page, owner)).find((e) => e.name === 'staging')!;
  const production = (await environments(page, owner)).find((e) => e.name === 'production')!;
  await page.goto('/settings/install');
  const snippet = page.getByRole('figure', { name: 'Snippet for production' });
  await expect(snippet).toContainText(production.sdkKey);
  await expect(snippet).toContainText('/sdk/waymark.js');
  await expect(page.getByRole('figure', { name: 'Install the package' })).toContainText(
    'npm install @waymark/widget',
  );
  await expect(page.getByRole('figure', { name: 'Start it in your app' })).toContainText(
    `waymark.init("${production.sdkKey}"`,
  );
  await expectAccessible(page);

  await page.getByLabel('Environment').selectOption({ label: 'staging' });
  await expect(page.getByRole('figure', { name: 'Snippet for staging' })).toContainText(
    staging.sdkKey,
  );
  const status = page.locator('.install-status');
  await expect(status).toContainText('Waiting for the widget in staging');
  expect((await session(page.request, staging.sdkKey)).status()).toBe(200);
  await expect(status).toContainText('Installation detected in staging', { timeout: 10_000 });
  await page.getByLabel('Environment').selectOption({ label: 'production' });
  await expect(status).toContainText('Waiting for the widget in production');

  // The snippet pasted into a page really loads the widget with that key.
  const copied = await snippet.locator('code').textContent();
  expect(copied).toContain(`"${production.sdkKey}"`);
  expect(errors).toEqual([]);
});

test('workspace: rename, app URL with server validation, event retention, identity verification', async ({
  page,
}) => {
  const owner = await signUpBuilder(page, { workspaceName: 'Before' });
  await page.goto('/settings/workspace');
  await expect(page.getByLabel('Workspace name')).toHaveValue('Before');
  await expectAccessible(page);

  const appUrl = page.getByLabel('Your app’s URL');
  await appUrl.fill('ftp://files.example');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Enter a full address starting with https://')).toBeVisible();
  await expect(appUrl).toBeFocused();
  // Only the server knows this one is refused: its message lands next to the field.
  await appUrl.fill('https://user:secret@app.example/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#appUrl-error')).toHaveText(
    'must not contain a user name or password',
  );
  await expect(appUrl).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const retention = page.getByLabel('Keep events for (days)');
  await expect(retention).toHaveValue('');
  await retention.fill('0');
  await appUrl.fill('https://app.example/dashboard');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#eventRetentionDays-error')).toHaveText(
    'Enter whole days from 1 to 36500, or leave it empty.',
  );
  await expect(retention).toBeFocused();

  const renamed = `After ${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Workspace name').fill(renamed);
  await retention.fill('90');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const saved = (await (await page.request.get(`/api/workspaces/${owner.workspaceId}`)).json()) as {
    eventRetentionDays: number | null;
  };
  expect(saved.eventRetentionDays).toBe(90);
  await expect(page.locator('.topbar')).toContainText(renamed);
  await expect(page.getByRole('link', { name: /Open your app/ })).toHaveAttribute(
    'href',
    'https://app.example/dashboard',
  );
  const me = (await (await page.request.get('/api/auth/me')).json()) as MeResponse;
  expect(me.workspaces.find((w) => w.id === owner.workspaceId)?.name).toBe(renamed);

  await page.getByRole('button', { name: 'Require identity verification' }).click();
  await page
    .getByRole('dialog', { name: 'Require identity verification?' })
    .getByRole('button', { name: 'Require it' })
    .click();
  await expect(page.locator('.identity-state .badge')).toHaveText('Required');
  await page.getByRole('button', { name: 'Reveal' }).click();
  const secret = page.getByRole('textbox', { name: 'Identity secret' });
  const first = await secret.inputValue();
  expect(first).toMatch(/^wm_is_/);
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await page
    .getByRole('dialog', { name: 'Rotate the identity secret?' })
    .getByRole('button', { name: 'Rotate secret' })
    .click();
  await expect(secret).not.toHaveValue(first);
  await expect(secret).toHaveValue(/^wm_is_/);
  await expectAccessible(page);

  // The install page now shows the server-side HMAC step.
  await page.getByRole('link', { name: 'Install' }).click();
  await expect(
    page.getByRole('figure', { name: 'Compute the user hash on your server (Node.js)' }),
  ).toContainText("createHmac('sha256'");
});

test('audit log: newest first, paged with "Load more"', async ({ page }) => {
  test.setTimeout(60_000);
  const owner = await signUpBuilder(page);
  for (let n = 1; n <= 52; n += 1) {
    const answer = await page.request.patch(`/api/workspaces/${owner.workspaceId}`, {
      headers: { 'x-csrf-token': owner.csrf },
      data: { name: `Name ${n}` },
    });
    expect(answer.status()).toBe(200);
  }
  await page.goto('/settings/audit');
  const rows = page.locator('.audit-table tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('name: Name 51 → Name 52');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Load more' }).click();
  // 52 renames and the sign-up's workspace.created entry.
  await expect(rows).toHaveCount(53);
  await expect(rows.last()).toContainText('workspace.created');
  await expect(page.getByText('That is everything: 53 entries.')).toBeVisible();
});
