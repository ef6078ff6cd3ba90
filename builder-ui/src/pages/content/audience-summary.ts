import type { Audience } from '@waymark/shared';

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
