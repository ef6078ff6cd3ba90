import { SdkContextSchema, type SessionRequest } from '@waymark/shared';

/**
 * URLs already parsed by the contract's own `url` schema: what it answers (it may normalise,
 * e.g. trim), or null when it refuses. Bounded: starts over when full.
 */
const urlVerdicts = new Map<string, string | null>();
const MAX_URLS = 4096;
const urlSchema = SdkContextSchema.shape.url;

function parsedUrl(url: string): string | null {
  let verdict = urlVerdicts.get(url);
  if (verdict === undefined) {
    const parsed = urlSchema.safeParse(url);
    verdict = parsed.success ? parsed.data : null;
    if (urlVerdicts.size >= MAX_URLS) urlVerdicts.clear();
    urlVerdicts.set(url, verdict);
  }
  return verdict;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

const optionalText = (value: unknown, min: number, max: number): boolean =>
  value === undefined || isText(value, min, max);

/** Whether every key of `value` is one of `known`. */
function onlyKeys(value: Plain, known: ReadonlySet<string>): boolean {
  for (const key in value) if (!known.has(key)) return false;
  return true;
}

const REQUEST_KEYS = new Set(['user', 'traits', 'userHash', 'context']);
const USER_KEYS = new Set(['anonymousId', 'userId']);
const CONTEXT_KEYS = new Set(['url', 'locale', 'viewport', 'userAgent']);
const VIEWPORT_KEYS = new Set(['width', 'height']);

const isSize = (value: unknown): value is number =>
  Number.isSafeInteger(value) && Number(value) >= 0;

/** Traits whose values are all scalars, copied (what the schema's record answers); else null. */
function scalarTraits(value: unknown): Plain | null {
  if (value === undefined) return {};
  if (!isPlain(value)) return null;
  const out: Plain = {};
  for (const key in value) {
    const v = value[key];
    // `__proto__` would set the copy's prototype: left to the schema.
    if (key.length < 1 || key.length > 200 || key === '__proto__') return null;
    if (typeof v === 'number' ? !Number.isFinite(v) : !['string', 'boolean'].includes(typeof v)) {
      if (v !== null) return null;
    }
    out[key] = v;
  }
  return out;
}

/**
 * The session request as the contract's schema would parse it, for the common shape only —
 * known keys, scalar traits — checked by hand (the schema's per-request cost was a noticeable
 * share of the session). Anything else, valid or not, answers null: the caller then runs the
 * schema itself, which also words the errors. The URL goes through the schema's own `url`
 * schema, remembered per URL. Output equals the schema's (a unit test compares them).
 */
export function quickSessionRequest(body: unknown): SessionRequest | null {
  if (!isPlain(body) || !onlyKeys(body, REQUEST_KEYS)) return null;
  const { user, context, userHash } = body;
  if (!isPlain(user) || !onlyKeys(user, USER_KEYS)) return null;
  if (!isText(user.anonymousId, 1, 200) || !optionalText(user.userId, 1, 200)) return null;
  if (!optionalText(userHash, 0, 200)) return null;
  if (!isPlain(context) || !onlyKeys(context, CONTEXT_KEYS)) return null;
  const { url, locale, viewport, userAgent } = context;
  if (!isText(url, 0, 4000) || !optionalText(locale, 2, 35) || !optionalText(userAgent, 0, 1000)) {
    return null;
  }
  if (viewport !== undefined) {
    if (!isPlain(viewport) || !onlyKeys(viewport, VIEWPORT_KEYS)) return null;
    if (!isSize(viewport.width) || !isSize(viewport.height)) return null;
  }
  const traits = scalarTraits(body.traits);
  if (!traits) return null;
  const served = parsedUrl(url);
  if (served === null) return null;
  return {
    user: {
      anonymousId: user.anonymousId,
      ...(user.userId === undefined ? {} : { userId: user.userId as string }),
    },
    traits: traits as SessionRequest['traits'],
    ...(userHash === undefined ? {} : { userHash: userHash as string }),
    context: {
      url: served,
      ...(locale === undefined ? {} : { locale: locale as string }),
      ...(isPlain(viewport)
        ? { viewport: { width: viewport.width as number, height: viewport.height as number } }
        : {}),
      ...(userAgent === undefined ? {} : { userAgent: userAgent as string }),
    },
  };
}
