/**
 * A message that survives one navigation: after "Create", the page moves to the new item's URL
 * and mounts a fresh editor, which shows what the create answered.
 */
let pending: string | null = null;

export const setFlash = (message: string): void => {
  pending = message;
};

export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
