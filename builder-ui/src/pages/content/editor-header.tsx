import type { ContentDetail } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { StatusBadge } from '../../components/status-badge';
import { kindLabel } from '../../format';
import type { SaveState } from './use-autosave';

/** What the header's buttons ask the frame to do. */
export type HeaderAction =
  'publish' | 'unpublish' | 'archive' | 'restore' | 'duplicate' | 'delete' | 'preview-app';

interface EditorHeaderProps {
  content: ContentDetail;
  canEdit: boolean;
  canDelete: boolean;
  save: SaveState;
  onRetry: () => void;
  onRename: (name: string) => Promise<string | undefined>;
  onAction: (action: HeaderAction) => void;
  busy: boolean;
}

/** Name (renamed in place), status, save state and the item's lifecycle actions. */
export function EditorHeader(props: EditorHeaderProps) {
  const { content, canEdit, canDelete, save, busy, onAction } = props;
  const archived = content.status === 'archived';
  const pending = content.draft !== null;
  return (
    <div class="editor-head">
      <div class="editor-title">
        <p class="editor-crumb">
          <Link href="/content">Content</Link> <span aria-hidden="true">/</span>{' '}
          {kindLabel(content.kind)}
        </p>
        <NameField name={content.name} canEdit={canEdit && !archived} onRename={props.onRename} />
        <p class="editor-meta">
          <StatusBadge status={content.status} />
          {content.publishedVersion !== null && (
            <span class="muted">v{content.publishedVersion} live</span>
          )}
          {pending && content.publishedVersion !== null && (
            <span class="badge badge-changes">Unpublished changes</span>
          )}
          {canEdit && !archived && <SaveStatus save={save} onRetry={props.onRetry} />}
        </p>
      </div>
      {canEdit && (
        <div class="editor-actions" role="group" aria-label="Item actions">
          {!archived && (
            <>
              <button
                type="button"
                class="button"
                disabled={busy}
                onClick={() => onAction('preview-app')}
              >
                Preview on your app
              </button>
              <button
                type="button"
                class="button button-primary"
                disabled={busy}
                onClick={() => onAction('publish')}
              >
                Publish…
              </button>
              {content.status === 'published' && (
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => onAction('unpublish')}
                >
                  Unpublish
                </button>
              )}
            </>
          )}
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => onAction('duplicate')}
          >
            Duplicate
          </button>
          {archived ? (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => onAction('restore')}
            >
              Restore
            </button>
          ) : (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => onAction('archive')}
            >
              Archive
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() => onAction('delete')}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function SaveStatus({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  const text = {
    saved: 'Saved',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    invalid: 'Not saved — fix the marked fields',
    failed: 'Not saved',
    conflict: 'Not saved',
  }[save.status];
  const bad = save.status === 'invalid' || save.status === 'failed' || save.status === 'conflict';
  return (
    <span class={`save-status${bad ? ' is-bad' : ''}`}>
      <span role="status" aria-live="polite">
        {text}
      </span>
      {save.status === 'failed' && (
        <button type="button" class="button button-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </span>
  );
}

function NameField(props: {
  name: string;
  canEdit: boolean;
  onRename: (name: string) => Promise<string | undefined>;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.name);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!editing) {
    return (
      <div class="editor-name">
        <h1>{props.name}</h1>
        {props.canEdit && (
          <button
            type="button"
            class="button button-ghost button-small"
            onClick={() => {
              setValue(props.name);
              setError(undefined);
              setEditing(true);
            }}
          >
            Rename<span class="visually-hidden"> {props.name}</span>
          </button>
        )}
      </div>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    const name = value.trim();
    if (!name) {
      setError('Give it a name.');
      return;
    }
    setBusy(true);
    const problem = name === props.name ? undefined : await props.onRename(name);
    setBusy(false);
    if (problem) setError(problem);
    else setEditing(false);
  };
  return (
    <form class="editor-name editor-rename" onSubmit={submit} noValidate>
      <label for="content-name" class="visually-hidden">
        Content name
      </label>
      <input
        id="content-name"
        value={value}
        maxLength={200}
        autoFocus
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'content-name-error' : undefined}
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setEditing(false);
        }}
      />
      <button type="submit" class="button button-primary button-small" disabled={busy}>
        Save name
      </button>
      <button
        type="button"
        class="button button-ghost button-small"
        onClick={() => setEditing(false)}
      >
        Cancel
      </button>
      {error && (
        <p class="field-error" id="content-name-error">
          {error}
        </p>
      )}
    </form>
  );
}
