/**
 * Values shaped by a JSON Schema (the OpenAPI document's request schemas), so the API fuzz
 * reaches the handlers and not only the validator: the generator mostly follows the schema and
 * the mutations of hostile.ts then break it in one place at a time. It knows the keywords the
 * zod-to-JSON-Schema output uses; anything else falls back to an arbitrary JSON value.
 */
import fc from 'fast-check';
import { hostileString } from './hostile.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
}

const REAL_KEYS = [
  'G.strategy-and-vision.sponsor-support',
  'G.strategy-and-vision',
  'G',
  'pqc.G.strategy-and-vision',
];

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 200));
  const fitting = fc.string({ minLength: min, maxLength: max });
  switch (schema.format) {
    case 'date':
      return fc.oneof(fc.constant('2026-09-01'), fc.constantFrom('2026-02-30', '0000-00-00'));
    case 'date-time':
      return fc.constantFrom('2026-09-01T10:00:00.000Z', '2026-13-01T00:00:00Z');
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.constantFrom('someone@a.test', 'owner@a.test', 'x@y');
    default:
      return fc.oneof({ weight: 3, arbitrary: fitting }, fc.constantFrom(...REAL_KEYS), hostileString);
  }
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + 1);
  const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - 1);
  const low = Math.max(-1e9, Math.ceil(min));
  const high = Math.min(1e9, Math.max(low, Math.floor(max)));
  return integer
    ? fc.integer({ min: low, max: high })
    : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** A value that mostly satisfies `schema`; `depth` bounds recursion. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined && choices.length > 0)
    return fc.oneof(...choices.map((c) => fromSchema(c, depth + 1)));
  if (schema.allOf !== undefined && schema.allOf.length > 0) return fromSchema(schema.allOf[0], depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => fromSchema({ ...schema, type }, depth + 1)));
  }
  const base = valueOfType(schema, types[0], depth);
  return schema.nullable === true ? fc.option(base, { nil: null, freq: 8 }) : base;
}

function valueOfType(schema: JsonSchema, type: string | undefined, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Math.min(schema.minItems ?? 0, 20);
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 20));
      return fc.array(fromSchema(schema.items, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectFor(schema, depth);
    default:
      return schema.properties ? objectFor(schema, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const keys = Object.keys(properties);
  if (keys.length === 0) {
    const values =
      typeof schema.additionalProperties === 'object'
        ? fromSchema(schema.additionalProperties, depth + 1)
        : fc.jsonValue({ maxDepth: 1 });
    return fc.dictionary(fc.oneof(fc.constantFrom(...REAL_KEYS), fc.string({ maxLength: 8 })), values, {
      maxKeys: 4,
    });
  }
  return fc
    .tuple(
      ...keys.map((key) =>
        required.has(key)
          ? fromSchema(properties[key], depth + 1)
          : fc.option(fromSchema(properties[key], depth + 1), { nil: undefined, freq: 3 }),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        keys.map((key, i) => [key, values[i]] as const).filter(([, value]) => value !== undefined),
      ),
    );
}
