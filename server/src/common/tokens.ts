import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token with the given prefix, e.g. `wm_pk_…`. */
export const randomToken = (prefix = '', bytes = 24): string =>
  `${prefix}${randomBytes(bytes).toString('base64url')}`;

/** Keys and session tokens are stored hashed; SHA-256 suffices for high-entropy tokens. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
