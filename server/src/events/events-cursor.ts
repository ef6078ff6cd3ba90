import { AppError } from '../common/app-error';

/** Keyset cursor of the export API: the (ts, messageId) of the last row served. */
export const encodeCursor = (ts: string, messageId: string): string =>
  Buffer.from(JSON.stringify([ts, messageId])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is not one this API returned.', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);
}
