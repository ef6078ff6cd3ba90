import type { FeatureTag } from '@waymark/shared';
import { clickedTags, pageTagsFor } from './feature.tags';
import { matchUrlPattern } from './trigger.matcher';

const pageTag = (overrides: Partial<Extract<FeatureTag, { kind: 'page' }>> = {}): FeatureTag => ({
  id: 'p1',
  name: 'Viewed billing',
  kind: 'page',
  url: '/billing/*',
  ...overrides,
});
const clickTag = (overrides: Partial<Extract<FeatureTag, { kind: 'click' }>> = {}): FeatureTag => ({
  id: 'c1',
  name: 'Clicked export',
  kind: 'click',
  target: { attributes: { 'data-test': 'export' } },
  ...overrides,
});

describe('pageTagsFor', () => {
  it('fires page tags whose pattern matches the path, and no click tags', () => {
    const tags = [pageTag(), pageTag({ id: 'p2', url: '/settings' }), clickTag()];
    const fired = pageTagsFor(
      tags,
      'https://app.test/billing/plans?x=1',
      new Set(),
      matchUrlPattern,
    );
    expect(fired.map((t) => t.id)).toEqual(['p1']);
  });

  it('leaves out tags already fired for this page', () => {
    const tags = [pageTag(), pageTag({ id: 'p2', url: '/billing*' })];
    const fired = pageTagsFor(tags, 'https://app.test/billing/x', new Set(['p1']), matchUrlPattern);
    expect(fired.map((t) => t.id)).toEqual(['p2']);
  });
});

describe('clickedTags', () => {
  const url = 'https://app.test/reports/7';

  it('returns click tags whose target was hit', () => {
    const other = clickTag({ id: 'c2', target: { attributes: { 'data-test': 'other' } } });
    const hit = clickedTags(
      [clickTag(), other, pageTag()],
      url,
      (t) => t.attributes['data-test'] === 'export',
      matchUrlPattern,
    );
    expect(hit.map((t) => t.id)).toEqual(['c1']);
  });

  it('ignores a tag limited to another page, without resolving its target', () => {
    const resolve = jest.fn(() => true);
    const tags = [clickTag({ url: '/settings/*' }), clickTag({ id: 'c2', url: '/reports/*' })];
    expect(clickedTags(tags, url, resolve, matchUrlPattern).map((t) => t.id)).toEqual(['c2']);
    expect(resolve).toHaveBeenCalledTimes(1);
  });
});
