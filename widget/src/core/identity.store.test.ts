import { createIdentityStore } from './identity.store';
import { memoryStorage } from './storage.adapter';

const counter = () => {
  let n = 0;
  return () => `anon-${++n}`;
};

describe('IdentityStore', () => {
  it('keeps one anonymous id across page loads', () => {
    const storage = memoryStorage();
    const newId = counter();

    const first = createIdentityStore(storage, newId).user;
    const nextPage = createIdentityStore(storage, newId).user;

    expect(first).toEqual({ anonymousId: 'anon-1' });
    expect(nextPage).toEqual({ anonymousId: 'anon-1' });
  });

  it('remembers the user id, and reset forgets it and rotates the anonymous id', () => {
    const storage = memoryStorage();
    const identity = createIdentityStore(storage, counter());

    identity.setUserId('user-42');
    expect(createIdentityStore(storage, counter()).user).toEqual({
      anonymousId: 'anon-1',
      userId: 'user-42',
    });
    identity.reset();

    expect(identity.user).toEqual({ anonymousId: 'anon-2' });
    expect(createIdentityStore(storage, counter()).user).toEqual({ anonymousId: 'anon-2' });
  });
});
