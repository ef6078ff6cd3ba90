import type { SdkUser } from '@waymark/shared';
import type { KeyValueStorage } from './storage.adapter';

const ANONYMOUS_KEY = 'waymark.anonymousId';
const USER_KEY = 'waymark.userId';

/** Who the SDK speaks for, persisted so a returning visitor keeps one anonymous id. */
export class IdentityStore {
  #storage: KeyValueStorage;
  #newId: () => string;
  #anonymousId: string;
  #userId: string | null;

  constructor(storage: KeyValueStorage, newId: () => string) {
    this.#storage = storage;
    this.#newId = newId;
    this.#anonymousId = storage.getItem(ANONYMOUS_KEY) || this.#freshAnonymousId();
    this.#userId = storage.getItem(USER_KEY);
  }

  get user(): SdkUser {
    const anonymousId = this.#anonymousId;
    return this.#userId ? { anonymousId, userId: this.#userId } : { anonymousId };
  }

  setUserId(userId: string): void {
    this.#storage.setItem(USER_KEY, (this.#userId = userId));
  }

  /** Forgets the user and starts a new anonymous id (logout). */
  reset(): void {
    this.#userId = null;
    this.#storage.removeItem(USER_KEY);
    this.#anonymousId = this.#freshAnonymousId();
  }

  #freshAnonymousId(): string {
    const id = this.#newId();
    this.#storage.setItem(ANONYMOUS_KEY, id);
    return id;
  }
}
