import type { ElementTarget, FeatureTagInput, FeatureTagRecord } from '@waymark/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { featureTagsApi } from '../../api/feature-tags';
import { useAppUrl } from '../../api/workspace';
import { DraftNotice } from '../../components/draft-notice';
import { InputField } from '../../components/input-field';
import { useLocalDraft } from '../../components/use-local-draft';
import { TargetField } from '../../picker/target-field';
import { useLeaveGuard } from '../../router';
import { useWorkspace } from '../../workspace-context';

interface Draft {
  name: string;
  kind: 'click' | 'page';
  target: ElementTarget | undefined;
  url: string;
}

type Errors = Partial<Record<'name' | 'kind' | 'target' | 'url' | 'form', string>>;

const draftOf = (tag: FeatureTagRecord | null): Draft =>
  tag === null
    ? { name: '', kind: 'click', target: undefined, url: '' }
    : tag.kind === 'click'
      ? { name: tag.name, kind: 'click', target: tag.target, url: tag.url ?? '' }
      : { name: tag.name, kind: 'page', target: undefined, url: tag.url };

/** What the browser can say before asking the server (which checks everything again). */
function localErrors(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.name.trim()) errors.name = 'Give the event a name.';
  else if (draft.name.trim().startsWith('$')) errors.name = 'Names starting with $ are reserved.';
  if (draft.kind === 'click' && !draft.target)
    errors.target = 'Pick an element or write a selector.';
  if (draft.kind === 'page' && !draft.url.trim())
    errors.url = 'Say which pages count, e.g. /settings/*.';
  return errors;
}

function inputOf(draft: Draft): FeatureTagInput {
  const name = draft.name.trim();
  const url = draft.url.trim();
  return draft.kind === 'page'
    ? { name, kind: 'page', url }
    : { name, kind: 'click', target: draft.target!, ...(url ? { url } : {}) };
}

/** Server issues by the field they concern (`target.selector` → `target`). */
function serverErrors(error: unknown): Errors {
  if (error instanceof ApiError && error.code === 'conflict') return { name: error.message };
  if (error instanceof ApiError && error.fieldIssues.length > 0) {
    const errors: Errors = {};
    for (const issue of error.fieldIssues) {
      const field = issue.path.split('.')[0] as keyof Errors;
      if (['name', 'kind', 'target', 'url'].includes(field)) errors[field] ??= issue.message;
      else errors.form ??= `${issue.path}: ${issue.message}`;
    }
    return errors;
  }
  return { form: describeError(error) };
}

interface FeatureTagFormProps {
  /** The tag being edited, or null for a new one. */
  tag: FeatureTagRecord | null;
  onSaved: (tag: FeatureTagRecord) => void;
  onCancel: () => void;
}

/** Create or edit one feature tag: its event name, what fires it, and where. */
export function FeatureTagForm({ tag, onSaved, onCancel }: FeatureTagFormProps) {
  const { api, workspace } = useWorkspace();
  const appUrl = useAppUrl();
  const initial = useRef(draftOf(tag));
  const [draft, setDraft] = useState<Draft>(initial.current);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const kept = useLocalDraft({
    kind: 'feature-tag',
    id: tag?.id ?? 'new',
    value: draft,
    base: initial.current,
    apply: setDraft,
  });
  useLeaveGuard(kept.dirty ? 'This feature tag has unsaved changes. Leave without saving?' : null);
  useEffect(() => heading.current?.focus(), []);

  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof Errors];
      delete next.form;
      return next;
    });
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const local = localErrors(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const client = featureTagsApi(api, workspace.id);
      const saved = tag
        ? await client.update(tag.id, inputOf(draft))
        : await client.create(inputOf(draft));
      initial.current = draft;
      kept.clear(draft);
      onSaved(saved);
    } catch (error) {
      setErrors(serverErrors(error));
    } finally {
      setSaving(false);
    }
  };

  const id = tag ? `tag-${tag.id}` : 'tag-new';
  return (
    <form
      class="feature-tag-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {tag ? `Edit “${tag.name}”` : 'New feature tag'}
      </h2>
      <DraftNotice
        offer={kept.offer}
        noun="feature tag"
        onRestore={() => {
          kept.restore();
          heading.current?.focus(); // the button is gone with the notice
        }}
        onDiscard={() => {
          kept.discard();
          heading.current?.focus();
        }}
      />
      <InputField
        id={`${id}-name`}
        label="Event name"
        value={draft.name}
        onValue={(name) => change({ name })}
        placeholder="e.g. Export clicked"
        hint="The widget sends this event when the tag fires; use it in goals, segments and rules."
        error={errors.name}
        required
      />
      <fieldset class="feature-tag-kind">
        <legend>Fires on</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            value="click"
            checked={draft.kind === 'click'}
            onChange={() => change({ kind: 'click' })}
          />
          A click on an element
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            value="page"
            checked={draft.kind === 'page'}
            onChange={() => change({ kind: 'page' })}
          />
          A page view
        </label>
        {errors.kind && <p class="field-error">{errors.kind}</p>}
      </fieldset>
      {draft.kind === 'click' && (
        <TargetField
          id={`${id}-target`}
          label="Element"
          value={draft.target}
          onChange={(target) => change({ target })}
          appUrl={appUrl}
          issues={errors.target ? [{ path: 'target', message: errors.target }] : []}
          readOnly={false}
        />
      )}
      <InputField
        id={`${id}-url`}
        label={draft.kind === 'page' ? 'Page path' : 'Only on pages (optional)'}
        value={draft.url}
        onValue={(url) => change({ url })}
        placeholder="/projects/*"
        hint="A path where * matches anything, like /settings/*"
        error={errors.url}
        required={draft.kind === 'page'}
      />
      {errors.form && (
        <p class="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div class="feature-tag-actions">
        <button type="submit" class="button button-primary" aria-disabled={saving}>
          {saving ? 'Saving…' : tag ? 'Save changes' : 'Create tag'}
        </button>
        <button
          type="button"
          class="button button-ghost"
          onClick={() => {
            // Cancel is the explicit "throw these edits away": no draft outlives it.
            kept.clear(draft);
            onCancel();
          }}
          disabled={saving}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
