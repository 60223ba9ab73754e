import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../../src/model-loader/registry.js';

/** The real registry over the bundled models, with an empty data directory of its own. */
export function bundledRegistry(): ModelRegistry {
  return new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-assessment-test-')) });
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'assessments');
export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf8');
}
