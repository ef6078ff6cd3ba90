import { contrastChecks, contrastRatio, parseColor, toHex } from './theme-colors';

describe('theme colours', () => {
  it('reads every colour form the theme accepts', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#4f46e5')).toEqual([79, 70, 229]);
    expect(parseColor('#4f46e580')).toEqual([79, 70, 229]);
    expect(parseColor('rgb(10, 20, 30)')).toEqual([10, 20, 30]);
    expect(parseColor('rgba(10 20 30 / 50%)')).toEqual([10, 20, 30]);
    expect(parseColor('hsl(0, 100%, 50%)')).toEqual([255, 0, 0]);
    expect(parseColor('hsl(240 100% 25%)')).toEqual([0, 0, 128]);
    expect(parseColor('red')).toBeNull();
    expect(parseColor('#12')).toBeNull();
    expect(toHex('rgb(255, 0, 128)')).toBe('#ff0080');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('nope', '#fff')).toBeNull();
  });

  it('passes the defaults and flags weak pairs against AA', () => {
    expect(contrastChecks({}).every((c) => c.ok)).toBe(true);
    const weak = contrastChecks({ accent: '#ffeb3b', text: '#999999' });
    expect(weak.map((c) => [c.pair, c.ok])).toEqual([
      ['Text on background', false],
      ['Links (accent) on background', false],
      ['Button text on accent', false],
    ]);
  });
});
