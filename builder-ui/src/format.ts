import type { ContentKind } from '@waymark/shared';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "just now"; `now` is a parameter so tests need no fake clock. */
export function formatRelative(iso: string, now: Date = new Date(), locale = 'en'): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '—';
  const seconds = Math.round((then - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** A full date and time for tooltips, e.g. "12 Mar 2025, 14:05". */
export function formatDateTime(iso: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const KIND_LABELS: Record<ContentKind, string> = {
  flow: 'Flow',
  checklist: 'Checklist',
  banner: 'Banner',
  survey: 'Survey',
  launcher: 'Launcher',
};

export const kindLabel = (kind: ContentKind): string => KIND_LABELS[kind];
