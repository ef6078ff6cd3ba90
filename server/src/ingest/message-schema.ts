import { SegmentMessageSchema, type SegmentMessage } from '@waymark/shared';
import { z } from 'zod';

/**
 * The shared `SegmentMessageSchema`, compiled for the ingestion hot path.
 *
 * The shared schema checks every property, trait and context value with `z.json()`, which is
 * recursive: zod then cannot compile it and guards every nested object against cycles (a WeakMap
 * per parse), about 7 µs per event. Messages here always come out of the HTTP body's JSON.parse,
 * so every value already IS JSON and that check can never fail; only the keys (1–200 chars) can.
 * This schema is the shared one with those dictionaries' values taken as they are — same
 * variants, same keys rule, same defaults, the same refinements (taken from the shared schema
 * itself) — and it compiles (`z.compile`, ≈ 1.3 µs per event). message-schema.test.ts checks that
 * both give the same answer, output and issues over valid and invalid messages.
 */
const JsonDict = z.record(z.string().min(1).max(200), z.unknown());
const DICTS = {
  context: JsonDict.optional(),
  properties: JsonDict.default({}),
  traits: JsonDict.default({}),
};

function derive(): z.ZodType<SegmentMessage> {
  const variants = SegmentMessageSchema.options.map((variant) => {
    const patch: Record<string, z.ZodType> = {};
    for (const [key, schema] of Object.entries(DICTS))
      if (key in variant.shape) patch[key] = schema;
    return variant.extend(patch);
  });
  const [first, ...rest] = variants;
  const flat = z.discriminatedUnion('type', [first!, ...rest]);
  const checks = (SegmentMessageSchema._zod.def.checks ?? []) as Array<z.core.$ZodCheck<unknown>>;
  return z.compile(
    checks.length > 0 ? flat.check(...checks) : flat,
  ) as unknown as z.ZodType<SegmentMessage>;
}

export const JsonSegmentMessageSchema = derive();
