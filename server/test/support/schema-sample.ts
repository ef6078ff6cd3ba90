import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Valid example values generated from a zod schema, through its JSON Schema (`z.toJSONSchema`, a
 * documented format), then checked with the zod schema itself: refinements JSON Schema cannot
 * express are honoured by retrying with other choices. Used by the isolation matrix (requests
 * that pass validation) and the fuzz test (valid baselines to mutate).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: Json[];
  const?: Json;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  default?: Json;
}

/** A small deterministic generator: choice 0 is always "the first option, everything present". */
class Chooser {
  private state: number;
  constructor(
    readonly seed: number,
    /** Leave out everything optional (still random choices among required alternatives). */
    readonly minimal = false,
  ) {
    this.state = seed * 2654435761 + 1;
  }
  pick(n: number): number {
    if (this.seed === 0 || n <= 1) return 0;
    this.state = (this.state * 1103515245 + 12345) % 2147483648;
    return this.state % n;
  }
  coin(): boolean {
    if (this.minimal) return false;
    return this.seed === 0 ? true : this.pick(2) === 0;
  }
}

const rand = (): string => randomUUID().replace(/-/g, '').slice(0, 10);

function stringFor(schema: JsonSchema, chooser: Chooser): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 64;
  const fit = (value: string): string =>
    (value.length < min ? value + 'x'.repeat(min - value.length) : value).slice(0, max);
  switch (schema.format) {
    case 'email':
      return `fuzz-${rand()}@example.test`;
    case 'uuid':
      return randomUUID();
    case 'uri':
    case 'url':
      return `https://app.example.test/${rand()}`;
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'time':
      return '09:30:00';
    case 'ipv4':
      return '10.0.0.1';
    default:
      break;
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const candidates = [
      `s${rand()}`,
      'a',
      'ab',
      'abc',
      'sample',
      '#go',
      '/path',
      'a-b',
      'a_b',
      'a.b',
      '1',
      '10',
      'A',
      'Ab',
      'en',
      'en-US',
      'Europe/Helsinki',
      'FREQ=DAILY',
      '09:00',
      '#336699',
      '2025-01-01',
      new Date().toISOString(),
    ];
    const matching = candidates.map(fit).filter((c) => pattern.test(c));
    if (matching.length) return matching[chooser.pick(matching.length)]!;
  }
  return fit(`s${rand()}`);
}

function numberFor(schema: JsonSchema, integer: boolean): number {
  let low =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100);
  if (low > high) low = high;
  const value = Math.min(Math.max(1, low), high);
  return integer ? Math.ceil(value) : value;
}

export class SampleGenerator {
  constructor(
    private readonly root: JsonSchema,
    private readonly chooser: Chooser,
  ) {}

  private resolve(ref: string): JsonSchema {
    if (ref === '#') return this.root;
    const name = ref.replace(/^#\/\$defs\//, '');
    const target = this.root.$defs?.[name];
    if (!target) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  }

  generate(schema: JsonSchema = this.root, depth = 0): Json {
    if (schema.$ref) return this.generate(this.resolve(schema.$ref), depth);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[this.chooser.pick(schema.enum.length)]!;
    const options = schema.anyOf ?? schema.oneOf;
    if (options) {
      // Deep in recursive structures prefer scalars, so generation ends.
      const pool =
        depth > 3
          ? options.filter((o) => !o.$ref && o.type !== 'object' && o.type !== 'array')
          : options;
      const choices = pool.length ? pool : options;
      return this.generate(choices[this.chooser.pick(choices.length)]!, depth + 1);
    }
    if (schema.allOf?.length) {
      const merged = schema.allOf.reduce<JsonSchema>(
        (acc, part) => ({
          ...acc,
          ...part,
          properties: { ...acc.properties, ...part.properties },
          required: [...(acc.required ?? []), ...(part.required ?? [])],
        }),
        {},
      );
      return this.generate(merged, depth);
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return stringFor(schema, this.chooser);
      case 'integer':
        return numberFor(schema, true);
      case 'number':
        return numberFor(schema, false);
      case 'boolean':
        return true;
      case 'null':
        return null;
      case 'array':
        return this.array(schema, depth);
      case 'object':
        return this.object(schema, depth);
      default:
        return schema.properties ? this.object(schema, depth) : 'x';
    }
  }

  private array(schema: JsonSchema, depth: number): Json[] {
    if (schema.prefixItems) return schema.prefixItems.map((item) => this.generate(item, depth + 1));
    const min = schema.minItems ?? 0;
    const max = schema.maxItems ?? 10;
    // Choice 0: one item (or the minimum); later choices try up to two more.
    const extra = this.chooser.seed === 0 ? 0 : this.chooser.pick(3);
    const base = Math.max(min, this.chooser.coin() && depth < 4 ? 1 : 0);
    const length = Math.min(max, base + (depth < 4 ? extra : 0));
    return Array.from({ length }, () => this.generate(schema.items ?? {}, depth + 1));
  }

  private object(schema: JsonSchema, depth: number): Record<string, Json> {
    const out: Record<string, Json> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (required.has(key) || (depth < 4 && this.chooser.coin())) {
        out[key] = this.generate(property, depth + 1);
      }
    }
    const extra = schema.additionalProperties;
    if (!schema.properties && typeof extra === 'object' && depth < 3 && this.chooser.coin()) {
      const key = schema.propertyNames
        ? String(this.generate({ ...schema.propertyNames, type: 'string' }, depth + 1))
        : `k${rand()}`;
      out[key] = this.generate(extra, depth + 1);
    }
    return out;
  }
}

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/**
 * A value the schema accepts, or null when 60 attempts found none. `full` fills every optional
 * field it can (fuzz baselines); `minimal` only the required ones (requests meant to succeed).
 */
export function validSample(schema: z.ZodType, mode: 'full' | 'minimal' = 'full'): Json | null {
  const json = jsonSchemaOf(schema);
  // Minimal first when asked; refinements may need optional parts, so then full ones.
  const modes = mode === 'minimal' ? [true, false] : [false];
  for (const minimal of modes) {
    for (let seed = 0; seed < 60; seed += 1) {
      const value = new SampleGenerator(json, new Chooser(seed, minimal)).generate();
      if (schema.safeParse(value).success) return value;
    }
  }
  return null;
}
