import type { FieldIssue, Schedule } from '@waymark/shared';
import { TextInput } from '../rules/controls';
import {
  formatInZone,
  instantToLocal,
  localToInstant,
  nextWindows,
  presetOf,
  PRESETS,
  rruleText,
  type PresetKey,
} from './schedule-model';

interface Props {
  value: Schedule | null;
  onChange: (value: Schedule | null) => void;
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const hours = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/** The next five windows, through the shared schedule code; none while the input is invalid. */
function upcoming(schedule: Schedule, valid: boolean) {
  if (!valid) return [];
  try {
    return nextWindows(schedule, new Date(), 5);
  } catch {
    return [];
  }
}

/** Start/end instants and an rrule recurrence in an IANA zone, with its text and next windows. */
export function ScheduleField({ value, onChange, issues, readOnly }: Props) {
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  if (!value) {
    return (
      <fieldset class="delivery-section">
        <legend class="delivery-legend">Schedule</legend>
        <p class="muted">Shown at any time.</p>
        {!readOnly && (
          <div>
            <button
              type="button"
              class="button button-small"
              onClick={() =>
                // Starts open-ended and not repeating: the author adds dates or a recurrence.
                onChange({ timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' })
              }
            >
              Add a schedule
            </button>
          </div>
        )}
      </fieldset>
    );
  }
  const zone = value.timezone;
  const zoneOk = isZone(zone);
  const recurrence = value.recurrence;
  const preset = recurrence ? presetOf(recurrence.rrule, recurrence.durationMinutes) : 'none';
  const set = (change: Partial<Schedule>) => onChange({ ...value, ...change });
  const setInstant = (key: 'start' | 'end', local: string) => {
    const next = { ...value };
    const instant = local && zoneOk ? localToInstant(local, zone) : null;
    if (instant) next[key] = instant;
    else delete next[key];
    onChange(next);
  };
  const text = recurrence ? rruleText(recurrence.rrule) : null;
  const windows = upcoming(value, zoneOk && (!recurrence || text !== null));
  return (
    <fieldset class="delivery-section">
      <legend class="delivery-legend">Schedule</legend>
      <div class="rule-fields">
        <TextInput
          id="schedule-zone"
          label="Time zone"
          value={zone}
          list="schedule-zones"
          onChange={(timezone) => set({ timezone })}
          disabled={readOnly}
          invalid={!zoneOk || Boolean(issue('timezone'))}
        />
        <datalist id="schedule-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextInput
          id="schedule-start"
          label="Starts (in that zone)"
          type="datetime-local"
          value={value.start && zoneOk ? instantToLocal(value.start, zone) : ''}
          onChange={(local) => setInstant('start', local)}
          disabled={readOnly}
          invalid={Boolean(issue('start'))}
        />
        <TextInput
          id="schedule-end"
          label="Ends"
          type="datetime-local"
          value={value.end && zoneOk ? instantToLocal(value.end, zone) : ''}
          onChange={(local) => setInstant('end', local)}
          disabled={readOnly}
          invalid={Boolean(issue('end'))}
        />
      </div>
      {!zoneOk && (
        <p class="field-error">Unknown time zone: use an IANA name like Europe/Helsinki.</p>
      )}
      {['timezone', 'start', 'end'].map((p) =>
        issue(p) ? (
          <p class="field-error" key={p}>
            {issue(p)}
          </p>
        ) : null,
      )}
      <div class="rule-fields">
        <div class="rule-control">
          <label class="rule-control-label" for="schedule-repeat">
            Repeats
          </label>
          <select
            id="schedule-repeat"
            class="rule-input"
            value={preset}
            disabled={readOnly}
            onChange={(e) => {
              const key = e.currentTarget.value as PresetKey | 'custom' | 'none';
              if (key === 'none') {
                const { recurrence: _r, ...rest } = value;
                onChange(rest);
              } else if (key === 'custom') {
                set({
                  recurrence: {
                    rrule: recurrence?.rrule ?? 'FREQ=WEEKLY',
                    durationMinutes: recurrence?.durationMinutes ?? 60,
                  },
                });
              } else set({ recurrence: { ...PRESETS[key] } });
            }}
          >
            <option value="none">Does not repeat (always on between start and end)</option>
            {Object.entries(PRESETS).map(([key, p]) => (
              <option key={key} value={key}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom RRULE…</option>
          </select>
        </div>
        {recurrence && (
          <TextInput
            id="schedule-duration"
            label="Each window lasts (minutes)"
            type="number"
            min={1}
            value={String(recurrence.durationMinutes)}
            onChange={(m) =>
              set({ recurrence: { ...recurrence, durationMinutes: Math.round(Number(m)) || 0 } })
            }
            disabled={readOnly}
            invalid={Boolean(issue('recurrence.durationMinutes'))}
          />
        )}
      </div>
      {recurrence && preset === 'custom' && (
        <div class="field">
          <label for="schedule-rrule">RRULE (RFC 5545, without DTSTART)</label>
          <input
            id="schedule-rrule"
            class="definition-input"
            value={recurrence.rrule}
            disabled={readOnly}
            aria-invalid={!text || issue('recurrence.rrule') ? 'true' : undefined}
            onInput={(e) => set({ recurrence: { ...recurrence, rrule: e.currentTarget.value } })}
          />
        </div>
      )}
      {recurrence && (
        <p class="schedule-text" data-testid="rrule-text">
          {text ? (
            <>
              Repeats <strong>{text}</strong>, each time for {hours(recurrence.durationMinutes)} (
              {zone}
              ).
            </>
          ) : (
            <span class="field-error">
              {issue('recurrence.rrule') ?? 'This is not an RRULE rrule can read.'}
            </span>
          )}
        </p>
      )}
      {windows.length > 0 && (
        <div>
          <h2 class="segment-sample-title">Next times it can show ({zone})</h2>
          <ol class="schedule-windows" data-testid="next-occurrences">
            {windows.map((w) => (
              <li key={w.opens.toISOString()}>
                {w.current ? 'Now' : formatInZone(w.opens, zone)}
                {w.closes ? ` → ${formatInZone(w.closes, zone)}` : ' onwards'}
              </li>
            ))}
          </ol>
        </div>
      )}
      {zoneOk && windows.length === 0 && (!recurrence || text) && (
        <p class="muted">It will not show again: the schedule has ended.</p>
      )}
      {!readOnly && (
        <div>
          <button
            type="button"
            class="button button-ghost button-small"
            onClick={() => onChange(null)}
          >
            Remove schedule
          </button>
        </div>
      )}
    </fieldset>
  );
}
