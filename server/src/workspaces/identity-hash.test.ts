import { userHashOf, verifyUserHash } from './identity-hash';

describe('identity verification hash', () => {
  it('matches a known HMAC-SHA256 vector (RFC 4231 case 2)', () => {
    expect(userHashOf('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies the right hash in either case and refuses others', () => {
    const hash = userHashOf('wm_is_secret', 'user-42');
    expect(verifyUserHash('wm_is_secret', 'user-42', hash)).toBe(true);
    expect(verifyUserHash('wm_is_secret', 'user-42', hash.toUpperCase())).toBe(true);
    expect(verifyUserHash('wm_is_secret', 'user-43', hash)).toBe(false);
    expect(verifyUserHash('wm_is_other', 'user-42', hash)).toBe(false);
    expect(verifyUserHash('wm_is_secret', 'user-42', hash.slice(1))).toBe(false);
    expect(verifyUserHash('wm_is_secret', 'user-42', '')).toBe(false);
  });
});
