import type {
  ContentDefinition,
  ContentDetail,
  ContentVersionDetail,
  ContentVersionSummary,
} from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../api';
import type { ContentApi } from '../../api/content';
import { diffDefinitions, type DefinitionChange } from './definition-diff';
import { baselineVersion } from './editor-state';
import { ModalDialog } from './modal-dialog';

interface PublishDialogProps {
  content: ContentDetail;
  versions: readonly ContentVersionSummary[];
  definition: ContentDefinition;
  themeId: string | null;
  api: ContentApi;
  /** Saves pending edits; false when they could not be saved. */
  flush: () => Promise<boolean>;
  onPublished: (content: ContentDetail) => void;
  onClose: () => void;
}

type Prepared =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; baseline: ContentVersionDetail | null; changes: DefinitionChange[] };

const VERBS: Record<DefinitionChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved',
};

/** Shows what publishing changes against the live (or last published) version, then publishes. */
export function PublishDialog(props: PublishDialogProps) {
  const { content, versions, definition, themeId, api, onClose } = props;
  const [prepared, setPrepared] = useState<Prepared>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const base = baselineVersion(content, versions);

  useEffect(() => {
    let live = true;
    (async () => {
      if (!(await props.flush())) {
        throw new Error(
          'Some edits are not saved yet. Fix the problems marked in the editor first.',
        );
      }
      const baseline = base ? await api.version(content.id, base.id) : null;
      const changes = baseline ? diffDefinitions(baseline.definition, definition) : [];
      if (baseline && baseline.themeId !== themeId) {
        changes.push({ kind: 'changed', what: 'Shared theme', details: [] });
      }
      return { baseline, changes };
    })().then(
      (ready) => live && setPrepared({ state: 'ready', ...ready }),
      (caught: unknown) =>
        live &&
        setPrepared({
          state: 'failed',
          message:
            caught instanceof Error && !('code' in caught) ? caught.message : describeError(caught),
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  const isLive = base !== undefined && base.id === content.publishedVersionId;
  const hasDraft = content.draft !== null;
  // No draft and nothing live: publishing again means serving the last published version.
  const republish = !hasDraft && !isLive && base !== undefined;
  const nothingToDo = !hasDraft && isLive;

  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = republish
        ? await api.rollback(content.id, base.id)
        : await api.act(content.id, 'publish');
      props.onPublished(next);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <ModalDialog id="publish" title="Publish" onClose={onClose} wide>
      <div class="modal-body publish-body">
        {prepared.state === 'loading' && <p class="muted">Comparing with the live version…</p>}
        {prepared.state === 'failed' && (
          <p class="alert" role="alert">
            {prepared.message}
          </p>
        )}
        {prepared.state === 'ready' && (
          <PublishSummary
            baseline={prepared.baseline}
            changes={prepared.changes}
            isLive={isLive}
            republish={republish}
            nothingToDo={nothingToDo}
          />
        )}
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="modal-actions">
        <button type="button" class="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          class="button button-primary"
          disabled={busy || prepared.state !== 'ready' || nothingToDo}
          onClick={publish}
        >
          {busy ? 'Publishing…' : republish ? `Publish v${base.version} again` : 'Publish now'}
        </button>
      </div>
    </ModalDialog>
  );
}

function PublishSummary(props: {
  baseline: ContentVersionDetail | null;
  changes: DefinitionChange[];
  isLive: boolean;
  republish: boolean;
  nothingToDo: boolean;
}) {
  const { baseline, changes, isLive, republish, nothingToDo } = props;
  if (!baseline) {
    return (
      <p>
        This is the first publication. Once published, users who match its targeting start getting
        it.
      </p>
    );
  }
  if (nothingToDo)
    return <p>Nothing to publish: v{baseline.version} is live and has no changes.</p>;
  if (republish) {
    return (
      <p>
        Nothing is live now. This serves v{baseline.version}, the last published version, again.
      </p>
    );
  }
  return (
    <>
      <p>
        {isLive
          ? `Changes against v${baseline.version}, which users get now:`
          : `Nothing is live now. Changes against v${baseline.version}, the last published version:`}
      </p>
      {changes.length === 0 ? (
        <p class="muted">No changes to the content itself.</p>
      ) : (
        <ul class="diff-list" aria-label="Changes">
          {changes.map((change, index) => (
            <li key={index} class={`diff-item diff-${change.kind}`}>
              <span class="diff-kind">{VERBS[change.kind]}</span> <strong>{change.what}</strong>
              {change.details.length > 0 && (
                <ul class="diff-details">
                  {change.details.map((detail, i) => (
                    <li key={i}>{detail}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
