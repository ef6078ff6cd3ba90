import type { FieldIssue } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../api';
import { setFlash, takeFlash } from './flash';
import { navigate, useLeaveGuard } from '../router';
import type { DraftKind } from './draft-store';
import { useLocalDraft, type LocalDraft } from './use-local-draft';

/** The line under a definition page's header: what is running, what it answered, or why not. */
export type EditorStatus = { state: 'idle' } | { state: 'busy' | 'done' | 'failed'; text: string };

interface Client<Item, Body> {
  create: (body: Body) => Promise<Item>;
  update: (id: string, body: Body) => Promise<Item>;
  remove: (id: string) => Promise<unknown>;
}

export interface DefinitionEditorOptions<Item extends { id: string }, Body, Form> {
  /** The saved item, or null while creating one. */
  item: Item | null;
  kind: DraftKind;
  /** "segment", "goal", "journey": for the leave question. */
  noun: string;
  /** Where Delete goes: the list page. */
  listPath: string;
  client: Client<Item, Body>;
  /** The working copy, the server's version of it, and how to put a restored draft back. */
  form: {
    value: Form;
    base: Form;
    apply: (form: Form) => void;
    same?: (a: Form, b: Form) => boolean;
  };
  canEdit: boolean;
  /** Problems the browser can tell before asking the server; none means send. */
  validate: () => FieldIssue[];
  body: () => Body;
  savingText: string;
  savedText: (saved: Item) => string;
  deleteQuestion: (item: Item) => string;
  /** Shown while deleting; by default the page stays as it is. */
  deletingText?: string;
  onSaved: (saved: Item) => void;
}

export interface DefinitionEditor<Form> {
  status: EditorStatus;
  setStatus: (status: EditorStatus) => void;
  busy: boolean;
  issues: FieldIssue[];
  /** The first issue at exactly `path`. */
  issue: (path: string) => string | undefined;
  save: (event: Event) => Promise<void>;
  remove: () => Promise<void>;
  draft: LocalDraft<Form>;
}

/**
 * The save / delete / leave behaviour shared by the segment, goal and journey editors: local
 * checks, then the server (its field issues shown in place); a created item moves to its own URL
 * carrying the answer; unsaved edits guard leaving and are kept as a local draft until saved.
 */
export function useDefinitionEditor<Item extends { id: string }, Body, Form>(
  options: DefinitionEditorOptions<Item, Body, Form>,
): DefinitionEditor<Form> {
  const { item, client, form } = options;
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<EditorStatus>(() => {
    const flash = takeFlash(item?.id);
    return flash ? { state: 'done', text: flash } : { state: 'idle' };
  });
  const draft = useLocalDraft({
    kind: options.kind,
    id: item?.id ?? 'new',
    ...form,
    enabled: options.canEdit,
  });
  useLeaveGuard(
    draft.dirty ? `This ${options.noun} has unsaved changes. Leave without saving?` : null,
  );

  const save = async (event: Event) => {
    event.preventDefault();
    const local = options.validate();
    if (local.length > 0) {
      setIssues(local);
      setStatus({ state: 'failed', text: 'Fix the highlighted fields, then save.' });
      return;
    }
    setIssues([]);
    setStatus({ state: 'busy', text: options.savingText });
    const sent = form.value;
    try {
      const body = options.body();
      const saved = item ? await client.update(item.id, body) : await client.create(body);
      draft.clear(sent);
      if (!item) {
        setFlash(saved.id, options.savedText(saved));
        navigate(`${options.listPath}/${saved.id}`, { replace: true, force: true });
        return;
      }
      setStatus({ state: 'done', text: options.savedText(saved) });
      options.onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) setIssues(error.fieldIssues);
      setStatus({ state: 'failed', text: describeError(error) });
    }
  };

  const remove = async () => {
    if (!item || !window.confirm(options.deleteQuestion(item))) return;
    if (options.deletingText) setStatus({ state: 'busy', text: options.deletingText });
    try {
      await client.remove(item.id);
      // Nothing is left to save a draft to.
      draft.clear(form.value);
      navigate(options.listPath, { force: true });
    } catch (error) {
      setStatus({ state: 'failed', text: describeError(error) });
    }
  };

  return {
    status,
    setStatus,
    busy: status.state === 'busy',
    issues,
    issue: (path) => issues.find((i) => i.path === path)?.message,
    save,
    remove,
    draft,
  };
}
