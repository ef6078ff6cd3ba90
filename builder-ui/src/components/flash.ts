/**
 * A message that survives one navigation: after "Create", the page moves to the new item's URL
 * and mounts a fresh editor, which shows what the create answered. Keyed by the new item's id
 * and short-lived, so reading it twice (a remount) is harmless.
 */
let pending: { id: string; message: string; at: number } | null = null;

export const setFlash = (id: string, message: string): void => {
  pending = { id, message, at: Date.now() };
};

export function takeFlash(id: string | undefined): string | null {
  if (!pending || pending.id !== id || Date.now() - pending.at > 10_000) return null;
  return pending.message;
}
