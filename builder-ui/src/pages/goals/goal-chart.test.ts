import { chartModel } from './goal-chart';

const point = (period: string, completions: number, rate: number) => ({
  period,
  completions,
  cumulative: 0,
  users: 0,
  rate,
});

describe('chartModel', () => {
  it('scales bars to the busiest period and the rate to a round ceiling', () => {
    const model = chartModel([point('2025-01-01', 2, 0.1), point('2025-01-02', 4, 0.15)], 240, 120);
    expect(model.maxRate).toBe(0.2);
    expect(model.bars[1]!.h).toBeCloseTo(2 * model.bars[0]!.h);
    expect(model.dots).toHaveLength(2);
    expect(model.line.startsWith('M')).toBe(true);
    expect(model.ticks.map((t) => t[1])).toEqual(['0 %', '10 %', '20 %']);
  });

  it('handles no data without dividing by zero', () => {
    const model = chartModel([]);
    expect(model.bars).toEqual([]);
    expect(model.line).toBe('');
  });
});
