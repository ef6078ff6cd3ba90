import { formatDuration, percent, stageIdFrom } from './journey-format';

describe('journey formatting', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(30)).toBe('30 s');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(3 * 3600 + 120)).toBe('3 h 2 min');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });

  it('makes unique stage ids from names', () => {
    expect(stageIdFrom('Activated users!', [])).toBe('activated-users');
    expect(stageIdFrom('Activated', ['activated'])).toBe('activated-2');
    expect(stageIdFrom('***', [])).toBe('stage');
  });

  it('formats ratios', () => {
    expect(percent(0.6667)).toBe('66.7 %');
    expect(percent(null)).toBe('—');
  });
});
