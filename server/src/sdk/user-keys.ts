import type { SdkUser } from '@waymark/shared';

/**
 * Keys progress and assignments are stored under: the user id once identified (`u:`), else
 * the anonymous id (`a:`). Reads look at both, the identified one first, so a walkthrough begun
 * anonymously continues after sign-in.
 */
export function userKeysOf(user: Pick<SdkUser, 'userId' | 'anonymousId'>): [string, ...string[]] {
  const anonymous = `a:${user.anonymousId}`;
  return user.userId ? [`u:${user.userId}`, anonymous] : [anonymous];
}

/** What experiments hash, as any SDK would: the user id, else the anonymous id. */
export const hashKeyOf = (user: Pick<SdkUser, 'userId' | 'anonymousId'>): string =>
  user.userId ?? user.anonymousId;
