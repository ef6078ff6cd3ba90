import { CLIENT_CONDITION_TYPES, type ComparisonOp } from '@waymark/shared';
import type { ConditionType } from './rule-form';

/** The condition kinds in the order the "Add condition" menu offers them. */
export const CONDITION_TYPES: ReadonlyArray<{ type: ConditionType; label: string }> = [
  { type: 'trait', label: 'User trait' },
  { type: 'company_trait', label: 'Company trait' },
  { type: 'event', label: 'Performed event' },
  { type: 'sequence', label: 'Event sequence (A then B)' },
  { type: 'first_seen', label: 'First seen' },
  { type: 'last_seen', label: 'Last seen' },
  { type: 'survey_answer', label: 'Survey answer' },
  { type: 'content', label: 'Content state' },
  { type: 'goal', label: 'Goal reached' },
  { type: 'journey_stage', label: 'Journey stage' },
  { type: 'segment', label: 'In segment' },
  { type: 'page', label: 'Page URL (in the browser)' },
  { type: 'element', label: 'Element on page (in the browser)' },
  { type: 'device', label: 'Device (in the browser)' },
  { type: 'locale', label: 'Locale (in the browser)' },
  { type: 'time_window', label: 'Time of day (in the browser)' },
];

export const isClientType = (type: ConditionType): boolean => CLIENT_CONDITION_TYPES.has(type);

/** The kinds a builder of this scope offers. */
export const typesFor = (scope: 'server' | 'client') =>
  CONDITION_TYPES.filter((t) => scope === 'client' || !isClientType(t.type));

export const typeLabel = (type: ConditionType): string =>
  CONDITION_TYPES.find((t) => t.type === type)?.label ?? type;

export const COMPARISON_OPS: ReadonlyArray<{ op: ComparisonOp; label: string }> = [
  { op: 'eq', label: 'equals' },
  { op: 'neq', label: 'does not equal' },
  { op: 'contains', label: 'contains' },
  { op: 'not_contains', label: 'does not contain' },
  { op: 'starts_with', label: 'starts with' },
  { op: 'ends_with', label: 'ends with' },
  { op: 'gt', label: 'is greater than' },
  { op: 'gte', label: 'is at least' },
  { op: 'lt', label: 'is less than' },
  { op: 'lte', label: 'is at most' },
  { op: 'in', label: 'is one of' },
  { op: 'not_in', label: 'is none of' },
  { op: 'exists', label: 'is set' },
  { op: 'not_exists', label: 'is not set' },
  { op: 'before', label: 'is a date before' },
  { op: 'after', label: 'is a date after' },
  { op: 'within_last_days', label: 'is a date within the last … days' },
  { op: 'more_than_days_ago', label: 'is a date more than … days ago' },
];

export const TIME_OPS = [
  { op: 'within_last_days', label: 'within the last … days' },
  { op: 'more_than_days_ago', label: 'more than … days ago' },
  { op: 'before', label: 'before the date' },
  { op: 'after', label: 'after the date' },
] as const;

/** zod's wording, made readable next to a field. */
export function friendlyMessage(message: string): string {
  if (/^Too small: expected string/.test(message)) return 'Required.';
  if (/expected number/.test(message)) return 'Enter a number.';
  if (/^Too small: expected array/.test(message)) return 'Add at least one.';
  return message;
}
