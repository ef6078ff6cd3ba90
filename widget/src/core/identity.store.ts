import type { SdkUser } from '@waymark/shared';
import type { KeyValueStorage } from './storage.adapter';

const ANONYMOUS_KEY = 'waymark.anonymousId';
const USER_KEY = 'waymark.userId';

/** Who the SDK speaks for, persisted so a returning visitor keeps one anonymous id. */
export interface IdentityStore {
  readonly user: SdkUser;
  setUserId(userId: string): void;
  /** Forgets the user and starts a new anonymous id (logout). */
  reset(): void;
}

export function createIdentityStore(storage: KeyValueStorage, newId: () => string): IdentityStore {
  const freshAnonymousId = (): string => {
    const id = newId();
    storage.setItem(ANONYMOUS_KEY, id);
    return id;
  };
  let anonymousId = storage.getItem(ANONYMOUS_KEY) || freshAnonymousId();
  let userId = storage.getItem(USER_KEY);
  return {
    get user() {
      return userId ? { anonymousId, userId } : { anonymousId };
    },
    setUserId(id) {
      storage.setItem(USER_KEY, (userId = id));
    },
    reset() {
      userId = null;
      storage.removeItem(USER_KEY);
      anonymousId = freshAnonymousId();
    },
  };
}
