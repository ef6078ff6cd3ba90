import { hashToken } from './builder.mode';

const token = 'aZ09_-aZ09_-aZ09_-aZ09';

describe('hashToken', () => {
  it('reads the token of the named mode', () => {
    expect(hashToken(`#waymark-pick=${token}`, 'pick')).toBe(token);
    expect(hashToken(`#/projects&waymark-preview=${token}`, 'preview')).toBe(token);
    expect(hashToken(`#waymark-preview=${token}&tab=2`, 'preview')).toBe(token);
  });

  it('ignores the other mode, short or malformed tokens, and look-alike names', () => {
    expect(hashToken(`#waymark-preview=${token}`, 'pick')).toBeUndefined();
    expect(hashToken('#waymark-pick=short', 'pick')).toBeUndefined();
    expect(hashToken(`#waymark-pick=${token}<script>`, 'pick')).toBeUndefined();
    expect(hashToken(`#notwaymark-pick=${token}`, 'pick')).toBeUndefined();
    expect(hashToken('', 'pick')).toBeUndefined();
  });
});
