import type { Audience, ContentSummary } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ContentApi } from '../../api/content';

/** "Everyone", "Users matching a rule", "2 segments (all of them)". */
export function audienceSummary(audience: Audience): string {
  switch (audience.type) {
    case 'everyone':
      return 'Everyone';
    case 'rule':
      return 'Users matching a rule';
    case 'segments': {
      const n = audience.segmentIds.length;
      const count = `${n} segment${n === 1 ? '' : 's'}`;
      return n > 1 && audience.match === 'all' ? `${count} (all of them)` : count;
    }
    default:
      return audience satisfies never;
  }
}

const MAX_ITEMS = 200;
const PARALLEL = 4;

/**
 * The audience of each listed item, filled in as the items' details arrive (the list answer
 * has no delivery settings). A few requests at a time; failures just leave the cell empty.
 */
export function useAudiences(content: ContentApi, items: readonly ContentSummary[]) {
  const [audiences, setAudiences] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const controller = new AbortController();
    const queue = items.slice(0, MAX_ITEMS).map((item) => item.id);
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          const detail = await content.get(id, controller.signal);
          const text = audienceSummary(detail.delivery.audience);
          setAudiences((old) => new Map(old).set(id, text));
        } catch {
          if (controller.signal.aborted) return;
        }
      }
    };
    for (let i = 0; i < PARALLEL; i++) void worker();
    return () => controller.abort();
  }, [content, items]);
  return audiences;
}
