import type { FieldIssue, SurveyDefinition } from '@waymark/shared';
import {
  CheckboxField,
  FieldGroup,
  NumberInput,
  TextArea,
  TextInput,
} from '../../components/edit-fields';
import { issueAt } from '../editor-props';

type ThankYou = NonNullable<SurveyDefinition['thankYou']>;

interface ThankYouFieldsProps {
  thankYou: ThankYou | undefined;
  onChange: (thankYou: ThankYou | undefined) => void;
  /** Issues relative to `thankYou`. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** The step after the last answer: on or off, its heading and text, and an optional auto-close. */
export function ThankYouFields({ thankYou, onChange, issues, readOnly }: ThankYouFieldsProps) {
  const set = (patch: Partial<ThankYou>) => {
    const next: Record<string, unknown> = { ...thankYou, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as ThankYou);
  };
  return (
    <FieldGroup legend="Thank-you step">
      <CheckboxField
        id="survey-thank-you"
        label="Show a thank-you step after the last answer"
        hint={thankYou ? undefined : 'Without it the survey closes as soon as it is submitted.'}
        checked={thankYou !== undefined}
        disabled={readOnly}
        onChange={(on) => onChange(on ? { heading: 'Thank you!' } : undefined)}
      />
      {thankYou && (
        <>
          <TextInput
            id="survey-thank-you-heading"
            label="Heading"
            value={thankYou.heading}
            maxLength={200}
            error={
              issueAt(issues, 'heading') ??
              (thankYou.heading.trim() ? undefined : 'Write a heading.')
            }
            disabled={readOnly}
            onChange={(heading) => set({ heading })}
          />
          <TextArea
            id="survey-thank-you-text"
            label="Text (optional)"
            value={thankYou.text ?? ''}
            maxLength={1000}
            error={issueAt(issues, 'text')}
            disabled={readOnly}
            onChange={(text) => set({ text: text || undefined })}
          />
          <NumberInput
            id="survey-thank-you-close"
            label="Close by itself after (seconds, optional)"
            hint="1–60 seconds. Empty: stays until closed."
            value={thankYou.autoCloseMs === undefined ? undefined : thankYou.autoCloseMs / 1000}
            min={1}
            max={60}
            error={issueAt(issues, 'autoCloseMs')}
            disabled={readOnly}
            onChange={(seconds) =>
              set({
                autoCloseMs:
                  seconds === undefined
                    ? undefined
                    : Math.round(Math.min(60, Math.max(1, seconds)) * 1000),
              })
            }
          />
        </>
      )}
    </FieldGroup>
  );
}
