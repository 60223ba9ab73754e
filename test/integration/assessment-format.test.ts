import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromPath } from '../../src/assessment-io/format-from-path.js';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { bundledRegistry, EXAMPLES, FIXTURES } from '../helpers/registry.js';

const registry = bundledRegistry();
const ours = [
  ...readdirSync(join(FIXTURES, 'valid')).map((name) => join(FIXTURES, 'valid', name)),
  join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
  join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'),
];

describe('our assessment format', () => {
  it.each(ours)('reads %s and writes it back as the same data, in YAML and JSON', async (path) => {
    const { assessment, format, model } = await readAssessmentFile(path, registry);
    expect(format).toBe('pkimm');
    for (const target of ['pkimm-yaml', 'pkimm-json'] as const) {
      const text = serializeAssessment(assessment, model, target);
      const again = await parseAssessmentText(text, `written.${target}`, registry);
      expect(again.assessment).toStrictEqual(assessment);
      expect(serializeAssessment(again.assessment, model, target)).toBe(text);
    }
  });

  it('writes the documented key order and leaves defaults out', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(FIXTURES, 'valid', 'full-2.0.0.yaml'),
      registry,
    );
    const text = serializeAssessment(assessment, model, 'pkimm-yaml');
    const topKeys = text
      .split('\n')
      .filter((line) => /^[a-zA-Z]/.test(line))
      .map((line) => line.split(':')[0]);
    expect(topKeys).toEqual([
      'format',
      'formatVersion',
      'id',
      'title',
      'model',
      'mode',
      'type',
      'organisation',
      'assessor',
      'dates',
      'scope',
      'modules',
      'categories',
      'requirements',
      'extensions',
      'relevance',
      'preserved',
    ]);
    expect(text).not.toMatch(/applicability: applicable|level: 0/);
    const json = serializeAssessment(assessment, model, 'pkimm-json');
    expect(json).toMatch(/^\{\n {2}"format": "pkimm-assessment",\n {2}"formatVersion": 1,/);
  });

  it('keeps the sample a complete, realistic full-mode assessment', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
      registry,
    );
    const report = scoreAssessment(model, assessment);
    const answers = Object.values(assessment.requirements);
    expect(answers).toHaveLength(76);
    expect(answers.filter((a) => a.applicability === 'not-applicable').length).toBeGreaterThanOrEqual(2);
    expect(answers.every((a) => a.applicability === 'not-applicable' || a.level > 0)).toBe(true);
    expect(report.completeness.ratio).toBe(1);
    expect(report.overall.level).toBeGreaterThanOrEqual(2);
  });

  it('reads a file written as JSON by its content, whatever its name', async () => {
    const text = readFileSync(join(FIXTURES, 'valid', 'self-1.0.0.json'), 'utf8');
    const { assessment, model } = await parseAssessmentText(text, 'in-memory', registry);
    expect(model.version).toBe('1.0.0');
    expect(assessment.categories['O.10']).toEqual({
      level: 0,
      applicability: 'not-applicable',
      reason: 'No automation',
    });
  });

  it.each([
    ['out.json', undefined, 'pkimm-json'],
    ['OUT.JSON', undefined, 'pkimm-json'],
    ['out.yaml', undefined, 'pkimm-yaml'],
    ['out.yml', undefined, 'pkimm-yaml'],
    ['out', undefined, 'pkimm-yaml'],
    ['out.yaml', 'official', 'official'],
    ['out.json', 'pkimm', 'pkimm-json'],
  ] as const)('formatFromPath(%s, %s) is %s', (path, target, expected) => {
    expect(formatFromPath(path, target)).toBe(expected);
  });
});

describe('docs/assessment-format.md', () => {
  it('shows a complete example that is valid and survives both conversions', async () => {
    const doc = readFileSync(join(EXAMPLES, '..', 'docs', 'assessment-format.md'), 'utf8');
    const example = /```yaml\n(format: pkimm-assessment[\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { assessment, model } = await parseAssessmentText(example ?? '', 'docs example', registry);
    expect(assessment.modules.R?.applicability).toBe('not-applicable');
    const official = await parseAssessmentText(
      serializeAssessment(assessment, model, 'official'),
      'exported',
      registry,
    );
    expect(official.assessment).toStrictEqual(assessment);
  });
});
