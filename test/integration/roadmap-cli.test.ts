import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import { applyStep } from '../../src/core/roadmap/build-roadmap.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { cli, expectNoStack } from '../support/run-cli.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';

const registry = bundledRegistry();
const model = await registry.get('pkimm', '2.0.0');
const samplePath = `${EXAMPLES}/sample-assessment-2.0.0.yaml`;
const sample = (await readAssessmentFile(samplePath, registry)).assessment;
const dir = mkdtempSync(join(tmpdir(), 'pkimm-roadmap-'));

interface Step {
  requirement: string;
  from: number;
  to: number;
  overallAfter: number;
}

describe('pkimm roadmap', () => {
  it('prints the ranked steps as JSON, overallAfter checked by the scoring engine', async () => {
    const result = await cli(['roadmap', samplePath, '--target', '4', '--format', 'json']);
    expect(result.code).toBe(0);
    const steps = JSON.parse(result.stdout) as Step[];
    expect(steps.length).toBeGreaterThan(0);
    let state = sample;
    for (const step of steps) {
      expect(Object.keys(step)).toEqual(['requirement', 'from', 'to', 'overallAfter']);
      expect(step.to).toBe(4);
      state = applyStep(state, { kind: 'requirement', key: step.requirement, to: 4 });
      expect(step.overallAfter).toBe(scoreAssessment(model, state).overall.raw);
    }
    expect(scoreAssessment(model, state).overall.level).toBeGreaterThanOrEqual(4);
  });

  it('uses the targets in the file, and --target overrides the overall one', async () => {
    const path = join(dir, 'targets.yaml');
    const withTargets = {
      ...sample,
      roadmap: { targets: { categories: { 'M.certificate-management': 3 as const } } },
    };
    writeFileSync(path, serializeAssessment(withTargets, model, 'pkimm-yaml'));
    const own = JSON.parse((await cli(['roadmap', path, '--format', 'json'])).stdout) as Step[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => s.requirement.startsWith('M.certificate-management.') && s.to === 3)).toBe(true);
    const overridden = JSON.parse(
      (await cli(['roadmap', path, '--target', '5', '--format', 'json'])).stdout,
    ) as Step[];
    expect(overridden.some((s) => s.requirement.startsWith('G.') && s.to === 5)).toBe(true);
    expect(
      overridden
        .filter((s) => s.requirement.startsWith('M.certificate-management.'))
        .every((s) => s.to === 3),
    ).toBe(true);
  });

  it('prints a table with the tracks by default', async () => {
    const result = await cli(['roadmap', samplePath, '--target', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/organisational\s+G\.cryptography\./);
    expect(result.stdout).toContain('operational');
  });

  it('exits 2 on a bad target, no target at all, or a missing file', async () => {
    for (const target of ['0', '6', '2.5', 'high']) {
      const bad = await cli(['roadmap', samplePath, '--target', target]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--target must be a whole number from 1 to 5');
      expect(expectNoStack(bad.stderr)).toBe(true);
    }
    const none = await cli(['roadmap', samplePath]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('sets no target');
    const missing = await cli(['roadmap', join(dir, 'nope.yaml'), '--target', '3']);
    expect(missing.code).toBe(2);
  });
});
