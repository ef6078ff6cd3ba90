import type { Rule, Segment } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { describeError } from '../../api';
import { segmentsApi } from '../../api/segments';
import { DefinitionStatus } from '../../components/definition-status';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { useDefinitionEditor } from '../../components/use-definition-editor';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { issuesUnder } from '../../editors/editor-props';
import { RuleBuilder, ruleIssues } from '../../editors/rules/rule-builder';
import { formatDateTime } from '../../format';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { PreviewPanel } from './preview-panel';
import { useRulePreview } from './use-preview';

const NEW = 'new';

/** One segment: name, rule (with the live count), save, refresh, delete, CSV export. */
export function SegmentPage({ params }: PageProps) {
  const id = params.segmentId ?? NEW;
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad<Segment | null>(
    (signal) =>
      id === NEW ? Promise.resolve(null) : segmentsApi(api, workspace.id).get(id, signal),
    [api, workspace.id, id],
  );
  return (
    <LoadView load={load} what="this segment" onRetry={reload}>
      {(segment) => <SegmentEditor key={segment?.id ?? NEW} segment={segment} onSaved={set} />}
    </LoadView>
  );
}

interface Form {
  name: string;
  rule: Rule | undefined;
}

function SegmentEditor({
  segment,
  onSaved,
}: {
  segment: Segment | null;
  onSaved: (s: Segment) => void;
}) {
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const segments = segmentsApi(api, workspace.id);
  const [name, setName] = useState(segment?.name ?? '');
  const [rule, setRule] = useState<Rule | undefined>(segment?.rule ?? { all: [] });
  useTitle(segment ? `Segment: ${segment.name}` : 'New segment');
  const editor = useDefinitionEditor({
    item: segment,
    kind: 'segment',
    noun: 'segment',
    listPath: '/segments',
    client: segments,
    form: {
      value: { name, rule } satisfies Form,
      base: { name: segment?.name ?? '', rule: segment?.rule ?? { all: [] } },
      apply: (draft: Form) => {
        setName(draft.name);
        setRule(draft.rule);
      },
    },
    canEdit,
    validate: () => [
      ...(name.trim() ? [] : [{ path: 'name', message: 'Give the segment a name.' }]),
      ...ruleIssues(rule).map((i) => ({ ...i, path: i.path ? `rule.${i.path}` : 'rule' })),
    ],
    body: () => ({ name: name.trim(), rule: rule ?? { all: [] } }),
    savingText: 'Saving and computing members…',
    savedText: (saved) => `Saved. ${saved.members.toLocaleString('en')} members.`,
    deleteQuestion: (s) =>
      `Delete the segment “${s.name}”? Content targeted at it will no longer match it.`,
    deletingText: 'Deleting…',
    onSaved,
  });
  const { issues, setStatus, busy } = editor;
  const preview = useRulePreview(rule);

  const refresh = async () => {
    if (!segment) return;
    setStatus({ state: 'busy', text: 'Refreshing…' });
    try {
      const result = await segments.refresh(segment.id);
      setStatus({
        state: 'done',
        text: `Refreshed: ${result.members} members (${result.entered} entered, ${result.exited} left) in ${Math.round(result.ms)} ms.`,
      });
      onSaved(await segments.get(segment.id));
    } catch (error) {
      setStatus({ state: 'failed', text: describeError(error) });
    }
  };

  const nameError = issues.find((i) => i.path === 'name')?.message;
  return (
    <form class="definition-page" onSubmit={(e) => void editor.save(e)} noValidate>
      <PageHead
        parent={{ href: '/segments', label: 'Segments' }}
        title={segment ? segment.name : 'New segment'}
        lede={
          segment && (
            <>
              {segment.members.toLocaleString('en')} members
              {segment.refreshedAt && <> · refreshed {formatDateTime(segment.refreshedAt)}</>}
            </>
          )
        }
      >
        <div class="definition-actions">
          {segment && (
            <a class="button" href={segments.csvUrl(segment.id)} download>
              Export members (CSV)
            </a>
          )}
          {segment && canEdit && (
            <button type="button" class="button" onClick={refresh} disabled={busy}>
              Refresh now
            </button>
          )}
          {segment && canEdit && (
            <button
              type="button"
              class="button definition-delete"
              onClick={() => void editor.remove()}
              disabled={busy}
            >
              Delete
            </button>
          )}
          {canEdit && (
            <button type="submit" class="button button-primary" aria-disabled={busy}>
              {segment ? 'Save' : 'Create segment'}
            </button>
          )}
        </div>
      </PageHead>
      <DefinitionStatus editor={editor} noun="segment" />
      <div class="definition-layout">
        <div class="definition-main">
          <div class="field">
            <label for="segment-name">Name</label>
            <input
              id="segment-name"
              value={name}
              disabled={!canEdit}
              aria-invalid={nameError ? 'true' : undefined}
              aria-describedby={nameError ? 'segment-name-error' : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {nameError && (
              <p class="field-error" id="segment-name-error">
                {nameError}
              </p>
            )}
          </div>
          <RuleBuilder
            rule={rule}
            onChange={setRule}
            issues={issuesUnder(issues, 'rule')}
            readOnly={!canEdit}
            label="Segment rule"
            scope="server"
          />
        </div>
        <aside class="definition-side">
          <PreviewPanel preview={preview} />
        </aside>
      </div>
    </form>
  );
}
