import type { ContentSummary } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, describeError, type ApiClient } from '../api';
import { EmptyState } from '../components/empty-state';
import { useTitle } from '../components/use-title';
import { ContentTable } from './content-table';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; items: ContentSummary[]; at: Date };

interface ContentPageProps {
  api: ApiClient;
  workspaceId: string;
  onUnauthenticated: () => void;
}

export function ContentPage({ api, workspaceId, onUnauthenticated }: ContentPageProps) {
  useTitle('Content');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    api.listContent(workspaceId, controller.signal).then(
      (items) => setLoad({ state: 'ready', items, at: new Date() }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') onUnauthenticated();
        else setLoad({ state: 'failed', message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [api, workspaceId, attempt, onUnauthenticated]);

  return (
    <>
      <div class="page-head">
        <div>
          <h1>Content</h1>
          <p class="page-lede">Tours, checklists, banners and surveys shown in your app.</p>
        </div>
      </div>
      <section aria-label="Content items" aria-busy={load.state === 'loading'}>
        {load.state === 'loading' && <p class="muted loading">Loading content…</p>}
        {load.state === 'failed' && (
          <div class="alert alert-block" role="alert">
            <p>Could not load content. {load.message}</p>
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}
        {load.state === 'ready' && load.items.length === 0 && (
          <EmptyState icon="content" title="No content yet">
            <p>
              Content you create in this workspace appears here: product tours, checklists, banners
              and surveys.
            </p>
          </EmptyState>
        )}
        {load.state === 'ready' && load.items.length > 0 && (
          <ContentTable items={load.items} now={load.at} />
        )}
      </section>
    </>
  );
}
