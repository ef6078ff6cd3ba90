import { expect, test, type Page } from '@playwright/test';
import type { InvitationCreated } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { expectAccessible, freshIp, signUpBuilder, watchErrors } from './builder-support';

/**
 * Signed-out pages (sign up, sign in, forgot and reset password), the invitation page, and
 * creating and switching workspaces from the top bar — in Chromium against the real server.
 */

const password = 'a long test password';
const newEmail = () => `person-${randomUUID()}@example.test`;

/** Each test is its own client IP, so sign-up's per-IP limit never binds across tests. */
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
});

async function fillSignup(page: Page, email: string, workspace: string): Promise<void> {
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Workspace name').fill(workspace);
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('sign up by keyboard from the sign-in page and land in the new workspace', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Waymark' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Create an account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole('heading', { name: 'Create your Waymark account' })).toBeVisible();
  await expectAccessible(page);

  // Local checks first: nothing is sent, and focus goes to the first field to fix.
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByLabel('Work email')).toBeFocused();
  await page.getByLabel('Work email').fill(newEmail());
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const workspace = `Acme ${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Work email').fill('');
  await fillSignup(page, newEmail(), workspace);
  await expect(page).toHaveURL(/\/content$/);
  await expect(page.locator('.topbar')).toContainText(workspace);
  await expect(page.locator('.topbar .role')).toContainText('owner');
  expect(errors).toEqual([]);
});

test('a taken email is refused by the server and said next to the form', async ({ page }) => {
  const taken = newEmail();
  const first = await page.request.post('/api/auth/signup', {
    data: { email: taken, password, workspaceName: 'First' },
  });
  expect(first.status()).toBe(201);
  await page.context().clearCookies();
  await page.goto('/signup');
  await fillSignup(page, taken, 'Second');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test('forgot password: links between the pages, the request, and the answer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  const email = newEmail();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Email').press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(email);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Waymark' })).toBeVisible();
});

test('reset password: a missing or spent token says so; the form checks its fields', async ({
  page,
}) => {
  await page.goto('/reset-password');
  await expect(page.getByRole('heading', { name: 'This reset link does not work' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('missing its token');
  await expectAccessible(page);

  await page.goto(`/reset-password?token=${randomUUID()}`);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('New password', { exact: true }).fill('a long new password');
  await page.getByLabel('Repeat the new password').fill('something else entirely');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await expect(page.getByLabel('Repeat the new password')).toBeFocused();
  await page.getByLabel('Repeat the new password').fill('a long new password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  // The server does not know the token: the page explains and offers a new link.
  await expect(page.getByRole('heading', { name: 'This reset link does not work' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Request a new link' })).toBeVisible();
});

test('an invited person signs up from the link and joins with the invited role', async ({
  page,
  browser,
}) => {
  const owner = await signUpBuilder(page, {
    workspaceName: `Invitees ${randomUUID().slice(0, 6)}`,
  });
  const invitedEmail = newEmail();
  const invited = await page.request.post(`/api/workspaces/${owner.workspaceId}/invitations`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { email: invitedEmail, role: 'viewer' },
  });
  expect(invited.status()).toBe(201);
  const { url } = (await invited.json()) as InvitationCreated;
  const link = new URL(url);

  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshIp() } });
  const guest = await context.newPage();
  const errors = watchErrors(guest);
  await guest.goto(`${link.pathname}${link.search}`);
  await expect(
    guest.getByRole('heading', { name: 'Sign in to accept your invitation' }),
  ).toBeVisible();
  await expectAccessible(guest);
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await expect(guest).toHaveURL(/\/signup\?next=/);
  await fillSignup(guest, invitedEmail, 'My own');
  await expect(guest).toHaveURL(/\/invite\?workspace=/);
  await expect(guest.getByRole('heading', { name: 'Join a workspace on Waymark' })).toBeVisible();
  await expectAccessible(guest);
  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(guest).toHaveURL(/\/content$/);
  await expect(guest.locator('#workspace-select')).toHaveValue(owner.workspaceId);
  await expect(guest.locator('.topbar .role')).toContainText('viewer');
  expect(errors).toEqual([]);
  await context.close();
});

test('an invitation for another address is refused with a way out', async ({ page, browser }) => {
  const owner = await signUpBuilder(page);
  const invited = await page.request.post(`/api/workspaces/${owner.workspaceId}/invitations`, {
    headers: { 'x-csrf-token': owner.csrf },
    data: { email: newEmail(), role: 'editor' },
  });
  const { url } = (await invited.json()) as InvitationCreated;
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshIp() } });
  const other = await context.newPage();
  await signUpBuilder(other);
  const link = new URL(url);
  await other.goto(`${link.pathname}${link.search}`);
  await other.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(other.getByRole('alert')).toContainText('another email address');
  await expect(
    other.getByRole('button', { name: 'Sign out and use another account' }),
  ).toBeVisible();
  await expectAccessible(other);
  await context.close();
});

test('create a workspace from the top bar and switch between workspaces', async ({ page }) => {
  const first = `First ${randomUUID().slice(0, 6)}`;
  await signUpBuilder(page, { workspaceName: first });
  await page.goto('/content');
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByText('Enter a name for the workspace.')).toBeVisible();
  const second = `Second ${randomUUID().slice(0, 6)}`;
  await dialog.getByLabel('Workspace name').fill(second);
  await dialog.getByLabel('Workspace name').press('Enter');
  await expect(dialog).toBeHidden();
  const switcher = page.getByLabel('Workspace', { exact: true });
  await expect(switcher.locator('option:checked')).toHaveText(second);
  await switcher.selectOption({ label: first });
  await expect(switcher.locator('option:checked')).toHaveText(first);
});
