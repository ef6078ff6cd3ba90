import { createHmac, timingSafeEqual } from 'node:crypto';

/** `hex(HMAC-SHA256(userId, secret))`: what the customer's server computes for the widget. */
export function userHashOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Compares in constant time; accepts upper- or lower-case hex. */
export function verifyUserHash(secret: string, userId: string, userHash: string): boolean {
  const expected = Buffer.from(userHashOf(secret, userId), 'utf8');
  const actual = Buffer.from(userHash.toLowerCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
