import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIdMapping } from '../../src/assessment-io/mapping.js';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import type { Assessment } from '../../src/core/assessment/assessment.types.js';
import { diffAssessments } from '../../src/core/diff/diff-assessments.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { cli, expectNoStack } from '../support/run-cli.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';

const registry = bundledRegistry();
const [v1, v2, mapping] = await Promise.all([
  registry.get('pkimm', '1.0.0'),
  registry.get('pkimm', '2.0.0'),
  loadIdMapping(),
]);
const sample = (await readAssessmentFile(`${EXAMPLES}/sample-assessment-2.0.0.yaml`, registry)).assessment;
const dir = mkdtempSync(join(tmpdir(), 'pkimm-diff-'));
const write = (name: string, assessment: Assessment, model = v2) => {
  const path = join(dir, name);
  writeFileSync(path, serializeAssessment(assessment, model, 'pkimm-yaml'));
  return path;
};

/** The sample with a few answers changed: one up, one down, one scoped out, one unrated. */
function edited(): Assessment {
  const requirements = { ...sample.requirements };
  const set = (key: string, patch: Partial<Assessment['requirements'][string]>) => {
    requirements[key] = { ...requirements[key]!, ...patch };
  };
  set('G.strategy-and-vision.sponsor-support', { level: 5 });
  set('M.certificate-management.cert-inventory', { level: 1 });
  set('O.automation.automation-description', { applicability: 'not-applicable', reason: 'manual issuance' });
  set('R.awareness.awareness-plan', { level: 0 });
  return { ...sample, requirements };
}

/** The 2.0.0 sample written back onto 1.0.0 keys (the mapping backwards), as an older cycle. */
function asVersion1(assessment: Assessment): Assessment {
  const requirementFrom = new Map(mapping.requirements.map((p) => [p.to, p.from]));
  const categoryFrom = new Map(mapping.categories.map((p) => [p.to, p.from]));
  const requirements: Assessment['requirements'] = {};
  for (const [key, answer] of Object.entries(assessment.requirements)) {
    const old = requirementFrom.get(key);
    if (old) requirements[old] = answer;
  }
  const categories: Assessment['categories'] = {};
  for (const [key, answer] of Object.entries(assessment.categories)) {
    const old = categoryFrom.get(key);
    if (old) categories[old] = answer;
  }
  return { ...assessment, model: { id: 'pkimm', version: '1.0.0' }, requirements, categories };
}

