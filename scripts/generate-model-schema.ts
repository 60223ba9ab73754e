/**
 * `npx tsx scripts/generate-model-schema.ts`: regenerates the editor JSON Schema of the 2.0.0
 * model file from the zod schema, formatted with the project's Prettier settings so that
 * `npm run format:check` stays clean. A test fails when the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { packageRoot } from '../src/io/package-root.js';
import { MODEL_JSON_SCHEMA_PATH, modelJsonSchemaText } from '../src/model-loader/json-schema.js';

const target = join(packageRoot(), MODEL_JSON_SCHEMA_PATH);
const config = (await resolveConfig(target)) ?? {};
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, await format(modelJsonSchemaText(), { ...config, filepath: target }));
console.log(`wrote ${MODEL_JSON_SCHEMA_PATH}`);
