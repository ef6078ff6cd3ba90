/**
 * Waits until `check` holds, polling every 10 ms; throws after `limit` ms. For what reaches the
 * app by NOTIFY (a write by another instance, or by the test behind the app's back): the caches
 * learn of it a moment later, never within the same request. Returns how long it took.
 */
export async function eventually(check: () => Promise<boolean>, limit = 3000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}
