import { KeyedCache } from './progress.cache';
import { etagMatches } from './etag';

describe('KeyedCache', () => {
  const counting = () => {
    const loads: string[][] = [];
    let release: () => void = () => undefined;
    const cache = new KeyedCache<string[]>(
      4,
      async (keys) => {
        loads.push(keys);
        await new Promise<void>((resolve) => (release = resolve));
        return new Map(keys.filter((k) => k !== 'none').map((k) => [k, [`row of ${k}`]]));
      },
      [],
    );
    cache.setLive(true);
    return { cache, loads, release: () => release() };
  };

  it('loads the missing keys in one call and answers from memory afterwards', async () => {
    const { cache, loads, release } = counting();
    const first = cache.getMany(['a', 'none']);
    release();
    expect(await first).toEqual([['row of a'], []]);
    expect(cache.getMany(['a', 'none'])).toEqual([['row of a'], []]);
    expect(loads).toEqual([['a', 'none']]);
  });

  it('never keeps what a load read before an invalidation that came during it', async () => {
    const { cache, loads, release } = counting();
    const stale = cache.getMany(['a']);
    cache.invalidate('a');
    release();
    await stale;
    const again = cache.getMany(['a']);
    expect(again).toBeInstanceOf(Promise);
    release();
    await again;
    expect(loads).toEqual([['a'], ['a']]);
  });

  it('keeps at most its capacity, in two generations', async () => {
    const { cache, release } = counting();
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      const pending = cache.getMany([key]);
      release();
      await pending;
    }
    expect(cache.size).toBeLessThanOrEqual(4);
  });
});

describe('etagMatches', () => {
  it('reads lists, weak tags and *', () => {
    expect(etagMatches('"abc"', 'abc')).toBe(true);
    expect(etagMatches('W/"abc"', 'abc')).toBe(true);
    expect(etagMatches('"x", "abc"', 'abc')).toBe(true);
    expect(etagMatches('*', 'abc')).toBe(true);
    expect(etagMatches('abc', 'abc')).toBe(false);
    expect(etagMatches('"abcd"', 'abc')).toBe(false);
    expect(etagMatches(undefined, 'abc')).toBe(false);
  });
});