describe('diff of two assessments', () => {
  it('lists only what changed, with the direction of each requirement', () => {
    const diff = diffAssessments({ model: v2, assessment: sample }, { model: v2, assessment: edited() });
    expect(diff.requirements.map((r) => [r.id, r.before, r.after, r.change])).toEqual([
      ['G.strategy-and-vision.sponsor-support', 4, 5, 'up'],
      ['M.certificate-management.cert-inventory', 2, 1, 'down'],
      ['O.automation.automation-description', 3, 'n/a', 'became-n/a'],
      ['R.awareness.awareness-plan', 2, null, 'unrated'],
    ]);
    expect(diff.categories.map((c) => c.id)).toEqual([
      'G.strategy-and-vision',
      'M.certificate-management',
      'O.automation',
      'R.awareness',
    ]);
    const before = scoreAssessment(v2, sample);
    const after = scoreAssessment(v2, edited());
    expect(diff.overall).toEqual({ before: before.overall.raw, after: after.overall.raw });
    const strategy = diff.categories[0]!;
    expect(strategy.delta).toBeCloseTo(
      after.categories.find((c) => c.key === 'G.strategy-and-vision')!.raw! -
        before.categories.find((c) => c.key === 'G.strategy-and-vision')!.raw!,
      12,
    );
  });

  it('reports no change between an assessment and itself', () => {
    const diff = diffAssessments({ model: v2, assessment: sample }, { model: v2, assessment: sample });
    expect(diff.requirements).toEqual([]);
    expect(diff.categories).toEqual([]);
  });

  it('lines 1.0.0 up with 2.0.0 through the id mapping', () => {
    const old = asVersion1(sample);
    old.requirements['M.5.5'] = { applicability: 'applicable', level: 3 };
    old.requirements['G.1.1'] = { ...old.requirements['G.1.1']!, level: 2 };
    const diff = diffAssessments({ model: v1, assessment: old }, { model: v2, assessment: sample }, mapping);
    expect(diff.mapped).toBe(true);
    expect(diff.requirements.map((r) => [r.id, r.before, r.after])).toEqual([
      ['G.strategy-and-vision.sponsor-support', 2, 4],
      // Cryptography is new in 2.0.0: nothing to compare it with, so its ratings show as new.
      ...Object.entries(sample.requirements)
        .filter(([key, answer]) => key.startsWith('G.cryptography.') && answer.level > 0)
        .map(([key, answer]) => [key, null, answer.level]),
      ['M.5.5', 3, null],
    ]);
    const ids = diff.categories.map((c) => c.id);
    expect(ids).toContain('G.strategy-and-vision');
    expect(ids).toContain('G.cryptography');
    expect(ids).toContain('M.key-management');
    expect(diff.categories.find((c) => c.id === 'G.cryptography')!.before).toBeNull();
    // The other way round, the newer side still names the keys.
    const back = diffAssessments({ model: v2, assessment: sample }, { model: v1, assessment: old }, mapping);
    expect(back.requirements[0]).toMatchObject({
      id: 'G.strategy-and-vision.sponsor-support',
      before: 4,
      after: 2,
    });
  });

  it('refuses two model versions without a mapping', () => {
    expect(() =>
      diffAssessments({ model: v1, assessment: asVersion1(sample) }, { model: v2, assessment: sample }),
    ).toThrow(/no id mapping/);
  });
});

describe('pkimm diff', () => {
  it('prints exactly the contract shape as JSON', async () => {
    const a = write('a.yaml', sample);
    const b = write('b.yaml', edited());
    const result = await cli(['diff', a, b, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['requirements', 'categories', 'overall']);
    expect(json['requirements']).toEqual([
      { id: 'G.strategy-and-vision.sponsor-support', before: 4, after: 5 },
      { id: 'M.certificate-management.cert-inventory', before: 2, after: 1 },
      { id: 'O.automation.automation-description', before: 3, after: 'n/a' },
      { id: 'R.awareness.awareness-plan', before: 2, after: null },
    ]);
    const categories = json['categories'] as { id: string; before: unknown; after: unknown }[];
    expect(categories.every((c) => Object.keys(c).join() === 'id,before,after')).toBe(true);
    expect(Object.keys(json['overall'] as object)).toEqual(['before', 'after']);
  });

  it('diffs a 1.0.0 file against a 2.0.0 file', async () => {
    const old = asVersion1(sample);
    old.requirements['G.1.1'] = { ...old.requirements['G.1.1']!, level: 2 };
    const a = write('old.yaml', old, v1);
    const b = write('new.yaml', sample);
    const result = await cli(['diff', a, b, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { requirements: { id: string }[] };
    expect(json.requirements[0]).toEqual({
      id: 'G.strategy-and-vision.sponsor-support',
      before: 2,
      after: 4,
    });
  });

  it('prints a table by default', async () => {
    const result = await cli(['diff', write('t1.yaml', sample), write('t2.yaml', edited())]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/G\.strategy-and-vision\.sponsor-support\s+4\s+5\s+up/);
    expect(result.stdout).toMatch(/overall: [\d.]+ → [\d.]+/);
  });

  it('exits 2 on a missing file or a bad format, without a stack', async () => {
    const missing = await cli(['diff', join(dir, 'nope.yaml'), write('t3.yaml', sample)]);
    expect(missing.code).toBe(2);
    expect(expectNoStack(missing.stderr)).toBe(true);
    const format = await cli(['diff', write('t4.yaml', sample), write('t5.yaml', sample), '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
  });
});
