/**
 * Our own JSON format: lossless through `pkimm export --format json|yaml`, versioned, and
 * published as a JSON Schema generated from the zod schema (the committed file must be fresh).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_JSON_SCHEMA_PATH,
  assessmentJsonSchemaText,
} from '../../src/exchange/json/assessment-json-schema.js';
import { packageRoot } from '../../src/io/package-root.js';
import { EXAMPLES } from '../helpers/registry.js';
import { cli } from '../support/run-cli.js';

interface JsonSchema {
  required: string[];
  properties: Record<string, { const?: unknown; properties?: Record<string, unknown> }>;
  additionalProperties: boolean;
}

describe('JSON Schema of the assessment format', () => {
  it('is committed and up to date (run `npx tsx scripts/generate-assessment-schema.ts` after a change)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(packageRoot(), ASSESSMENT_JSON_SCHEMA_PATH), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(assessmentJsonSchemaText()));
  });

  it('describes the versioned, closed document with levels as integers 0..5', () => {
    const schema = JSON.parse(assessmentJsonSchemaText()) as JsonSchema;
    expect(schema.required).toEqual(['format', 'formatVersion', 'title', 'model', 'mode']);
    expect(schema.properties['format']?.const).toBe('pkimm-assessment');
    expect(schema.properties['formatVersion']?.const).toBe(1);
    expect(schema.additionalProperties).toBe(false);
    expect(assessmentJsonSchemaText()).toContain('"maximum": 5');
    expect(readFileSync(join(packageRoot(), 'docs/assessment-format.md'), 'utf8')).toContain(
      ASSESSMENT_JSON_SCHEMA_PATH,
    );
  });
});

describe('pkimm export --format json|yaml', () => {
  it.each(['sample-assessment-2.0.0.yaml', 'official-export-2.0.0-full.yaml'])(
    'writes %s losslessly: converting back gives the same official export byte for byte',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'pkimm-json-'));
      const json = join(dir, 'a.json');
      expect((await cli(['export', join(EXAMPLES, name), '--format', 'json', '--out', json])).code).toBe(0);
      const yaml = join(dir, 'a.yaml');
      expect((await cli(['export', json, '--format', 'yaml', '--out', yaml])).code).toBe(0);
      expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(parse(readFileSync(yaml, 'utf8')));
      const official = await cli(['export', yaml, '--format', 'official']);
      const direct = await cli(['export', join(EXAMPLES, name), '--format', 'official']);
      expect(official.stdout).toBe(direct.stdout);
      if (name.startsWith('official')) expect(direct.stdout).toBe(readFileSync(join(EXAMPLES, name), 'utf8'));
    },
  );

  it('refuses an unknown format and a workbook on stdout', async () => {
    const file = join(EXAMPLES, 'sample-assessment-2.0.0.yaml');
    const unknown = await cli(['export', file, '--format', 'docx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--format must be one of xlsx, csv, oscal, json, yaml, official (got "docx")',
    );
    const binary = await cli(['export', file, '--format', 'xlsx']);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('give --out FILE.xlsx');
  });

  it('reads a workbook it wrote as input, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-json-'));
    const book = join(dir, 'a.xlsx');
    expect(
      (
        await cli([
          'export',
          join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
          '--format',
          'xlsx',
          '--out',
          book,
        ])
      ).code,
    ).toBe(0);
    const back = await cli(['export', book, '--format', 'yaml']);
    expect(back.code).toBe(0);
    expect(parse(back.stdout)).toEqual(
      parse(readFileSync(join(EXAMPLES, 'sample-assessment-2.0.0.yaml'), 'utf8')),
    );
  });
});
