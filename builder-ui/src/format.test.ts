import { formatRelative, kindLabel } from './format';

describe('formatRelative', () => {
  const now = new Date('2025-03-12T12:00:00Z');

  it.each([
    ['2025-03-12T11:59:30Z', 'just now'],
    ['2025-03-12T11:55:00Z', '5 minutes ago'],
    ['2025-03-12T09:00:00Z', '3 hours ago'],
    ['2025-03-11T12:00:00Z', 'yesterday'],
    ['2025-02-26T12:00:00Z', '2 weeks ago'],
    ['2024-03-12T12:00:00Z', 'last year'],
  ])('%s reads as "%s"', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });

  it('shows a dash for a date it cannot read', () => {
    expect(formatRelative('not a date', now)).toBe('—');
  });
});

describe('kindLabel', () => {
  it('names each kind for people', () => {
    expect(kindLabel('checklist')).toBe('Checklist');
  });
});
