/**
 * "A file exported by the official app must score identically here": every official export we
 * have, plus randomly generated ones for both model versions and both modes, scored by pkimm's
 * engine and by an independent implementation of the official rules (test/support/official-rules.ts).
 */
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { officialRaws, type OfficialExport } from '../support/official-rules.js';

const registry = new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-official-')) });
const official = join(import.meta.dirname, '..', 'fixtures', 'assessments', 'official');
const files = [
  ...readdirSync(official).map((name) => join(official, name)),
  join(import.meta.dirname, '..', '..', 'examples', 'official-export-2.0.0-full.yaml'),
];

async function compare(text: string, source: string) {
  const { assessment, model } = await parseAssessmentText(text, source, registry);
  const report = scoreAssessment(model, assessment);
  const expected = officialRaws(model, load(text) as OfficialExport);
  for (const category of report.categories) {
    const raw = expected.categories.get(category.key)!;
    expect(category.raw, `${source} ${category.key}`).toBe(raw > 0 ? raw : null);
    if (raw > 0) expect(category.level).toBe(Math.floor(raw));
  }
  for (const module of report.modules) {
    const raw = expected.modules.get(module.id)!;
    expect(module.raw, `${source} module ${module.id}`).toBe(raw > 0 ? raw : null);
  }
  expect(report.overall.raw, `${source} overall`).toBe(expected.overall > 0 ? expected.overall : null);
  expect(report.overall.level).toBe(expected.overall > 0 ? Math.min(5, Math.floor(expected.overall)) : null);
  return report;
}

describe('official exports score exactly as in the official app', () => {
  it.each(files)('%s', async (path) => {
    const report = await compare(readFileSync(path, 'utf8'), path);
    expect(report.overall.raw).not.toBeNull();
  });

  const entry = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ level: fc.integer({ min: 1, max: 5 }), applicability: fc.constant(true) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ level: fc.integer({ min: 0, max: 5 }), applicability: fc.constant(false) }),
    },
    { weight: 1, arbitrary: fc.record({ level: fc.constant(0), applicability: fc.constant(true) }) },
  );

  it.each(['1.0.0', '2.0.0'] as const)('random %s exports, self and full mode', async (version) => {
    const model = await registry.get('pkimm', version);
    const categoryKeys = model.modules.flatMap((m) => m.categories.map((c) => c.key));
    const requirementKeys = model.modules.flatMap((m) =>
      m.categories.flatMap((c) => c.requirements.map((r) => r.key)),
    );
    const arbitrary = fc.record({
      progress: fc.tuple(...categoryKeys.map(() => entry)),
      requirements: fc.option(fc.tuple(...requirementKeys.map(() => fc.option(entry, { freq: 3 }))), {
        freq: 2,
      }),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ progress, requirements }) => {
        const file: Record<string, unknown> = {
          stateSchemaVersion: requirements ? 2 : 1,
          dataVersion: version,
          name: 'random',
          id: '00000000-0000-4000-8000-000000000000',
          progress: Object.fromEntries(
            categoryKeys.map((key, i) => [
              key,
              {
                level: progress[i]!.level,
                result: '',
                description: '',
                applicability: progress[i]!.applicability,
              },
            ]),
          ),
          enabledExtensions: [],
          assessmentName: '',
          assessorName: '',
          useCaseDescription: '',
        };
        if (requirements) {
          file['requirementProgress'] = Object.fromEntries(
            requirementKeys
              .map((key, i) => [key, requirements[i]] as const)
              .filter(
                (pair): pair is readonly [string, { level: number; applicability: boolean }] =>
                  pair[1] !== null,
              )
              .map(([key, value]) => [key, { ...value, notes: '', evidence: '' }]),
          );
        }
        await compare(dump(file), `random-${version}.yaml`);
      }),
      { numRuns: 60 },
    );
  });
});
