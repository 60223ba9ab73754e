import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

// Strategy and vision rated 4,3,2,1 (weights 3,2,2,1); the sample extension doubles
// sponsor-support (3 → 6) and adds 1 to architecture (1 → 2); relevance rated 2 (weight 5).
// Compliance self-declared 3, category weight overridden to 3, relevance rated 5 (weight 3).
const assessment = `format: pkimm-assessment
formatVersion: 1
title: Extension check
model: { id: pkimm, version: 2.0.0 }
mode: full
categories:
  G.compliance: { level: 3 }
requirements:
  G.strategy-and-vision.sponsor-support: { level: 4 }
  G.strategy-and-vision.responsible-leadership: { level: 3 }
  G.strategy-and-vision.scope-and-drivers: { level: 2 }
  G.strategy-and-vision.architecture: { level: 1 }
extensions:
  - { id: sample, version: 0.1.0 }
relevance:
  sample.G.strategy-and-vision: { level: 2 }
  sample.G.compliance: { level: 5 }
`;

describe('pkimm score with an extension', () => {
  it('scores an imported extension next to the unchanged baseline', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pkimm-ext-score-'));
    expect(
      (await cli(['model', 'import', join(fixtures, 'extensions', 'valid-kebab.yaml')], { PKIMM_HOME: home }))
        .code,
    ).toBe(0);
    const file = join(home, 'assessment.yaml');
    writeFileSync(file, assessment);
    const result = await cli(['score', file, '--format', 'json'], { PKIMM_HOME: home });
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as {
      overall: { raw: number };
      extensions: { id: string; score: { raw: number }; floor: { raw: number }; weighted: { raw: number } }[];
    };
    const baseSv = 23 / 8;
    expect(json.overall.raw).toBeCloseTo((baseSv * 5 + 3 * 2) / 7, 14);

    const overlaidSv = (4 * 6 + 3 * 2 + 2 * 2 + 1 * 2) / (6 + 2 + 2 + 2);
    const blendSv = (overlaidSv * 12 + 2 * 5) / (12 + 5);
    const selfWeights = 4 + 3 + 3 + 5; // all compliance requirement weights, no overlays there
    const blendCompliance = (3 * selfWeights + 5 * 3) / (selfWeights + 3);
    const [extension] = json.extensions;
    expect(extension!.id).toBe('sample');
    expect(extension!.score.raw).toBeCloseTo((blendSv * 5 + blendCompliance * 3) / 8, 14);
    expect(extension!.floor.raw).toBeCloseTo(Math.min(blendSv, blendCompliance), 14);
    expect(extension!.weighted.raw).toBeCloseTo((baseSv * 5 + 3 * 3) / 8, 14);
  });

  it('notes an enabled extension that is not installed and still scores the baseline', async () => {
    const result = await cli(['score', join(fixtures, 'assessments', 'official', 'extension-2.0.0.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/extension pqc@0\.2\.0 is enabled in the assessment but not installed/);
    expect(result.stdout).toMatch(/^Overall: level \d/m);
  });
});
