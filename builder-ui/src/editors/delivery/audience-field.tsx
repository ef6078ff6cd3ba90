import { CLIENT_CONDITION_TYPES, type Audience, type FieldIssue, type Rule } from '@waymark/shared';
import { PreviewPanel } from '../../pages/segments/preview-panel';
import { useRulePreview } from '../../pages/segments/use-preview';
import { issuesUnder } from '../editor-props';
import { RuleBuilder } from '../rules/rule-builder';
import { useRuleRefs } from '../rules/use-rule-refs';

const usesClient = (rule: Rule): boolean => {
  if ('all' in rule) return rule.all.some(usesClient);
  if ('any' in rule) return rule.any.some(usesClient);
  if ('not' in rule) return usesClient(rule.not);
  return CLIENT_CONDITION_TYPES.has(rule.type);
};

/** The rule the server can count for an audience, or undefined when only the browser can. */
export function countableRule(audience: Audience): Rule | undefined {
  if (audience.type === 'rule') return usesClient(audience.rule) ? undefined : audience.rule;
  if (audience.type === 'segments' && audience.segmentIds.length > 0) {
    const each = audience.segmentIds.map((segmentId) => ({
      type: 'segment' as const,
      segmentId,
      member: true,
    }));
    return audience.match === 'all' ? { all: each } : { any: each };
  }
  return undefined;
}

interface Props {
  value: Audience;
  onChange: (value: Audience) => void;
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** Everyone, a rule (client scope), or saved segments; with the live count of matching users. */
export function AudienceField({ value, onChange, issues, readOnly }: Props) {
  const refs = useRuleRefs();
  const counted = countableRule(value);
  const preview = useRulePreview(counted);
  return (
    <fieldset class="delivery-section">
      <legend class="delivery-legend">Audience</legend>
      <div class="definition-choice" role="radiogroup" aria-label="Who may see it">
        {(
          [
            ['everyone', 'Everyone'],
            ['rule', 'Users matching a rule'],
            ['segments', 'Members of saved segments'],
          ] as const
        ).map(([type, label]) => (
          <label key={type}>
            <input
              type="radio"
              name="audience-type"
              checked={value.type === type}
              disabled={readOnly}
              onChange={() =>
                onChange(
                  type === 'everyone'
                    ? { type }
                    : type === 'rule'
                      ? { type, rule: { all: [] } }
                      : { type, segmentIds: [], match: 'any' },
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
      {value.type === 'rule' && (
        <RuleBuilder
          rule={value.rule}
          onChange={(rule) => onChange({ type: 'rule', rule: rule ?? { all: [] } })}
          issues={issuesUnder(issues, 'rule')}
          readOnly={readOnly}
          label="Audience"
          scope="client"
        />
      )}
      {value.type === 'segments' && (
        <div class="delivery-segments">
          {refs.segments.length === 0 ? (
            <p class="muted">{refs.ready ? 'No saved segments yet.' : 'Loading segments…'}</p>
          ) : (
            <fieldset class="experiment-goals">
              <legend>Segments</legend>
              {refs.segments.map((s) => (
                <label key={s.id}>
                  <input
                    type="checkbox"
                    checked={value.segmentIds.includes(s.id)}
                    disabled={readOnly}
                    onChange={(e) =>
                      onChange({
                        ...value,
                        segmentIds: e.currentTarget.checked
                          ? [...value.segmentIds, s.id]
                          : value.segmentIds.filter((id) => id !== s.id),
                      })
                    }
                  />
                  {s.name} <span class="muted">({s.members.toLocaleString('en')})</span>
                </label>
              ))}
            </fieldset>
          )}
          <label class="rule-control">
            <span class="rule-control-label">Match</span>
            <select
              class="rule-input"
              value={value.match ?? 'any'}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...value, match: e.currentTarget.value as 'any' | 'all' })
              }
            >
              <option value="any">in any of them</option>
              <option value="all">in all of them</option>
            </select>
          </label>
          {issuesUnder(issues, 'segmentIds').map((i) => (
            <p class="field-error" key={i.message}>
              {i.message}
            </p>
          ))}
        </div>
      )}
      {value.type !== 'everyone' &&
        (counted ? (
          <PreviewPanel preview={preview} title="Users in this audience" />
        ) : (
          value.type === 'rule' && (
            <p class="muted">
              This rule reads the page (URL, device, locale, time or elements): only the browser can
              answer it, so there is no count.
            </p>
          )
        ))}
    </fieldset>
  );
}
