import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { ContentDefinitionInput, ContentDetail, MeResponse } from '@waymark/shared';
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Where specs save the screenshots people look at (`WAYMARK_SHOTS`, else a temp folder). */
export const SHOTS = process.env.WAYMARK_SHOTS ?? path.join(os.tmpdir(), 'waymark-shots');

export interface BuilderAccount {
  email: string;
  password: string;
  workspaceId: string;
  /** Send as `x-csrf-token` with `page.request` writes. */
  csrf: string;
}

/** A client IP of its own, so sign-up's per-IP limit never binds across tests. */
export const freshIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Signs up a new account (its own workspace) through the API in the page's browser context, so
 * the page is signed in: the session cookie lands in the context's cookie jar.
 */
export async function signUpBuilder(
  page: Page,
  options: { workspaceName?: string } = {},
): Promise<BuilderAccount> {
  const email = `builder-${randomUUID()}@example.test`;
  const password = 'a long test password';
  const response = await page.request.post('/api/auth/signup', {
    headers: { 'x-forwarded-for': freshIp() },
    data: { email, password, ...options },
  });
  expect(response.status(), await response.text()).toBe(201);
  const me = (await response.json()) as MeResponse;
  return { email, password, workspaceId: me.workspaces[0]!.id, csrf: me.csrfToken };
}

/** axe-core over the whole page (or `include`), failing with the rules and targets it found. */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Page errors and console errors (a CSP violation is a console error) seen while it ran. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[14]/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/** Creates an item through the API and opens its editor; returns its id. */
export async function openNewContent(
  page: Page,
  account: BuilderAccount,
  name: string,
  definition: ContentDefinitionInput,
): Promise<string> {
  const response = await page.request.post(`/api/workspaces/${account.workspaceId}/content`, {
    headers: { 'x-csrf-token': account.csrf },
    data: { name, definition },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as ContentDetail;
  await page.goto(`/content/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return id;
}

/** The stored draft's definition (what autosave wrote). */
export async function draftOf(page: Page, account: BuilderAccount, id: string) {
  const response = await page.request.get(`/api/workspaces/${account.workspaceId}/content/${id}`);
  return ((await response.json()) as ContentDetail).draft?.definition;
}

/** The production environment's public SDK key and its secret key (rotated, so it is shown). */
export async function productionKeys(
  page: Page,
  account: BuilderAccount,
): Promise<{ sdkKey: string; secretKey: string }> {
  const base = `/api/workspaces/${account.workspaceId}/environments`;
  const envs = (await (await page.request.get(base)).json()) as {
    data: Array<{ id: string; name: string; sdkKey: string }>;
  };
  const production = envs.data.find((e) => e.name === 'production')!;
  const rotated = await page.request.post(`${base}/${production.id}/rotate-secret-key`, {
    headers: { 'x-csrf-token': account.csrf },
  });
  expect(rotated.ok()).toBe(true);
  const { secretKey } = (await rotated.json()) as { secretKey: string };
  return { sdkKey: production.sdkKey, secretKey };
}
