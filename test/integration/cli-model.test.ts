import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectNoStack } from '../support/run-cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

describe('pkimm model', () => {
  it('lists both bundled versions as JSON', async () => {
    const result = await cli(['model', 'list', '--format', 'json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as {
      id: string;
      version: string;
      categories: number;
      requirements: number;
    }[];
    expect(entries.map((e) => `${e.id}@${e.version}`)).toEqual(
      expect.arrayContaining(['pkimm@1.0.0', 'pkimm@2.0.0']),
    );
    expect(entries.find((e) => e.version === '2.0.0')).toMatchObject({ categories: 16, requirements: 76 });
  });

  it('shows a model with ids and weights', async () => {
    const result = await cli(['model', 'show', 'pkimm@2.0.0', '--format', 'json']);
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as {
      modules: {
        id: string;
        categories: { id: string; weight: number; requirements: { id: string; weight: number }[] }[];
      }[];
    };
    const categories = model.modules.flatMap((m) => m.categories);
    expect(categories).toHaveLength(16);
    expect(categories.flatMap((c) => c.requirements)).toHaveLength(76);
    expect(categories.find((c) => c.id === 'cryptography')).toMatchObject({ weight: 5 });
    expect(categories.find((c) => c.id === 'resilience')!.requirements[0]).toMatchObject({
      id: 'risk-assessment',
      weight: 6,
    });
  });

  it('shows 1.0.0 with its numeric ids as a table', async () => {
    const result = await cli(['model', 'show', 'pkimm@1.0.0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}M\.5\.5 +M\.5\.5 /m);
    expect(result.stdout).toContain('R.15');
  });

  it('names the available versions when a version does not exist', async () => {
    const result = await cli(['model', 'show', 'pkimm@9.9.9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pkimm@9.9.9');
    expect(result.stderr).toContain('pkimm@2.0.0');
    expect(expectNoStack(result.stderr)).toBe(true);
  });

  it('rejects a malformed reference as a usage error', async () => {
    const result = await cli(['model', 'show', 'pkimm-2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: /);
  });

  it('validates a good model file', async () => {
    const result = await cli(['model', 'validate', join(fixtures, 'model', 'valid', 'small-2.0.0.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid model');
  });

  it('reports every problem of a bad model file as file:line path: message', async () => {
    const file = join(fixtures, 'model', 'invalid', 'three-problems.yaml');
    const result = await cli(['model', 'validate', file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/3 problems/);
    expect(lines.slice(1)).toHaveLength(3);
    for (const line of lines.slice(1))
      expect(line).toMatch(new RegExp(`^error: ${file.replace(/[.]/g, '\\.')}:\\d+ \\S+: .+`));
  });

  it('refuses a YAML alias bomb quickly and clearly', async () => {
    const started = performance.now();
    const result = await cli(['model', 'validate', join(fixtures, 'model', 'invalid', 'alias-bomb.yaml')]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('alias-bomb.yaml');
    expect(expectNoStack(result.stderr)).toBe(true);
  });

  it('imports a model into PKIMM_HOME and leaves the store alone on a bad file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pkimm-import-'));
    const good = await cli(['model', 'import', join(fixtures, 'model', 'valid', 'small-2.0.0.yaml')], {
      PKIMM_HOME: home,
    });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/imported model pkimm@2\.0\.0/);
    const before = readdirSync(join(home, 'models'), { recursive: true });
    const bad = await cli(['model', 'import', join(fixtures, 'model', 'invalid', 'weight-zero.yaml')], {
      PKIMM_HOME: home,
    });
    expect(bad.code).toBe(2);
    expect(readdirSync(join(home, 'models'), { recursive: true })).toEqual(before);
    const listed = await cli(['model', 'list', '--format', 'json'], { PKIMM_HOME: home });
    expect(JSON.parse(listed.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'pkimm', version: '2.0.0', origin: 'imported' }),
      ]),
    );
  });

  it('imports an extension after its model', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pkimm-ext-'));
    cpSync(join(fixtures, 'extensions', 'valid-kebab.yaml'), join(home, 'ext.yaml'));
    const result = await cli(['model', 'import', join(home, 'ext.yaml')], { PKIMM_HOME: home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/imported extension /);
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown command or option, 0 on help', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['model', 'list', '--bogus'])).code).toBe(2);
    expect((await cli(['model', 'list', '--format', 'xml'])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('score');
  });
});
