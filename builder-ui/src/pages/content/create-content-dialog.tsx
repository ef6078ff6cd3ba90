import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { contentApi } from '../../api/content';
import { kindLabel } from '../../format';
import { navigate } from '../../router';
import { useWorkspace } from '../../workspace-context';
import { blankStarters, templateStarters, type Starter } from './content-starters';
import { ModalDialog } from './modal-dialog';

/** Name it, pick a template or a blank of a kind, create it, open the editor. */
export function CreateContentDialog({ onClose }: { onClose: () => void }) {
  const { api, workspace } = useWorkspace();
  const [starterKey, setStarterKey] = useState(templateStarters[0]!.key);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [nameError, setNameError] = useState<string>();
  const all = [...templateStarters, ...blankStarters];
  const starter = all.find((s) => s.key === starterKey) ?? all[0]!;
  const shownName = nameTouched ? name : starter.name;

  const submit = async (event: Event) => {
    event.preventDefault();
    const finalName = shownName.trim();
    if (!finalName) {
      setNameError('Give it a name.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await contentApi(api, workspace.id).create(finalName, starter.definition);
      navigate(`/content/${created.id}`);
    } catch (caught) {
      const issue =
        caught instanceof ApiError ? caught.fieldIssues.find((i) => i.path === 'name') : undefined;
      if (issue) setNameError(issue.message);
      else setError(describeError(caught));
      setBusy(false);
    }
  };

  const option = (s: Starter) => (
    <label key={s.key} class={`starter${s.key === starterKey ? ' is-selected' : ''}`}>
      <input
        type="radio"
        name="starter"
        value={s.key}
        checked={s.key === starterKey}
        onChange={() => setStarterKey(s.key)}
      />
      <span class="starter-text">
        <span class="starter-name">
          {s.name} <span class="starter-kind">{kindLabel(s.definition.kind)}</span>
        </span>
        <span class="starter-description">{s.description}</span>
      </span>
    </label>
  );

  return (
    <ModalDialog id="create-content" title="Create content" onClose={onClose} wide>
      <form class="modal-body create-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="create-name">Name</label>
          <input
            id="create-name"
            value={shownName}
            maxLength={200}
            required
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? 'create-name-error' : 'create-name-hint'}
            onInput={(e) => {
              setNameTouched(true);
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
          />
          <p class="edit-hint muted" id="create-name-hint">
            Only your team sees it.
          </p>
          {nameError && (
            <p class="field-error" id="create-name-error">
              {nameError}
            </p>
          )}
        </div>
        <fieldset class="starters">
          <legend>Start from a template</legend>
          <div class="starter-grid">{templateStarters.map(option)}</div>
        </fieldset>
        <fieldset class="starters">
          <legend>Or start blank</legend>
          <div class="starter-grid">{blankStarters.map(option)}</div>
        </fieldset>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create and edit'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
