import type { ContentDefinition, ContentDetail, FieldIssue, Theme } from '@waymark/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeError } from '../../api';
import { contentApi } from '../../api/content';
import { useAppUrl } from '../../api/workspace';
import { useTitle } from '../../components/use-title';
import { DeliveryPanel } from '../../editors/delivery/delivery-panel';
import { issuesUnder } from '../../editors/editor-props';
import { KindEditor } from '../../editors/editor-registry';
import { ExperimentPanel } from '../../editors/experiment/experiment-panel';
import { TranslationsEditor } from '../../editors/locale/translations-editor';
import { DesignPanel } from '../../editors/theme/design-panel';
import { openPreviewOnApp } from '../../picker/open-preview';
import { PreviewPane } from '../../preview/preview-pane';
import { navigate, setQuery, useLeaveGuard, useQuery } from '../../router';
import { useCan, useWorkspace } from '../../workspace-context';
import { EditorHeader, type HeaderAction } from './editor-header';
import { neverPublished, type EditorData } from './editor-state';
import { EditorTabs, readTab, type EditorTab } from './editor-tabs';
import { HistoryPanel } from './history-panel';
import { IssueSummary } from './issue-summary';
import { ConfirmDialog } from './modal-dialog';
import { PublishDialog } from './publish-dialog';
import { useAutosave } from './use-autosave';

type Confirmable = 'unpublish' | 'archive' | 'delete';
const CONFIRM: Record<Confirmable, { title: string; label: string; text: string }> = {
  unpublish: {
    title: 'Unpublish?',
    label: 'Unpublish',
    text: 'Users stop getting it at once. Versions and your draft stay; you can publish again.',
  },
  archive: {
    title: 'Archive?',
    label: 'Archive',
    text: 'Users stop getting it and it can no longer be edited until you restore it.',
  },
  delete: {
    title: 'Delete for good?',
    label: 'Delete',
    text: 'It was never published, so nothing points at it. This cannot be undone.',
  },
};

