import type { ClientContext } from './evaluate-rule.js';
import type { Condition } from './rule.schema.js';

/** Conditions only the page can answer; the SQL compiler refuses them. */
export type ClientCondition = Extract<
  Condition,
  { type: 'page' | 'element' | 'device' | 'locale' | 'time_window' }
>;

export const CLIENT_CONDITION_TYPES: ReadonlySet<Condition['type']> = new Set([
  'page',
  'element',
  'device',
  'locale',
  'time_window',
]);

/** Device kind from the viewport width: < 768 mobile, < 1024 tablet, else desktop. */
export function deviceOf(context: ClientContext): 'mobile' | 'tablet' | 'desktop' | null {
  if (context.device) return context.device;
  const width = context.viewport?.width;
  if (width === undefined) return null;
  return width < 768 ? 'mobile' : width < 1024 ? 'tablet' : 'desktop';
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `*` matches any run of characters; the pattern must match the whole path (or URL). */
function globMatch(pattern: string, text: string): boolean {
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`).test(text);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function localClock(now: number, timezone: string): { hour: number; day: number } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      hour: 'numeric',
      weekday: 'short',
    }).formatToParts(new Date(now));
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    const weekday = parts.find((p) => p.type === 'weekday')?.value ?? '';
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekday);
    return Number.isNaN(hour) || day < 0 ? null : { hour, day };
  } catch {
    return null; // unknown time zone
  }
}

export function matchesClientCondition(
  c: ClientCondition,
  context: ClientContext,
  now: number,
): boolean {
  switch (c.type) {
    case 'page': {
      const url = context.url;
      if (url === undefined) return false;
      if (c.op === 'eq') return url === c.value || pathOf(url) === c.value;
      if (c.op === 'contains') return url.includes(c.value);
      if (c.op === 'starts_with') return url.startsWith(c.value) || pathOf(url).startsWith(c.value);
      return globMatch(c.value, c.value.startsWith('/') ? pathOf(url) : url);
    }
    case 'element':
      return context.element?.(c.target, c.state) ?? false;
    case 'device': {
      const kind = deviceOf(context);
      const width = context.viewport?.width;
      if (c.kind !== undefined && kind !== c.kind) return false;
      if (c.minWidth !== undefined && (width === undefined || width < c.minWidth)) return false;
      if (c.maxWidth !== undefined && (width === undefined || width > c.maxWidth)) return false;
      return true;
    }
    case 'locale': {
      const locale = context.locale?.toLowerCase();
      if (locale === undefined) return false;
      const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => v.toLowerCase());
      if (c.op === 'starts_with')
        return values.some((v) => locale === v || locale.startsWith(`${v}-`));
      return values.includes(locale);
    }
    case 'time_window': {
      const clock = localClock(now, c.timezone);
      if (!clock) return false;
      if (c.days && !c.days.includes(clock.day)) return false;
      return c.startHour < c.endHour
        ? clock.hour >= c.startHour && clock.hour < c.endHour
        : clock.hour >= c.startHour || clock.hour < c.endHour;
    }
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
}
