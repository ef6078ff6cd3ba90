import type { ContentSummary } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { contentApi } from '../../api/content';
import { useWorkspace } from '../../workspace-context';

/** One list request per workspace while the builder is open; "start other content" picks from it. */
const cache = new Map<string, Promise<ContentSummary[]>>();

/** The workspace's content items, or null while loading (or when the list could not load). */
export function useContentChoices(): ContentSummary[] | null {
  const { api, workspace } = useWorkspace();
  const [items, setItems] = useState<ContentSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    let list = cache.get(workspace.id);
    if (!list) {
      list = contentApi(api, workspace.id).list();
      cache.set(workspace.id, list);
      list.catch(() => cache.delete(workspace.id));
    }
    list.then(
      (data) => live && setItems(data),
      () => live && setItems(null),
    );
    return () => {
      live = false;
    };
  }, [api, workspace.id]);
  return items;
}