/** The item editor: header, tabs, autosaved draft, lifecycle actions and their dialogs. */
export function EditorFrame({ initial }: { initial: EditorData }) {
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const appUrl = useAppUrl();
  const content = useMemo(() => contentApi(api, workspace.id), [api, workspace.id]);
  const [item, setItem] = useState(initial.content);
  const [versions, setVersions] = useState(initial.versions);
  const [definition, setDefinition] = useState(initial.definition);
  const [themeId, setThemeId] = useState(initial.themeId);
  const [sharedTheme, setSharedTheme] = useState<Theme>();
  const [selected, setSelected] = useState(0);
  const [dialog, setDialog] = useState<'publish' | Confirmable | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const tab = readTab(useQuery().get('tab'));
  useTitle(item.name);

  const autosave = useAutosave<{ definition: ContentDefinition; themeId: string | null }>(
    async (change) => setItem(await content.update(item.id, change)),
  );
  const save = autosave.state;
  useLeaveGuard(save.status === 'saved' ? null : 'Some edits are not saved yet. Leave anyway?');
  const readOnly = !canEdit || item.status === 'archived';
  const allIssues: FieldIssue[] = save.status === 'invalid' ? save.issues : [];
  const issues = issuesUnder(allIssues, 'definition');

  const refreshVersions = () => content.versions(item.id).then(setVersions, () => undefined);
  useEffect(() => {
    if (tab === 'history') void refreshVersions();
  }, [tab]);

  useEffect(() => {
    if (!themeId) {
      setSharedTheme(undefined);
      return;
    }
    const controller = new AbortController();
    content.theme(themeId, controller.signal).then(
      (record) => setSharedTheme(record.theme),
      () => undefined,
    );
    return () => controller.abort();
  }, [content, themeId]);

  const edit = (next: ContentDefinition, nextThemeId = themeId) => {
    setDefinition(next);
    setThemeId(nextThemeId);
    setNotice(undefined);
    autosave.schedule({ definition: next, themeId: nextThemeId });
  };

  const changed = (next: ContentDetail, message?: string) => {
    setItem(next);
    setDialog(null);
    setNotice(message);
    void refreshVersions();
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    setNotice(undefined);
    try {
      await work();
    } catch (caught) {
      setActionError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const onAction = (action: HeaderAction) => {
    switch (action) {
      case 'publish':
      case 'unpublish':
      case 'archive':
      case 'delete':
        setActionError(undefined);
        setDialog(action);
        return;
      case 'restore':
        void run(async () =>
          changed(await content.act(item.id, 'restore'), 'Restored as a draft.'),
        );
        return;
      case 'duplicate':
        void run(async () => {
          await autosave.flush();
          const copy = await content.act(item.id, 'duplicate');
          navigate(`/content/${copy.id}`, { force: true });
        });
        return;
      case 'preview-app':
        void run(async () => {
          if (!(await autosave.flush())) throw new Error('Save your edits first.');
          await openPreviewOnApp(api, workspace.id, item.id, appUrl);
        });
        return;
      default:
        action satisfies never;
    }
  };

  const confirmAction = (action: Confirmable) =>
    run(async () => {
      if (action === 'delete') {
        await content.remove(item.id);
        navigate('/content', { force: true });
        return;
      }
      const next = await content.act(item.id, action);
      changed(next, action === 'archive' ? 'Archived.' : 'Unpublished: users no longer get it.');
    });

  const previewTheme =
    sharedTheme || definition.theme ? { ...sharedTheme, ...definition.theme } : undefined;
  const preview = <PreviewPane definition={definition} theme={previewTheme} selected={selected} />;

  return (
    <div class="editor">
      <EditorHeader
        content={item}
        canEdit={canEdit}
        canDelete={neverPublished(versions)}
        save={save}
        busy={busy}
        onRetry={autosave.retry}
        onAction={onAction}
        onRename={async (name) => {
          try {
            setItem(await content.update(item.id, { name }));
            return undefined;
          } catch (caught) {
            return describeError(caught);
          }
        }}
      />
      {item.status === 'archived' && (
        <p class="alert editor-notice" role="status">
          This item is archived: users do not get it and it cannot be edited. Restore it to edit.
        </p>
      )}
      {save.status === 'conflict' && (
        <div class="alert alert-block editor-notice" role="alert">
          <p>Your last edits could not be saved: {save.message}</p>
          <button type="button" class="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      {save.status === 'failed' && (
        <div class="alert alert-block editor-notice" role="alert">
          <p>Your last edits are not saved yet: {save.message}</p>
          <button type="button" class="button" onClick={autosave.retry}>
            Retry
          </button>
        </div>
      )}
      {save.status === 'invalid' && <IssueSummary issues={allIssues} />}
      {actionError && !dialog && (
        <p class="alert editor-notice" role="alert">
          {actionError}
        </p>
      )}
      {notice && (
        <p class="editor-notice editor-ok" role="status">
          {notice}
        </p>
      )}

      <EditorTabs
        tab={tab}
        onTab={(next: EditorTab) => setQuery({ tab: next === 'build' ? undefined : next })}
      />
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="editor-panel">
        {tab === 'build' && (
          <div class="build-layout">
            <div class="build-editor">
              <KindEditor
                definition={definition}
                onChange={(next) => edit(next)}
                issues={issues}
                readOnly={readOnly}
                selected={selected}
                onSelect={setSelected}
                appUrl={appUrl}
              />
            </div>
            {preview}
          </div>
        )}
        {tab === 'design' && (
          <div class="build-layout">
            <div class="build-editor">
              <DesignPanel
                themeId={themeId}
                onThemeId={(id) => edit(definition, id)}
                theme={definition.theme}
                onTheme={(theme) => {
                  const { theme: _old, ...rest } = definition;
                  edit(
                    theme ? ({ ...rest, theme } as ContentDefinition) : (rest as ContentDefinition),
                  );
                }}
                readOnly={readOnly}
              />
            </div>
            {preview}
          </div>
        )}
        {tab === 'translations' && (
          <div class="build-layout">
            <div class="build-editor">
              <TranslationsEditor
                definition={definition}
                onChange={(next) => edit(next)}
                readOnly={readOnly}
              />
            </div>
            {preview}
          </div>
        )}
        {tab === 'targeting' && (
          <DeliveryPanel content={item} onSaved={setItem} readOnly={readOnly} />
        )}
        {tab === 'experiment' && <ExperimentPanel content={item} readOnly={readOnly} />}
        {tab === 'history' && (
          <HistoryPanel
            content={item}
            versions={versions}
            api={content}
            readOnly={readOnly}
            onRolledBack={(next) => {
              const version = versions.find((v) => v.id === next.publishedVersionId)?.version;
              changed(next, version ? `v${version} is live again.` : 'Rolled back.');
            }}
          />
        )}
      </div>

      {dialog === 'publish' && (
        <PublishDialog
          content={item}
          versions={versions}
          definition={definition}
          themeId={themeId}
          api={content}
          flush={autosave.flush}
          onPublished={(next) => changed(next, `Published v${next.publishedVersion ?? ''}.`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && dialog !== 'publish' && (
        <ConfirmDialog
          id={`confirm-${dialog}`}
          title={CONFIRM[dialog].title}
          confirmLabel={CONFIRM[dialog].label}
          danger={dialog === 'delete'}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmAction(dialog)}
          onClose={() => setDialog(null)}
        >
          <p>{CONFIRM[dialog].text}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
