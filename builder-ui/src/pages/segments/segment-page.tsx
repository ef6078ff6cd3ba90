import type { FieldIssue, Rule, Segment } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { segmentsApi } from '../../api/segments';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { issuesUnder } from '../../editors/editor-props';
import { RuleBuilder, ruleIssues } from '../../editors/rules/rule-builder';
import { formatDateTime } from '../../format';
import type { PageProps } from '../../page-props';
import { navigate, useLeaveGuard } from '../../router';
import { useCan, useWorkspace } from '../../workspace-context';
import { setFlash, takeFlash } from './flash';
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

type Status =
  | { state: 'idle' }
  | { state: 'busy'; what: string }
  | { state: 'done'; message: string }
  | { state: 'failed'; message: string };

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
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<Status>(() => {
    const flash = takeFlash(segment?.id);
    return flash ? { state: 'done', message: flash } : { state: 'idle' };
  });
  useTitle(segment ? `Segment: ${segment.name}` : 'New segment');
  const dirty =
    name !== (segment?.name ?? '') ||
    JSON.stringify(rule) !== JSON.stringify(segment?.rule ?? { all: [] });
  useLeaveGuard(dirty ? 'This segment has unsaved changes. Leave without saving?' : null);
  const preview = useRulePreview(rule);
  const busy = status.state === 'busy';

  const save = async (event: Event) => {
    event.preventDefault();
    const local = [
      ...(name.trim() ? [] : [{ path: 'name', message: 'Give the segment a name.' }]),
      ...ruleIssues(rule).map((i) => ({ ...i, path: i.path ? `rule.${i.path}` : 'rule' })),
    ];
    if (local.length > 0) {
      setIssues(local);
      setStatus({ state: 'failed', message: 'Fix the highlighted fields, then save.' });
      return;
    }
    setIssues([]);
    setStatus({ state: 'busy', what: 'Saving and computing members…' });
    try {
      const body = { name: name.trim(), rule: rule ?? { all: [] } };
      const saved = segment ? await segments.update(segment.id, body) : await segments.create(body);
      const message = `Saved. ${saved.members.toLocaleString('en')} members.`;
      if (!segment) {
        setFlash(saved.id, message);
        navigate(`/segments/${saved.id}`, { replace: true, force: true });
        return;
      }
      setStatus({ state: 'done', message });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) setIssues(error.fieldIssues);
      setStatus({ state: 'failed', message: describeError(error) });
    }
  };

  const refresh = async () => {
    if (!segment) return;
    setStatus({ state: 'busy', what: 'Refreshing…' });
    try {
      const result = await segments.refresh(segment.id);
      setStatus({
        state: 'done',
        message: `Refreshed: ${result.members} members (${result.entered} entered, ${result.exited} left) in ${Math.round(result.ms)} ms.`,
      });
      onSaved(await segments.get(segment.id));
    } catch (error) {
      setStatus({ state: 'failed', message: describeError(error) });
    }
  };

  const remove = async () => {
    if (
      !segment ||
      !window.confirm(
        `Delete the segment “${segment.name}”? Content targeted at it will no longer match it.`,
      )
    )
      return;
    setStatus({ state: 'busy', what: 'Deleting…' });
    try {
      await segments.remove(segment.id);
      navigate('/segments', { force: true });
    } catch (error) {
      setStatus({ state: 'failed', message: describeError(error) });
    }
  };

  const nameError = issues.find((i) => i.path === 'name')?.message;
  return (
    <form class="definition-page" onSubmit={save} noValidate>
      <div class="page-head">
        <div>
          <p class="breadcrumb">
            <Link href="/segments">Segments</Link>
          </p>
          <h1>{segment ? segment.name : 'New segment'}</h1>
          {segment && (
            <p class="page-lede">
              {segment.members.toLocaleString('en')} members
              {segment.refreshedAt && <> · refreshed {formatDateTime(segment.refreshedAt)}</>}
            </p>
          )}
        </div>
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
            <button type="button" class="button definition-delete" onClick={remove} disabled={busy}>
              Delete
            </button>
          )}
          {canEdit && (
            <button type="submit" class="button button-primary" aria-disabled={busy}>
              {segment ? 'Save' : 'Create segment'}
            </button>
          )}
        </div>
      </div>
      <p class="definition-status" role="status">
        {status.state === 'busy' && status.what}
        {status.state === 'done' && status.message}
      </p>
      {status.state === 'failed' && (
        <p class="alert" role="alert">
          {status.message}
        </p>
      )}
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
