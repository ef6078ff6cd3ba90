import type { ContentDetail, ContentVersionDetail, ContentVersionSummary } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { describeError } from '../../api';
import type { ContentApi } from '../../api/content';
import { formatDateTime } from '../../format';
import { summarizeDefinition } from './definition-summary';
import { ConfirmDialog } from './modal-dialog';

interface HistoryPanelProps {
  content: ContentDetail;
  versions: readonly ContentVersionSummary[];
  api: ContentApi;
  readOnly: boolean;
  onRolledBack: (content: ContentDetail) => void;
}

type Viewed =
  | { state: 'loading'; id: string }
  | { state: 'failed'; id: string; message: string }
  | { state: 'ready'; id: string; version: ContentVersionDetail };

/** Versions newest first; view what one held; serve an earlier published one again. */
export function HistoryPanel({
  content,
  versions,
  api,
  readOnly,
  onRolledBack,
}: HistoryPanelProps) {
  const [viewed, setViewed] = useState<Viewed | null>(null);
  const [confirm, setConfirm] = useState<ContentVersionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const sorted = [...versions].sort((a, b) => b.version - a.version);

  const view = async (id: string) => {
    if (viewed?.id === id) {
      setViewed(null);
      return;
    }
    setViewed({ state: 'loading', id });
    try {
      setViewed({ state: 'ready', id, version: await api.version(content.id, id) });
    } catch (caught) {
      setViewed({ state: 'failed', id, message: describeError(caught) });
    }
  };

  const rollback = async () => {
    if (!confirm) return;
    setBusy(true);
    setError(undefined);
    try {
      onRolledBack(await api.rollback(content.id, confirm.id));
      setConfirm(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="history">
      <ol class="history-list" aria-label="Versions, newest first">
        {sorted.map((v) => {
          const open = viewed?.id === v.id;
          return (
            <li key={v.id} class={`history-item${v.current ? ' is-current' : ''}`}>
              <div class="history-row">
                <span class="history-version">v{v.version}</span>
                <span class="history-state">
                  {v.publishedAt === null ? (
                    <span class="badge badge-draft">Draft</span>
                  ) : v.current ? (
                    <span class="badge badge-published">Live</span>
                  ) : (
                    <span class="muted">Published</span>
                  )}
                </span>
                <span class="history-date muted">
                  {v.publishedAt
                    ? `Published ${formatDateTime(v.publishedAt)}`
                    : `Started ${formatDateTime(v.createdAt)}`}
                </span>
                <span class="history-tools">
                  <button
                    type="button"
                    class="button button-small"
                    aria-expanded={open}
                    aria-controls={`version-${v.id}`}
                    onClick={() => void view(v.id)}
                  >
                    {open ? 'Hide' : 'View'}
                    <span class="visually-hidden"> v{v.version}</span>
                  </button>
                  {!readOnly && v.publishedAt !== null && !v.current && (
                    <button type="button" class="button button-small" onClick={() => setConfirm(v)}>
                      Roll back to v{v.version}
                    </button>
                  )}
                </span>
              </div>
              {open && (
                <div id={`version-${v.id}`} class="history-detail">
                  {viewed.state === 'loading' && <p class="muted">Loading v{v.version}…</p>}
                  {viewed.state === 'failed' && (
                    <p class="alert" role="alert">
                      {viewed.message}
                    </p>
                  )}
                  {viewed.state === 'ready' && <VersionSummary version={viewed.version} />}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {confirm && (
        <ConfirmDialog
          id="rollback"
          title={`Roll back to v${confirm.version}?`}
          confirmLabel={`Serve v${confirm.version}`}
          busy={busy}
          error={error}
          onConfirm={() => void rollback()}
          onClose={() => {
            setConfirm(null);
            setError(undefined);
          }}
        >
          <p>
            Users get v{confirm.version} again, exactly as it was published. Your draft stays as it
            is.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function VersionSummary({ version }: { version: ContentVersionDetail }) {
  const { title, lines } = summarizeDefinition(version.definition);
  return (
    <>
      <p>
        <strong>{title}</strong>
      </p>
      <ol class="history-lines">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </>
  );
}
