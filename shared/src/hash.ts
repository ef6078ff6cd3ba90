/** FNV-1a 32-bit over UTF-16 code units, as GrowthBook's SDKs hash. */
function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Deterministic bucketing in [0, 1), GrowthBook hashing version 2:
 * `fnv(String(fnv(seed + id))) % 10000 / 10000`. Any SDK can reproduce an assignment from it.
 */
export function hashToUnit(seed: string, id: string): number {
  return (fnv1a32(String(fnv1a32(seed + id))) % 10000) / 10000;
}
