import { matchPattern } from './route-match';

describe('matchPattern', () => {
  it('matches fixed paths and ignores a trailing slash', () => {
    expect(matchPattern('/segments', '/segments')).toEqual({});
    expect(matchPattern('/segments', '/segments/')).toEqual({});
    expect(matchPattern('/segments', '/goals')).toBeNull();
  });

  it('captures and decodes params', () => {
    expect(matchPattern('/users/:userId', '/users/a%2Fb%20c')).toEqual({ userId: 'a/b c' });
  });

  it('needs the same number of segments', () => {
    expect(matchPattern('/users/:userId', '/users')).toBeNull();
    expect(matchPattern('/users/:userId', '/users/a/b')).toBeNull();
  });

  it('refuses malformed escapes', () => {
    expect(matchPattern('/users/:userId', '/users/%E0%A4%A')).toBeNull();
  });
});
