import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/io/package-root.js';
import { MODEL_JSON_SCHEMA_PATH, modelJsonSchemaText } from '../../src/model-loader/json-schema.js';

describe('editor JSON Schema of the 2.0.0 model file', () => {
  it('is up to date with the zod schema (run `npx tsx scripts/generate-model-schema.ts` after changing it)', () => {
    // Compared as data: the committed file is Prettier-formatted, the generated text is not.
    const committed: unknown = JSON.parse(readFileSync(join(packageRoot(), MODEL_JSON_SCHEMA_PATH), 'utf8'));
    expect(committed).toEqual(JSON.parse(modelJsonSchemaText()));
  });

  it('describes the required fields and the 2.0.0 level names', () => {
    const schema = JSON.parse(modelJsonSchemaText()) as { required: string[]; title: string };
    expect(schema.required).toEqual(['schemaVersion', 'version', 'modules']);
    expect(schema.title).toBe('PKI Maturity Model, schema 2.0.0');
    expect(modelJsonSchemaText()).toContain('"Foundational"');
  });
});
