import { randomId } from './uuid.util';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('uses crypto.randomUUID when the context has it', () => {
    const source = { randomUUID: () => '11111111-1111-4111-8111-111111111111' as const };

    expect(randomId({ ...source, getRandomValues: crypto.getRandomValues.bind(crypto) })).toBe(
      '11111111-1111-4111-8111-111111111111',
    );
  });

  it('builds valid, distinct v4 ids from getRandomValues where randomUUID is missing', () => {
    const source = { getRandomValues: crypto.getRandomValues.bind(crypto) };

    const ids = Array.from({ length: 200 }, () => randomId(source));

    expect(ids.every((id) => V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(200);
  });

  it('sets the version and variant bits even when the random bytes are all ones', () => {
    const allOnes = <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.fill(0xff);
      return array;
    };

    expect(randomId({ getRandomValues: allOnes })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
