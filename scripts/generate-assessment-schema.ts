/**
 * `npx tsx scripts/generate-assessment-schema.ts`: regenerates the published JSON Schema of
 * our assessment format from the zod schema, formatted with the project's Prettier settings.
 * A test (exchange-json.test.ts) fails when the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  ASSESSMENT_JSON_SCHEMA_PATH,
  assessmentJsonSchemaText,
} from '../src/exchange/json/assessment-json-schema.js';
import { packageRoot } from '../src/io/package-root.js';

const target = join(packageRoot(), ASSESSMENT_JSON_SCHEMA_PATH);
const config = (await resolveConfig(target)) ?? {};
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, await format(assessmentJsonSchemaText(), { ...config, filepath: target }));
console.log(`wrote ${ASSESSMENT_JSON_SCHEMA_PATH}`);
