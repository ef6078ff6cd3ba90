import type { FeatureTagRecord } from '@waymark/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../api';
import { featureTagsApi } from '../../api/feature-tags';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { browserDraftStorage, newestDraftId } from '../../components/draft-store';
import { EmptyState } from '../../components/empty-state';
import { ListSection } from '../../components/list-section';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { FeatureTagForm } from './feature-tag-form';
import { firesOn } from './feature-tag-text';

/** Which form is open: a new tag, or the tag with this id. */
type Editing = { id: null } | { id: string } | null;

/**
 * Feature tags: clicks on an element or views of a page that become named events, with no code.
 * Editors create, change and delete them; viewers read. Each shows its events over 30 days.
 */
export function FeatureTagsPage(_props: PageProps) {
  useTitle('Feature tags');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const client = featureTagsApi(api, workspace.id);
  const { load, reload, set } = useLoad((signal) => client.list(signal), [api, workspace.id]);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<FeatureTagRecord | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState('');

  const tags = load.state === 'ready' ? load.data : [];
  useReopenDraft(load.state === 'ready' && canEdit ? tags : null, workspace.id, setEditing);
  const saved = (tag: FeatureTagRecord): void => {
    const others = tags.filter((t) => t.id !== tag.id);
    set([...others, tag].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())));
    setNotice(`Saved “${tag.name}”. The widget picks it up with its next session.`);
    setEditing(null);
  };
  const remove = async (): Promise<void> => {
    if (!deleting) return;
    setPending(true);
    setDeleteError(null);
    try {
      await client.remove(deleting.id);
      set(tags.filter((t) => t.id !== deleting.id));
      setNotice(`Deleted “${deleting.name}”. Events it sent stay.`);
      setDeleting(null);
    } catch (error) {
      setDeleteError(describeError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <PageHead
        title="Feature tags"
        lede="Turn clicks and page views into events without code, then use them in goals, segments and targeting."
      >
        {canEdit && editing?.id !== null && (
          <button
            type="button"
            class="button button-primary feature-tag-new"
            onClick={() => {
              setNotice('');
              setEditing({ id: null });
            }}
          >
            New feature tag
          </button>
        )}
      </PageHead>
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      {notice && <p class="feature-tag-notice muted">{notice}</p>}
      {canEdit && editing?.id === null && (
        <section class="feature-tag-panel" aria-label="New feature tag">
          <FeatureTagForm tag={null} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      )}
      <ListSection
        label="Feature tags"
        load={load}
        onRetry={reload}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState icon="tags" title="No feature tags yet">
            <p>
              A feature tag names an interaction — “Export clicked”, “Visited billing” — so you can
              count it and target on it. {canEdit ? '' : 'Editors can create them.'}
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <div class="table-card">
            <table class="table feature-tag-table">
              <thead>
                <tr>
                  <th scope="col">Event name</th>
                  <th scope="col">Fires on</th>
                  <th scope="col" class="cell-number">
                    Events, 30 days
                  </th>
                  {canEdit && (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((tag) =>
                  editing?.id === tag.id ? (
                    <tr key={tag.id}>
                      <td colSpan={4} class="feature-tag-edit-cell">
                        <FeatureTagForm
                          tag={tag}
                          onSaved={saved}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={tag.id}>
                      <td class="cell-name">{tag.name}</td>
                      <td>
                        <div class="feature-tag-fires">
                          <span class="badge">{tag.kind === 'click' ? 'Click' : 'Page'}</span>
                          <span class="feature-tag-target">{firesOn(tag)}</span>
                        </div>
                      </td>
                      <td class="cell-number">{tag.events30d.toLocaleString('en')}</td>
                      {canEdit && (
                        <td>
                          <div class="feature-tag-row-actions">
                            <button
                              type="button"
                              class="button button-small"
                              aria-label={`Edit ${tag.name}`}
                              onClick={() => {
                                setNotice('');
                                setEditing({ id: tag.id });
                              }}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              class="button button-small button-ghost feature-tag-delete"
                              aria-label={`Delete ${tag.name}`}
                              onClick={() => {
                                setDeleteError(null);
                                setDeleting(tag);
                              }}
                            >
                              Delete
                            </button>
                          </div>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </ListSection>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete tag"
        danger
        pending={pending}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>The widget stops sending this event. Events already recorded stay.</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * Which form is open does not survive a reload, but its unsaved draft does (useLocalDraft):
 * once the list is in, open the form whose draft is newest so its "Restore" notice shows.
 */
function useReopenDraft(
  tags: FeatureTagRecord[] | null,
  workspaceId: string,
  open: (editing: Editing) => void,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || tags === null) return;
    done.current = true;
    const storage = browserDraftStorage();
    const ids = tags.map((t) => t.id);
    const id = storage && newestDraftId(storage, workspaceId, 'feature-tag', ids, Date.now());
    if (id) open({ id: id === 'new' ? null : id });
  }, [tags, workspaceId, open]);
}
