import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { formatError, PkimmError } from '../../src/core/errors.js';
import { bundledRegistry, FIXTURES, fixtureText } from '../helpers/registry.js';
import { cli, expectNoStack } from '../support/run-cli.js';

const registry = bundledRegistry();
const broken = readdirSync(join(FIXTURES, 'invalid')).filter((name) => !name.endsWith('.txt'));

/** The code and the lines the CLI would print, as `invalid/<file>.txt` records them. */
async function failure(relative: string): Promise<string> {
  try {
    await parseAssessmentText(fixtureText(relative), relative, registry);
  } catch (error) {
    if (!(error instanceof PkimmError)) throw error;
    return [error.code, ...formatError(error)].join('\n') + '\n';
  }
  throw new Error(`${relative} was accepted`);
}

describe('invalid assessment files', () => {
  it.each(broken)('%s fails with exactly the recorded problems and lines', async (name) => {
    const expected = fixtureText(join('invalid', name.replace(/\.(yaml|json)$/, '.txt')));
    expect(await failure(`invalid/${name}`)).toBe(expected);
  });

  it('has a fixture for each rule', () => {
    expect(broken.length).toBeGreaterThanOrEqual(20);
  });

  it('names the file it read', async () => {
    const path = join(FIXTURES, 'invalid', 'unknown-requirement.yaml');
    await expect(readAssessmentFile(path, registry)).rejects.toMatchObject({
      code: 'ASSESSMENT_INVALID',
      source: path,
    });
  });

  it('refuses files above the size limit and missing files with typed errors', async () => {
    await expect(readAssessmentFile(join(FIXTURES, 'no-such-file.yaml'), registry)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    await expect(parseAssessmentText('[1, 2', 'broken', registry)).rejects.toMatchObject({
      code: 'PARSE_ERROR',
    });
    await expect(parseAssessmentText('just text', 'text', registry)).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
    });
    await expect(parseAssessmentText('', 'empty', registry)).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
    });
  });
});

describe('deeply nested files', () => {
  // 5,000 levels in 25 KB: without the guard in front of the YAML parser this takes the process down.
  const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);

  it.each(['score', 'convert'])(
    'pkimm %s refuses them with exit 2 and a line, and does not crash',
    async (command) => {
      const dir = mkdtempSync(join(tmpdir(), 'pkimm-deep-'));
      const file = join(dir, 'deep.json');
      writeFileSync(file, deep);
      const args = command === 'score' ? ['score', file] : ['convert', file, join(dir, 'out.yaml')];
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/deep\.json:1: more than 64 levels/);
      expect(expectNoStack(result.stderr)).toBe(true);
    },
  );

  it('refuses a deeply nested model file the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-deep-'));
    const file = join(dir, 'model.yaml');
    writeFileSync(file, deep);
    const result = await cli(['model', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nested more than 64 levels/);
  });
});
