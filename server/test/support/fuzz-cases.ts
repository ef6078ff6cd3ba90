import type { z } from 'zod';
import type { Json } from './schema-sample';

/**
 * Bad-input cases built from a valid sample: each case says whether the route's own zod schema
 * accepts it, so the fuzz test knows which answers must be 4xx with nothing stored.
 */

export type Path = Array<string | number>;

export interface FuzzCase {
  label: string;
  /** Replaces the body (JSON-encoded) … */
  body?: Json;
  /** … or is sent as the raw body text. */
  raw?: string;
  contentType?: string;
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  /** The schema refuses it: the answer must be 4xx and nothing may be stored. */
  invalid: boolean;
  /** An unknown key the schema strips: no table may contain it afterwards. */
  marker?: string;
}

export const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1, 2',
  'nul',
  '{"a": 1,}',
  "{'a': 1}",
  '{"a": "\\x"}',
  '{"a": 01}',
  '\u0000',
  '',
];

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE accounts; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u202e\ud800',
  '__proto__',
  '{"$gt": ""}',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂',
  'x'.repeat(20_000),
];

const WRONG_TYPES: Json[] = [12345, 'fuzz', true, null, [], {}, -1, 1e308, [null], { a: 1 }];

/** Paths of every node below the root (containers and scalars), breadth first, bounded. */
export function pathsIn(value: Json, limit = 40): Path[] {
  const out: Path[] = [];
  const queue: Array<{ node: Json; path: Path }> = [{ node: value, path: [] }];
  while (queue.length && out.length < limit) {
    const { node, path } = queue.shift()!;
    if (path.length) out.push(path);
    if (path.length >= 6 || node === null || typeof node !== 'object') continue;
    const entries = Array.isArray(node)
      ? node.map((child, i): [number, Json] => [i, child])
      : Object.entries(node);
    for (const [key, child] of entries) queue.push({ node: child, path: [...path, key] });
  }
  return out;
}

export function getAt(value: Json, path: Path): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[key];
  }
  return node;
}

export function setAt(value: Json, path: Path, replacement: Json | undefined): Json {
  if (!path.length) return replacement ?? null;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else {
    node[last] = replacement;
  }
  return copy;
}

const rejects = (schema: z.ZodType | undefined, value: unknown): boolean =>
  !!schema && !schema.safeParse(value).success;

/** Cases for a JSON body, from a valid sample. */
export function bodyCases(schema: z.ZodType, sample: Json, marker: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const raw of MALFORMED_JSON) {
    cases.push({ label: `malformed JSON ${JSON.stringify(raw.slice(0, 12))}`, raw, invalid: true });
  }
  cases.push({
    label: 'malformed JSON as text/plain',
    raw: '{"a":',
    contentType: 'text/plain',
    invalid: true,
  });
  cases.push({
    label: 'XML body',
    raw: '<a/>',
    contentType: 'application/xml',
    invalid: true,
  });
  cases.push({
    label: 'oversized body (600 KB)',
    raw: JSON.stringify({ pad: 'x'.repeat(600 * 1024) }),
    invalid: true,
  });
  for (const body of [[], 'text', 42, null, true] as Json[]) {
    cases.push({
      label: `top-level ${JSON.stringify(body)}`,
      body,
      invalid: rejects(schema, body),
    });
  }
  const paths = pathsIn(sample);
  for (const path of paths) {
    const where = path.join('.');
    let wrong = 0;
    for (const replacement of WRONG_TYPES) {
      const body = setAt(sample, path, replacement);
      if (!rejects(schema, body)) continue;
      cases.push({ label: `${where} = ${JSON.stringify(replacement)}`, body, invalid: true });
      if (++wrong === 3) break;
    }
    const without = setAt(sample, path, undefined);
    if (rejects(schema, without))
      cases.push({ label: `${where} missing`, body: without, invalid: true });
  }
  const strings = paths.filter((path) => typeof getAt(sample, path) === 'string');
  strings.forEach((path, index) => {
    // Every injection string at the first string field; one each (rotating) at the others.
    const picks = index === 0 ? INJECTIONS : [INJECTIONS[index % INJECTIONS.length]!];
    for (const injection of picks) {
      const body = setAt(sample, path, injection);
      cases.push({
        label: `${path.join('.')} = injection ${JSON.stringify(injection.slice(0, 24))}`,
        body,
        invalid: rejects(schema, body),
      });
    }
  });
  const objects: Path[] = [[], ...paths.filter((p) => isPlainObject(getAt(sample, p)))];
  for (const path of objects) {
    const target = getAt(sample, path) as Record<string, Json>;
    const body = setAt(sample, path, { ...target, [marker]: marker });
    const parsed = schema.safeParse(body);
    // A key the schema keeps is data (a record of traits, say), not an unknown key.
    if (parsed.success && JSON.stringify(parsed.data).includes(marker)) continue;
    cases.push({
      label: `unknown key at ${path.join('.') || 'the root'}`,
      body,
      invalid: !parsed.success,
      marker,
    });
  }
  for (const path of objects.slice(0, 4)) {
    const json = JSON.stringify(
      setAt(sample, path, { ...(getAt(sample, path) as object), [marker]: 1 }),
    );
    const at = `"${marker}":1`;
    for (const poison of [
      '"__proto__":{"wmPolluted":"yes"}',
      '"constructor":{"prototype":{"wmPolluted":"yes"}}',
    ]) {
      cases.push({
        label: `${poison.slice(1, 10)} at ${path.join('.') || 'the root'}`,
        raw: json.replace(at, poison),
        invalid: false,
        marker: 'wmPolluted',
      });
    }
  }
  return cases;
}

const isPlainObject = (value: unknown): value is Record<string, Json> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Cases for path parameters: one bad value at a time, the others valid. */
export function paramCases(
  schema: z.ZodType | undefined,
  params: Record<string, string>,
): FuzzCase[] {
  const bad = [
    'not-a-uuid',
    "1' OR '1'='1",
    'x'.repeat(300),
    '\u0000',
    '../../etc/passwd',
    '%',
    ' ',
  ];
  return Object.keys(params).flatMap((name) =>
    bad.map((value) => {
      const changed = { ...params, [name]: value };
      return {
        label: `path {${name}} = ${JSON.stringify(value.slice(0, 20))}`,
        params: changed,
        invalid: rejects(schema, changed),
      };
    }),
  );
}

/** Cases for the query string: one bad value at a time. */
export function queryCases(schema: z.ZodType, query: Record<string, string>): FuzzCase[] {
  const keys = Object.keys((schema as unknown as { shape?: object }).shape ?? query);
  const bad: Array<string | string[]> = [
    'abc',
    '-1',
    '1e309',
    '',
    '\u0000',
    "' OR 1=1 --",
    ['1', '2'],
    'x'.repeat(5000),
  ];
  return keys.flatMap((name) =>
    bad.map((value) => {
      const changed = { ...query, [name]: value };
      return {
        label: `query ${name} = ${JSON.stringify(value).slice(0, 24)}`,
        query: changed,
        invalid: rejects(schema, changed),
      };
    }),
  );
}
