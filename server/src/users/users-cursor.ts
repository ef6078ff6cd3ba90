import { AppError } from '../common/app-error';

const badCursor = () =>
  new AppError('validation_failed', 'The cursor is not one this API returned.', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);

/** `2026-01-02T03:04:05.123456Z`: what PostgreSQL's to_char gives below, microseconds kept. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset cursor of the people list: (created_at to the microsecond, end user id) of the last row. */
export const encodePeopleCursor = (createdAt: string, id: string): string =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

/** Decodes and checks a people cursor, so nothing unparseable ever reaches a SQL cast. */
export function decodePeopleCursor(cursor: string): [string, string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    INSTANT.test(value[0]) &&
    !Number.isNaN(Date.parse(value[0])) &&
    UUID.test(value[1])
  ) {
    return [value[0], value[1]];
  }
  throw badCursor();
}

/** Checks the (ts, messageId) of an events cursor the same way. */
export function checkEventsCursor([ts, messageId]: [string, string]): [string, string] {
  if (INSTANT.test(ts) && !Number.isNaN(Date.parse(ts)) && messageId.length <= 200) {
    return [ts, messageId];
  }
  throw badCursor();
}

/** `term` for a LIKE pattern: its wildcards and the escape character taken literally. */
export const likeEscape = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);
