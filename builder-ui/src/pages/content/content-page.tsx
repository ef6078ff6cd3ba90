import type { ContentSummary } from '@waymark/shared';
import { workspacePath } from '../../api';
import { EmptyState } from '../../components/empty-state';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';
import { ContentTable } from './content-table';

export function ContentPage(_props: PageProps) {
  useTitle('Content');
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    async (signal) => {
      const list = await api.request<{ data: ContentSummary[] }>(
        'GET',
        workspacePath(workspace.id, '/content'),
        { signal },
      );
      return { items: list.data, at: new Date() };
    },
    [api, workspace.id],
  );

  return (
    <>
      <div class="page-head">
        <div>
          <h1>Content</h1>
          <p class="page-lede">Tours, checklists, banners and surveys shown in your app.</p>
        </div>
      </div>
      <section aria-label="Content items" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="content" onRetry={reload}>
          {({ items, at }) =>
            items.length === 0 ? (
              <EmptyState icon="content" title="No content yet">
                <p>
                  Content you create in this workspace appears here: product tours, checklists,
                  banners and surveys.
                </p>
              </EmptyState>
            ) : (
              <ContentTable items={items} now={at} />
            )
          }
        </LoadView>
      </section>
    </>
  );
}
