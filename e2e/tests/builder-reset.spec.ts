import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expectAccessible, freshIp, SHOTS, watchErrors } from './builder-support';

/**
 * Password reset end to end in the browser: with no mail transport the server appends each mail
 * to `<DATA_DIR>/outbox.jsonl`, beside the demo file the e2e runner points at.
 */

const outboxFile = (): string =>
  path.join(
    path.dirname(
      process.env.WAYMARK_DEMO_FILE ?? path.resolve(import.meta.dirname, '../../.data/demo.json'),
    ),
    'outbox.jsonl',
  );

/** The link of the last mail in the outbox addressed to `to`, or undefined. */
async function lastOutboxLink(to: string): Promise<string | undefined> {
  const text = await readFile(outboxFile(), 'utf8').catch(() => '');
  const mails = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { to: string; link: string });
  return mails.filter((mail) => mail.to === to).at(-1)?.link;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
});

test('forgot password: the mailed link sets a new password; the old one stops working', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const email = `reset-${randomUUID()}@example.test`;
  const oldPassword = 'the first long password';
  const newPassword = 'a second, newer password';

  await page.goto('/signup');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(oldPassword);
  await page.getByLabel('Workspace name').fill('Reset test');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/content$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Waymark' })).toBeVisible();

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'reset-sent.png') });

  await expect.poll(() => lastOutboxLink(email)).toMatch(/\/reset-password\?token=wm_rst_/);
  const link = new URL((await lastOutboxLink(email)) ?? '');
  // The link carries the server's PUBLIC_URL; open its path on the server under test.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, email, oldPassword);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to Waymark' })).toBeVisible();

  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/content$/);
  await expect(page.locator('.topbar')).toContainText('Reset test');

  expect(errors).toEqual([]);

  // The link works once: opened again, the page says so (the browser logs the 400 answer).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('New password', { exact: true }).fill('a third long password');
  await page.getByLabel('Repeat the new password').fill('a third long password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'This reset link does not work' })).toBeVisible();
});
