import type { FieldIssue, Theme, ThemeRecord } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { TextInput } from '../../components/edit-fields';
import { useLeaveGuard } from '../../router';
import { issueAt, issuesUnder } from '../editor-props';
import { ThemeEditor } from './theme-editor';

interface ThemeFormProps {
  /** The theme being edited; absent for a new one. */
  record?: ThemeRecord | undefined;
  /** Saves and answers the stored theme; throws ApiError. */
  save: (name: string, theme: Theme) => Promise<ThemeRecord>;
  onSaved: (record: ThemeRecord) => void;
  onCancel: () => void;
}

/** Name and look of a shared theme, saved with the server's field errors shown in place. */
export function ThemeForm({ record, save, onSaved, onCancel }: ThemeFormProps) {
  const [name, setName] = useState(record?.name ?? '');
  const [theme, setTheme] = useState<Theme>(record?.theme ?? {});
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty =
    name !== (record?.name ?? '') || JSON.stringify(theme) !== JSON.stringify(record?.theme ?? {});
  useLeaveGuard(dirty ? 'This theme has unsaved changes. Leave without saving?' : null);
  const prefix = record ? `theme-${record.id}` : 'theme-new';

  const submit = async () => {
    if (!name.trim()) {
      setIssues([{ path: 'name', message: 'Give the theme a name.' }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await save(name.trim(), theme));
    } catch (e) {
      setIssues(e instanceof ApiError ? e.fieldIssues : []);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="theme-form"
      aria-label={record ? `Edit ${record.name}` : 'New theme'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextInput
        id={`${prefix}-name`}
        label="Name"
        value={name}
        maxLength={100}
        error={issueAt(issues, 'name')}
        onChange={setName}
      />
      <ThemeEditor
        idPrefix={prefix}
        theme={theme}
        issues={issuesUnder(issues, 'theme')}
        readOnly={false}
        onChange={setTheme}
      />
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div class="theme-form-buttons">
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={busy ? 'true' : undefined}
        >
          {busy ? 'Saving…' : record ? 'Save theme' : 'Create theme'}
        </button>
        <button type="button" class="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
