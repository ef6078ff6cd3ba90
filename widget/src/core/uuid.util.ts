type RandomSource = Partial<Pick<Crypto, 'randomUUID'>> & Pick<Crypto, 'getRandomValues'>;

/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts (and Safari ≥ 15.4); elsewhere
 * it is built from `crypto.getRandomValues`, which every supported browser has: each `x` of the
 * template takes 4 random bits, `y` (the RFC 4122 variant) 2 random bits after `10`.
 */
export function randomId(source: RandomSource = crypto): string {
  if (source.randomUUID) return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(31));
  let i = 0;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const nibble = (bytes[i++] ?? 0) & 15;
    return (c === 'x' ? nibble : (nibble & 3) | 8).toString(16);
  });
}
