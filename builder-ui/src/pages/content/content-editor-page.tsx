import { useMemo } from 'preact/hooks';
import { contentApi } from '../../api/content';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';
import { EditorFrame } from './editor-frame';
import { loadEditor } from './editor-state';

/** `/content/:contentId`: one item's editor. */
export function ContentEditorPage({ params }: PageProps) {
  const { api, workspace } = useWorkspace();
  const contentId = params.contentId ?? '';
  const content = useMemo(() => contentApi(api, workspace.id), [api, workspace.id]);
  const { load, reload } = useLoad(
    (signal) => loadEditor(content, contentId, signal),
    [content, contentId],
  );
  return (
    <LoadView load={load} what="this content item" onRetry={reload}>
      {(data) => <EditorFrame key={data.content.id} initial={data} />}
    </LoadView>
  );
}
