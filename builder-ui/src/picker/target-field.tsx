import type { ElementTarget, FieldIssue } from '@waymark/shared';
import { FRAGILE_MESSAGES, fragileSignals, type FragileSignal } from '@waymark/widget';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pickElement, PickError } from './pick-element';

export interface TargetFieldProps {
  /** Used for ids and the label: "Target element". */
  id: string;
  label: string;
  value: ElementTarget | undefined;
  onChange: (target: ElementTarget | undefined) => void;
  /** The customer's app, opened in builder mode for picking. */
  appUrl: string;
  issues?: readonly FieldIssue[];
  readOnly: boolean;
}

/** What the last pick measured on the page, for the target it produced. */
interface PickFacts {
  target: ElementTarget;
  matches: number;
  fragile: FragileSignal[];
}

/**
 * An element target: a summary of its fingerprint's signals, "Pick on page" (the customer's app
 * in builder mode), an advanced CSS selector, how uniquely the last pick matched, warnings about
 * fragile signals, and the server's issues for the field.
 */
export function TargetField(props: TargetFieldProps) {
  const { id, label, value, onChange, appUrl, issues = [], readOnly } = props;
  const [facts, setFacts] = useState<PickFacts | null>(null);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  // The facts describe the picked target only; an edit after it (the selector) voids them.
  const known = facts && facts.target === value ? facts : null;
  const fragile = value ? (known?.fragile ?? fragileSignals(value)) : [];
  const pick = async (): Promise<void> => {
    setError(null);
    setPicking(true);
    abort.current = new AbortController();
    try {
      const result = await pickElement(appUrl, abort.current.signal);
      if (result.status === 'picked') {
        const target = { ...result.target };
        setFacts({ target, matches: result.matches, fragile: result.fragile });
        onChange(target);
      }
    } catch (e) {
      setError(e instanceof PickError ? e.message : 'Could not open the app to pick an element.');
    } finally {
      setPicking(false);
    }
  };
  const setSelector = (selector: string): void => {
    const base = value ?? { attributes: {} };
    const { selector: _old, ...rest } = base;
    const next: ElementTarget = selector.trim() ? { ...rest, selector } : rest;
    const empty = Object.keys(next.attributes).length === 0 && Object.keys(next).length === 1;
    onChange(empty ? undefined : next);
  };
  const fieldIssues = issues.map((issue) => issue.message);
  return (
    <fieldset
      class="target-field"
      aria-describedby={fieldIssues.length ? `${id}-issues` : undefined}
    >
      <legend>{label}</legend>
      {value ? (
        <SignalList id={id} target={value} />
      ) : (
        <p class="muted target-empty">No element chosen yet.</p>
      )}
      {value && (
        <p class="target-match" id={`${id}-match`}>
          <MatchBadge matches={known?.matches} />
        </p>
      )}
      {fragile.length > 0 && (
        <ul class="target-warnings" aria-label="Warnings about this target">
          {fragile.map((signal) => (
            <li key={signal}>{FRAGILE_MESSAGES[signal]}</li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div class="target-actions">
          <button
            type="button"
            class="button button-small"
            onClick={() => void pick()}
            disabled={picking}
            aria-describedby={`${id}-pick-hint`}
          >
            {picking ? 'Picking on the page…' : value ? 'Pick again on page' : 'Pick on page'}
          </button>
          {picking && (
            <button
              type="button"
              class="button button-small button-ghost"
              onClick={() => abort.current?.abort()}
            >
              Cancel
            </button>
          )}
          {value && !picking && (
            <button
              type="button"
              class="button button-small button-ghost"
              onClick={() => onChange(undefined)}
            >
              Clear
            </button>
          )}
          <span class="muted target-hint" id={`${id}-pick-hint`}>
            Opens {hostOf(appUrl)} in a new window: click the element there, Esc cancels.
          </span>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <details class="target-advanced" open={Boolean(value?.selector)}>
        <summary>Advanced: CSS selector</summary>
        <div class="field">
          <label for={`${id}-selector`}>CSS selector (tried first)</label>
          <input
            id={`${id}-selector`}
            value={value?.selector ?? ''}
            readOnly={readOnly}
            placeholder="e.g. [data-testid=new-project]"
            spellcheck={false}
            onChange={(event) => setSelector(event.currentTarget.value)}
          />
        </div>
      </details>
      {fieldIssues.length > 0 && (
        <div id={`${id}-issues`}>
          {fieldIssues.map((message) => (
            <p key={message} class="field-error">
              {message}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The fingerprint's signals, strongest first. */
function SignalList({ id, target }: { id: string; target: ElementTarget }) {
  const rows: [string, string][] = [
    ...Object.entries(target.attributes).map(([name, v]): [string, string] => [name, v]),
    ...(target.role ? [['role', target.role] as [string, string]] : []),
    ...(target.text ? [['text', `“${target.text}”`] as [string, string]] : []),
    ...(target.tag ? [['tag', target.tag] as [string, string]] : []),
    ...(target.path ? [['path', target.path] as [string, string]] : []),
  ];
  if (rows.length === 0) return <p class="muted target-empty">Only the CSS selector below.</p>;
  return (
    <dl class="target-signals" id={`${id}-signals`}>
      {rows.map(([name, v]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function MatchBadge({ matches }: { matches: number | undefined }) {
  if (matches === undefined)
    return <span class="target-count">Not checked: pick on the page to check it.</span>;
  if (matches === 1) return <span class="target-count target-unique">unique</span>;
  if (matches === 0) return <span class="target-count target-none">no match</span>;
  return <span class="target-count target-many">matches {matches} elements</span>;
}

function hostOf(appUrl: string): string {
  try {
    return new URL(appUrl, location.href).host || 'your app';
  } catch {
    return 'your app';
  }
}
