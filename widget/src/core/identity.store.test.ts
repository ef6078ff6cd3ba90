import { IdentityStore } from './identity.store';
import { memoryStorage } from './storage.adapter';

const counter = () => {
  let n = 0;
  return () => `anon-${++n}`;
};

describe('IdentityStore', () => {
  it('keeps one anonymous id across page loads', () => {
    const storage = memoryStorage();
    const newId = counter();

    const first = new IdentityStore(storage, newId).user;
    const nextPage = new IdentityStore(storage, newId).user;

    expect(first).toEqual({ anonymousId: 'anon-1' });
    expect(nextPage).toEqual({ anonymousId: 'anon-1' });
  });

  it('remembers the user id, and reset forgets it and rotates the anonymous id', () => {
    const storage = memoryStorage();
    const identity = new IdentityStore(storage, counter());

    identity.setUserId('user-42');
    expect(new IdentityStore(storage, counter()).user).toEqual({
      anonymousId: 'anon-1',
      userId: 'user-42',
    });
    identity.reset();

    expect(identity.user).toEqual({ anonymousId: 'anon-2' });
    expect(new IdentityStore(storage, counter()).user).toEqual({ anonymousId: 'anon-2' });
  });
});
